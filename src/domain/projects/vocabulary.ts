/*
 * The words of a plan's projects and their investment. A phase is the council's own wording
 * ("Phase one: sustainability project"), kept as text beside a kind that the code can read.
 */

/** A project delivers; an investable proposition is a case for investment to go further. */
export const projectKinds = ['project', 'proposition'] as const;
export type ProjectKind = (typeof projectKinds)[number];

export const projectKindNames: Record<ProjectKind, string> = {
  project: 'Project',
  proposition: 'Investable proposition',
};

export const milestoneStatuses = ['not-started', 'in-progress', 'done', 'dropped'] as const;
export type MilestoneStatus = (typeof milestoneStatuses)[number];

export const milestoneStatusNames: Record<MilestoneStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** Recurrent money is in the budget every year; non-recurrent (one-off) money is spent once. */
export const recurrences = ['recurrent', 'non-recurrent'] as const;
export type Recurrence = (typeof recurrences)[number];

export const recurrenceNames: Record<Recurrence, string> = {
  recurrent: 'Recurrent',
  'non-recurrent': 'Non-recurrent (one-off)',
};

/** A milestone not done or dropped whose due date has passed. */
export function isMilestoneLate(
  milestone: { status: MilestoneStatus; dueOn: string | null },
  today: string,
): boolean {
  return (
    (milestone.status === 'not-started' || milestone.status === 'in-progress') &&
    milestone.dueOn !== null &&
    milestone.dueOn < today
  );
}
