import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publicWords } from '../../domain/publishing/consent.ts';
import { quarter, quarterByKey, quarterOf, recentQuarters } from '../../domain/publishing/quarters.ts';
import { checkFormToken, issueFormToken } from './form-token.ts';

const item = {
  status: 'published',
  consent: 'anonymous' as const,
  attribution: 'Mr & Mrs T',
  approvedWording: 'Since our social worker came things are better.',
  approvedResponse: '',
  approvedAt: '2024-09-01T12:00:00Z',
};

test('nothing is published without consent or a person’s approval, and only the approved wording', () => {
  assert.equal(publicWords({ ...item, consent: 'not-asked' }), null);
  assert.equal(publicWords({ ...item, consent: 'none' }), null);
  assert.equal(publicWords({ ...item, status: 'approved' }), null);
  assert.equal(publicWords({ ...item, approvedWording: null, approvedAt: null }), null);
  assert.deepEqual(publicWords(item), {
    said: 'Since our social worker came things are better.',
    response: '',
    attribution: '',
  });
  assert.deepEqual(publicWords({ ...item, consent: 'named' }), {
    said: item.approvedWording,
    response: '',
    attribution: 'Mr & Mrs T',
  });
});

test('form tokens: a forged, early, late or malformed token is refused', () => {
  const secret = Buffer.alloc(32, 7);
  const now = Date.UTC(2025, 0, 1);
  const token = issueFormToken(secret, 5, now);
  assert.equal(checkFormToken(secret, 5, token, now + 10_000).ok, true);
  assert.deepEqual(checkFormToken(secret, 5, token, now + 1_000), { ok: false, problem: 'too-fast' });
  assert.deepEqual(checkFormToken(secret, 5, token, now + 25 * 3600 * 1000), {
    ok: false,
    problem: 'expired',
  });
  assert.deepEqual(checkFormToken(secret, 6, token, now + 10_000), { ok: false, problem: 'invalid' });
  assert.deepEqual(checkFormToken(Buffer.alloc(32, 8), 5, token, now + 10_000), {
    ok: false,
    problem: 'invalid',
  });
  assert.deepEqual(checkFormToken(secret, 5, '', now), { ok: false, problem: 'missing' });
  assert.deepEqual(checkFormToken(secret, 5, 'nonsense', now), { ok: false, problem: 'invalid' });
});

test('financial-year quarters run April to June, July to September, October to December, January to March', () => {
  assert.deepEqual(quarter(2022, 4), {
    label: 'Quarter 4, 2022/23',
    key: '2022-23-q4',
    start: '2023-01-01',
    end: '2023-03-31',
  });
  assert.deepEqual(quarterOf('2024-04-01'), quarter(2024, 1));
  assert.deepEqual(quarterOf('2024-09-30'), quarter(2024, 2));
  assert.deepEqual(quarterOf('2025-02-28'), quarter(2024, 4));
  assert.equal(quarter(2023, 4).end, '2024-03-31');
  assert.deepEqual(
    recentQuarters('2025-05-01', 3).map((q) => q.label),
    ['Quarter 1, 2025/26', 'Quarter 4, 2024/25', 'Quarter 3, 2024/25'],
  );
  assert.deepEqual(quarterByKey('2024-25-q3'), quarter(2024, 3));
  assert.equal(quarterByKey('2024-26-q3'), null);
});
