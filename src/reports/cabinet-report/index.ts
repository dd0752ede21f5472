/** The Cabinet or committee report in either format, with what a download needs beside it. */
import { renderCabinetReportDocx } from './docx.ts';
import { renderCabinetReportPdf } from './pdf.ts';
import type { CabinetReport } from './types.ts';

export type * from './types.ts';
export { buildCabinetReportView, coverLabels } from './view.ts';
export { assembleCabinetReport, type CabinetReportRows } from './assemble.ts';
export { renderCabinetReportDocx, renderCabinetReportPdf };

export const cabinetReportMediaTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

export function renderCabinetReport(report: CabinetReport, format: 'docx' | 'pdf'): Promise<Buffer> {
  return format === 'docx' ? renderCabinetReportDocx(report) : renderCabinetReportPdf(report);
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
