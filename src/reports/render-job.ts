/**
 * The documents made off the request thread, each described as plain data (the route has already
 * read the database), and how to make one here on this thread. The render pool's workers run
 * `renderJob`; the command line and the tests call it directly.
 */
import { renderBoardPackDocx } from './board-pack/docx.ts';
import { renderBoardPackPdf } from './board-pack/pdf.ts';
import type { BoardPack } from './board-pack/types.ts';
import { renderCabinetReportDocx } from './cabinet-report/docx.ts';
import { renderCabinetReportPdf } from './cabinet-report/pdf.ts';
import type { CabinetReport } from './cabinet-report/types.ts';
import { renderWorkbook, type Workbook } from './workbook.ts';

export type RenderJob =
  | { kind: 'board-pack'; format: 'docx' | 'pdf'; pack: BoardPack }
  | { kind: 'cabinet-report'; format: 'docx' | 'pdf'; report: CabinetReport }
  | { kind: 'workbook'; workbook: Workbook };

/** Makes a document's bytes: on this thread (`renderJob`) or in a worker (`RenderPool.render`). */
export type Render = (job: RenderJob) => Promise<Buffer>;

export const renderJob: Render = (job) => {
  switch (job.kind) {
    case 'board-pack':
      return job.format === 'pdf' ? renderBoardPackPdf(job.pack) : renderBoardPackDocx(job.pack);
    case 'cabinet-report':
      return job.format === 'pdf' ? renderCabinetReportPdf(job.report) : renderCabinetReportDocx(job.report);
    case 'workbook':
      return renderWorkbook(job.workbook);
  }
};
