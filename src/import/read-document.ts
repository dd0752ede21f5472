import { createHash } from 'node:crypto';
import type { ImportMapping } from '../domain/import-mapping.ts';
import { analyseDocument, extractors, type AnalyseOptions, type ImportSummary } from './recognise.ts';
import { readSource } from './source.ts';
import type { ImportedDocument, SourceLine } from './types.ts';

export type ReadDocumentResult =
  | {
      ok: true;
      fileName: string;
      document: ImportedDocument;
      summary: ImportSummary;
      contentHash: string;
      lines: SourceLine[];
      /** The mapping the general mapper used; absent when one of the dedicated extractors read it. */
      mapping?: ImportMapping;
    }
  | { ok: false; fileName: string; message: string };

/**
 * From a file's bytes to the records it would create: read (text, Markdown or .docx), recognise,
 * extract. Nothing is written. The content hash is over the text as read, so the same document
 * saved as .txt or .docx is the same import.
 */
export async function readDocument(
  bytes: Buffer,
  fileName: string,
  options: Omit<AnalyseOptions, 'structure'> = {},
): Promise<ReadDocumentResult> {
  const source = await readSource(bytes, fileName);
  if (!source.ok) return { ok: false, fileName, message: source.message };
  const analysis = analyseDocument(source.lines, extractors, options);
  if (!analysis.ok) return { ok: false, fileName, message: `${fileName}: ${analysis.message}` };
  const text = source.lines
    .map((line) => line.text.trim())
    .filter(Boolean)
    .join('\n');
  const contentHash = createHash('sha256').update(text).digest('hex');
  return {
    ok: true,
    fileName,
    document: analysis.document,
    summary: analysis.summary,
    contentHash,
    lines: source.lines,
    ...(analysis.mapping ? { mapping: analysis.mapping } : {}),
  };
}
