#!/usr/bin/env node
/*
 * The `wesaid` command. It runs the JavaScript built into dist/ by scripts/build.mjs (at `npm ci`),
 * building it again first when src/ has changed since, so a start never compiles TypeScript. When
 * TypeScript is not installed (a production install without dev dependencies and no build), it
 * runs the sources through tsx instead.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, distDir, isFresh } from '../scripts/build.mjs';

let fresh = isFresh();
if (!fresh) {
  // On stderr: stdout is the command's own output (import --text, --json), read by other programs.
  console.error('Building Wesaid (the sources changed since the last build)…');
  fresh = await build();
}
if (fresh) {
  await import(pathToFileURL(path.join(distDir, 'src', 'cli.js')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
