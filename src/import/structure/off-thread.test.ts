import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { zipBomb } from './bomb.ts';
import { closeStructurePool, readStructure, readStructureOffThread, StructurePool } from './index.ts';

after(() => closeStructurePool());

describe('readStructureOffThread', () => {
  it('reads as readStructure does, in a worker, while this thread keeps answering', async () => {
    const text = Array.from({ length: 40_000 }, (_, i) =>
      i % 5 === 0 ? `Priority ${i}: Title` : `- item ${i}`,
    ).join('\n');
    const bytes = Buffer.from(text);
    // Started first, so the worker is loaded before the timing below.
    await readStructureOffThread(Buffer.from('warm'), 'warm.txt');
    let ticks = 0;
    let longest = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      ticks++;
    }, 5);
    const result = await readStructureOffThread(bytes, 'plan.txt');
    clearInterval(timer);
    assert.deepEqual(result, await readStructure(bytes, 'plan.txt'));
    assert.ok(ticks > 0);
    assert.ok(longest < 500, `the event loop stalled for ${longest} ms`);
    const bomb = await readStructureOffThread(zipBomb(300), 'bomb.docx');
    assert.equal(bomb.ok ? undefined : bomb.reason, 'unsafe');
  });

  it('refuses at once when its queue is full, and a read that runs too long', async (t) => {
    const pool = new StructurePool({ size: 1, queueLimit: 0, timeoutMs: 1 });
    t.after(() => pool.close());
    const first = pool.read(Buffer.from('x'.repeat(1000)), 'one.txt');
    const second = await pool.read(Buffer.from('y'), 'two.txt');
    assert.equal(second.ok ? undefined : second.reason, 'busy');
    assert.match(second.ok ? '' : second.message, /^two\.txt was not read: too many documents/);
    const late = await first;
    assert.equal(late.ok ? undefined : late.reason, 'unreadable');
    assert.match(late.ok ? '' : late.message, /^one\.txt took too long to read/);
  });
});
