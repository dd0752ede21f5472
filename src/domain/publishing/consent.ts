/*
 * What of a "You said, We did" item may be published: nothing without consent, and only the wording
 * a person approved (see wording-check.ts for the suggestions they resolve first). The name it was
 * signed with is shown only when consent covers names.
 */

import { consentCoversPublishing } from '../workflows/publication.ts';
import type { Consent } from './feedback.ts';

export type { Consent };

export interface FeedbackForPublishing {
  status: string;
  consent: Consent;
  attribution: string;
  approvedWording: string | null;
  approvedResponse: string | null;
  approvedAt: Date | string | null;
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

/**
 * What the public page shows: the wording a person approved, never the words as sent, and nothing
 * at all until it is approved. There is no automatic name removal: the approver is the safeguard.
 */
export function publicWords(item: FeedbackForPublishing): PublicFeedbackWords | null {
  if (item.status !== 'published' || !mayPublish(item)) return null;
  if (item.approvedWording === null || item.approvedAt === null) return null;
  return {
    said: item.approvedWording,
    response: item.approvedResponse ?? '',
    attribution: item.consent === 'named' ? item.attribution : '',
  };
}
