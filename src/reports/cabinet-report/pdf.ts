/**
 * The committee report as PDF, from the same view as the Word version: cover table, then numbered
 * sections as bookmarked headings.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfMake from 'pdfmake';
import type { Content, ContentTable, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import type { CabinetReport } from './types.ts';
import { buildCabinetReportView, type Section } from './view.ts';

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
const rule = '#505a5f';
const headerFill = '#f3f2f1';

export async function renderCabinetReportPdf(report: CabinetReport): Promise<Buffer> {
  const view = buildCabinetReportView(report);
  // pdfmake is one shared instance: set what it reads just before each use (as the board pack does).
  pdfMake.setFonts(fonts);
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(robotoDir + path.sep));
  const definition: TDocumentDefinitions = {
    info: {
      title: view.title,
      author: view.council,
      subject: `Report to ${report.cover.reportTo}`,
      creator: 'Wesaid',
    },
    language: 'en-GB',
    displayTitle: true,
    pageSize: 'A4',
    pageMargins: [51, 57, 51, 62],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2, color: '#0b0c0c' },
    styles: {
      h1: { fontSize: 12.5, bold: true, margin: [0, 12, 0, 6] },
      council: { fontSize: 14, bold: true, margin: [0, 0, 0, 10] },
    },
    footer: (currentPage, pageCount) => ({
      text: `Page ${currentPage} of ${pageCount}`,
      alignment: 'right',
      fontSize: 8,
      margin: [51, 24, 51, 0],
    }),
    content: [
      { text: view.council, style: 'council' },
      table(
        [150, '*'],
        view.cover.map((row) => [{ text: `${row.label}:`, bold: true, fillColor: headerFill }, row.text]),
      ),
      ...view.sections.flatMap(section),
    ],
  };
  return pdfMake.createPdf(definition).getBuffer();
}

function section(s: Section): Content[] {
  const out: Content[] = [
    { text: `${s.number}. ${s.heading}`, style: 'h1', headlineLevel: 1, outline: true },
  ];
  for (const p of s.paragraphs) {
    out.push({
      columns: [
        { text: p.number, width: 30 },
        { text: p.text, width: '*' },
      ],
      margin: [0, 0, 0, 4],
    });
    if (p.bullets.length) out.push({ ul: p.bullets, margin: [40, 0, 0, 6] });
  }
  if (s.table) {
    out.push({ text: s.table.caption, bold: true, margin: [0, 4, 0, 3] });
    out.push(
      table(
        s.table.head.map(() => '*'),
        [s.table.head.map((h) => ({ text: h, bold: true, fillColor: headerFill })), ...s.table.rows],
        1,
      ),
    );
  }
  return out;
}

function table(widths: (number | string)[], body: Content[][], headerRows = 0): ContentTable {
  return {
    table: {
      headerRows,
      dontBreakRows: true,
      widths: widths,
      body: body,
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
