import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../src/ingest/html/decodeHtml.js';
import { sniffCharset } from '../../../src/ingest/html/sniffCharset.js';
import { encodeSingleByte } from '../../fixtures/upstream/encode.js';
import { fixture } from './fixtures.js';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('sniffCharset', () => {
  it('reads <meta charset> and the http-equiv form, quoted or not', () => {
    expect(sniffCharset(ascii('<html><head><meta charset="windows-1251">'))).toBe('windows-1251');
    expect(sniffCharset(ascii("<meta charset='koi8-r' />"))).toBe('koi8-r');
    expect(sniffCharset(ascii('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ISO-8859-5">'))).toBe('ISO-8859-5');
    expect(sniffCharset(ascii('<meta content="text/html;charset=gbk" http-equiv=content-type>'))).toBe('gbk');
  });
  it('ignores declarations in comments, past the first 1024 bytes, or absent', () => {
    expect(sniffCharset(ascii('<!-- <meta charset="koi8-r"> --><p>x'))).toBeNull();
    expect(sniffCharset(ascii(`<p>${'x'.repeat(1100)}</p><meta charset="koi8-r">`))).toBeNull();
    expect(sniffCharset(ascii('<meta name="viewport" content="width=device-width">'))).toBeNull();
  });
});

describe('decodeHtml', () => {
  it('decodes a windows-1251 page by its http-equiv declaration', () => {
    const { text, encoding, note } = decodeHtml(fixture('cp1251.html'));
    expect(encoding).toBe('windows-1251');
    expect(text).toContain('Тенге укрепился к концу недели');
    expect(note).toBeNull();
  });
  it('lets the byte order mark win over the declaration', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...ascii('<meta charset="windows-1251"><p>'), ...new TextEncoder().encode('Қазақ')]);
    const { text, encoding } = decodeHtml(bytes);
    expect(encoding).toBe('utf-8');
    expect(text).toBe('<meta charset="windows-1251"><p>Қазақ');
  });
  it('lets the HTTP charset win over the page (fetched pages)', () => {
    const bytes = encodeSingleByte('<meta charset="utf-8"><p>Привет</p>', 'koi8-r');
    expect(decodeHtml(bytes, 'text/html; charset=KOI8-R').text).toContain('Привет');
  });
  it('reads UTF-8 bytes as UTF-8 even when the page still declares its old charset, and says so', () => {
    const bytes = new TextEncoder().encode('<meta charset="gb2312"><p>新电脑已可利用记忆自学</p>');
    const { text, note } = decodeHtml(bytes);
    expect(text).toContain('新电脑已可利用记忆自学');
    expect(note).toMatch(/declares gbk but the bytes are UTF-8/);
  });
  it('reads an unknown declared charset as UTF-8 with a note, never throws', () => {
    const { text, note } = decodeHtml(ascii('<meta charset="x-martian"><p>ok</p>'));
    expect(text).toContain('ok');
    expect(note).toMatch(/unknown charset "x-martian"/);
  });
});
