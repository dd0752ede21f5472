/** The Cabinet or committee report in either format, with what a download needs beside it. */
import type { CabinetReport } from './types.ts';

export type * from './types.ts';
export { buildCabinetReportView, coverLabels } from './view.ts';
export { assembleCabinetReport, type CabinetReportRows } from './assemble.ts';

export const cabinetReportMediaTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** Loads the renderer on first use, as render-job.ts does: pdfmake and docx are slow to load. */
export async function renderCabinetReport(report: CabinetReport, format: 'docx' | 'pdf'): Promise<Buffer> {
  return format === 'docx'
    ? (await import('./docx.ts')).renderCabinetReportDocx(report)
    : (await import('./pdf.ts')).renderCabinetReportPdf(report);
}

/** e.g. "executive-cabinet-2025-03-22.pdf" */
export function cabinetReportFileName(report: CabinetReport, format: 'docx' | 'pdf'): string {
  const slug = report.cover.reportTo
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'committee-report'}-${report.cover.meetingOn}.${format}`;
}
