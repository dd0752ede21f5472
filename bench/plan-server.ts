import { systemClock } from '../src/clock.ts';
/**
 * The server under test for the page benchmarks, in its own process so the load generator does not
 * share its event loop. It loads the demo plan (and, with BENCH_SCALE > 1, a generated plan that
 * many times its size), renders the pages once to files served as static bytes by the same server,
 * and prints one JSON line with what the benchmark needs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { sql, type SQL } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import pg from 'pg';
import { openDatabase, openInMemory } from '../src/db/client.ts';
import { commitments, improvementAreas, outcomes, plans, priorities } from '../src/db/schema.ts';
import { addUser, ensureOrganisation } from '../src/db/people/commands.ts';
import { loadDemo } from '../src/demo/load-demo.ts';

/** The embedded database in memory, or a fresh database on the server at BENCH_DATABASE_URL. */
async function benchDatabase() {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) return openInMemory();
  const name = `wesaid_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return openDatabase({ DATABASE_URL: url.toString(), DATA_DIR: '.cache/unused' });
}

// Both drivers answer execute() with { rows }.
async function rows<T>(query: SQL): Promise<T[]> {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the two drivers type execute()'s result differently
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const scale = Number(process.env.BENCH_SCALE ?? '1');
const database = await benchDatabase();
await database.migrate();
const db = database.db;
const organisationId = await ensureOrganisation(db, 'Tameside Metropolitan Borough Council');
const password = 'benchmark password 1';
const user = await addUser(db, {
  organisationId,
  email: 'bench@example.gov.uk',
  name: 'Bench',
  role: 'viewer',
  password,
});
// The demo's people, for the benchmarks that sign in as a role (the home pages).
const demoAccounts = await loadDemo(db, organisationId, systemClock);

// The demo's largest plan is the unit of size.
const [demoPlan] = await rows<{ id: number }>(
  sql`select plan_id as id from priorities group by plan_id order by count(*) desc limit 1`,
);
let planId = demoPlan!.id;
if (scale > 1) planId = await generateScaledPlan(planId, scale);

async function generateScaledPlan(templatePlanId: number, factor: number): Promise<number> {
  const templatePriorities = await db
    .select()
    .from(priorities)
    .where(sql`${priorities.planId} = ${templatePlanId}`);
  const [plan] = await db
    .insert(plans)
    .values({
      organisationId,
      title: `Generated plan (${factor} times the demo)`,
      period: '2024 to 2026',
      status: 'adopted',
    })
    .returning();
  let number = 1;
  for (let copy = 0; copy < factor; copy++) {
    for (const template of templatePriorities) {
      const [priority] = await db
        .insert(priorities)
        .values({ ...template, id: undefined, planId: plan!.id, number: number++, version: 1 } as never)
        .returning();
      const areas = await db
        .select()
        .from(improvementAreas)
        .where(sql`${improvementAreas.priorityId} = ${template.id}`);
      const areaIds = new Map<number, number>();
      for (const area of areas) {
        const [created] = await db
          .insert(improvementAreas)
          .values({ ...area, id: undefined, priorityId: priority!.id } as never)
          .returning();
        areaIds.set(area.id, created!.id);
      }
      const cs = await db
        .select()
        .from(commitments)
        .where(sql`${commitments.priorityId} = ${template.id}`);
      for (const c of cs) {
        const [created] = await db
          .insert(commitments)
          .values({
            ...c,
            id: undefined,
            priorityId: priority!.id,
            improvementAreaId: c.improvementAreaId ? (areaIds.get(c.improvementAreaId) ?? null) : null,
          } as never)
          .returning();
        const os = await db
          .select()
          .from(outcomes)
          .where(sql`${outcomes.commitmentId} = ${c.id}`);
        if (os.length)
          await db
            .insert(outcomes)
            .values(os.map((o) => ({ ...o, id: undefined, commitmentId: created!.id })) as never);
      }
    }
  }
  return plan!.id;
}

const [size] = await rows<{ priorities: number; areas: number; commitments: number; outcomes: number }>(sql`
  select (select count(*)::int from priorities where plan_id = ${planId}) as priorities,
         (select count(*)::int from improvement_areas a join priorities p on p.id = a.priority_id where p.plan_id = ${planId}) as areas,
         (select count(*)::int from commitments c join priorities p on p.id = c.priority_id where p.plan_id = ${planId}) as commitments,
         (select count(*)::int from outcomes o join commitments c on c.id = o.commitment_id join priorities p on p.id = c.priority_id where p.plan_id = ${planId}) as outcomes`);
// The priority with the most commitments, so the priority page is the heaviest one.
const [busiest] = await rows<{ id: number }>(sql`
  select p.id from priorities p left join commitments c on c.priority_id = p.id
  where p.plan_id = ${planId} group by p.id order by count(c.id) desc, p.id limit 1`);

const config = loadConfig({
  NODE_ENV: 'production',
  SESSION_SECRET: 'benchmark-session-secret-not-for-real-use',
  LOG_LEVEL: 'silent',
  SECURE_COOKIES: 'false',
  // The date the app works to: the demo's story (its next meeting, its deadlines) is live on its own date.
  ...(process.env.BENCH_TODAY ? { WESAID_TODAY: process.env.BENCH_TODAY } : {}),
});
const staticDir = mkdtempSync(path.join(tmpdir(), 'wesaid-bench-'));
// Same server, same framework, same bytes: the ratio isolates the app's own work.
const app = await buildApp({
  config,
  db,
  logger: false,
  extra: async (instance) => {
    await instance.register(fastifyStatic, {
      root: staticDir,
      prefix: '/bench-static/',
      decorateReply: false,
    });
  },
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });

console.log(
  JSON.stringify({
    address,
    email: user.email,
    password,
    planId,
    priorityId: busiest!.id,
    staticDir,
    size,
    accounts: demoAccounts.map(({ role, email, password }) => ({ role, email, password })),
  }),
);

process.on('message', (message: { html?: Record<string, string> }) => {
  for (const [name, html] of Object.entries(message.html ?? {}))
    writeFileSync(path.join(staticDir, name), html);
  process.send?.('written');
});
