/**
 * The board pack as a Word document. Headings use Word's own Heading styles, lists use Word
 * numbering and tables mark their header rows, because that is what the navigation pane, screen
 * readers and Word's accessibility checker read; look-alike formatting would defeat all three.
 */
import {
  AlignmentType,
  Document,
  Header,
  InternalHyperlink,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TextRun,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import { a4Page, contentWidth, documentStyle, headingStyle, pageNumberFooter } from '../docx-style.ts';
import type { BoardPack, ListItem } from './types.ts';
import { actionLogDocx } from './action-log-docx.ts';
import { bookmarkOf, boldText, caption, heading, table } from './docx-parts.ts';
import {
  buildBoardPackView,
  type BoardPackView,
  type PartView,
  type PriorityView,
  type RagView,
  type RegisterView,
} from './view.ts';
import { wording } from './wording.ts';

const bulletsRef = 'board-pack-bullets';
const contentsRef = 'board-pack-contents';

export async function renderBoardPackDocx(pack: BoardPack): Promise<Buffer> {
  const view = buildBoardPackView(pack);
  const doc = new Document({
    title: view.title,
    creator: view.council,
    lastModifiedBy: view.council,
    description: view.description,
    subject: view.board,
    styles: {
      default: {
        document: documentStyle,
        heading1: headingStyle(48, { before: 240, after: 240 }),
        heading2: headingStyle(36, { before: 240, after: 160 }),
        heading3: headingStyle(26, { before: 240, after: 120 }),
        heading4: headingStyle(22, { before: 200, after: 80 }, { italics: false }),
        caption: headingStyle(22, { after: 80 }, { italics: false }),
      },
    },
    numbering: {
      config: [
        { reference: bulletsRef, levels: bulletLevels() },
        {
          reference: contentsRef,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 567, hanging: 397 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { ...a4Page, margin: { ...a4Page.margin, header: 567, footer: 567 } },
        },
        headers: {
          first: new Header({ children: [runningHeader(view.draftMark ? [view.draftMark] : [])] }),
          default: new Header({
            children: [runningHeader([...(view.draftMark ? [view.draftMark] : []), view.title])],
          }),
        },
        footers: {
          first: pageNumberFooter(),
          default: pageNumberFooter(),
        },
        children: [
          ...cover(view),
          ...summary(view),
          ...(view.actionLog ? actionLogDocx(view.actionLog) : []),
          ...view.parts.flatMap(part),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The running header: DRAFT in bold, while the papers are not issued, before the title. */
function runningHeader(parts: string[]): Paragraph {
  return new Paragraph({
    children: parts.map(
      (text, i) =>
        new TextRun({ text: i === 0 ? text : `   ${text}`, size: 18, bold: text === wording.draft }),
    ),
  });
}

function bulletLevels(): ILevelsOptions[] {
  const marks = ['\u2022', '\u25E6', '\u25AA', '\u2022'];
  return marks.map((text, level) => ({
    level,
    format: LevelFormat.BULLET,
    text,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 454 * (level + 1), hanging: 284 } } },
  }));
}

function cover(view: BoardPackView): Paragraph[] {
  return [
    ...(view.draftMark
      ? [new Paragraph({ children: [new TextRun({ text: wording.draftNotice, bold: true })] })]
      : []),
    new Paragraph({ children: [new TextRun({ text: view.council, bold: true, size: 28 })] }),
    heading(1, view.meetingTitle),
    new Paragraph({ children: [new TextRun({ text: view.board, size: 28 })] }),
    new Paragraph({
      children: [new TextRun({ text: `${wording.header.meetingDate}: ${view.meetingDate}`, size: 28 })],
    }),
    new Paragraph(view.produced),
    heading(2, wording.contents),
    ...view.contents.map(
      (entry) =>
        new Paragraph({
          numbering: { reference: contentsRef, level: 0 },
          children: [
            new InternalHyperlink({
              anchor: bookmarkOf(entry.id),
              children: [new TextRun({ text: entry.text, style: 'Hyperlink' })],
            }),
          ],
        }),
    ),
  ];
}

function summary(view: BoardPackView): (Paragraph | Table)[] {
  const c = wording.summaryColumns;
  return [
    heading(2, wording.ragSummary, { id: view.contents[0]!.id, pageBreakBefore: true }),
    caption(wording.ragSummaryCaption),
    table(
      [3038, 1800, 1800, 1500, 1500],
      [c.priority, c.previous, c.current, c.direction, c.warnings],
      view.summary.map((row) => [
        [boldText(row.priority)],
        ragRuns(row.previous),
        ragRuns(row.current),
        [new TextRun(row.direction)],
        [new TextRun(row.warnings)],
      ]),
    ),
    heading(3, wording.ragKey),
    caption(wording.ragKeyCaption),
    table(
      [2600, contentWidth - 2600],
      [wording.ragKeyColumns.status, wording.ragKeyColumns.definition],
      view.ragKey.map((entry) => [ragRuns(entry), [new TextRun(entry.definition)]]),
    ),
  ];
}

/** A plan's part: its heading on a page of its own when the pack covers several plans, then its sections. */
function part(p: PartView): (Paragraph | Table)[] {
  return [
    ...(p.heading
      ? [
          heading(2, p.heading.text, { id: p.heading.id, pageBreakBefore: true }),
          new Paragraph(p.heading.intro),
        ]
      : []),
    ...p.priorities.flatMap(priority),
    ...p.registers.flatMap(register),
  ];
}

function priority(p: PriorityView): (Paragraph | Table)[] {
  const m = wording.measureColumns;
  const out: (Paragraph | Table)[] = [
    heading(2, p.heading, { id: p.id, pageBreakBefore: true }),
    caption(p.caption),
    // The template's first row (the priority itself) doubles as the header row Word requires.
    table(
      [2600, contentWidth - 2600],
      undefined,
      p.header.map((field) => [
        [boldText(field.label)],
        field.rag ? ragRuns(field.rag, { withDefinition: true }) : [new TextRun(field.text ?? '')],
      ]),
    ),
  ];
  if (p.areas.length === 0) out.push(new Paragraph(wording.noAreas));
  for (const area of p.areas) {
    out.push(
      heading(3, area.heading),
      heading(4, wording.progress),
      ...listOrNote(area.progress, wording.noProgress),
      heading(4, wording.nextPeriod),
      ...listOrNote(area.nextPeriod, wording.noNextPeriod),
    );
  }
  out.push(heading(3, wording.evidenceWarnings));
  if (p.evidenceWarnings.length === 0) out.push(new Paragraph(wording.noEvidenceWarnings));
  for (const warning of p.evidenceWarnings) {
    out.push(new Paragraph({ children: [boldText(warning.message)] }));
    if (warning.evidence.length > 0) {
      out.push(
        new Paragraph({ text: wording.evidence, keepNext: true }),
        ...bullets(warning.evidence.map((text) => ({ text, children: [] }))),
      );
    }
  }
  out.push(heading(3, wording.measures));
  if (p.measures.length === 0) {
    out.push(new Paragraph(wording.noMeasures));
  } else {
    out.push(
      caption(p.measuresCaption),
      table(
        [1900, 1300, 1000, 1100, 1700, contentWidth - 7000],
        [m.name, m.latest, m.target, m.rating, m.direction, m.narrative],
        p.measures.map((measure) => [
          [boldText(measure.name)],
          [new TextRun(measure.latest)],
          [new TextRun(measure.targetText)],
          ragRuns(measure.ratingView),
          [new TextRun(measure.direction)],
          [new TextRun(measure.narrative)],
        ]),
      ),
    );
  }
  return out;
}

function register(r: RegisterView): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    heading(2, r.heading, { id: r.id, pageBreakBefore: true }),
    new Paragraph(r.intro),
    ...(r.facts ?? []).map(
      (f) => new Paragraph({ children: [boldText(`${f.label}: `), new TextRun(f.value)] }),
    ),
  ];
  if (r.rows.length === 0) return [...out, new Paragraph(r.empty)];
  // Short columns get 1,000 twips (about 1.8 cm); columns of running text share what is left.
  const narrow = 1000;
  const wide = Math.floor(
    (contentWidth - narrow * (r.columns.length - r.wideColumns.length)) / r.wideColumns.length,
  );
  return [
    ...out,
    caption(r.caption),
    table(
      r.columns.map((_, i) => (r.wideColumns.includes(i) ? wide : narrow)),
      r.columns,
      r.rows.map((row) => row.map((cell, i) => [i === 0 ? boldText(cell) : new TextRun(cell)])),
    ),
  ];
}

function listOrNote(items: ListItem[], none: string): Paragraph[] {
  return items.length > 0 ? bullets(items) : [new Paragraph(none)];
}

function bullets(items: ListItem[], level = 0): Paragraph[] {
  return items.flatMap((item) => [
    new Paragraph({ text: item.text, numbering: { reference: bulletsRef, level: Math.min(level, 3) } }),
    ...bullets(item.children, level + 1),
  ]);
}

/** The status in words on its colour, with the definition after it in plain text. */
function ragRuns(rag: RagView, options: { withDefinition?: boolean } = {}): ParagraphChild[] {
  const label = new TextRun({
    text: rag.colour ? ` ${rag.label} ` : rag.label,
    bold: true,
    ...(rag.colour && rag.textColour
      ? {
          color: rag.textColour.slice(1).toUpperCase(),
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: rag.colour.slice(1).toUpperCase() },
        }
      : {}),
  });
  if (!options.withDefinition || !rag.definition) return [label];
  // A coloured label already ends in a padding space.
  return [label, new TextRun(`${rag.colour ? '' : ' '}– ${rag.definition}`)];
}
