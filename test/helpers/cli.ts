import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/wesaid.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a person would, on the embedded database; never throws on a non-zero exit. */
export async function wesaid(args: string[], env: Record<string, string>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A data folder of the test's own, removed when it ends. */
export function dataFolder(t: TestContext): { DATA_DIR: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'wesaid-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return { DATA_DIR: dir };
}
