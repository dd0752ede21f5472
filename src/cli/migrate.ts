import { openDatabase } from '../db/client.ts';
import type { Command } from './command.ts';

export const migrate: Command = {
  summary: 'Bring the database schema up to date',
  options: {},
  async run({ config }) {
    const database = await openDatabase(config);
    try {
      await database.migrate();
      console.log(`The ${database.kind} database is up to date.`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
