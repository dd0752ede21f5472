/*
 * Three risks on the 2024 programme's register, drawn from what the 10 September 2024 highlight
 * reports say is fragile: a workforce still relying on agency staff (priority 4), too few local
 * placements (priority 3) and the multi-agency response when children go missing (priority 1).
 * Wording and scores are the demo's own. Two are above the default threshold of 12, so the board
 * pack shows them; the third shows only in the register.
 */
import { systemActor } from '../domain/changes.ts';
import type { Db } from '../db/client.ts';
import type { Plan } from '../db/plan/queries.ts';
import { listPriorities } from '../db/plan/queries.ts';
import { createRisk, updateRisk, type RiskInput } from '../db/risks/commands.ts';
import { getRisk } from '../db/risks/queries.ts';
import type { DemoAccount } from './accounts.ts';

const actor = systemActor('Demo data');

interface DemoRisk {
  priority: number;
  input: Omit<RiskInput, 'priorityIds' | 'ownerUserId'>;
  /** The residual scores at the review before, so the register shows a direction of travel. */
  earlier?: { residualLikelihood: number; residualImpact: number; reviewedOn: string };
  ownedBySponsor?: boolean;
}

const demoRisks: DemoRisk[] = [
  {
    priority: 4,
    ownedBySponsor: true,
    earlier: { residualLikelihood: 3, residualImpact: 4, reviewedOn: '2024-07-09' },
    input: {
      title: 'The service cannot recruit and keep enough permanent social workers',
      cause: 'Agency workers fill a share of posts; regional competition for experienced staff.',
      effect: 'Children change social worker often; practice improvements do not take hold.',
      controls:
        'Permanent structure at every level; career change, step up and Frontline routes; workforce sub-group.',
      ownerName: '',
      inherentLikelihood: 5,
      inherentImpact: 4,
      residualLikelihood: 4,
      residualImpact: 4,
      reviewedOn: '2024-09-03',
      nextReviewOn: '2024-11-05',
      status: 'open',
    },
  },
  {
    priority: 3,
    input: {
      title: 'Too few local placements to meet children’s needs',
      cause: 'Not enough foster carers in the borough; reliance on residential and out-of-borough homes.',
      effect: 'Children live far from home and school; placement costs rise.',
      controls: 'Foster carer recruitment campaign; placement referral form redesigned; sufficiency plan.',
      ownerName: 'Head of Service, Cared for Children',
      inherentLikelihood: 4,
      inherentImpact: 4,
      residualLikelihood: 4,
      residualImpact: 3,
      reviewedOn: '2024-09-03',
      nextReviewOn: '2024-11-05',
      status: 'open',
    },
  },
  {
    priority: 1,
    earlier: { residualLikelihood: 3, residualImpact: 4, reviewedOn: '2024-07-09' },
    input: {
      title: 'Partners do not recognise and respond to risk when children go missing',
      cause: 'Return home interviews late; information not shared between agencies in time.',
      effect: 'Patterns of exploitation are missed.',
      controls: 'Multi-agency training rolled out; missing from home service linked to the front door.',
      ownerName: 'Safeguarding Partnership Business Manager',
      inherentLikelihood: 4,
      inherentImpact: 5,
      residualLikelihood: 2,
      residualImpact: 4,
      reviewedOn: '2024-09-03',
      nextReviewOn: '2024-12-03',
      status: 'open',
    },
  },
];

export async function addDemoRisks(db: Db, plan: Plan, accounts: DemoAccount[]): Promise<void> {
  const priorities = await listPriorities(db, plan.id);
  const sponsor = accounts.find((a) => a.role === 'sponsor');
  for (const d of demoRisks) {
    const priority = priorities.find((p) => p.number === d.priority);
    if (!priority) throw new Error(`The demo programme has no priority ${d.priority}`);
    const input: RiskInput = {
      ...d.input,
      priorityIds: [priority.id],
      ownerUserId: d.ownedBySponsor ? (sponsor?.id ?? null) : null,
      ownerName: d.ownedBySponsor && sponsor ? '' : d.input.ownerName || 'Director of Children’s Services',
    };
    // An earlier review first, then this one: the register then reads the direction of travel.
    const risk = await createRisk(db, plan, d.earlier ? { ...input, ...d.earlier } : input, actor);
    if (!d.earlier) continue;
    const ctx = await getRisk(db, plan.organisationId, risk.id);
    const saved = await updateRisk(db, ctx!, risk.version, input, actor);
    if (!saved.ok) throw new Error(`The demo risk “${input.title}” could not be reviewed`);
  }
}
