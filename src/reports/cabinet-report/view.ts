/*
 * The report as the council's committee format lays it out: the cover table, then numbered
 * sections with numbered paragraphs. DOCX and PDF render this one view, so they say the same.
 */
import { formatDate, formatNumber } from '../../domain/format.ts';
import {
  coverFields,
  type CoverField,
  type CoverFieldName,
} from '../../domain/publishing/committee-cover.ts';
import type { CabinetReport } from './types.ts';

export interface CoverRow {
  label: string;
  text: string;
}

export interface Paragraph {
  /** "1.2" */
  number: string;
  text: string;
  bullets: string[];
}

export interface Section {
  number: number;
  heading: string;
  paragraphs: Paragraph[];
  table?: { head: string[]; rows: string[][]; caption: string };
}

/** The mark on every page of a report not yet issued, and the notice under the council's name. */
export const draftWording = {
  mark: 'DRAFT',
  notice: 'DRAFT: this report has not been issued. Figures and reports may still change.',
} as const;

export interface CabinetReportView {
  title: string;
  /** "DRAFT" while the report is not issued; absent once it is. */
  draftMark?: string;
  council: string;
  cover: CoverRow[];
  sections: Section[];
}

/** The cover labels, in the council's order and wording (from the one list of cover fields). */
export const coverLabels: Readonly<Record<CoverFieldName, string>> = Object.fromEntries(
  coverFields.map((f) => [f.name, f.reportLabel]),
) as Record<CoverFieldName, string>;

const none = 'None.';

/** A cover field as the report prints it: dates in words, blank optional fields as "None." */
function coverText(field: CoverField, text: string): string {
  if (field.kind === 'date') return formatDate(text);
  if (field.name === 'backgroundPapersContact')
    return text
      ? `The background papers relating to this report can be inspected by contacting ${text}`
      : none;
  return field.required ? text : text || none;
}

export function buildCabinetReportView(report: CabinetReport): CabinetReportView {
  const c = report.cover;
  const cover: CoverRow[] = coverFields.map((f) => ({ label: f.reportLabel, text: coverText(f, c[f.name]) }));
  const sections: Section[] = [];
  const section = (heading: string) => {
    const s: Section = { number: sections.length + 1, heading, paragraphs: [] };
    sections.push(s);
    return s;
  };
  const para = (s: Section, text: string, bullets: string[] = []) =>
    s.paragraphs.push({ number: `${s.number}.${s.paragraphs.length + 1}`, text, bullets });

  const total = report.priorities.reduce((n, p) => n + p.total, 0);
  const done = report.priorities.reduce((n, p) => n + p.done, 0);
  const inProgress = report.priorities.reduce((n, p) => n + p.inProgress, 0);
  const progress = section(`${report.planTitle}: progress in ${report.quarter.label}`.toUpperCase());
  para(
    progress,
    `This report sets out progress on ${report.planTitle} in ${report.quarter.label} (${formatDate(report.quarter.start)} to ${formatDate(report.quarter.end)}). Of ${formatNumber(total)} commitments in the plan, ${formatNumber(done)} are done and ${formatNumber(inProgress)} are in progress.`,
  );
  for (const p of report.priorities) {
    para(
      progress,
      `Priority ${p.number}: ${p.title}. ${formatNumber(p.done)} of ${formatNumber(p.total)} commitments done, ${formatNumber(p.inProgress)} in progress, ${formatNumber(p.notStarted)} not started.${p.achievedThisQuarter.length ? ' Done this quarter:' : ''}`,
      p.achievedThisQuarter,
    );
  }

  const highlights = section('HIGHLIGHT REPORTS TO THE IMPROVEMENT BOARD');
  if (report.highlights.length === 0)
    para(
      highlights,
      `No highlight reports were approved by the Improvement Board in ${report.quarter.label}.`,
    );
  for (const h of report.highlights) {
    para(
      highlights,
      `Priority ${h.priorityNumber}: ${h.priorityTitle} (board of ${formatDate(h.meetingOn)}). Status: ${h.status || 'not rated'}.${h.reason ? ` ${h.reason}` : ''}${h.progress.length ? ' Progress since the last board:' : ''}`,
      h.progress,
    );
  }

  const scorecard = section('SCORECARD');
  if (report.measures.length === 0) {
    para(scorecard, 'No measures are recorded for the plan yet.');
  } else {
    para(
      scorecard,
      'The latest figure for each measure on the scorecard, with its target and direction of travel, is in the table below.',
    );
    scorecard.table = {
      caption: 'Scorecard measures',
      head: ['Measure', 'Latest', 'Period', 'Target', 'Direction'],
      rows: report.measures.map((m) => [m.name, m.latest, m.period, m.target || 'No target', m.direction]),
    };
  }

  if (report.investment) {
    const money = section('FINANCIAL IMPLICATIONS');
    const inv = report.investment;
    if (inv.lines.length === 0) {
      para(money, 'No budget lines are recorded for the plan or its projects.');
    } else {
      para(
        money,
        `The plan and its projects are supported by ${inv.recurrent} of recurrent and ${inv.nonRecurrent} of non-recurrent (one-off) investment, as set out in the table below. ${inv.spent} of spend has been recorded against these lines.`,
      );
      para(money, 'Recurrent money is in the service budget every year; non-recurrent money is spent once.');
      money.table = {
        caption: 'Investment in the plan by budget line',
        head: ['Project', 'Funding source', 'Recurrent or one-off', 'Financial year', 'Planned', 'Spent'],
        rows: inv.lines.map((l) => [
          l.project || 'Whole plan',
          l.fundingSource,
          l.recurrence,
          l.financialYear,
          l.planned,
          l.spent,
        ]),
      };
    }
  }

  const feedback = section('FEEDBACK ON THE DEVELOPMENT OF THE IMPROVEMENT PLAN');
  if (!report.consultation) {
    para(feedback, 'No consultation is summarised in this report.');
  } else {
    para(
      feedback,
      `${formatNumber(report.consultation.responses)} ${report.consultation.responses === 1 ? 'response was' : 'responses were'} received to “${report.consultation.title}”. The main themes were as follows.`,
    );
    for (const t of report.consultation.themes) {
      para(
        feedback,
        `${t.name} (${formatNumber(t.responses)} ${t.responses === 1 ? 'response' : 'responses'}): ${t.summary || 'Summary to follow.'}`,
      );
    }
  }

  const next = section('NEXT STEPS');
  para(
    next,
    `Progress will continue to be monitored by the Improvement Board. Updates are published every quarter at ${report.publicUrl}, with a version for children and young people.`,
  );
  para(
    next,
    report.recipients.length
      ? 'This report will be discussed at the following meetings:'
      : 'No other meetings are listed for this report.',
    report.recipients.map((r) =>
      r.receivedOn ? `${r.meeting} (received ${formatDate(r.receivedOn)})` : r.meeting,
    ),
  );

  const recommendations = section('RECOMMENDATIONS');
  para(recommendations, 'As stated on the report cover.');

  return {
    title: c.subject,
    ...(report.draft ? { draftMark: draftWording.mark } : {}),
    council: report.council,
    cover,
    sections,
  };
}
