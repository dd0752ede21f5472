import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openEmbedded } from '../db/client.ts';
import { apiTokens } from '../db/schema.ts';
import { dataFolder, wesaid } from '../../test/helpers/cli.ts';

const embeddedOnly = { skip: Boolean(process.env.TEST_DATABASE_URL) && 'embedded only' };
const day = 24 * 60 * 60 * 1000;

test(
  'token create takes --scope and --expires-days, reads only for 90 days by default',
  embeddedOnly,
  async (t) => {
    const env = { ...dataFolder(t), WESAID_TODAY: '2024-10-01' };
    const added = await wesaid(
      ['user', 'add', '--email', 'a@council.gov.uk', '--name', 'A', '--role', 'programme-manager'],
      env,
    );
    assert.equal(added.code, 0, added.stderr);

    const plain = await wesaid(['token', 'create', '--email', 'a@council.gov.uk'], env);
    assert.equal(plain.code, 0, plain.stderr);
    assert.match(plain.stdout, /read only, expires 30 December 2024/);
    const write = await wesaid(
      [
        'token',
        'create',
        '--email',
        'a@council.gov.uk',
        '--scope',
        'write',
        '--expires-days',
        '7',
        '--name',
        'Loader',
      ],
      env,
    );
    assert.equal(write.code, 0, write.stderr);
    assert.match(
      write.stdout,
      /API token "Loader" for A \(programme-manager\), read and write, expires 8 October 2024/,
    );
    assert.match(write.stdout.trim().split('\n').at(-1)!, /^wsd_/);

    for (const [args, message] of [
      [['--scope', 'admin'], /--scope must be read or write/],
      [['--expires-days', '0'], /--expires-days must be a whole number from 1 to 366/],
      [['--expires-days', 'ten'], /--expires-days must be a whole number/],
    ] as const) {
      const refused = await wesaid(['token', 'create', '--email', 'a@council.gov.uk', ...args], env);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, message);
    }
    const nobody = await wesaid(['token', 'create', '--email', 'b@council.gov.uk'], env);
    assert.equal(nobody.code, 2);
    assert.match(nobody.stderr, /There is no user/);

    const database = await openEmbedded(env.DATA_DIR);
    t.after(() => database.close());
    const rows = await database.db.select().from(apiTokens).orderBy(apiTokens.id);
    assert.deepEqual(
      rows.map((r) => [r.name, r.scope]),
      [
        ['Command line', 'read'],
        ['Loader', 'write'],
      ],
    );
    assert.equal(rows[1]!.expiresAt.getTime() - rows[0]!.expiresAt.getTime() < -80 * day, true);
  },
);

test('token create asks which council when an address has an account in two', embeddedOnly, async (t) => {
  const env = { ...dataFolder(t), WESAID_TODAY: '2024-10-01' };
  for (const organisation of ['Testshire County Council', 'Otherton Borough Council']) {
    const added = await wesaid(
      [
        'user',
        'add',
        '--email',
        'a@partner.org.uk',
        '--name',
        'A',
        '--role',
        'viewer',
        '--organisation',
        organisation,
      ],
      env,
    );
    assert.equal(added.code, 0, added.stderr);
  }
  const ambiguous = await wesaid(['token', 'create', '--email', 'a@partner.org.uk'], env);
  assert.equal(ambiguous.code, 2);
  assert.match(ambiguous.stderr, /has an account in several councils; say which with --organisation/);
  const chosen = await wesaid(
    ['token', 'create', '--email', 'a@partner.org.uk', '--organisation', 'Otherton Borough Council'],
    env,
  );
  assert.equal(chosen.code, 0, chosen.stderr);
  assert.match(chosen.stdout.trim().split('\n').at(-1)!, /^wsd_/);
});
