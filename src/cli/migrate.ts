import { bringUpToDate, openDatabase } from '../db/client.ts';
import type { Command } from './command.ts';

export const migrate: Command = {
  summary: 'Bring the database schema up to date (as DATABASE_OWNER_URL’s role when set)',
  options: {},
  async run({ config }) {
    const database = await openDatabase(config);
    try {
      await bringUpToDate(database, config);
      console.log(`The ${database.kind} database is up to date.`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
