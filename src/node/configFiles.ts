import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFileNames, type ConfigFiles } from '../configData.js';

/** The four files of CONFIG_DIR, parsed; a missing, unreadable or malformed file throws a message naming it. */
export function readConfigFiles(dir: string): ConfigFiles {
  const entries = configFileNames.map((name) => {
    const path = join(dir, name);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new Error(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    try {
      return [name, JSON.parse(text)];
    } catch (error) {
      throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
    }
  });
  return Object.fromEntries(entries) as ConfigFiles;
}
