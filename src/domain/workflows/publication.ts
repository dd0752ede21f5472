/*
 * Publication states, stated once: the "You said, We did" workflow (draft → approved → published,
 * and off the public page again), when a consultation takes responses, and that a quarter of a
 * plan is published once. The commands enforce these, the routes check them, and the pages draw
 * their buttons from them.
 */
import type { Action } from '../policies.ts';

export const feedbackStatuses = ['draft', 'approved', 'published'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

export const feedbackStatusNames: Record<FeedbackStatus, string> = {
  draft: 'Draft',
  approved: 'Approved',
  published: 'Published',
};

export interface FeedbackTransition {
  name: 'approve' | 'publish' | 'withdraw';
  from: readonly FeedbackStatus[];
  to: FeedbackStatus;
  /** What the person must be allowed to do to a publication. */
  action: Action;
  /** The button's words. */
  text: string;
  /** Only with their consent to publishing (checked at the moment of publishing). */
  needsConsent: boolean;
}

/** Every move an item may make; anything else (published → approved, a status to itself) is refused. */
export const feedbackTransitions: readonly FeedbackTransition[] = [
  // Approving is done on the approval page, which checks the public wording (feedbackApproval).
  { name: 'approve', from: ['draft'], to: 'approved', action: 'edit', text: 'Approve', needsConsent: false },
  {
    name: 'publish',
    // Only what a person approved: the public page shows the approved wording and nothing else.
    from: ['approved'],
    to: 'published',
    action: 'publish',
    text: 'Publish',
    needsConsent: true,
  },
  {
    name: 'withdraw',
    from: ['published'],
    to: 'draft',
    action: 'publish',
    text: 'Take off the public page',
    needsConsent: false,
  },
];

export function isFeedbackStatus(value: unknown): value is FeedbackStatus {
  return (feedbackStatuses as readonly unknown[]).includes(value);
}

export function feedbackTransition(from: FeedbackStatus, to: FeedbackStatus): FeedbackTransition | null {
  return feedbackTransitions.find((t) => t.to === to && t.from.includes(from)) ?? null;
}

/** Consent to publish covers publishing with or without their name. */
export function consentCoversPublishing(item: { consent: string }): boolean {
  return item.consent === 'anonymous' || item.consent === 'named';
}

export type FeedbackMove =
  { ok: true; transition: FeedbackTransition } | { ok: false; problem: 'not-allowed' | 'no-consent' };

/** Whether an item in its current state may move to `to`, and by which transition. */
export function checkFeedbackMove(
  item: { status: FeedbackStatus; consent: string },
  to: FeedbackStatus,
): FeedbackMove {
  const transition = feedbackTransition(item.status, to);
  if (!transition) return { ok: false, problem: 'not-allowed' };
  if (transition.needsConsent && !consentCoversPublishing(item)) return { ok: false, problem: 'no-consent' };
  return { ok: true, transition };
}

/** The buttons an item's page shows: the moves open to it that this person may make. */
export function feedbackActions(
  item: { status: FeedbackStatus; consent: string },
  may: (action: Action) => boolean,
): FeedbackTransition[] {
  return feedbackTransitions.filter(
    (t) =>
      t.name !== 'approve' &&
      t.from.includes(item.status) &&
      may(t.action) &&
      (!t.needsConsent || consentCoversPublishing(item)),
  );
}

/** What a move needs the person to be allowed, so a route can authorise before anything else. */
export function feedbackMoveAction(from: FeedbackStatus, to: FeedbackStatus): Action {
  return (
    feedbackTransition(from, to)?.action ?? (to === 'published' || from === 'published' ? 'publish' : 'edit')
  );
}

/* Consultations: a draft is not shown; an open one takes responses until the end of its closing day. */

export const consultationStatuses = ['draft', 'open'] as const;
export type ConsultationStatus = (typeof consultationStatuses)[number];
export type ConsultationState = ConsultationStatus | 'closed';

export function consultationState(
  consultation: { status: ConsultationStatus; closesOn: string },
  today: string,
): ConsultationState {
  if (consultation.status === 'draft') return 'draft';
  return consultation.closesOn < today ? 'closed' : 'open';
}

export function takesResponses(
  consultation: { status: ConsultationStatus; closesOn: string },
  today: string,
): boolean {
  return consultationState(consultation, today) === 'open';
}

/*
 * Quarterly publications. Each is frozen once written. A quarter of a plan is published once; to
 * change what the public reads, the person publishes a correction, with a reason, as the next
 * version: the earlier versions stay readable. A publication can be withdrawn, with a public reason,
 * which the public page and the feed then show. Only the latest version of a quarter is withdrawn
 * (an earlier one is already replaced) and a withdrawn one stays withdrawn.
 */

export interface QuarterVersion {
  id: number;
  planId: number;
  quarterStart: string;
  version: number;
  withdrawnAt: Date | null;
}

export type QuarterState = 'unpublished' | 'published' | 'withdrawn';

/** The latest version of a plan's quarter, or null. */
export function latestVersion<T extends QuarterVersion>(
  published: readonly T[],
  planId: number,
  quarterStart: string,
): T | null {
  let latest: T | null = null;
  for (const p of published)
    if (p.planId === planId && p.quarterStart === quarterStart && (!latest || p.version > latest.version))
      latest = p;
  return latest;
}

export function quarterState(
  published: readonly QuarterVersion[],
  planId: number,
  quarterStart: string,
): QuarterState {
  const latest = latestVersion(published, planId, quarterStart);
  if (!latest) return 'unpublished';
  return latest.withdrawnAt ? 'withdrawn' : 'published';
}

export type PublishCheck =
  | { ok: true; version: number; correction: boolean }
  | { ok: false; problem: 'already-published' | 'nothing-to-correct' | 'reason-needed' };

/**
 * Whether a quarter may be published now: the first version when it never was; otherwise only as
 * a correction with a reason (also after a withdrawal, so the public record says why it came back).
 */
export function checkPublish(
  published: readonly QuarterVersion[],
  planId: number,
  quarterStart: string,
  request: { correction: boolean; reason: string },
): PublishCheck {
  const latest = latestVersion(published, planId, quarterStart);
  if (!latest)
    return request.correction
      ? { ok: false, problem: 'nothing-to-correct' }
      : { ok: true, version: 1, correction: false };
  if (!request.correction) return { ok: false, problem: 'already-published' };
  if (request.reason.trim() === '') return { ok: false, problem: 'reason-needed' };
  return { ok: true, version: latest.version + 1, correction: true };
}

export type WithdrawCheck =
  { ok: true } | { ok: false; problem: 'already-withdrawn' | 'replaced' | 'reason-needed' };

/** Whether this publication may be withdrawn with this reason. */
export function checkWithdraw(
  publication: QuarterVersion,
  published: readonly QuarterVersion[],
  reason: string,
): WithdrawCheck {
  if (publication.withdrawnAt) return { ok: false, problem: 'already-withdrawn' };
  const latest = latestVersion(published, publication.planId, publication.quarterStart);
  if (latest && latest.id !== publication.id) return { ok: false, problem: 'replaced' };
  if (reason.trim() === '') return { ok: false, problem: 'reason-needed' };
  return { ok: true };
}
