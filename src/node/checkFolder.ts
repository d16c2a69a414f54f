import { accessSync, constants, statSync } from 'node:fs';

/**
 * A folder setting (CONFIG_DIR, FEEDS_DIR) that names a readable folder; otherwise a one-line
 * message naming the setting, the path (`dir`, as configured; `path` is what is checked) and the
 * cause, thrown before anything starts.
 */
export function checkFolder(setting: string, path: string, dir = path): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${setting} ${dir} does not exist` : `${setting} ${dir} cannot be read (${code ?? String(error)})`);
  }
  if (!isFolder) throw new Error(`${setting} ${dir} is not a folder`);
  try {
    accessSync(path, constants.R_OK | constants.X_OK);
  } catch (error) {
    throw new Error(`${setting} ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
