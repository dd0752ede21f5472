/*
 * What of a "You said, We did" item may be published. Nothing is shown without consent; with
 * consent to publish anonymously, the name it was signed with and any names in the words are taken
 * out. A person's own public wording wins over the automatic removal, which only catches what it
 * can recognise and therefore errs towards removing too much.
 */

import { consentCoversPublishing } from '../workflows/publication.ts';
import type { Consent } from './feedback.ts';

export type { Consent };

export interface FeedbackForPublishing {
  status: string;
  consent: Consent;
  said: string;
  publicWording: string;
  response: string;
  attribution: string;
}

export interface PublicFeedbackWords {
  said: string;
  response: string;
  /** Only when consent covers names. */
  attribution: string;
}

export function mayPublish(item: Pick<FeedbackForPublishing, 'consent'>): boolean {
  return consentCoversPublishing(item);
}

export function publicWords(item: FeedbackForPublishing): PublicFeedbackWords | null {
  if (item.status !== 'published' || !mayPublish(item)) return null;
  if (item.consent === 'named')
    return { said: item.publicWording || item.said, response: item.response, attribution: item.attribution };
  const said =
    item.publicWording.trim() !== '' ? item.publicWording : removeNames(item.said, item.attribution);
  return { said, response: removeNames(item.response, item.attribution), attribution: '' };
}

export const nameRemoved = '[name removed]';

/*
 * Ordinary words that start sentences in feedback ("Since", "Thank", "My"). A capitalised word at
 * the start of a sentence that is not one of these may be a name ("Aisha has been…") and is removed.
 */
const commonWords = new Set(
  `a about after all also always an and any are as at be because been before being best but by can could did do does
  during each even every everyone everything for from good great had has have having he her here hers him his how i if
  in into is it its just keep kind lots made make many me more most much my never no not now of on once one only or our
  out over please really she since so social some staff still such support thank thanks that the their them then there
  these they this those through thanks to today too training very was we well were what when where which while who why
  will with without would yes you your yours lockdown`.split(/\s+/),
);

/* Words that are capitalised without being anyone's name. */
const notNames = new Set(
  `I I'm I’m I've I’ve I'd I’d I'll I’ll Mr Mrs Ms Miss Dr Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
  February March April May June July August September October November December Christmas Easter England English
  Council Ofsted Covid COVID`.split(/\s+/),
);

/** Takes out words that look like names, and every word of the signature. */
export function removeNames(text: string, attribution = ''): string {
  const signed = new Set(
    attribution.split(/[^\p{L}'’-]+/u).filter((w) => /^\p{Lu}/u.test(w) && w.length > 1 && !notNames.has(w)),
  );
  const word = /[\p{L}][\p{L}'’-]*/gu;
  let out = '';
  let last = 0;
  for (const match of text.matchAll(word)) {
    const w = match[0];
    const start = match.index;
    const gap = text.slice(last, start);
    const sentenceStart = /(^|[.!?\n]["'”’)]*)\s*$/.test(text.slice(0, start));
    const bare = w.replace(/['’]s$/, '');
    const capitalised = /^\p{Lu}\p{Ll}/u.test(bare);
    const isName =
      signed.has(bare) ||
      (capitalised && !notNames.has(bare) && (!sentenceStart || !commonWords.has(bare.toLowerCase())));
    // "Natalie Smith" is one name: runs of removed words separated only by spaces become one marker.
    if (isName && out.endsWith(nameRemoved) && /^[ \t]+$/.test(gap)) {
      last = start + w.length;
      continue;
    }
    out += gap + (isName ? nameRemoved : w);
    last = start + w.length;
  }
  return out + text.slice(last);
}
