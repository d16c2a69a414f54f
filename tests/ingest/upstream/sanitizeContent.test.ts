import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { htmlToParagraphs, textToParagraphs } from '../../../src/ingest/upstream/htmlToParagraphs.js';
import { hasContent, htmlToText, sanitizeContent, titleText } from '../../../src/ingest/upstream/sanitizeContent.js';
import { decodeBasicEntities } from '../../../src/ingest/upstream/xmlText.js';
import { cleanLine, foldWhiteSpace, stripInvalidXml } from '../../../src/ingest/cleanText.js';

const base = 'https://site.example/blog/post/';

describe('sanitizeContent', () => {
  it('keeps allowed structure and resolves links and images', () => {
    expect(sanitizeContent('<h2 id="x" class="y">Head</h2><p>A <a href="../other?utm_source=a&amp;k=v" title="t">link</a> <img src="i.png" srcset="a 1x" width="10" loading="lazy"></p>', base)).toBe(
      '<h2>Head</h2><p>A <a href="https://site.example/blog/other?k=v" title="t" rel="noopener noreferrer">link</a> <img src="https://site.example/blog/post/i.png" width="10" /></p>',
    );
    expect(sanitizeContent('<a href="mailto:ed@site.example">mail</a>', base)).toBe('<a href="mailto:ed@site.example" rel="noopener noreferrer">mail</a>');
    expect(sanitizeContent('<ul><li>one</li><li>two</li></ul><table><tr><td colspan="2" onclick="x">c</td></tr></table>', base)).toBe(
      '<ul><li>one</li><li>two</li></ul><table><tr><td colspan="2">c</td></tr></table>',
    );
  });

  it('gives null when nothing readable is left', () => {
    expect(sanitizeContent('<script>x</script><style>p{}</style>  ', base)).toBeNull();
    expect(sanitizeContent('<p> </p>', base)).toBeNull();
    expect(sanitizeContent('<p><img src="https://site.example/a.png"></p>', base)).toBe('<p><img src="https://site.example/a.png" /></p>');
  });

  it('never lets dangerous markup through, whatever the input', () => {
    const pieces = [
      '<script>', '</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">', '<a href="data:text/html,x">', '<iframe src=x>',
      '<style>', '<svg onload=x>', '<div style="x:expression(1)">', '&lt;script&gt;', '<![CDATA[', ']]>', '<!--', '-->', '"', "'", '<', '>', 'text', '<p>',
      '</p>', '<object>', '<embed src=x>', '<form>', '<a href="vbscript:x">', '<img src="data:image/png;base64,AA">', '<scr', 'ipt>', 'on', 'error=',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const html = sanitizeContent(parts.join(''), base) ?? '';
        expect(html).not.toMatch(/<script|<style|<iframe|<svg|<object|<embed|<form|\son[a-z]+=|javascript:|vbscript:|data:|style=/i);
      }),
    );
  });
});

describe('plain text', () => {
  it('titles: html titles lose tags and decode entities once; text titles stay literal', () => {
    expect(titleText('<b>Bold</b> &amp; <i>news</i>', 'html')).toBe('Bold & news');
    expect(titleText('&amp;lt;b&amp;gt;', 'html')).toBe('&lt;b&gt;');
    expect(titleText('AT&T rises &mdash; again', 'guess')).toBe('AT&T rises — again');
    expect(titleText('x <script>alert(1)</script> y', 'guess')).toBe('x y');
    expect(titleText('a < b > c', 'guess')).toBe('a < b > c');
    expect(titleText('Why <div> beats &lt;span&gt;', 'text')).toBe('Why <div> beats &lt;span&gt;');
    expect(titleText('  multi\n\t line \u00a0 title ', 'text')).toBe('multi line title');
    expect(htmlToText('<p>a</p><p>b &quot;c&quot; &#39;d&#39; &#x1F600;</p>')).toBe('ab "c" \'d\' 😀');
  });

  it('paragraphs: block elements split, inline elements join, entities decoded', () => {
    const html = sanitizeContent('<p>One <b>bold</b>\n word</p><div>Two<br>Three</div><ul><li>Four &amp; five</li></ul>Loose <i>text</i><table><tr><td>a</td><td>b</td></tr></table><blockquote>&lt;q&gt;</blockquote>', base)!;
    expect(htmlToParagraphs(html)).toEqual(['One bold word', 'Two', 'Three', 'Four & five', 'Loose text', 'a b', '<q>']);
    expect(textToParagraphs('First  line\nstill first\n\n\n  Second\r\n\r\nThird\n \n')).toEqual(['First line still first', 'Second', 'Third']);
  });

  it('strips characters XML 1.0 cannot carry', () => {
    expect(stripInvalidXml('a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh\tj\nk\rl')).toBe('abcdefgh\tj\nk\rl');
    expect(stripInvalidXml('lone \uD800 high, lone \uDC00 low, pair \uD83C\uDF84 ok, reversed \uDC00\uD800.')).toBe('lone  high, lone  low, pair 🎄 ok, reversed .');
    expect(cleanLine(' \u0001 a \u2003\u00a0 b ')).toBe('a b');
  });
});

describe('fast paths give what the full computation gives', () => {
  // Pieces that make the cases: white space of every kind, entities (some decoding to white
  // space), tags, media, stray < and >.
  const piece = fc.constantFrom(
    ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\r\n', 'a', 'Zé', '.', ';', '&amp;', '&#32;', '&#160;', '&#x20;', '&nbsp;', '&lt;',
    '<p>', '</p>', '<br />', '<b>', '</b>', '<img src="https://i.example/x.png" />', '<img alt="x" />', '<a href="https://a.example/">',
    '</a>', '<', '>', '<span title="a>b">', '\u0000', '\ud800',
  );
  const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

  it('cleanLine folds white space as one replace of every run would', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 60 })), (t) => {
      expect(cleanLine(t)).toBe(stripInvalidXml(t).replace(/\s+/g, ' ').trim());
    }), { numRuns: 3000 });
  });

  it('foldWhiteSpace gives what one replace of every run gives', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 60 })), (t) => {
      expect(foldWhiteSpace(t)).toBe(t.replace(/\s+/g, ' '));
    }), { numRuns: 3000 });
  });

  it('hasContent says what the tag-stripped, decoded text and the media check say', () => {
    const full = (clean: string) =>
      decodeBasicEntities(clean.replace(/<[^>]*>/g, '')).trim() !== '' ||
      /<(?:img|video|audio|source)\b[^>]*\ssrc="https?:/i.test(clean) || /<video\b[^>]*\sposter="https?:/i.test(clean);
    fc.assert(fc.property(text, (t) => {
      expect(hasContent(t)).toBe(full(t));
    }), { numRuns: 5000 });
    for (const t of ['&#32;', '<p>&#160;</p>', ' <b> </b> ', '&amp;', '<p> x</p>', '']) expect(hasContent(t)).toBe(full(t));
  });
});
