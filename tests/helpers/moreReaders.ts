import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';

const run = promisify(execFile);

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The other Debian readers the tests drive; .ci/run installs them all. */
export const moreReaders = {
  sfeed: has('sfeed') && has('sfeed_update') && has('curl'),
  rsstail: has('rsstail'),
  rss2email: has('r2e'),
  liferea: has('liferea') && has('xvfb-run') && has('dbus-run-session'),
};

export interface ReaderEntry {
  id: string;
  title: string;
  link: string;
  /** The date the reader shows, as Unix seconds; null when it shows none. */
  date: number | null;
  author: string;
}

/** sfeed's TSV fields escape `\t`, `\n` and `\\`. */
const unescapeSfeed = (field: string) => field.replace(/\\([tn\\])/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : '\\'));

function parseSfeedTsv(tsv: string): ReaderEntry[] {
  return tsv.split('\n').filter(Boolean).map((line) => {
    const [timestamp = '', title = '', link = '', , , id = '', author = ''] = line.split('\t').map(unescapeSfeed);
    return { id, title, link, date: timestamp === '' ? null : Number(timestamp), author };
  });
}

/** sfeed (the parser) on a document. */
export async function parseWithSfeed(xml: string): Promise<ReaderEntry[]> {
  const child = run('sfeed', [], { maxBuffer: 64 * 1024 * 1024 });
  child.child.stdin!.end(xml);
  return parseSfeedTsv((await child).stdout);
}

/** `sfeed_update` (curl, then sfeed) with an sfeedrc naming these feeds; entries by feed name. */
export async function sfeedUpdate(feeds: Record<string, string>): Promise<Record<string, ReaderEntry[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'caravan-sfeed-'));
  try {
    const rc = join(dir, 'sfeedrc');
    writeFileSync(rc, `sfeedpath="${dir}/feeds"\nfeeds() {\n${Object.entries(feeds).map(([name, url]) => `  feed "${name}" "${url}"`).join('\n')}\n}\n`);
    await run('sfeed_update', [rc], { env: { ...process.env, HOME: dir }, timeout: 120_000 });
    return Object.fromEntries(Object.keys(feeds).map((name) => [name, parseSfeedTsv(readFileSync(join(dir, 'feeds', name), 'utf8'))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `rsstail -1 -N -l -p`: one shot, each entry's title, link and (when it has one) date, in the document's order. */
export async function rsstail(url: string): Promise<Array<{ title: string; link: string; date: string | null }>> {
  const { stdout } = await run('rsstail', ['-u', url, '-1', '-N', '-l', '-p', '-n', '100'], { timeout: 60_000 });
  return stdout
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').map((l) => l.replace(/^ /, '')).filter(Boolean))
    .filter((lines) => lines.length >= 2 && /^https?:\/\//.test(lines[1]!))
    .map(([title, link, date]) => ({ title: title!, link: link!, date: date ?? null }));
}

const mailScript = String.raw`
import email, email.header, email.utils, json, os, sys
out = []
for name in sorted(os.listdir(sys.argv[1])):
    with open(os.path.join(sys.argv[1], name), 'rb') as f:
        m = email.message_from_binary_file(f)
    unfold = lambda value: str(email.header.make_header(email.header.decode_header(value))).replace('\r', '').replace('\n', '')
    subject = unfold(m['Subject'])
    sender = unfold(m['From'])
    out.append({'subject': subject, 'from': sender, 'date': email.utils.parsedate_to_datetime(m['Date']).timestamp(), 'feed': m['X-RSS-Feed'] or ''})
json.dump(out, sys.stdout)
`;

export interface Mail {
  subject: string;
  from: string;
  /** The Date header, Unix seconds. */
  date: number;
  /** X-RSS-Feed: the feed URL it came from. */
  feed: string;
}

/**
 * rss2email (`r2e add` each feed, then `r2e run`) delivering through a sendmail stand-in that
 * keeps every message; `date-header` on, so a message is dated as its entry is.
 */
export async function rss2email(feeds: Record<string, string>): Promise<Mail[]> {
  const dir = mkdtempSync(join(tmpdir(), 'caravan-r2e-'));
  try {
    const mail = join(dir, 'mail');
    mkdirSync(mail);
    const sendmail = join(dir, 'sendmail');
    writeFileSync(sendmail, `#!/bin/sh\ncat > "${mail}/$(date +%s%N)-$$.eml"\n`, { mode: 0o755 });
    const config = join(dir, 'r2e.cfg');
    writeFileSync(config, `[DEFAULT]\nto = reader@example.org\nemail-protocol = sendmail\nsendmail = ${sendmail}\ndate-header = True\n`);
    const r2e = (...args: string[]) => run('r2e', ['-c', config, '-d', join(dir, 'db.json'), ...args], { env: { ...process.env, HOME: dir }, timeout: 120_000 });
    for (const [name, url] of Object.entries(feeds)) await r2e('add', name, url);
    await r2e('run');
    const { stdout } = await run('/usr/bin/python3', ['-c', mailScript, mail]);
    return JSON.parse(stdout) as Mail[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface LifereaItem {
  title: string;
  link: string;
  guid: string;
  date: number;
  /** From RSS `<source>`. */
  realSourceTitle: string | null;
  author: string | null;
}

/**
 * Liferea in a virtual X display (xvfb-run) with its own home: it starts with these
 * subscriptions (its feedlist.opml), updates them all at start-up, and is stopped once every
 * subscription holds `expected(url)` items (or after the timeout). Items by subscription URL.
 */
export async function liferea(urls: string[], expected: (url: string) => number, timeoutMs = 90_000): Promise<Record<string, LifereaItem[]>> {
  const home = mkdtempSync(join(tmpdir(), 'caravan-liferea-'));
  const config = join(home, '.config');
  const data = join(home, '.local', 'share');
  mkdirSync(join(config, 'liferea'), { recursive: true });
  mkdirSync(join(config, 'glib-2.0', 'settings'), { recursive: true });
  mkdirSync(data, { recursive: true });
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  writeFileSync(join(config, 'liferea', 'feedlist.opml'), `<?xml version="1.0"?>\n<opml version="1.0"><head><title>t</title></head><body>\n${urls
    .map((url, i) => `<outline text="feed ${i}" title="feed ${i}" type="rss" xmlUrl="${escape(url)}" updateInterval="-1"/>`)
    .join('\n')}\n</body></opml>\n`);
  // Update every subscription at start-up, and count a loopback-only machine as online.
  writeFileSync(join(config, 'glib-2.0', 'settings', 'keyfile'), '[net/sf/liferea]\nstartup-feed-action=0\nintranet-connectivity=true\n');
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: config, XDG_DATA_HOME: data, XDG_CACHE_HOME: join(home, '.cache'), GSETTINGS_BACKEND: 'keyfile', NO_AT_BRIDGE: '1', GTK_USE_PORTAL: '0' };
  const child = spawn('xvfb-run', ['-a', 'dbus-run-session', '--', 'liferea'], { env, stdio: 'ignore', detached: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const dbFile = join(data, 'liferea', 'liferea.db');
  const read = (): Record<string, LifereaItem[]> | null => {
    if (!readdirSync(join(data)).includes('liferea')) return null;
    try {
      const db = new Database(dbFile, { readonly: true, fileMustExist: true });
      try {
        const rows = db.prepare(`
          SELECT s.source AS url, i.title, i.source AS link, i.source_id AS guid, i.date,
            (SELECT value FROM metadata m WHERE m.item_id = i.item_id AND m.key = 'realSourceTitle') AS realSourceTitle,
            (SELECT value FROM metadata m WHERE m.item_id = i.item_id AND m.key IN ('author', 'creator') ORDER BY m.nr LIMIT 1) AS author
          FROM items i JOIN subscription s ON s.node_id = i.node_id ORDER BY i.item_id`).all() as Array<LifereaItem & { url: string }>;
        const out: Record<string, LifereaItem[]> = Object.fromEntries(urls.map((u) => [u, []]));
        for (const { url, ...item } of rows) out[url]?.push(item);
        return out;
      } finally {
        db.close();
      }
    } catch {
      return null;
    }
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const deadline = Date.now() + timeoutMs;
  let items: Record<string, LifereaItem[]> | null = null;
  try {
    while (Date.now() < deadline && child.exitCode === null) {
      await sleep(1000);
      items = read();
      if (items && urls.every((u) => items![u]!.length >= expected(u))) break;
    }
    return items ?? Object.fromEntries(urls.map((u) => [u, []]));
  } finally {
    // xvfb-run, dbus-run-session, Xvfb and Liferea: the whole process group this test started.
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await Promise.race([exited, sleep(5000)]);
    // The leader (xvfb-run) can exit before the rest of its group: wait for all of it, then kill what is left.
    const groupAlive = () => {
      try {
        process.kill(-child.pid!, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let waited = 0; groupAlive() && waited < 10_000; waited += 200) await sleep(200);
    if (groupAlive()) process.kill(-child.pid!, 'SIGKILL');
    // The document portal that dbus started mounts a FUSE file system at .cache/doc (no
    // XDG_RUNTIME_DIR here); it may still be unmounting, or, if the portal was killed, be left
    // mounted and unreachable: then unmount it lazily.
    for (let attempt = 0; ; attempt++) {
      try {
        rmSync(home, { recursive: true, force: true });
        break;
      } catch (error) {
        if (attempt >= 25) throw error;
        if (attempt === 10) spawnSync('fusermount', ['-u', '-z', join(home, '.cache', 'doc')], { stdio: 'ignore' });
        await sleep(200);
      }
    }
  }
}
