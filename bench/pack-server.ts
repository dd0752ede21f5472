/**
 * The server for the "health during ten PDFs" benchmark, in its own process so that the load
 * generator does not share its event loop: a 50-priority meeting with approved reports, one
 * programme office account, and the app listening on loopback. Prints one JSON line.
 */
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openInMemory } from '../src/db/client.ts';
import { addUser } from '../src/db/people/commands.ts';
import { seedMeeting } from './board-pack.ts';

const database = await openInMemory();
await database.migrate();
const { organisationId, meetingId } = await seedMeeting(database.db, 50);
const password = 'benchmark password 1';
const user = await addUser(database.db, {
  organisationId,
  email: 'office@example.gov.uk',
  name: 'Programme office',
  role: 'programme-manager',
  password,
});
const config = loadConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  DATA_DIR: '.cache/unused',
  SESSION_SECRET: 'a bench secret that is long enough to be a key, not used outside the bench',
  WESAID_TODAY: '2024-09-10',
  SECURE_COOKIES: 'false',
});
const app = await buildApp({ config, db: database.db, logger: false });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(JSON.stringify({ address, email: user.email, password, meetingId }));
process.on('message', () => process.exit(0));
