import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { getIssuedPapers, meetingsOnAnyCouncil } from '../db/board/queries.ts';
import { systemActor } from '../db/changes.ts';
import { openDatabase } from '../db/client.ts';
import { demoSeedsFolder } from '../demo/load-demo.ts';
import { testClock } from '../../test/helpers/clock.ts';
import { issueMeetingPapers } from '../web/board/papers.ts';

const run = promisify(execFile);
const bin = path.resolve('bin/wesaid.js');

test(
  'wesaid pack writes the issued papers, byte for byte, once the meeting’s papers are issued',
  { skip: Boolean(process.env.TEST_DATABASE_URL) && 'embedded only' },
  async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wesaid-pack-issued-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const env = { ...process.env, DATABASE_URL: '', DATA_DIR: dir };
    const seed = path.join(demoSeedsFolder, '2024-09-10-highlight-report-pack.txt');
    await run(process.execPath, [bin, 'import', seed], { env });

    const database = await openDatabase({ DATA_DIR: dir });
    let stored: Buffer;
    try {
      const [meeting] = await meetingsOnAnyCouncil(database.db, '2024-09-10');
      await issueMeetingPapers(
        database.db,
        meeting!.organisationId,
        meeting!.meetingId,
        { clock: testClock() },
        systemActor('Test'),
      );
      stored = (await getIssuedPapers(
        database.db,
        meeting!.organisationId,
        'board-pack',
        meeting!.meetingId,
      ))!.docx;
    } finally {
      await database.close();
    }

    const out = path.join(dir, 'pack.docx');
    const { stdout } = await run(
      process.execPath,
      [bin, 'pack', '--meeting', '2024-09-10', '--format', 'docx', '--out', out],
      { env },
    );
    assert.match(stdout, /as issued on .* \(version 1, 4 priorities\)/);
    assert.ok(readFileSync(out).equals(stored));
  },
);
