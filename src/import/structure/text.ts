/** Plain text and Markdown: decoded (the encoding detected and reported), split into lines, structured. */
import type { DocumentStructure } from '../../domain/document-structure.ts';
import { toSourceLines } from '../text.ts';
import { decodeText } from './decode.ts';
import { textBlocks } from './text-blocks.ts';
import { Refusal, type ReadLimits } from './types.ts';

export function readTextStructure(
  bytes: Uint8Array,
  name: string,
  format: 'text' | 'markdown',
  limits: ReadLimits,
): DocumentStructure {
  const decoded = decodeText(bytes, name);
  if (!decoded.ok) throw new Refusal(decoded.reason, decoded.message);
  const lines = linesOf(decoded.text, name, limits);
  return { format, encoding: decoded.encoding, lines, blocks: textBlocks(lines) };
}

/** Lines of decoded text, refusing text with nothing in it or too many lines to read. */
export function linesOf(text: string, name: string, limits: ReadLimits, maxChars = limits.maxBytes) {
  // Zero-width characters and BOMs are invisible: a file of only those has nothing to import.
  if (/^[\s\u200b-\u200d\u2060\ufeff]*$/u.test(text)) throw new Refusal('empty', `${name} has no text in it`);
  if (text.length > maxChars) {
    throw new Refusal('too-large', `${name} has more than ${megabytes(maxChars)} of text`);
  }
  const lines = toSourceLines(text);
  if (lines.length > limits.maxLines) {
    throw new Refusal(
      'too-large',
      `${name} has more than ${limits.maxLines.toLocaleString('en-GB')} lines. Split it into smaller documents`,
    );
  }
  return lines;
}

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
