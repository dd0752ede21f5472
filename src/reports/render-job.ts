/**
 * The documents made off the request thread, each described as plain data (the route has already
 * read the database), and how to make one here on this thread. The render pool's workers run
 * `renderJob`; the command line and the tests call it directly.
 */
import type { BoardPack } from './board-pack/types.ts';
import type { CabinetReport } from './cabinet-report/types.ts';
import type { Workbook } from './workbook.ts';

export type RenderJob =
  | { kind: 'board-pack'; format: 'docx' | 'pdf'; pack: BoardPack }
  | { kind: 'cabinet-report'; format: 'docx' | 'pdf'; report: CabinetReport }
  | { kind: 'workbook'; workbook: Workbook };

/** Makes a document's bytes: on this thread (`renderJob`) or in a worker (`RenderPool.render`). */
export type Render = (job: RenderJob) => Promise<Buffer>;

/*
 * Each renderer is loaded when its first job arrives: pdfmake, docx and exceljs together take
 * about a second to load, which every start would otherwise pay.
 */
export const renderJob: Render = async (job) => {
  switch (job.kind) {
    case 'board-pack':
      return job.format === 'pdf'
        ? (await import('./board-pack/pdf.ts')).renderBoardPackPdf(job.pack)
        : (await import('./board-pack/docx.ts')).renderBoardPackDocx(job.pack);
    case 'cabinet-report':
      return job.format === 'pdf'
        ? (await import('./cabinet-report/pdf.ts')).renderCabinetReportPdf(job.report)
        : (await import('./cabinet-report/docx.ts')).renderCabinetReportDocx(job.report);
    case 'workbook':
      return (await import('./workbook.ts')).renderWorkbook(job.workbook);
  }
};
