/**
 * Loopback upstream for the ingestion bench (its own process): `count` feeds of `items` entries,
 * /feeds/<n>, made deterministically from the synthetic news text. Seven in ten are RSS 2.0 with
 * HTML content (links, images, a script and an iframe for the sanitizer to strip), two Atom 1.0,
 * one JSON Feed 1.1. Every feed has an ETag and Last-Modified and answers a matching
 * If-None-Match with 304.
 *
 *   argv: <count> <items> [hosts]   IPC out: { ready, ports } then { served, notModified, cpuMs } per 'stats'
 *   (cpuMs: this process's CPU time so far, so a run can tell how much of the cores the upstream took)
 *   Feed n is served on every port; the bench asks for it on port n % hosts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeXml, loadVocabulary, makeStory, pick, rng, type Rand, type Story } from './text.js';

const count = Number(process.argv[2] ?? 1000);
const perFeed = Number(process.argv[3] ?? 50);
const hosts = Number(process.argv[4] ?? 1);
const vocab = loadVocabulary();
const lastModified = 'Mon, 30 Jun 2025 12:00:00 GMT';
const newest = Date.parse('2025-06-30T12:00:00Z');

interface Entry {
  story: Story;
  guid: string;
  link: string;
  date: Date;
  html: string;
}

function html(rand: Rand, story: Story, link: string): string {
  const body = story.paragraphs.map((p, i) => {
    const text = escapeXml(p);
    if (i === 0) return `<p><strong>${escapeXml(story.countries[0].name)}</strong> &mdash; ${text}</p>`;
    if (i === 1) return `<p>${text} <a href="${link}?utm_source=rss&amp;utm_medium=feed" onclick="track()">Read more</a></p>`;
    return `<p>${text}</p>`;
  });
  if (rand() < 0.5) body.splice(1, 0, `<figure><img src="https://img.example/${Math.floor(rand() * 1e6)}.jpg" alt="Photo" width="800"><figcaption>Photo: ${escapeXml(pick(rand, ['AFP', 'Reuters', 'AP']))}</figcaption></figure>`);
  if (rand() < 0.3) body.push('<script>window.ads && ads.push({slot: "feed"});</script><iframe src="https://ads.example/x"></iframe>');
  return body.join('\n');
}

function entries(n: number): Entry[] {
  return Array.from({ length: perFeed }, (_, i) => {
    const rand = rng(n * 100_003 + i * 7 + 1);
    const story = makeStory(rand, vocab);
    const link = `https://outlet${n}.example/news/${n}-${i}`;
    return { story, guid: `${link}#${i}`, link, date: new Date(newest - (n * 3_600_000) / 7 - i * 1_800_000), html: html(rand, story, link) };
  });
}

function rss(n: number): string {
  const items = entries(n).map((e) => `<item>
<title>${escapeXml(e.story.title)}</title>
<link>${e.link}</link>
<guid isPermaLink="false">${e.guid}</guid>
<pubDate>${e.date.toUTCString()}</pubDate>
<dc:creator>${escapeXml(e.story.author)}</dc:creator>
<category>${escapeXml(e.story.topics[0])}</category>
<description>${escapeXml(e.story.paragraphs[0])}</description>
<content:encoded><![CDATA[${e.html}]]></content:encoded>
</item>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Outlet ${n}</title><link>https://outlet${n}.example/</link><description>News from outlet ${n}</description>
<language>en</language><ttl>15</ttl>
${items.join('\n')}
</channel></rss>`;
}

function atom(n: number): string {
  const items = entries(n).map((e) => `<entry>
<title type="text">${escapeXml(e.story.title)}</title>
<link rel="alternate" href="${e.link}"/>
<id>${e.guid}</id>
<published>${e.date.toISOString()}</published>
<updated>${e.date.toISOString()}</updated>
<author><name>${escapeXml(e.story.author)}</name></author>
<summary type="text">${escapeXml(e.story.paragraphs[0])}</summary>
<content type="html">${escapeXml(e.html)}</content>
</entry>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Outlet ${n}</title><id>https://outlet${n}.example/</id>
<updated>${new Date(newest).toISOString()}</updated><link rel="alternate" href="https://outlet${n}.example/"/>
${items.join('\n')}
</feed>`;
}

function jsonFeed(n: number): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', title: `Outlet ${n}`, home_page_url: `https://outlet${n}.example/`, language: 'en',
    items: entries(n).map((e) => ({
      id: e.guid, url: e.link, title: e.story.title, content_html: e.html, summary: e.story.paragraphs[0],
      date_published: e.date.toISOString(), authors: [{ name: e.story.author }],
    })),
  });
}

const types = { rss: 'application/rss+xml; charset=utf-8', atom: 'application/atom+xml; charset=utf-8', json: 'application/feed+json' } as const;
const kind = (n: number): keyof typeof types => (n % 10 < 7 ? 'rss' : n % 10 < 9 ? 'atom' : 'json');
const bodies = new Map<number, Buffer>();
const stats = { served: 0, notModified: 0 };

const handler: http.RequestListener = (req, res) => {
  const m = /^\/feeds\/(\d+)$/.exec(req.url ?? '');
  const n = m ? Number(m[1]) : -1;
  if (n < 0 || n >= count) {
    res.writeHead(404).end();
    return;
  }
  const etag = `"feed-${n}-v1"`;
  if (req.headers['if-none-match'] === etag) {
    stats.notModified++;
    res.writeHead(304, { etag, 'last-modified': lastModified }).end();
    return;
  }
  let body = bodies.get(n);
  if (!body) {
    const k = kind(n);
    body = Buffer.from(k === 'rss' ? rss(n) : k === 'atom' ? atom(n) : jsonFeed(n));
    bodies.set(n, body);
  }
  stats.served++;
  res.writeHead(200, { 'content-type': types[kind(n)], 'content-length': body.byteLength, etag, 'last-modified': lastModified });
  res.end(body);
};

// Several listening ports, each a host of its own to Caravan (its per-host limit counts host:port),
// as a thousand real feeds are on many hosts; all on 127.0.0.1, one process, one handler.
const servers = Array.from({ length: hosts }, () => http.createServer(handler));
await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
// Make every body now, so the timed run measures Caravan and not this server.
for (let n = 0; n < count; n++) {
  const k = kind(n);
  bodies.set(n, Buffer.from(k === 'rss' ? rss(n) : k === 'atom' ? atom(n) : jsonFeed(n)));
}
process.send!({ ready: true, ports: servers.map((server) => (server.address() as AddressInfo).port) });

process.on('message', (message: { cmd: string }) => {
  if (message.cmd === 'stats') {
    const cpu = process.cpuUsage();
    process.send!({ ...stats, cpuMs: (cpu.user + cpu.system) / 1000 });
  }
  if (message.cmd === 'exit') {
    for (const server of servers) server.closeAllConnections();
    Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))).then(() => process.exit(0));
  }
});
