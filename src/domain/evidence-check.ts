/*
 * The evidence check on a highlight report: things a board member would ask about, found before
 * the board does. Shown to the sponsor before they submit and to the board beside the report.
 * Warnings, never blocks: a sponsor may have good reason, and the point is that it is seen.
 *
 * The wording rules are a plain list, not a model, so anyone can read why a warning appeared
 * and the evidence always quotes the words that triggered it.
 */

import { formatDate, formatNumber } from './format.ts';
import { defaultRagScale, findStatus, ragDirection, ragTitle, type RagScale } from './rag-scale.ts';

export interface ReportArea {
  title: string;
  /** Item texts under "Summary of progress since last board", sub-bullets flattened in. */
  progress: readonly string[];
  /** Item texts under "Activity for the next period". */
  nextPeriod: readonly string[];
}

export interface OverdueCommitment {
  id: number;
  text: string;
  /** ISO date. */
  dueOn: string;
  owner: string;
}

export interface OffTargetMeasure {
  id: number;
  name: string;
  rating: 'red' | 'amber';
  /** A number, or text already formatted with its unit ("83%"), or a suppression code. */
  value: number | string;
  target: number | string;
}

export interface EvidenceInput {
  currentRag: string | null;
  previousRag: string | null;
  reason: string;
  areas: readonly ReportArea[];
  overdueCommitments: readonly OverdueCommitment[];
  offTargetMeasures: readonly OffTargetMeasure[];
  previousReport?: { reason: string; areas: readonly ReportArea[] };
}

export type WarningKind =
  | 'rag-reason-mismatch'
  | 'overdue-commitments'
  | 'measure-off-target'
  | 'rag-improved-without-progress'
  | 'unchanged-text';

export interface EvidenceWarning {
  kind: WarningKind;
  message: string;
  evidence: string[];
}

/* ---- Reading the reason for the RAG ---- */

export type ReasonSignal = 'at-risk' | 'on-track';

export interface WordingRule {
  /** Matched as whole words, case-insensitively; a space matches any run of spaces. */
  phrase: string;
  signal: ReasonSignal;
}

/*
 * Longer phrases are tried first, so "no issues" wins over "issues" and "within tolerance" over
 * anything shorter. Bare "risk" is left out on purpose: Green reports often say "risks are
 * managed", and "at risk" carries the meaning when it matters.
 */
export const reasonWordingRules: readonly WordingRule[] = [
  { phrase: 'at risk', signal: 'at-risk' },
  { phrase: 'off track', signal: 'at-risk' },
  { phrase: 'off plan', signal: 'at-risk' },
  { phrase: 'behind', signal: 'at-risk' },
  { phrase: 'delayed', signal: 'at-risk' },
  { phrase: 'delay', signal: 'at-risk' },
  { phrase: 'delays', signal: 'at-risk' },
  { phrase: 'slipped', signal: 'at-risk' },
  { phrase: 'slippage', signal: 'at-risk' },
  { phrase: 'recovery actions', signal: 'at-risk' },
  { phrase: 'recovery action', signal: 'at-risk' },
  { phrase: 'recovery plan', signal: 'at-risk' },
  { phrase: 'concern', signal: 'at-risk' },
  { phrase: 'concerns', signal: 'at-risk' },
  { phrase: 'concerned', signal: 'at-risk' },
  { phrase: 'issues', signal: 'at-risk' },
  { phrase: 'outside tolerance', signal: 'at-risk' },
  { phrase: 'outside agreed tolerances', signal: 'at-risk' },
  { phrase: 'escalated', signal: 'at-risk' },
  { phrase: 'escalation', signal: 'at-risk' },
  { phrase: 'on plan', signal: 'on-track' },
  { phrase: 'on track', signal: 'on-track' },
  { phrase: 'on target', signal: 'on-track' },
  { phrase: 'on schedule', signal: 'on-track' },
  { phrase: 'as expected', signal: 'on-track' },
  { phrase: 'as planned', signal: 'on-track' },
  { phrase: 'ahead of schedule', signal: 'on-track' },
  { phrase: 'completed', signal: 'on-track' },
  { phrase: 'complete', signal: 'on-track' },
  { phrase: 'achieved', signal: 'on-track' },
  { phrase: 'within tolerance', signal: 'on-track' },
  { phrase: 'within agreed tolerances', signal: 'on-track' },
  { phrase: 'no issues', signal: 'on-track' },
  { phrase: 'no concerns', signal: 'on-track' },
];

/*
 * A negation just before a phrase turns it round: "not as expected" and "not on track" are
 * at-risk, "not delayed" is on-track. A few softening words may sit between ("not yet
 * completed", "not fully on track"). "No issues" is listed above as a phrase in its own right.
 */
const NEGATION = String.raw`(?:not|no longer|never|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|won't|cannot|can't|no)`;
const SOFTENERS = String.raw`(?:(?:yet|quite|fully|entirely|completely|currently|always|all|really|going|being)\s+)*`;

export interface ReasonMatch {
  /** The words as written in the reason, including any negation. */
  text: string;
  signal: ReasonSignal;
  rule: WordingRule;
  negated: boolean;
}

export interface ReasonReading {
  /** 'mixed' when the reason has both kinds, 'none' when it has neither. */
  signal: ReasonSignal | 'mixed' | 'none';
  matches: ReasonMatch[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const RULES_LONGEST_FIRST = [...reasonWordingRules].sort((a, b) => b.phrase.length - a.phrase.length);
const PHRASE_PATTERN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(${NEGATION})\s+${SOFTENERS})?(${RULES_LONGEST_FIRST.map((rule) =>
    escapeRegExp(rule.phrase).replace(/ /g, String.raw`\s+`),
  ).join('|')})(?![\p{L}\p{N}])`,
  'giu',
);

export function readReason(reason: string): ReasonReading {
  const matches: ReasonMatch[] = [];
  for (const match of reason.replace(/[’‘]/g, "'").matchAll(PHRASE_PATTERN)) {
    const phrase = match[2]!.toLowerCase().replace(/\s+/g, ' ');
    const rule = RULES_LONGEST_FIRST.find((r) => r.phrase === phrase)!;
    const negated = match[1] !== undefined && !rule.phrase.startsWith('no ');
    const signal: ReasonSignal = negated ? (rule.signal === 'at-risk' ? 'on-track' : 'at-risk') : rule.signal;
    matches.push({ text: match[0].replace(/\s+/g, ' '), signal, rule, negated });
  }
  const atRisk = matches.some((m) => m.signal === 'at-risk');
  const onTrack = matches.some((m) => m.signal === 'on-track');
  return {
    signal: atRisk && onTrack ? 'mixed' : atRisk ? 'at-risk' : onTrack ? 'on-track' : 'none',
    matches,
  };
}

/* ---- The checks ---- */

function quoteList(items: readonly string[]): string {
  const quoted = items.map((item) => `“${item}”`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function checkReason(input: EvidenceInput, scale: RagScale): EvidenceWarning[] {
  const status = findStatus(scale, input.currentRag);
  if (!status) return [];
  const reading = readReason(input.reason);
  const title = ragTitle(status);

  if (status.stance === 'on-track' || status.stance === 'complete') {
    const words = reading.matches.filter((m) => m.signal === 'at-risk').map((m) => m.text);
    if (words.length === 0) return [];
    return [
      {
        kind: 'rag-reason-mismatch',
        message: `The status is ${title}, but the reason for the RAG says ${quoteList(words)}, which describes work that is at risk or off track.`,
        evidence: words,
      },
    ];
  }
  if (status.stance === 'off-track' && reading.signal === 'on-track') {
    const words = reading.matches.map((m) => m.text);
    return [
      {
        kind: 'rag-reason-mismatch',
        message: `The status is ${title}, but the reason for the RAG says ${quoteList(words)}, which describes work that is on track.`,
        evidence: words,
      },
    ];
  }
  return [];
}

function checkOverdue(input: EvidenceInput): EvidenceWarning[] {
  if (input.overdueCommitments.length === 0) return [];
  const evidence = input.overdueCommitments.map(
    (c) => `${c.text} (due ${formatDate(c.dueOn)}, owner ${c.owner.trim() || 'not recorded'})`,
  );
  const count = input.overdueCommitments.length;
  return [
    {
      kind: 'overdue-commitments',
      message: `${plural(count, 'commitment is', 'commitments are')} past ${count === 1 ? 'its' : 'their'} due date: ${evidence.join('; ')}.`,
      evidence,
    },
  ];
}

function showValue(value: number | string): string {
  return typeof value === 'number' ? formatNumber(value) : value.trim();
}

function checkMeasures(input: EvidenceInput, scale: RagScale): EvidenceWarning[] {
  const status = findStatus(scale, input.currentRag);
  // An off-target measure under a Green priority is the case a board most needs to see.
  const rosy = status !== undefined && (status.stance === 'on-track' || status.stance === 'complete');
  return input.offTargetMeasures.map((measure) => {
    const value = showValue(measure.value);
    const target = showValue(measure.target);
    const against = rosy ? `, while the priority is ${ragTitle(status)}` : '';
    return {
      kind: 'measure-off-target',
      message: `${measure.name} is rated ${measure.rating}: ${value} against a target of ${target}${against}.`,
      evidence: [measure.name, `value ${value}`, `target ${target}`],
    };
  });
}

function hasText(items: readonly string[]): boolean {
  return items.some((item) => item.trim() !== '');
}

function checkImprovedWithoutProgress(input: EvidenceInput, scale: RagScale): EvidenceWarning[] {
  if (ragDirection(input.previousRag, input.currentRag, scale) !== 'improved') return [];
  if (input.areas.some((area) => hasText(area.progress))) return [];
  const before = ragTitle(findStatus(scale, input.previousRag)!);
  const after = ragTitle(findStatus(scale, input.currentRag)!);
  return [
    {
      kind: 'rag-improved-without-progress',
      message: `The status has improved from ${before} to ${after}, but no progress since the last board is recorded.`,
      evidence: [`previous status ${before}`, `current status ${after}`, 'no progress items'],
    },
  ];
}

/*
 * Copying last month's report forward is the failure this catches. Compared loosely (case,
 * spaces, curly quotes, a final full stop, bullet order) because those edits are not news.
 */
function normaliseText(text: string): string {
  return text
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;]$/, '')
    .toLowerCase();
}

function areaKey(area: ReportArea): string {
  const items = (list: readonly string[]) => list.map(normaliseText).filter(Boolean).sort().join('\n');
  return [normaliseText(area.title), items(area.progress), items(area.nextPeriod)].join('\n--\n');
}

function reportKey(report: { reason: string; areas: readonly ReportArea[] }): string {
  return [normaliseText(report.reason), ...report.areas.map(areaKey).sort()].join('\n==\n');
}

function unchangedWhat(areaCount: number): string {
  if (areaCount === 0) return 'The reason for the RAG is';
  if (areaCount === 1) return 'The reason for the RAG and the text for the improvement area are';
  return `The reason for the RAG and the text for all ${areaCount} improvement areas are`;
}

function checkUnchanged(input: EvidenceInput): EvidenceWarning[] {
  const previous = input.previousReport;
  if (!previous) return [];
  const hasAnyText =
    input.reason.trim() !== '' || input.areas.some((a) => hasText(a.progress) || hasText(a.nextPeriod));
  if (!hasAnyText || reportKey(previous) !== reportKey(input)) return [];
  return [
    {
      kind: 'unchanged-text',
      message: `${unchangedWhat(input.areas.length)} the same as in the previous report.`,
      evidence: ['reason for the RAG', ...input.areas.map((area) => area.title)],
    },
  ];
}

/** All warnings for one highlight report, in the order a reader meets the report. */
export function checkEvidence(input: EvidenceInput, scale: RagScale = defaultRagScale()): EvidenceWarning[] {
  return [
    ...checkReason(input, scale),
    ...checkImprovedWithoutProgress(input, scale),
    ...checkUnchanged(input),
    ...checkOverdue(input),
    ...checkMeasures(input, scale),
  ];
}

/* ---- The check over a report's rows ---- */

/** An improvement area as stored: its items, nested or not; only the text is read. */
export interface EvidenceArea {
  title: string;
  progress: readonly { text: string }[];
  nextPeriod: readonly { text: string }[];
}

/** A measure shown with the report, as the scorecard summarises it. */
export interface EvidenceMeasure {
  id: number;
  name: string;
  rating: string;
  /** "83%", or "No figures yet". */
  latest: string;
  /** "July 2024"; absent when there are no figures. */
  latestPeriod?: string;
  target?: string;
  offTarget: boolean;
}

/** Everything the check reads about one report, as the database returns it. */
export interface ReportEvidence {
  report: { currentRag: string | null; previousRag: string | null; reason: string };
  areas: readonly EvidenceArea[];
  overdueCommitments: readonly OverdueCommitment[];
  measures: readonly EvidenceMeasure[];
  /** The priority's last approved report before this meeting, if there is one. */
  previousReport?: { reason: string; areas: readonly EvidenceArea[] };
}

/** "83% (July 2024)": the figure with the month it is for, as the check and the board pack print it. */
export function latestWithPeriod(measure: { latest: string; latestPeriod?: string }): string {
  return measure.latestPeriod ? `${measure.latest} (${measure.latestPeriod})` : measure.latest;
}

const areasForCheck = (areas: readonly EvidenceArea[]): ReportArea[] =>
  areas.map((a) => ({
    title: a.title,
    progress: a.progress.map((i) => i.text),
    nextPeriod: a.nextPeriod.map((i) => i.text),
  }));

/** The warnings for a report from its rows: the same for the report page, the API and the pack. */
export function checkReportEvidence(evidence: ReportEvidence, scale: RagScale): EvidenceWarning[] {
  return checkEvidence(
    {
      currentRag: evidence.report.currentRag,
      previousRag: evidence.report.previousRag,
      reason: evidence.report.reason,
      areas: areasForCheck(evidence.areas),
      overdueCommitments: evidence.overdueCommitments,
      offTargetMeasures: evidence.measures
        .filter((m) => m.offTarget)
        .map((m) => ({
          id: m.id,
          name: m.name,
          rating: m.rating === 'red' ? 'red' : 'amber',
          value: latestWithPeriod(m),
          target: m.target ?? 'not set',
        })),
      previousReport: evidence.previousReport
        ? { reason: evidence.previousReport.reason, areas: areasForCheck(evidence.previousReport.areas) }
        : undefined,
    },
    scale,
  );
}
