import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test, type TestContext } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { paths } from '../web/paths.ts';
import { bringUpToDate, openDatabase, SchemaRightsError } from './client.ts';
import { appendOnlyTables, roleSetupSql } from './roles.ts';
import { testDatabase } from '../../test/helpers/database.ts';
import { buildPlanWithPeople } from '../../test/helpers/builders.ts';
import { TestClient } from '../../test/helpers/client.ts';
import { suiteDate } from '../../test/helpers/clock.ts';
import { wesaid } from '../../test/helpers/cli.ts';

// The history cannot be rewritten by the app (issue 14): on PostgreSQL the app signs in as a role
// that owns nothing and may only read and add to the append-only tables; the owner role migrates.

const serverUrl = process.env.TEST_DATABASE_URL;

test('every table a migration makes append-only is one the app role may only read and add to', async (t) => {
  const database = await testDatabase();
  t.after(() => database.close());
  const result = await database.db.execute(
    sql.raw(`select distinct c.relname as table from pg_trigger g
       join pg_class c on c.oid = g.tgrelid join pg_proc p on p.oid = g.tgfoid
      where p.proname like '%\\_append\\_only' order by 1`),
  );
  assert.deepEqual(
    (result as { rows: { table: string }[] }).rows.map((r) => r.table),
    [...appendOnlyTables].sort(),
  );
});

test('db roles --print writes the SQL for both roles, and refuses role names it cannot quote', async () => {
  const printed = await wesaid(
    ['db', 'roles', '--owner', 'council_owner', '--app', 'council_app', '--print'],
    {},
  );
  assert.equal(printed.code, 0, printed.stderr);
  assert.match(printed.stdout, /CREATE ROLE council_owner LOGIN NOSUPERUSER/);
  assert.match(printed.stdout, /CREATE ROLE council_app LOGIN NOSUPERUSER/);
  assert.match(printed.stdout, /ALTER SCHEMA public OWNER TO council_owner;/);
  assert.match(
    printed.stdout,
    /ALTER DEFAULT PRIVILEGES FOR ROLE council_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO council_app;/,
  );
  for (const table of appendOnlyTables) assert.match(printed.stdout, new RegExp(`'${table}'`));

  const refused = await wesaid(['db', 'roles', '--owner', 'x"; DROP', '--app', 'a', '--print'], {});
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /--owner must be a role name/);
  assert.throws(() => roleSetupSql({ owner: 'postgres', app: 'a' }), /--owner cannot be postgres/);
  assert.throws(() => roleSetupSql({ owner: 'pg_read_all_data', app: 'a' }), /--owner cannot be/);
  assert.throws(() => roleSetupSql({ owner: 'same', app: 'same' }), /must be different roles/);
  const embedded = await wesaid(['db', 'roles'], {});
  assert.equal(embedded.code, 2);
  assert.match(embedded.stderr, /embedded database has one role and keeps its append-only triggers/);
});

/**
 * A database of the test's own on the server, and two roles of its own, removed when it ends, after
 * what the test opened on it (`closing`, closed last first).
 */
async function freshDatabase(t: TestContext, server: string) {
  const closing: (() => Promise<unknown>)[] = [];
  const suffix = randomBytes(4).toString('hex');
  const name = `wesaid_roles_${suffix}`;
  const roles = { owner: `wesaid_owner_${suffix}`, app: `wesaid_app_${suffix}` };
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  t.after(async () => {
    for (const close of closing.reverse()) await close();
    const cleanup = new pg.Client({ connectionString: server });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    for (const role of [roles.app, roles.owner]) await cleanup.query(`DROP ROLE IF EXISTS ${role}`);
    await cleanup.end();
  });
  const as = (user: string) => {
    const url = new URL(server);
    url.username = user;
    url.password = '';
    url.pathname = `/${name}`;
    return url.toString();
  };
  return { roles, adminUrl: as(new URL(server).username || 'postgres'), as, closing };
}

test(
  'on PostgreSQL the app role cannot change, remove or unguard the history, and the app still works',
  {
    skip:
      !serverUrl &&
      'PostgreSQL only: the embedded database has one role, so its append-only triggers are the guard',
  },
  async (t) => {
    const { roles, adminUrl, as, closing } = await freshDatabase(t, serverUrl!);
    const made = await wesaid(['db', 'roles', '--owner', roles.owner, '--app', roles.app], {
      DATABASE_URL: adminUrl,
    });
    assert.equal(made.code, 0, made.stderr);
    const ownerUrl = as(roles.owner);
    const appUrl = as(roles.app);

    // The app role may not migrate: it starts only once the owner has.
    const early = await openDatabase({ DATABASE_URL: appUrl, DATA_DIR: '.cache/unused' });
    await assert.rejects(bringUpToDate(early, {}), SchemaRightsError);
    await early.close();
    const migrated = await wesaid(['migrate'], { DATABASE_URL: appUrl, DATABASE_OWNER_URL: ownerUrl });
    assert.equal(migrated.code, 0, migrated.stderr);
    assert.match(migrated.stdout, /The postgresql database is up to date/);

    const database = await openDatabase({ DATABASE_URL: appUrl, DATA_DIR: '.cache/unused' });
    await bringUpToDate(database, {}); // nothing waiting: no schema change is asked of the app role
    const app = await buildApp({
      config: loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: '.cache/test-data',
        WESAID_TODAY: suiteDate,
      }),
      db: database.db,
      sessionKey: randomBytes(32),
      logger: false,
    });
    closing.push(
      () => database.close(),
      () => app.close(),
    );

    // The app works as the app role: people and a plan added, an edit saved with its history row.
    const { people, commitment } = await buildPlanWithPeople(database.db);
    const client = new TestClient(app);
    await client.signIn(people.programmeManager.email, people.programmeManager.password);
    await client.get(paths.editCommitment(commitment.id));
    const saved = await client.post(paths.editCommitment(commitment.id), {
      text: 'We will see every child within five working days.',
      owner: 'Head of Service',
      'dueOn-day': '31',
      'dueOn-month': '3',
      'dueOn-year': '2027',
      status: 'in-progress',
      improvementAreaId: '',
      version: '1',
    });
    assert.equal(saved.statusCode, 303, saved.body);
    const session = new pg.Client({ connectionString: appUrl });
    await session.connect();
    closing.push(() => session.end());
    const history = await session.query(
      `select action from change_history where record_type = 'commitment' and record_id = $1`,
      [commitment.id],
    );
    assert.ok(history.rows.some((row: { action: string }) => row.action === 'update'));

    // The same role cannot rewrite, empty or unguard the history, nor the other append-only tables.
    const refusals = [
      'UPDATE change_history SET after = NULL',
      'DELETE FROM change_history',
      'TRUNCATE change_history',
      'DROP TRIGGER change_history_no_update_or_delete ON change_history',
      'ALTER TABLE change_history DISABLE TRIGGER ALL',
      'ALTER TABLE change_history OWNER TO CURRENT_USER',
      'DROP TABLE change_history',
      `CREATE OR REPLACE FUNCTION change_history_append_only() RETURNS trigger LANGUAGE plpgsql
         AS $$ BEGIN RETURN OLD; END $$`,
      'DELETE FROM issued_papers',
      'UPDATE action_updates SET text = text',
      'CREATE TABLE wesaid_shadow (id int)',
    ];
    for (const statement of refusals)
      await assert.rejects(session.query(statement), (error: { code?: string; message: string }) => {
        assert.equal(error.code, '42501', `${statement}: ${error.message}`);
        assert.match(error.message, /permission denied|must be owner/);
        return true;
      });
    const kept = await session.query(`select count(*)::int as n from change_history`);
    assert.ok((kept.rows[0] as { n: number }).n > 0);
  },
);
