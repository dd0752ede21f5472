/**
 * Slides presented to a scrutiny panel or committee (seed 004), exported as text: each slide is a
 * short title line, then bullets or a few sentences. The first slide names the meeting and the
 * talk. Slides whose title repeats an earlier one ("Activity During Covid 2") continue it.
 *
 * What is read:
 * - the improvement journey, one section per year a bullet starts with (`journey.<year>`);
 * - lists announced with their size ("7 Sustainability Projects", "4 Investable Propositions") as
 *   `projects` / `propositions` when the count agrees, other slides as sections keyed by title;
 * - figures written in sentences, as measures (see `prose-figures.ts`), dated from the meeting;
 * - families' and young people's comments, as feedback with any signature as attribution;
 * - national messages, as quotes grouped under their source;
 * - inspection findings: positives, and each area for improvement with its actions.
 *
 * Feedback comments, quotes and areas are often short lines that look like slide titles, so inside
 * those parts only a title of a known kind (or the closing slide) starts a new slide.
 */
import { emptyDocument, LineLedger, listLines } from './ledger.ts';
import {
  cleanText,
  endsSentence,
  item,
  joinTraced,
  slugify,
  splitSentences,
  unquote,
  wordCount,
} from './prose.ts';
import { readProseFigures } from './prose-figures.ts';
import type { YearMonth } from './prose-figures.ts';
import { isBlank, monthNumber, parseBullet } from './text.ts';
import type {
  DocumentExtractor,
  FeedbackSource,
  ImportedDocument,
  ImportedFeedback,
  LineRefs,
  ListItem,
  SourceLine,
} from './types.ts';

export const scrutinyPresentationExtractor: DocumentExtractor = {
  kind: 'scrutiny-presentation',
  recognise,
  extract,
};

// ---------------------------------------------------------------------------------------------
// Blocks and slides

interface Block {
  lines: SourceLine[];
  bullets: boolean;
}

type SlideKind = 'title' | 'feedback' | 'national' | 'inspection' | 'areas' | 'journey' | 'closing' | 'other';

interface Slide {
  kind: SlideKind;
  title: string;
  /** Title lines, the repeats of a title carried over several slides included. */
  heading: SourceLine[];
  /** Title-like lines straight under the title ("System wide from Early Help to Leaving Care"). */
  subtitle: SourceLine[];
  body: Block[];
}

/** Blank lines separate blocks; inside a group, bullets and plain lines make separate blocks. */
function readBlocks(lines: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const line of lines) {
    if (isBlank(line)) {
      current = undefined;
      continue;
    }
    const bullet = parseBullet(line.text) !== undefined;
    // A lower-case line straight after a bullet is that bullet wrapping.
    if (current && !bullet && current.bullets && /^\s*[a-z]/.test(line.text)) {
      current.lines.push(line);
      continue;
    }
    if (!current || current.bullets !== bullet) {
      current = { lines: [], bullets: bullet };
      blocks.push(current);
    }
    current.lines.push(line);
  }
  return blocks;
}

const smallWords = new Set('a an and the of for to in on at by with from or & - –'.split(' '));

/** A slide title: one short line, no closing full stop, mostly capitalised words. */
function isTitleLike(block: Block): boolean {
  if (block.bullets || block.lines.length !== 1) return false;
  const text = cleanText(block.lines[0]!.text);
  if (wordCount(text) > 12 || /[.!?:;,]$/.test(text)) return false;
  const words = text.split(' ').filter((w) => !smallWords.has(w.toLowerCase()));
  if (words.length === 0) return false;
  const capitalised = words.filter((w) => /^["“‘(]?[A-Z0-9]/.test(w)).length;
  return capitalised / words.length >= 0.6;
}

function kindOfTitle(text: string, isLast: boolean): SlideKind | undefined {
  if (isLast && /^(?:thank you|thanks|any questions|questions)[!?.]*$/i.test(text)) return 'closing';
  if (
    /\bfeedback\b|\bcomments?\b|\btestimonials?\b|\bwhat (?:children|young people|families|parents|carers) (?:say|said|told us)\b/i.test(
      text,
    )
  ) {
    return 'feedback';
  }
  if (/\bnational\b/i.test(text)) return 'national';
  if (/\bareas? (?:for|of) (?:improvement|development)\b|\bpriority actions?\b/i.test(text)) return 'areas';
  if (/\b(?:ofsted|inspection|focused visit|monitoring visit|jtai|ilacs)\b/i.test(text)) return 'inspection';
  if (/\bjourney\b/i.test(text)) return 'journey';
  return undefined;
}

// Parts whose own lines look like titles: only a title of a known kind ends them.
const zones = new Set<SlideKind>(['feedback', 'national', 'areas']);

function readSlides(blocks: Block[]): Slide[] {
  const slides: Slide[] = [];
  blocks.forEach((block, i) => {
    const isLast = i === blocks.length - 1;
    const text = block.bullets ? '' : cleanText(block.lines.map((l) => l.text).join(' '));
    const short = !block.bullets && block.lines.length === 1 && wordCount(text) <= 10;
    const known = short && (isLast || !endsSentence(text)) ? kindOfTitle(text, isLast) : undefined;
    const current = slides[slides.length - 1];
    const inZone = current !== undefined && zones.has(current.kind);
    const startsSlide = known !== undefined || (!inZone && isTitleLike(block));
    if (!current || (startsSlide && current.body.length > 0) || (known && known !== current.kind)) {
      if (startsSlide) {
        slides.push({
          kind: known ?? (slides.length === 0 ? 'title' : 'other'),
          title: text,
          heading: [...block.lines],
          subtitle: [],
          body: [],
        });
      } else {
        slides.push({ kind: 'title', title: '', heading: [], subtitle: [], body: [block] });
      }
      return;
    }
    if (startsSlide && current.body.length === 0) {
      (sameTopic(text, current.title) ? current.heading : current.subtitle).push(...block.lines);
    } else current.body.push(block);
  });
  return slides;
}

/** "Our Activity During Covid" and "Activity During Covid 2" are one slide running over two. */
function sameTopic(a: string, b: string): boolean {
  const topic = (t: string): string =>
    slugify(t)
      .replace(/^(?:our|the)-/, '')
      .replace(/-(?:\d+|cont|continued)$/, '');
  return topic(a) !== '' && topic(a) === topic(b);
}

function mergeContinuations(slides: Slide[]): Slide[] {
  const merged: Slide[] = [];
  for (const slide of slides) {
    const earlier =
      slide.kind === 'title'
        ? undefined
        : merged.find((s) => s.kind !== 'title' && sameTopic(s.title, slide.title));
    if (earlier) {
      earlier.heading.push(...slide.heading);
      earlier.subtitle.push(...slide.subtitle);
      earlier.body.push(...slide.body);
    } else merged.push(slide);
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Extract

function extract(lines: SourceLine[]): ImportedDocument {
  const ledger = new LineLedger(lines);
  const doc = emptyDocument('scrutiny-presentation', '');
  const slides = mergeContinuations(readSlides(readBlocks(lines)));
  const titleSlide = slides[0]?.kind === 'title' ? slides[0] : undefined;
  const asAt = readTitleSlide(titleSlide, lines, doc, ledger);
  let areaCount = 0;
  for (const slide of titleSlide ? slides.slice(1) : slides) {
    switch (slide.kind) {
      case 'journey':
        readJourney(slide, doc, ledger);
        break;
      case 'feedback':
        readFeedback(slide, doc, ledger);
        break;
      case 'national':
        readNational(slide, doc, ledger);
        break;
      case 'inspection':
        readInspection(slide, doc, ledger);
        break;
      case 'areas':
        areaCount = readAreas(slide, areaCount, doc, ledger);
        break;
      default:
        readGeneral(slide, asAt, doc, ledger);
    }
  }
  doc.unplaced = ledger.unplaced();
  return doc;
}

function addSection(
  doc: ImportedDocument,
  ledger: LineLedger,
  key: string,
  heading: string,
  text: string,
  items: ListItem[],
  lines: LineRefs,
): void {
  // Keys stay unique when a kind of slide comes twice ("finding", then "finding-2").
  let unique = key;
  for (let n = 2; doc.sections.some((s) => s.key === unique); n++) unique = `${key}-${n}`;
  ledger.place(lines, `section:${unique}`);
  ledger.place(listLines(items), `section:${unique}`);
  doc.sections.push({ key: unique, heading, text, items, lines });
}

const numbers = (lines: SourceLine[]): number[] => lines.map((l) => l.number);

/**
 * The first slide: the line with a date names the meeting, the rest is the talk's title. The
 * meeting date is the document's own date; when it has no year, the year is the latest one the
 * slides mention, because a presentation reports on what has already happened.
 */
function readTitleSlide(
  slide: Slide | undefined,
  all: SourceLine[],
  doc: ImportedDocument,
  ledger: LineLedger,
): YearMonth | undefined {
  if (!slide) return undefined;
  const titleLines = [...slide.heading, ...slide.subtitle, ...slide.body.flatMap((b) => b.lines)];
  const meeting = titleLines.find((l) => meetingDate(l.text) !== undefined);
  const rest = titleLines.filter((l) => l !== meeting);
  if (meeting) addSection(doc, ledger, 'meeting', 'Meeting', cleanText(meeting.text), [], [meeting.number]);
  const title = rest.map((l) => cleanText(l.text)).join(' ');
  if (rest.length > 0) addSection(doc, ledger, 'title', 'Title', title, [], numbers(rest));
  doc.title = title.replace(/\.$/, '');
  const date = meeting ? meetingDate(meeting.text) : undefined;
  if (!date) return undefined;
  const year = date.year ?? latestYear(all);
  return year === undefined ? undefined : { year, month: date.month };
}

function meetingDate(text: string): { month: number; year?: number } | undefined {
  const m = /\b\d{1,2}(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\b(?:\s+(\d{4}))?/.exec(text);
  const month = m ? monthNumber(m[1]!) : undefined;
  if (!m || month === undefined) return undefined;
  return m[2] ? { month, year: Number(m[2]) } : { month };
}

function latestYear(lines: SourceLine[]): number | undefined {
  let latest: number | undefined;
  for (const line of lines) {
    for (const m of line.text.matchAll(/(?<![\d,.£])(19[89]\d|20[0-4]\d)(?![\d,])/g)) {
      latest = Math.max(latest ?? 0, Number(m[1]));
    }
  }
  return latest;
}

function bulletItems(blocks: Block[]): ListItem[] {
  return blocks.filter((b) => b.bullets).flatMap((b) => readBulletBlock(b));
}

function readBulletBlock(block: Block): ListItem[] {
  const items: ListItem[] = [];
  for (const line of block.lines) {
    const bullet = parseBullet(line.text);
    const last = items[items.length - 1];
    if (!bullet && last) {
      last.text = `${last.text} ${cleanText(line.text)}`;
      last.lines.push(line.number);
    } else items.push(item(cleanText(bullet ? bullet.text : line.text), [line.number]));
  }
  return items;
}

function readJourney(slide: Slide, doc: ImportedDocument, ledger: LineLedger): void {
  const undated: ListItem[] = [];
  const byYear = new Map<string, ListItem[]>();
  for (const entry of bulletItems(slide.body)) {
    const year = /^(\d{4})\b/.exec(entry.text)?.[1];
    if (year) byYear.set(year, [...(byYear.get(year) ?? []), entry]);
    else undated.push(entry);
  }
  const text = slide.body
    .filter((b) => !b.bullets)
    .map((b) => cleanText(b.lines.map((l) => l.text).join(' ')));
  const prose = slide.body.filter((b) => !b.bullets).flatMap((b) => numbers(b.lines));
  addSection(doc, ledger, 'journey', slide.title, text.join('\n\n'), undated, [
    ...numbers(slide.heading),
    ...prose,
  ]);
  for (const [year, entries] of [...byYear].sort(([a], [b]) => a.localeCompare(b))) {
    addSection(
      doc,
      ledger,
      `journey.${year}`,
      year,
      entries.map((e) => e.text).join('\n'),
      [],
      listLines(entries),
    );
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

function readGeneral(
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
  const paragraphLines: number[] = numbers(slide.subtitle);
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
    firstMeasure.lines.unshift(...numbers(slide.heading));
    ledger.place(numbers(slide.heading), `measure:${firstMeasure.name}`);
    return;
  }
  const key = announcedList(slide, items) ?? (slugify(slide.title).replace(/^(?:our|the)-/, '') || 'slide');
  addSection(doc, ledger, key, slide.title, paragraphs.join('\n\n'), items, [
    ...numbers(slide.heading),
    ...paragraphLines,
  ]);
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

// ---------------------------------------------------------------------------------------------
// Feedback comments

const signOff = /^(?:thanks|thanx|thank you|many thanks|cheers|regards|love|x+)[\s!.x]*$/i;

/** "Thanks Mr & Mrs T", "Natalie & Craig B": a signature rather than a comment. */
function isSignature(text: string): boolean {
  const value = cleanText(text);
  if (wordCount(value) > 6 || /[.?]$/.test(value)) return false;
  const name = value.replace(/^(?:thanks|thanx|thank you|many thanks|from|love|regards)[,!]?\s+/i, '');
  const words = name.split(' ');
  const nameLike = words.every(
    (w) => /^(?:&|and|Mr|Mrs|Ms|Miss|Mx|Dr)$/.test(w) || /^[A-Z][\w'’.-]*$/.test(w),
  );
  const marked = /&|\band\b|\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\b/.test(name) || /\s[A-Z]\.?$/.test(name);
  return nameLike && marked;
}

function readFeedback(slide: Slide, doc: ImportedDocument, ledger: LineLedger): void {
  addSection(doc, ledger, 'feedback', slide.title, '', [], numbers(slide.heading));
  let previous: ImportedFeedback | undefined;
  // Each bullet is a comment of its own; a plain paragraph is one comment, however many lines.
  const comments = slide.body.flatMap((block) =>
    block.bullets ? block.lines.map((line) => [line]) : [block.lines],
  );
  for (const lines of comments) {
    let cut = lines.length;
    while (cut > 0 && (isSignature(lines[cut - 1]!.text) || signOff.test(cleanText(lines[cut - 1]!.text))))
      cut--;
    const signature = lines.slice(cut);
    if (cut === 0 && previous && previous.attribution === undefined) {
      previous.attribution = signature.map((l) => cleanText(l.text)).join('\n');
      previous.lines.push(...numbers(signature));
      previous.source = sourceOf(previous.said, previous.attribution);
      ledger.place(numbers(signature), 'feedback');
      continue;
    }
    const comment = cut === 0 ? lines : lines.slice(0, cut);
    const said = comment.map((l) => cleanText(parseBullet(l.text)?.text ?? l.text)).join('\n');
    const attribution =
      cut === 0 || signature.length === 0 ? undefined : signature.map((l) => cleanText(l.text)).join('\n');
    const feedback: ImportedFeedback = {
      source: sourceOf(said, attribution),
      said,
      ...(attribution !== undefined ? { attribution } : {}),
      lines: numbers(lines),
    };
    ledger.place(feedback.lines, 'feedback');
    doc.feedback.push(feedback);
    previous = feedback;
  }
}

/**
 * Who wrote a comment, only when the words say so: a young person mentions their personal adviser
 * or leaving care; a parent or carer mentions their children or signs as a couple.
 */
function sourceOf(said: string, attribution: string | undefined): FeedbackSource {
  if (/\bmy (?:pa|personal advi[sc]er|leaving care worker|foster carers?)\b|\bcare leaver\b/i.test(said)) {
    return 'child-or-young-person';
  }
  if (
    /\b(?:the|our|my) (?:kids|children|boys|girls|son|daughter|little)\b|\bmy (?:little )?(?:big )?boy\b/i.test(
      said,
    ) ||
    (attribution !== undefined && /&|\band\b|\bMr\b|\bMrs\b/.test(attribution))
  ) {
    return 'parent-or-carer';
  }
  return 'unknown';
}

// ---------------------------------------------------------------------------------------------
// National messages, inspection findings and areas for improvement

function readNational(slide: Slide, doc: ImportedDocument, ledger: LineLedger): void {
  const sources: ListItem[] = [];
  let current: ListItem | undefined;
  let pendingText: string[] = [];
  let pendingLines: number[] = [];
  for (const block of slide.body) {
    if (!block.bullets) {
      pendingText.push(cleanText(block.lines.map((l) => l.text).join(' ')));
      pendingLines.push(...numbers(block.lines));
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
  addSection(doc, ledger, 'national', slide.title, '', sources, numbers(slide.heading));
}

function readInspection(slide: Slide, doc: ImportedDocument, ledger: LineLedger): void {
  // Each "Label:" introduces the list after it; a label repeated on the next slide ("Positives
  // reported included:") makes one list.
  const lists = new Map<string, { heading: string; items: ListItem[]; lines: number[] }>();
  const text: string[] = [];
  const textLines: number[] = [];
  let key = 'finding.notes';
  for (const block of slide.body) {
    const value = block.bullets ? '' : cleanText(block.lines.map((l) => l.text).join(' '));
    if (!block.bullets && !(value.endsWith(':') && wordCount(value) <= 8)) {
      text.push(value);
      textLines.push(...numbers(block.lines));
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
    else list.lines.push(...numbers(block.lines));
    lists.set(key, list);
  }
  addSection(
    doc,
    ledger,
    'finding',
    slide.title,
    text.join('\n\n'),
    [],
    [...numbers(slide.heading), ...textLines],
  );
  for (const [listKey, list] of lists)
    addSection(doc, ledger, listKey, list.heading, '', list.items, list.lines);
}

/**
 * Areas for improvement: each plain paragraph (often quoted from the inspection letter) is an area
 * and the bullets under it are the actions. A short bullet ending in "..." or ":" is a sub-heading
 * ("What we are doing....") and is kept with the area, not as an action.
 */
function readAreas(slide: Slide, count: number, doc: ImportedDocument, ledger: LineLedger): number {
  addSection(doc, ledger, 'finding.areas', slide.title, '', [], numbers(slide.heading));
  let n = count;
  let area: { title: string; lines: number[]; items: ListItem[] } | undefined;
  const flush = (): void => {
    if (!area) return;
    n += 1;
    addSection(doc, ledger, `finding.area.${n}`, area.title, '', area.items, area.lines);
  };
  for (const block of slide.body) {
    if (!block.bullets) {
      flush();
      area = {
        title: unquote(cleanText(block.lines.map((l) => l.text).join(' '))),
        lines: numbers(block.lines),
        items: [],
      };
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

// ---------------------------------------------------------------------------------------------
// Recognise

/**
 * Slides read as many short titles, each followed by bullets or a sentence or two, opening with the
 * meeting the talk was given to. No cover labels ("Report to:") and few long paragraphs.
 */
function recognise(lines: SourceLine[]): number {
  const blocks = readBlocks(lines);
  if (blocks.length < 6) return 0;
  // Cover fields and report forms ("Sponsor: Jo Bloggs", "Report to:<TAB>Cabinet") are not slides.
  const fields = lines.filter(
    (l) => !parseBullet(l.text) && /^[A-Z][\w /()-]{1,40}:?\s*(?:\t|:\s+)\S/.test(l.text),
  );
  if (fields.length >= 4) return 0;
  const opening = blocks.slice(0, 2).flatMap((b) => b.lines);
  const meeting = opening.some(
    (l) =>
      /\b(?:scrutiny|panel|committee|board|forum|briefing|presentation)\b/i.test(l.text) &&
      /\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\b/.test(l.text),
  );
  const titles = blocks.filter((b, i) => isTitleLike(b) && blocks[i + 1] !== undefined).length;
  const bulletBlocks = blocks.filter((b) => b.bullets).length;
  const longParagraphs = blocks.filter((b) => !b.bullets && b.lines.length >= 4).length;
  const last = cleanText(blocks[blocks.length - 1]!.lines[0]!.text);
  let score = 0;
  if (meeting) score += 0.35;
  if (titles >= 6 && titles / blocks.length >= 0.2) score += 0.25;
  if (bulletBlocks >= 4) score += 0.15;
  if (longParagraphs <= 2) score += 0.1;
  if (/^(?:thank you|thanks|any questions|questions)[!?.]*$/i.test(last)) score += 0.15;
  return Math.min(1, score);
}
