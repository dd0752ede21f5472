/**
 * Slides presented to a scrutiny panel or committee (seed 004), exported as text: each slide is a
 * short title line, then bullets or a few sentences. The first slide names the meeting and the
 * talk; its date is the date the figures on later slides are read from.
 *
 * Each kind of slide has its reader:
 * - slides and their titles: `scrutiny-presentation-slides.ts`;
 * - the journey, announced lists (projects, propositions) and figures: `scrutiny-presentation-topics.ts`;
 * - families' and young people's comments: `scrutiny-presentation-feedback.ts`;
 * - national messages and inspection findings: `scrutiny-presentation-findings.ts`.
 */
import { addSection, emptyDocument, LineLedger } from './ledger.ts';
import { cleanText } from './prose.ts';
import type { YearMonth } from './prose-figures.ts';
import { readFeedback } from './scrutiny-presentation-feedback.ts';
import { readAreas, readInspection, readNational } from './scrutiny-presentation-findings.ts';
import { closingTitle, isTitleLike, readBlocks, readSlides } from './scrutiny-presentation-slides.ts';
import type { Slide } from './scrutiny-presentation-slides.ts';
import { readGeneral, readJourney } from './scrutiny-presentation-topics.ts';
import { lineNumbers, monthNumber, parseBullet } from './text.ts';
import type { DocumentExtractor, ImportedDocument, SourceLine } from './types.ts';

export const scrutinyPresentationExtractor: DocumentExtractor = {
  kind: 'scrutiny-presentation',
  recognise,
  extract,
};

function extract(lines: SourceLine[]): ImportedDocument {
  const ledger = new LineLedger(lines);
  const doc = emptyDocument('scrutiny-presentation', '');
  const slides = readSlides(lines);
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
  if (meeting) {
    const text = cleanText(meeting.text);
    addSection(doc, ledger, { key: 'meeting', heading: 'Meeting', text, items: [], lines: [meeting.number] });
  }
  const title = rest.map((l) => cleanText(l.text)).join(' ');
  if (rest.length > 0) {
    addSection(doc, ledger, {
      key: 'title',
      heading: 'Title',
      text: title,
      items: [],
      lines: lineNumbers(rest),
    });
  }
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
  if (closingTitle.test(last)) score += 0.15;
  return Math.min(1, score);
}
