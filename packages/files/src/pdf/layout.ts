/**
 * Lines and table rows from the positions of a PDF page's text pieces: pieces on one baseline
 * make a line, read left to right; a gap wider than the font size (an em; a word space is about a third of one) splits the line
 * into cells (the two columns of a header, the columns of a task table), joined by a tab as Word's
 * text export does. In a table of three or more columns, a line that starts right of the first
 * column continues the row above (a cell's text wrapped onto more lines). A vertical gap well over
 * the page's usual line spacing is a paragraph break, written as an empty line (the importer reads
 * a title and an opening paragraph by them).
 */

/** A positioned piece of text (pdfjs's TextItem, reduced to what the layout uses). */
export interface TextPiece {
  readonly str: string
  /** Left edge and baseline, in PDF points (y grows upwards). */
  readonly x: number
  readonly y: number
  readonly width: number
  /** Font size (the height of the text matrix). */
  readonly size: number
}

interface Segment {
  x: number
  end: number
  text: string
}
interface Line {
  y: number
  size: number
  segments: Segment[]
}

/** Pieces grouped by baseline, top of the page first, each line's pieces left to right. */
function lines(pieces: readonly TextPiece[]): Line[] {
  const sorted = pieces.filter((p) => p.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x)
  const out: { y: number; size: number; pieces: TextPiece[] }[] = []
  for (const p of sorted) {
    const last = out[out.length - 1]
    if (last && Math.abs(last.y - p.y) <= Math.max(2, 0.4 * Math.min(last.size || p.size, p.size || last.size))) {
      last.pieces.push(p)
      if (p.str.trim()) last.size = Math.max(last.size, p.size)
    } else out.push({ y: p.y, size: p.str.trim() ? p.size : 0, pieces: [p] })
  }
  return out.map((l) => ({
    y: l.y,
    size: l.size,
    segments: segments(
      l.pieces.sort((a, b) => a.x - b.x),
      l.size || 10,
    ),
  }))
}

/** A line's pieces joined into cells: a small gap is a space, a wide one a cell boundary. */
function segments(pieces: readonly TextPiece[], size: number): Segment[] {
  const out: Segment[] = []
  let current: Segment | null = null
  for (const p of pieces) {
    if (!p.str.trim()) {
      if (current && !current.text.endsWith(' ')) current.text += ' ' // whitespace pieces count as one space, never as position
      continue
    }
    const gap = current ? p.x - current.end : 0
    if (!current || gap > size) {
      current = { x: p.x, end: p.x + p.width, text: p.str }
      out.push(current)
      continue
    }
    const glue = gap > 0.2 * size && !current.text.endsWith(' ') && !p.str.startsWith(' ') ? ' ' : ''
    current.text += glue + p.str
    current.end = Math.max(current.end, p.x + p.width)
  }
  for (const s of out) s.text = s.text.replace(/\s+/g, ' ').trim()
  return out.filter((s) => s.text)
}

/** The column a segment belongs to: the last column starting at or left of it (with some slack). */
function columnOf(columns: readonly number[], x: number, size: number): number {
  let at = 0
  columns.forEach((c, i) => {
    if (x >= c - size) at = i
  })
  return at
}

/**
 * One page's text as lines, table rows as tab-separated cells.
 *
 * @example
 * layoutPage([{ str: 'UBND TỈNH QUẢNG NGÃI', x: 60, y: 800, width: 120, size: 12 },
 *             { str: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', x: 300, y: 800, width: 230, size: 12 }])
 * //=> 'UBND TỈNH QUẢNG NGÃI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
 */
export function layoutPage(pieces: readonly TextPiece[]): string {
  const out: string[] = []
  let table: { columns: number[]; row: string[]; lastY: number; size: number } | null = null
  const flush = () => {
    if (table) out.push(table.row.join('\t'))
    table = null
  }
  const all = lines(pieces).filter((l) => l.segments.length)
  const steps = all
    .slice(1)
    .map((l, i) => all[i]!.y - l.y)
    .filter((d) => d > 0)
    .sort((a, b) => a - b)
  const usual = steps.length ? steps[Math.floor(steps.length / 2)]! : Infinity
  let previousY: number | null = null
  for (const line of all) {
    const size = line.size || 10
    const segs = line.segments
    const paragraphBreak = previousY !== null && previousY - line.y > 1.6 * usual
    previousY = line.y
    if (paragraphBreak) {
      flush()
      out.push('')
    }
    const t = table as { columns: number[]; row: string[]; lastY: number; size: number } | null
    if (t && t.columns.length >= 3 && t.lastY - line.y <= 1.8 * Math.max(size, t.size)) {
      const first = columnOf(t.columns, segs[0]!.x, size)
      const lastSeg = segs[segs.length - 1]!
      const crosses = segs.length === 1 && t.columns.some((c) => c > segs[0]!.x + size && c < lastSeg.end - size)
      if (first > 0 && !crosses) {
        for (const s of segs) {
          const col = columnOf(t.columns, s.x, size)
          t.row[col] = t.row[col] ? `${t.row[col]} ${s.text}` : s.text
        }
        t.lastY = line.y
        continue
      }
      if (segs.length >= 2) {
        flush()
        const columns = t.columns
        const row: string[] = columns.map(() => '')
        for (const s of segs) {
          const col = columnOf(columns, s.x, size)
          row[col] = row[col] ? `${row[col]} ${s.text}` : s.text
        }
        table = { columns, row, lastY: line.y, size }
        continue
      }
    }
    flush()
    if (segs.length >= 2) table = { columns: segs.map((s) => s.x), row: segs.map((s) => s.text), lastY: line.y, size }
    else out.push(segs[0]!.text)
  }
  flush()
  return out.join('\n')
}
