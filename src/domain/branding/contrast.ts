/*
 * Whether a council's brand colour may sit behind the header's white text: WCAG 2.2 AA asks for a
 * contrast ratio of at least 4.5:1 for text of ordinary size (success criterion 1.4.3).
 */

/** The ratio WCAG 2.2 AA asks of ordinary text against its background. */
export const minimumContrast = 4.5;

export const headerTextColour = '#ffffff';

const hexColour = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i;

/** `#1d70b8` as written, lower-cased with its hash, or null when it is not a hex colour. */
export function normaliseHexColour(text: string): string | null {
  const match = hexColour.exec(text.trim());
  if (!match) return null;
  const digits = match[1]!.toLowerCase();
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  return `#${full}`;
}

// The relative luminance of WCAG's definition, from sRGB channels.
function relativeLuminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio between two hex colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(first: string, second: string): number {
  const a = normaliseHexColour(first);
  const b = normaliseHexColour(second);
  if (!a || !b) throw new RangeError(`Not a hex colour: ${a ? second : first}`);
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The ratio as a person reads it: rounded down to two places, so 4.499 never shows as 4.5. */
export const formatRatio = (ratio: number) => `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;

export type BrandColourCheck =
  | { ok: true; colour: string; ratio: number }
  | { ok: false; problem: 'not-a-colour' }
  | { ok: false; problem: 'too-little-contrast'; colour: string; ratio: number };

/** Whether the colour may be the header's background behind white text. */
export function checkBrandColour(text: string): BrandColourCheck {
  const colour = normaliseHexColour(text);
  if (!colour) return { ok: false, problem: 'not-a-colour' };
  const ratio = contrastRatio(colour, headerTextColour);
  return ratio >= minimumContrast
    ? { ok: true, colour, ratio }
    : { ok: false, problem: 'too-little-contrast', colour, ratio };
}
