/**
 * What others found: national messages (quotes grouped under the report they come from) and an
 * inspection's findings, its positives and each area for improvement with the actions taken on it.
 */
import type { LineLedger } from './ledger.ts';
import { addSection } from './ledger.ts';
import { item, slugify, unquote, wordCount } from './prose.ts';
import { blockText, readBulletBlock } from './scrutiny-presentation-slides.ts';
import type { Slide } from './scrutiny-presentation-slides.ts';
import { lineNumbers } from './text.ts';
import type { ImportedDocument, ListItem } from './types.ts';

/** A plain line names a source; the bullets after it are quotes from that source. */
export function readNational(slide: Slide, doc: ImportedDocument, ledger: LineLedger): void {
  const sources: ListItem[] = [];
  let current: ListItem | undefined;
  let pendingText: string[] = [];
  let pendingLines: number[] = [];
  for (const block of slide.body) {
    if (!block.bullets) {
      pendingText.push(blockText(block));
      pendingLines.push(...lineNumbers(block.lines));
      continue;
    }
    if (pendingText.length > 0) {
      const text = pendingText.join(', ');
      const same = sources.find((s) => s.text === text);
      current = same ?? item(text, []);
      current.lines.push(...pendingLines);
      if (!same) sources.push(current);
      pendingText = [];
      pendingLines = [];
    }
    const quotes = readBulletBlock(block);
    if (current) current.children.push(...quotes);
    else sources.push(...quotes);
  }
  // A source with no quotes after it is kept as a source of its own.
  if (pendingText.length > 0) sources.push(item(pendingText.join(', '), pendingLines));
  addSection(doc, ledger, {
    key: 'national',
    heading: slide.title,
    text: '',
    items: sources,
    lines: lineNumbers(slide.heading),
  });
}

export function readInspection(slide: Slide, doc: ImportedDocument, ledger: LineLedger): void {
  // Each "Label:" introduces the list after it; a label repeated on the next slide ("Positives
  // reported included:") makes one list.
  const lists = new Map<string, { heading: string; items: ListItem[]; lines: number[] }>();
  const text: string[] = [];
  const textLines: number[] = [];
  let key = 'finding.notes';
  for (const block of slide.body) {
    const value = block.bullets ? '' : blockText(block);
    if (!block.bullets && !(value.endsWith(':') && wordCount(value) <= 8)) {
      text.push(value);
      textLines.push(...lineNumbers(block.lines));
      continue;
    }
    const heading = block.bullets ? (lists.get(key)?.heading ?? 'Notes') : value.replace(/:$/, '');
    if (!block.bullets) {
      key = /positive|strength|working well|went well/i.test(heading)
        ? 'finding.positives'
        : `finding.${slugify(heading)}`;
    }
    const list = lists.get(key) ?? { heading, items: [], lines: [] };
    if (block.bullets) list.items.push(...readBulletBlock(block));
    else list.lines.push(...lineNumbers(block.lines));
    lists.set(key, list);
  }
  addSection(doc, ledger, {
    key: 'finding',
    heading: slide.title,
    text: text.join('\n\n'),
    items: [],
    lines: [...lineNumbers(slide.heading), ...textLines],
  });
  for (const [listKey, list] of lists) {
    addSection(doc, ledger, {
      key: listKey,
      heading: list.heading,
      text: '',
      items: list.items,
      lines: list.lines,
    });
  }
}

/**
 * Areas for improvement: each plain paragraph (often quoted from the inspection letter) is an area
 * and the bullets under it are the actions. A short bullet ending in "..." or ":" is a sub-heading
 * ("What we are doing....") and is kept with the area, not as an action. Areas are numbered across
 * slides, so the count so far comes in and the new count goes out.
 */
export function readAreas(slide: Slide, count: number, doc: ImportedDocument, ledger: LineLedger): number {
  addSection(doc, ledger, {
    key: 'finding.areas',
    heading: slide.title,
    text: '',
    items: [],
    lines: lineNumbers(slide.heading),
  });
  let n = count;
  let area: { title: string; lines: number[]; items: ListItem[] } | undefined;
  const flush = (): void => {
    if (!area) return;
    n += 1;
    addSection(doc, ledger, {
      key: `finding.area.${n}`,
      heading: area.title,
      text: '',
      items: area.items,
      lines: area.lines,
    });
  };
  for (const block of slide.body) {
    if (!block.bullets) {
      flush();
      area = { title: unquote(blockText(block)), lines: lineNumbers(block.lines), items: [] };
      continue;
    }
    area ??= { title: '', lines: [], items: [] };
    for (const entry of readBulletBlock(block)) {
      if (wordCount(entry.text) <= 6 && /(?:\.{3,}|…|:)$/.test(entry.text)) area.lines.push(...entry.lines);
      else area.items.push(entry);
    }
  }
  flush();
  return n;
}
