import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openEmbedded } from '../db/client.ts';
import { demoSeedsFolder } from '../demo/load-demo.ts';
import { dataFolder, wesaid } from '../../test/helpers/cli.ts';

test(
  'user add creates an administrator and token create prints a token that works on the API',
  { skip: Boolean(process.env.TEST_DATABASE_URL) && 'embedded only' },
  async (t) => {
    const env = dataFolder(t);
    const added = await wesaid(
      [
        'user',
        'add',
        '--email',
        'chief@council.gov.uk',
        '--name',
        'Chief Officer',
        '--role',
        'administrator',
        '--password',
        'a long enough password',
      ],
      env,
    );
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /Added Chief Officer <chief@council.gov.uk> as administrator/);

    const duplicate = await wesaid(
      ['user', 'add', '--email', 'CHIEF@council.gov.uk', '--name', 'Again', '--role', 'viewer'],
      env,
    );
    assert.equal(duplicate.code, 2);
    assert.match(duplicate.stderr, /already exists/);
    const badRole = await wesaid(
      ['user', 'add', '--email', 'a@b.gov.uk', '--name', 'A', '--role', 'emperor'],
      env,
    );
    assert.match(
      badRole.stderr,
      /--role must be one of: administrator, programme-manager, sponsor, board-member, viewer/,
    );

    const token = await wesaid(['token', 'create', '--email', 'chief@council.gov.uk'], env);
    assert.equal(token.code, 0, token.stderr);
    const value = token.stdout.trim().split('\n').at(-1)!;
    assert.match(value, /^wsd_/);

    const database = await openEmbedded(env.DATA_DIR);
    t.after(() => database.close());
    const app = await buildApp({
      // The command ran on the suite's date (WESAID_TODAY, passed down to it), and the token's
      // expiry counts from then: the app must read the same date.
      config: loadConfig({ NODE_ENV: 'test', WESAID_TODAY: process.env.WESAID_TODAY, ...env }),
      db: database.db,
      logger: false,
    });
    t.after(() => app.close());
    const plans = await app.inject({
      method: 'GET',
      url: '/api/v1/plans',
      headers: { authorization: `Bearer ${value}` },
    });
    assert.equal(plans.statusCode, 200);
    assert.deepEqual(plans.json(), { items: [] });
    const wrong = await app.inject({
      method: 'GET',
      url: '/api/v1/plans',
      headers: { authorization: 'Bearer wsd_not-a-token' },
    });
    assert.equal(wrong.statusCode, 401);
  },
);

test(
  'a command that writes while another process holds the data folder refuses clearly',
  { skip: Boolean(process.env.TEST_DATABASE_URL) && 'embedded only' },
  async (t) => {
    const env = dataFolder(t);
    const database = await openEmbedded(env.DATA_DIR);
    t.after(() => database.close());
    const refused = await wesaid(
      ['user', 'add', '--email', 'a@council.gov.uk', '--name', 'A', '--role', 'viewer'],
      env,
    );
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /is in use by another Wesaid process/);
  },
);

test(
  'import --dry-run --json prints the summary and writes nothing; a document no extractor knows gets a suggested reading',
  { skip: Boolean(process.env.TEST_DATABASE_URL) && 'embedded only' },
  async (t) => {
    const env = dataFolder(t);
    const seed = path.join(demoSeedsFolder, '2024-09-10-highlight-report-pack.txt');
    const dry = await wesaid(['import', '--dry-run', '--json', seed], env);
    assert.equal(dry.code, 0, dry.stderr);
    const summary = JSON.parse(dry.stdout) as {
      kind: string;
      lines: unknown;
      counts: Record<string, number>;
    };
    assert.equal(summary.kind, 'highlight-report-pack');
    assert.deepEqual(summary.lines, { nonBlank: 154, placed: 154, unplaced: 0 });
    assert.equal(summary.counts.highlightReports, 4);
    assert.equal(summary.counts.progressItems, 63);
    assert.equal(summary.counts.nextPeriodItems, 28);

    const unknown = path.join(env.DATA_DIR, 'minutes.txt');
    (await import('node:fs')).writeFileSync(
      unknown,
      'Allotments committee\nApologies were received from Cllr Smith.\n',
    );
    // Issue 11: no longer refused as "not recognised"; read by its structure, every line accounted for.
    const suggested = await wesaid(['import', '--dry-run', '--json', unknown], env);
    assert.equal(suggested.code, 0, suggested.stderr);
    const general = JSON.parse(suggested.stdout) as {
      kind: string;
      lines: { nonBlank: number; placed: number; unplaced: number };
    };
    assert.equal(general.lines.placed + general.lines.unplaced, general.lines.nonBlank);
    assert.equal(general.lines.nonBlank, 2);

    const imported = await wesaid(['import', seed], env);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /imported as a highlight report pack/);
    const again = await wesaid(['import', seed], env);
    assert.match(again.stdout, /already imported, nothing changed/);
  },
);

test('a bad setting stops the app with a message that names it', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/);
  assert.throws(
    () => loadConfig({ DATABASE_URL: 'mysql://x' }),
    /DATABASE_URL: must start with postgres:\/\//,
  );
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /SESSION_SECRET must be set in production/);
  assert.throws(
    () => loadConfig({ SESSION_SECRET: 'short' }),
    /SESSION_SECRET: must be at least 32 characters/,
  );
  assert.throws(
    () => loadConfig({ DATABASE_OWNER_URL: 'postgres://owner@db/wesaid' }),
    /DATABASE_OWNER_URL is for migrations on a PostgreSQL server; set DATABASE_URL/,
  );
  assert.throws(() => loadConfig({ DATABASE_OWNER_URL: 'owner@db' }), /DATABASE_OWNER_URL: must start with/);
});
