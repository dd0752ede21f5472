import type { CommitteeCover } from '../../domain/publishing/committee-cover.ts';

/** What a Cabinet or committee report is made from: the cover as the council writes it, and the quarter's figures. */

/** The cover fields, as stated once in src/domain/publishing/committee-cover.ts. */
export type CabinetReportCover = CommitteeCover;

export interface CabinetReportPriority {
  number: number;
  title: string;
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
  /** "We did" recorded in the quarter. */
  achievedThisQuarter: string[];
}

export interface CabinetReportHighlight {
  priorityNumber: number;
  priorityTitle: string;
  /** ISO date of the board meeting. */
  meetingOn: string;
  status: string;
  reason: string;
  progress: string[];
}

export interface CabinetReportMeasure {
  name: string;
  latest: string;
  period: string;
  target: string;
  direction: string;
}

/** A budget line of the plan or one of its projects, as the financial implications print it. */
export interface CabinetReportBudgetLine {
  /** The project's title; empty for money for the whole plan. */
  project: string;
  fundingSource: string;
  /** "Recurrent" or "Non-recurrent (one-off)". */
  recurrence: string;
  /** "2017/18", or "Year not stated". */
  financialYear: string;
  planned: string;
  spent: string;
  description: string;
}

export interface CabinetReport {
  council: string;
  planTitle: string;
  quarter: { label: string; start: string; end: string };
  cover: CabinetReportCover;
  priorities: CabinetReportPriority[];
  highlights: CabinetReportHighlight[];
  measures: CabinetReportMeasure[];
  consultation: {
    title: string;
    responses: number;
    themes: { name: string; responses: number; summary: string }[];
  } | null;
  recipients: { meeting: string; receivedOn: string | null }[];
  /**
   * The plan's budget lines, for the financial implications section. Absent from reports issued
   * before the plan kept budget lines, which print their cover's financial implications only.
   */
  investment?: { lines: CabinetReportBudgetLine[]; recurrent: string; nonRecurrent: string; spent: string };
  /** Where the public updates are published. */
  publicUrl: string;
  /** Not yet issued: every page is marked DRAFT, so a live report is never mistaken for the one sent. */
  draft?: boolean;
}
