/**
 * Crash safety of the real Node door: `npm run ingest`'s command killed with SIGKILL at random
 * moments (during start-up and migration, while pages are read, while items are written) over
 * 400 generated pages, then started again. After every kill the file is consistent (every item
 * whole: row, tags and full-text row agree; no duplicates; items from before keep firstSeen), the
 * next process takes over the killed one's lease at once, and a last run completes the work.
 * SIGTERM stops a run cleanly: exit 0 after the write in progress, the rest left for the next run.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openNodeRuntime } from '../../src/node/runtime.js';
import { checkStore } from './helpers/checkStore.js';
import { writePages } from './helpers/pages.js';
import { killAll, sleep, startNode } from './helpers/proc.js';

const total = 400;
const before = 100;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caravan-crash-'));
});
afterAll(async () => {
  await killAll();
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves once the store's version moves past `from` (the run's first write committed). */
async function firstWrite(path: string, from: number, proc: { child: { exitCode: number | null } }) {
  const db = new Database(path, { readonly: true });
  try {
    for (let i = 0; i < 1500 && proc.child.exitCode === null; i++) {
      const row = db.prepare("SELECT value FROM meta WHERE key = 'version'").get() as { value: number } | undefined;
      if ((row?.value ?? 0) > from) return;
      await sleep(10);
    }
  } finally {
    db.close();
  }
}

const version = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT value FROM meta WHERE key = 'version'").get() as { value: number }).value;
  } finally {
    db.close();
  }
};

/**
 * One whole run through the Node door in this process (the same `openNodeRuntime().ingest()` as
 * `npm run ingest`, without paying for another process start); returns its log.
 */
async function ingestToEnd(env: Record<string, string>) {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  try {
    const runtime = await openNodeRuntime({ ...env, LOG_LEVEL: 'info' });
    const run = await runtime.ingest();
    await runtime.store.close();
    expect(run?.status, lines.join('\n')).toBe('ok');
  } finally {
    spy.mockRestore();
  }
  return lines.join('\n');
}

describe('SIGKILL at random moments of an ingestion run', () => {
  it('leaves a consistent store every time, and the next run completes the work', async () => {
    const feeds = join(dir, 'kill-feeds');
    const env = { FEEDS_DIR: feeds, DB_PATH: join(dir, 'kill.db') };
    // Before: 100 items with their firstSeen.
    writePages(feeds, before, 0);
    await ingestToEnd(env);
    const first = checkStore(env.DB_PATH);
    expect(first.count).toBe(before);

    // Then every old page changes and 500 new ones arrive; runs over them are killed.
    writePages(feeds, before, 1);
    writePages(feeds, total - before, 0, before);
    const kills: string[] = [];
    const counts: number[] = [];
    // One kill during start-up (loading, opening the file), one while pages are read, two at
    // random moments after the run's first write committed (while items are written).
    const moments = [
      { at: 'start-up', ms: 200 + Math.random() * 1000 },
      { at: 'reading', ms: Math.random() * 300 },
      { at: 'writing', ms: Math.random() * 300 },
      { at: 'writing', ms: Math.random() * 300 },
    ];
    let killedInRun = false;
    for (const moment of moments) {
      const proc = startNode('ingest', env);
      if (moment.at !== 'start-up') await proc.waitFor(/ingest: (started|skipped)/);
      if (moment.at === 'writing') await firstWrite(env.DB_PATH, version(env.DB_PATH), proc);
      await sleep(moment.ms);
      proc.child.kill('SIGKILL');
      const { signal } = await proc.exited;
      const label = `${moment.at} +${Math.round(moment.ms)} ms (${signal ?? 'finished first'})`;
      kills.push(label);
      if (killedInRun) expect(proc.output(), label).toMatch(/took over the lease of a stopped ingestion/);
      expect(proc.output(), label).not.toMatch(/skipped, another ingestion is running/);
      killedInRun = signal === 'SIGKILL' && /ingest: started/.test(proc.output());

      const snapshot = checkStore(env.DB_PATH); // throws, naming the problem, when inconsistent
      // Pages whose item is written by now: the updated old ones and the new ones.
      counts.push([...snapshot.items.values()].filter((i) => i.contentText.includes('revision 1')).length + snapshot.count - before);
      expect(snapshot.count, label).toBeGreaterThanOrEqual(before);
      for (const [id, item] of first.items) expect(snapshot.items.get(id)?.firstSeen, `${label}: ${item.title}`).toBe(item.firstSeen);
    }

    if (process.env.CRASH_DEBUG) console.log(kills, counts);
    // The next run completes the work: every page, every update, firstSeen kept.
    const output = await ingestToEnd(env);
    expect(output).toMatch(/ingest: finished status=ok pages=400/);
    if (killedInRun) expect(output).toMatch(/took over the lease of a stopped ingestion .*reason="process \d+ no longer runs"/);
    const last = checkStore(env.DB_PATH);
    expect(last.count).toBe(total);
    expect(last.lease).toBeNull();
    for (const [id, item] of first.items) {
      expect(last.items.get(id)?.firstSeen).toBe(item.firstSeen);
      expect(last.items.get(id)?.contentText).toContain('revision 1');
    }
    // Kills landed between the first and the last write of a run.
    expect(counts.some((n) => n > 0 && n < total), `${kills.join('; ')} → pages written ${counts.join(', ')}`).toBe(true);
  }, 60_000);
});

describe('SIGTERM during an ingestion run', () => {
  it('finishes the write in progress, exits 0, and leaves the rest for the next run', async () => {
    const feeds = join(dir, 'term-feeds');
    const env = { FEEDS_DIR: feeds, DB_PATH: join(dir, 'term.db') };
    writePages(feeds, total, 0);
    mkdirSync(join(dir, 'none'), { recursive: true });
    await ingestToEnd({ ...env, FEEDS_DIR: join(dir, 'none') }); // the schema exists: the run's first write is visible
    const proc = startNode('ingest', env);
    await proc.waitFor(/ingest: started/);
    await firstWrite(env.DB_PATH, version(env.DB_PATH), proc);
    await sleep(Math.random() * 100);
    const sent = Date.now();
    proc.child.kill('SIGTERM');
    const { code, signal } = await proc.exited;
    expect({ code, signal }, proc.output()).toEqual({ code: 0, signal: null });
    expect(Date.now() - sent).toBeLessThan(5_000);
    expect(proc.output()).toMatch(/ingest: stopping signal=SIGTERM/);
    expect(proc.output()).not.toMatch(/page: failed/); // pages left unread are not failures
    // The run was cut short between two sources, and says so.
    expect(proc.output()).toMatch(/WARN ingest: interrupted status=partial .*reason=SIGTERM left=\d+/);
    const stopped = checkStore(env.DB_PATH);
    expect(stopped.lease).toBeNull(); // released on the way out: the next run need not wait

    const output = await ingestToEnd(env);
    expect(output).toMatch(/ingest: finished status=ok pages=400/);
    expect(output).not.toMatch(/took over the lease/);
    expect(checkStore(env.DB_PATH).count).toBe(total);
  }, 40_000);
});
