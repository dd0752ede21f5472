/**
 * The committee report as PDF, from the same view as the Word version: cover table, then numbered
 * sections as bookmarked headings.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { basePdfDefinition, baseStyles, furniture, headerCell, renderPdf, ruledTable } from '../pdf-style.ts';
import type { CabinetReport } from './types.ts';
import { buildCabinetReportView, draftWording, type Section } from './view.ts';

export async function renderCabinetReportPdf(report: CabinetReport): Promise<Buffer> {
  const view = buildCabinetReportView(report);
  const definition: TDocumentDefinitions = {
    ...basePdfDefinition({
      title: view.title,
      author: view.council,
      subject: `Report to ${report.cover.reportTo}`,
    }),
    styles: {
      ...baseStyles,
      h1: { fontSize: 12.5, bold: true, margin: [0, 12, 0, 6] },
      council: { fontSize: 14, bold: true, margin: [0, 0, 0, 10] },
    },
    header: () => (view.draftMark ? furniture(view.draftMark) : null),
    footer: (currentPage, pageCount) => furniture(`Page ${currentPage} of ${pageCount}`, 'right'),
    content: [
      { text: view.council, style: 'council' },
      ...(view.draftMark ? [{ text: draftWording.notice, bold: true, margin: [0, 0, 0, 8] } as Content] : []),
      ruledTable(
        [150, '*'],
        view.cover.map((row) => [headerCell(`${row.label}:`), row.text]),
      ),
      ...view.sections.flatMap(section),
    ],
  };
  return renderPdf(definition);
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
      ruledTable(
        s.table.head.map(() => '*'),
        [s.table.head.map(headerCell), ...s.table.rows],
        1,
      ),
    );
  }
  return out;
}
