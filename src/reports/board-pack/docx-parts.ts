/** The building blocks of the board pack's Word document: headings with bookmarks, captions, tables. */
import {
  Bookmark,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { border, headerRow, headerShading } from '../docx-style.ts';

/** Word bookmark names allow letters, digits and underscores only. */
export const bookmarkOf = (id: string) => id.replace(/[^A-Za-z0-9]/g, '_');

export function heading(
  level: 1 | 2 | 3 | 4,
  text: string,
  options: { id?: string; pageBreakBefore?: boolean } = {},
): Paragraph {
  const levels = {
    1: HeadingLevel.HEADING_1,
    2: HeadingLevel.HEADING_2,
    3: HeadingLevel.HEADING_3,
    4: HeadingLevel.HEADING_4,
  };
  const run = new TextRun(text);
  return new Paragraph({
    heading: levels[level],
    pageBreakBefore: options.pageBreakBefore,
    keepNext: true,
    children: [options.id ? new Bookmark({ id: bookmarkOf(options.id), children: [run] }) : run],
  });
}

export const boldText = (text: string) => new TextRun({ text, bold: true });

export function caption(text: string): Paragraph {
  return new Paragraph({ style: 'Caption', keepNext: true, text });
}

/**
 * A table of fixed column widths. With `head`, that row is the header row; without, the first body
 * row is, so every table has one.
 */
export function table(widths: number[], head: string[] | undefined, rows: ParagraphChild[][][]): Table {
  const cell = (children: ParagraphChild[], width: number, shaded: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      shading: shaded ? headerShading : undefined,
      children: [new Paragraph({ children })],
    });
  const headRow = head ? [headerRow(head.map((text, i) => cell([boldText(text)], widths[i]!, true)))] : [];
  const bodyRows = rows.map(
    (cells, r) =>
      new TableRow({
        // Only ever set, never written as "off": some readers (mammoth) ignore the value.
        ...(!head && r === 0 ? { tableHeader: true } : {}),
        cantSplit: true,
        children: cells.map((children, i) => cell(children, widths[i]!, !head && i === 0)),
      }),
  );
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [...headRow, ...bodyRows],
  });
}
