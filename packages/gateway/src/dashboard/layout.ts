/** The page shell every dashboard page shares: landmarks, navigation, the language switch. */
import { html, type Html } from './html.js'
import type { Translator } from './i18n.js'

/**
 * A link to a dashboard path keeping the language (and any other parameters given).
 *
 * @example
 * href('/o/QNG.SKHCN', 'en', { asOf: '2025-12-31' }) //=> '/o/QNG.SKHCN?asOf=2025-12-31&lang=en'
 */
export function href(path: string, lang: string, params: Record<string, string | number | null | undefined> = {}): string {
  const search = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') search.set(k, String(v))
  if (lang !== 'vi') search.set('lang', lang)
  const q = search.toString()
  return q ? `${path}?${q}` : path
}

/** The whole page around a body. */
export function layout(tr: Translator, page: { title: string; url: URL; body: Html }): Html {
  const other = tr.lang === 'vi' ? 'en' : 'vi'
  const switchUrl = new URL(page.url.toString())
  if (other === 'en') switchUrl.searchParams.set('lang', 'en')
  else switchUrl.searchParams.delete('lang')
  return html`<!doctype html>
<html lang="${tr.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · chidao</title><link rel="stylesheet" href="/dashboard/app.css"></head>
<body><a class="skip" href="#main">${tr.t('skip')}</a>
<header class="top"><a class="brand" href="${href('/', tr.lang)}">chidao · ${tr.t('appName')}</a>
<nav aria-label="${tr.t('appName')}"><ul>
<li><a href="${href('/', tr.lang)}">${tr.t('dashboard')}</a></li>
<li><a href="/graphql">${tr.t('graphql')}</a></li>
<li><a href="${switchUrl.pathname + switchUrl.search}" lang="${other}" hreflang="${other}">${tr.t('language')}</a></li>
</ul></nav></header>
<main id="main" tabindex="-1">${page.body}</main>
<footer>chidao · ${tr.t('appName')}</footer>
<script src="/dashboard/sort.js" defer></script>
</body></html>`
}

/** A status as a labelled badge. */
export function statusBadge(tr: Translator, status: string): Html {
  return html`<span class="status s-${status}">${tr.status(status)}</span>`
}
