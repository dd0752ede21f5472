/*
 * The vocabulary of "You said, We did" and of consultation responses, with the words for each
 * code, stated once: the schema, the forms, the programme office and the public pages all read it.
 */

/** Who said it: the feedback's source, and (with "prefer not to say") who sent a consultation response. */
export const feedbackSources = [
  'staff',
  'partner',
  'child-or-young-person',
  'parent-or-carer',
  'foster-carer',
  'unknown',
] as const;
export type FeedbackSource = (typeof feedbackSources)[number];

export const feedbackKinds = ['you-said-we-did', 'compliment', 'quote'] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];

export const consents = ['not-asked', 'none', 'anonymous', 'named'] as const;
export type Consent = (typeof consents)[number];

/** Who a consultation response is from, as stored: any source, or that they preferred not to say. */
export const respondents = [...feedbackSources, 'prefer-not-to-say'] as const;
export type Respondent = (typeof respondents)[number];

/** The choices the public form offers: "not known" is not something a person says of themselves. */
export const respondentChoices = respondents.filter(
  (s): s is Exclude<Respondent, 'unknown'> => s !== 'unknown',
);

export const feedbackSourceNames: Record<Respondent, string> = {
  staff: 'Staff',
  partner: 'Partner',
  'child-or-young-person': 'Child or young person',
  'parent-or-carer': 'Parent or carer',
  'foster-carer': 'Foster carer',
  unknown: 'Not known',
  'prefer-not-to-say': 'Preferred not to say',
};

export const feedbackKindNames: Record<FeedbackKind, string> = {
  'you-said-we-did': 'You said, We did',
  compliment: 'Compliment or comment',
  quote: 'Quote',
};

export const consentNames: Record<Consent, string> = {
  'not-asked': 'Not asked yet',
  none: 'Did not agree to publishing',
  anonymous: 'Agreed to publishing without their name',
  named: 'Agreed to publishing with their name',
};
