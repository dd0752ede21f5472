import { openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataFolderInUseError extends Error {}

/**
 * The embedded database must be opened by one process at a time: a second writer would corrupt it.
 * A lock file holding the owner's process id makes a command that writes while the server runs
 * refuse with a clear message instead. A lock left by a process that has died is taken over.
 */
export function acquireDataFolderLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'wesaid.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new DataFolderInUseError(
          `The data folder ${dataDir} is in use by another Wesaid process (process ${owner}), usually the server. ` +
            'Stop it first, or make the change through the web pages or the API, or use PostgreSQL through DATABASE_URL.',
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataFolderInUseError(`Could not lock the data folder ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
