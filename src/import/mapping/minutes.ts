/**
 * Minutes (a mapping with a `minutes` rule): a board or committee meeting's record. Who attended
 * comes from the attendance labels ("Present:", "Apologies:"); a heading or numbered line ("18
 * Updated improvement plan") starts an agenda item; paragraphs and lists no other rule claims are
 * the discussion of the item they sit under; decisions and actions are made under that item.
 */
import type { StructureBlock } from '../../domain/document-structure.ts';
import { normaliseForMatch, pattern, type MinutesRule } from '../../domain/import-mapping.ts';
import { splitAttendees } from '../../domain/meetings/attendees.ts';
import type { ImportedAgendaItem, ImportedMeeting, LineRefs, ListItem } from '../types.ts';
import { flatItems } from './text-of.ts';
import type { UnclaimedText, WalkState } from './walk-state.ts';

/** "18 Updated Children's Social Care Improvement Plan pdf icon PDF 61 KB": an agenda item's line. */
const numberedItem = /^(\d{1,3}(?:\.\d{1,2})?)\.?\s+([A-Z].{2,150})$/;
/** What a council's web page adds to an item's title: its report's link. */
const linkFurniture = /\s+pdf icon\s+PDF\s+[\d.]+\s*[KM]B\s*$/i;

/** "Minutes of the Improvement Board, 14 January 2025": a title that names the meeting, not an item. */
const meetingTitle = /^(?:draft\s+)?(?:minutes|notes)\s+of\b/i;
const dateIn = /\b(\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{2,4})\b/;

export function startMinutes(w: WalkState, _blocks: readonly StructureBlock[]): void {
  if (!w.mapping.minutes) return;
  const b = w.b;
  const meeting = b.ensureMeeting();
  meeting.items ??= [];
  meeting.attendees ??= [];
  const named = dateIn.exec(b.doc.title);
  const ofMeeting = meetingTitle.test(b.doc.title) || named !== null;
  if (named && !meeting.date) meeting.date = b.date(named[1]!);
  if (ofMeeting) meeting.lines.push(...b.titleTextLines);
  w.unclaimed = new MinutesText(w, w.mapping.minutes, meeting, ofMeeting);
}

class MinutesText implements UnclaimedText {
  /** A lettered point's marker ("a)") written on a line of its own, waiting for its text. */
  private marker = '';

  constructor(
    private readonly w: WalkState,
    private readonly rule: MinutesRule,
    private readonly meeting: ImportedMeeting,
    /** The title names the meeting; otherwise it is the first item's (a council's page is one item). */
    private readonly titleOfMeeting: boolean,
  ) {}

  /** An attendance or furniture label of minutes; true when it was taken. */
  label(label: string, value: string, lines: LineRefs): boolean {
    const norm = normaliseForMatch(label);
    const list = this.rule.attendance.find((a) => a.labels.some((l) => pattern(l) === norm));
    if (list) {
      this.attendees(label, value, list.attendance, lines);
      return true;
    }
    if (!this.rule.furniture.some((f) => pattern(f) === norm)) return false;
    if (value) this.text(value, lines);
    else this.furniture(lines);
    return true;
  }

  private get agenda(): ImportedAgendaItem[] {
    return (this.meeting.items ??= []);
  }

  /** The item being minuted: the first is the document's own title (a council's page is one item). */
  private current(): ImportedAgendaItem {
    const last = this.agenda[this.agenda.length - 1];
    if (last) return last;
    const b = this.w.b;
    if (this.titleOfMeeting) return this.start('Minutes', []);
    // A council's page runs its title into "Minutes:" ("... Q3 Improvement Update Minutes:").
    const title = b.doc.title.replace(/\s*minutes:?$/i, '').trim();
    return this.start(title || 'Minutes', [...b.titleTextLines]);
  }

  private start(title: string, lines: LineRefs, reference?: string): ImportedAgendaItem {
    const item: ImportedAgendaItem = {
      title,
      discussion: '',
      lines: [...lines],
      ...(reference ? { reference } : {}),
    };
    this.agenda.push(item);
    this.w.b.currentItem = this.agenda.length - 1;
    this.w.b.place(lines, 'agenda-item');
    return item;
  }

  private discuss(item: ImportedAgendaItem, text: string, lines: LineRefs): void {
    item.discussion = item.discussion ? `${item.discussion}\n\n${text}` : text;
    item.lines.push(...lines);
    this.w.b.place(lines, 'agenda-item.discussion', (more, n) => this.discuss(item, more, [n]));
  }

  private furniture(lines: LineRefs): void {
    const item = this.current();
    item.lines.push(...lines);
    this.w.b.place(lines, 'agenda-item');
  }

  text(raw: string, lines: LineRefs): boolean {
    // A table flattened to text leaves its cell borders ("|") on lines of their own.
    const text = raw.replace(/^\|\s*|\s*\|$/g, '').trim();
    if (!text || /^\|+$/.test(text)) {
      this.furniture(lines);
      return true;
    }
    if (/^\(?[a-z0-9]{1,3}[.)]$/i.test(text)) {
      this.marker = text;
      this.furniture(lines);
      return true;
    }
    if (this.numbered(text, lines)) return true;
    const said = this.marker ? `${this.marker} ${text}` : text;
    this.marker = '';
    this.discuss(this.current(), said, lines);
    return true;
  }

  items(list: ListItem[]): boolean {
    for (const item of flatItems(list)) this.text(item.text ? `• ${item.text}` : '', item.lines);
    return true;
  }

  heading(text: string, lines: LineRefs, numbering?: string): boolean {
    if (this.numbered(numbering ? `${numbering.replace(/\.$/, '')} ${text}` : text, lines)) return true;
    const item = this.current();
    // "Report of the Head of Children's Social Care" under an item not yet minuted belongs to it.
    if (item && !item.discussion) this.discuss(item, text, lines);
    else this.start(text, lines);
    return true;
  }

  /** A numbered line starts an item, or numbers the item not yet minuted. */
  private numbered(text: string, lines: LineRefs): boolean {
    const found = numberedItem.exec(text);
    if (!found || /[.;:,]$/.test(text)) return false;
    const reference = found[1]!;
    const title = found[2]!.replace(linkFurniture, '').trim();
    const item =
      this.agenda[this.agenda.length - 1] ?? (this.agenda.length === 0 ? this.current() : undefined);
    if (item && !item.discussion && !item.reference) {
      item.reference = reference;
      if (item.title === 'Minutes') item.title = title;
      this.furniture(lines);
      return true;
    }
    this.start(title, lines, reference);
    return true;
  }

  private attendees(
    label: string,
    value: string,
    attendance: 'present' | 'apologies',
    lines: LineRefs,
  ): void {
    const list = (this.meeting.attendees ??= []);
    for (const person of splitAttendees(value))
      list.push({ ...person, attendance, list: label.trim(), lines: [...lines] });
    this.meeting.lines.push(...lines);
    this.w.b.place(lines, 'attendee');
  }
}
