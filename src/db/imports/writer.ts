/*
 * Writing an extracted document's records into the plan, inside the confirming transaction: each
 * record with its history row (insertRecord) and the source lines it came from (imported_records).
 * Internal to the imports commands.
 */
import { and, eq, sql } from 'drizzle-orm';
import {
  feedbackKindOf,
  type ImportedDocument,
  type ImportedRag,
  type ListItem,
} from '../../domain/imports.ts';
import { insertRecord, type Actor, type Tx } from '../changes.ts';
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
  const name = label.replace(/\s*meeting\s*date\s*$/i, '').trim();
  // CIB is the Children's Improvement Board: the plan's Improvement Board.
  if (/^CIB$/i.test(name)) return 'Improvement Board';
  return name || 'Improvement Board';
}

export class ImportWriter {
  created = 0;
  private planId?: number;
  private readonly priorityIds = new Map<number, number>();
  private readonly areaIds = new Map<string, number>();

  constructor(
    private readonly tx: Tx,
    private readonly organisationId: number,
    private readonly importId: number,
    private readonly actor: Actor,
  ) {}

  private async track(recordType: string, recordId: number, lines: number[]) {
    this.created += 1;
    await this.tx.insert(importedRecords).values({ importId: this.importId, recordType, recordId, lines });
  }

  private async insert<T extends Parameters<typeof insertRecord>[1]>(
    table: T,
    recordType: string,
    values: T['$inferInsert'],
    lines: number[],
  ) {
    const row = (await insertRecord(
      this.tx,
      table,
      recordType,
      this.organisationId,
      values,
      this.actor,
      'import',
    )) as { id: number };
    await this.track(recordType, row.id, lines);
    return row;
  }

  async write(doc: ImportedDocument) {
    const needsPlan =
      doc.priorities.length > 0 || doc.highlightReports.length > 0 || doc.standards.length > 0;
    if (needsPlan) await this.plan(doc);
    for (const p of doc.priorities) {
      const priorityId = await this.priority(
        p.number,
        p.title,
        {
          ambition: p.ambition,
          impactForChildren: p.impactForChildren.join('\n'),
          whatWeWillDo: flatten(p.whatWeWillDo)
            .map((i) => i.text)
            .join('\n'),
          sponsor: p.sponsor,
        },
        p.lines,
      );
      for (const area of p.areas) await this.area(priorityId, area.title, area.source ?? '', area.lines);
      for (const [position, c] of p.commitments.entries()) {
        const commitment = await this.insert(
          commitments,
          'commitment',
          {
            priorityId,
            text: c.text,
            position,
            status: c.outcomes.length ? 'done' : 'not-started',
            needsReview: c.needsReview ?? '',
          },
          c.lines,
        );
        for (const [k, o] of c.outcomes.entries())
          await this.insert(
            outcomes,
            'outcome',
            { commitmentId: commitment.id, text: o.text, position: k },
            o.lines,
          );
      }
    }
    for (const [position, s] of doc.standards.entries()) {
      await this.insert(
        standards,
        'standard',
        {
          planId: this.planId!,
          groupName: s.group,
          name: s.name,
          description: s.description ?? '',
          position,
        },
        s.lines,
      );
    }
    for (const report of doc.highlightReports) await this.highlightReport(report);
    for (const m of doc.measures) await this.measure(m);
    for (const f of doc.feedback) {
      await this.insert(
        feedback,
        'feedback',
        {
          organisationId: this.organisationId,
          planId: this.planId ?? null,
          kind: feedbackKindOf(f, doc.kind),
          source: f.source,
          said: f.said,
          response: f.response ?? '',
          attribution: f.attribution ?? '',
        },
        f.lines,
      );
    }
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
    const plan = await this.insert(
      plans,
      'plan',
      { organisationId: this.organisationId, title, period: doc.period ?? '', status: 'adopted' },
      [],
    );
    this.planId = plan.id;
  }

  private async sponsorUserId(name: string | undefined): Promise<number | null> {
    if (!name) return null;
    const found = await this.tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.organisationId, this.organisationId),
          sql`lower(${users.name}) = lower(${name})`,
          eq(users.role, 'sponsor'),
        ),
      );
    return found.length === 1 ? found[0]!.id : null;
  }

  private async priority(
    number: number,
    title: string,
    extra: { ambition?: string; impactForChildren?: string; whatWeWillDo?: string; sponsor?: string },
    lines: number[],
  ): Promise<number> {
    const known = this.priorityIds.get(number);
    if (known) return known;
    const [existing] = await this.tx
      .select({ id: priorities.id })
      .from(priorities)
      .where(and(eq(priorities.planId, this.planId!), eq(priorities.number, number)));
    if (existing) {
      this.priorityIds.set(number, existing.id);
      return existing.id;
    }
    const row = await this.insert(
      priorities,
      'priority',
      {
        planId: this.planId!,
        number,
        title,
        ambition: extra.ambition ?? '',
        impactForChildren: extra.impactForChildren ?? '',
        whatWeWillDo: extra.whatWeWillDo ?? '',
        sponsorName: extra.sponsor ?? '',
        sponsorUserId: await this.sponsorUserId(extra.sponsor),
      },
      lines,
    );
    this.priorityIds.set(number, row.id);
    return row.id;
  }

  private async area(priorityId: number, title: string, source: string, lines: number[]): Promise<number> {
    const key = `${priorityId}\u0000${title.trim().toLowerCase()}`;
    const known = this.areaIds.get(key);
    if (known) return known;
    const [existing] = await this.tx
      .select({ id: improvementAreas.id })
      .from(improvementAreas)
      .where(
        and(
          eq(improvementAreas.priorityId, priorityId),
          sql`lower(${improvementAreas.title}) = lower(${title.trim()})`,
        ),
      );
    const id =
      existing?.id ??
      (
        await this.insert(
          improvementAreas,
          'improvement-area',
          { priorityId, title: title.trim(), source, position: this.areaIds.size },
          lines,
        )
      ).id;
    this.areaIds.set(key, id);
    return id;
  }

  private async highlightReport(report: ImportedDocument['highlightReports'][number]) {
    const priorityId = await this.priority(
      report.priorityNumber,
      report.priorityTitle,
      { sponsor: report.sponsor },
      report.lines,
    );
    const name = boardName(report.meetingLabel);
    let [board] = await this.tx
      .select({ id: boards.id })
      .from(boards)
      .where(
        and(eq(boards.organisationId, this.organisationId), sql`lower(${boards.name}) = lower(${name})`),
      );
    if (!board) {
      [board] = await this.tx
        .insert(boards)
        .values({ organisationId: this.organisationId, name, planId: this.planId ?? null })
        .returning({ id: boards.id });
      await this.track('board', board!.id, []);
    }
    let [meeting] = await this.tx
      .select({ id: boardMeetings.id })
      .from(boardMeetings)
      .where(and(eq(boardMeetings.boardId, board!.id), eq(boardMeetings.meetingOn, report.meetingDate)));
    if (!meeting) {
      [meeting] = await this.tx
        .insert(boardMeetings)
        .values({ boardId: board!.id, meetingOn: report.meetingDate, status: 'held' })
        .returning({ id: boardMeetings.id });
      await this.track('board-meeting', meeting!.id, []);
    }
    const rag = (r: ImportedRag | undefined) =>
      r
        ? {
            code: r.status,
            definition: [r.label ? `(${r.label})` : '', r.definition].filter(Boolean).join(' '),
          }
        : { code: null, definition: '' };
    const previous = rag(report.previousRag);
    const current = rag(report.currentRag);
    const row = await this.insert(
      highlightReports,
      'highlight-report',
      {
        meetingId: meeting!.id,
        priorityId,
        previousRag: previous.code,
        previousRagDefinition: previous.definition,
        currentRag: current.code,
        currentRagDefinition: current.definition,
        reason: report.reason,
        completedBy: report.completedBy,
        // A report in a published pack has been through the board: it is the record, not a draft.
        state: 'approved',
      },
      report.lines,
    );
    for (const area of report.areas) {
      const areaId = await this.area(priorityId, area.title, '', area.lines);
      const sections = [
        ['progress', flatten(area.progress)],
        ['next-period', flatten(area.nextPeriod)],
      ] as const;
      for (const [section, items] of sections) {
        if (items.length === 0) continue;
        // One statement per list: a pack has hundreds of bullets, and each round trip costs.
        const created = await this.tx
          .insert(highlightReportItems)
          .values(
            items.map((item, position) => ({
              reportId: row.id,
              improvementAreaId: areaId,
              section,
              position,
              depth: item.depth,
              text: item.text,
            })),
          )
          .returning({ id: highlightReportItems.id });
        await this.tx.insert(importedRecords).values(
          created.map((c, i) => ({
            importId: this.importId,
            recordType: 'highlight-report-item',
            recordId: c.id,
            lines: items[i]!.lines,
          })),
        );
        this.created += created.length;
      }
    }
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
      measure = await this.insert(
        measures,
        'measure',
        {
          organisationId: this.organisationId,
          name: m.name,
          unit: m.unit,
          rolling12Months: m.rolling12Months ?? false,
          definition: '',
        },
        m.lines,
      );
    }
    for (const o of m.observations) {
      const [existing] = await this.tx
        .select({ id: observations.id })
        .from(observations)
        .where(
          and(
            eq(observations.measureId, measure.id),
            eq(observations.period, o.period),
            eq(observations.area, 'council'),
          ),
        );
      if (existing) continue;
      const [created] = await this.tx
        .insert(observations)
        .values({
          measureId: measure.id,
          period: o.period,
          area: 'council',
          value: o.value,
          note: m.statement,
        })
        .returning({ id: observations.id });
      await this.track('observation', created!.id, o.lines);
    }
  }
}
