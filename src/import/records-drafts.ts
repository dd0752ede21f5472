/* The records of an import being listed: each with the lines it read, its fields and its parent. */
import type { FieldValue, ImportRecord, RecordType } from './records.ts';

export interface Draft {
  type: RecordType;
  read: number[];
  fields: Record<string, FieldValue>;
  parent: Draft | null;
}

export class Drafts {
  private readonly list: Draft[] = [];
  private readonly byKey = new Map<string, Draft>();

  add(type: RecordType, read: number[], fields: Record<string, FieldValue>, parent: Draft | null): Draft {
    const draft: Draft = { type, read: [...read], fields, parent };
    this.list.push(draft);
    return draft;
  }

  /** The record already made under this key, given these lines too, or a new one. */
  once(key: string, read: number[], make: () => Draft): Draft {
    const known = this.byKey.get(key);
    if (known) {
      known.read.push(...read);
      return known;
    }
    const made = make();
    this.byKey.set(key, made);
    return made;
  }

  priority(plan: Draft | null, number: number, read: number[], fields: Record<string, FieldValue>): Draft {
    return this.once(`priority\u0000${number}`, read, () =>
      this.add('priority', read, { number, ...fields }, plan),
    );
  }

  area(priority: Draft, title: string, source: string | null, read: number[]): Draft {
    const number = String(priority.fields.number);
    return this.once(`area\u0000${number}\u0000${title.trim().toLowerCase()}`, read, () =>
      this.add('improvement-area', read, { title: title.trim(), source }, priority),
    );
  }

  /**
   * Gives each line to the first record (in the writer's order) that read it, then sorts by the
   * first line read. A record is never placed before the record it sits under.
   */
  inDocumentOrder(): ImportRecord[] {
    const owned = new Set<number>();
    const anchor = new Map<Draft, number>();
    const shaped = new Map<Draft, { lines: number[]; sharedLines: number[] }>();
    for (const draft of this.list) {
      const read = [...new Set(draft.read)].sort((a, b) => a - b);
      shaped.set(draft, {
        lines: read.filter((n) => !owned.has(n)),
        sharedLines: read.filter((n) => owned.has(n)),
      });
      for (const n of read) owned.add(n);
      const parentAnchor = draft.parent ? anchor.get(draft.parent)! : 0;
      anchor.set(draft, Math.max(read[0] ?? parentAnchor, parentAnchor));
    }
    const sorted = this.list
      .map((draft, i) => ({ draft, i }))
      .sort((a, b) => anchor.get(a.draft)! - anchor.get(b.draft)! || a.i - b.i)
      .map((x) => x.draft);
    const index = new Map(sorted.map((draft, i) => [draft, i]));
    return sorted.map((draft) => ({
      type: draft.type,
      ...shaped.get(draft)!,
      fields: draft.fields,
      parent: draft.parent ? index.get(draft.parent)! : null,
    }));
  }
}
