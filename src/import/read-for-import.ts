/**
 * From a file's bytes to the records an import would create, in the order a document is read:
 * the structure (src/import/structure/), then a mapping — the council's template when the caller
 * found one for the layout, else one of the dedicated extractors where it recognises the document,
 * else a mapping suggested from the structure (kind "general" where nothing fits better). Nothing is
 * written. A caller finds templates (the database) between `readForImport` and `mapForImport`.
 */
import { createHash } from 'node:crypto';
import type { DocumentStructure, StructureFormat, TextEncoding } from '../domain/document-structure.ts';
import {
  layoutSignature,
  noOverrides,
  type ImportMapping,
  type LayoutSignature,
  type MappingOverrides,
} from '../domain/import-mapping.ts';
import type { DocumentKind, ImportedDocument, SourceLine } from '../domain/imports.ts';
import { applyMapping } from './mapping/apply.ts';
import { suggestMapping } from './mapping/suggest.ts';
import { readDocument } from './read-document.ts';
import { analyseDocument, extractors, summarise, type ImportSummary } from './recognise.ts';
import { readStructure } from './structure/index.ts';
import { countNonBlank } from './text.ts';

export type ReadForImport =
  | {
      ok: true;
      fileName: string;
      format: StructureFormat | 'docx';
      encoding?: TextEncoding;
      /** Absent for a format only the older line reader takes (until its structure reader lands). */
      structure?: DocumentStructure;
      layoutSignature?: LayoutSignature;
      contentHash: string;
      lines: SourceLine[];
      /** The records an extractor read, for a format without a structure reader. */
      extracted?: { document: ImportedDocument };
    }
  | { ok: false; fileName: string; message: string };

/** The same text is the same import, whatever it was saved as: the hash is over its non-blank lines. */
export function contentHashOf(lines: readonly SourceLine[]): string {
  const text = lines
    .map((line) => line.text.trim())
    .filter(Boolean)
    .join('\n');
  return createHash('sha256').update(text).digest('hex');
}

/** How the structure is read: here, or in a worker (`StructurePool.read`) so a server keeps answering. */
export type StructureReader = typeof readStructure;

export async function readForImport(
  bytes: Buffer,
  fileName: string,
  reader: StructureReader = readStructure,
): Promise<ReadForImport> {
  const read = await reader(bytes, fileName);
  if (read.ok) {
    const structure = read.structure;
    return {
      ok: true,
      fileName,
      format: structure.format,
      ...(structure.encoding ? { encoding: structure.encoding } : {}),
      structure,
      layoutSignature: layoutSignature(structure),
      contentHash: contentHashOf(structure.lines),
      lines: structure.lines,
    };
  }
  if (read.reason !== 'unsupported-type') return { ok: false, fileName, message: read.message };
  // A format the structure readers do not take yet (.docx here): the older reader and its extractors.
  const old = await readDocument(bytes, fileName);
  if (!old.ok) return old;
  return {
    ok: true,
    fileName,
    format: /\.docx$/i.test(fileName) ? 'docx' : 'text',
    contentHash: old.contentHash,
    lines: old.lines,
    extracted: { document: old.document },
  };
}

export interface Mapped {
  document: ImportedDocument;
  summary: ImportSummary;
  /** The mapping that made the records, or that the person can start a correction from. */
  mapping: ImportMapping | null;
  /** 'extractor' when one of the dedicated extractors read it (the mapping is then only offered). */
  source: 'template' | 'person' | 'suggested' | 'extractor';
}

/**
 * The records of a document read with `mapping` (a template's, or a person's correction) and this
 * document's `overrides`, or, without one, the best reading Wesaid has (analyseDocument: an
 * extractor that recognises it, else the general mapper). `kind` forces the kind.
 */
export function mapForImport(
  read: Extract<ReadForImport, { ok: true }>,
  options: {
    mapping?: ImportMapping;
    source?: 'template' | 'person';
    kind?: DocumentKind;
    overrides?: MappingOverrides;
  } = {},
): Mapped {
  const structure = read.structure;
  if (!structure) {
    const document = read.extracted!.document;
    const forced = options.kind ? { ...document, kind: options.kind } : document;
    return {
      document: forced,
      summary: summarise(forced, countNonBlank(read.lines)),
      mapping: null,
      source: 'extractor',
    };
  }
  const mapping =
    options.mapping && options.kind ? { ...options.mapping, kind: options.kind } : options.mapping;
  const analysis = analyseDocument(read.lines, extractors, {
    structure,
    general: true,
    ...(mapping ? { mapping, overrides: options.overrides ?? noOverrides } : {}),
    ...(options.kind ? { kind: options.kind } : {}),
  });
  if (!analysis.ok) {
    // The mapper never refuses a structure; should it fail, everything stays unplaced for the person.
    const empty = applyMapping(structure, { ...suggestMapping(structure), kind: 'general' });
    return {
      document: empty,
      summary: summarise(empty, countNonBlank(read.lines)),
      mapping: null,
      source: 'suggested',
    };
  }
  const document = mapping ? { ...analysis.document, kind: mapping.kind } : analysis.document;
  return {
    document,
    summary: mapping ? summarise(document, countNonBlank(read.lines)) : analysis.summary,
    // An extractor's reading offers the suggested mapping, for a person who wants to change it.
    mapping: analysis.mapping ?? suggestMapping(structure, undefined, document.kind),
    source: mapping ? (options.source ?? 'person') : analysis.mapping ? 'suggested' : 'extractor',
  };
}
