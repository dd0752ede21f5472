/*
 * What a council may upload as its logo: a PNG or an SVG, small enough for a page header. The type
 * is read from the bytes, never from the file's name or the browser's word for it.
 */

export const maximumLogoBytes = 200 * 1024;

export type LogoCheck =
  { ok: true; type: 'image/png' | 'image/svg+xml' } | { ok: false; problem: 'not-an-image' };

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

// An SVG file opens with <svg, perhaps after an XML declaration, comments and a doctype.
const svgOpening =
  /^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i;

export function recogniseLogo(bytes: Uint8Array): LogoCheck {
  if (pngSignature.every((byte, i) => bytes[i] === byte)) return { ok: true, type: 'image/png' };
  const opening = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  if (svgOpening.test(opening)) return { ok: true, type: 'image/svg+xml' };
  return { ok: false, problem: 'not-an-image' };
}
