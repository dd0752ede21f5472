/**
 * The slides in which the service tells its own story:
 * - the improvement journey, one section per year a bullet starts with (`journey.<year>`);
 * - lists announced with their size ("7 Sustainability Projects", "4 Investable Propositions") as
 *   `projects` / `propositions` when the count agrees, other slides as sections keyed by title;
 * - figures written in sentences, as measures (see `prose-figures.ts`), dated from the meeting.
 */
import type { LineLedger } from './ledger.ts';
import { addSection, listLines } from './ledger.ts';
import { cleanText, joinTraced, slugify, splitSentences } from './prose.ts';
import { readProseFigures } from './prose-figures.ts';
import type { YearMonth } from './prose-figures.ts';
import { blockText, bulletItems } from './scrutiny-presentation-slides.ts';
import type { Block, Slide } from './scrutiny-presentation-slides.ts';
import { lineNumbers } from './text.ts';
import type { ImportedDocument, ListItem } from './types.ts';

export function readJourney(slide: Slide, doc: ImportedDocument, ledger: LineLedger): void {
  const undated: ListItem[] = [];
  const byYear = new Map<string, ListItem[]>();
  for (const entry of bulletItems(slide.body)) {
    const year = /^(\d{4})\b/.exec(entry.text)?.[1];
    if (year) byYear.set(year, [...(byYear.get(year) ?? []), entry]);
    else undated.push(entry);
  }
  const prose = slide.body.filter((b) => !b.bullets);
  addSection(doc, ledger, {
    key: 'journey',
    heading: slide.title,
    text: prose.map(blockText).join('\n\n'),
    items: undated,
    lines: [...lineNumbers(slide.heading), ...prose.flatMap((b) => lineNumbers(b.lines))],
  });
  for (const [year, entries] of [...byYear].sort(([a], [b]) => a.localeCompare(b))) {
    addSection(doc, ledger, {
      key: `journey.${year}`,
      heading: year,
      text: entries.map((e) => e.text).join('\n'),
      items: [],
      lines: listLines(entries),
    });
  }
}

/** A list slide whose title announces its size ("7 Sustainability Projects") and whose list has that many items. */
function announcedList(slide: Slide, items: ListItem[]): string | undefined {
  const m =
    /\b(\d{1,2})\s+(?:[\w-]+\s+){0,2}?(projects?|propositions?|priorities|workstreams?|strands?|themes?)\b/i.exec(
      slide.title,
    );
  if (!m || Number(m[1]) !== items.length) return undefined;
  const noun = m[2]!.toLowerCase();
  return noun.endsWith('s') ? noun : `${noun}s`;
}

/** Any other slide: its bullets as items, its sentences as text, except those stating figures. */
export function readGeneral(
  slide: Slide,
  asAt: YearMonth | undefined,
  doc: ImportedDocument,
  ledger: LineLedger,
): void {
  const items = bulletItems(slide.body).map((entry) => ({
    ...entry,
    // "1 – Early Help" or "1. Early Help": the number is the list's order, kept by position.
    text: entry.text.replace(/^\d{1,2}\s*[–—.:)-]\s+/, ''),
  }));
  const paragraphs: string[] = slide.subtitle.map((l) => cleanText(l.text));
  const paragraphLines: number[] = lineNumbers(slide.subtitle);
  const measuresBefore = doc.measures.length;
  for (const block of slide.body.filter((b) => !b.bullets)) {
    const left = readMeasures(block, slide.title, asAt, doc, ledger);
    if (left.text !== '') {
      paragraphs.push(left.text);
      paragraphLines.push(...left.lines);
    }
  }
  const firstMeasure = doc.measures[measuresBefore];
  if (firstMeasure && paragraphs.length === 0 && items.length === 0) {
    // A slide that is only a figure: its title names the measure, so it belongs with it.
    firstMeasure.lines.unshift(...lineNumbers(slide.heading));
    ledger.place(lineNumbers(slide.heading), `measure:${firstMeasure.name}`);
    return;
  }
  const key = announcedList(slide, items) ?? (slugify(slide.title).replace(/^(?:our|the)-/, '') || 'slide');
  addSection(doc, ledger, {
    key,
    heading: slide.title,
    text: paragraphs.join('\n\n'),
    items,
    lines: [...lineNumbers(slide.heading), ...paragraphLines],
  });
}

/**
 * Turns each sentence of a paragraph that states dated figures into a measure and hands back the
 * rest of the paragraph. A line holding both kinds of sentence is referred to by both records.
 */
function readMeasures(
  block: Block,
  heading: string,
  asAt: YearMonth | undefined,
  doc: ImportedDocument,
  ledger: LineLedger,
): { text: string; lines: number[] } {
  const joined = joinTraced(block.lines);
  const used: Array<[number, number]> = [];
  for (const figures of readProseFigures(joined.text, { ...(asAt ? { asAt } : {}), heading })) {
    // Observations need a month: a bare year is kept in the text, not turned into a value.
    const observations = figures.observations.filter((o) => /^\d{4}-\d{2}/.test(o.period));
    if (observations.length === 0) continue;
    const lines = joined.linesAt(figures.start, figures.end);
    const name = figures.name ?? cleanText(heading);
    ledger.place(lines, `measure:${name}`);
    doc.measures.push({
      name,
      unit: figures.unit,
      ...(figures.rolling12Months ? { rolling12Months: true } : {}),
      statement: figures.statement,
      observations: observations.map((o) => ({
        period: o.period,
        value: o.value,
        lines: joined.linesAt(o.start, o.end),
      })),
      lines,
    });
    for (const problem of figures.problems) doc.needsReview.push({ message: `${name}: ${problem}`, lines });
    used.push([figures.start, figures.end]);
  }
  const rest = splitSentences(joined.text).filter(
    (s) => !used.some(([start, end]) => s.start >= start && s.end <= end),
  );
  return {
    text: rest.map((s) => s.text).join(' '),
    lines: [...new Set(rest.flatMap((s) => joined.linesAt(s.start, s.end)))],
  };
}
