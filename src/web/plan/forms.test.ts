import assert from 'node:assert/strict';
import test from 'node:test';
import { commitmentForm, outcomeForm, planForm } from './forms.ts';

const commitment = { text: 'Visit every child', owner: '', status: 'not-started' };
const noDate = { 'dueOn-day': '', 'dueOn-month': '', 'dueOn-year': '' };

test('a commitment with no areas to choose from, so no select on the page, is linked to none', () => {
  const result = commitmentForm.read({ ...commitment, ...noDate }, { areas: [] });
  assert.deepEqual(result.ok && result.data.improvementAreaId, null);
});

test('an unknown improvement area heads the summary, as it always has', () => {
  const result = commitmentForm.read(
    { ...noDate, text: '', owner: '', status: '', improvementAreaId: '9' },
    { areas: [{ id: 4, title: 'Area' }] },
  );
  assert.deepEqual(!result.ok && result.errors.list, [
    { text: 'Select an improvement area from the list', href: '#improvementAreaId' },
    { text: 'Enter what we said we would do', href: '#text' },
    { text: 'Select the status of the commitment', href: '#status' },
  ]);
});

test('an adopted plan asks for its date only when no box was typed in', () => {
  const values = { title: 'Plan', period: '', status: 'adopted' };
  const empty = planForm.read(
    { ...values, 'adoptedOn-day': '', 'adoptedOn-month': '', 'adoptedOn-year': '' },
    {},
  );
  assert.deepEqual(!empty.ok && empty.errors.list, [
    { text: 'Enter the date the plan was adopted', href: '#adoptedOn-day' },
  ]);
  const wrong = planForm.read(
    { ...values, 'adoptedOn-day': '40', 'adoptedOn-month': '1', 'adoptedOn-year': '2020' },
    {},
  );
  assert.equal(!wrong.ok && wrong.errors.list.length, 1);
  assert.equal(!wrong.ok && wrong.errors.list[0]!.href, '#adoptedOn-day');
});

test('evidence is read one link per line, and the first line without a web address is named', () => {
  const good = outcomeForm.read(
    { text: 'Done', evidence: ' https://a.example \n\nAudit report http://b.example' },
    undefined,
  );
  assert.deepEqual(good.ok && good.data.evidence, [
    { title: 'https://a.example', url: 'https://a.example' },
    { title: 'Audit report', url: 'http://b.example' },
  ]);
  const bad = outcomeForm.read(
    { text: 'Done', evidence: 'Audit https://a.example\nno link\nnor here' },
    undefined,
  );
  assert.deepEqual(!bad.ok && bad.errors.list, [
    {
      text: 'Evidence line 2 must end with a web address starting http:// or https://',
      href: '#evidence',
    },
  ]);
});
