/** Commitments still open past their due date are overdue; done or dropped ones never are. */
export function isOverdue(commitment: { dueOn: string | null; status: string }, today: string): boolean {
  if (!commitment.dueOn) return false;
  if (commitment.status !== 'not-started' && commitment.status !== 'in-progress') return false;
  return commitment.dueOn < today;
}
