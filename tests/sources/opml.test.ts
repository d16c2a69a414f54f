/**
 * `sources import / list / export` on the compiled door, with OPML files shaped like the exports
 * of newsboat (`newsboat -e`), Liferea, Miniflux and FreshRSS (written here, not copied).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realConfigData } from '../helpers/configData.js';
import { parseOpml, toSourceEntry } from '../../src/sources/opml.js';
import { distEntry } from '../helpers/startServer.js';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'caravan-opml-'));
// vitest puts BASE_URL=/ into process.env; it is not a Caravan setting here.
const { BASE_URL: _ignored, ...parentEnv } = process.env;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const newsboat = `<?xml version="1.0"?>
<opml version="1.0">
  <head><title>newsboat - Exported Feeds</title></head>
  <body>
    <outline type="rss" xmlUrl="https://one.example.org/feed.xml" htmlUrl="https://one.example.org/" title="One News"/>
    <outline type="rss" xmlUrl="https://two.example.org/rss" htmlUrl="https://two.example.org/" title="Two &amp; Co"/>
  </body>
</opml>`;
const liferea = `<?xml version="1.0"?>
<opml version="1.0">
  <head><title>Liferea Feed List Export</title></head>
  <body>
    <outline title="Aviation" text="Aviation" description="Aviation" type="folder" expanded="true">
      <outline title="Sky Daily" text="Sky Daily" description="Sky Daily" type="rss" xmlUrl="https://sky.example.org/atom.xml" htmlUrl="https://sky.example.org/" updateInterval="-1"/>
    </outline>
    <outline title="Friends" text="Friends" type="folder">
      <outline title="Blogs" text="Blogs" type="folder">
        <outline title="Ann's blog" text="Ann's blog" type="rss" xmlUrl="https://ann.example.net/index.xml"/>
      </outline>
    </outline>
  </body>
</opml>`;
const miniflux = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Miniflux</title><dateCreated>Mon, 01 Dec 2025 10:00:00 UTC</dateCreated></head>
  <body>
    <outline text="Kazakhstan">
      <outline title="Steppe Wire" text="Steppe Wire" xmlUrl="https://steppe.example.com/feed" htmlUrl="https://steppe.example.com" description="Steppe Wire"></outline>
    </outline>
    <outline text="All">
      <outline title="One again" text="One again" xmlUrl="https://ONE.example.org/feed.xml" htmlUrl="https://one.example.org/"></outline>
    </outline>
  </body>
</opml>`;
const freshrss = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0" xmlns:frss="https://freshrss.org/opml">
  <head><title>FreshRSS</title></head>
  <body>
    <outline text="Uncategorized">
      <outline text="Local thing" type="rss" xmlUrl="http://127.0.0.1:9/feed" htmlUrl="http://127.0.0.1:9/" description=""/>
      <outline text="Not a feed" type="rss" xmlUrl="ftp://files.example.org/feed" htmlUrl="" frss:cssFullContent=""/>
      <outline text="Energy Now" type="rss" xmlUrl="https://energy.example.org/feed.json" htmlUrl="https://energy.example.org/" frss:priority="10"/>
    </outline>
  </body>
</opml>`;

function sources(configDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [distEntry, 'sources', ...args], { cwd: root, env: { ...parentEnv, CONFIG_DIR: configDir }, encoding: 'utf8' });
  return { code: result.status, out: `${result.stdout}${result.stderr}`.trim() };
}

describe('OPML → sources.json', () => {
  it('reads feeds flat and in nested folders; folders naming a topic or region become hints, others a name prefix', () => {
    const taxonomy = realConfigData().taxonomy;
    expect(parseOpml(newsboat).map((f) => toSourceEntry(f, taxonomy))).toEqual([
      { url: 'https://one.example.org/feed.xml', name: 'One News' },
      { url: 'https://two.example.org/rss', name: 'Two & Co' },
    ]);
    expect(parseOpml(liferea).map((f) => toSourceEntry(f, taxonomy))).toEqual([
      { url: 'https://sky.example.org/atom.xml', name: 'Sky Daily', topics: ['aviation'] },
      { url: 'https://ann.example.net/index.xml', name: "Friends / Blogs / Ann's blog" },
    ]);
    expect(parseOpml(miniflux).map((f) => toSourceEntry(f, taxonomy))[0]).toEqual({ url: 'https://steppe.example.com/feed', name: 'Steppe Wire', regions: ['kazakhstan'] });
    expect(() => parseOpml('<rss version="2.0"><channel/></rss>')).toThrow('not an OPML file');
  });

  it('imports four readers\' exports, validated, skipping duplicates and bad entries, then lists and exports them', () => {
    const config = join(dir, 'config');
    cpSync(join(root, 'config'), config, { recursive: true });
    const files = Object.entries({ newsboat, liferea, miniflux, freshrss }).map(([name, text]) => {
      const path = join(dir, `${name}.opml`);
      writeFileSync(path, text);
      return path;
    });
    const outputs = files.map((file) => sources(config, 'import', file));
    for (const o of outputs) expect(o.code, o.out).toBe(0);
    expect(outputs[0].out).toMatch(/2 added, 0 skipped, 2 feeds in /);
    expect(outputs[1].out).toMatch(/2 added, 0 skipped, 2 feeds in /);
    expect(outputs[2].out).toContain('skipped  https://ONE.example.org/feed.xml  (already a source)');
    expect(outputs[2].out).toMatch(/1 added, 1 skipped/);
    expect(outputs[3].out).toMatch(/skipped {2}http:\/\/127\.0\.0\.1:9\/feed {2}\(.*private/);
    expect(outputs[3].out).toMatch(/skipped {2}ftp:\/\/files\.example\.org\/feed {2}\(.*http/);
    expect(outputs[3].out).toMatch(/1 added, 2 skipped/);
    // Again: everything is a duplicate now, and the file is not rewritten.
    const before = readFileSync(join(config, 'sources.json'), 'utf8');
    expect(sources(config, 'import', files[0]).out).toMatch(/0 added, 2 skipped/);
    expect(readFileSync(join(config, 'sources.json'), 'utf8')).toBe(before);

    const saved = JSON.parse(before) as { upstream: { url: string }[]; $comment: unknown; pages: unknown };
    expect(saved.upstream.map((e) => e.url)).toEqual([
      'https://one.example.org/feed.xml', 'https://two.example.org/rss', 'https://sky.example.org/atom.xml',
      'https://ann.example.net/index.xml', 'https://steppe.example.com/feed', 'https://energy.example.org/feed.json',
    ]);
    expect(saved.$comment).toBeDefined();
    expect(saved.pages).toEqual({ enabled: true });

    const list = sources(config, 'list');
    expect(list.out.split('\n')).toHaveLength(6);
    expect(list.out).toContain('https://sky.example.org/atom.xml  "Sky Daily"  topic:aviation');

    const exported = sources(config, 'export');
    expect(exported.code).toBe(0);
    const back = parseOpml(exported.out);
    expect(back.map((f) => f.url)).toEqual(saved.upstream.map((e) => e.url));
    expect(back[1].title).toBe('Two & Co');
    // newsboat reads the exported file back (its -i import) when it is installed.
    if (spawnSync('newsboat', ['--version']).status === 0) {
      const urls = join(dir, 'urls');
      writeFileSync(urls, '');
      writeFileSync(join(dir, 'export.opml'), exported.out);
      execFileSync('newsboat', ['-u', urls, '-c', join(dir, 'cache.db'), '-i', join(dir, 'export.opml')], { env: { ...process.env, HOME: dir } });
      expect(readFileSync(urls, 'utf8')).toContain('https://energy.example.org/feed.json');
    }
  });

  it('says what is wrong with a file that is not OPML, or a wrong subcommand', () => {
    const config = join(dir, 'config-2');
    cpSync(join(root, 'config'), config, { recursive: true });
    writeFileSync(join(dir, 'feed.xml'), '<rss version="2.0"><channel/></rss>');
    expect(sources(config, 'import', join(dir, 'feed.xml'))).toEqual({ code: 1, out: `caravan: ${join(dir, 'feed.xml')}: not an OPML file (no <opml> root element)` });
    expect(sources(config, 'import', join(dir, 'missing.opml')).out).toMatch(/missing\.opml: cannot read \(ENOENT\)/);
    expect(sources(config, 'frobnicate')).toEqual({ code: 1, out: 'caravan: use: sources import <file.opml> | sources list | sources export' });
  });
});
