/**
 * Reports to a council's Cabinet or a committee (seed 002). They open with a cover of labelled
 * fields ("Report to:", "Date:", "Subject:", "Financial Implications:" ...), written "Label<TAB>Value"
 * or "Label: Value", then numbered sections ("1. TITLE") of numbered paragraphs ("1.1 ...") with
 * bullets under them.
 *
 * - Cover fields become sections `cover.<label>`. A field runs on over TAB-indented lines and plain
 *   paragraphs until the next label, the lines of one field joined with "\n" as in a table cell.
 * - Numbered sections and paragraphs become `section.<n>` and `section.<n>.<m>`, with their bullets
 *   as items. A bullet after a page break still belongs to the paragraph above it.
 * - A line that does not finish its sentence carries on in the next plain line, across a page break.
 * - A paragraph that opens with words in bold names a theme of the consultation; the theme runs
 *   until the next one, as `theme.<slug>`. A paragraph ending "... the following key meetings:"
 *   lists the meetings that receive reports, as `meetings`. Themes, meetings and the contact read
 *   from "Access to Information" are views of lines that also belong to a numbered paragraph or a
 *   cover field, so they refer to the same lines.
 */
import { addSection, emptyDocument, LineLedger, listLines } from './ledger.ts';
import { cleanText, endsSentence, item, slugify, wordCount } from './prose.ts';
import {
  continueEntry,
  isBlank,
  nestItems,
  parseBullet,
  parseMarkdownHeading,
  splitNumberPrefix,
} from './text.ts';
import type { BulletEntry } from './text.ts';
import type { DocumentExtractor, ImportedDocument, ImportedSection, ListItem, SourceLine } from './types.ts';

export const cabinetReportExtractor: DocumentExtractor = {
  kind: 'cabinet-report',
  recognise,
  extract,
};

interface Paragraph {
  text: string;
  lines: number[];
}

interface Part {
  key: string;
  heading: string;
  paragraphs: Paragraph[];
  bullets: BulletEntry[];
  lines: number[];
  /** The bold words a numbered paragraph opens with, if any. */
  lead?: string;
  section?: ImportedSection;
}

// ---------------------------------------------------------------------------------------------
// Line shapes

interface Label {
  label: string;
  qualifier: string;
  value: string;
}

const labelPattern = /^([A-Za-z][A-Za-z0-9 '’/&,-]{0,60}?)\s*:\s*(\([^)]*\))?[ \t]*(.*)$/;
const tabLabelPattern = /^([A-Z][^\t:]{0,60}?)\t+(.+)$/;

/** "Report to:<TAB>Value", "Legal Implications: (Authorised by ...) Value", "Access to Information :". */
function readLabel(text: string): Label | undefined {
  const m = labelPattern.exec(text) ?? tabLabelPattern.exec(text);
  if (!m) return undefined;
  const label = m[1]!.trim();
  if (wordCount(label) > 8 || !/^[A-Z]|^e-?mail\b/i.test(label) || /[.!?]$/.test(label)) return undefined;
  if (m.length === 4) return { label, qualifier: m[2] ?? '', value: m[3]! };
  return { label, qualifier: '', value: m[2]! };
}

/** "## 1. TITLE", "1. TITLE" or "1 TITLE" in capitals: the start of numbered section 1. */
function readSectionHeading(text: string): { number: number; title: string } | undefined {
  const markdown = parseMarkdownHeading(text);
  if (markdown) {
    const numbered = splitNumberPrefix(markdown.text);
    return numbered ? { number: numbered.number, title: cleanText(numbered.text) } : undefined;
  }
  const m = /^(\d{1,2})\.?\s+([^a-z]*[A-Z][^a-z]*)$/.exec(cleanText(text));
  return m && wordCount(m[2]!) <= 12 ? { number: Number(m[1]), title: m[2]! } : undefined;
}

/** "- 1.1 Text", "1.1 Text" or "1.1. Text": numbered paragraph 1.1, with its raw text. */
function readNumberedParagraph(text: string): { section: number; number: number; raw: string } | undefined {
  const m = /^\s*(?:[-•*]\s+)?(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$/.exec(text);
  return m ? { section: Number(m[1]), number: Number(m[2]), raw: m[3]! } : undefined;
}

const boldLead = /^\s*(?:\*\*|__|<b>|<strong>)(.+?)(?:\*\*|__|<\/b>|<\/strong>)\s*[-–:,.]?\s*(.*)$/i;

// ---------------------------------------------------------------------------------------------
// Extract

function coverKey(label: string): string {
  const slug = slugify(label);
  if (/^e-?mail(?:-address)?$/.test(slug)) return 'email';
  if (/^(?:tel|telephone|phone)(?:-number)?$/.test(slug)) return 'telephone';
  return slug;
}

function extract(lines: SourceLine[]): ImportedDocument {
  const ledger = new LineLedger(lines);
  const doc = emptyDocument('cabinet-report', '');
  const parts: Part[] = [];
  let part: Part | undefined;
  let inBody = false;
  let gap = false;
  let lastWasBullet = false;

  for (const line of lines) {
    if (isBlank(line)) {
      gap = true;
      continue;
    }
    const heading = readSectionHeading(line.text);
    const numbered = heading ? undefined : readNumberedParagraph(line.text);
    const label = inBody || heading || numbered ? undefined : readLabel(line.text);
    if (heading) {
      inBody = true;
      part = {
        key: `section.${heading.number}`,
        heading: heading.title,
        paragraphs: [],
        bullets: [],
        lines: [line.number],
      };
      parts.push(part);
    } else if (numbered) {
      inBody = true;
      const lead = boldLead.exec(numbered.raw);
      const key = `section.${numbered.section}.${numbered.number}`;
      part = {
        key,
        heading: `${numbered.section}.${numbered.number}`,
        paragraphs: [],
        bullets: [],
        lines: [line.number],
      };
      if (lead) part.lead = cleanText(lead[1]!);
      part.paragraphs.push({ text: cleanText(numbered.raw), lines: [line.number] });
      parts.push(part);
    } else if (label) {
      const heading = `${label.label}${label.qualifier ? ` ${label.qualifier}` : ''}`;
      part = {
        key: `cover.${coverKey(label.label)}`,
        heading,
        paragraphs: [],
        bullets: [],
        lines: [line.number],
      };
      if (cleanText(label.value) !== '')
        part.paragraphs.push({ text: cleanText(label.value), lines: [line.number] });
      parts.push(part);
    } else if (part && parseBullet(line.text) && !/^\t/.test(line.text)) {
      part.bullets.push({ bullet: parseBullet(line.text)!, line: line.number, wrapped: [] });
      part.lines.push(line.number);
      lastWasBullet = true;
      gap = false;
      continue;
    } else if (part) {
      const text = cleanText(line.text);
      const previous = part.paragraphs[part.paragraphs.length - 1];
      const lastBullet = part.bullets[part.bullets.length - 1];
      if (lastWasBullet && lastBullet && !gap && /^[a-z]/.test(text)) {
        continueEntry(lastBullet, text, line.number);
      } else if (previous && !lastWasBullet && !/^\t/.test(line.text) && !endsSentence(previous.text)) {
        // The sentence runs on, often over a page break: "... additional capacity to" / "improve ...".
        previous.text = `${previous.text} ${text}`;
        previous.lines.push(line.number);
      } else {
        part.paragraphs.push({ text, lines: [line.number] });
      }
      part.lines.push(line.number);
    }
    lastWasBullet = false;
    gap = false;
  }

  for (const p of parts) {
    const items = cleanItems(nestItems(p.bullets));
    const joiner = p.key.startsWith('cover.') ? '\n' : '\n\n';
    p.section = {
      key: p.key,
      heading: p.heading,
      text: p.paragraphs.map((x) => x.text).join(joiner),
      items,
      lines: p.lines.filter((n) => !listLines(items).includes(n)),
    };
    addSection(doc, ledger, p.section);
  }
  addContact(doc, ledger, lines);
  addThemes(parts, doc, ledger);
  addMeetings(doc, ledger);
  doc.title =
    doc.sections.find((s) => s.key === 'cover.subject')?.text ??
    doc.sections.find((s) => /^section\.\d+$/.test(s.key))?.heading ??
    '';
  doc.unplaced = ledger.unplaced();
  return doc;
}

function cleanItems(items: ListItem[]): ListItem[] {
  return items.map((i) => item(cleanText(i.text), i.lines, cleanItems(i.children)));
}

/** The officer to contact, when "Access to Information" names them in a sentence ("... contacting the report writer James Smith:"). */
function addContact(doc: ImportedDocument, ledger: LineLedger, source: SourceLine[]): void {
  const access = doc.sections.find((s) => s.key === 'cover.access-to-information');
  if (!access) return;
  const contact =
    /\bcontact(?:ing)?\s+(?:the\s+)?(?:report\s+(?:writer|author)\s+|officer\s+|author\s+)?((?:[A-Z][\w'’-]+\s){1,3}[A-Z][\w'’-]+)\b/;
  for (const n of access.lines) {
    const name = contact.exec(cleanText(source.find((line) => line.number === n)?.text ?? ''))?.[1];
    if (!name) continue;
    addSection(doc, ledger, {
      key: 'cover.contact-name',
      heading: 'Contact name',
      text: name,
      items: [],
      lines: [n],
    });
    return;
  }
}

/** Bold lead words start a theme; the paragraphs after it, up to the next theme or section, belong to it. */
function addThemes(parts: Part[], doc: ImportedDocument, ledger: LineLedger): void {
  let theme: ImportedSection | undefined;
  let section = '';
  for (const p of parts) {
    const match = /^section\.(\d+)\.\d+$/.exec(p.key);
    if (!match || match[1] !== section) theme = undefined;
    if (!match) continue;
    section = match[1]!;
    const source = p.section!;
    if (p.lead) {
      const rest = source.text
        .slice(source.text.indexOf(p.lead) + p.lead.length)
        .replace(/^\s*[-–—:,.]?\s*/, '');
      theme = {
        key: `theme.${slugify(p.lead)}`,
        heading: p.lead,
        text: rest,
        items: [...source.items],
        lines: [...source.lines],
      };
      addSection(doc, ledger, theme);
    } else if (theme) {
      theme.text = `${theme.text}\n\n${source.text}`;
      theme.items.push(...source.items);
      theme.lines.push(...source.lines);
    }
  }
}

/** "... quarterly reports will be discussed at the following key meetings:" and its bullets. */
function addMeetings(doc: ImportedDocument, ledger: LineLedger): void {
  const source = doc.sections.find(
    (s) =>
      /^section\.\d+\.\d+$/.test(s.key) &&
      s.items.length > 0 &&
      /\b(?:meetings?|boards?|committees?|panels?)\s*:\s*$/i.test(s.text) &&
      /\b(?:report|update|progress|discuss)/i.test(s.text),
  );
  if (!source) return;
  const clause = source.text.replace(/:\s*$/, '').split(/,\s+/).pop()!.trim();
  const heading = clause.charAt(0).toUpperCase() + clause.slice(1);
  addSection(doc, ledger, {
    key: 'meetings',
    heading,
    text: '',
    items: source.items.map((i) => ({ ...i })),
    lines: [...source.lines],
  });
}

// ---------------------------------------------------------------------------------------------
// Recognise

const coverLabels = [
  /^report (?:to|of|author|title)\b/i,
  /^date\b/i,
  /^subject\b/i,
  /^(?:report )?summary\b|^purpose(?: of (?:the )?report)?\b/i,
  /^recommendations?\b/i,
  /^financial implications\b/i,
  /^legal implications\b/i,
  /^access to information\b|^background papers\b/i,
  /^(?:executive|cabinet|lead) member\b|^portfolio holder\b|^reporting officer\b|^(?:report|contact) officer\b/i,
  /^links to\b|^corporate (?:plan|priorities)\b|^wards? affected\b|^key decision\b/i,
  /^risk management\b|^equalit(?:y|ies) implications\b/i,
];

/**
 * A cover of the labels committee reports share, whatever their wording elsewhere, and numbered
 * paragraphs ("1.1") in the body.
 */
function recognise(lines: SourceLine[]): number {
  const found = new Set<number>();
  let numbered = 0;
  for (const line of lines) {
    const label = readLabel(line.text);
    if (label) {
      const i = coverLabels.findIndex((pattern) => pattern.test(label.label));
      if (i !== -1) found.add(i);
    }
    if (readNumberedParagraph(line.text)) numbered += 1;
  }
  const cover = Math.min(1, found.size / 6);
  return Math.min(1, cover * 0.8 + (numbered >= 3 ? 0.2 : 0));
}
