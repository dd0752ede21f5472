/**
 * The action log as every format prints it: one row per action, dates in words, the status with
 * the day it closed, and the latest dated update.
 */
import { formatDate } from '../../domain/format.ts';
import type { BoardPackAction } from './types.ts';
import { actionStatusWords, wording } from './wording.ts';

export const actionLogId = 'action-log';

export interface ActionRowView {
  /** The action, with the item it arose from after it. */
  action: string;
  raised: string;
  owner: string;
  due: string;
  status: string;
  update: string;
}

export interface ActionLogView {
  id: string;
  heading: string;
  caption: string;
  rows: ActionRowView[];
}

export function actionLogView(actions: readonly BoardPackAction[]): ActionLogView {
  return {
    id: actionLogId,
    heading: wording.actionLog,
    caption: wording.actionLogCaption,
    rows: actions.map((a) => ({
      action: a.item ? `${a.description} (${a.item})` : a.description,
      raised: formatDate(a.raisedOn),
      owner: a.owner,
      due: a.dueDate ? formatDate(a.dueDate) : wording.noDueDate,
      status: actionStatusWords(a.status, a.closedOn, formatDate),
      update: a.latestUpdate
        ? `${formatDate(a.latestUpdate.date)}: ${a.latestUpdate.text}`
        : wording.noUpdate,
    })),
  };
}

/** The row's cells in column order, for the table layouts and the reading order. */
export const actionCells = (row: ActionRowView) => [
  row.action,
  row.raised,
  row.owner,
  row.due,
  row.status,
  row.update,
];

export const actionHeadings = () => {
  const c = wording.actionColumns;
  return [c.action, c.raised, c.owner, c.due, c.status, c.update];
};
