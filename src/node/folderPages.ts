import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { PageReader } from '../ingest/pageReader.js';

/** Every `.txt`, `.html` and `.htm` page under the folder, as paths relative to it with forward slashes. */
export function folderPages(root: string): PageReader {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return walk(path);
        return entry.isFile() && (entry.name.endsWith('.txt') || /\.html?$/i.test(entry.name)) ? [relative(root, path).split(sep).join('/')] : [];
      });
  return {
    list: async () => (statSync(root, { throwIfNoEntry: false })?.isDirectory() ? walk(root) : []),
    read: async (ref) => {
      // Yield to the event loop between pages: requests and signals are answered during a long run.
      await new Promise((done) => setImmediate(done));
      return readFileSync(join(root, ref), 'utf8');
    },
    readBytes: async (ref) => {
      await new Promise((done) => setImmediate(done));
      return readFileSync(join(root, ref));
    },
  };
}
