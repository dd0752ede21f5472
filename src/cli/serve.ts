import type { Clock } from '../domain/clock.ts';
import { buildApp } from '../app.ts';
import { clockFor } from '../clock.ts';
import { formatDate } from '../domain/format.ts';
import { bringUpToDate, openDatabase, type Db } from '../db/client.ts';
import { hasAnyCouncil } from '../db/people/queries.ts';
import { ensureOrganisation } from '../db/people/commands.ts';
import { demoDate } from '../demo/demo-date.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { loadCharts } from '../reports/charts.ts';
import type { Command } from './command.ts';

export const serve: Command = {
  summary: 'Start the web server (with --demo: load the demo plan into an empty embedded database)',
  options: { demo: { type: 'boolean', default: false } },
  async run({ config, clock: given, values }) {
    // The demo's story is set on its own date unless WESAID_TODAY says otherwise.
    const clock = values.demo && !config.WESAID_TODAY ? clockFor({ WESAID_TODAY: demoDate }) : given;
    const database = await openDatabase(config);
    await bringUpToDate(database, config);
    if (values.demo) {
      if (database.kind === 'embedded' && (await isEmpty(database.db)))
        await startDemo(database.db, clock, config.PUBLIC_URL);
      else if (database.kind !== 'embedded')
        console.log(
          'Demo data is only loaded into the embedded database; using the PostgreSQL database as it is.',
        );
    }
    const app = await buildApp({ config, db: database.db, clock });
    const close = async (signal: string) => {
      app.log.info({ signal }, 'shutting down');
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void close('SIGINT'));
    process.once('SIGTERM', () => void close('SIGTERM'));
    await app.listen({ port: config.PORT, host: config.HOST });
    // One plain line after the logs, for the person who has just typed `npm start`.
    console.log(`Wesaid is running: open ${localAddress(config.HOST, config.PORT)}`);
    // Charts are not needed to answer the first request: load them now it is listening, so the
    // first scorecard does not wait for them.
    setImmediate(() => void loadCharts());
    return new Promise<number>(() => undefined);
  },
};

/** The address to type into a browser on this machine. */
function localAddress(host: string, port: number): string {
  const local = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${local}:${port}`;
}

const isEmpty = async (db: Db): Promise<boolean> => !(await hasAnyCouncil(db));

async function startDemo(db: Db, clock: Clock, publicUrl: string): Promise<void> {
  const organisationId = await ensureOrganisation(db, 'Tameside Metropolitan Borough Council');
  console.log('First start: loading the demo (about ten seconds).');
  const accounts = await loadDemo(db, organisationId, clock, {
    publicUrl,
    progress: (step) => console.log(`  ${step}…`),
  });
  const lines = accounts.map((a) => `  ${a.role.padEnd(18)} ${a.email.padEnd(40)} ${a.password}`);
  console.log(
    [
      '',
      'Demo data loaded: Tameside Council’s improvement plan.',
      'Sign in with one of these accounts (shown once; the passwords are random):',
      ...lines,
      '',
      `Demo date: ${formatDate(clock.today())} — set WESAID_TODAY to change`,
      '',
    ].join('\n'),
  );
}
