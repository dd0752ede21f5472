/**
 * The look every paper out shares as PDF (the board pack and the committee report): one font, one
 * page, one table rule, so the council's papers read as one set whichever one is downloaded.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfMake from 'pdfmake';
import type {
  Alignment,
  Content,
  ContentTable,
  TDocumentDefinitions,
  TFontDictionary,
} from 'pdfmake/interfaces.js';

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

export const ink = '#0b0c0c';
export const rule = '#505a5f';
export const headerFill = '#f3f2f1';
// 18 mm sides, 20 mm top, 22 mm bottom, as the HTML's @page.
export const margins: [number, number, number, number] = [51, 57, 51, 62];

/** The style of the running header and footer. */
const furnitureStyle = 'furniture';

/** A4 in English with the body text, and the document's title, author and subject for the reader. */
export function basePdfDefinition(info: {
  title: string;
  author: string;
  subject: string;
}): Pick<
  TDocumentDefinitions,
  'info' | 'language' | 'displayTitle' | 'pageSize' | 'pageMargins' | 'defaultStyle'
> {
  return {
    info: { ...info, creator: 'Wesaid' },
    language: 'en-GB',
    displayTitle: true,
    pageSize: 'A4',
    pageMargins: margins,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2, color: ink },
  };
}

export const baseStyles: NonNullable<TDocumentDefinitions['styles']> = {
  [furnitureStyle]: { fontSize: 8 },
};

/** A line of the running header or footer, inside the page's side margins. */
export function furniture(text: string, alignment?: Alignment): Content {
  return {
    text,
    ...(alignment ? { alignment } : {}),
    style: furnitureStyle,
    margin: [margins[0], 24, margins[2], 0],
  };
}

/** A header cell: bold on the header shade. */
export const headerCell = (text: string): Content => ({ text, bold: true, fillColor: headerFill });

/**
 * A table ruled on every side whose rows never split; its first `headerRows` rows repeat on each
 * page.
 */
export function ruledTable(widths: (number | string)[], body: Content[][], headerRows = 0): ContentTable {
  return {
    table: {
      headerRows,
      dontBreakRows: true,
      widths: widths,
      body,
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

export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  // pdfmake is one shared instance: set everything it reads just before each use, so another module
  // configuring it differently cannot change this document. The content never names a file or URL;
  // the policies make sure a future change cannot make it fetch or read one.
  pdfMake.setFonts(fonts);
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(robotoDir + path.sep));
  return pdfMake.createPdf(definition).getBuffer();
}
