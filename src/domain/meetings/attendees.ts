/*
 * Who minutes list as present or sending apologies, read from the list as written: "A Smith
 * (Chair), B Jones (DCS)", "A Smith – Chair; B Jones – DCS", or a table flattened to one run of
 * names and roles ("Linda Clegg Chair of the Improvement Board Prof. Maggie Atkinson Chair – WSCB").
 * Pure; the role a person is given on the meeting's record is guessed from the role as written.
 */
import type { AttendeeRole } from './vocabulary.ts';

export interface ListedAttendee {
  name: string;
  role?: string;
}

const titles = new Set([
  'cllr',
  'councillor',
  'prof',
  'prof.',
  'dr',
  'dr.',
  'dci',
  'di',
  'supt',
  'mr',
  'mrs',
  'ms',
  'miss',
]);

/** Words that begin a role: a run of names ends where one of them starts. */
const roleWords = new Set(
  'chair vice chair director deputy assistant head manager officer leader chief associate principal cabinet representative social senior lead member executive interim designated strategic service corporate independent headteacher superintendent detective dcs dfe slip adviser advisor consultant partner commissioner governor performance'.split(
    ' ',
  ),
);

/** Words of organisations and services, never the start of a name. */
const placeWords = new Set(
  'improvement practice services service board council group party safety quality families children nursing therapies trust partnership support modernisation investigations prevention help early team police health education safeguarding special primary secondary school schools association consultative care nhs ccg wscb lscb the of and for'.split(
    ' ',
  ),
);

const isName = (word: string) =>
  /^[A-Z][a-z'’-]+$/.test(word) && !roleWords.has(word.toLowerCase()) && !placeWords.has(word.toLowerCase());
const isRole = (word: string | undefined) =>
  word !== undefined && roleWords.has(word.toLowerCase().replace(/[^a-z]/g, ''));
const isTitle = (word: string | undefined) => word !== undefined && titles.has(word.toLowerCase());

/** Splits a list of attendees as written into names and roles. */
export function splitAttendees(text: string): ListedAttendee[] {
  const clean = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;,]$/, '');
  if (!clean) return [];
  let parts: string[];
  if (clean.includes(';')) parts = clean.split(';');
  else if (/\([^)]*\)/.test(clean)) parts = splitOutside(clean, ',');
  else if (clean.includes(',') && clean.split(',').every((p) => p.trim().split(' ').length <= 5))
    parts = clean.split(/,|\band\b/);
  else parts = runTogether(clean);
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map(oneAttendee);
}

function oneAttendee(part: string): ListedAttendee {
  const bracket = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(part);
  if (bracket && bracket[1]) return { name: bracket[1].trim(), role: bracket[2]!.trim() };
  const words = part.split(' ');
  const at = words.findIndex((w, k) => k > 0 && isRole(w));
  if (at > 0 && at <= 4)
    return {
      name: words
        .slice(0, at)
        .join(' ')
        .replace(/[\s,–-]+$/, ''),
      role: words.slice(at).join(' '),
    };
  const dash = /^(.*?)\s+[–-]\s+(.+)$/.exec(part);
  if (dash && dash[1]!.split(' ').length <= 4) return { name: dash[1]!.trim(), role: dash[2]!.trim() };
  const comma = /^([^,]+),\s*(.+)$/.exec(part);
  if (comma && comma[1]!.split(' ').length <= 4) return { name: comma[1]!.trim(), role: comma[2]!.trim() };
  return { name: part };
}

function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < text.length; k++) {
    if (text[k] === '(') depth += 1;
    else if (text[k] === ')') depth = Math.max(0, depth - 1);
    else if (text[k] === separator && depth === 0) {
      parts.push(text.slice(start, k));
      start = k + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** A flattened table of names and roles: a person starts at a title, or at a name just before a role. */
function runTogether(text: string): string[] {
  const words = text.split(' ');
  const starts = [0];
  for (let k = 1; k < words.length; k++) {
    const last = starts[starts.length - 1]!;
    if (k - last < 2) continue;
    if (isTitle(words[k]) && !isTitle(words[k - 1])) {
      starts.push(k);
      continue;
    }
    if (isTitle(words[k - 1])) continue;
    const two = isName(words[k]!) && isName(words[k + 1] ?? '') && isRole(words[k + 2]);
    const one = isName(words[k]!) && isRole(words[k + 1]) && !isName(words[k - 1]!);
    if (two || one) starts.push(k);
  }
  return starts.map((s, i) => words.slice(s, starts[i + 1] ?? words.length).join(' '));
}

/** The role a person has on the meeting's record, from their role as written. */
export function attendeeRoleOf(name: string, role = ''): AttendeeRole {
  const text = `${name} ${role}`;
  if (/independent chair|chair of the (children'?s )?improvement board/i.test(text))
    return 'independent-chair';
  if (/\bDfE\b|department for education/i.test(text)) return 'dfe-adviser';
  if (/\bSLIP\b|sector[- ]led improvement/i.test(text)) return 'slip-partner';
  if (/^(cllr|councillor)\b/i.test(name) || /cabinet member|lead member/i.test(role)) return 'lead-member';
  if (
    /\b(NHS|CCG|ICB|police|DCI|trust|headteacher|head teacher|school|nursing|health|WSCB|LSCB|partnership)\b/i.test(
      text,
    )
  )
    return 'partner';
  return 'officer';
}
