import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
// @ts-expect-error: plain JavaScript without types, run before anything is built.
import { build } from '../scripts/build.mjs';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

// Inside the checkout (.cache is ignored by git), so the build finds node_modules as dist/ does.
test('the build is JavaScript that runs on its own: no tsx, templates and migrations beside it', async (t) => {
  const outDir = path.join(root, '.cache', `build-test-${process.pid}`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wesaid-build-'));
  t.after(() => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });
  assert.equal(await (build as (o: object) => Promise<boolean>)({ quiet: true, outDir }), true);
  for (const file of [
    'src/cli.js',
    'src/reports/render-worker.js',
    'src/web/layout/base.njk',
    'src/db/migrations/meta/_journal.json',
  ])
    assert.ok(existsSync(path.join(outDir, file)), file);
  assert.equal(existsSync(path.join(outDir, 'src/app.ts')), false);
  assert.equal(existsSync(path.join(outDir, 'src/web/board/board.test.js')), false, 'tests are left out');

  // The embedded database whichever database the suite runs on, and no tsx loader passed down.
  const { DATABASE_URL: _url, NODE_OPTIONS: _options, ...env } = process.env;
  const { stdout } = await run(process.execPath, [path.join(outDir, 'src/cli.js'), 'migrate'], {
    env: { ...env, DATA_DIR: dataDir },
  });
  assert.match(stdout, /The embedded database is up to date\./);
});
