/**
 * What surrounds the reports of a highlight report pack: the page headers and footers repeated on
 * every page, and the title before the first priority.
 */
import { areaLabels, sectionLabels } from './highlight-report-pack-areas.ts';
import { headerLabels, meetingDateRow, priorityRow } from './highlight-report-pack-header.ts';
import type { LineLedger } from './ledger.ts';
import {
  isBlank,
  isPageNumberLine,
  lineNumbers,
  parseBullet,
  parseMarkdownHeading,
  readValue,
  splitLabel,
} from './text.ts';
import type { ImportedDocument, SourceLine } from './types.ts';

const allLabels = [
  ...areaLabels,
  ...Object.values(headerLabels).flat(),
  ...Object.values(sectionLabels).flat(),
];

/**
 * Page headers and footers: page numbers, and lines that come back word for word and are not list
 * items, labels, table rows or sentences. A report pack repeats its header on every page; its
 * content does not repeat, and a repeated sentence ("No update this period.") is content.
 */
export function findPageFurniture(lines: SourceLine[]): Set<number> {
  const byText = new Map<string, number[]>();
  const pageNumbers: number[] = [];
  for (const line of lines) {
    if (isBlank(line)) continue;
    // Checked first: a footer "- 2 -" would otherwise read as a bullet.
    if (isPageNumberLine(line.text)) pageNumbers.push(line.number);
    else if (parseBullet(line.text) || priorityRow(line.text)) continue;
    else if (splitLabel(line.text, allLabels) || meetingDateRow(line.text)) continue;
    else if (!/[.!?;]$/.test(readValue(line.text))) {
      const key = plainText(line.text).toLowerCase();
      const seen = byText.get(key);
      if (seen) seen.push(line.number);
      else byText.set(key, [line.number]);
    }
  }
  const repeated = [...byText.values()].filter((numbers) => numbers.length >= 2).flat();
  return new Set([...pageNumbers, ...repeated]);
}

/** Before the first priority: the first paragraph is the pack's title; anything else is left for a person. */
export function readPreamble(preamble: SourceLine[], doc: ImportedDocument, ledger: LineLedger): void {
  const title: SourceLine[] = [];
  for (const line of preamble) {
    if (title.length > 0 && line.number !== title[title.length - 1]!.number + 1) break;
    title.push(line);
  }
  if (title.length === 0) return;
  doc.title = title.map((line) => plainText(line.text)).join(' ');
  doc.titleLines = lineNumbers(title);
  ledger.place(lineNumbers(title), 'title');
}

/** A line's text without Markdown heading marks or emphasis. */
export function plainText(text: string): string {
  return parseMarkdownHeading(text)?.text ?? readValue(text);
}
