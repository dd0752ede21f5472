/**
 * The look every paper out shares as Word (the board pack and the committee report): one font,
 * one page, one table rule and header shade, so the council's papers read as one set.
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  PageNumber,
  Paragraph,
  ShadingType,
  TableRow,
  TextRun,
  type IBaseParagraphStyleOptions,
  type IRunStylePropertiesOptions,
  type TableCell,
} from 'docx';

export const font = 'Arial';
const ink = '0B0C0C';

// A4 with 2 cm margins, in twentieths of a point. Fixed widths render the same in Word and
// LibreOffice, where percentage widths do not.
export const page = { width: 11906, height: 16838, margin: 1134 };
export const contentWidth = page.width - 2 * page.margin;

/** The section's page size and margins; a document with a running header adds its distances. */
export const a4Page = {
  size: { width: page.width, height: page.height },
  margin: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin },
};

export const border = { style: BorderStyle.SINGLE, size: 4, color: '505A5F' };
export const headerShading = { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F2F1' };

/** Body text: Arial 11 pt in British English, with a little space after each paragraph. */
export const documentStyle = {
  run: { font, size: 22, language: { value: 'en-GB' } },
  paragraph: { spacing: { after: 120 } },
};

/** A bold heading-like style in the text colour; `run` adds to or overrides the run's look. */
export function headingStyle(
  size: number,
  spacing: { before?: number; after: number },
  run: IRunStylePropertiesOptions = {},
): IBaseParagraphStyleOptions {
  return { run: { font, size, bold: true, color: ink, ...run }, paragraph: { spacing } };
}

/** The header row Word repeats on each page; it never splits across one. */
export function headerRow(children: TableCell[]): TableRow {
  return new TableRow({ tableHeader: true, cantSplit: true, children });
}

export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ size: 18, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}
