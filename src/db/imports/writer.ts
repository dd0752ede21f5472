/*
 * Writing an extracted document's records into the plan, inside the confirming transaction: each
 * record with its history row and the source lines it came from (imported_records). Batched: the
 * records of one table are written in one statement (chunked under PostgreSQL's parameter limit), a
 * level at a time (plan, priorities, areas, commitments, outcomes ...), because a document of
 * thousands of records written a row at a time blocked the server for minutes. Internal to the
 * imports commands.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  feedbackKindOf,
  type ImportedCommitment,
  type ImportedDocument,
  type ImportedHighlightReport,
  type ImportedRag,
  type ListItem,
} from '../../domain/imports.ts';
import { betweenChunks, chunks, insertRecords, type Actor, type Tx } from '../changes.ts';
import { writeInspection } from './write-inspection.ts';
import { dayOf, writeMinutes } from './write-minutes.ts';
import {
  boardMeetings,
  boards,
  commitments,
  feedback,
  highlightReportItems,
  highlightReports,
  importedRecords,
  improvementAreas,
  measures,
  observations,
  outcomes,
  plans,
  priorities,
  standards,
  users,
} from '../schema.ts';

const flatten = (items: ListItem[], depth = 0): { text: string; depth: number; lines: number[] }[] =>
  items.flatMap((item) => [
    { text: item.text, depth, lines: item.lines },
    ...flatten(item.children, depth + 1),
  ]);

/** Known abbreviations of board names in meeting-date labels, e.g. "CIB Meeting Date". */
function boardName(label: string): string {
  const name = label
    .replace(/\s*(?:meeting\s*)?date(?:\s*of\s*meeting)?\s*$/i, '')
    .replace(/^date\s+of\s+(?:the\s+)?/i, '')
    .trim();
  // CIB is the Children's Improvement Board: the plan's Improvement Board.
  if (/^CIB$/i.test(name) || /^meeting$/i.test(name)) return 'Improvement Board';
  return name || 'Improvement Board';
}

/** A tracker's status words as one of the plan's statuses; the words themselves are kept beside it. */
function commitmentStatus(c: ImportedCommitment) {
  if (c.outcomes.length) return 'done' as const;
  const words = `${c.status ?? ''} ${c.rag ?? ''}`.toLowerCase();
  if (/\b(complete[d]?|done|closed|achieved|blue)\b/.test(words)) return 'done' as const;
  if (/\b(dropped|withdrawn|cancelled|superseded)\b/.test(words)) return 'dropped' as const;
  if (/\b(on track|in progress|started|ongoing|red|amber|green)\b/.test(words) || c.progress)
    return 'in-progress' as const;
  return 'not-started' as const;
}

/** A highlight report or a meeting that cannot be written as the document stands; nothing is written. */
export class ImportIncompleteError extends Error {
  readonly code = 'import-incomplete';
}

type Tracked = { recordType: string; recordId: number; lines: number[] };
const key = (...parts: (string | number)[]) => parts.join('\u0000');
const lower = (text: string) => text.trim().toLowerCase();

export class ImportWriter {
  created = 0;
  private readonly tracked: Tracked[] = [];
  private planId?: number;
  private readonly priorityIds = new Map<number, number>();
  private readonly areaIds = new Map<string, number>();

  constructor(
    readonly tx: Tx,
    readonly organisationId: number,
    private readonly importId: number,
    readonly actor: Actor,
  ) {}

  track(recordType: string, rows: { id: number }[], lines: number[][]) {
    rows.forEach((row, i) => this.tracked.push({ recordType, recordId: row.id, lines: lines[i] ?? [] }));
  }

  async insertMany<T extends Parameters<typeof insertRecords>[1]>(
    table: T,
    recordType: string,
    values: { value: T['$inferInsert']; lines: number[] }[],
  ): Promise<{ id: number }[]> {
    if (values.length === 0) return [];
    const rows = (await insertRecords(
      this.tx,
      table,
      recordType,
      this.organisationId,
      values.map((v) => v.value),
      this.actor,
      'import',
    )) as { id: number }[];
    this.track(
      recordType,
      rows,
      values.map((v) => v.lines),
    );
    return rows;
  }

  /** Rows of a table without a version (items, observations): no history row, as before batching. */
  private async insertPlain<T extends PgTable>(
    table: T,
    recordType: string,
    values: { value: T['$inferInsert']; lines: number[] }[],
  ): Promise<{ id: number }[]> {
    const rows: { id: number }[] = [];
    for (const chunk of chunks(values)) {
      const created = (await this.tx
        .insert(table)
        .values(chunk.map((c) => c.value))
        .returning()) as { id: number }[];
      rows.push(...created);
      await betweenChunks();
    }
    this.track(
      recordType,
      rows,
      values.map((v) => v.lines),
    );
    return rows;
  }

  /** The improvement area this import made or found for a recommendation's words. */
  areaIdOf(title: string): number | undefined {
    for (const [k, id] of this.areaIds) if (k.endsWith(`\u0000${lower(title)}`)) return id;
    return undefined;
  }

  async write(doc: ImportedDocument) {
    this.checkComplete(doc);
    const recommendationAreas = this.recommendationAreas(doc);
    const needsPlan =
      doc.priorities.length > 0 ||
      doc.highlightReports.length > 0 ||
      doc.standards.length > 0 ||
      recommendationAreas.length > 0;
    if (needsPlan) await this.plan(doc);

    await this.priorities(doc, recommendationAreas.length > 0);
    await this.areas(doc, recommendationAreas);
    await this.commitments(doc);
    await this.standards(doc);
    await this.highlightReports(doc.highlightReports);
    for (const m of doc.measures) await this.measure(m);
    await this.feedback(doc);
    await writeMinutes(this, doc.meetings ?? []);
    await writeInspection(this, doc, (title) => this.areaIdOf(title));

    // Parents before children, so that undo (newest first) removes children first.
    for (const chunk of chunks(this.tracked)) {
      await this.tx.insert(importedRecords).values(chunk.map((t) => ({ importId: this.importId, ...t })));
      await betweenChunks();
    }
    this.created = this.tracked.length;
  }

  /** A highlight report is a board meeting's: without the meeting's date it has nowhere to go. */
  private checkComplete(doc: ImportedDocument) {
    const undated = doc.highlightReports.filter((r) => !r.meetingDate);
    if (undated.length)
      throw new ImportIncompleteError(
        `The highlight report${undated.length > 1 ? 's' : ''} for priority ${undated.map((r) => r.priorityNumber).join(', ')} ${undated.length > 1 ? 'have' : 'has'} no meeting date. Change how the document is read so that the label holding the date fills it, or add the date to the document and import it again.`,
      );
  }

  private async plan(doc: ImportedDocument) {
    // A highlight report pack's title names the programme, then the report and date: the plan is the programme.
    const title =
      (doc.kind === 'highlight-report-pack'
        ? doc.title.replace(/\s*[–-]\s*highlight report\b.*$/i, '')
        : doc.title
      ).trim() || 'Imported plan';
    const [existing] = await this.tx
      .select({ id: plans.id })
      .from(plans)
      .where(
        and(eq(plans.organisationId, this.organisationId), sql`lower(${plans.title}) = lower(${title})`),
      );
    if (existing) {
      this.planId = existing.id;
      return;
    }
    const [plan] = await this.insertMany(plans, 'plan', [
      {
        value: { organisationId: this.organisationId, title, period: doc.period ?? '', status: 'adopted' },
        lines: [],
      },
    ]);
    this.planId = plan!.id;
  }

  /** Sponsors by name, among the council's sponsors: one query for the whole document. */
  private async sponsorIds(names: string[]): Promise<Map<string, number>> {
    const wanted = [...new Set(names.filter(Boolean).map(lower))];
    if (wanted.length === 0) return new Map();
    const found = await this.tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(
        and(
          eq(users.organisationId, this.organisationId),
          eq(users.role, 'sponsor'),
          inArray(sql`lower(${users.name})`, wanted),
        ),
      );
    const byName = new Map<string, number[]>();
    for (const u of found) byName.set(lower(u.name), [...(byName.get(lower(u.name)) ?? []), u.id]);
    // Two sponsors of one name: leave it to a person rather than guess.
    return new Map([...byName].filter(([, ids]) => ids.length === 1).map(([n, ids]) => [n, ids[0]!]));
  }

  private async priorities(doc: ImportedDocument, forRecommendations: boolean) {
    const wanted = new Map<
      number,
      {
        title: string;
        ambition?: string;
        impact?: string;
        whatWeWillDo?: string;
        sponsor?: string;
        lines: number[];
      }
    >();
    for (const p of doc.priorities)
      if (!wanted.has(p.number))
        wanted.set(p.number, {
          title: p.title,
          ambition: p.ambition,
          impact: p.impactForChildren.join('\n'),
          whatWeWillDo: flatten(p.whatWeWillDo)
            .map((i) => i.text)
            .join('\n'),
          sponsor: p.sponsor,
          lines: p.lines,
        });
    for (const r of doc.highlightReports)
      if (!wanted.has(r.priorityNumber))
        wanted.set(r.priorityNumber, { title: r.priorityTitle, sponsor: r.sponsor, lines: r.lines });
    if (wanted.size === 0 && !forRecommendations) return;

    const existing = await this.tx
      .select({ id: priorities.id, number: priorities.number })
      .from(priorities)
      .where(eq(priorities.planId, this.planId!));
    for (const e of existing) this.priorityIds.set(e.number, e.id);

    if (forRecommendations && !this.recommendationsPriority(doc)) {
      // Recommendations under no priority of the document go under one priority named by the inspection.
      const number = Math.max(0, ...existing.map((e) => e.number), ...wanted.keys()) + 1;
      wanted.set(number, { title: doc.title || 'Inspection recommendations', lines: doc.titleLines ?? [] });
      this.recommendationsNumber = number;
    }

    const missing = [...wanted].filter(([number]) => !this.priorityIds.has(number));
    const sponsors = await this.sponsorIds(missing.map(([, p]) => p.sponsor ?? ''));
    const rows = await this.insertMany(
      priorities,
      'priority',
      missing.map(([number, p]) => ({
        value: {
          planId: this.planId!,
          number,
          title: p.title,
          ambition: p.ambition ?? '',
          impactForChildren: p.impact ?? '',
          whatWeWillDo: p.whatWeWillDo ?? '',
          sponsorName: p.sponsor ?? '',
          sponsorUserId: p.sponsor ? (sponsors.get(lower(p.sponsor)) ?? null) : null,
        },
        lines: p.lines,
      })),
    );
    rows.forEach((row, i) => this.priorityIds.set(missing[i]![0], row.id));
  }

  private recommendationsNumber?: number;

  /** The priority recommendations go under: the document's only priority, when it has one. */
  private recommendationsPriority(doc: ImportedDocument): number | undefined {
    if (this.recommendationsNumber !== undefined) return this.recommendationsNumber;
    return doc.priorities.length === 1 ? doc.priorities[0]!.number : undefined;
  }

  /** An inspection's recommendations not already read as areas: each becomes an area naming its source. */
  private recommendationAreas(doc: ImportedDocument) {
    const known = new Set(doc.priorities.flatMap((p) => p.areas.map((a) => lower(a.title))));
    return (doc.recommendations ?? [])
      .filter((r) => !known.has(lower(r.text)))
      .map((r) => ({
        title: r.text,
        source: [doc.title, r.number ? `recommendation ${r.number}` : 'recommendation']
          .filter(Boolean)
          .join(': '),
        lines: r.lines,
      }));
  }

  private async areas(
    doc: ImportedDocument,
    recommendations: { title: string; source: string; lines: number[] }[],
  ) {
    const wanted: { priorityId: number; title: string; source: string; lines: number[] }[] = [];
    const add = (number: number, title: string, source: string, lines: number[]) => {
      const priorityId = this.priorityIds.get(number)!;
      wanted.push({ priorityId, title: title.trim(), source, lines });
    };
    for (const p of doc.priorities) for (const a of p.areas) add(p.number, a.title, a.source ?? '', a.lines);
    for (const r of doc.highlightReports)
      for (const a of r.areas) add(r.priorityNumber, a.title, '', a.lines);
    const recommendationsUnder = this.recommendationsPriority(doc);
    if (recommendationsUnder !== undefined)
      for (const r of recommendations) add(recommendationsUnder, r.title, r.source, r.lines);
    if (wanted.length === 0) return;

    const priorityIds = [...new Set(wanted.map((w) => w.priorityId))];
    const existing = await this.tx
      .select({
        id: improvementAreas.id,
        priorityId: improvementAreas.priorityId,
        title: improvementAreas.title,
      })
      .from(improvementAreas)
      .where(inArray(improvementAreas.priorityId, priorityIds));
    for (const e of existing) this.areaIds.set(key(e.priorityId, lower(e.title)), e.id);

    const missing: typeof wanted = [];
    const seen = new Set<string>();
    for (const w of wanted) {
      const k = key(w.priorityId, lower(w.title));
      if (this.areaIds.has(k) || seen.has(k)) continue;
      seen.add(k);
      missing.push(w);
    }
    const positions = new Map<number, number>();
    for (const e of existing) positions.set(e.priorityId, (positions.get(e.priorityId) ?? 0) + 1);
    const rows = await this.insertMany(
      improvementAreas,
      'improvement-area',
      missing.map((w) => {
        const position = positions.get(w.priorityId) ?? 0;
        positions.set(w.priorityId, position + 1);
        return {
          value: { priorityId: w.priorityId, title: w.title, source: w.source, position },
          lines: w.lines,
        };
      }),
    );
    rows.forEach((row, i) => this.areaIds.set(key(missing[i]!.priorityId, lower(missing[i]!.title)), row.id));
  }

  private async commitments(doc: ImportedDocument) {
    const all = doc.priorities.flatMap((p) =>
      p.commitments.map((c, position) => ({ c, position, priorityId: this.priorityIds.get(p.number)! })),
    );
    const rows = await this.insertMany(
      commitments,
      'commitment',
      all.map(({ c, position, priorityId }) => ({
        value: {
          priorityId,
          text: c.text,
          position,
          status: commitmentStatus(c),
          needsReview: c.needsReview ?? '',
          reference: c.reference ?? '',
          owner: c.owner ?? '',
          dueOn: dayOf(c.due, 'end'),
          dueText: c.due?.text ?? '',
          rag: c.rag ?? '',
          progress: c.progress ?? '',
        },
        lines: c.lines,
      })),
    );
    await this.insertMany(
      outcomes,
      'outcome',
      all.flatMap(({ c }, i) =>
        c.outcomes.map((o, position) => ({
          value: { commitmentId: rows[i]!.id, text: o.text, position },
          lines: o.lines,
        })),
      ),
    );
  }

  private async standards(doc: ImportedDocument) {
    await this.insertMany(
      standards,
      'standard',
      doc.standards.map((s, position) => ({
        value: {
          planId: this.planId!,
          groupName: s.group,
          name: s.name,
          description: s.description ?? '',
          position,
        },
        lines: s.lines,
      })),
    );
  }

  /** Finds or creates each board by name, then each of its meetings by date: ids by board and date. */
  async boardMeetings(
    wanted: { board: string; date: string; kind?: 'board' }[],
  ): Promise<Map<string, number>> {
    const names = [...new Set(wanted.map((w) => w.board))];
    const boardIds = new Map<string, number>();
    if (names.length) {
      const found = await this.tx
        .select({ id: boards.id, name: boards.name })
        .from(boards)
        .where(
          and(
            eq(boards.organisationId, this.organisationId),
            inArray(sql`lower(${boards.name})`, names.map(lower)),
          ),
        );
      for (const b of found) if (!boardIds.has(lower(b.name))) boardIds.set(lower(b.name), b.id);
      const missing = names.filter((n) => !boardIds.has(lower(n)));
      const created = await this.insertMany(
        boards,
        'board',
        missing.map((name) => ({
          value: { organisationId: this.organisationId, name, planId: this.planId ?? null },
          lines: [],
        })),
      );
      created.forEach((row, i) => boardIds.set(lower(missing[i]!), row.id));
    }
    const meetingIds = new Map<string, number>();
    const pairs = [...new Map(wanted.map((w) => [key(lower(w.board), w.date), w])).values()];
    if (pairs.length) {
      const found = await this.tx
        .select({ id: boardMeetings.id, boardId: boardMeetings.boardId, meetingOn: boardMeetings.meetingOn })
        .from(boardMeetings)
        .where(inArray(boardMeetings.boardId, [...new Set(boardIds.values())]));
      const byBoardDate = new Map(found.map((m) => [key(m.boardId, m.meetingOn), m.id]));
      const missing = pairs.filter((p) => !byBoardDate.has(key(boardIds.get(lower(p.board))!, p.date)));
      const created = await this.insertMany(
        boardMeetings,
        'board-meeting',
        missing.map((p) => ({
          value: { boardId: boardIds.get(lower(p.board))!, meetingOn: p.date, status: 'held' },
          lines: [],
        })),
      );
      created.forEach((row, i) =>
        byBoardDate.set(key(boardIds.get(lower(missing[i]!.board))!, missing[i]!.date), row.id),
      );
      for (const p of pairs)
        meetingIds.set(
          key(lower(p.board), p.date),
          byBoardDate.get(key(boardIds.get(lower(p.board))!, p.date))!,
        );
    }
    return meetingIds;
  }

  private async highlightReports(reports: ImportedHighlightReport[]) {
    if (reports.length === 0) return;
    const meetings = await this.boardMeetings(
      reports.map((r) => ({ board: boardName(r.meetingLabel ?? ''), date: r.meetingDate })),
    );
    const rag = (r: ImportedRag | undefined) =>
      r
        ? {
            code: r.status,
            definition: [r.label ? `(${r.label})` : '', r.definition].filter(Boolean).join(' '),
          }
        : { code: null, definition: '' };
    const rows = await this.insertMany(
      highlightReports,
      'highlight-report',
      reports.map((report) => {
        const previous = rag(report.previousRag);
        const current = rag(report.currentRag);
        return {
          value: {
            meetingId: meetings.get(key(lower(boardName(report.meetingLabel ?? '')), report.meetingDate))!,
            priorityId: this.priorityIds.get(report.priorityNumber)!,
            previousRag: previous.code,
            previousRagDefinition: previous.definition,
            currentRag: current.code,
            currentRagDefinition: current.definition,
            reason: report.reason,
            completedBy: report.completedBy,
            // A report in a published pack has been through the board: it is the record, not a draft.
            state: 'approved',
          },
          lines: report.lines,
        };
      }),
    );
    await this.insertPlain(
      highlightReportItems,
      'highlight-report-item',
      reports.flatMap((report, r) => {
        const priorityId = this.priorityIds.get(report.priorityNumber)!;
        return report.areas.flatMap((area) => {
          const areaId = this.areaIds.get(key(priorityId, lower(area.title))) ?? null;
          return (
            [
              ['progress', flatten(area.progress)],
              ['next-period', flatten(area.nextPeriod)],
            ] as const
          ).flatMap(([section, items]) =>
            items.map((item, position) => ({
              value: {
                reportId: rows[r]!.id,
                improvementAreaId: areaId,
                section,
                position,
                depth: item.depth,
                text: item.text,
              },
              lines: item.lines,
            })),
          );
        });
      }),
    );
  }

  private async measure(m: ImportedDocument['measures'][number]) {
    let [measure] = await this.tx
      .select({ id: measures.id })
      .from(measures)
      .where(
        and(
          eq(measures.organisationId, this.organisationId),
          sql`lower(${measures.name}) = lower(${m.name})`,
        ),
      );
    if (!measure) {
      [measure] = await this.insertMany(measures, 'measure', [
        {
          value: {
            organisationId: this.organisationId,
            name: m.name,
            unit: m.unit,
            rolling12Months: m.rolling12Months ?? false,
            definition: '',
          },
          lines: m.lines,
        },
      ]);
    }
    const existing = await this.tx
      .select({ period: observations.period })
      .from(observations)
      .where(and(eq(observations.measureId, measure!.id), eq(observations.area, 'council')));
    const have = new Set(existing.map((e) => e.period));
    const fresh = m.observations.filter((o) => {
      if (have.has(o.period)) return false;
      have.add(o.period);
      return true;
    });
    await this.insertPlain(
      observations,
      'observation',
      fresh.map((o) => ({
        value: {
          measureId: measure!.id,
          period: o.period,
          area: 'council',
          value: o.value,
          note: m.statement,
        },
        lines: o.lines,
      })),
    );
  }

  private async feedback(doc: ImportedDocument) {
    await this.insertMany(
      feedback,
      'feedback',
      doc.feedback.map((f) => ({
        value: {
          organisationId: this.organisationId,
          planId: this.planId ?? null,
          kind: feedbackKindOf(f, doc.kind),
          source: f.source,
          said: f.said,
          response: f.response ?? '',
          attribution: f.attribution ?? '',
        },
        lines: f.lines,
      })),
    );
  }
}
