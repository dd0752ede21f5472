/**
 * `readStructure`: any council document's bytes to its structure (src/domain/document-structure.ts),
 * or a refusal that names the file and says what to do. The format comes from the file's extension
 * and is checked against its first bytes; every reader keeps the limits given, and a reader that
 * fails in a way nobody foresaw refuses the file rather than throwing.
 */
import { basename, extname } from 'node:path';
import type { StructureFormat } from '../../domain/document-structure.ts';
import { readCsvStructure } from './csv.ts';
import { readDocxStructure } from './docx.ts';
import { readPdfStructure } from './pdf.ts';
import { readXlsxStructure } from './xlsx.ts';
import { megabytes, readTextStructure } from './text.ts';
import { defaultLimits, Refusal, type ReadLimits, type StructureResult } from './types.ts';

export { defaultLimits, type ReadLimits, type StructureRefusal, type StructureResult } from './types.ts';

const formatByExtension: Record<string, StructureFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.xlsx': 'xlsx',
  '.csv': 'csv',
  '.tsv': 'csv',
};

export const acceptedExtensions = Object.keys(formatByExtension);

/** The format a file name says, or undefined for one no reader takes. */
export function formatOf(fileName: string): StructureFormat | undefined {
  return formatByExtension[extname(fileName).toLowerCase()];
}

export async function readStructure(
  bytes: Buffer,
  fileName: string,
  limits: Partial<ReadLimits> = {},
): Promise<StructureResult> {
  const all: ReadLimits = { ...defaultLimits, ...limits };
  // Messages name the file as the person knows it, not the path it was uploaded or read from.
  const name = basename(fileName).trim() === '' ? 'The selected file' : basename(fileName);
  const format = formatOf(fileName);
  if (!format) return unsupported(name, extname(fileName).toLowerCase());
  if (bytes.length === 0) return refuse('empty', `${name} is empty`);
  if (bytes.length > all.maxBytes) {
    return refuse('too-large', `${name} must be smaller than ${megabytes(all.maxBytes)}`);
  }
  try {
    switch (format) {
      case 'text':
      case 'markdown':
        return { ok: true, structure: await Promise.resolve(readTextStructure(bytes, name, format, all)) };
      case 'docx':
        return { ok: true, structure: readDocxStructure(bytes, name, all) };
      case 'pdf':
        return { ok: true, structure: await readPdfStructure(bytes, name, all) };
      case 'xlsx':
        return { ok: true, structure: readXlsxStructure(bytes, name, all) };
      case 'csv':
        return { ok: true, structure: readCsvStructure(bytes, name, all) };
      default:
        return unsupported(name, extname(fileName).toLowerCase());
    }
  } catch (error) {
    if (error instanceof Refusal) return refuse(error.reason, error.message);
    return refuse(
      'unreadable',
      `${name} could not be read. It may be damaged: open it, save it again and retry`,
    );
  }
}

function unsupported(name: string, extension: string): StructureResult {
  if (extension === '.doc') {
    return refuse(
      'unsupported-type',
      `${name} is an older Word file. Save it as a Word (.docx) file and try again`,
    );
  }
  if (extension === '.xls') {
    return refuse(
      'unsupported-type',
      `${name} is an older Excel file. Save it as an Excel (.xlsx) file and try again`,
    );
  }
  return refuse(
    'unsupported-type',
    `${name} is not a text, Markdown, Word (.docx), PDF, Excel (.xlsx) or CSV file`,
  );
}

function refuse(reason: Refusal['reason'], message: string): StructureResult {
  return { ok: false, reason, message };
}
export { closeStructurePool, readStructureOffThread, StructurePool } from './off-thread.ts';
