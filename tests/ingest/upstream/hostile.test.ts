import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/item.js';
import { startFixtureServer, type FixtureServer } from '../../fixtures/upstream/server.js';
import { run, source } from './helpers.js';

let server: FixtureServer;
let articles: Article[];
let feedSource: string | null;

beforeAll(async () => {
  server = await startFixtureServer();
  const { results } = await run([source(`${server.origin}/hostile.xml`)], { port: server.port });
  articles = results[0].articles;
  feedSource = articles[0]?.source ?? null;
});
afterAll(() => server.close());

const dangerous = /<script|<style|<iframe|<object|<embed|<form|<input|<button|<svg|<math|<meta|<link|<base|\son[a-z]+\s*=|javascript:|vbscript:|data:|expression\(|style=|target=/i;

describe('hostile HTML', () => {
  it('comes out clean, keeping the harmless parts (relative URLs resolved against the channel link)', () => {
    const html = articles[0].contentHtml!;
    expect(html).not.toMatch(dangerous);
    expect(html).toBe(
      [
        '<p>Intro <b>bold</b></p>',
        '',
        // Frames and embeds become plain links to what they embed.
        '<a href="https://evil.example/frame" rel="noopener noreferrer">Embedded content from evil.example</a>',
        '',
        '<a href="https://evil.example/embed.swf" rel="noopener noreferrer">Embedded content from evil.example</a>',
        'Send',
        '',
        '<img src="https://hostile.example/pixel.png" alt="relative image" />',
        '',
        '<a rel="noopener noreferrer">js link</a>',
        '<a rel="noopener noreferrer">mixed case js link</a>',
        '<a rel="noopener noreferrer">tab js link</a>',
        '<a rel="noopener noreferrer">vb link</a>',
        '<a rel="noopener noreferrer">data link</a>',
        '<a href="https://hostile.example/safe/page" rel="noopener noreferrer">safe link</a>',
        '<div>css expression</div>',
        '',
        '',
        '',
        '',
        '',
        '<p>Text that mentions &lt;script&gt;alert(9)&lt;/script&gt; as text.</p>',
      ].join('\n'),
    );
    expect(articles[0].paragraphs).toEqual([
      'Intro bold',
      'Send js link mixed case js link tab js link vb link data link safe link',
      'css expression',
      'Text that mentions <script>alert(9)</script> as text.',
    ]);
  });

  it('gives plain-text titles, authors and source, and no javascript: url', () => {
    expect(articles.map((a) => [a.title, a.url])).toEqual([
      ['Breaking bold news', null],
      ['Ends with ]]> marker', 'https://hostile.example/cdata'],
      ['<script>alert(1)</script> entity trick', 'https://hostile.example/entities'],
      ['Controlchars and gone', null],
    ]);
    expect(articles[0].authors).toEqual(['Mallory']);
    expect(feedSource).toBe('Hostile Feed');
  });

  it('does not let double-escaped or split markup become tags', () => {
    const html = articles[2].contentHtml!;
    expect(html).not.toMatch(dangerous);
    expect(html).toBe('&lt;script&gt;alert(2)&lt;/script&gt; <img src="https://hostile.example/x" />ipt&gt;alert(4)');
    expect(articles[2].paragraphs).toEqual(['<script>alert(2)</script> ipt>alert(4)']);
  });

  it('strips characters XML 1.0 cannot carry from every text field', () => {
    const invalid = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
    for (const a of articles) {
      for (const text of [a.title, a.contentHtml ?? '', a.source ?? '', ...a.paragraphs, ...a.authors]) expect(text).not.toMatch(invalid);
    }
    expect(articles[3].paragraphs).toEqual(['Fine text']);
  });
});
