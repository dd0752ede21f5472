/**
 * The board pack as a PDF from pdfmake, for boards that circulate papers as PDF. Headings are
 * bookmarks and contents entries with page numbers, since a PDF reader navigates by those.
 */
import type {
  Content,
  ContentTable,
  ContentUnorderedList,
  TDocumentDefinitions,
} from 'pdfmake/interfaces.js';
import { basePdfDefinition, baseStyles, furniture, headerCell, renderPdf, ruledTable } from '../pdf-style.ts';
import type { BoardPack, ListItem } from './types.ts';
import {
  buildBoardPackView,
  type BoardPackView,
  type PartView,
  type PriorityView,
  type RagView,
  type RegisterView,
} from './view.ts';
import { wording } from './wording.ts';
import { actionCells, actionHeadings, type ActionLogView } from './action-log-view.ts';

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
    content: [
      ...cover(view),
      ...summary(view),
      ...(view.actionLog ? actionLog(view.actionLog) : []),
      ...view.parts.flatMap(part),
    ],
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
    keptTogether(heading(3, wording.ragKey), { text: wording.ragKeyCaption, style: 'caption' }),
    table(
      [130, '*'],
      [wording.ragKeyColumns.status, wording.ragKeyColumns.definition],
      view.ragKey.map((entry) => [rag(entry), entry.definition]),
    ),
  ];
}

function actionLog(log: ActionLogView): Content[] {
  if (log.rows.length === 0)
    return [sectionHeading(log.heading, log.id), { text: wording.noActions, style: 'para' }];
  return [
    sectionHeading(log.heading, log.id),
    { text: log.caption, style: 'caption' },
    table(
      ['*', 'auto', 60, 'auto', 'auto', '*'],
      actionHeadings(),
      log.rows.map((row) => actionCells(row).map((text, i) => (i === 0 ? { text, bold: true } : text))),
    ),
  ];
}

/** A plan's part: its heading on a page of its own when the pack covers several plans, then its sections. */
function part(p: PartView): Content[] {
  return [
    ...(p.heading
      ? [sectionHeading(p.heading.text, p.heading.id), { text: p.heading.intro, style: 'para' }]
      : []),
    ...p.priorities.flatMap(priority),
    ...p.registers.flatMap(register),
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
      ...withFirstOf(
        [heading(3, area.heading, { outline: true, outlineParentId: p.id }), heading(4, wording.progress)],
        listOrNote(area.progress, wording.noProgress),
      ),
      ...withFirstOf([heading(4, wording.nextPeriod)], listOrNote(area.nextPeriod, wording.noNextPeriod)),
    );
  }
  const warnings: Content[] =
    p.evidenceWarnings.length === 0 ? [{ text: wording.noEvidenceWarnings, style: 'para' }] : [];
  for (const warning of p.evidenceWarnings) {
    warnings.push({ text: warning.message, bold: true, style: 'para' });
    if (warning.evidence.length > 0) {
      warnings.push(
        { text: wording.evidence, style: 'para' },
        bullets(warning.evidence.map((text) => ({ text, children: [] }))),
      );
    }
  }
  out.push(keptTogether(heading(3, wording.evidenceWarnings), warnings[0]!), ...warnings.slice(1));
  if (p.measures.length === 0) {
    out.push(keptTogether(heading(3, wording.measures), { text: wording.noMeasures, style: 'para' }));
  } else {
    out.push(
      keptTogether(heading(3, wording.measures), { text: p.measuresCaption, style: 'caption' }),
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

function register(r: RegisterView): Content[] {
  const out: Content[] = [
    sectionHeading(r.heading, r.id),
    { text: r.intro, style: 'para' },
    ...(r.facts ?? []).map((f): Content => ({
      text: [{ text: `${f.label}: `, bold: true }, f.value],
      style: 'para',
    })),
  ];
  if (r.rows.length === 0) return [...out, { text: r.empty, style: 'para' }];
  return [
    ...out,
    { text: r.caption, style: 'caption' },
    table(
      r.columns.map((_, i) => (r.wideColumns.includes(i) ? '*' : 50)),
      r.columns,
      r.rows.map((row) => row.map((cell, i) => (i === 0 ? { text: cell, bold: true } : cell))),
    ),
  ];
}

/**
 * Headings kept on one page with the first line of what follows them, so none ends a page. Only
 * small things are held together (a heading, a caption, one list item's text): pdfmake cannot split
 * an unbreakable block, and one taller than a page would lose its end. This replaces a
 * `pageBreakBefore` rule, which made pdfmake lay the whole document out again for every heading it
 * moved (eleven times for 50 priorities, 13 s).
 */
function keptTogether(...blocks: Content[]): Content {
  return { stack: blocks, unbreakable: true };
}

/** The headings, kept with the first item of a list (its text, not its sub-items) or with a note. */
function withFirstOf(headings: Content[], block: ListOrNote): Content[] {
  if ('note' in block) return [keptTogether(...headings, block.note)];
  const [first, ...rest] = block.items;
  // The first item's sub-items, when it has any, lead the rest of the list as a nested list with no
  // bullet of its own: indented under the first item exactly as inside it.
  const after: Content[] = [
    ...(first!.children.length > 0 ? [bullets(first!.children, 1)] : []),
    ...rest.map((item) => bulletItem(item, 0)),
  ];
  if (after.length === 0) return [keptTogether(...headings, bullets([first!]))];
  return [
    keptTogether(...headings, { ...listOf([bulletItem({ ...first!, children: [] }, 0)], 0), margin: 0 }),
    listOf(after, 0),
  ];
}

type ListOrNote = { items: ListItem[] } | { note: Content };

function listOrNote(items: ListItem[], none: string): ListOrNote {
  return items.length > 0 ? { items } : { note: { text: none, style: 'para' } };
}

const markers = ['disc', 'circle', 'square'] as const;

function bullets(items: ListItem[], level = 0): Content {
  return listOf(
    items.map((item) => bulletItem(item, level)),
    level,
  );
}

function listOf(items: Content[], level: number): ContentUnorderedList {
  return {
    ul: items,
    type: markers[Math.min(level, markers.length - 1)],
    style: level === 0 ? 'list' : undefined,
    margin: level === 0 ? undefined : [0, 2, 0, 0],
  };
}

function bulletItem(item: ListItem, level: number): Content {
  // An item is kept on one page: split, its second half would follow the running header and
  // footer, and a reader (or a screen reader) would meet them in the middle of a sentence.
  const text = { stack: [item.text], unbreakable: true };
  return item.children.length > 0 ? { stack: [text, bullets(item.children, level + 1)] } : text;
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
