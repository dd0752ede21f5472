/**
 * Test documents made at test time, as councils make them: a Word file with heading styles, a
 * numbered and a bulleted list nested two levels, a table with merged cells and a header row, bold
 * labels and a "Label: value" paragraph.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';
import ExcelJS from 'exceljs';

const cell = (text: string, options: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
  new TableCell({ children: [new Paragraph(text)], ...options });

export async function councilDocx(): Promise<Buffer> {
  const levels = [0, 1, 2].map((level) => ({
    level,
    format: LevelFormat.BULLET,
    text: '•',
    alignment: AlignmentType.LEFT,
  }));
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'bullets', levels },
        {
          reference: 'numbers',
          levels: [0, 1].map((level) => ({
            level,
            format: level === 0 ? LevelFormat.DECIMAL : LevelFormat.LOWER_LETTER,
            text: level === 0 ? '%1.' : '%2)',
            alignment: AlignmentType.LEFT,
          })),
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Children’s Improvement Plan', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: '1. Front door', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'What needs to improve', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun({ text: 'Key actions', bold: true })] }),
          new Paragraph({ text: 'Review thresholds', numbering: { reference: 'bullets', level: 0 } }),
          new Paragraph({ text: 'with partners', numbering: { reference: 'bullets', level: 1 } }),
          new Paragraph({ text: 'in the MASH', numbering: { reference: 'bullets', level: 2 } }),
          new Paragraph({ text: 'Audit section 20', numbering: { reference: 'bullets', level: 0 } }),
          new Paragraph({
            children: [new TextRun({ text: 'Lead officer:', bold: true }), new TextRun(' Jane Smith')],
          }),
          new Paragraph('RAG rating: Amber'),
          new Paragraph({ text: 'Recommendations', outlineLevel: 1 }),
          new Paragraph({ text: 'Recruit social workers', numbering: { reference: 'numbers', level: 0 } }),
          new Paragraph({ text: 'from agencies', numbering: { reference: 'numbers', level: 1 } }),
          new Paragraph({ text: 'Reduce caseloads', numbering: { reference: 'numbers', level: 0 } }),
          new Table({
            rows: [
              new TableRow({
                tableHeader: true,
                children: ['Ref', 'Action', 'Lead', 'RAG'].map((t) => cell(t)),
              }),
              new TableRow({
                children: [
                  cell('1.1'),
                  cell('Review thresholds and the MASH manual', { columnSpan: 2 }),
                  cell('Amber', { verticalMerge: VerticalMergeType.RESTART }),
                ],
              }),
              new TableRow({
                children: [
                  cell('1.2'),
                  cell('Audit'),
                  cell('Head of service'),
                  cell('', { verticalMerge: VerticalMergeType.CONTINUE }),
                ],
              }),
            ],
          }),
          new Paragraph(''),
          new Paragraph('The board will meet again in March.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** An action tracker as councils keep them: a title row, then Ref / Action / Lead / Timescale / RAG / Update. */
export async function trackerXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Action tracker');
  sheet.addRow(['Children’s Improvement Plan: action tracker']);
  sheet.addRow([]);
  sheet.addRow(['Ref', 'Action', 'Lead', 'Timescale', 'RAG', 'Update']);
  sheet.addRow([
    '1.1',
    'Review thresholds',
    'Head of MASH',
    new Date(Date.UTC(2025, 2, 31)),
    'Amber',
    'On track',
  ]);
  sheet.addRow(['1.2', 'Audit section 20', 'DCS', 'Q2 2025/26', 'Green', 42]);
  sheet.getCell('D4').numFmt = 'dd/mm/yyyy';
  workbook.addWorksheet('Notes').addRow(['Owner', 'Note']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
