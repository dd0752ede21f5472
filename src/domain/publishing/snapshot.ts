/*
 * The public snapshot of a plan: what a publication freezes and the public site, open data and
 * feed read. It is built from an allow-list of fields, never by copying rows, so a column added to
 * the plan later (an owner, a note, a comment) cannot reach the public by accident. Pure: the
 * database reads the rows, this decides what of them may be public.
 */
import type { Glossary } from '../glossary.ts';
import { formatPeriod, formatValue } from '../measures/format.ts';
import { suppressionMeanings, type Measure, type Observation } from '../measures/types.ts';
import { lineTotals, sumTotals, type BudgetLineRows } from '../projects/budget.ts';
import { projectKindNames, type ProjectKind } from '../projects/vocabulary.ts';
import { inheritedOutcome, type FrameworkTag } from '../national-framework.ts';

export const snapshotSchemaVersion = 1;

export type PublicCommitmentStatus = 'not-started' | 'in-progress' | 'done' | 'dropped';

export interface PublicOutcome {
  text: string;
  plainText: string;
  achievedOn: string | null;
}

export interface PublicCommitment {
  /** "3.2": priority number, then the commitment's place in it. */
  reference: string;
  text: string;
  plainText: string;
  status: PublicCommitmentStatus;
  dueOn: string | null;
  outcomes: PublicOutcome[];
  /**
   * The National Framework outcome or enabler it is read under (its own, else its improvement
   * area's, else its priority's). Absent from snapshots published before plans were tagged.
   */
  frameworkOutcome?: FrameworkTag;
}

export interface Progress {
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
  dropped: number;
}

export interface PublicPriority {
  number: number;
  title: string;
  plainTitle: string;
  ambition: string;
  /** Sponsors are senior officers named in the published plan; nobody below them is named. */
  sponsor: string;
  progress: Progress;
  commitments: PublicCommitment[];
  frameworkOutcome?: FrameworkTag;
}

export interface PublicFigure {
  period: string;
  /** "July 2020", "2021", "the year to March 2022". */
  periodLabel: string;
  value: number | null;
  /** A published suppression code (c, x, …) when there is no figure. */
  suppression: string | null;
  /** "2,159", "83%", or "Not available (c: confidential)". */
  valueText: string;
}

export interface PublicMeasure {
  name: string;
  definition: string;
  unit: string;
  polarity: string;
  frequency: string;
  target: number | null;
  series: PublicFigure[];
  frameworkOutcome?: FrameworkTag;
}

export interface PublishedPlan {
  schemaVersion: number;
  council: string;
  plan: { title: string; period: string };
  quarter: { label: string; start: string; end: string };
  priorities: PublicPriority[];
  progress: Progress;
  measures: PublicMeasure[];
  /** Only confirmed entries: guesses are never printed publicly. */
  glossary: { acronym: string; expansion: string; plural?: string; variants?: string[]; explain?: boolean }[];
  targetReadingAge: number;
  /**
   * What is invested in what: each project's title, phase and sums, and money for the whole plan.
   * Absent from snapshots published before the plan kept budget lines.
   */
  investment?: PublicInvestment;
}

/** Sums in pence: the public page formats them; leads, reasons and descriptions stay internal. */
export interface PublicInvestment {
  projects: { title: string; kind: string; phase: string; plannedPence: number; actualPence: number }[];
  lines: {
    project: string;
    fundingSource: string;
    recurrence: string;
    financialYear: string;
    plannedPence: number;
    actualPence: number;
  }[];
  plannedPence: number;
  actualPence: number;
}

/** The rows a snapshot is made from, as the database returns them (extra columns are ignored). */
export interface SnapshotRows {
  council: { name: string };
  plan: { title: string; period: string };
  quarter: { label: string; start: string; end: string };
  /** In plan order. */
  priorities: readonly {
    id: number;
    number: number;
    title: string;
    plainTitle: string;
    ambition: string;
    sponsorDisplayName: string;
    frameworkOutcome?: FrameworkTag;
  }[];
  /** In position order. */
  commitments: readonly {
    id: number;
    priorityId: number;
    text: string;
    plainText: string;
    status: PublicCommitmentStatus;
    dueOn: string | null;
    improvementAreaId?: number | null;
    frameworkOutcome?: FrameworkTag;
  }[];
  /** The plan's improvement areas, for the outcome a commitment inherits from its area. */
  areas?: readonly { id: number; frameworkOutcome: FrameworkTag }[];
  /** In position order. */
  outcomes: readonly { commitmentId: number; text: string; plainText: string; achievedOn: string | null }[];
  /** The chosen measures with their figures, in the order chosen. */
  measures: readonly {
    row: {
      name: string;
      definition: string;
      unit: string;
      polarity: string;
      frequency: string;
      target: number | null;
      frameworkOutcome?: FrameworkTag;
    };
    measure: Pick<Measure, 'unit' | 'frequency' | 'yearEnding'>;
    observations: readonly Observation[];
  }[];
  glossary: Glossary;
  targetReadingAge: number;
  /** The plan's projects and budget lines; absent, the snapshot carries no investment. */
  projects?: readonly { id: number; title: string; kind: ProjectKind; phase: string }[];
  budgetLines?: readonly (BudgetLineRows & { projectTitle: string })[];
}

export function emptyProgress(): Progress {
  return { total: 0, done: 0, inProgress: 0, notStarted: 0, dropped: 0 };
}

function addTo(progress: Progress, status: PublicCommitmentStatus): void {
  progress.total += 1;
  if (status === 'done') progress.done += 1;
  else if (status === 'in-progress') progress.inProgress += 1;
  else if (status === 'not-started') progress.notStarted += 1;
  else progress.dropped += 1;
}

/** The public snapshot: only the fields listed here, never a copied row. */
export function buildPublishedPlan(rows: SnapshotRows): PublishedPlan {
  const total = emptyProgress();
  const areaOutcome = new Map((rows.areas ?? []).map((a) => [a.id, a.frameworkOutcome]));
  const priorities = rows.priorities.map((p): PublicPriority => {
    const progress = emptyProgress();
    const list = rows.commitments
      .filter((c) => c.priorityId === p.id)
      .map((c, index): PublicCommitment => {
        addTo(progress, c.status);
        addTo(total, c.status);
        return {
          reference: `${p.number}.${index + 1}`,
          text: c.text,
          plainText: c.plainText,
          status: c.status,
          dueOn: c.dueOn,
          outcomes: rows.outcomes
            .filter((o) => o.commitmentId === c.id)
            .map((o) => ({ text: o.text, plainText: o.plainText, achievedOn: o.achievedOn })),
          frameworkOutcome: inheritedOutcome(
            c.frameworkOutcome,
            c.improvementAreaId ? areaOutcome.get(c.improvementAreaId) : null,
            p.frameworkOutcome,
          ),
        };
      });
    return {
      number: p.number,
      title: p.title,
      plainTitle: p.plainTitle,
      ambition: p.ambition,
      sponsor: p.sponsorDisplayName,
      progress,
      commitments: list,
      frameworkOutcome: p.frameworkOutcome ?? null,
    };
  });

  return {
    schemaVersion: snapshotSchemaVersion,
    council: rows.council.name,
    plan: { title: rows.plan.title, period: rows.plan.period },
    quarter: { label: rows.quarter.label, start: rows.quarter.start, end: rows.quarter.end },
    priorities,
    progress: total,
    measures: rows.measures.map(publicMeasure),
    glossary: publicGlossary(rows.glossary),
    targetReadingAge: rows.targetReadingAge,
    ...(rows.projects && rows.budgetLines
      ? { investment: publicInvestment(rows.projects, rows.budgetLines) }
      : {}),
  };
}

function publicInvestment(
  projects: NonNullable<SnapshotRows['projects']>,
  lines: NonNullable<SnapshotRows['budgetLines']>,
): PublicInvestment {
  const totals = sumTotals(lines);
  return {
    projects: projects.map((p) => {
      const mine = sumTotals(lines.filter((l) => l.projectId === p.id));
      return {
        title: p.title,
        kind: projectKindNames[p.kind],
        phase: p.phase,
        plannedPence: mine.plannedPence,
        actualPence: mine.actualPence,
      };
    }),
    lines: lines.map((l) => ({
      project: l.projectTitle,
      fundingSource: l.fundingSource,
      recurrence: l.recurrence,
      financialYear: l.financialYear,
      plannedPence: l.plannedPence,
      actualPence: lineTotals(l).actualPence,
    })),
    plannedPence: totals.plannedPence,
    actualPence: totals.actualPence,
  };
}

/** Confirmed entries with an expansion only: guesses are never printed publicly. */
export function publicGlossary(glossary: Glossary): PublishedPlan['glossary'] {
  return glossary
    .filter((e) => e.confirmed !== false && e.expansion.trim() !== '')
    .map((e) => ({
      acronym: e.acronym,
      expansion: e.expansion,
      ...(e.plural ? { plural: e.plural } : {}),
      ...(e.variants?.length ? { variants: [...e.variants] } : {}),
      ...(e.explain === false ? { explain: false } : {}),
    }));
}

/** The council's own figures for a measure; comparators stay internal. */
function publicMeasure({ row, measure, observations }: SnapshotRows['measures'][number]): PublicMeasure {
  return {
    name: row.name,
    definition: row.definition,
    unit: row.unit,
    polarity: row.polarity,
    frequency: row.frequency,
    target: row.target,
    frameworkOutcome: row.frameworkOutcome ?? null,
    series: observations
      .filter((o) => o.comparator === undefined || o.comparator === 'council')
      .map((o) => ({
        period: o.period,
        periodLabel: formatPeriod(measure, o.period),
        value: o.suppression ? null : o.value,
        suppression: o.suppression ?? null,
        valueText:
          o.suppression !== undefined
            ? `Not available (${o.suppression}: ${suppressionMeanings[o.suppression]})`
            : o.value === null
              ? 'Not available'
              : formatValue(measure.unit, o.value),
      })),
  };
}
