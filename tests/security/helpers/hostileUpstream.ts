/**
 * Hostile upstream feeds for the property tests: a fast-check arbitrary of feed documents (random
 * structure, huge fields, deep nesting, entity expansion, external entities, invalid UTF-8, NUL
 * bytes, mixed encodings, markup attacks), and a loopback server that serves whatever body a test
 * sets and records every request (an external DTD or entity fetched would show up here).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';

export interface HostileDoc {
  body: Uint8Array;
  contentType: string;
  /** What went into it, for the failure message. */
  recipe: string;
}

export interface HostileServer {
  origin: string;
  /** Serve `doc` at `/feed/<n>`; returns the URL. */
  serve(doc: HostileDoc): string;
  /** Every path requested so far. */
  requests: string[];
  close(): Promise<void>;
}

export async function startHostileServer(): Promise<HostileServer> {
  const docs = new Map<string, HostileDoc>();
  const requests: string[] = [];
  let n = 0;
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const doc = docs.get(req.url ?? '');
    if (!doc) {
      // /evil.dtd and anything else an XML parser might try to fetch: say something recognizable.
      res.writeHead(200, { 'content-type': 'application/xml-dtd' });
      res.end('<!ENTITY leak "FETCHED-EXTERNAL-DTD">');
      return;
    }
    res.writeHead(200, { 'content-type': doc.contentType });
    res.end(doc.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    serve(doc) {
      const path = `/feed/${n++}`;
      docs.set(path, doc);
      return `${origin}${path}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Markers that must never reach the store: a local file's contents or a fetched external entity. */
export const leakMarkers = [/root:.*:0:0:/, /FETCHED-EXTERNAL-DTD/, /CARAVAN-LOCAL-SECRET/];

/** Text an attacker puts in any field. */
export function hostileText(secretPath: string, origin: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.lorem({ maxCount: 8 }) },
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>', '<a href=" JaVaScRiPt:alert(1)">x</a>',
        '<a href="jav&#x09;ascript:alert(1)">x</a>', '<iframe srcdoc="<script>alert(1)</script>"></iframe>', '<svg onload=alert(1)>',
        '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', '<style>@import "javascript:alert(1)"</style>',
        '<base href="https://evil.example/">', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', '<form action="javascript:x"><button>b</button></form>',
        '<object data="data:text/html,<script>alert(1)</script>"></object>', '<div style="background:url(javascript:alert(1))">s</div>',
        '<p onmouseover="alert(1)">hover</p>', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d</a>',
        '&lt;script&gt;alert(2)&lt;/script&gt;', '&amp;lt;script&amp;gt;', '<![CDATA[<script>alert(3)</script>]]>', ']]>', '<!-- <script> -->',
        '&xxe;', '&lol9;', '&secret;', '&leak;', '&#0;', '&#x0;', '&#xD800;', '&#x1F600;', '&#65;&#x42;', '&unknown;', '&',
        '\u0000', '\u0001\u0008\u000B\u001F', '\uFFFE\uFFFF', '\uD800', '\u202Eevil\u202C', '\u2028\u2029', 'é', 'Ω≈ç√', '\u{1F600}',
        `<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://${secretPath}" parse="text"/>`,
        `<img src="${origin}/pixel.png">`, `<a href="${origin}/x?utm_source=y">rel</a>`,
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom('A'.repeat(200_000), 'word '.repeat(20_000), '<b>'.repeat(5_000), '&amp;'.repeat(20_000)) },
  );
}

const escapeXml = (s: string) => s.replace(/&(?![a-zA-Z#][\w.-]*;)/g, '&amp;').replace(/</g, '&lt;');

/** One field's text as it appears in XML: raw (markup and entities live), escaped, or in CDATA. */
function xmlField(text: string, how: number): string {
  if (how === 0) return text;
  if (how === 1) return escapeXml(text);
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

export function hostileDoc(secretPath: string, origin: string): fc.Arbitrary<HostileDoc> {
  const text = hostileText(secretPath, origin);
  const field = fc.tuple(text, fc.integer({ min: 0, max: 2 })).map(([t, how]) => xmlField(t, how));
  const item = fc.record({
    title: field, link: fc.oneof(field, fc.constantFrom(`${origin}/a`, 'javascript:alert(1)', 'file:///etc/passwd', ' http://x.example/%ZZ')),
    description: field, content: field, author: field, date: fc.oneof(field, fc.constantFrom('Tue, 05 Mar 2024 10:20:30 GMT', '2024-13-45', '')),
    nest: fc.integer({ min: 0, max: 3 }), depth: fc.constantFrom(10, 1_000, 10_000),
  });
  const prolog = fc.constantFrom(
    '', '<?xml version="1.0" encoding="UTF-8"?>\n', '<?xml version="1.0" encoding="ISO-8859-1"?>\n', '<?xml version="1.0" encoding="UTF-16"?>\n',
    '<?xml version="1.0" encoding="x-nonsense"?>\n', '<?xml version="1.1"?>\n', '\uFEFF',
  );
  const doctype = fc.constantFrom(
    '',
    // Billion laughs: 10^9 "lol"s if anything expanded it.
    `<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">${Array.from({ length: 8 }, (_, i) =>
      `<!ENTITY lol${i + 2} "${`&lol${i + 1};`.repeat(10)}">`).join('')}<!ENTITY lol9x "&lol9;">]>\n`,
    '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
    `<!DOCTYPE rss [<!ENTITY secret SYSTEM "file://${secretPath}">]>\n`,
    `<!DOCTYPE rss [<!ENTITY % remote SYSTEM "${origin}/evil.dtd"> %remote;]>\n`,
    `<!DOCTYPE rss SYSTEM "${origin}/evil.dtd">\n`,
    `<!DOCTYPE rss PUBLIC "-//X//Y" "${origin}/evil.dtd">\n`,
    '<!DOCTYPE rss [<!ENTITY a "&b;"><!ENTITY b "&a;">]>\n', // recursive entities
    '<!DOCTYPE rss [ unterminated \n',
  );
  const format = fc.constantFrom('rss2', 'atom', 'rdf', 'json', 'garbage');
  const encoding = fc.constantFrom('utf8', 'utf8-invalid', 'latin1', 'utf16le', 'nul');
  const contentType = fc.constantFrom(
    'application/rss+xml', 'application/atom+xml; charset=utf-8', 'text/xml; charset=iso-8859-1', 'application/json', 'text/html',
    'application/xml; charset=utf-16', 'text/plain; charset=x-unknown', 'application/octet-stream',
  );
  return fc
    .record({ prolog, doctype, format, encoding, contentType, items: fc.array(item, { maxLength: 4 }), channelTitle: field })
    .map(({ prolog, doctype, format, encoding, contentType, items, channelTitle }) => {
      const nest = (s: string, it: { nest: number; depth: number }) => (it.nest === 3 ? `${'<div>'.repeat(it.depth)}${s}${'</div>'.repeat(it.depth)}` : s);
      let doc: string;
      if (format === 'json') {
        const deep = items.some((i) => i.nest === 3) ? '['.repeat(50_000) + ']'.repeat(50_000) : 'null';
        doc = `{"version":"https://jsonfeed.org/version/1.1","title":${JSON.stringify(channelTitle)},"deep":${deep},"items":[${items
          .map((i, n) => JSON.stringify({ id: `h${n}`, url: i.link, title: i.title, content_html: nest(i.content, i), summary: i.description, authors: [{ name: i.author }], date_published: i.date }))
          .join(',')}]}`;
      } else if (format === 'atom') {
        doc = `${prolog}${doctype}<feed xmlns="http://www.w3.org/2005/Atom"><title>${channelTitle}</title><id>urn:x</id><updated>2024-03-05T10:00:00Z</updated>${items
          .map((i, n) => `<entry><id>urn:h${n}</id><title type="html">${i.title}</title><link href="${escapeXml(i.link).replace(/"/g, '&quot;')}"/><content type="html">${nest(i.content, i)}</content><summary>${i.description}</summary><author><name>${i.author}</name></author><updated>${i.date}</updated></entry>`)
          .join('')}</feed>`;
      } else if (format === 'rdf') {
        doc = `${prolog}${doctype}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>${channelTitle}</title></channel>${items
          .map((i) => `<item><title>${i.title}</title><link>${i.link}</link><description>${nest(i.description, i)}</description></item>`).join('')}</rdf:RDF>`;
      } else if (format === 'rss2') {
        doc = `${prolog}${doctype}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${channelTitle}</title><link>${origin}/</link>${items
          .map((i, n) => `<item><title>${i.title}</title><link>${i.link}</link><guid>h${n}</guid><description>${i.description}</description><content:encoded>${nest(i.content, i)}</content:encoded><dc:creator>${i.author}</dc:creator><pubDate>${i.date}</pubDate>${i.nest === 2 ? `<x>${'<y>'.repeat(i.depth)}${'</y>'.repeat(i.depth)}</x>` : ''}</item>`)
          .join('')}</channel></rss>`;
      } else {
        doc = `${prolog}${doctype}${channelTitle}${items.map((i) => i.title + i.content).join('')}`;
      }
      let body: Uint8Array;
      if (encoding === 'latin1') body = Uint8Array.from(doc, (ch) => ch.charCodeAt(0) & 0xff);
      else if (encoding === 'utf16le') body = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc, 'utf16le')]));
      else {
        let bytes = Buffer.from(doc, 'utf8');
        if (encoding === 'utf8-invalid') {
          // Overlong, lone continuation, truncated and out-of-range sequences spliced into the middle.
          const at = Math.floor(bytes.length / 2);
          bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc0, 0xae, 0x80, 0xff, 0xe2, 0x82, 0xf4, 0x90, 0x80, 0x80, 0xed, 0xa0, 0x80]), bytes.subarray(at)]);
        }
        if (encoding === 'nul') bytes = Buffer.from(bytes.toString('latin1').replace(/></g, '>\u0000<'), 'latin1');
        body = new Uint8Array(bytes);
      }
      return { body, contentType, recipe: `${format}/${encoding}/${contentType}/${doctype.slice(0, 40)}/${items.length} items` };
    });
}
