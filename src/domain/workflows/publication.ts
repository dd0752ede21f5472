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

/* Quarterly publications: written once and never changed, so a quarter of a plan is published once. */

export type QuarterState = 'unpublished' | 'published';

export function quarterState(
  published: readonly { planId: number; quarterStart: string }[],
  planId: number,
  quarterStart: string,
): QuarterState {
  return published.some((p) => p.planId === planId && p.quarterStart === quarterStart)
    ? 'published'
    : 'unpublished';
}
