/**
 * The text a reader meets in a board pack, in order, built from the input alone. Tests compare it
 * with the text read back from each format, so all three are held to the same content and order.
 */
import { formatDate } from '../../domain/format.ts';
import type { BoardPack, ListItem } from './types.ts';
import { actionCells, actionHeadings, actionLogView } from './action-log-view.ts';
import { directionWords, measureRatingWords, stateWords, warningCount, wording } from './wording.ts';

export function expectedReadingOrder(pack: BoardPack): string[] {
  const date = formatDate(pack.meeting.date);
  const rag = (code: string | undefined) => pack.ragScale.find((e) => e.code === code);
  const ragLabel = (code: string | undefined) =>
    code === undefined ? wording.notRated : (rag(code)?.label ?? code);
  const ragFull = (code: string | undefined) => {
    const entry = rag(code);
    return entry ? `${entry.label} – ${entry.definition}` : ragLabel(code);
  };
  const heading = (n: number, title: string) => `Priority ${n}: ${title}`;
  const c = wording.summaryColumns;
  const h = wording.header;
  const m = wording.measureColumns;
  const log = pack.actionLog ? actionLogView(pack.actionLog) : undefined;

  return [
    // Cover
    pack.council,
    pack.meeting.title,
    pack.board,
    `${h.meetingDate}: ${date}`,
    wording.contents,
    wording.ragSummary,
    ...(pack.actionLog ? [wording.actionLog] : []),
    ...pack.priorities.map((p) => heading(p.number, p.title)),
    // Summary
    wording.ragSummary,
    wording.ragSummaryCaption,
    `${c.priority} ${c.previous} ${c.current} ${c.direction} ${c.warnings}`,
    ...pack.priorities.map(
      (p) =>
        `${heading(p.number, p.title)} ${ragLabel(p.previousRag)} ${ragLabel(p.currentRag)} ${directionWords[p.direction]} ${warningCount(p.evidenceWarnings.length)}`,
    ),
    wording.ragKey,
    ...pack.ragScale.map((e) => `${e.label} ${e.definition}`),
    // The action log, when the pack has one
    ...(log
      ? [
          log.heading,
          ...(log.rows.length
            ? [log.caption, actionHeadings().join(' '), ...log.rows.map((r) => actionCells(r).join(' '))]
            : [wording.noActions]),
        ]
      : []),
    // Each priority
    ...pack.priorities.flatMap((p) => [
      heading(p.number, p.title),
      `${h.priority} ${p.number}. ${p.title}${p.ambition ? `: ${p.ambition}` : ''}`,
      `${h.sponsor} ${p.sponsor}`,
      `${h.previous} ${ragFull(p.previousRag)}`,
      `${h.current} ${ragFull(p.currentRag)}`,
      `${h.reason} ${p.reason}`,
      `${h.completedBy} ${p.completedBy}`,
      `${h.meetingDate} ${date}`,
      `${h.state} ${stateWords[p.state]}`,
      ...p.areas.flatMap((a) => [
        `${wording.areaPrefix}${a.title}`,
        wording.progress,
        ...(a.progress.length ? flatten(a.progress) : [wording.noProgress]),
        wording.nextPeriod,
        ...(a.nextPeriod.length ? flatten(a.nextPeriod) : [wording.noNextPeriod]),
      ]),
      wording.evidenceWarnings,
      ...(p.evidenceWarnings.length
        ? p.evidenceWarnings.flatMap((w) => [
            w.message,
            ...(w.evidence.length ? [wording.evidence, ...w.evidence] : []),
          ])
        : [wording.noEvidenceWarnings]),
      wording.measures,
      ...(p.measures.length
        ? [
            `${m.name} ${m.latest} ${m.target} ${m.rating} ${m.direction} ${m.narrative}`,
            ...p.measures.map(
              (x) =>
                `${x.name} ${x.latest} ${x.target ?? wording.noTarget} ${measureRatingWords[x.rating]} ${x.direction} ${x.narrative}`,
            ),
          ]
        : [wording.noMeasures]),
    ]),
  ];
}

/** Items before their children, as every format lays them out. */
function flatten(items: ListItem[]): string[] {
  return items.flatMap((item) => [item.text, ...flatten(item.children)]);
}
