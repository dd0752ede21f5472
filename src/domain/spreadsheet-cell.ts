/*
 * Text a spreadsheet would run. A CSV or workbook cell whose text begins with `=`, `+`, `-` or `@`
 * (or a tab or carriage return before one) is read by Excel and LibreOffice as a formula, so a
 * measure named `=cmd|' /C calc'!A0` in open data would run on the reader's machine. Such text is
 * written with a leading apostrophe, the spreadsheets' own mark for "this is text" (OWASP's advice).
 * Numbers are left as numbers: a negative figure is data, not a formula.
 */
const runnable = /^[=+\-@\t\r]/;

export function spreadsheetSafe<T>(value: T): T | string {
  return typeof value === 'string' && runnable.test(value) ? `'${value}` : value;
}
