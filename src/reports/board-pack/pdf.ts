/**
 * The board pack as a PDF from pdfmake, for boards that circulate papers as PDF. Headings are
 * bookmarks and contents entries with page numbers, since a PDF reader navigates by those.
 */
import type { Content, ContentTable, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import {
  basePdfDefinition,
  baseStyles,
  furniture,
  furnitureStyle,
  headerCell,
  renderPdf,
  ruledTable,
} from '../pdf-style.ts';
import type { BoardPack, ListItem } from './types.ts';
import { buildBoardPackView, type BoardPackView, type PriorityView, type RagView } from './view.ts';
import { wording } from './wording.ts';

export async function renderBoardPackPdf(pack: BoardPack): Promise<Buffer> {
  return renderPdf(definition(buildBoardPackView(pack)));
}

function definition(view: BoardPackView): TDocumentDefinitions {
  return {
    ...basePdfDefinition({ title: view.title, author: view.council, subject: view.board }),
    styles: {
      ...baseStyles,
      h1: { fontSize: 22, bold: true, margin: [0, 12, 0, 12] },
      h2: { fontSize: 16, bold: true, margin: [0, 12, 0, 8] },
      h3: { fontSize: 12.5, bold: true, margin: [0, 12, 0, 4] },
      h4: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 3] },
      caption: { bold: true, margin: [0, 0, 0, 3] },
      cover: { fontSize: 13, margin: [0, 0, 0, 6] },
      para: { margin: [0, 0, 0, 6] },
      list: { margin: [0, 0, 0, 6] },
    },
    header: (currentPage) => {
      const line = [view.draftMark, currentPage === 1 ? undefined : view.title].filter(Boolean).join('   ');
      return line ? furniture(line) : null;
    },
    footer: (currentPage, pageCount) => furniture(wording.page(currentPage, pageCount), 'right'),
    // Move a heading to the next page when no text but other headings would follow it on this one.
    // Only nodes with text count (a list or table container can start on a page its first line
    // left), and not the running header and footer, which pdfmake lists with the content.
    pageBreakBefore: (node, queries) =>
      node.headlineLevel !== undefined &&
      !queries
        .getFollowingNodesOnPage()
        .some(
          (next) =>
            next.headlineLevel === undefined && next.text !== undefined && next.style !== furnitureStyle,
        ),
    content: [...cover(view), ...summary(view), ...view.priorities.flatMap(priority)],
  };
}

function heading(level: 1 | 2 | 3 | 4, text: string, extra: Record<string, unknown> = {}): Content {
  return { text, style: `h${level}`, headlineLevel: level, ...extra };
}

function cover(view: BoardPackView): Content[] {
  return [
    ...(view.draftMark ? [{ text: wording.draftNotice, style: 'para', bold: true }] : []),
    { text: view.council, style: 'cover', bold: true },
    heading(1, view.meetingTitle, { outline: true }),
    { text: view.board, style: 'cover' },
    { text: `${wording.header.meetingDate}: ${view.meetingDate}`, style: 'cover' },
    { text: view.produced, style: 'para' },
    { toc: { title: heading(2, wording.contents), numberStyle: { bold: false } } },
  ];
}

/**
 * Starts a contents section: a new page, a bookmark and an entry in the contents. No top margin:
 * pdfmake applies it before the break, and on a full page that adds a blank one.
 */
const sectionHeading = (text: string, id: string) =>
  heading(2, text, { id, pageBreak: 'before', tocItem: true, outline: true, margin: [0, 0, 0, 8] });

function summary(view: BoardPackView): Content[] {
  const c = wording.summaryColumns;
  return [
    sectionHeading(wording.ragSummary, view.contents[0]!.id),
    { text: wording.ragSummaryCaption, style: 'caption' },
    table(
      ['*', 'auto', 'auto', 'auto', 'auto'],
      [c.priority, c.previous, c.current, c.direction, c.warnings],
      view.summary.map((row) => [
        { text: row.priority, bold: true },
        rag(row.previous),
        rag(row.current),
        row.direction,
        row.warnings,
      ]),
    ),
    heading(3, wording.ragKey),
    { text: wording.ragKeyCaption, style: 'caption' },
    table(
      [130, '*'],
      [wording.ragKeyColumns.status, wording.ragKeyColumns.definition],
      view.ragKey.map((entry) => [rag(entry), entry.definition]),
    ),
  ];
}

function priority(p: PriorityView): Content[] {
  const m = wording.measureColumns;
  const out: Content[] = [
    sectionHeading(p.heading, p.id),
    { text: p.caption, style: 'caption' },
    table(
      [130, '*'],
      undefined,
      p.header.map((field) => [
        headerCell(field.label),
        field.rag ? ragWithDefinition(field.rag) : (field.text ?? ''),
      ]),
    ),
  ];
  if (p.areas.length === 0) out.push({ text: wording.noAreas, style: 'para' });
  for (const area of p.areas) {
    out.push(
      heading(3, area.heading, { outline: true, outlineParentId: p.id }),
      heading(4, wording.progress),
      listOrNote(area.progress, wording.noProgress),
      heading(4, wording.nextPeriod),
      listOrNote(area.nextPeriod, wording.noNextPeriod),
    );
  }
  out.push(heading(3, wording.evidenceWarnings));
  if (p.evidenceWarnings.length === 0) out.push({ text: wording.noEvidenceWarnings, style: 'para' });
  for (const warning of p.evidenceWarnings) {
    out.push({ text: warning.message, bold: true, style: 'para' });
    if (warning.evidence.length > 0) {
      out.push(
        { text: wording.evidence, style: 'para' },
        bullets(warning.evidence.map((text) => ({ text, children: [] }))),
      );
    }
  }
  out.push(heading(3, wording.measures));
  if (p.measures.length === 0) {
    out.push({ text: wording.noMeasures, style: 'para' });
  } else {
    out.push(
      { text: p.measuresCaption, style: 'caption' },
      table(
        [90, 60, 45, 50, 70, '*'],
        [m.name, m.latest, m.target, m.rating, m.direction, m.narrative],
        p.measures.map((measure) => [
          { text: measure.name, bold: true },
          measure.latest,
          measure.targetText,
          rag(measure.ratingView),
          measure.direction,
          measure.narrative,
        ]),
      ),
    );
  }
  return out;
}

function listOrNote(items: ListItem[], none: string): Content {
  return items.length > 0 ? bullets(items) : { text: none, style: 'para' };
}

const markers = ['disc', 'circle', 'square'] as const;

function bullets(items: ListItem[], level = 0): Content {
  return {
    // An item is kept on one page: split, its second half would follow the running header and
    // footer, and a reader (or a screen reader) would meet them in the middle of a sentence.
    ul: items.map((item) => {
      const text = { stack: [item.text], unbreakable: true };
      return item.children.length > 0 ? { stack: [text, bullets(item.children, level + 1)] } : text;
    }),
    type: markers[Math.min(level, markers.length - 1)],
    style: level === 0 ? 'list' : undefined,
    margin: level === 0 ? undefined : [0, 2, 0, 0],
  };
}

/** The status in words, on its colour when it has one. */
function rag(view: RagView): Content {
  return view.colour
    ? { text: ` ${view.label} `, bold: true, background: view.colour, color: view.textColour }
    : { text: view.label, bold: true };
}

function ragWithDefinition(view: RagView): Content {
  // A coloured label already ends in a padding space.
  const dash = view.colour ? '– ' : ' – ';
  return { text: [rag(view), view.definition ? `${dash}${view.definition}` : ''] };
}

/**
 * A table whose header row repeats on each page. Without `head` the first body row is the header,
 * shaded like one, and rows never split, matching the key–value layout of the report template.
 */
function table(widths: (number | string)[], head: string[] | undefined, rows: Content[][]): ContentTable {
  return head ? ruledTable(widths, [head.map(headerCell), ...rows], 1) : ruledTable(widths, rows);
}
