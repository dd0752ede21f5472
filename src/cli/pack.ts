import { writeFile } from 'node:fs/promises';
import { getIssuedPapers, getMeeting, meetingsOnAnyCouncil } from '../db/board/queries.ts';
import { bringUpToDate, openDatabase } from '../db/client.ts';
import { formatDate } from '../domain/format.ts';
import { renderBoardPack, type BoardPackFormat } from '../reports/board-pack/index.ts';
import { draftBoardPack, issuedDocument, issuedPack } from '../web/board/papers.ts';
import { UsageError, type Command } from './command.ts';

const usage = 'Usage: wesaid pack --meeting YYYY-MM-DD [--board NAME] --format html|docx|pdf --out FILE';

export interface MeetingChoice {
  meetingId: number;
  organisationId: number;
  board: string;
  council: string;
}

/**
 * Which meeting the person means: a board name matches case-insensitively, the exact name before
 * a part of one; with no name, the day must have one meeting only, so a pack is never written for
 * the wrong board without anyone noticing.
 */
export function chooseMeeting(
  candidates: MeetingChoice[],
  boardName: string | undefined,
  date: string,
): MeetingChoice {
  if (candidates.length === 0) throw new UsageError(`No board met on ${date}.`);
  const named = (list: MeetingChoice[]) => list.map((c) => `"${c.board}"`).join(', ');
  let matches = candidates;
  if (boardName) {
    const wanted = boardName.trim().toLowerCase();
    const exact = candidates.filter((c) => c.board.toLowerCase() === wanted);
    matches = exact.length ? exact : candidates.filter((c) => c.board.toLowerCase().includes(wanted));
    if (matches.length === 0)
      throw new UsageError(`No board called "${boardName}" met on ${date}. These did: ${named(candidates)}.`);
  }
  if (matches.length > 1) {
    throw new UsageError(
      `${matches.length} boards met on ${date}: ${named(matches)}. Say which with --board NAME.`,
    );
  }
  return matches[0]!;
}

export const packCommand: Command = {
  summary:
    'pack --meeting YYYY-MM-DD [--board NAME] --format html|docx|pdf --out FILE: write a board pack (the issued one, once issued)',
  options: {
    meeting: { type: 'string' },
    board: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run({ config, clock, values }) {
    const date = String(values.meeting ?? '');
    const format = String(values.format ?? '') as BoardPackFormat;
    const out = String(values.out ?? '');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !['html', 'docx', 'pdf'].includes(format) || out === '')
      throw new UsageError(usage);
    const database = await openDatabase(config);
    try {
      await bringUpToDate(database, config);
      const rows = await meetingsOnAnyCouncil(database.db, date);
      const choice = chooseMeeting(rows, typeof values.board === 'string' ? values.board : undefined, date);
      const issued = await getIssuedPapers(
        database.db,
        choice.organisationId,
        'board-pack',
        choice.meetingId,
      );
      // The issued papers are the record: written as they were sent, whatever has changed since.
      if (issued) {
        await writeFile(out, issuedDocument(issued, format));
        console.log(
          `Wrote the ${choice.board} pack for ${date} as issued on ${formatDate(issued.issuedAt)} (version ${issued.version}, ${issuedPack(issued).priorities.length} priorities) to ${out}`,
        );
        return 0;
      }
      const ctx = await getMeeting(database.db, choice.organisationId, choice.meetingId);
      const pack = await draftBoardPack(database.db, choice.organisationId, ctx!, clock);
      const body =
        format === 'html' ? await renderBoardPack(pack, 'html') : await renderBoardPack(pack, format);
      await writeFile(out, body);
      console.log(
        `Wrote the ${choice.board} pack for ${date} (${pack.priorities.length} priorities) to ${out}: a draft, as the papers have not been issued`,
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
