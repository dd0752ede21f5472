import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { IssuedPaperKind } from '../../domain/board-cycle.ts';
import { recordChange, type Actor } from '../changes.ts';
import type { Db } from '../client.ts';
import { issuedPapers } from '../schema.ts';

/*
 * Papers as issued (a meeting's board pack, a committee report): written once per version, read
 * back exactly. The documents are rendered by the caller (src/reports), since data access renders
 * nothing; what is stored is what was sent.
 */

export type IssuedPaperRow = typeof issuedPapers.$inferSelect;
/** An issued version as listed: who, when and why, without the documents. */
export type IssuedVersion = Pick<
  IssuedPaperRow,
  'id' | 'kind' | 'subjectId' | 'version' | 'issuedAt' | 'issuedByName' | 'reason'
>;

export class IssueError extends Error {
  readonly code: 'reason-required';
  constructor(code: 'reason-required', message: string) {
    super(message);
    this.name = 'IssueError';
    this.code = code;
  }
}

export interface IssueInput {
  kind: IssuedPaperKind;
  subjectId: number;
  /** Why the papers are issued again; required from the second version on. */
  reason: string;
  content: Record<string, unknown>;
  html: string | null;
  docx: Buffer;
  pdf: Buffer;
}

const versionColumns = {
  id: issuedPapers.id,
  kind: issuedPapers.kind,
  subjectId: issuedPapers.subjectId,
  version: issuedPapers.version,
  issuedAt: issuedPapers.issuedAt,
  issuedByName: issuedPapers.issuedByName,
  reason: issuedPapers.reason,
};

/**
 * Issues the papers as the next version. The subject's rows are locked by an advisory lock for
 * the transaction, so two people issuing at once make versions 1 and 2 rather than one failing.
 */
export async function issuePapers(
  db: Db,
  organisationId: number,
  input: IssueInput,
  actor: Actor,
): Promise<IssuedVersion> {
  const reason = input.reason.trim();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${input.kind}), ${input.subjectId})`);
    const [last] = await tx
      .select({ version: issuedPapers.version })
      .from(issuedPapers)
      .where(and(eq(issuedPapers.kind, input.kind), eq(issuedPapers.subjectId, input.subjectId)))
      .orderBy(desc(issuedPapers.version))
      .limit(1);
    const version = (last?.version ?? 0) + 1;
    if (version > 1 && reason === '')
      throw new IssueError('reason-required', 'Enter why the papers are being issued again');
    const [row] = await tx
      .insert(issuedPapers)
      .values({
        organisationId,
        kind: input.kind,
        subjectId: input.subjectId,
        version,
        issuedBy: actor.userId,
        issuedByName: actor.name,
        reason,
        content: input.content,
        html: input.html,
        docx: input.docx,
        pdf: input.pdf,
      })
      .returning(versionColumns);
    // The history says who issued which version and why; the documents themselves are the row.
    await recordChange(tx, {
      organisationId,
      recordType: 'issued-papers',
      recordId: row!.id,
      action: 'create',
      actor,
      before: null,
      after: { kind: input.kind, subjectId: input.subjectId, issuedVersion: version, reason },
    });
    return row!;
  });
}

/** Every issued version of a subject's papers, first issue first. */
export async function listIssuedVersions(
  db: Db,
  organisationId: number,
  kind: IssuedPaperKind,
  subjectId: number,
): Promise<IssuedVersion[]> {
  return db
    .select(versionColumns)
    .from(issuedPapers)
    .where(
      and(
        eq(issuedPapers.organisationId, organisationId),
        eq(issuedPapers.kind, kind),
        eq(issuedPapers.subjectId, subjectId),
      ),
    )
    .orderBy(asc(issuedPapers.version));
}

/** One issued version with its documents: the latest when no version is asked for. */
export async function getIssuedPapers(
  db: Db,
  organisationId: number,
  kind: IssuedPaperKind,
  subjectId: number,
  version?: number,
): Promise<IssuedPaperRow | null> {
  const [row] = await db
    .select()
    .from(issuedPapers)
    .where(
      and(
        eq(issuedPapers.organisationId, organisationId),
        eq(issuedPapers.kind, kind),
        eq(issuedPapers.subjectId, subjectId),
        version === undefined ? undefined : eq(issuedPapers.version, version),
      ),
    )
    .orderBy(desc(issuedPapers.version))
    .limit(1);
  return row ?? null;
}
