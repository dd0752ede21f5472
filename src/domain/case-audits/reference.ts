/*
 * A case reference is the council's own number for the case, never anything that names or
 * identifies the child: audits are read by the board, and papers travel. The checks look for the
 * shapes of a person's name, an NHS number, a date (of birth), an e-mail address and a phone number.
 * They cannot prove a reference is safe; they catch the usual slips.
 */

export const maxReferenceLength = 40;

/** The NHS number's check digit (modulus 11): weights 10 down to 2 on the first nine digits. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((total, d, i) => total + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

const titles = /\b(?:mr|mrs|ms|miss|mx|dr|master)\.?\s+[a-z]/i;
// Two capitalised words in a row: "Firstname Surname" (allowing O'Neil, Smith-Jones).
const capitalisedPair = /\b[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*\s+[A-Z][a-z]+/;
const email = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const months = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec';
const dates = [
  /\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:\d{4}|\d{2})\b/, // 12/03/2015, 12-3-15
  /\b(?:19|20)\d{2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,2}\b/, // 2015-03-12
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s*(?:${months})[a-z]*\\.?\\s*(?:\\d{4}|\\d{2})?\\b`, 'i'),
  new RegExp(`\\b(?:${months})[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'i'),
];

// An NHS number as written: ten digits, often 3 3 4 with spaces or dashes ("943 476 5919").
const nhsShape = /(?<![\d])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?![\d])/;
// A UK phone number: 0 or +44, then nine or ten more digits, spaced any way.
const phone = /(?<![\d])(?:\+44\s?(?:\(0\)\s?)?|0)\d(?:[\s-]?\d){8,9}(?![\d])/;

/** What is wrong with a reference, in the words the error summary shows; null when it may be used. */
export function caseReferenceProblem(raw: string): string | null {
  const reference = raw.trim();
  if (reference === '') return 'Enter the case reference';
  if (reference.length > maxReferenceLength)
    return `Case reference must be ${maxReferenceLength} characters or fewer`;
  if (email.test(reference))
    return 'Case reference must not contain an email address. Use the council’s case number';
  if (dates.some((d) => d.test(reference)))
    return 'Case reference must not contain a date, such as a date of birth. Use the council’s case number';
  if (phone.test(reference))
    return 'Case reference must not contain a phone number. Use the council’s case number';
  const tenDigits = nhsShape.exec(reference)?.[0];
  if (tenDigits !== undefined)
    return isValidNhsNumber(tenDigits.replace(/\D/g, ''))
      ? 'Case reference must not be an NHS number. Use the council’s case number'
      : 'Case reference must not contain a 10-digit number, which could be an NHS number. Use the council’s case number';
  if (titles.test(reference) || capitalisedPair.test(reference))
    return 'Case reference must not contain a name. Use the council’s case number, such as CA-2024-017';
  return null;
}
