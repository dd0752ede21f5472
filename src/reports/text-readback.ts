/**
 * Reads the text back out of generated documents, so tests (unit and browser) can check what a
 * reader of the DOCX or PDF would see rather than how the renderer built it.
 */
import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';

/** The text of a .docx, paragraphs separated by blank lines (mammoth's raw text). */
export async function docxText(buffer: Buffer): Promise<string> {
  const result = await mammoth.extractRawText({ buffer });
  return result.value;
}

/** The text of a PDF, lines in content order, pages separated by a blank line and no page markers. */
export async function pdfText(buffer: Buffer): Promise<string> {
  // A copy: pdf.js may transfer the bytes it is given to its worker, which would empty the caller's buffer.
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    // pdfmake wraps after a hyphen without adding one, so "strength-" / "based" is one word again.
    return result.text.replace(/(\p{L})-\n(?=\p{L})/gu, '$1-');
  } finally {
    await parser.destroy();
  }
}

/** The PDF's document information (Title, Author, Subject, Language…) and page count. */
export async function pdfInfo(buffer: Buffer): Promise<{ pages: number; info: Record<string, unknown> }> {
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    const result = await parser.getInfo();
    return { pages: result.total, info: (result.info ?? {}) as Record<string, unknown> };
  } finally {
    await parser.destroy();
  }
}

/** Collapses all runs of white space, so text wrapped across lines or cells compares equal. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Checks that each expected string occurs in `text` after the previous one (white space ignored).
 * Returns the first string not found in order, with what preceded it, or undefined when all are.
 */
export function findOutOfOrder(
  text: string,
  expected: string[],
): { missing: string; after?: string } | undefined {
  const haystack = normaliseSpace(text);
  let from = 0;
  let previous: string | undefined;
  for (const want of expected) {
    const needle = normaliseSpace(want);
    const at = haystack.indexOf(needle, from);
    if (at === -1) return { missing: want, after: previous };
    from = at + needle.length;
    previous = want;
  }
  return undefined;
}
