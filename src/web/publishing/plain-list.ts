import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { listPriorities } from '../../db/plan/queries.ts';
import { getSettings, listGlossary, toGlossary } from '../../db/publishing/settings.ts';
import { commitments, outcomes } from '../../db/schema.ts';
import { findUnknownAcronyms } from '../../domain/glossary.ts';
import { readability } from '../../domain/readability.ts';

export interface PlainText {
  recordType: 'priority' | 'commitment' | 'outcome';
  recordId: number;
  label: string;
  original: string;
  plain: string;
  originalAge: number | null;
  plainAge: number | null;
  /** The text a child would read is above the council's target. */
  aboveTarget: boolean;
}

const age = (text: string) => {
  const score = readability(text).readingAge;
  return score === null ? null : Math.max(5, Math.round(score));
};

/**
 * Every public text of a plan with its plain version and reading ages: the programme office's list
 * of what still needs a plain version and what reads above the council's target.
 */
export async function plainLanguageList(db: Db, organisationId: number, planId: number) {
  const settings = await getSettings(db, organisationId);
  const target = settings.targetReadingAge;
  const priorities = await listPriorities(db, planId);
  const cs = priorities.length
    ? await db
        .select()
        .from(commitments)
        .where(
          inArray(
            commitments.priorityId,
            priorities.map((p) => p.id),
          ),
        )
        .orderBy(asc(commitments.position), asc(commitments.id))
    : [];
  const os = cs.length
    ? await db
        .select()
        .from(outcomes)
        .where(
          inArray(
            outcomes.commitmentId,
            cs.map((c) => c.id),
          ),
        )
        .orderBy(asc(outcomes.position), asc(outcomes.id))
    : [];
  const item = (
    recordType: PlainText['recordType'],
    recordId: number,
    label: string,
    original: string,
    plain: string,
  ): PlainText => {
    const originalAge = age(original);
    const plainAge = plain.trim() ? age(plain) : null;
    const shown = plain.trim() ? plainAge : originalAge;
    return {
      recordType,
      recordId,
      label,
      original,
      plain,
      originalAge,
      plainAge,
      aboveTarget: shown !== null && shown > target,
    };
  };
  const texts: PlainText[] = [];
  for (const p of priorities) {
    texts.push(item('priority', p.id, `Priority ${p.number}`, p.title, p.plainTitle));
    for (const [i, c] of cs.filter((c) => c.priorityId === p.id).entries()) {
      texts.push(item('commitment', c.id, `We said ${p.number}.${i + 1}`, c.text, c.plainText));
      for (const o of os.filter((o) => o.commitmentId === c.id))
        texts.push(item('outcome', o.id, `We did ${p.number}.${i + 1}`, o.text, o.plainText));
    }
  }
  const glossary = toGlossary(await listGlossary(db, organisationId));
  const unknownAcronyms = findUnknownAcronyms(
    texts.map((t) => `${t.original}\n\n${t.plain}`).join('\n\n'),
    glossary,
  );
  return {
    planId,
    target,
    texts,
    missing: texts.filter((t) => t.plain.trim() === ''),
    aboveTarget: texts.filter((t) => t.aboveTarget),
    unknownAcronyms,
  };
}
