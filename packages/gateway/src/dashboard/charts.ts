/** Server-rendered SVG charts: counts per status as bars, a rate as a ring, a value as an inline bar. */
import { html, raw, type Html } from './html.js'
import { STATUS_ORDER, type Translator } from './i18n.js'

const COLOURS: Record<string, string> = {
  COMPLETED_ON_TIME: '#1e6b34',
  COMPLETED_LATE: '#8a5300',
  IN_PROGRESS: '#0b5394',
  OVERDUE: '#a4161a',
  NOT_STARTED: '#5b6670',
  ONGOING: '#5a3e9b',
  AWAITING_GUIDANCE: '#7a5c00',
  SUPERSEDED: '#6b6b6b',
  CANCELLED: '#444',
}

/**
 * Horizontal bars of counts per status, with each label and number written out (an image with a
 * title for screen readers; the same figures are in the table beside it).
 */
export function statusChart(tr: Translator, counts: readonly { status: string; count: number }[]): Html {
  const by = new Map(counts.map((c) => [c.status, c.count]))
  const rows = STATUS_ORDER.map((s) => ({ status: s, count: by.get(s) ?? 0 }))
  const max = Math.max(1, ...rows.map((r) => r.count))
  const [labelW, barW, rowH] = [200, 260, 26]
  const height = rows.length * rowH + 8
  const bars = rows.map((r, i) => {
    const y = 4 + i * rowH
    const w = Math.round((barW * r.count) / max)
    return html`<g data-status="${r.status}"><text x="${labelW - 6}" y="${y + 17}" text-anchor="end" font-size="13" fill="#1b1f24">${tr.status(r.status)}</text>
<rect x="${labelW}" y="${y + 4}" width="${Math.max(w, r.count ? 2 : 0)}" height="${rowH - 8}" fill="${COLOURS[r.status]}"></rect>
<text x="${labelW + w + 6}" y="${y + 17}" font-size="13" fill="#1b1f24" class="count">${r.count}</text></g>`
  })
  return html`<svg class="chart" role="img" aria-labelledby="chart-status-title" viewBox="0 0 ${labelW + barW + 50} ${height}" width="100%" style="max-width:560px">
<title id="chart-status-title">${tr.t('byStatus')}</title>${bars}</svg>`
}

/** A ring showing a percentage (or a dash when there is none). */
export function rateRing(label: string, value: number | null, text: string): Html {
  const r = 40
  const c = 2 * Math.PI * r
  const filled = value === null ? 0 : (c * Math.max(0, Math.min(100, value))) / 100
  return html`<svg role="img" aria-label="${label}: ${text}" viewBox="0 0 100 100" width="110" height="110">
<circle cx="50" cy="50" r="${r}" fill="none" stroke="#dde3ea" stroke-width="12"></circle>
<circle cx="50" cy="50" r="${r}" fill="none" stroke="#1e6b34" stroke-width="12" stroke-dasharray="${filled.toFixed(1)} ${c.toFixed(1)}" transform="rotate(-90 50 50)"></circle>
<text x="50" y="56" text-anchor="middle" font-size="17" font-weight="700" fill="#1b1f24">${text}</text></svg>`
}

/** An inline bar for a table cell, its width a share of the largest (decorative: the number sits beside it). */
export function inlineBar(value: number, max: number, bad = false): Html {
  const width = max > 0 ? Math.round((80 * value) / max) : 0
  return html`<span class="bar${raw(bad ? ' bad' : '')}" style="width:${width}px" aria-hidden="true"></span>`
}

/**
 * A target's latest actual as a small bar against the target: the bar is the actual, the tick the
 * target, on one scale (decorative: the figures and "met / not yet" are written beside it).
 */
export function targetBar(actual: number, target: number, met: boolean): Html {
  const scale = Math.max(Math.abs(actual), Math.abs(target)) * 1.1 || 1
  const [width, height] = [120, 14]
  const at = (v: number) => Math.round((width * Math.max(0, v)) / scale)
  return html`<svg class="target-bar" aria-hidden="true" focusable="false" viewBox="0 0 ${width + 2} ${height}" width="${width + 2}" height="${height}">
<rect x="0" y="2" width="${width}" height="${height - 4}" fill="#dde3ea"></rect><rect class="actual" x="0" y="2" width="${at(actual)}" height="${height - 4}" fill="${met ? '#1e6b34' : '#a4161a'}"></rect>
<rect class="goal" x="${Math.min(width, at(target))}" y="0" width="2" height="${height}" fill="#1b1f24"></rect></svg>`
}
