/*
 * Writes of the plain-language versions of the plan's public text, behind commands.ts. They are
 * columns of the plan's own rows, written here because publishing owns what the public reads.
 */
import { updateRecord, type Actor, type SaveResult } from '../changes.ts';
import type { Db } from '../client.ts';
import { commitments, outcomes, priorities } from '../plan/schema.ts';

export type PlainTextTarget = 'priority' | 'commitment' | 'outcome';

/** Saves the plain-language version of a priority's title, a "We said" or a "We did". */
export async function savePlainText(
  db: Db,
  target: { recordType: PlainTextTarget; id: number; organisationId: number },
  plain: string,
  version: number,
  actor: Actor,
): Promise<SaveResult<{ plain: string; version: number; updatedAt: Date }>> {
  const { recordType, id, organisationId } = target;
  const saved =
    recordType === 'priority'
      ? await updateRecord(
          db,
          priorities,
          'priority',
          organisationId,
          id,
          version,
          { plainTitle: plain },
          actor,
        )
      : recordType === 'commitment'
        ? await updateRecord(
            db,
            commitments,
            'commitment',
            organisationId,
            id,
            version,
            { plainText: plain },
            actor,
          )
        : await updateRecord(
            db,
            outcomes,
            'outcome',
            organisationId,
            id,
            version,
            { plainText: plain },
            actor,
          );
  const plainOf = (
    r: { version: number; updatedAt: Date } & ({ plainTitle: string } | { plainText: string }),
  ) => ({
    plain: 'plainTitle' in r ? r.plainTitle : r.plainText,
    version: r.version,
    updatedAt: r.updatedAt,
  });
  if (saved.ok) return { ok: true, record: plainOf(saved.record) };
  if (saved.conflict) return { ok: false, conflict: true, current: plainOf(saved.current) };
  return saved;
}
