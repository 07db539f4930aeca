/**
 * The parts of a document after its opening: the body, and what follows the signature and "Nơi
 * nhận" — the plan a decision issues ("KẾ HOẠCH" / "CHƯƠNG TRÌNH HÀNH ĐỘNG" then "(Kèm theo
 * Quyết định số …)") and appendices ("PHỤ LỤC", "DANH MỤC …") with their task tables. A decision
 * that issues a plan is one document: its articles are not tasks; the plan attached is its body.
 */
import { isRecipientsLine } from './outline.js'
import type { SourceLine } from './lines.js'

/** A run of lines, [start, end) indexes into the document's lines. */
interface Part {
  readonly start: number
  readonly end: number
  /** The heading that opened it ("KẾ HOẠCH", "PHỤ LỤC II"); null for the body after the opening. */
  readonly heading: string | null
}

/** The parts of a document. */
interface DocumentParts {
  /** Runs of outline text: the body, or the plan(s) a decision attaches. */
  readonly bodies: readonly Part[]
  /** Appendices, each read for a task table. */
  readonly appendices: readonly Part[]
  /** Whether a plan attached after the signature replaced the wrapper's own body. */
  readonly attached: boolean
}

const PLAN_HEADING_RE = /^(?:ke\s+hoach|chuong\s+trinh(?:\s+hanh\s+dong)?|de\s+an)(?:\s+(?:cua|thuc\s+hien)\b.*)?$/
const APPENDIX_HEADING_RE = /^(?:phu\s+luc|danh\s+muc)\b/

function upper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '')
  return letters.length >= 4 && letters.replace(/[^\p{Lu}]/gu, '').length >= letters.length * 0.8
}

/** An attachment: a capitalised plan heading, or one whose next lines say "(Kèm theo …)". */
function attachmentAt(lines: readonly SourceLine[], i: number): 'PLAN' | 'APPENDIX' | null {
  const line = lines[i]!
  if (line.cells.length > 1 || !upper(line.text)) return null
  if (APPENDIX_HEADING_RE.test(line.folded)) return 'APPENDIX'
  if (PLAN_HEADING_RE.test(line.folded)) return 'PLAN'
  return null
}

/**
 * Splits the lines from `bodyStart` into bodies and appendices.
 *
 * @example
 * documentParts(sourceLines(decisionText), layout.bodyStart).bodies[0].heading //=> 'KẾ HOẠCH'
 */
export function documentParts(lines: readonly SourceLine[], bodyStart: number): DocumentParts {
  const bodies: Part[] = []
  const appendices: Part[] = []
  let open: { kind: 'BODY' | 'APPENDIX'; start: number; heading: string | null } | null = { kind: 'BODY', start: bodyStart, heading: null }
  let signed = false
  let attached = false
  const close = (end: number) => {
    if (open && end > open.start) (open.kind === 'BODY' ? bodies : appendices).push({ start: open.start, end, heading: open.heading })
    open = null
  }
  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!
    if (line.text === '') continue
    if (isRecipientsLine(line)) {
      if (open?.kind === 'BODY') close(i)
      signed = true
      continue
    }
    const attachment = attachmentAt(lines, i)
    // A plan heading inside the body is its title, not an attachment; after the signature it is one.
    if (attachment === 'PLAN' && signed && (!open || open.kind === 'APPENDIX')) {
      close(i)
      if (bodies.length > 0 && !attached) bodies.length = 0
      attached = true
      open = { kind: 'BODY', start: i + 1, heading: line.text }
      signed = false
      continue
    }
    // "PHỤ LỤC" over "DANH MỤC …": one appendix, the second line its title.
    const titleOfOpen = open?.kind === 'APPENDIX' && !lines.slice(open.start, i).some((l) => l.cells.length >= 2)
    if (attachment === 'APPENDIX' && !titleOfOpen && (signed || open?.kind === 'APPENDIX' || nextHasTable(lines, i))) {
      close(i)
      open = { kind: 'APPENDIX', start: i, heading: line.text }
    }
  }
  close(lines.length)
  return { bodies, appendices, attached }
}

/** Whether a table row follows within a few lines (an appendix inside the body's text). */
function nextHasTable(lines: readonly SourceLine[], i: number): boolean {
  for (let k = i + 1; k < Math.min(lines.length, i + 5); k++) if (lines[k]!.cells.length >= 3) return true
  return false
}
