import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { insertRecord, recordChange, updateRecord, type Actor, type SaveResult } from '../changes.ts';
import type { CommitmentStatus, EvidenceLink, PlanKind, PlanStatus } from '../../domain/plan.ts';
import type { FrameworkTag } from '../../domain/national-framework.ts';
import { nextPosition } from './positions.ts';
import type { Commitment, ImprovementArea, Outcome, Plan, Priority, Standard } from './queries.ts';
import { comments, commitments, improvementAreas, outcomes, plans, priorities, standards } from './schema.ts';

/*
 * Every change people make to a plan. Each command writes the record and its change-history row in
 * one transaction, and refuses what would break the plan with a typed error the page can show by
 * the field it concerns.
 */

export type { Actor, SaveResult } from '../changes.ts';

/** A rule of the plan that a change would break, named by the form field it concerns. */
export class PlanRuleError extends Error {
  constructor(
    readonly code: 'duplicate-priority-number' | 'area-not-in-priority',
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Two priorities with one number would make the plan ambiguous. */
export class DuplicatePriorityNumberError extends PlanRuleError {
  constructor() {
    super('duplicate-priority-number', 'number', 'This plan already has a priority with that number');
  }
}

/** A commitment can only be linked to an improvement area of its own priority. */
export class AreaNotInPriorityError extends PlanRuleError {
  constructor() {
    super('area-not-in-priority', 'improvementAreaId', 'Select an improvement area from the list');
  }
}

const isUniqueViolation = (error: unknown): boolean => {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  return typeof cause === 'object' && cause !== null && 'code' in cause && cause.code === '23505';
};

/** Runs a write that may hit the one-number-per-plan index, and names that failure. */
async function numberedWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicatePriorityNumberError();
    throw error;
  }
}

/* Plans */

export interface PlanInput {
  title: string;
  period: string;
  status: PlanStatus;
  /** Left out: an improvement plan (the column's default). */
  kind?: PlanKind;
  adoptedOn: string | null;
}

export async function createPlan(
  db: Db,
  organisationId: number,
  input: PlanInput,
  actor: Actor,
): Promise<Plan> {
  return insertRecord(db, plans, 'plan', organisationId, { ...input, organisationId }, actor);
}

export async function updatePlan(
  db: Db,
  plan: Pick<Plan, 'id' | 'organisationId'>,
  version: number,
  input: PlanInput,
  actor: Actor,
): Promise<SaveResult<Plan>> {
  return updateRecord(db, plans, 'plan', plan.organisationId, plan.id, version, input, actor);
}

/* Priorities */

export interface PriorityInput {
  /** Left out when the person may not renumber the plan's priorities (a sponsor). */
  number?: number;
  title: string;
  ambition: string;
  impactForChildren: string;
  whatWeWillDo: string;
  /** Left out when the person may not choose the sponsor. */
  sponsorUserId?: number | null;
  sponsorName?: string;
  /** Left out by writers that know nothing of the National Framework (an import): unchanged. */
  frameworkOutcome?: FrameworkTag;
}

/** Adds a priority to a plan; its number must be new in the plan. */
export async function createPriority(
  db: Db,
  plan: Pick<Plan, 'id' | 'organisationId'>,
  input: PriorityInput & { number: number },
  actor: Actor,
): Promise<Priority> {
  return numberedWrite(() =>
    db.transaction(async (tx) => {
      const [taken] = await tx
        .select({ id: priorities.id })
        .from(priorities)
        .where(and(eq(priorities.planId, plan.id), eq(priorities.number, input.number)));
      if (taken) throw new DuplicatePriorityNumberError();
      return insertRecord(
        tx,
        priorities,
        'priority',
        plan.organisationId,
        { ...input, planId: plan.id },
        actor,
      );
    }),
  );
}

/** Saves a priority if still at `version`; a number another priority of the plan has is refused. */
export async function updatePriority(
  db: Db,
  ctx: { plan: Pick<Plan, 'organisationId'>; priority: Pick<Priority, 'id'> },
  version: number,
  input: PriorityInput,
  actor: Actor,
): Promise<SaveResult<Priority>> {
  return numberedWrite(() =>
    updateRecord(db, priorities, 'priority', ctx.plan.organisationId, ctx.priority.id, version, input, actor),
  );
}

/* Improvement areas */

export interface AreaInput {
  title: string;
  source: string;
  frameworkOutcome?: FrameworkTag;
}

/** Adds what needs to improve under a priority, at the end of its list. */
export async function createImprovementArea(
  db: Db,
  ctx: { plan: Pick<Plan, 'organisationId'>; priority: Pick<Priority, 'id'> },
  input: AreaInput,
  actor: Actor,
): Promise<ImprovementArea> {
  return db.transaction(async (tx) => {
    const position = await nextPosition(tx, improvementAreas, improvementAreas.priorityId, ctx.priority.id);
    return insertRecord(
      tx,
      improvementAreas,
      'improvement-area',
      ctx.plan.organisationId,
      { ...input, priorityId: ctx.priority.id, position },
      actor,
    );
  });
}

export async function updateImprovementArea(
  db: Db,
  ctx: { plan: Pick<Plan, 'organisationId'>; area: Pick<ImprovementArea, 'id'> },
  version: number,
  input: AreaInput,
  actor: Actor,
): Promise<SaveResult<ImprovementArea>> {
  return updateRecord(
    db,
    improvementAreas,
    'improvement-area',
    ctx.plan.organisationId,
    ctx.area.id,
    version,
    input,
    actor,
  );
}

/* Commitments */

export interface CommitmentInput {
  text: string;
  owner: string;
  dueOn: string | null;
  status: CommitmentStatus;
  improvementAreaId: number | null;
  frameworkOutcome?: FrameworkTag;
}

type PriorityCtx = { plan: Pick<Plan, 'organisationId'>; priority: Pick<Priority, 'id'> };

async function checkArea(db: Db, priorityId: number, areaId: number | null): Promise<void> {
  if (areaId === null) return;
  const [area] = await db
    .select({ priorityId: improvementAreas.priorityId })
    .from(improvementAreas)
    .where(eq(improvementAreas.id, areaId));
  if (area?.priorityId !== priorityId) throw new AreaNotInPriorityError();
}

/** Adds a commitment ("We said") under a priority, at the end of its list. */
export async function createCommitment(
  db: Db,
  ctx: PriorityCtx,
  input: CommitmentInput,
  actor: Actor,
): Promise<Commitment> {
  await checkArea(db, ctx.priority.id, input.improvementAreaId);
  return db.transaction(async (tx) => {
    const position = await nextPosition(tx, commitments, commitments.priorityId, ctx.priority.id);
    return insertRecord(
      tx,
      commitments,
      'commitment',
      ctx.plan.organisationId,
      { ...input, priorityId: ctx.priority.id, position },
      actor,
    );
  });
}

export async function updateCommitment(
  db: Db,
  ctx: PriorityCtx & { commitment: Pick<Commitment, 'id'> },
  version: number,
  input: CommitmentInput,
  actor: Actor,
): Promise<SaveResult<Commitment>> {
  await checkArea(db, ctx.priority.id, input.improvementAreaId);
  return updateRecord(
    db,
    commitments,
    'commitment',
    ctx.plan.organisationId,
    ctx.commitment.id,
    version,
    input,
    actor,
  );
}

/* Outcomes */

export interface OutcomeInput {
  text: string;
  achievedOn: string | null;
  evidence: EvidenceLink[];
}

/** Records what was done ("We did") for a commitment, at the end of its list. */
export async function createOutcome(
  db: Db,
  ctx: { plan: Pick<Plan, 'organisationId'>; commitment: Pick<Commitment, 'id'> },
  input: OutcomeInput,
  actor: Actor,
): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const position = await nextPosition(tx, outcomes, outcomes.commitmentId, ctx.commitment.id);
    return insertRecord(
      tx,
      outcomes,
      'outcome',
      ctx.plan.organisationId,
      { ...input, commitmentId: ctx.commitment.id, position },
      actor,
    );
  });
}

export async function updateOutcome(
  db: Db,
  ctx: { plan: Pick<Plan, 'organisationId'>; outcome: Pick<Outcome, 'id'> },
  version: number,
  input: OutcomeInput,
  actor: Actor,
): Promise<SaveResult<Outcome>> {
  return updateRecord(
    db,
    outcomes,
    'outcome',
    ctx.plan.organisationId,
    ctx.outcome.id,
    version,
    input,
    actor,
  );
}

/* Standards */

export interface StandardInput {
  groupName: string;
  name: string;
  description: string;
}

/** Adds a practice standard to a plan, at the end of its list. */
export async function createStandard(
  db: Db,
  plan: Pick<Plan, 'id' | 'organisationId'>,
  input: StandardInput,
  actor: Actor,
): Promise<Standard> {
  return db.transaction(async (tx) => {
    const position = await nextPosition(tx, standards, standards.planId, plan.id);
    return insertRecord(
      tx,
      standards,
      'standard',
      plan.organisationId,
      { ...input, planId: plan.id, position },
      actor,
    );
  });
}

export async function updateStandard(
  db: Db,
  ctx: { plan: Pick<Plan, 'organisationId'>; standard: Pick<Standard, 'id'> },
  version: number,
  input: StandardInput,
  actor: Actor,
): Promise<SaveResult<Standard>> {
  return updateRecord(
    db,
    standards,
    'standard',
    ctx.plan.organisationId,
    ctx.standard.id,
    version,
    input,
    actor,
  );
}

/* Comments */

/** A comment on a commitment by a signed-in person; kept in the history too. */
export async function addComment(
  db: Db,
  input: { organisationId: number; commitmentId: number; text: string },
  actor: Actor & { userId: number },
): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(comments)
      .values({
        recordType: 'commitment',
        recordId: input.commitmentId,
        userId: actor.userId,
        text: input.text,
      })
      .returning();
    await recordChange(tx, {
      organisationId: input.organisationId,
      recordType: 'comment',
      recordId: row!.id,
      action: 'create',
      actor,
      before: null,
      after: row!,
    });
    return { id: row!.id };
  });
}

export { resolveReview, setArchived, type ArchivableType } from './archive-commands.ts';
