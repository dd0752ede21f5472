/**
 * Makes one record of a mapped kind from named fields (a table row's columns, a list item, a line
 * after its prefix) and places its lines. Fields a kind does not have are kept in its text where it
 * has some (so nothing written is lost) and otherwise stay with the record's lines only.
 */
import type { MappedRecordKind } from '../../domain/import-mapping.ts';
import type { ImportedCommitment, LineRefs, ListItem } from '../types.ts';
import type { DocumentBuilder } from './build.ts';

export type Fields = Partial<Record<string, string>>;

export interface RecordInput {
  kind: MappedRecordKind;
  fields: Fields;
  lines: LineRefs;
  /** Nested items (a list item's children), kept as part of the record's text. */
  children?: ListItem[];
  /** What the records sit under: a heading or the line that introduced the list. */
  context?: string;
  /** Lines of the fields by name, to place each where it went (all `lines` otherwise). */
  fieldLines?: Partial<Record<string, LineRefs>>;
}

const join = (...parts: (string | undefined)[]) => parts.filter((p) => p && p.trim()).join(' ');

function childText(children: ListItem[] | undefined): string {
  return (children ?? [])
    .flatMap((child) => [child.text, childText(child.children)])
    .filter(Boolean)
    .join(' ');
}

/** Returns false when the kind needs text and there is none, so the caller can keep the lines as text. */
export function makeRecord(b: DocumentBuilder, input: RecordInput): boolean {
  const { fields } = input;
  const lines = [...input.lines];
  const extra = childText(input.children);
  const field = `${input.kind}`;
  switch (input.kind) {
    case 'commitment': {
      const text = join(fields.text, fields.reference && !fields.text ? fields.reference : undefined, extra);
      if (!text) return false;
      const commitment: ImportedCommitment = { text, outcomes: [], lines };
      if (fields.reference && fields.text) commitment.reference = fields.reference;
      if (fields.owner) commitment.owner = fields.owner;
      if (fields.due) commitment.due = b.date(fields.due);
      if (fields.status) commitment.status = fields.status;
      if (fields.rag) commitment.rag = fields.rag;
      if (fields.progress) commitment.progress = fields.progress;
      if (fields.outcome)
        commitment.outcomes.push({ text: fields.outcome, lines: input.fieldLines?.outcome ?? lines });
      b.ensurePriority(input.context ?? '').commitments.push(commitment);
      b.place(lines, 'commitment', (more, n) => {
        commitment.progress = join(commitment.progress, more);
        commitment.lines.push(n);
      });
      return true;
    }
    case 'outcome': {
      const text = join(fields.text, extra);
      const priority = b.priority;
      const last = priority?.commitments[priority.commitments.length - 1];
      if (!text) return false;
      if (!last) return makeRecord(b, { ...input, kind: 'commitment' });
      last.outcomes.push({ text, lines });
      b.place(lines, 'outcome');
      return true;
    }
    case 'improvement-area':
    case 'recommendation': {
      const text = join(fields.text ?? fields.title, extra);
      if (!text) return false;
      const source =
        input.kind === 'recommendation'
          ? `Inspection recommendation${fields.number ? ` ${fields.number}` : ''}${b.doc.title ? `: ${b.doc.title}` : ''}`
          : undefined;
      if (input.kind === 'recommendation') {
        (b.doc.recommendations ??= []).push({
          ...(fields.number ? { number: fields.number } : {}),
          text,
          lines,
        });
      }
      if (b.report && input.kind === 'improvement-area') {
        b.report.areas.push({ title: text, progress: [], nextPeriod: [], lines });
      } else {
        const title =
          input.kind === 'recommendation'
            ? input.context || 'Inspection recommendations'
            : (input.context ?? '');
        b.ensurePriority(title).areas.push({ title: text, ...(source ? { source } : {}), lines });
      }
      b.place(lines, field);
      return true;
    }
    case 'decision': {
      const text = join(fields.text, extra);
      if (!text) return false;
      const decision = {
        text,
        ...(fields.reference ? { reference: fields.reference } : {}),
        ...(b.currentItem !== undefined ? { item: b.currentItem } : {}),
        lines,
      };
      b.ensureMeeting().decisions.push(decision);
      b.place(lines, 'decision', (more, n) => {
        decision.text = join(decision.text, more);
        decision.lines.push(n);
      });
      return true;
    }
    case 'action': {
      const text = join(fields.text, extra);
      if (!text) return false;
      const action = {
        description: text,
        ...(fields.owner ? { owner: fields.owner } : {}),
        ...(fields.due ? { due: b.date(fields.due) } : {}),
        ...(b.currentItem !== undefined ? { item: b.currentItem } : {}),
        lines,
      };
      b.ensureMeeting().actions.push(action);
      b.place(lines, 'action', (more, n) => {
        action.description = join(action.description, more);
        action.lines.push(n);
      });
      return true;
    }
    case 'feedback': {
      const said = join(fields.said ?? fields.text, extra);
      const open = b.doc.feedback[b.doc.feedback.length - 1];
      if (!said && fields.response && open && !open.response) {
        // An answer on its own line belongs to the question before it.
        open.response = fields.response;
        open.lines.push(...lines);
        b.place(lines, 'feedback.response');
        return true;
      }
      if (!said) return false;
      const feedback = {
        source: 'unknown' as const,
        said,
        ...(fields.response ? { response: fields.response } : {}),
        ...(fields.attribution ? { attribution: fields.attribution } : {}),
        lines: [...lines],
      };
      b.doc.feedback.push(feedback);
      b.place(lines, 'feedback', (more, n) => {
        if (feedback.response) feedback.response = join(feedback.response, more);
        else feedback.response = more;
        feedback.lines.push(n);
      });
      return true;
    }
    case 'judgement': {
      const area = fields.area ?? fields.text;
      if (!area) return false;
      (b.doc.judgements ??= []).push({ area, grade: fields.grade ?? '', lines });
      b.place(lines, 'judgement');
      return true;
    }
    case 'priority': {
      const title = join(fields.title ?? fields.text, extra);
      if (!title) return false;
      const number = b.nextPriorityNumber(Number(fields.number) || undefined);
      const priority = {
        number,
        title,
        ...(fields.owner ? { sponsor: fields.owner } : {}),
        impactForChildren: [],
        whatWeWillDo: [],
        areas: [],
        commitments: [],
        lines,
      };
      b.addPriority(priority);
      b.place(lines, 'priority');
      return true;
    }
    case 'meeting': {
      const title = join(fields.title ?? fields.text, extra);
      if (!title) return false;
      const meeting = { title, decisions: [], actions: [], lines };
      (b.doc.meetings ??= []).push(meeting);
      b.meeting = meeting;
      b.place(lines, 'meeting');
      return true;
    }
    case 'highlight-report': {
      const title = join(fields.title ?? fields.text, extra);
      if (!title) return false;
      b.report = undefined;
      b.ensureReport().priorityTitle = title;
      b.report!.lines.push(...lines);
      b.place(lines, 'highlight-report.priority');
      return true;
    }
    case 'section': {
      const text = join(fields.text ?? fields.heading, extra);
      if (!text) return false;
      b.addText(text, lines);
      return true;
    }
    case 'ignore':
      b.place(lines, 'ignored');
      return true;
  }
}
