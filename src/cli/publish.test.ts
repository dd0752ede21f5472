import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDatabase } from '../db/client.ts';
import { listPublications } from '../db/publishing/queries.ts';
import { buildPublishedCouncil } from '../../test/fixtures/published-council.ts';
import { dataFolder, wesaid } from '../../test/helpers/cli.ts';
import { suiteDate } from '../../test/helpers/clock.ts';

test(
  'wesaid publish refuses a published quarter without --correction, a correction without a reason, a quarter outside the plan’s period, and an easy read above the target without --easy-read-reason',
  { skip: Boolean(process.env.TEST_DATABASE_URL) && 'embedded only' },
  async (t) => {
    const env = { ...dataFolder(t), WESAID_TODAY: suiteDate };
    const setup = await openDatabase(env);
    await setup.migrate();
    const world = await buildPublishedCouncil(setup.db);
    await setup.close();
    const plan = ['publish', '--plan', 'Fixtureshire Improvement Plan'];

    const again = await wesaid([...plan, '--quarter', '2024-25-q3'], env);
    assert.notEqual(again.code, 0);
    assert.match(again.stderr, /already published/);
    const noReason = await wesaid([...plan, '--quarter', '2024-25-q3', '--correction'], env);
    assert.notEqual(noReason.code, 0);
    assert.match(noReason.stderr, /--correction needs --reason/);
    const outside = await wesaid([...plan, '--quarter', '2027-28-q1'], env);
    assert.notEqual(outside.code, 0);
    assert.match(outside.stderr, /not within the plan’s period \(2024 to 2026\)/);

    const corrected = await wesaid(
      [
        ...plan,
        '--quarter',
        '2024-25-q3',
        '--correction',
        '--reason',
        'A figure was wrong',
        '--easy-read-reason',
        'Plain versions are on their way',
      ],
      env,
    );
    assert.equal(corrected.code, 0, corrected.stderr);
    assert.match(
      corrected.stdout,
      /Published a correction of Fixtureshire Improvement Plan, Quarter 3, 2024\/25: version 2/,
    );
    // Two of the fixture's texts read above the target: the easy read needs a reason.
    const hard = await wesaid([...plan, '--quarter', '2024-25-q4'], env);
    assert.notEqual(hard.code, 0);
    assert.match(
      hard.stderr,
      /Enter why the easy read is published with 2 texts above reading age 11: add --easy-read-reason TEXT/,
    );
    const next = await wesaid(
      [...plan, '--quarter', '2024-25-q4', '--easy-read-reason', 'Plain versions are on their way'],
      env,
    );
    assert.equal(next.code, 0, next.stderr);

    const check = await openDatabase(env);
    t.after(() => check.close());
    const list = await listPublications(check.db, world.organisationId);
    // Newest first by id: each command's clock starts afresh at the fixed day, so their times
    // do not order them.
    assert.deepEqual(
      [...list].sort((a, b) => b.id - a.id).map((p) => [p.quarterLabel, p.version, p.correctionReason]),
      [
        ['Quarter 4, 2024/25', 1, null],
        ['Quarter 3, 2024/25', 2, 'A figure was wrong'],
        ['Quarter 3, 2024/25', 1, null],
      ],
    );
  },
);
