import assert from 'node:assert/strict';
import test from 'node:test';
import { parseHTML } from 'linkedom';
import { createNunjucksEnvironment } from '../views.ts';

/*
 * Each app component rendered from named examples, the way govuk-frontend tests its own: render the
 * macro with parameters, then assert what a person (and a screen reader) gets in the DOM.
 */

const env = createNunjucksEnvironment();

function render(component: string, macro: string, params: unknown): Document {
  const html = env.renderString(
    `{% from "components/${component}/macro.njk" import ${macro} %}{{ ${macro}(params) }}`,
    { params },
  );
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

test('appRagTag: a known rating shows its word with its colour class', () => {
  const tag = render('rag-tag', 'appRagTag', { rag: 'Amber', label: 'Amber (some progress)' }).querySelector(
    'strong',
  );
  assert.equal(text(tag), 'Amber (some progress)');
  assert.ok(tag?.classList.contains('app-rag--amber'));
  assert.ok(tag?.classList.contains('govuk-tag'));
});

test('appRagTag: no rating says so, never colour alone', () => {
  const tag = render('rag-tag', 'appRagTag', {}).querySelector('strong');
  assert.equal(text(tag), 'Not rated');
  assert.ok(tag?.classList.contains('app-rag--none'));
});

test('appRagTag: an unknown code is shown neutral, with the extra classes given', () => {
  const tag = render('rag-tag', 'appRagTag', { rag: 'purple', classes: 'app-extra' }).querySelector('strong');
  assert.equal(text(tag), 'Purple');
  assert.ok(tag?.classList.contains('app-rag--none'));
  assert.ok(tag?.classList.contains('app-extra'));
});

test('appNestedList: nested items stay nested', () => {
  const doc = render('nested-list', 'appNestedList', {
    items: [{ text: 'Audit', children: [{ text: 'Twenty cases', children: [] }] }, { text: 'Training' }],
  });
  const top = doc.querySelector('ul');
  assert.equal(top?.children.length, 2);
  assert.equal(text(top?.querySelector('li > ul > li')), 'Twenty cases');
});

test('appNestedList: an empty list says "None."', () => {
  assert.equal(text(render('nested-list', 'appNestedList', { items: [] }).querySelector('p')), 'None.');
});

const commitments = {
  caption: 'Commitments',
  statusNames: { 'in-progress': 'In progress', done: 'Done' },
  statusTagClasses: { 'in-progress': 'govuk-tag--blue', done: 'govuk-tag--green' },
};

test('appCommitmentTable: each commitment links to its page with owner, due date, overdue and status', () => {
  const doc = render('commitment-table', 'appCommitmentTable', {
    ...commitments,
    showPriority: true,
    items: [
      {
        id: 4,
        priorityNumber: 2,
        text: 'Audit twenty cases',
        owner: 'Head of service',
        dueOn: '2024-09-30',
        overdue: true,
        status: 'in-progress',
        outcomeCount: 1,
      },
    ],
  });
  assert.equal(text(doc.querySelector('caption')), 'Commitments');
  assert.deepEqual(
    Array.from(doc.querySelectorAll<Element>('th'), (th) => text(th)),
    ['Priority', 'We said', 'Owner', 'Due', 'Status'],
  );
  const link = doc.querySelector('td a');
  assert.equal(link?.getAttribute('href'), '/commitments/4');
  const cells = Array.from(doc.querySelectorAll<Element>('tbody td'), (td) => text(td));
  assert.equal(cells[2], 'Head of service');
  assert.match(cells[3]!, /^30 September 2024\s*Overdue$/);
  assert.equal(cells[4], 'In progress');
  assert.match(cells[1]!, /1 outcome recorded/);
});

test('appCommitmentTable: an empty list says nothing matches, across every column', () => {
  const doc = render('commitment-table', 'appCommitmentTable', { ...commitments, items: [] });
  const cell = doc.querySelector('tbody td');
  assert.equal(text(cell), 'No commitments match.');
  assert.equal(cell?.getAttribute('colspan'), '4');
});

test('appCommitmentFilter: a GET form whose fields keep the filter chosen', () => {
  const doc = render('commitment-filter', 'appCommitmentFilter', {
    action: '/plans/1/commitments',
    filter: { status: 'done', owner: 'Ann', overdue: true },
    owners: ['Ann', 'Bo'],
    statuses: ['in-progress', 'done'],
    statusNames: commitments.statusNames,
  });
  const form = doc.querySelector('form');
  assert.equal(form?.getAttribute('method'), 'get');
  assert.equal(form?.getAttribute('action'), '/plans/1/commitments');
  assert.equal(doc.querySelector('#status option[selected]')?.getAttribute('value'), 'done');
  assert.equal(doc.querySelector('#owner option[selected]')?.getAttribute('value'), 'Ann');
  assert.ok(doc.querySelector('input[name="overdue"]')?.hasAttribute('checked'));
});

test('appConflictPanel: names who saved, and shows their version as a labelled list', () => {
  const doc = render('conflict-panel', 'appConflictPanel', {
    what: 'this report',
    by: 'Sam Sponsor',
    at: new Date('2024-09-03T14:30:00Z'),
    rows: [{ key: { text: 'Reason for RAG' }, value: { text: 'Audits behind' } }],
  });
  const region = doc.querySelector('[role="region"]');
  assert.equal(region?.getAttribute('aria-labelledby'), 'conflict-heading');
  assert.equal(
    text(doc.querySelector('#conflict-heading')),
    'Someone else changed this report while you were editing',
  );
  assert.match(text(region), /Sam Sponsor saved a newer version 3 September 2024 at 3:30pm/);
  assert.equal(doc.querySelector('dl')?.getAttribute('aria-label'), 'Their version');
  assert.equal(text(doc.querySelector('dd')), 'Audits behind');
});
