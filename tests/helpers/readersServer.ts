import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from './startServer.js';

const root = join(import.meta.dirname, '..', '..');
const hostileDir = join(root, 'tests', 'fixtures', 'hostile');

/** `\uXXXX` in a fixture stands for that character (NUL, BEL, ...), so fixtures stay readable text. */
export function unescapeFixture(text: string): string {
  return text.replace(/\\u([0-9A-Fa-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The real server on a copy of `feeds/` with the hostile fixture pages added under `hostile/`.
 * BASE_URL is cleared so self links come from each request (the recording proxy's origin when a
 * reader goes through it).
 */
export async function startServerWithHostilePages(env: Record<string, string> = {}): Promise<RunningServer & { feedsDir: string }> {
  const feedsDir = mkdtempSync(join(tmpdir(), 'caravan-feeds-'));
  cpSync(join(root, 'feeds'), feedsDir, { recursive: true });
  cpSync(hostileDir, join(feedsDir, 'hostile'), { recursive: true, filter: (src) => !src.endsWith('.md') });
  for (const name of readdirSync(join(feedsDir, 'hostile'))) {
    const path = join(feedsDir, 'hostile', name);
    writeFileSync(path, unescapeFixture(readFileSync(path, 'utf8')));
  }
  const server = await startServer({ BASE_URL: '', FEEDS_DIR: feedsDir, ...env });
  return {
    ...server,
    feedsDir,
    stop: async () => {
      const code = await server.stop();
      rmSync(feedsDir, { recursive: true, force: true });
      return code;
    },
  };
}
