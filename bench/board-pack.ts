import { performance } from 'node:perf_hooks';
import { getMeeting, loadBoardPackRows } from '../src/db/board/queries.ts';
import { assembleBoardPack } from '../src/reports/board-pack/assemble.ts';
import type { Db } from '../src/db/client.ts';
import { openInMemory } from '../src/db/client.ts';
import {
  boardMeetings,
  boards,
  highlightReportItems,
  highlightReports,
  improvementAreas,
  plans,
  priorities,
} from '../src/db/schema.ts';
import { ensureOrganisation } from '../src/db/people/commands.ts';
import { renderBoardPack, type BoardPackFormat, type ListItem } from '../src/reports/board-pack/index.ts';
import { seedBoardPack } from '../src/reports/board-pack/fixture.ts';
import { fmt } from './load.ts';

/**
 * Time to build a board pack from the database: reading the reports with their evidence check
 * into the pack, then each format. Plans of 7 priorities (Tameside's size) and 50, each priority's
 * report copied from one of the seed pack's four, so the text is real in length and nesting.
 */

const runs = 5;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const flat = (items: ListItem[], depth = 0): { text: string; depth: number }[] =>
  items.flatMap((i) => [{ text: i.text, depth }, ...flat(i.children, depth + 1)]);

export async function seedMeeting(db: Db, priorityCount: number) {
  const organisationId = await ensureOrganisation(db, `Bench council ${priorityCount}`);
  const [plan] = await db
    .insert(plans)
    .values({ organisationId, title: "Children's Improvement Programme", status: 'adopted' })
    .returning();
  const [board] = await db
    .insert(boards)
    .values({ organisationId, name: 'Improvement Board', planId: plan!.id })
    .returning();
  const [meeting] = await db
    .insert(boardMeetings)
    .values({ boardId: board!.id, meetingOn: '2024-09-10', status: 'held' })
    .returning();
  let items = 0;
  for (let n = 1; n <= priorityCount; n++) {
    const source = seedBoardPack.priorities[(n - 1) % seedBoardPack.priorities.length]!;
    const [priority] = await db
      .insert(priorities)
      .values({
        planId: plan!.id,
        number: n,
        title: source.title,
        ambition: source.ambition ?? '',
        sponsorName: source.sponsor,
      })
      .returning();
    const [report] = await db
      .insert(highlightReports)
      .values({
        meetingId: meeting!.id,
        priorityId: priority!.id,
        previousRag: source.previousRag,
        currentRag: source.currentRag,
        reason: source.reason,
        completedBy: source.completedBy,
        state: 'approved',
      })
      .returning();
    for (const [position, area] of source.areas.entries()) {
      const [row] = await db
        .insert(improvementAreas)
        .values({ priorityId: priority!.id, title: area.title, position })
        .returning();
      const values = (['progress', 'next-period'] as const).flatMap((section) =>
        flat(section === 'progress' ? area.progress : area.nextPeriod).map((item, i) => ({
          reportId: report!.id,
          improvementAreaId: row!.id,
          section,
          position: i,
          depth: item.depth,
          text: item.text,
        })),
      );
      items += values.length;
      if (values.length) await db.insert(highlightReportItems).values(values);
    }
  }
  return { organisationId, meetingId: meeting!.id, items };
}

export async function benchBoardPack(): Promise<string[]> {
  const lines = [
    `| priorities | list items | step | median ms (of ${runs}) | size |`,
    '|---|---|---|---|---|',
  ];
  const database = await openInMemory();
  try {
    await database.migrate();
    const db = database.db;
    for (const count of [7, 50]) {
      const { organisationId, meetingId, items } = await seedMeeting(db, count);
      const ctx = (await getMeeting(db, organisationId, meetingId))!;
      const build = async () =>
        assembleBoardPack(await loadBoardPackRows(db, organisationId, ctx, '2024-09-10'), {
          generatedAt: new Date('2024-09-10T09:00:00Z'),
        });
      let pack = await build();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        pack = await build();
        times.push(performance.now() - start);
      }
      lines.push(
        `| ${count} | ${items} | read from the database, with the evidence check | ${fmt(median(times))} | |`,
      );
      for (const format of ['html', 'docx', 'pdf'] as BoardPackFormat[]) {
        await renderBoardPack(pack, format);
        const formatTimes: number[] = [];
        let size = 0;
        for (let i = 0; i < runs; i++) {
          const start = performance.now();
          const out = await renderBoardPack(pack, format);
          formatTimes.push(performance.now() - start);
          size = typeof out === 'string' ? Buffer.byteLength(out) : out.length;
        }
        lines.push(
          `| ${count} | ${items} | ${format.toUpperCase()} | ${fmt(median(formatTimes))} | ${fmt(size / 1024, 0)} KB |`,
        );
      }
    }
  } finally {
    await database.close();
  }
  return lines;
}
