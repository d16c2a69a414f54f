import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFileNames, loadConfigData, type ConfigData, type ConfigFiles } from '../../src/configData.js';

const root = join(import.meta.dirname, '..', '..');

/** The real config/ files, validated as the doors validate them. */
export function realConfigData(): ConfigData {
  const files = Object.fromEntries(
    configFileNames.map((name) => [name, JSON.parse(readFileSync(join(root, 'config', name), 'utf8'))]),
  ) as ConfigFiles;
  return loadConfigData(files);
}

/** Every seed page, keyed as the Node door lists them (`seed/000_x.txt`). */
export function seedPages(): Record<string, string> {
  const dir = join(root, 'feeds', 'seed');
  return Object.fromEntries(
    readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()
      .map((n) => [`seed/${n}`, readFileSync(join(dir, n), 'utf8')]),
  );
}
