/*
 * The records of minutes and of an inspection letter, for the list of an import's records: each
 * meeting with its agenda items, decisions, actions and attendees; the inspection with its
 * judgements and findings (its recommendations among them, which are also improvement areas).
 */
import type { Draft, Drafts } from './records-drafts.ts';
import type { ImportedDocument } from './types.ts';

export function proseRecords(doc: ImportedDocument, drafts: Drafts): void {
  for (const m of doc.meetings ?? []) {
    const meeting = drafts.add(
      'meeting',
      m.lines,
      { title: m.title, meetingDate: m.date?.date ?? null, dateText: m.date?.text ?? null },
      null,
    );
    const items: Draft[] = (m.items ?? []).map((item) =>
      drafts.add(
        'agenda-item',
        item.lines,
        { reference: item.reference ?? null, title: item.title, text: item.discussion },
        meeting,
      ),
    );
    const under = (k: number | undefined) => items[k ?? 0] ?? meeting;
    for (const d of m.decisions)
      drafts.add('decision', d.lines, { reference: d.reference ?? null, text: d.text }, under(d.item));
    for (const a of m.actions)
      drafts.add(
        'meeting-action',
        a.lines,
        {
          text: a.description,
          owner: a.owner ?? null,
          due: a.due?.text ?? null,
          dueOn: a.due?.date ?? a.due?.period?.end ?? null,
        },
        under(a.item),
      );
    for (const a of m.attendees ?? [])
      drafts.add(
        'meeting-attendee',
        a.lines,
        { title: a.name, role: a.role ?? null, attendance: a.attendance },
        meeting,
      );
  }
  const read = doc.inspection;
  if (!read) return;
  const inspection = drafts.add(
    'inspection',
    read.lines,
    {
      kind: read.kind,
      startDate: read.startDate ?? null,
      endDate: read.endDate ?? null,
      publishedDate: read.publishedDate ?? null,
      focus: read.focus,
      text: read.summary,
    },
    null,
  );
  for (const j of doc.judgements ?? [])
    drafts.add('inspection-judgement', j.lines, { area: j.area, grade: j.grade }, inspection);
  for (const f of read.findings)
    drafts.add(
      'inspection-finding',
      f.lines,
      { kind: f.kind, number: null, text: f.text, under: f.under ?? null },
      inspection,
    );
  for (const r of doc.recommendations ?? [])
    drafts.add(
      'inspection-finding',
      r.lines,
      { kind: 'recommendation', number: r.number ?? null, text: r.text, under: null },
      inspection,
    );
}
