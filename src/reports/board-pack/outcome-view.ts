/*
 * The pack read by National Framework outcome: one register row per outcome or enabler that the
 * meeting's priorities serve, with those priorities and their current RAG. Printed only when a
 * priority is tagged, so a pack from a plan that does not use the framework is as it was.
 */
import {
  frameworkOutcomeLabel,
  groupByOutcome,
  isFrameworkOutcome,
} from '../../domain/national-framework.ts';
import type { BoardPack } from './types.ts';
import type { RagView, RegisterView } from './view.ts';

export const outcomesId = 'national-framework';

export function outcomesView(
  pack: BoardPack,
  ragOf: (code: string | undefined) => RagView,
): RegisterView | null {
  const tagged = pack.priorities.filter((p) => isFrameworkOutcome(p.frameworkOutcome));
  if (tagged.length === 0) return null;
  const groups = groupByOutcome(pack.priorities, (p) => p.frameworkOutcome ?? null);
  return {
    id: outcomesId,
    heading: 'By National Framework outcome',
    intro:
      'The priorities reported at this meeting under the Children’s Social Care National Framework outcome or enabler each serves.',
    caption: 'Priorities by National Framework outcome or enabler, with their current RAG',
    columns: ['Outcome or enabler', 'Priorities', 'Current RAG'],
    wideColumns: [0, 1],
    rows: groups.map((g) => [
      g.outcome ? frameworkOutcomeLabel(g.outcome) : 'Not tagged',
      g.items.map((p) => `${p.number}. ${p.title}`).join('; '),
      g.items.map((p) => `${p.number}: ${ragOf(p.currentRag).label}`).join('; '),
    ]),
    empty: 'No priority is tagged with an outcome or enabler.',
  };
}
