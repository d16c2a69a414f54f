/**
 * The ingestion reference ("floor"): the irreducible job of ingesting upstream feeds, with the
 * packages Caravan's design card names and nothing of Caravan in it (plain JavaScript, run by plain
 * `node`, importing only the global fetch (undici), rss-parser, sanitize-html, better-sqlite3 and
 * node:*). For every feed: fetch it (at most `concurrency` at once and `perHost` per host), parse it
 * (rss-parser; JSON.parse for JSON Feed), sanitize each entry's HTML (sanitize-html, an allowlist),
 * take its text from the sanitized HTML, and insert each item with its text into SQLite (WAL) with
 * an FTS5 full-text index kept by a trigger. Sources are written in source order while later ones
 * are fetched, several whole sources per transaction while their items add up to at most
 * `batchItems` (as many transactions as Caravan makes of the same feeds).
 *
 * With `worker: true`, bodies are parsed and sanitized in one worker thread (this file again) and
 * the main thread fetches and writes.
 *
 *   node bench/reference/ingestFloor.mjs <spec.json>
 *   spec: { urls: string[], concurrency, perHost, batchItems, dbPath, worker: boolean }
 *   prints one line of JSON: { wallMs, cpuMs, mainThreadCpuMs, items, sources, transactions }
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import Parser from 'rss-parser';
import sanitizeHtml from 'sanitize-html';

const sanitizeOptions = {
  allowedTags: sanitizeHtml.defaults.allowedTags.concat(['img', 'figure', 'figcaption']),
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'width', 'height'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template', 'svg'],
};

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
/** Plain text of sanitized HTML: tags out, the common entities decoded, whitespace collapsed. */
const textOf = (html) =>
  html.replace(/<[^>]*>/g, ' ').replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e) => entities[e]).replace(/\s+/g, ' ').trim();

const parser = new Parser({ customFields: { item: [['content:encoded', 'contentEncoded']] } });

/** A feed body to items { id, url, title, html, text, published }. */
async function readBody(body) {
  const text = new TextDecoder().decode(body);
  const entries = text.trimStart().startsWith('{')
    ? JSON.parse(text).items.map((i) => ({ id: i.id, link: i.url, title: i.title, html: i.content_html, date: i.date_published }))
    : (await parser.parseString(text)).items.map((i) => ({
      id: i.guid ?? i.id ?? i.link, link: i.link, title: i.title, html: i.contentEncoded ?? i.content, date: i.isoDate ?? i.pubDate,
    }));
  return entries.map((e) => {
    const html = e.html ? sanitizeHtml(e.html, sanitizeOptions) : null;
    return { id: e.id, url: e.link ?? null, title: e.title ?? '', html, text: html ? textOf(html) : '', published: e.date ?? null };
  });
}

if (!isMainThread) {
  parentPort.on('message', async ({ n, body }) => {
    try {
      parentPort.postMessage({ n, items: await readBody(body) });
    } catch (error) {
      parentPort.postMessage({ n, error: String(error) });
    }
  });
} else {
  const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const { urls, concurrency, perHost, batchItems, dbPath } = spec;
  for (const p of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(p, { force: true });
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('temp_store = MEMORY');
  db.exec(`
    CREATE TABLE items (id TEXT PRIMARY KEY, url TEXT, title TEXT NOT NULL, content_text TEXT NOT NULL, content_html TEXT, published TEXT);
    CREATE VIRTUAL TABLE items_fts USING fts5 (title, content_text, content = 'items', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2');
    CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
      INSERT INTO items_fts (rowid, title, content_text) VALUES (new.rowid, new.title, new.content_text);
    END;`);
  const insert = db.prepare('INSERT INTO items (id, url, title, content_text, content_html, published) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING');
  let items = 0;
  let transactions = 0;
  const write = db.transaction((sources) => {
    for (const list of sources) for (const i of list) items += insert.run(i.id, i.url, i.title, i.text, i.html, i.published).changes;
  });

  const worker = spec.worker ? new Worker(new URL(import.meta.url)) : null;
  const waiting = new Map();
  worker?.on('message', ({ n, items: read, error }) => {
    const w = waiting.get(n);
    waiting.delete(n);
    if (error) w.reject(new Error(error));
    else w.resolve(read);
  });
  const read = (n, body) => (worker
    ? new Promise((resolve, reject) => {
      waiting.set(n, { resolve, reject });
      worker.postMessage({ n, body }, [body.buffer]);
    })
    : readBody(body));

  const mainThreadCpuMs = () => {
    // utime + stime of the main thread (task id = pid), in clock ticks (100 per second on Linux).
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  /** CPU ms of every thread of this process since it started, summed by thread name. */
  const threadCpuMs = () => {
    const by = {};
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const name = tid === String(process.pid) ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
        by[name] = (by[name] ?? 0) + (Number(fields[11]) + Number(fields[12])) * 10;
      } catch {
        // The thread ended meanwhile.
      }
    }
    return by;
  };
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadCpuMs();
  const t0 = performance.now();

  // Results in source order; written in batches of whole sources while the earlier ones are in.
  const results = new Array(urls.length);
  let written = 0;
  let batch = [];
  let batched = 0;
  const flush = () => {
    if (batch.length === 0) return;
    write(batch);
    transactions++;
    [batch, batched] = [[], 0];
  };
  const drain = () => {
    for (; written < urls.length && results[written] !== undefined; written++) {
      const list = results[written];
      results[written] = null;
      if (list.length === 0) continue;
      if (batched > 0 && batched + list.length > batchItems) flush();
      batch.push(list);
      batched += list.length;
      if (batched >= batchItems) flush();
    }
  };

  // At most `concurrency` fetches at once and `perHost` per host, started in source order.
  const hostOf = (url) => new URL(url).host;
  const active = new Map();
  const pending = urls.map((_, n) => n);
  let running = 0;
  /** Bodies fetched and not yet read: at most 32 held (as Caravan holds), fetching waits beyond. */
  let held = 0;
  let failure = null;
  const reads = [];
  await new Promise((resolve) => {
    const pump = () => {
      if (pending.length === 0 && running === 0) return resolve();
      for (let p = 0; p < pending.length && running < concurrency && held < 32; ) {
        const n = pending[p];
        const host = hostOf(urls[n]);
        if ((active.get(host) ?? 0) >= perHost) {
          p++;
          continue;
        }
        pending.splice(p, 1);
        running++;
        active.set(host, (active.get(host) ?? 0) + 1);
        fetch(urls[n])
          .then(async (response) => {
            if (!response.ok) throw new Error(`${urls[n]}: HTTP ${response.status}`);
            return new Uint8Array(await response.arrayBuffer());
          })
          .then((body) => {
            // The slot is free once the body is in; the body is read meanwhile.
            running--;
            held++;
            active.set(host, active.get(host) - 1);
            pump();
            reads.push(read(n, body).then((list) => {
              held--;
              results[n] = list;
              drain();
              pump();
            }));
          })
          .catch((error) => {
            failure ??= error;
            running--;
            active.set(host, active.get(host) - 1);
            pump();
          });
      }
    };
    pump();
  });
  await Promise.all(reads);
  drain();
  flush();
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(cpu0);
  const out = {
    wallMs, cpuMs: (used.user + used.system) / 1000, mainThreadCpuMs: mainThreadCpuMs() - main0,
    threads: threadCpuMs(), items, sources: urls.length, transactions,
    ftsRows: db.prepare("SELECT count(*) AS n FROM items_fts WHERE items_fts MATCH 'a* OR e* OR i* OR o*'").get().n,
    error: failure ? String(failure) : null,
  };
  db.close();
  await worker?.terminate();
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
