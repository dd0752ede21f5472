/*
 * Writes of committee and Cabinet reports, behind commands.ts: the report's cover and quarter, and
 * the meetings it goes to.
 */
import { insertRecord, updateRecord, type Actor, type SaveResult } from '../changes.ts';
import type { Db } from '../client.ts';
import { committeeReportRecipients, committeeReports } from './schema.ts';
import type { Quarter } from '../../domain/publishing/quarters.ts';
import type { CommitteeCover } from '../../domain/publishing/committee-cover.ts';
import { listRecipients, type CommitteeReportRow } from './committee.ts';
import { PublishingError } from './publishing-error.ts';

export type CommitteeReportData = CommitteeCover & {
  planId: number;
  quarter: Quarter;
  consultationId: number | null;
};

const reportColumns = ({ quarter, ...rest }: CommitteeReportData) => ({
  ...rest,
  quarterLabel: quarter.label,
  quarterStart: quarter.start,
  quarterEnd: quarter.end,
});

export function createCommitteeReport(
  db: Db,
  organisationId: number,
  data: CommitteeReportData,
  actor: Actor,
): Promise<CommitteeReportRow> {
  return insertRecord(
    db,
    committeeReports,
    'committee-report',
    organisationId,
    { ...reportColumns(data), organisationId },
    actor,
  );
}

export function updateCommitteeReport(
  db: Db,
  row: Pick<CommitteeReportRow, 'id' | 'organisationId'>,
  version: number,
  data: CommitteeReportData,
  actor: Actor,
): Promise<SaveResult<CommitteeReportRow>> {
  return updateRecord(
    db,
    committeeReports,
    'committee-report',
    row.organisationId,
    row.id,
    version,
    reportColumns(data),
    actor,
  );
}

/** Adds a meeting the report goes to, after the others. */
export async function addRecipient(
  db: Db,
  report: Pick<CommitteeReportRow, 'id' | 'organisationId'>,
  data: { meeting: string },
  actor: Actor,
) {
  const position = (await listRecipients(db, report.id)).length;
  return insertRecord(
    db,
    committeeReportRecipients,
    'committee-report-recipient',
    report.organisationId,
    { ...data, reportId: report.id, position },
    actor,
  );
}

/** Marks a meeting as having received the report on a date; null clears it. */
export async function markRecipientReceived(
  db: Db,
  report: Pick<CommitteeReportRow, 'id' | 'organisationId'>,
  recipientId: number,
  version: number,
  receivedOn: string | null,
  actor: Actor,
) {
  const recipient = (await listRecipients(db, report.id)).find((r) => r.id === recipientId);
  if (!recipient) throw new PublishingError('not-found', 'Meeting not found');
  return updateRecord(
    db,
    committeeReportRecipients,
    'committee-report-recipient',
    report.organisationId,
    recipient.id,
    version,
    { receivedOn },
    actor,
  );
}
