/**
 * "We said, We did" progress reports (seed 000): numbered priorities, each a run of "We said"
 * commitments answered by "We did" outcomes. This module reads the cover and the blocks under each
 * priority heading; `we-said-we-did-pairs.ts` pairs each commitment with its outcomes.
 *
 * The cover (before the first priority) is read as: the first paragraph is the title (and period);
 * a bare "We said:" / "We did:" there is the poster's key, not a commitment, so it is page
 * furniture; any other cover text (a strapline such as "Child Friendly Tameside") is kept as the
 * "cover" section, because the council wrote it and it may matter to the child-friendly page.
 * Later lines that repeat the title or cover text are page headers, so page furniture too.
 */
import { emptyDocument, LineLedger } from './ledger.ts';
import { isBlank, isPageNumberLine, lineNumbers, parseBullet, readValue, splitLabel } from './text.ts';
import type { DocumentExtractor, ImportedDocument, SourceLine } from './types.ts';
import type { Block, Occurrence, Paragraph } from './we-said-we-did-labels.ts';
import { bothLabels, didLabels, headingOf, key, saidLabels, sideOf } from './we-said-we-did-labels.ts';
import { buildPriority, groupByNumber } from './we-said-we-did-pairs.ts';

export const weSaidWeDidExtractor: DocumentExtractor = {
  kind: 'we-said-we-did',
  recognise,
  extract,
};

function recognise(lines: SourceLine[]): number {
  let said = 0;
  let did = 0;
  let headings = 0;
  for (const line of lines) {
    const side = sideOf(line.text);
    if (side === 'said') said += 1;
    else if (side === 'did') did += 1;
    else if (headingOf(line.text)) headings += 1;
    if (Math.min(said, did) >= 3 && headings > 0) break; // as sure as it gets
  }
  if (said === 0 || did === 0) return 0;
  return 0.6 + (Math.min(said, did) >= 3 ? 0.2 : 0.1) + (headings > 0 ? 0.2 : 0);
}

function extract(lines: SourceLine[]): ImportedDocument {
  const ledger = new LineLedger(lines);
  const doc = emptyDocument('we-said-we-did', '');
  const firstHeading = lines.findIndex((line) => headingOf(line.text));
  const coverEnd = firstHeading !== -1 ? firstHeading : firstLabelWithText(lines);
  const repeated = readCover(lines.slice(0, coverEnd), doc, ledger);
  const body = lines.slice(coverEnd);
  const occurrences =
    firstHeading !== -1
      ? readOccurrences(body, repeated, doc, ledger)
      : [implicitPriority(body, repeated, doc, ledger)];
  for (const [number, group] of groupByNumber(occurrences)) {
    doc.priorities.push(buildPriority(number, group, doc, ledger));
  }
  doc.unplaced = ledger.unplaced();
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Cover

/** Reads the cover and returns the texts that, repeated later, mark a page header. */
function readCover(cover: SourceLine[], doc: ImportedDocument, ledger: LineLedger): Set<string> {
  const repeated = new Set<string>();
  const coverText: SourceLine[] = [];
  let titleDone = false;
  for (const paragraph of paragraphsOf(cover)) {
    const first = paragraph[0]!;
    if (paragraph.length === 1 && sideOf(first.text) && splitLabel(first.text, bothLabels)?.value === '') {
      doc.pageFurniture.push(first);
      ledger.place(first.number, 'pageFurniture');
    } else if (!titleDone) {
      titleDone = true;
      doc.title = paragraph.map((line) => readValue(line.text)).join(' ');
      doc.period = periodOf(doc.title);
      doc.titleLines = lineNumbers(paragraph);
      ledger.place(lineNumbers(paragraph), 'title');
      paragraph.forEach((line) => repeated.add(key(line.text)));
    } else coverText.push(...paragraph);
  }
  if (coverText.length > 0) {
    doc.sections.push({
      key: 'cover',
      heading: 'Cover',
      text: coverText.map((line) => readValue(line.text)).join(' '),
      items: [],
      lines: lineNumbers(coverText),
    });
    ledger.place(lineNumbers(coverText), 'sections.cover');
    coverText.forEach((line) => repeated.add(key(line.text)));
  }
  return repeated;
}

function periodOf(title: string): string | undefined {
  return /\b\d{4}\s*[/–-]\s*\d{2,4}\b/.exec(title)?.[0] ?? /\b(?:19|20)\d{2}\b/.exec(title)?.[0];
}

/** The cover's paragraphs; a "We said" or "We did" line stands alone, as the poster's key. */
function paragraphsOf(lines: SourceLine[]): SourceLine[][] {
  const paragraphs: SourceLine[][] = [];
  let current: SourceLine[] = [];
  for (const line of lines) {
    if (isBlank(line) || sideOf(line.text)) {
      if (current.length > 0) paragraphs.push(current);
      current = [];
      if (!isBlank(line)) paragraphs.push([line]);
    } else current.push(line);
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

// ---------------------------------------------------------------------------------------------
// The blocks under each priority heading

function readOccurrences(
  lines: SourceLine[],
  repeated: Set<string>,
  doc: ImportedDocument,
  ledger: LineLedger,
  start?: Occurrence,
): Occurrence[] {
  const occurrences: Occurrence[] = start ? [start] : [];
  let current = start;
  let block: Block | undefined;
  let paragraph: Paragraph | undefined;
  let expectTitle = false;

  for (const line of lines) {
    if (isBlank(line)) {
      paragraph = undefined;
      // The title is one paragraph: a second one before the first label is not part of it.
      if (current?.title) expectTitle = false;
      continue;
    }
    const heading = headingOf(line.text);
    if (heading) {
      current = { number: heading.number, heading: line.number, blocks: [] };
      if (heading.rest !== '') current.title = { text: heading.rest, lines: [] };
      occurrences.push(current);
      block = paragraph = undefined;
      expectTitle = heading.rest === '';
      continue;
    }
    if (repeated.has(key(line.text)) || isPageNumberLine(line.text)) {
      doc.pageFurniture.push(line);
      ledger.place(line.number, 'pageFurniture');
      paragraph = undefined;
      continue;
    }
    const side = sideOf(line.text);
    if (side) {
      const inline = splitLabel(line.text, side === 'said' ? saidLabels : didLabels)!;
      block = { side, label: line.number, paragraphs: [] };
      current?.blocks.push(block);
      expectTitle = false;
      paragraph = undefined;
      const text = [inline.value, ...inline.rest].join(' ').trim();
      if (text !== '') block.paragraphs.push((paragraph = { text, lines: [line.number] }));
      continue;
    }
    const bullet = parseBullet(line.text);
    const text = readValue(bullet ? bullet.text : line.text);
    if (expectTitle && current) {
      // The title is the paragraph after the heading, wrapped over as many lines as it takes.
      current.title ??= { text: '', lines: [] };
      current.title.text = `${current.title.text} ${text}`.trim();
      current.title.lines.push(line.number);
      continue;
    }
    if (!block) continue; // text between a title and the first label stays unplaced
    if (paragraph && !bullet) {
      paragraph.text = `${paragraph.text} ${text}`;
      paragraph.lines.push(line.number);
    } else block.paragraphs.push((paragraph = { text, lines: [line.number] }));
  }
  return occurrences;
}

/** Without any "Priority" heading, everything after the cover is read as one priority, flagged. */
function implicitPriority(
  lines: SourceLine[],
  repeated: Set<string>,
  doc: ImportedDocument,
  ledger: LineLedger,
): Occurrence {
  doc.needsReview.push({
    message:
      'No priority headings were found, so every commitment is under one priority. Check the priorities.',
    lines: [],
  });
  const start: Occurrence = { number: 1, heading: 0, blocks: [] };
  readOccurrences(lines, repeated, doc, ledger, start);
  return start;
}

/** Where the body starts when there are no headings: the first label with text under it. */
function firstLabelWithText(lines: SourceLine[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (!sideOf(lines[i]!.text)) continue;
    const next = lines.slice(i + 1).find((line) => !isBlank(line));
    if (splitLabel(lines[i]!.text, bothLabels)!.value !== '' || (next && !sideOf(next.text))) return i;
  }
  return lines.length;
}
