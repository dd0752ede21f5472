/**
 * The server under test for the scorecard benchmark, in its own process so the load generator does
 * not share its event loop. It creates 153 councils with 50 measures each, loads ten years of
 * monthly figures for every one through the loader (`applyLoad`, as `wesaid load` does), times
 * PostgreSQL's own COPY of the same rows into a table shaped like `observations`, then serves the
 * app and prints one JSON line with the timings and what the load generator needs.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { systemActor } from '../src/db/changes.ts';
import { openDatabase, openInMemory, type Database } from '../src/db/client.ts';
import { applyLoad } from '../src/db/measures/commands.ts';
import { observationFileReader } from '../src/import/observations/read.ts';
import { measures, organisations } from '../src/db/schema.ts';
import { addUser } from '../src/db/people/commands.ts';
import { COUNCILS, councilCsv, MEASURES, measureName, MONTHS } from './scorecard-data.ts';

// Both drivers answer execute() with { rows }, typed differently.
async function selectRows<T>(query: SQL): Promise<T[]> {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- see above
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const serverUrl =
  process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || '';
const serverSource = process.env.BENCH_DATABASE_URL
  ? 'BENCH_DATABASE_URL'
  : process.env.DATABASE_URL
    ? 'DATABASE_URL'
    : process.env.TEST_DATABASE_URL
      ? 'TEST_DATABASE_URL'
      : '';

async function benchDatabase(): Promise<{
  database: Database;
  url: string | null;
  drop?: () => Promise<void>;
}> {
  if (!serverUrl) return { database: await openInMemory(), url: null };
  const name = `wesaid_bench_scorecard_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ DATABASE_URL: url.toString(), DATA_DIR: '.cache/unused' });
  const drop = async () => {
    const again = new pg.Client({ connectionString: serverUrl });
    await again.connect();
    await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await again.end();
  };
  return { database, url: url.toString(), drop };
}

const { database, url, drop } = await benchDatabase();
await database.migrate();
const db = database.db;

// Councils and their measures are set up directly: only the figures are what is being timed.
const councilIds: number[] = [];
for (let c = 0; c < COUNCILS; c++) {
  const [row] = await db
    .insert(organisations)
    .values({ name: `Council ${c + 1}`, slug: `council-${c + 1}` })
    .returning({ id: organisations.id });
  councilIds.push(row!.id);
  await db.insert(measures).values(
    Array.from({ length: MEASURES }, (_, m) => ({
      organisationId: row!.id,
      name: measureName(m),
      unit: 'percentage' as const,
      polarity: 'higher-is-better' as const,
      frequency: 'monthly' as const,
      target: 60 + (m % 20),
    })),
  );
}

const files = Array.from({ length: COUNCILS }, (_, c) => Buffer.from(councilCsv(c)));
const actor = systemActor('Benchmark');
let rows = 0;
const loadStart = performance.now();
for (let c = 0; c < COUNCILS; c++) {
  const result = await applyLoad(db, {
    organisationId: councilIds[c]!,
    fileName: `council-${c + 1}.csv`,
    bytes: files[c]!,
    actor,
    read: observationFileReader(files[c]!, `council-${c + 1}.csv`),
  });
  if (result.outcome !== 'loaded') throw new Error('The benchmark load was not written');
  rows += result.written;
}
const loadSeconds = (performance.now() - loadStart) / 1000;

// The same rows, as COPY would take them: measure id, period, area, value.
const ids = await selectRows<{ id: number; organisation_id: number; name: string }>(
  sql`select id, organisation_id, name from measures order by id`,
);
const idOf = new Map(ids.map((r) => [`${r.organisation_id}|${r.name}`, r.id]));
const copyLines: string[] = [];
for (let c = 0; c < COUNCILS; c++) {
  for (const line of files[c]!.toString().split('\n').slice(1)) {
    if (!line) continue;
    const [name, period, value] = line.split(',');
    copyLines.push(`${idOf.get(`${councilIds[c]}|${name}`)},${period},council,${value}`);
  }
}
const copyCsv = copyLines.join('\n') + '\n';
await db.execute(
  sql.raw(
    'create table bench_copy (like observations including defaults including indexes including identity)',
  ),
);
const copyStart = performance.now();
if (url) {
  // node-postgres has no COPY FROM STDIN of its own; psql's \copy streams it as a client would.
  const psql = spawn(
    'psql',
    [
      url,
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      '\\copy bench_copy (measure_id, period, area, value) from stdin with (format csv)',
    ],
    { stdio: ['pipe', 'ignore', 'inherit'] },
  );
  psql.stdin.end(copyCsv);
  const [code] = (await once(psql, 'exit')) as [number];
  if (code !== 0) throw new Error(`psql \\copy failed with ${code}`);
} else {
  const client = (db as unknown as { $client: import('@electric-sql/pglite').PGlite }).$client;
  await client.query(
    `copy bench_copy (measure_id, period, area, value) from '/dev/blob' with (format csv)`,
    [],
    { blob: new Blob([copyCsv]) },
  );
}
const copySeconds = (performance.now() - copyStart) / 1000;
const copied = (await selectRows<{ n: number }>(sql.raw('select count(*)::int as n from bench_copy')))[0]!.n;
await db.execute(sql.raw('drop table bench_copy'));

const password = 'benchmark password 1';
await addUser(db, {
  organisationId: councilIds[0]!,
  email: 'bench@example.gov.uk',
  name: 'Bench',
  role: 'viewer',
  password,
});
const app = await buildApp({
  config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '.cache/unused' }),
  db,
  logger: false,
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(
  JSON.stringify({
    address,
    email: 'bench@example.gov.uk',
    password,
    database: url ? `PostgreSQL (${serverSource})` : 'embedded (PGlite, in memory)',
    rows,
    expected: COUNCILS * MEASURES * MONTHS,
    loadSeconds,
    copied,
    copySeconds,
  }),
);
process.on('message', () => void stop());
async function stop() {
  await app.close();
  await database.close();
  await drop?.();
  process.exit(0);
}
