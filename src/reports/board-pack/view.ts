/**
 * Turns a BoardPack into what every format prints: resolved RAG labels and colours, formatted dates,
 * headings and anchors. The HTML, DOCX and PDF renderers only lay this out, so a wording or ordering
 * decision is made once and the three documents say the same thing.
 */
import { normaliseHex, textColourOn } from '../colour.ts';
import { actionLogView, type ActionLogView } from './action-log-view.ts';
import { outcomesView } from './outcome-view.ts';
import { frameworkOutcomeLabel } from '../../domain/national-framework.ts';
import { formatDate, formatDateTime } from '../../domain/format.ts';
import { expectationsView } from './expectations.ts';
import type {
  BoardPack,
  BoardPackPart,
  BoardPackPriority,
  BoardPackProject,
  BoardPackRisks,
  EvidenceWarning,
  LinkedMeasure,
  ListItem,
  RagScaleEntry,
} from './types.ts';
import {
  directionWords,
  measureRatingColours,
  measureRatingWords,
  stateWords,
  warningCount,
  wording,
} from './wording.ts';

/** A status as shown: always words, colour only as an addition. */
export interface RagView {
  label: string;
  definition: string;
  /** Normalised "#rrggbb", or undefined when there is nothing to colour (not rated, unknown code). */
  colour?: string;
  textColour?: string;
}

export interface SummaryRowView {
  id: string;
  priority: string;
  previous: RagView;
  current: RagView;
  direction: string;
  warnings: string;
}

export interface HeaderFieldView {
  label: string;
  text?: string;
  rag?: RagView;
}

export interface AreaView {
  id: string;
  heading: string;
  progress: ListItem[];
  nextPeriod: ListItem[];
}

export interface MeasureView extends LinkedMeasure {
  targetText: string;
  ratingView: RagView;
}

export interface PriorityView {
  id: string;
  number: number;
  heading: string;
  caption: string;
  /** The header table in the order of the highlight report template; the first row is the priority. */
  header: HeaderFieldView[];
  areas: AreaView[];
  evidenceWarnings: EvidenceWarning[];
  measuresCaption: string;
  measures: MeasureView[];
}

/**
 * A register the board reads as one table at the end of the pack (the risks above the threshold):
 * already words, so each format only lays out rows.
 */
export interface RegisterView {
  id: string;
  heading: string;
  intro: string;
  caption: string;
  columns: string[];
  /** Columns of running text (the rest are short), which take the width the others leave. */
  wideColumns: number[];
  /** The first cell of each row names the row. */
  rows: string[][];
  empty: string;
  /** Facts printed before the table, each as "Label: value" (a project's status, lead, money). */
  facts?: { label: string; value: string }[];
}

/**
 * One plan's sections. A pack of one plan has one part with no heading, laid out as packs always
 * were; a pack covering several plans has a part for each, headed by the plan.
 */
export interface PartView {
  heading?: { id: string; text: string; intro: string };
  priorities: PriorityView[];
  registers: RegisterView[];
}

export interface BoardPackView {
  /** Document title: meeting title and date. */
  title: string;
  /** One sentence for document properties and the HTML description. */
  description: string;
  council: string;
  board: string;
  meetingTitle: string;
  meetingDate: string;
  produced: string;
  contents: { id: string; text: string }[];
  summary: SummaryRowView[];
  ragKey: (RagView & { code: string })[];
  /** Every part's priorities and registers, in order (the parts hold them too). */
  priorities: PriorityView[];
  registers: RegisterView[];
  parts: PartView[];
  /** After the RAG summary; absent when the pack carries no action log. */
  actionLog?: ActionLogView;
  /** The mark every page carries until the papers are issued; absent once they are. */
  draftMark?: string;
}

export const summaryId = 'rag-summary';

export function buildBoardPackView(pack: BoardPack): BoardPackView {
  const ragKey = pack.ragScale.map(ragViewOf);
  const ragOf = (code: string | undefined): RagView => {
    if (code === undefined) return { label: wording.notRated, definition: '' };
    const keyIndex = pack.ragScale.findIndex((entry) => entry.code === code);
    const found = ragKey[keyIndex];
    // An unknown code is printed as it is, with a note, rather than dropped: the board must see it.
    return found ?? { label: code, definition: wording.unknownRag };
  };
  // The shared formatter would also read other date strings; the pack's contract is a calendar date.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(pack.meeting.date)) {
    throw new Error(`Meeting date "${pack.meeting.date}" is not in the form YYYY-MM-DD`);
  }
  const meetingDate = formatDate(pack.meeting.date);

  const actionLog = pack.actionLog ? actionLogView(pack.actionLog) : undefined;
  const several = pack.parts !== undefined;
  const sources: BoardPackPart[] = pack.parts ?? [
    {
      title: '',
      kind: '',
      priorities: pack.priorities,
      ...(pack.risks ? { risks: pack.risks } : {}),
      ...(pack.projects ? { projects: pack.projects } : {}),
      ...(pack.expectations ? { expectations: pack.expectations } : {}),
    },
  ];
  // Read by National Framework outcome over every part's priorities, printed once, in the first part.
  const outcomes = outcomesView({ ...pack, priorities: sources.flatMap((part) => part.priorities) }, ragOf);
  const parts: PartView[] = sources.map((part, n) => {
    const prefix = several ? `part-${n + 1}-` : '';
    return {
      ...(several
        ? { heading: { id: `part-${n + 1}`, text: wording.part(n + 1, part.title), intro: part.kind } }
        : {}),
      priorities: part.priorities.map((p, i) =>
        priorityView(p, `${prefix}priority-${i + 1}`, ragOf, meetingDate, pack),
      ),
      registers: [
        ...(outcomes && n === 0 ? [outcomes] : []),
        ...(part.expectations
          ? [expectationsView(part.expectations, `${prefix}expectations`, several ? part.title : undefined)]
          : []),
        ...(part.projects ?? []).map((p, i) => projectView(p, `${prefix}project-${i + 1}`, ragOf)),
        ...(part.risks ? [risksView(part.risks, `${prefix}risks`)] : []),
      ],
    };
  });
  const priorities = parts.flatMap((part) => part.priorities);
  const registers = parts.flatMap((part) => part.registers);
  const summary = sources.flatMap((part, n) =>
    part.priorities.map((p, i) => {
      const shown = parts[n]!.priorities[i]!;
      return {
        id: shown.id,
        priority: several ? `${shown.heading} (${part.title})` : shown.heading,
        previous: ragOf(p.previousRag),
        current: ragOf(p.currentRag),
        direction: directionWords[p.direction],
        warnings: warningCount(p.evidenceWarnings.length),
      };
    }),
  );

  return {
    title: `${pack.meeting.title}: ${meetingDate}`,
    description: `${pack.board} highlight reports for the meeting on ${meetingDate}, from ${pack.council}.`,
    council: pack.council,
    board: pack.board,
    meetingTitle: pack.meeting.title,
    meetingDate,
    produced: `${wording.produced} ${formatDateTime(pack.generatedAt)}`,
    contents: [
      { id: summaryId, text: wording.ragSummary },
      ...(actionLog ? [{ id: actionLog.id, text: actionLog.heading }] : []),
      ...parts.flatMap((part) => [
        ...(part.heading ? [{ id: part.heading.id, text: part.heading.text }] : []),
        ...part.priorities.map((p) => ({ id: p.id, text: p.heading })),
        ...part.registers.map((r) => ({ id: r.id, text: r.heading })),
      ]),
    ],
    summary,
    ragKey: ragKey.map((view, i) => ({ ...view, code: pack.ragScale[i]!.code })),
    priorities,
    registers,
    parts,
    ...(actionLog ? { actionLog } : {}),
    ...(pack.draft ? { draftMark: wording.draft } : {}),
  };
}

function projectView(
  p: BoardPackProject,
  id: string,
  ragOf: (code: string | undefined) => RagView,
): RegisterView {
  const c = wording.projectColumns;
  const rag = ragOf(p.rag);
  return {
    id,
    heading: `${p.kind}: ${p.title}`,
    intro: p.phase || p.kind,
    facts: [
      { label: wording.projectFacts.rag, value: rag.label },
      { label: wording.projectFacts.reason, value: p.reason || wording.noReason },
      { label: wording.projectFacts.lead, value: p.lead || wording.noLead },
      { label: wording.projectFacts.priorities, value: p.priorities || wording.wholeProgramme },
      { label: wording.projectFacts.investment, value: p.investment },
    ],
    caption: wording.milestonesCaption,
    columns: [c.milestone, c.due, c.status, c.completed],
    wideColumns: [0],
    rows: p.milestones.map((m) => [m.title, m.due || wording.noDueDate, m.status, m.completed]),
    empty: wording.noMilestones,
  };
}

function risksView(risks: BoardPackRisks, id: string): RegisterView {
  const c = wording.riskColumns;
  return {
    id,
    heading: wording.risks,
    intro: wording.risksIntro(risks.threshold),
    caption: wording.risksCaption,
    columns: [c.risk, c.owner, c.priorities, c.before, c.after, c.direction, c.controls, c.nextReview],
    wideColumns: [0, 6],
    rows: risks.items.map((r) => [
      r.title,
      r.owner,
      r.priorities || wording.wholeProgramme,
      r.beforeControls,
      r.afterControls,
      r.direction,
      r.controls,
      r.nextReview || wording.noReviewDate,
    ]),
    empty: wording.noRisks,
  };
}

function ragViewOf(entry: RagScaleEntry): RagView {
  const colour = normaliseHex(entry.colour);
  return { label: entry.label, definition: entry.definition, colour, textColour: textColourOn(colour) };
}

function priorityView(
  p: BoardPackPriority,
  id: string,
  ragOf: (code: string | undefined) => RagView,
  meetingDate: string,
  pack: BoardPack,
): PriorityView {
  const heading = `Priority ${p.number}: ${p.title}`;
  return {
    id,
    number: p.number,
    heading,
    caption: wording.headerCaption(p.number),
    header: [
      {
        label: wording.header.priority,
        text: `${p.number}. ${p.title}${p.ambition ? `: ${p.ambition}` : ''}`,
      },
      { label: wording.header.sponsor, text: p.sponsor },
      ...(p.frameworkOutcome
        ? [{ label: 'National Framework', text: frameworkOutcomeLabel(p.frameworkOutcome) }]
        : []),
      { label: wording.header.previous, rag: ragOf(p.previousRag) },
      { label: wording.header.current, rag: ragOf(p.currentRag) },
      { label: wording.header.reason, text: p.reason },
      { label: wording.header.completedBy, text: p.completedBy },
      { label: wording.header.meetingDate, text: meetingDate },
      { label: wording.header.state, text: stateWords[p.state] },
    ],
    areas: p.areas.map((a, j) => ({
      id: `${id}-area-${j + 1}`,
      heading: `${wording.areaPrefix}${a.title}`,
      progress: a.progress,
      nextPeriod: a.nextPeriod,
    })),
    evidenceWarnings: p.evidenceWarnings,
    measuresCaption: wording.measuresCaption(p.number),
    measures: p.measures.map((m) => ({
      ...m,
      targetText: m.target ?? wording.noTarget,
      ratingView: measureRatingView(m, pack.ragScale),
    })),
  };
}

/** A measure's rating takes the plan's colour for the same code when there is one, so the pack matches. */
function measureRatingView(m: LinkedMeasure, scale: RagScaleEntry[]): RagView {
  const label = measureRatingWords[m.rating];
  if (m.rating === 'none') return { label, definition: '' };
  const colour = normaliseHex(
    scale.find((e) => e.code === m.rating)?.colour ?? measureRatingColours[m.rating],
  );
  return { label, definition: '', colour, textColour: textColourOn(colour) };
}
