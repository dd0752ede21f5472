/** A CSV (or TSV) action tracker: encoding detected as for text, the delimiter from the first lines. */
import { parse } from 'csv-parse/sync';
import type { DocumentStructure } from '../../domain/document-structure.ts';
import { decodeText } from './decode.ts';
import { cleanCell, sheetBlocks } from './rows.ts';
import { Refusal, type ReadLimits } from './types.ts';

export function readCsvStructure(bytes: Uint8Array, name: string, limits: ReadLimits): DocumentStructure {
  const decoded = decodeText(bytes, name);
  if (!decoded.ok) throw new Refusal(decoded.reason, decoded.message);
  const text = decoded.text.replace(/^\ufeff/, '');
  if (/^[\s\u200b-\u200d\u2060\ufeff]*$/u.test(text)) throw new Refusal('empty', `${name} has no text in it`);
  const delimiter = delimiterOf(text);
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: 1024 * 1024,
      to_line: limits.maxLines + 1,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new Refusal(
      'unreadable',
      `${name} could not be read as a CSV file${line ? `: the problem is near line ${line}` : ''}. Open it in Excel and save it as CSV again`,
    );
  }
  if (rows.length > limits.maxLines) {
    throw new Refusal(
      'too-large',
      `${name} has more than ${limits.maxLines.toLocaleString('en-GB')} rows. Split it into smaller files`,
    );
  }
  const { lines, blocks } = sheetBlocks([{ rows: rows.map((cells) => cells.map(cleanCell)) }], false);
  return { format: 'csv', encoding: decoded.encoding, lines, blocks };
}

/** The delimiter that splits the first lines into the same number of cells, most of them. */
export function delimiterOf(text: string): string {
  const sample = text
    .slice(0, 64 * 1024)
    .split(/\r\n?|\n/)
    .slice(0, 20)
    .filter((line) => line.trim() !== '');
  let best = ',';
  let bestScore = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const counts = sample.map((line) => countOutsideQuotes(line, candidate));
    const filled = counts.filter((n) => n > 0);
    if (filled.length === 0) continue;
    const common = mode(filled);
    const score = filled.filter((n) => n === common).length * 100 + common;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}
