/**
 * A password-protected PDF: the standard security handler (RC4, revision 3) with a user password,
 * so a reader cannot open it with the empty password. Its O and U entries are those of a password
 * nobody here knows; a reader checks the empty password against U, fails, and asks for one.
 */
export function encryptedPdf(): Uint8Array {
  const hex = (n: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + n) % 256).toString(16).padStart(2, '0')).join('')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <${hex(11)}> /U <${hex(29)}> >>`,
  ]
  let body = '%PDF-1.7\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${hex(3).slice(0, 32)}> <${hex(3).slice(0, 32)}>] >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(body)
}
