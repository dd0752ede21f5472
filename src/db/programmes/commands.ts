import type { Db } from '../client.ts';
import { insertRecord, updateRecord, type Actor, type SaveResult } from '../changes.ts';
import type { ExpectationStatus, ExpectationStrength } from '../../domain/programmes/expectations.ts';
import type { Expectation } from './queries.ts';
import { expectations } from './schema.ts';

/* Every change to a reform programme's expectations, each with its change-history row. */

export type { Actor, SaveResult } from '../changes.ts';

export interface ExpectationInput {
  text: string;
  strength: ExpectationStrength;
  reference: string;
  status: ExpectationStatus;
  evidence: string;
  /** Chosen from the council's own commitments and measures by the form. */
  commitmentId: number | null;
  measureId: number | null;
}

export async function createExpectation(
  db: Db,
  plan: { id: number; organisationId: number },
  input: ExpectationInput,
  actor: Actor,
): Promise<Expectation> {
  return insertRecord(
    db,
    expectations,
    'expectation',
    plan.organisationId,
    { ...input, planId: plan.id },
    actor,
  );
}

export async function updateExpectation(
  db: Db,
  ctx: { plan: { organisationId: number }; expectation: { id: number } },
  expectedVersion: number,
  input: ExpectationInput,
  actor: Actor,
): Promise<SaveResult<Expectation>> {
  return updateRecord(
    db,
    expectations,
    'expectation',
    ctx.plan.organisationId,
    ctx.expectation.id,
    expectedVersion,
    input,
    actor,
  );
}
