/**
 * Folding Vietnamese text for matching: what a reader ignores when the input has lost its
 * diacritics or been damaged by OCR. Stored text keeps its diacritics (NFC); only comparisons fold.
 */

const COMBINING = /[\u0300-\u036f]/g

/**
 * Normalises to NFC, the one form stored and compared.
 *
 * @example
 * nfc('Quý IV'.normalize('NFD')) === 'Quý IV' //=> true
 */
export function nfc(text: string): string {
  return text.normalize('NFC')
}

/**
 * Folds text to lower-case ASCII letters: strips diacritics, maps đ/Đ (and the look-alike
 * Icelandic Ð/ð that OCR produces) to d, and collapses white space.
 *
 * @example
 * fold('Thời gian  thực hiện') //=> 'thoi gian thuc hien'
 * fold('ĐẢNG ỦY') //=> 'dang uy'
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐðÐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}
