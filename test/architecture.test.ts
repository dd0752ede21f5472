import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

/*
 * The layer rules of docs/architecture.md, checked: the lint rule refuses a route that imports the
 * schema, and the folders' imports draw no cycle.
 */

const root = path.resolve(import.meta.dirname, '..');

/** The project's lint config, for text linted as if it stood at a path in src (no type information there). */
const linter = () =>
  new ESLint({
    cwd: root,
    ignore: false,
    overrideConfig: [
      { files: ['src/web/example/**', 'src/domain/example.ts'], ...tseslint.configs.disableTypeChecked },
    ],
  });

test('the boundary rule refuses a route that imports the schema or the generic write helpers', async () => {
  const eslint = linter();
  const file = path.join(root, 'test/lint-fixtures/src/web/example/routes.ts');
  // Linted as if it stood at src/web/example/routes.ts, where the rule applies.
  const [result] = await eslint.lintText(readFileSync(file, 'utf8'), {
    filePath: path.join(root, 'src/web/example/routes.ts'),
  });
  const refused = result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line);
  assert.deepEqual(refused, [2, 3]);
});

test('the domain imports nothing outside src/domain', async () => {
  const eslint = linter();
  const [result] = await eslint.lintText(
    "import { plans } from '../db/schema.ts';\nexport const p = plans;\n",
    {
      filePath: path.join(root, 'src/domain/example.ts'),
    },
  );
  assert.ok(result!.messages.some((m) => m.ruleId === 'no-restricted-imports'));
});

/** Every relative import in src, as folder → folder (tests left out: they may reach anywhere). */
function folderEdges(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'migrations' && entry.name !== 'fixtures') walk(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const from = path.relative(root, dir);
        for (const match of readFileSync(full, 'utf8').matchAll(
          /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g,
        )) {
          const to = path.relative(root, path.dirname(path.resolve(dir, match[1]!)));
          // A feature folder and its parent share infrastructure both ways (the schema aggregator).
          if (to === from || to.startsWith(from + '/') || from.startsWith(to + '/')) continue;
          if (!edges.has(from)) edges.set(from, new Set());
          edges.get(from)!.add(to);
        }
      }
    }
  };
  walk(path.join(root, 'src'));
  return edges;
}

/** A cycle is two folders that reach each other, directly or through others. */
function findCycle(edges: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of edges.keys()) {
    if (!state.has(node)) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return null;
}

test('no folder of src imports, directly or through others, a folder that imports it', () => {
  const cycle = findCycle(folderEdges());
  assert.equal(cycle, null, `folder cycle: ${cycle?.join(' → ')}`);
});
