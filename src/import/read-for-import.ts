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
import {
  documentKinds,
  type DocumentKind,
  type ImportedDocument,
  type SourceLine,
} from '../domain/imports.ts';
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

export async function readForImport(bytes: Buffer, fileName: string): Promise<ReadForImport> {
  const read = await readStructure(bytes, fileName);
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
 * document's `overrides`, or, without one, the best reading Wesaid has. `kind` forces the kind.
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
  const nonBlank = countNonBlank(read.lines);
  const done = (document: ImportedDocument, mapping: ImportMapping | null, source: Mapped['source']) => ({
    document,
    summary: summarise(document, nonBlank),
    mapping,
    source,
  });
  const structure = read.structure;
  if (!structure) {
    const document = read.extracted!.document;
    return done(options.kind ? { ...document, kind: options.kind } : document, null, 'extractor');
  }
  if (options.mapping) {
    const mapping = options.kind ? { ...options.mapping, kind: options.kind } : options.mapping;
    const document = applyMapping(structure, mapping, options.overrides ?? noOverrides);
    return done({ ...document, kind: mapping.kind }, mapping, options.source ?? 'person');
  }
  const extracted = extractorReading(read.lines, options.kind);
  if (extracted) return done(extracted, suggestMapping(structure, undefined, extracted.kind), 'extractor');
  const mapping = suggestMapping(structure, undefined, options.kind);
  return done({ ...applyMapping(structure, mapping), kind: mapping.kind }, mapping, 'suggested');
}

/** Tameside's five documents, read by their extractors where one recognises the text (or is asked for). */
function extractorReading(lines: SourceLine[], kind: DocumentKind | undefined): ImportedDocument | null {
  const registry =
    kind === undefined
      ? extractors
      : (documentKinds as readonly string[]).includes(kind)
        ? extractors.filter((e) => e.kind === kind)
        : [];
  if (registry.length === 0) return null;
  const analysis = analyseDocument(lines, registry);
  return analysis.ok ? analysis.document : null;
}
