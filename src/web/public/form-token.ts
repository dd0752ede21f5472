/*
 * Spam protection for the public consultation form that needs no third-party service: the page
 * carries a signed token saying when it was served. A form sent back within seconds was not
 * filled in by a person; one sent days later is a replay. The token's random part also identifies
 * the form, so sending the same form twice stores one response.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const minimumSeconds = 3;
export const maximumHours = 24;

export type TokenCheck =
  { ok: true; nonce: string } | { ok: false; problem: 'missing' | 'invalid' | 'too-fast' | 'expired' };

function sign(secret: Buffer, consultationId: number, issuedAt: number, nonce: string): string {
  return createHmac('sha256', secret)
    .update(`consultation-form:${consultationId}:${issuedAt}:${nonce}`)
    .digest('base64url');
}

export function issueFormToken(secret: Buffer, consultationId: number, now: number): string {
  const nonce = randomBytes(12).toString('base64url');
  return `${now}.${nonce}.${sign(secret, consultationId, now, nonce)}`;
}

export function checkFormToken(
  secret: Buffer,
  consultationId: number,
  token: string,
  now: number,
): TokenCheck {
  if (token.trim() === '') return { ok: false, problem: 'missing' };
  const match = /^(\d{13})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, problem: 'invalid' };
  const issuedAt = Number(match[1]);
  const expected = Buffer.from(sign(secret, consultationId, issuedAt, match[2]!));
  const given = Buffer.from(match[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, problem: 'invalid' };
  if (now - issuedAt < minimumSeconds * 1000) return { ok: false, problem: 'too-fast' };
  if (now - issuedAt > maximumHours * 3600 * 1000) return { ok: false, problem: 'expired' };
  return { ok: true, nonce: match[2]! };
}
