/**
 * The areas of a highlight report: each "What needs to improve" title with its progress list and
 * its next-period list. A section label that comes again in the same area is merged into the same
 * list, in order, and flagged.
 */
import { emptyPriority } from './ledger.ts';
import type { BulletEntry } from './text.ts';
import { nestItems, parseBullet, splitLabel } from './text.ts';
import type { ImportedDocument, ImportedHighlightReport } from './types.ts';

export const areaLabels = ['What needs to improve', 'Area for improvement', 'Improvement area'];
export const sectionLabels = {
  progress: [
    'Summary of progress since last board',
    'Summary of progress since the last board',
    'Summary of progress',
    'Progress since last board',
    'Progress since the last board',
    'Progress this period',
  ],
  nextPeriod: [
    'Activity for the next period',
    'Activity for next period',
    'Activities for the next period',
    'Planned activity for the next period',
    'Next steps',
  ],
} as const;
export type Section = keyof typeof sectionLabels;

export interface AreaDraft {
  title: string;
  lines: number[];
  entries: Record<Section, BulletEntry[]>;
  seen: Set<Section>;
}

/** One priority's report while its lines are read; areas become records once it is complete. */
export interface ReportDraft {
  report: ImportedHighlightReport;
  ambition?: string;
  areas: AreaDraft[];
}

/** The area with this title in the report, or a new one; `line` is its label's, if it has one. */
export function findOrAddArea(
  draft: ReportDraft,
  title: string,
  line: number | undefined,
  doc: ImportedDocument,
): AreaDraft {
  const refs = line === undefined ? [] : [line];
  const existing =
    title === '' ? undefined : draft.areas.find((a) => a.title.toLowerCase() === title.toLowerCase());
  if (existing) {
    doc.needsReview.push({
      message: `"${title}" appears twice in priority ${draft.report.priorityNumber} (lines ${existing.lines[0]} and ${line}). Its lists were joined: check them.`,
      lines: [existing.lines[0]!, ...refs],
    });
    existing.lines.push(...refs);
    return existing;
  }
  const area: AreaDraft = { title, lines: refs, entries: { progress: [], nextPeriod: [] }, seen: new Set() };
  draft.areas.push(area);
  return area;
}

export function openSection(area: AreaDraft, section: Section, line: number, doc: ImportedDocument): void {
  if (area.seen.has(section)) {
    doc.needsReview.push({
      message: `"${sectionLabels[section][0]}" appears again on line ${line} under "${area.title}". Its items were added to the same list: check they belong there.`,
      lines: [line],
    });
  }
  area.seen.add(section);
  area.lines.push(line);
}

/** A progress or next-period label, with any text that follows it on the line. */
export function sectionOf(text: string): { section: Section; value: string } | undefined {
  if (parseBullet(text)) return undefined;
  for (const section of Object.keys(sectionLabels) as Section[]) {
    const found = splitLabel(text, sectionLabels[section]);
    if (found) return { section, value: [found.value, ...found.rest].join(' ').trim() };
  }
  return undefined;
}

export function addEntry(area: AreaDraft, section: Section, entry: BulletEntry): BulletEntry {
  area.entries[section].push(entry);
  return entry;
}

/** A list line written without a bullet, read as an item all the same. */
export function plainEntry(text: string, line: number): BulletEntry {
  return { bullet: { indent: 0, marker: '', text: text.trim() }, line, wrapped: [] };
}

/** Adds the report, and its priority with the areas' titles unless an earlier report added them. */
export function finishReport(draft: ReportDraft, doc: ImportedDocument): void {
  const { report } = draft;
  for (const area of draft.areas.filter((a) => a.title === '')) {
    doc.needsReview.push({
      message: `An area of priority ${report.priorityNumber} (line ${area.lines[0]}) has no "What needs to improve" title. Add one.`,
      lines: [area.lines[0]!],
    });
  }
  report.areas = draft.areas.map((area) => ({
    title: area.title,
    progress: nestItems(area.entries.progress),
    nextPeriod: nestItems(area.entries.nextPeriod),
    lines: area.lines,
  }));
  doc.highlightReports.push(report);

  const existing = doc.priorities.find((p) => p.number === report.priorityNumber);
  const priority =
    existing ??
    emptyPriority(report.priorityNumber, report.priorityTitle, [], {
      ...(draft.ambition ? { ambition: draft.ambition } : {}),
      ...(report.sponsor ? { sponsor: report.sponsor } : {}),
    });
  if (existing) {
    doc.needsReview.push({
      message: `Priority ${report.priorityNumber} has more than one highlight report in the pack (line ${report.lines[0]}). Check they are not the same report.`,
      lines: [...existing.lines, report.lines[0]!],
    });
  } else doc.priorities.push(priority);
  priority.lines.push(report.lines[0]!);
  for (const area of report.areas) {
    if (!priority.areas.some((a) => a.title === area.title))
      priority.areas.push({ title: area.title, lines: [area.lines[0]!] });
  }
}
