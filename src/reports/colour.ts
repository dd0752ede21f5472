/**
 * Colour arithmetic for reports. RAG colours come from each plan's own scale, so text on a RAG
 * background cannot be a fixed colour: it is chosen here by WCAG contrast, and the chart palette is
 * checked against the same formula in tests.
 */

const hexPattern = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function isHexColour(value: string): boolean {
  return hexPattern.test(value);
}

/** Expands "#abc" to "#aabbcc" and lower-cases, so renderers that need six digits (docx) get them. */
export function normaliseHex(value: string): string {
  if (!isHexColour(value)) throw new Error(`"${value}" is not a hex colour like #1d70b8`);
  const digits = value.slice(1).toLowerCase();
  const six = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits;
  return `#${six}`;
}

/** WCAG 2.2 relative luminance. */
export function relativeLuminance(hex: string): number {
  const six = normaliseHex(hex).slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = parseInt(six.slice(i, i + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

export const black = '#0b0c0c';
export const white = '#ffffff';

/** The text colour (near-black or white) that reads best on a background. */
export function textColourOn(background: string): string {
  return contrastRatio(background, black) >= contrastRatio(background, white) ? black : white;
}
