/**
 * `sources` (npm run sources -- …): the upstream sources of CONFIG_DIR/sources.json.
 *
 *   sources import <file.opml>   add every feed of an OPML file; duplicates (by URL) skipped
 *   sources list                 one line per upstream source
 *   sources export               OPML 2.0 of the upstream sources on stdout
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { loadConfigData } from '../configData.js';
import { parseOpml, sourcesOpml, toSourceEntry, type SourceEntry } from '../sources/opml.js';
import { parseJsonFile, readConfigFiles } from './configFiles.js';
import { checkFolder } from './checkFolder.js';

const usage = 'use: sources import <file.opml> | sources list | sources export';

/** The same URL, however written: scheme and host in lower case, no fragment. */
function urlKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

export function sourcesCommand(args: string[], config: Pick<Config, 'configDir'>, print: (line: string) => void): number {
  checkFolder('CONFIG_DIR', config.configDir);
  const path = join(config.configDir, 'sources.json');
  const files = readConfigFiles(config.configDir);
  const data = loadConfigData(files, config.configDir);
  const raw = files['sources.json'] as { upstream?: SourceEntry[] } & Record<string, unknown>;
  const upstream: SourceEntry[] = Array.isArray(raw.upstream) ? raw.upstream : [];
  const [sub, file] = args;

  if (sub === 'list') {
    if (upstream.length === 0) print(`no upstream sources in ${path}`);
    for (const e of upstream) {
      const hints = [...(e.topics ?? []).map((t) => `topic:${t}`), ...(e.regions ?? []).map((r) => `region:${r}`)].join(' ');
      print([e.url, e.name ? `"${e.name}"` : null, hints || null].filter(Boolean).join('  '));
    }
    return 0;
  }
  if (sub === 'export') {
    print(sourcesOpml(upstream, new Date()).trimEnd());
    return 0;
  }
  if (sub !== 'import' || !file) throw new Error(usage);

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let feeds;
  try {
    feeds = parseOpml(text);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const known = new Set(upstream.map((e) => urlKey(e.url)));
  const added: SourceEntry[] = [];
  let skipped = 0;
  for (const feed of feeds) {
    const entry = toSourceEntry(feed, data.taxonomy);
    let problem: string | null = null;
    if (known.has(urlKey(entry.url))) problem = 'already a source';
    else {
      // Each entry validated as sources.json's own: a bad URL is skipped with the reason.
      try {
        loadConfigData({ ...files, 'sources.json': { ...raw, upstream: [entry] } }, config.configDir);
      } catch (error) {
        problem = (error as Error).message.replace(/^.*?upstream\[0\] \([^)]*\): /, '');
      }
    }
    if (problem) {
      skipped++;
      print(`skipped  ${entry.url}  (${problem})`);
      continue;
    }
    known.add(urlKey(entry.url));
    added.push(entry);
    print(`added    ${entry.url}${entry.name ? `  "${entry.name}"` : ''}`);
  }
  if (added.length > 0) {
    const next = { ...raw, upstream: [...upstream, ...added] };
    // The whole file validated again, then replaced in one rename (never half written).
    loadConfigData({ ...files, 'sources.json': parseJsonFile(JSON.stringify(next), path) }, config.configDir);
    writeFileSync(`${path}.tmp`, `${JSON.stringify(next, null, 2)}\n`);
    renameSync(`${path}.tmp`, path);
  }
  print(`${added.length} added, ${skipped} skipped, ${feeds.length} feeds in ${file}${added.length ? `; ${path} updated (restart Caravan to fetch them)` : ''}`);
  return 0;
}
