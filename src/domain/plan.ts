/*
 * The plan's vocabulary: the states a plan and a commitment can be in, and the shape of an
 * evidence link. The schema stores these; the pages, forms and commands all read them from here.
 */

export const planStatuses = ['draft', 'adopted', 'closed'] as const;
export type PlanStatus = (typeof planStatuses)[number];

/**
 * What kind of plan it is: the improvement plan, or a reform programme run beside it (such as the
 * Families First Partnership) with an expectations checklist. Every plan made before kinds is an
 * improvement plan.
 */
export const planKinds = ['improvement-plan', 'reform-programme'] as const;
export type PlanKind = (typeof planKinds)[number];

export const planKindNames: Record<PlanKind, string> = {
  'improvement-plan': 'Improvement plan',
  'reform-programme': 'Reform programme',
};

export const commitmentStatuses = ['not-started', 'in-progress', 'done', 'dropped'] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

/** Commitments still being worked on: only these can be overdue. */
export const openCommitmentStatuses: readonly CommitmentStatus[] = ['not-started', 'in-progress'];

export const isCommitmentStatus = (value: string): value is CommitmentStatus =>
  (commitmentStatuses as readonly string[]).includes(value);

/** A link to evidence that an outcome was achieved. */
export interface EvidenceLink {
  title: string;
  url: string;
}
