/**
 * A tiny HTML template: `html\`<p>${text}</p>\`` escapes every value unless it is already HTML
 * (from `html` or `raw`); arrays are joined; null, undefined and false render nothing.
 */

/** Markup that is safe to insert as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Escapes text for HTML content and attribute values.
 *
 * @example
 * escapeHtml('<b>"Sở"</b>') //=> '&lt;b&gt;&quot;Sở&quot;&lt;/b&gt;'
 */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** Renders one interpolated value. */
function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof Html) return value.value
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(String(value))
}

/**
 * The template tag.
 *
 * @example
 * html`<td>${'a < b'}</td>`.value //=> '<td>a &lt; b</td>'
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!
  return new Html(out)
}

/**
 * Trusted markup (made here, never from data).
 *
 * @example
 * html`${raw('<br>')}`.value //=> '<br>'
 */
export function raw(markup: string): Html {
  return new Html(markup)
}
