/*
 * What changed between two public snapshots of a plan: shown on the preview before publishing, so
 * the person sees what the public will see differently from the last publication. Pure. Compares
 * only what a snapshot holds (the allow-list), so nothing internal appears here either.
 * Commitments are matched by their reference ("3.2"); a renumbered plan reads as removed and added.
 */
import type { PublicCommitmentStatus, PublishedPlan } from './snapshot.ts';

export type PublicationChange =
  | { kind: 'priority-added' | 'priority-removed'; reference: string; text: string }
  | { kind: 'commitment-added' | 'commitment-removed'; reference: string; text: string }
  | { kind: 'commitment-reworded'; reference: string; text: string; before: string }
  | {
      kind: 'status-changed';
      reference: string;
      text: string;
      from: PublicCommitmentStatus;
      to: PublicCommitmentStatus;
    }
  | { kind: 'outcome-added' | 'outcome-removed'; reference: string; text: string }
  | { kind: 'measure-added' | 'measure-removed'; reference: string; text: string }
  | { kind: 'figures-added'; reference: string; text: string; periods: string[] };

export const publicStatusNames: Record<PublicCommitmentStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'No longer planned',
};

type Commitment = PublishedPlan['priorities'][number]['commitments'][number];

const commitmentsOf = (plan: PublishedPlan) =>
  new Map<string, Commitment>(plan.priorities.flatMap((p) => p.commitments.map((c) => [c.reference, c])));

/** Every change from `before` to `after`, in plan order; everything is new when nothing was published. */
export function diffPublications(before: PublishedPlan | null, after: PublishedPlan): PublicationChange[] {
  const changes: PublicationChange[] = [];
  const earlier = before ?? { priorities: [], measures: [] };
  const priorNumbers = new Set(earlier.priorities.map((p) => p.number));
  const nowNumbers = new Set(after.priorities.map((p) => p.number));
  for (const p of after.priorities)
    if (!priorNumbers.has(p.number))
      changes.push({ kind: 'priority-added', reference: String(p.number), text: p.title });
  for (const p of earlier.priorities)
    if (!nowNumbers.has(p.number))
      changes.push({ kind: 'priority-removed', reference: String(p.number), text: p.title });

  const was = before ? commitmentsOf(before) : new Map<string, Commitment>();
  const now = commitmentsOf(after);
  for (const [reference, c] of now) {
    const old = was.get(reference);
    if (!old) {
      changes.push({ kind: 'commitment-added', reference, text: c.text });
      for (const o of c.outcomes) changes.push({ kind: 'outcome-added', reference, text: o.text });
      continue;
    }
    if (old.text !== c.text)
      changes.push({ kind: 'commitment-reworded', reference, text: c.text, before: old.text });
    if (old.status !== c.status)
      changes.push({ kind: 'status-changed', reference, text: c.text, from: old.status, to: c.status });
    const oldOutcomes = new Set(old.outcomes.map((o) => o.text));
    const newOutcomes = new Set(c.outcomes.map((o) => o.text));
    for (const o of c.outcomes)
      if (!oldOutcomes.has(o.text)) changes.push({ kind: 'outcome-added', reference, text: o.text });
    for (const o of old.outcomes)
      if (!newOutcomes.has(o.text)) changes.push({ kind: 'outcome-removed', reference, text: o.text });
  }
  for (const [reference, c] of was)
    if (!now.has(reference)) changes.push({ kind: 'commitment-removed', reference, text: c.text });

  const oldMeasures = new Map(earlier.measures.map((m) => [m.name, m]));
  const newNames = new Set(after.measures.map((m) => m.name));
  for (const m of after.measures) {
    const old = oldMeasures.get(m.name);
    if (!old) {
      changes.push({ kind: 'measure-added', reference: m.name, text: m.name });
      continue;
    }
    const known = new Set(old.series.map((f) => f.period));
    const added = m.series.filter((f) => !known.has(f.period)).map((f) => f.periodLabel);
    if (added.length > 0)
      changes.push({ kind: 'figures-added', reference: m.name, text: m.name, periods: added });
  }
  for (const m of earlier.measures)
    if (!newNames.has(m.name)) changes.push({ kind: 'measure-removed', reference: m.name, text: m.name });
  return changes;
}

/** A change in a sentence, for the preview's list. */
export function describeChange(change: PublicationChange): string {
  switch (change.kind) {
    case 'priority-added':
      return `New priority ${change.reference}: ${change.text}`;
    case 'priority-removed':
      return `Priority ${change.reference} removed: ${change.text}`;
    case 'commitment-added':
      return `New “We said” ${change.reference}: ${change.text}`;
    case 'commitment-removed':
      return `“We said” ${change.reference} removed: ${change.text}`;
    case 'commitment-reworded':
      return `“We said” ${change.reference} reworded: ${change.text} (was: ${change.before})`;
    case 'status-changed':
      return `“We said” ${change.reference} changed from ${publicStatusNames[change.from]} to ${publicStatusNames[change.to]}: ${change.text}`;
    case 'outcome-added':
      return `New “We did” under ${change.reference}: ${change.text}`;
    case 'outcome-removed':
      return `“We did” under ${change.reference} removed: ${change.text}`;
    case 'measure-added':
      return `New measure: ${change.text}`;
    case 'measure-removed':
      return `Measure no longer published: ${change.text}`;
    case 'figures-added':
      return `New figures for ${change.text}: ${change.periods.join(', ')}`;
  }
}
