import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { govukStylesheet, withoutRestrictedFont } from './govuk-stylesheet.ts';
import { govukFrontendDist } from './views.ts';

test('the restricted typeface is taken out of the font stacks and its @font-face rules dropped', () => {
  const css =
    '@font-face{font-family:GDS Transport;font-weight:400;src:url(/assets/fonts/light.woff2)}' +
    '.govuk-body{font-family:GDS Transport,arial,sans-serif;color:#0b0c0c}' +
    '.x{font-family:"GDS Transport", arial, sans-serif}.y{font-family:sans-serif}';
  assert.equal(
    withoutRestrictedFont(css),
    '.govuk-body{font-family:arial,sans-serif;color:#0b0c0c}.x{font-family: arial, sans-serif}.y{font-family:sans-serif}',
  );
});

test('the stylesheet GOV.UK Frontend ships, once rewritten, names neither the typeface nor its files', async () => {
  const { body, etag } = await govukStylesheet(
    path.join(govukFrontendDist, 'govuk', 'govuk-frontend.min.css'),
  );
  assert.doesNotMatch(body, /GDS Transport/);
  assert.doesNotMatch(body, /\/assets\/fonts\//);
  assert.match(body, /font-family:arial,sans-serif/);
  assert.match(etag, /^"[\w-]{27}"$/);
});
