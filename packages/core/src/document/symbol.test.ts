import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors.js'
import { formatSymbol, parseSymbol } from './symbol.js'

// Every number and symbol cited in DOMAIN.md §1–3, with what it must parse to.
const TABLE: [input: string, text: string, format: 'STATE' | 'PARTY', kind: string | null, issuer: string][] = [
  ['57-NQ/TW', '57-NQ/TW', 'PARTY', 'NQ', 'TW'],
  ['03/NQ-CP', '03/NQ-CP', 'STATE', 'NQ', 'CP'],
  ['71/NQ-CP', '71/NQ-CP', 'STATE', 'NQ', 'CP'],
  ['01-CV/BCĐTW', '01-CV/BCĐTW', 'PARTY', 'CV', 'BCĐTW'],
  ['01-KH/BCĐTW', '01-KH/BCĐTW', 'PARTY', 'KH', 'BCĐTW'],
  ['02-KH/BCĐTW', '02-KH/BCĐTW', 'PARTY', 'KH', 'BCĐTW'],
  ['06-TB/BCĐTW', '06-TB/BCĐTW', 'PARTY', 'TB', 'BCĐTW'],
  ['06-TB/CQTTBCĐ', '06-TB/CQTTBCĐ', 'PARTY', 'TB', 'CQTTBCĐ'],
  ['07-TB/CQTTBCĐ', '07-TB/CQTTBCĐ', 'PARTY', 'TB', 'CQTTBCĐ'],
  ['44-TB/TGV', '44-TB/TGV', 'PARTY', 'TB', 'TGV'],
  ['46-TB/TGV', '46-TB/TGV', 'PARTY', 'TB', 'TGV'],
  ['359-KH/TU', '359-KH/TU', 'PARTY', 'KH', 'TU'],
  ['368-KH/TU', '368-KH/TU', 'PARTY', 'KH', 'TU'],
  ['05-KH/TU', '05-KH/TU', 'PARTY', 'KH', 'TU'],
  ['22-CV/TU', '22-CV/TU', 'PARTY', 'CV', 'TU'],
  ['53-CV/TU', '53-CV/TU', 'PARTY', 'CV', 'TU'],
  ['88-CV/TU', '88-CV/TU', 'PARTY', 'CV', 'TU'],
  ['13-CV/TU', '13-CV/TU', 'PARTY', 'CV', 'TU'],
  ['25-CV/TU', '25-CV/TU', 'PARTY', 'CV', 'TU'],
  ['85-CV/TU', '85-CV/TU', 'PARTY', 'CV', 'TU'],
  ['02-CV/BCH', '02-CV/BCH', 'PARTY', 'CV', 'BCH'],
  ['06-CTr/BCĐ', '06-CTr/BCĐ', 'PARTY', 'CTr', 'BCĐ'],
  ['04-CV/BCĐ', '04-CV/BCĐ', 'PARTY', 'CV', 'BCĐ'],
  ['01-KH/BCĐ', '01-KH/BCĐ', 'PARTY', 'KH', 'BCĐ'],
  ['327/QĐ-UBND', '327/QĐ-UBND', 'STATE', 'QĐ', 'UBND'],
  ['3609/UBND-KGVX', '3609/UBND-KGVX', 'STATE', 'CV', 'UBND'],
  ['107/KH-UBND', '107/KH-UBND', 'STATE', 'KH', 'UBND'],
  ['1408/SKHCN-QLKHCN', '1408/SKHCN-QLKHCN', 'STATE', 'CV', 'SKHCN'],
  ['09-KH/ĐU', '09-KH/ĐU', 'PARTY', 'KH', 'ĐU'],
  ['52-NQ/TW', '52-NQ/TW', 'PARTY', 'NQ', 'TW'],
  ['50/NQ-CP', '50/NQ-CP', 'STATE', 'NQ', 'CP'],
  ['271-KH/TU', '271-KH/TU', 'PARTY', 'KH', 'TU'],
  ['50-KL/TW', '50-KL/TW', 'PARTY', 'KL', 'TW'],
  ['151/KH-UBND', '151/KH-UBND', 'STATE', 'KH', 'UBND'],
  ['17/NQ-CP', '17/NQ-CP', 'STATE', 'NQ', 'CP'],
  ['61/KH-UBND', '61/KH-UBND', 'STATE', 'KH', 'UBND'],
  ['36-HD/VPTW', '36-HD/VPTW', 'PARTY', 'HD', 'VPTW'],
  ['02-QC/BCĐTW', '02-QC/BCĐTW', 'PARTY', 'QC', 'BCĐTW'],
  ['118/2025/NĐ-CP', '118/2025/NĐ-CP', 'STATE', 'NĐ', 'CP'],
  ['45/2025/NĐ-CP', '45/2025/NĐ-CP', 'STATE', 'NĐ', 'CP'],
  ['30/2020/NĐ-CP', '30/2020/NĐ-CP', 'STATE', 'NĐ', 'CP'],
  ['09/2019/NĐ-CP', '09/2019/NĐ-CP', 'STATE', 'NĐ', 'CP'],
  ['72/2025/QH15', '72/2025/QH15', 'STATE', null, 'QH15'],
  ['202/2025/QH15', '202/2025/QH15', 'STATE', null, 'QH15'],
  // As OCR'd in the seeds: Đ read as D, P or Ð; stray spaces; the "Số:" label.
  ['S6 01-KH/BCD', '01-KH/BCĐ', 'PARTY', 'KH', 'BCĐ'],
  ['07-TB/CQTTBCP', '07-TB/CQTTBCĐ', 'PARTY', 'TB', 'CQTTBCĐ'],
  ['07-TB/CQTTBCD', '07-TB/CQTTBCĐ', 'PARTY', 'TB', 'CQTTBCĐ'],
  ['07-\nTB/CQTTBCD', '07-TB/CQTTBCĐ', 'PARTY', 'TB', 'CQTTBCĐ'],
  ['02-KH/BCDTW', '02-KH/BCĐTW', 'PARTY', 'KH', 'BCĐTW'],
  ['S6:107 /KH-UBND', '107/KH-UBND', 'STATE', 'KH', 'UBND'],
  ['327/QD-UBND', '327/QĐ-UBND', 'STATE', 'QĐ', 'UBND'],
  ['09-KH/ÐU', '09-KH/ĐU', 'PARTY', 'KH', 'ĐU'],
  ['09-KH/PU', '09-KH/ĐU', 'PARTY', 'KH', 'ĐU'],
  ['Số: 09-KH/ĐU', '09-KH/ĐU', 'PARTY', 'KH', 'ĐU'],
  ['118/2025/ND-CP', '118/2025/NĐ-CP', 'STATE', 'NĐ', 'CP'],
  ['57-NQ/TW'.normalize('NFD'), '57-NQ/TW', 'PARTY', 'NQ', 'TW'],
]

describe('parseSymbol', () => {
  it.each(TABLE)('reads %j as %s', (input, text, format, kind, issuer) => {
    const parsed = parseSymbol(input)
    expect(parsed).toMatchObject({ text, format, kind, issuer })
  })

  it('keeps leading zeros of the number', () => {
    expect(parseSymbol('09-KH/ĐU').number).toBe('09')
  })

  it('gives a công văn its issuer and drafting unit', () => {
    expect(parseSymbol('3609/UBND-KGVX')).toMatchObject({ kind: 'CV', issuer: 'UBND', unit: 'KGVX' })
  })

  it('reads the year of a decree number', () => {
    expect(parseSymbol('118/2025/NĐ-CP').year).toBe(2025)
  })

  it('keeps CP as written: P is only read as Đ when the code is otherwise unknown', () => {
    expect(parseSymbol('71/NQ-CP').issuer).toBe('CP')
  })

  it('keeps an unknown issuer code as written, upper-cased', () => {
    expect(parseSymbol('12/KH-sxd').issuer).toBe('SXD')
  })

  it('refuses the illegible number of seed 002 with ILLEGIBLE_SYMBOL, not a guess', () => {
    for (const input of ['S6: £ /KI-UBND', '£ /KI-UBND', '/KH-UBND']) {
      const error = captureError(() => parseSymbol(input))
      expect(error).toBeInstanceOf(DomainError)
      expect(error.code).toBe('ILLEGIBLE_SYMBOL')
    }
  })

  it.each(['', 'Kế hoạch', '107', '107/', '57-XX/TW', '57-NQ', 'NQ/TW-57'])('refuses %j with MALFORMED_SYMBOL', (input) => {
    expect(captureError(() => parseSymbol(input)).code).toBe('MALFORMED_SYMBOL')
  })

  it('formats what it parses back to the same text', () => {
    for (const [input] of TABLE) {
      const parsed = parseSymbol(input)
      expect(formatSymbol(parsed)).toBe(parsed.text)
      expect(parseSymbol(parsed.text)).toEqual(parsed)
    }
  })
})

function captureError(fn: () => unknown): DomainError {
  try {
    fn()
  } catch (e) {
    return e as DomainError
  }
  throw new Error('expected an error')
}
