/*
 * A plan's RAG scale: the statuses a highlight report may carry, what each one means, and how
 * they order for "direction of travel". Councils word and extend their scales differently
 * (DOMAIN.md), so the scale is data kept per plan; this module supplies the default and the rules.
 */

/**
 * What a status says about delivery, independent of its colour or local name. The evidence check
 * reads this rather than the colour, so a council's own scale is checked the same way.
 */
export type RagStance = 'off-track' | 'at-risk' | 'on-track' | 'complete' | 'local';

export interface RagStatus {
  /** Stored on the report: 'red', 'amber', 'green', 'blue', or a council's own code. */
  readonly code: string;
  /** The colour word as people say it: "Amber". */
  readonly label: string;
  /** The council's short meaning, shown in brackets: "At Risk". */
  readonly meaning: string;
  readonly definition: string;
  /**
   * Position for direction of travel: higher is better. Null for local statuses (not started,
   * reprogrammed) that do not sit on the line, so a change to or from them is not comparable.
   */
  readonly rank: number | null;
  readonly stance: RagStance;
  /** A govuk-tag modifier, so `appRagTag` can compose `govukTag`. */
  readonly colourClass: string;
}

export type RagScale = readonly RagStatus[];

export type RagDirection = 'improved' | 'worsened' | 'unchanged' | 'not-comparable';

/*
 * Amber and Green are worded as in Tameside's highlight report of 10 September 2024. That report
 * never shows Red or Blue, so those two are Wesaid's wording in the same PRINCE2 terms
 * (tolerance, escalation) for the council to replace.
 */
const DEFAULT_SCALE: RagScale = [
  {
    code: 'red',
    label: 'Red',
    meaning: 'Off Plan',
    definition:
      'One or more aspect of programme viability i.e. time, cost, scope, quality etc. is at serious risk and the deviation from plan is outside agreed tolerances. The board needs to decide on action.',
    rank: 1,
    stance: 'off-track',
    colourClass: 'govuk-tag--red',
  },
  {
    code: 'amber',
    label: 'Amber',
    meaning: 'At Risk',
    definition:
      'One or more aspect of programme viability i.e. time, cost, scope, quality etc. is at risk. However, the deviation from plan is within agreed tolerances.',
    rank: 2,
    stance: 'at-risk',
    colourClass: 'govuk-tag--orange',
  },
  {
    code: 'green',
    label: 'Green',
    meaning: 'On Plan',
    definition:
      'The programme is performing to plan. All aspects of programme viability are within tolerance. No action needed.',
    rank: 3,
    stance: 'on-track',
    colourClass: 'govuk-tag--green',
  },
  {
    code: 'blue',
    label: 'Blue',
    meaning: 'Complete',
    definition: 'The work has been completed and delivered. No further action needed.',
    rank: 4,
    stance: 'complete',
    colourClass: 'govuk-tag--blue',
  },
];

export function defaultRagScale(): RagScale {
  return DEFAULT_SCALE.map((status) => ({ ...status }));
}

/** "Amber (At Risk)", as the council writes it in the report header. */
export function ragTitle(status: RagStatus): string {
  return status.meaning ? `${status.label} (${status.meaning})` : status.label;
}

function normalise(text: string): string {
  return text
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/*
 * The status word is whatever comes before the first bracket, dash, colon or comma, which covers
 * "Amber (At Risk) - One or more…", "Green - (On Plan) The programme…" and "amber". Requiring the
 * whole leading phrase to match (not just a prefix) keeps "Red/Amber" from being read as Red.
 */
function leadingPhrase(text: string): string {
  const cut = text.search(/\(|\s-\s|\s-$|:|,|;|\.(\s|$)/);
  return (cut === -1 ? text : text.slice(0, cut)).replace(/[.\s-]+$/, '').trim();
}

function bracketed(text: string): string | undefined {
  const match = /\(([^)]*)\)/.exec(text);
  return match ? match[1]!.trim() : undefined;
}

/** Finds the status a piece of text names: a code, "Amber", "amber (at risk)", "At Risk", "A". */
export function findStatus(scale: RagScale, text: string | null | undefined): RagStatus | undefined {
  if (text == null) return undefined;
  const whole = normalise(text);
  if (whole === '') return undefined;
  const lead = leadingPhrase(whole);

  const byName = scale.find((status) => normalise(status.code) === lead || normalise(status.label) === lead);
  if (byName) {
    // "Amber (On Plan)" names two different statuses; refuse rather than pick one.
    const inBrackets = bracketed(whole);
    const other =
      inBrackets && scale.find((s) => s !== byName && normalise(s.meaning) === normalise(inBrackets));
    return other ? undefined : byName;
  }

  const byMeaning = scale.find((status) => status.meaning && normalise(status.meaning) === lead);
  if (byMeaning) return byMeaning;

  const byDefinition = scale.find((status) => normalise(status.definition) === whole);
  if (byDefinition) return byDefinition;

  // Spreadsheets often carry just "R", "A", "G" or "B"; accept an initial only when it is unique.
  if (/^[a-z]$/.test(lead)) {
    const initials = scale.filter((status) => normalise(status.label).startsWith(lead));
    if (initials.length === 1) return initials[0];
  }
  return undefined;
}

function resolve(scale: RagScale, value: RagStatus | string | null | undefined): RagStatus | undefined {
  if (value == null) return undefined;
  return typeof value === 'string' ? findStatus(scale, value) : value;
}

/** Direction of travel from the previous report's status to this one's. */
export function ragDirection(
  previous: RagStatus | string | null | undefined,
  current: RagStatus | string | null | undefined,
  scale: RagScale = DEFAULT_SCALE,
): RagDirection {
  const before = resolve(scale, previous);
  const after = resolve(scale, current);
  if (!before || !after || before.rank === null || after.rank === null) return 'not-comparable';
  if (after.rank > before.rank) return 'improved';
  if (after.rank < before.rank) return 'worsened';
  return 'unchanged';
}

/** Problems with a council's own scale, worded for the settings page; empty when it is usable. */
export function validateRagScale(scale: RagScale): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const ranks = new Map<number, string>();
  for (const status of scale) {
    if (!/^[a-z0-9-]+$/.test(status.code)) {
      problems.push(`Code "${status.code}" must use only lower case letters, numbers and hyphens`);
    }
    for (const key of [status.code, status.label, status.meaning].filter(Boolean).map(normalise)) {
      const owner = seen.get(key);
      if (owner !== undefined && owner !== status.code) {
        problems.push(`"${key}" names both ${owner} and ${status.code}`);
      }
      seen.set(key, status.code);
    }
    if (status.rank !== null) {
      const owner = ranks.get(status.rank);
      if (owner !== undefined) problems.push(`${owner} and ${status.code} have the same rank`);
      ranks.set(status.rank, status.code);
    }
    if (status.definition.trim() === '') problems.push(`${status.label} needs a definition`);
  }
  return problems;
}
