import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBody } from '../../../src/ingest/upstream/decodeBody.js';
import { encodeSingleByte, encodeUtf16beWithBom, encodeUtf16leWithBom, utf8 } from '../../fixtures/upstream/encode.js';

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('decodeBody', () => {
  const ru = 'Привет, мир';

  it('uses the BOM first, over the HTTP charset and the declaration', () => {
    const bom = concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(`<?xml version="1.0" encoding="koi8-r"?><a>${ru}</a>`));
    expect(decodeBody(bom, 'text/xml; charset=windows-1251')).toEqual({ text: `<?xml version="1.0" encoding="koi8-r"?><a>${ru}</a>`, encoding: 'utf-8' });
    expect(decodeBody(encodeUtf16leWithBom(`<a>${ru} 🎄</a>`), 'text/xml; charset=utf-8')).toEqual({ text: `<a>${ru} 🎄</a>`, encoding: 'utf-16le' });
    expect(decodeBody(encodeUtf16beWithBom(`<a>${ru}</a>`), null)).toEqual({ text: `<a>${ru}</a>`, encoding: 'utf-16be' });
  });

  it('then the HTTP charset, over the declaration', () => {
    const bytes = encodeSingleByte(`<?xml version="1.0" encoding="windows-1251"?><a>${ru}</a>`, 'koi8-r');
    expect(decodeBody(bytes, 'application/rss+xml; charset="KOI8-R"').text).toBe(`<?xml version="1.0" encoding="windows-1251"?><a>${ru}</a>`);
  });

  it('then the XML declaration, then UTF-8', () => {
    const decl = `<?xml version='1.0' encoding='Windows-1251' standalone='yes'?><a>${ru}</a>`;
    expect(decodeBody(encodeSingleByte(decl, 'windows-1251'), 'text/xml')).toEqual({ text: decl, encoding: 'windows-1251' });
    const latin = '<?xml version="1.0" encoding="ISO-8859-1"?><a>café</a>';
    expect(decodeBody(encodeSingleByte(latin, 'iso-8859-1'), null).text).toBe(latin);
    const greek = '<?xml version="1.0" encoding="iso-8859-7"?><a>Καλημέρα</a>';
    expect(decodeBody(encodeSingleByte(greek, 'iso-8859-7'), null).text).toBe(greek);
    expect(decodeBody(utf8(`<a>${ru}</a>`), null)).toEqual({ text: `<a>${ru}</a>`, encoding: 'utf-8' });
  });

  it('reads a UTF-16 declaration on ASCII-looking bytes as UTF-8', () => {
    expect(decodeBody(utf8(`<?xml version="1.0" encoding="UTF-16"?><a>${ru}</a>`), null).text).toBe(`<?xml version="1.0" encoding="UTF-16"?><a>${ru}</a>`);
  });

  it('replaces malformed bytes instead of failing, and names an unknown charset', () => {
    expect(decodeBody(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0x3c]), null).text).toBe('<a>\uFFFD<');
    expect(() => decodeBody(utf8('<a/>'), 'text/xml; charset=bogus')).toThrow('decode: unsupported charset "bogus" (from Content-Type)');
    expect(() => decodeBody(utf8('<?xml version="1.0" encoding="nope"?><a/>'), null)).toThrow('decode: unsupported charset "nope" (from XML declaration)');
  });

  it('parses charset parameters', () => {
    expect(charsetFromContentType('text/xml; charset=UTF-8')).toBe('UTF-8');
    expect(charsetFromContentType('text/xml;charset="koi8-r"; foo=bar')).toBe('koi8-r');
    expect(charsetFromContentType('text/xml')).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
  });
});
