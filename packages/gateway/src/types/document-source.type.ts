/** Where a document's text came from: the file and the program that read it. */
import type { DocumentSourceRecord } from '@chidao/core'
import { Field, Int, ObjectType } from 'type-graphql'

@ObjectType('DocumentSource', {
  description: 'A file a document was imported from (POST /import or `chidao import FILE`), and what read it.',
})
export class DocumentSourceType {
  @Field(() => String, { description: 'The file’s name as given.' }) fileName!: string
  @Field(() => String, { description: 'Hex SHA-256 of the file’s bytes.' }) sha256!: string
  @Field(() => Int, { description: 'Bytes.' }) size!: number
  @Field(() => String, { description: 'Found from the content: application/pdf, image/png…' }) mediaType!: string
  @Field(() => String, { description: 'The program that read the text: pdfjs-dist, tesseract…' }) extractor!: string
  @Field(() => String) extractorVersion!: string
  @Field(() => Int) pages!: number
  @Field(() => String, { description: 'When it was imported (ISO 8601, UTC).' }) importedAt!: string

  static of(s: DocumentSourceRecord): DocumentSourceType {
    return Object.assign(new DocumentSourceType(), {
      fileName: s.fileName,
      sha256: s.sha256,
      size: s.size,
      mediaType: s.mediaType,
      extractor: s.extractor.name,
      extractorVersion: s.extractor.version,
      pages: s.pages,
      importedAt: s.importedAt,
    })
  }
}
