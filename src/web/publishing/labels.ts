/* Words for stored codes, in one place so the programme office and the public pages agree. */

export const feedbackSourceNames: Record<string, string> = {
  staff: 'Staff',
  partner: 'Partner',
  'child-or-young-person': 'Child or young person',
  'parent-or-carer': 'Parent or carer',
  'foster-carer': 'Foster carer',
  unknown: 'Not known',
  'prefer-not-to-say': 'Preferred not to say',
};

export const feedbackKindNames: Record<string, string> = {
  'you-said-we-did': 'You said, We did',
  compliment: 'Compliment or comment',
  quote: 'Quote',
};

export const consentNames: Record<string, string> = {
  'not-asked': 'Not asked yet',
  none: 'Did not agree to publishing',
  anonymous: 'Agreed to publishing without their name',
  named: 'Agreed to publishing with their name',
};

export const feedbackStatusNames: Record<string, string> = {
  draft: 'Draft',
  approved: 'Approved',
  published: 'Published',
};
