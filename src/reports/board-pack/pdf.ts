/**
 * The board pack as a PDF from pdfmake, for boards that circulate papers as PDF. Headings are
 * bookmarks and contents entries with page numbers, since a PDF reader navigates by those.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfMake from 'pdfmake';
import type { Content, ContentTable, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import type { BoardPack, ListItem } from './types.ts';
import { buildBoardPackView, type BoardPackView, type PriorityView, type RagView } from './view.ts';
import { wording } from './wording.ts';

const require = createRequire(import.meta.url);
const robotoDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const fonts: TFontDictionary = {
  Roboto: {
    normal: path.join(robotoDir, 'Roboto-Regular.ttf'),
    bold: path.join(robotoDir, 'Roboto-Medium.ttf'),
    italics: path.join(robotoDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(robotoDir, 'Roboto-MediumItalic.ttf'),
  },
};

const ink = '#0b0c0c';
const rule = '#505a5f';
const headerFill = '#f3f2f1';
// 18 mm sides, 20 mm top, 22 mm bottom, as the HTML's @page.
const margins: [number, number, number, number] = [51, 57, 51, 62];

export async function renderBoardPackPdf(pack: BoardPack): Promise<Buffer> {
  const view = buildBoardPackView(pack);
  // pdfmake is one shared instance: set everything it reads just before each use, so another module
  // configuring it differently cannot change this document. The content never names a file or URL;
  // the policies make sure a future change cannot make it fetch or read one.
  pdfMake.setFonts(fonts);
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(robotoDir + path.sep));
  return pdfMake.createPdf(definition(view)).getBuffer();
}

function definition(view: BoardPackView): TDocumentDefinitions {
  return {
    info: {
      title: view.title,
      author: view.council,
      subject: view.board,
      creator: 'Wesaid',
    },
    language: 'en-GB',
    displayTitle: true,
    pageSize: 'A4',
    pageMargins: margins,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2, color: ink },
    styles: {
      h1: { fontSize: 22, bold: true, margin: [0, 12, 0, 12] },
      h2: { fontSize: 16, bold: true, margin: [0, 12, 0, 8] },
      h3: { fontSize: 12.5, bold: true, margin: [0, 12, 0, 4] },
      h4: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 3] },
      caption: { bold: true, margin: [0, 0, 0, 3] },
      cover: { fontSize: 13, margin: [0, 0, 0, 6] },
      para: { margin: [0, 0, 0, 6] },
      list: { margin: [0, 0, 0, 6] },
      furniture: { fontSize: 8 },
    },
    header: (currentPage) =>
      currentPage === 1
        ? null
        : { text: view.title, style: 'furniture', margin: [margins[0], 24, margins[2], 0] },
    footer: (currentPage, pageCount) => ({
      text: wording.page(currentPage, pageCount),
      alignment: 'right',
      style: 'furniture',
      margin: [margins[0], 24, margins[2], 0],
    }),
    // Move a heading to the next page when no text but other headings would follow it on this one.
    // Only nodes with text count (a list or table container can start on a page its first line
    // left), and not the running header and footer, which pdfmake lists with the content.
    pageBreakBefore: (node, queries) =>
      node.headlineLevel !== undefined &&
      !queries
        .getFollowingNodesOnPage()
        .some(
          (next) => next.headlineLevel === undefined && next.text !== undefined && next.style !== 'furniture',
        ),
    content: [...cover(view), ...summary(view), ...view.priorities.flatMap(priority)],
  };
}

function heading(level: 1 | 2 | 3 | 4, text: string, extra: Record<string, unknown> = {}): Content {
  return { text, style: `h${level}`, headlineLevel: level, ...extra };
}

function cover(view: BoardPackView): Content[] {
  return [
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
        { text: field.label, bold: true, fillColor: headerFill },
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
  const headRow = head ? [head.map((text) => ({ text, bold: true, fillColor: headerFill }))] : [];
  return {
    table: {
      headerRows: head ? 1 : 0,
      dontBreakRows: true,
      widths: widths,
      body: [...headRow, ...rows] as ContentTable['table']['body'],
    },
    layout: {
      hLineColor: () => rule,
      vLineColor: () => rule,
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingLeft: () => 5,
      paddingRight: () => 5,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 0, 0, 10],
  };
}
