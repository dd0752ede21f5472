/*
 * The public snapshot of a plan: what a publication freezes and the public site, open data and
 * feed read. It is built from an allow-list of fields, never by copying rows, so a column added to
 * the plan later (an owner, a note, a comment) cannot reach the public by accident.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { figuresFor, listMeasureRows } from '../measures/queries.ts';
import { listPriorities } from '../plan/queries.ts';
import { commitments, organisations, outcomes, plans, type CommitmentStatus } from '../schema.ts';
import type { Glossary } from '../../domain/glossary.ts';
import { formatPeriod, formatValue, suppressionMeanings } from '../../domain/measures/index.ts';

export const snapshotSchemaVersion = 1;

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
  status: CommitmentStatus;
  dueOn: string | null;
  outcomes: PublicOutcome[];
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
}

export function emptyProgress(): Progress {
  return { total: 0, done: 0, inProgress: 0, notStarted: 0, dropped: 0 };
}

function addTo(progress: Progress, status: CommitmentStatus): void {
  progress.total += 1;
  if (status === 'done') progress.done += 1;
  else if (status === 'in-progress') progress.inProgress += 1;
  else if (status === 'not-started') progress.notStarted += 1;
  else progress.dropped += 1;
}

export interface SnapshotInput {
  organisationId: number;
  planId: number;
  quarter: { label: string; start: string; end: string };
  measureIds: number[];
  glossary: Glossary;
  targetReadingAge: number;
  /** The instant the figures are read at. */
  asOf: Date;
}

export async function buildSnapshot(db: Db, input: SnapshotInput): Promise<PublishedPlan> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, input.planId));
  const [council] = await db.select().from(organisations).where(eq(organisations.id, input.organisationId));
  if (!plan || !council || plan.organisationId !== input.organisationId)
    throw new Error('Plan not found for this council');
  const priorityRows = await listPriorities(db, plan.id);
  const commitmentRows = priorityRows.length
    ? await db
        .select()
        .from(commitments)
        .where(
          inArray(
            commitments.priorityId,
            priorityRows.map((p) => p.id),
          ),
        )
        .orderBy(asc(commitments.position), asc(commitments.id))
    : [];
  const outcomeRows = commitmentRows.length
    ? await db
        .select()
        .from(outcomes)
        .where(
          inArray(
            outcomes.commitmentId,
            commitmentRows.map((c) => c.id),
          ),
        )
        .orderBy(asc(outcomes.position), asc(outcomes.id))
    : [];

  const total = emptyProgress();
  const publicPriorities = priorityRows.map((p): PublicPriority => {
    const progress = emptyProgress();
    const list = commitmentRows
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
          outcomes: outcomeRows
            .filter((o) => o.commitmentId === c.id)
            .map((o) => ({ text: o.text, plainText: o.plainText, achievedOn: o.achievedOn })),
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
    };
  });

  return {
    schemaVersion: snapshotSchemaVersion,
    council: council.name,
    plan: { title: plan.title, period: plan.period },
    quarter: input.quarter,
    priorities: publicPriorities,
    progress: total,
    measures: await publicMeasures(db, input.organisationId, input.measureIds, input.asOf),
    glossary: input.glossary
      .filter((e) => e.confirmed !== false && e.expansion.trim() !== '')
      .map((e) => ({
        acronym: e.acronym,
        expansion: e.expansion,
        ...(e.plural ? { plural: e.plural } : {}),
        ...(e.variants?.length ? { variants: [...e.variants] } : {}),
        ...(e.explain === false ? { explain: false } : {}),
      })),
    targetReadingAge: input.targetReadingAge,
  };
}

/** The council's own figures for each chosen measure, in the order chosen; comparators stay internal. */
async function publicMeasures(
  db: Db,
  organisationId: number,
  measureIds: number[],
  today: Date,
): Promise<PublicMeasure[]> {
  if (measureIds.length === 0) return [];
  const rows = (await listMeasureRows(db, organisationId)).filter((r) => measureIds.includes(r.id));
  rows.sort((a, b) => measureIds.indexOf(a.id) - measureIds.indexOf(b.id));
  const figures = await figuresFor(db, rows, today);
  return figures.map(({ row, measure, observations }) => ({
    name: row.name,
    definition: row.definition,
    unit: row.unit,
    polarity: row.polarity,
    frequency: row.frequency,
    target: row.target,
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
  }));
}
