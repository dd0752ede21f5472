/*
 * A publication as the public pages show it. The child-friendly version (the easy read) prefers
 * each text's plain version, shows a reading age beside every text, explains the words of
 * children's services where they first appear and gives each priority a picture; both spell out
 * acronyms on first use.
 */
import type { Publication } from '../../db/publishing/queries.ts';
import type { PublishedPlan } from '../../domain/publishing/snapshot.ts';
import { formatDate, formatMonth } from '../../domain/format.ts';
import { easyReadWords } from '../../domain/publishing/easy-read-words.ts';
import { PageText, type ShownText } from '../../domain/publishing/public-text.ts';
import { priorityPicture } from './priority-pictures.ts';

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
  const page = new PageText(glossaryOf(plan), plan.targetReadingAge, childFriendly ? easyReadWords : []);
  const pick = (original: string, plain: string): ShownText =>
    page.show(childFriendly && plain.trim() !== '' ? plain : original);
  // The full version's progress table comes first on the page, so the titles there spell acronyms
  // out; the easy read tells the progress in words under each priority instead.
  const tableTitles = plan.priorities.map((p) => (childFriendly ? '' : page.expand(p.title)));
  const priorities = plan.priorities.map((p, index) => ({
    number: p.number,
    tableTitle: tableTitles[index]!,
    id: `priority-${p.number}`,
    title: pick(p.title, p.plainTitle),
    picture: priorityPicture(p.plainTitle.trim() || p.title),
    ambition: childFriendly || !p.ambition ? null : page.show(p.ambition),
    sponsor: p.sponsor,
    progress: p.progress,
    commitments: p.commitments.map((c) => ({
      reference: c.reference,
      said: pick(c.text, c.plainText),
      status: c.status,
      statusText: statusWords[c.status] ?? c.status,
      dueOn: c.dueOn ? formatDate(c.dueOn) : '',
      frameworkOutcome: c.frameworkOutcome ?? null,
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
    /** "September 2024": the month the quarter ends, as the easy read says it. */
    upTo: formatMonth(plan.quarter.end),
    publicationId: publication.id,
    targetReadingAge: plan.targetReadingAge,
    progress: plan.progress,
    priorities,
    hardToRead: texts.filter((t) => t.aboveTarget).length,
    textCount: texts.length,
  };
}
