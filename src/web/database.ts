import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Clock } from '../domain/clock.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
    /** The one clock: pages, papers and rules read the date from here, never from the machine. */
    clock: Clock;
  }
}

/** The cross-cutting handles every feature uses. The caller owns opening and closing the database. */
export const database = fp<{ db: Db; config: Config; clock: Clock }>(
  (app, { db, config, clock }, done) => {
    app.decorate('db', db);
    app.decorate('config', config);
    app.decorate('clock', clock);
    done();
  },
  { name: 'database' },
);
