/*
 * A visit's declared focus, matched to the plan's words so its page can gather the evidence
 * (commitments, measures, highlight reports). Focus is free text as the letter states it; the
 * usual areas of a monitoring visit each bring the words the council's plan tends to use for them.
 */

export interface FocusArea {
  name: string;
  /** Lower-case words or phrases that name the area in a plan. */
  terms: readonly string[];
}

export const focusAreas: readonly FocusArea[] = [
  {
    name: 'The front door',
    terms: ['front door', 'mash', 'multi-agency safeguarding hub', 'referral', 'contact', 'threshold'],
  },
  {
    name: 'Children in need and child protection',
    terms: ['child protection', 'children in need', 'cin', 'cp', 's47', 'strategy meeting', 'conference'],
  },
  {
    name: 'Children in care',
    terms: [
      'children in care',
      'cared for',
      'looked after',
      'cla',
      'placement',
      'fostering',
      'foster',
      'permanence',
    ],
  },
  {
    name: 'Care leavers',
    terms: ['care leaver', 'leaving care', 'pathway plan', 'personal adviser', 'independence'],
  },
  {
    name: 'Disabled children',
    terms: ['disabled children', 'disability', 'send'],
  },
  {
    name: 'Leadership and the workforce',
    terms: ['leader', 'workforce', 'social worker', 'supervision', 'caseload', 'recruitment', 'retention'],
  },
];

/*
 * From the start of a word, so "cin" is not found in "vaccine"; a longer term may begin a longer
 * word ("leader" in "leaders"), a short one (an acronym) must be the whole word.
 */
const says = (text: string, term: string) => {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const end = term.length <= 4 ? '([^a-z0-9]|$)' : '';
  return new RegExp(`(^|[^a-z0-9])${escaped}${end}`, 'i').test(text);
};

/** The focus areas a visit's focus names: by an area's name or any of its words. */
export function focusAreasOf(focus: string): FocusArea[] {
  return focusAreas.filter((a) => says(focus, a.name.toLowerCase()) || a.terms.some((t) => says(focus, t)));
}

/** Whether a piece of the plan (a commitment's text, a measure's name) speaks to the focus. */
export function matchesFocus(areas: readonly FocusArea[], text: string): boolean {
  return areas.some((a) => a.terms.some((t) => says(text, t)));
}
