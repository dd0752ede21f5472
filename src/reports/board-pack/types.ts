import type { FrameworkOutcome } from '../../domain/national-framework.ts';
import type { ReportState } from '../../domain/workflows/highlight-report.ts';
import type { ActionStatus } from '../../domain/meetings/vocabulary.ts';

/**
 * The input of the board pack renderers. It is plain data so the renderers stay free of the
 * database: the caller maps stored rows into this shape, and tests build it by hand.
 */

/** One status of the plan's own RAG scheme; schemes differ by council, so nothing here is fixed. */
export interface RagScaleEntry {
  /** The stored value, e.g. "amber". */
  code: string;
  /** What the board reads, e.g. "Amber (At Risk)". */
  label: string;
  /** What the status means, printed beside it wherever it is shown. */
  definition: string;
  /** Hex colour, "#rgb" or "#rrggbb"; anything else is refused, as it ends up in CSS and in DOCX. */
  colour: string;
}

/** A bullet with any number of nested bullets. */
export interface ListItem {
  text: string;
  children: ListItem[];
}

/** A "What needs to improve" area of a priority. */
export interface BoardPackArea {
  title: string;
  /** "Summary of progress since last board" */
  progress: ListItem[];
  /** "Activity for the next period" */
  nextPeriod: ListItem[];
}

/** A reason to doubt what a report claims, e.g. a Green rating with a reason that reads like Amber. */
export interface EvidenceWarning {
  /** A stable code for the check that raised it; kept in the HTML as data, not shown. */
  kind: string;
  message: string;
  /** Quotations or figures that support the warning. */
  evidence: string[];
}

export type MeasureRating = 'red' | 'amber' | 'green' | 'none';

export interface LinkedMeasure {
  name: string;
  /** Already formatted with its unit and period, e.g. "83% (July 2024)". */
  latest: string;
  target?: string;
  rating: MeasureRating;
  /** Words, e.g. "Worse than last month (87%)". */
  direction: string;
  narrative: string;
}

export type Direction = 'improved' | 'worsened' | 'unchanged' | 'not-comparable' | 'new';
export type { ReportState } from '../../domain/workflows/highlight-report.ts';

export interface BoardPackPriority {
  number: number;
  /** e.g. "Quality of Practice" */
  title: string;
  /** The statement after the title in the plan, e.g. "Children and young people receive…". */
  ambition?: string;
  sponsor: string;
  /** A code from the pack's ragScale; absent when the priority was not rated last time. */
  previousRag?: string;
  currentRag?: string;
  direction: Direction;
  /** "Reason for RAG" */
  reason: string;
  /** "Report Completed By" */
  completedBy: string;
  state: ReportState;
  areas: BoardPackArea[];
  evidenceWarnings: EvidenceWarning[];
  measures: LinkedMeasure[];
  /** The National Framework outcome or enabler the priority serves; absent when not tagged. */
  frameworkOutcome?: FrameworkOutcome;
}

/** An action in the pack's action log: open from an earlier meeting, or closed since the last one. */
export interface BoardPackAction {
  /** YYYY-MM-DD: the meeting the action arose at. */
  raisedOn: string;
  /** The agenda item it arose from. */
  item?: string;
  description: string;
  owner: string;
  /** YYYY-MM-DD */
  dueDate?: string;
  status: ActionStatus;
  /** YYYY-MM-DD: when it was done or dropped. */
  closedOn?: string;
  latestUpdate?: { date: string; text: string };
}

export interface BoardPack {
  /** e.g. "Tameside Council" */
  council: string;
  /** e.g. "Children's Improvement Board" */
  board: string;
  meeting: {
    /** YYYY-MM-DD; a calendar date, never shifted by time zone. */
    date: string;
    /** e.g. "Children's Improvement Programme Highlight Report" */
    title: string;
  };
  /** ISO 8601 timestamp; printed in UK time. */
  generatedAt: string;
  ragScale: RagScaleEntry[];
  /** Rendered in the order given. */
  priorities: BoardPackPriority[];
  /**
   * The plan's open risks at or above the council's threshold, as they stood when the pack was made.
   * Absent from packs of a meeting with no plan, and from papers issued before the register existed.
   */
  risks?: BoardPackRisks;
  /**
   * The plan's projects and investable propositions, each as a highlight section, as they stood
   * when the pack was made. Absent from packs of a meeting with no plan and from earlier papers.
   */
  projects?: BoardPackProject[];
  /**
   * Earlier meetings' open actions and those closed since the last meeting. Absent from packs made
   * before meetings kept actions (and from hand-built ones), which then have no action log section.
   */
  actionLog?: BoardPackAction[];
  /**
   * A reform programme's expectations checklist, when the pack's one plan is a reform programme.
   * Absent from other packs and from papers issued before packs carried it.
   */
  expectations?: BoardPackExpectations;
  /**
   * Present when the meeting's pack covers more than one plan (the improvement plan and a reform
   * programme): each plan is a part with its own sections, and the top-level priorities, risks,
   * projects and expectations are then empty or absent.
   */
  parts?: BoardPackPart[];
  /** Not yet issued: every page is marked DRAFT, so a live pack is never mistaken for the papers. */
  draft?: boolean;
}

/** One plan's part of a pack that covers several plans. */
export interface BoardPackPart {
  /** The plan's title, e.g. "Families First Partnership". */
  title: string;
  /** "Improvement plan" or "Reform programme". */
  kind: string;
  priorities: BoardPackPriority[];
  risks?: BoardPackRisks;
  projects?: BoardPackProject[];
  expectations?: BoardPackExpectations;
}

/** An expectation of a reform programme as the board reads it: already words. */
export interface BoardPackExpectation {
  text: string;
  /** "Required" or "Recommended". */
  strength: string;
  /** The grant line or guidance reference; may be empty. */
  reference: string;
  /** "Not started", "In progress" or "Met". */
  status: string;
  met: boolean;
  evidence: string;
  /** What meets it in the plan: commitments by their text, measures by their name. */
  commitments: string[];
  measures: string[];
}

export interface BoardPackExpectations {
  required: number;
  requiredMet: number;
  recommended: number;
  recommendedMet: number;
  items: BoardPackExpectation[];
}

/** A risk as the board reads it; scores already in words, so every format prints the same. */
export interface BoardPackRisk {
  title: string;
  owner: string;
  /** e.g. "1, 3"; empty when the risk is to the whole programme. */
  priorities: string;
  /** e.g. "20 (Very high)" */
  beforeControls: string;
  afterControls: string;
  /** e.g. "Worse since the last review" */
  direction: string;
  controls: string;
  /** e.g. "1 November 2024", or empty. */
  nextReview: string;
}

export interface BoardPackRisks {
  threshold: number;
  items: BoardPackRisk[];
}

/** A project as the board reads it: status, milestones and money already in words. */
export interface BoardPackProject {
  title: string;
  /** "Project" or "Investable proposition". */
  kind: string;
  /** The council's words, e.g. "Phase one: sustainability project"; may be empty. */
  phase: string;
  lead: string;
  /** e.g. "1, 3"; empty when it serves the whole programme. */
  priorities: string;
  /** A code from the pack's ragScale; absent when not rated. */
  rag?: string;
  reason: string;
  milestones: { title: string; due: string; status: string; completed: string }[];
  /** e.g. "£200,000 planned. £103,500.50 spent against £100,000 planned for the same quarters: …" */
  investment: string;
}

export type BoardPackFormat = 'html' | 'docx' | 'pdf';
