import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { demoSeedsFolder } from '../demo/load-demo.ts';
import { docxText, findOutOfOrder, pdfText } from '../reports/text-readback.ts';
import { smtpSink } from '../../test/helpers/smtp.ts';
import { UsageError } from './command.ts';
import { chooseMeeting, type MeetingChoice } from './pack.ts';

const run = promisify(execFile);
const bin = path.resolve('bin/wesaid.js');

async function wesaid(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const meeting = (board: string, meetingId = 1): MeetingChoice => ({
  meetingId,
  organisationId: 1,
  board,
  council: 'Tameside',
});

test('--board matches case-insensitively, the exact name before a part of one', () => {
  const day = [
    meeting('Improvement Board', 1),
    meeting('Improvement Board Sub-group', 2),
    meeting('Corporate Parenting Board', 3),
  ];
  assert.equal(chooseMeeting(day, 'improvement board', '2024-09-10').meetingId, 1);
  assert.equal(chooseMeeting(day, 'parenting', '2024-09-10').meetingId, 3);
  assert.throws(
    () => chooseMeeting(day, 'board', '2024-09-10'),
    (e: Error) =>
      e instanceof UsageError &&
      /3 boards met on 2024-09-10: "Improvement Board", "Improvement Board Sub-group", "Corporate Parenting Board"/.test(
        e.message,
      ),
  );
  assert.throws(
    () => chooseMeeting(day, 'Cabinet', '2024-09-10'),
    /No board called "Cabinet" met on 2024-09-10/,
  );
});

test('with several boards that day and no --board, the command refuses and names them', () => {
  assert.throws(
    () =>
      chooseMeeting([meeting('Improvement Board'), meeting('Scrutiny Panel', 2)], undefined, '2024-09-10'),
    /2 boards met on 2024-09-10: "Improvement Board", "Scrutiny Panel"\. Say which with --board NAME\./,
  );
  assert.throws(() => chooseMeeting([], undefined, '2024-09-11'), /No board met on 2024-09-11\./);
  assert.equal(chooseMeeting([meeting('Improvement Board', 7)], undefined, '2024-09-10').meetingId, 7);
});

test(
  'wesaid pack writes the seed meeting’s pack as DOCX and PDF; wesaid remind sends nothing for a held meeting',
  { skip: Boolean(process.env.TEST_DATABASE_URL) && 'embedded only' },
  async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wesaid-pack-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const env = { DATA_DIR: dir };
    const seed = path.join(demoSeedsFolder, '2024-09-10-highlight-report-pack.txt');
    assert.equal((await wesaid(['import', seed], env)).code, 0);

    const docxFile = path.join(dir, 'pack.docx');
    const written = await wesaid(
      ['pack', '--meeting', '2024-09-10', '--board', 'improvement', '--format', 'docx', '--out', docxFile],
      env,
    );
    assert.equal(written.code, 0, written.stderr);
    assert.match(written.stdout, /Wrote the Improvement Board pack for 2024-09-10 \(4 priorities\)/);
    const docx = await docxText(readFileSync(docxFile));
    const order = [
      'Priority 1: Quality of Practice',
      'Priority 2: Working in Partnership',
      'Priority 3: Achieving Permanence',
      'Priority 4: Leadership and Workforce',
      'Your Infant Feeding offer is excellent',
    ];
    assert.equal(findOutOfOrder(docx, order), undefined);

    const pdfFile = path.join(dir, 'pack.pdf');
    assert.equal(
      (await wesaid(['pack', '--meeting', '2024-09-10', '--format', 'pdf', '--out', pdfFile], env)).code,
      0,
    );
    assert.equal(findOutOfOrder(await pdfText(readFileSync(pdfFile)), order), undefined);

    const none = await wesaid(['pack', '--meeting', '2024-09-11', '--format', 'pdf', '--out', pdfFile], env);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /No board met on 2024-09-11\./);
    assert.equal(
      (await wesaid(['pack', '--meeting', '2024-09-10', '--format', 'rtf', '--out', pdfFile], env)).code,
      2,
    );

    const sink = await smtpSink(t);
    const reminded = await wesaid(['remind'], { ...env, SMTP_URL: sink.url, WESAID_TODAY: '2024-09-01' });
    assert.equal(reminded.code, 0, reminded.stderr);
    assert.match(reminded.stdout, /No reminders were due\./);
    assert.equal((await wesaid(['remind'], env)).code, 1);
  },
);
