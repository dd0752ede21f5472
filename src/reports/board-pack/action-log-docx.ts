/** The action log in the Word pack: its own page, a captioned table with a header row. */
import { Paragraph, TextRun, type Table } from 'docx';
import { contentWidth } from '../docx-style.ts';
import { actionCells, actionHeadings, type ActionLogView } from './action-log-view.ts';
import { boldText, caption, heading, table } from './docx-parts.ts';
import { wording } from './wording.ts';

export function actionLogDocx(log: ActionLogView): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(2, log.heading, { id: log.id, pageBreakBefore: true })];
  if (log.rows.length === 0) return [...out, new Paragraph(wording.noActions)];
  return [
    ...out,
    caption(log.caption),
    table(
      [2400, 1200, 1400, 1200, 1300, contentWidth - 7500],
      actionHeadings(),
      log.rows.map((row) =>
        actionCells(row).map((text, i) => [i === 0 ? boldText(text) : new TextRun(text)]),
      ),
    ),
  ];
}
