import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { PageReader } from '../ingest/pageReader.js';
import { checkFolder } from './checkFolder.js';

/** A file system error in words: `cannot read: permission denied (EACCES)`. */
function fileError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    EACCES: 'permission denied', EPERM: 'operation not permitted', ENOENT: 'the file is gone', EISDIR: 'it is a folder',
    EIO: 'I/O error', ELOOP: 'too many symbolic links', EMFILE: 'too many open files',
  };
  return code ? `cannot read: ${words[code] ?? message} (${code})` : `cannot read: ${message}`;
}

/**
 * Every `.txt`, `.html` and `.htm` page under the folder, as paths relative to it with forward
 * slashes. Listing a folder that does not exist throws (`FEEDS_DIR ./feeds does not exist`, with
 * the path as configured, `shownAs`): the run reports it as a failed `pages` row. A file that
 * cannot be read says why (`cannot read: permission denied (EACCES)`); `size` lets a page over the
 * cap be refused without reading it.
 */
export function folderPages(root: string, shownAs = root): PageReader {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return walk(path);
        return entry.isFile() && (entry.name.endsWith('.txt') || /\.html?$/i.test(entry.name)) ? [relative(root, path).split(sep).join('/')] : [];
      });
  const readBytes = async (ref: string): Promise<Uint8Array> => {
    // Yield to the event loop between pages: requests and signals are answered during a long run.
    await new Promise((done) => setImmediate(done));
    try {
      return new Uint8Array(readFileSync(join(root, ref)));
    } catch (error) {
      throw new Error(fileError(error));
    }
  };
  return {
    list: async () => {
      // Checked at start-up too; a folder removed since is this run's failed `pages` row.
      checkFolder('FEEDS_DIR', root, shownAs);
      try {
        return walk(root);
      } catch (error) {
        throw new Error(`FEEDS_DIR ${shownAs}: ${fileError(error)}`);
      }
    },
    size: async (ref) => {
      try {
        return statSync(join(root, ref)).size;
      } catch (error) {
        throw new Error(fileError(error));
      }
    },
    read: async (ref) => new TextDecoder().decode(await readBytes(ref)),
    readBytes,
  };
}
