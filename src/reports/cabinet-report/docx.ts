/*
 * The committee report as Word: the cover as a two-column table (as councils lay it out), then
 * numbered sections as Word headings, so the navigation pane and screen readers find them.
 */
import {
  Document,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  a4Page,
  border,
  contentWidth,
  documentStyle,
  headerRow,
  headerShading,
  headingStyle,
  pageNumberFooter,
} from '../docx-style.ts';
import type { CabinetReport } from './types.ts';
import { buildCabinetReportView, draftWording, type Section } from './view.ts';

const borders = { top: border, bottom: border, left: border, right: border };

const lines = (text: string) => text.split(/\n+/).filter((l) => l.trim() !== '');

function cell(text: string, width: number, options: { bold?: boolean; header?: boolean } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    shading: options.header ? headerShading : undefined,
    children: (lines(text).length ? lines(text) : ['']).map(
      (line) => new Paragraph({ children: [new TextRun({ text: line, bold: options.bold })] }),
    ),
  });
}

function section(s: Section): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${s.number}. ${s.heading}`)] }),
  ];
  for (const p of s.paragraphs) {
    out.push(
      new Paragraph({
        indent: { left: 567, hanging: 567 },
        children: [new TextRun(`${p.number}\t${p.text}`)],
      }),
    );
    for (const b of p.bullets)
      out.push(
        new Paragraph({
          bullet: { level: 0 },
          indent: { left: 1134, hanging: 283 },
          children: [new TextRun(b)],
        }),
      );
  }
  if (s.table) {
    const width = Math.floor(contentWidth / s.table.head.length);
    out.push(
      new Paragraph({ children: [new TextRun({ text: s.table.caption, bold: true })] }),
      new Table({
        width: { size: width * s.table.head.length, type: WidthType.DXA },
        columnWidths: s.table.head.map(() => width),
        rows: [
          headerRow(s.table.head.map((h) => cell(h, width, { bold: true, header: true }))),
          ...s.table.rows.map(
            (row) => new TableRow({ cantSplit: true, children: row.map((text) => cell(text, width)) }),
          ),
        ],
      }),
    );
  }
  return out;
}

export async function renderCabinetReportDocx(report: CabinetReport): Promise<Buffer> {
  const view = buildCabinetReportView(report);
  const labelWidth = 3000;
  const cover = new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: [labelWidth, contentWidth - labelWidth],
    rows: view.cover.map(
      (row) =>
        new TableRow({
          cantSplit: false,
          children: [
            cell(`${row.label}:`, labelWidth, { bold: true, header: true }),
            cell(row.text, contentWidth - labelWidth),
          ],
        }),
    ),
  });
  const doc = new Document({
    title: view.title,
    creator: view.council,
    description: `${view.title}: report to ${report.cover.reportTo}`,
    styles: {
      default: {
        document: documentStyle,
        heading1: headingStyle(26, { before: 240, after: 120 }),
      },
    },
    sections: [
      {
        properties: {
          page: a4Page,
        },
        // The running header marks every page DRAFT until the report is issued.
        ...(view.draftMark
          ? {
              headers: {
                default: new Header({
                  children: [
                    new Paragraph({ children: [new TextRun({ text: view.draftMark, bold: true })] }),
                  ],
                }),
              },
            }
          : {}),
        footers: {
          default: pageNumberFooter(),
        },
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            children: [new TextRun({ text: view.council, bold: true, size: 28 })],
          }),
          ...(view.draftMark
            ? [new Paragraph({ children: [new TextRun({ text: draftWording.notice, bold: true })] })]
            : []),
          cover,
          ...view.sections.flatMap(section),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
