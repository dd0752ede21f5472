/*
 * Builds src/ into dist/src/ as JavaScript, so that `npm start` and the `wesaid` command run without
 * compiling TypeScript at every start. Each file is transpiled on its own (the code is written for
 * isolatedModules, and `npm run typecheck` is where types are checked), with relative `.ts` imports
 * rewritten to `.js`; every other file under src/ (templates, styles, migrations, seeds) is copied
 * beside them, since the code finds those relative to itself.
 *
 * Plain JavaScript rather than TypeScript, so it runs before anything is built. It writes a stamp
 * of what it built from; bin/wesaid.js compares it with src/ to decide whether dist/ is fresh.
 *
 * Usage: node scripts/build.mjs   (also run by `npm ci` through the `prepare` script)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(root, 'src');
export const distDir = path.join(root, 'dist');
const stampFile = path.join(distDir, 'build-stamp.txt');

/** Files the app does not need at run time: tests and what only tests read. */
const leftOut = (relative) => /\.test\.ts$/.test(relative) || relative.split(path.sep).includes('fixtures');

function sourceFiles(dir = sourceDir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? sourceFiles(full) : [full];
    })
    .sort();
}

/**
 * What the build is made from: every file's path, size and modification time, and the compiler
 * options. Cheap enough (a stat per file) to check at every start.
 */
export function sourceFingerprint() {
  const hash = createHash('sha256').update(`v1 ${process.version.split('.')[0]}\n`);
  for (const file of sourceFiles()) {
    const relative = path.relative(sourceDir, file);
    if (leftOut(relative)) continue;
    const { size, mtimeMs } = statSync(file);
    hash.update(`${relative}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** True when dist/ was built from src/ as it is now. */
export function isFresh() {
  try {
    return readFileSync(stampFile, 'utf8').trim() === sourceFingerprint();
  } catch {
    return false;
  }
}

/**
 * Builds into a folder beside dist/ and renames it into place, so a second process starting at
 * the same moment never runs a half-written build. Returns false when TypeScript is not
 * installed (a production install without dev dependencies): the caller then runs the sources.
 */
export async function build({ quiet = false, outDir = distDir } = {}) {
  let ts;
  try {
    ts = (await import('typescript')).default;
  } catch {
    return false;
  }
  const started = performance.now();
  const fingerprint = sourceFingerprint();
  const staging = `${outDir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  const compilerOptions = {
    target: ts.ScriptTarget.ES2022,
    // ES modules whatever the file: transpiling one file at a time, TypeScript cannot read
    // package.json's "type" as NodeNext would.
    module: ts.ModuleKind.ES2022,
    verbatimModuleSyntax: true,
    rewriteRelativeImportExtensions: true,
    sourceMap: false,
  };
  let count = 0;
  for (const file of sourceFiles()) {
    const relative = path.relative(sourceDir, file);
    if (leftOut(relative)) continue;
    const target = path.join(staging, 'src', relative);
    mkdirSync(path.dirname(target), { recursive: true });
    if (file.endsWith('.ts')) {
      const { outputText, diagnostics } = ts.transpileModule(readFileSync(file, 'utf8'), {
        compilerOptions,
        fileName: file,
        reportDiagnostics: true,
      });
      if (diagnostics?.length) {
        const message = ts.flattenDiagnosticMessageText(diagnostics[0].messageText, '\n');
        throw new Error(`${relative}: ${message}`);
      }
      writeFileSync(target.replace(/\.ts$/, '.js'), outputText);
      count += 1;
    } else {
      writeFileSync(target, readFileSync(file));
    }
  }
  // package.json beside the build, so Node reads dist/src as ES modules like the sources.
  writeFileSync(path.join(staging, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(path.join(staging, 'build-stamp.txt'), `${fingerprint}\n`);
  // Another start may have built the same sources meanwhile; its build is left in place.
  if (outDir === distDir && isFresh()) rmSync(staging, { recursive: true, force: true });
  else {
    rmSync(outDir, { recursive: true, force: true });
    renameSync(staging, outDir);
  }
  // On stderr: when a command builds first, its stdout is still only its own output.
  if (!quiet)
    console.error(
      `Built ${count} modules into dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!(await build())) console.log('TypeScript is not installed: the sources will be run through tsx.');
}
