/*
 * A publication as the public pages show it. The child-friendly version prefers each text's plain
 * version and shows a reading age beside every text; both spell out acronyms on first use.
 */
import type { Publication } from '../../db/publishing/queries.ts';
import type { PublishedPlan } from '../../domain/publishing/snapshot.ts';
import { formatDate } from '../../domain/format.ts';
import { PageText, type ShownText } from '../../domain/publishing/public-text.ts';

export const statusWords: Record<string, string> = {
  done: 'Done',
  'in-progress': 'In progress',
  'not-started': 'Not started yet',
  dropped: 'No longer planned',
};

export function glossaryOf(plan: PublishedPlan) {
  return plan.glossary.map((e) => ({ ...e, confirmed: true }));
}

export function planView(publication: Publication, childFriendly: boolean) {
  const plan = publication.plan;
  const page = new PageText(glossaryOf(plan), plan.targetReadingAge);
  const pick = (original: string, plain: string): ShownText =>
    page.show(childFriendly && plain.trim() !== '' ? plain : original);
  // The progress table comes first on the page, so the titles there spell acronyms out.
  const tableTitles = plan.priorities.map((p) =>
    page.expand(childFriendly && p.plainTitle.trim() !== '' ? p.plainTitle : p.title),
  );
  const priorities = plan.priorities.map((p, index) => ({
    number: p.number,
    tableTitle: tableTitles[index]!,
    id: `priority-${p.number}`,
    title: pick(p.title, p.plainTitle),
    ambition: childFriendly || !p.ambition ? null : page.show(p.ambition),
    sponsor: p.sponsor,
    progress: p.progress,
    commitments: p.commitments.map((c) => ({
      reference: c.reference,
      said: pick(c.text, c.plainText),
      status: c.status,
      statusText: statusWords[c.status] ?? c.status,
      dueOn: c.dueOn ? formatDate(c.dueOn) : '',
      outcomes: c.outcomes.map((o) => ({
        did: pick(o.text, o.plainText),
        achievedOn: o.achievedOn ? formatDate(o.achievedOn) : '',
      })),
    })),
  }));
  const texts = priorities.flatMap((p) => [
    p.title,
    ...p.commitments.flatMap((c) => [c.said, ...c.outcomes.map((o) => o.did)]),
  ]);
  return {
    council: plan.council,
    planTitle: plan.plan.title,
    period: plan.plan.period,
    quarter: plan.quarter.label,
    publishedOn: formatDate(publication.publishedAt),
    publicationId: publication.id,
    targetReadingAge: plan.targetReadingAge,
    progress: plan.progress,
    priorities,
    hardToRead: texts.filter((t) => t.aboveTarget).length,
    textCount: texts.length,
  };
}
