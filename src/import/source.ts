/**
 * Turns an uploaded file into source lines, or refuses it with a message a person can act on. The
 * readers in ./structure/ do the reading (text and Markdown in UTF-8, UTF-16 or Windows-1252, Word,
 * PDF, Excel and CSV) and give the document's structure beside its lines; Word files come out in
 * the line conventions the extractors were written for: one line per paragraph, "- " bullets
 * indented two spaces a level, table rows as TAB-separated cells.
 */
import type { DocumentStructure, StructureFormat, TextEncoding } from '../domain/document-structure.ts';
import { defaultLimits, readStructure, type StructureRefusal } from './structure/index.ts';
import type { SourceLine } from './types.ts';

export type SourceFormat = StructureFormat;
export type RefusalReason = StructureRefusal;

export type SourceResult =
  | {
      ok: true;
      lines: SourceLine[];
      format: SourceFormat;
      /** How text was decoded, for formats that are text (the person is told). */
      encoding?: TextEncoding;
      structure: DocumentStructure;
    }
  | { ok: false; reason: RefusalReason; message: string };

export const maxSourceBytes = defaultLimits.maxBytes;

export async function readSource(bytes: Buffer, fileName: string): Promise<SourceResult> {
  const result = await readStructure(bytes, fileName);
  if (!result.ok) return result;
  const { structure } = result;
  return {
    ok: true,
    lines: structure.lines,
    format: structure.format,
    ...(structure.encoding ? { encoding: structure.encoding } : {}),
    structure,
  };
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}
