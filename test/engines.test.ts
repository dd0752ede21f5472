import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import semver from 'semver';

const root = path.resolve(import.meta.dirname, '..');
const json = <T>(file: string): T => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as T;
type Engines = { engines?: { node?: string } };

// The `engines` field is a promise: every package the lockfile installs must run on the oldest Node it
// names, or `npm ci` warns (EBADENGINE) and the promise is not true (issue 14).
test('every package in the lockfile supports the oldest Node that package.json names', () => {
  const floor = semver.minVersion(json<Engines>('package.json').engines!.node!)!.version;
  const { packages } = json<{ packages: Record<string, Engines> }>('package-lock.json');
  const refusing = Object.entries(packages)
    .filter(([name, p]) => name && typeof p.engines?.node === 'string')
    .filter(([, p]) => !semver.satisfies(floor, p.engines!.node!))
    .map(([name, p]) => `${name.replace(/^.*node_modules\//, '')} needs node ${p.engines!.node}`);
  assert.deepEqual(refusing, [], `Node ${floor}`);
});
