/**
 * What a reader returns, and the limits every reader keeps. A refusal's message names the file and
 * says what the person can do about it.
 */
import type { DocumentStructure } from '../../domain/document-structure.ts';

export type StructureRefusal =
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'encoding'
  | 'unsupported-type'
  | 'unreadable'
  | 'unsafe'
  | 'no-text'
  | 'busy';

export type StructureResult =
  { ok: true; structure: DocumentStructure } | { ok: false; reason: StructureRefusal; message: string };

export interface ReadLimits {
  /** Bytes of the file as uploaded. */
  maxBytes: number;
  /** Lines of text once read (a 4 MB document has about 60,000). */
  maxLines: number;
  /** Entries in a zip (.docx, .xlsx). */
  maxEntries: number;
  /** Bytes all the zip entries read may inflate to, together. */
  maxExpandedBytes: number;
  /** How many times its compressed size one entry may inflate to (text deflates about 10 times). */
  maxRatio: number;
  /** Pages of a PDF. */
  maxPages: number;
}

export const defaultLimits: ReadLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxLines: 200_000,
  maxEntries: 2000,
  maxExpandedBytes: 100 * 1024 * 1024,
  maxRatio: 200,
  maxPages: 500,
};

/** A refusal, thrown inside a reader and turned into a StructureResult at its entry. */
export class Refusal extends Error {
  constructor(
    readonly reason: StructureRefusal,
    message: string,
  ) {
    super(message);
  }
}
