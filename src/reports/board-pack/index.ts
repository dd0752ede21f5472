/**
 * One entry for the board pack in any format, with what a download response needs beside it.
 */
import { renderBoardPackHtml, type BoardPackHtmlOptions } from './html.ts';
import type { BoardPack, BoardPackFormat } from './types.ts';

export type * from './types.ts';
export { assembleBoardPack, withUnknownStatuses, type PackRows } from './assemble.ts';
export type { BoardPackHtmlOptions } from './html.ts';
export { renderBoardPackHtml };

export function renderBoardPack(
  pack: BoardPack,
  format: 'html',
  options?: BoardPackHtmlOptions,
): Promise<string>;
export function renderBoardPack(pack: BoardPack, format: 'docx' | 'pdf'): Promise<Buffer>;
export function renderBoardPack(
  pack: BoardPack,
  format: BoardPackFormat,
  options?: BoardPackHtmlOptions,
): Promise<Buffer | string>;
export async function renderBoardPack(
  pack: BoardPack,
  format: BoardPackFormat,
  options: BoardPackHtmlOptions = {},
): Promise<Buffer | string> {
  switch (format) {
    case 'html':
      return renderBoardPackHtml(pack, options);
    // Loaded on first use, as in render-job.ts: the HTML pack is what pages need at once.
    case 'docx':
      return (await import('./docx.ts')).renderBoardPackDocx(pack);
    case 'pdf':
      return (await import('./pdf.ts')).renderBoardPackPdf(pack);
  }
}

export const boardPackMediaTypes: Record<BoardPackFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** e.g. "childrens-improvement-programme-highlight-report-2024-09-10.pdf": safe in any header or file system. */
export function boardPackFileName(pack: BoardPack, format: BoardPackFormat): string {
  const slug = pack.meeting.title
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'board-pack'}-${pack.meeting.date}.${format}`;
}
