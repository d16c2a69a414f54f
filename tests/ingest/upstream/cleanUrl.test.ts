import { describe, expect, it } from 'vitest';
import { cleanUrl, resolveUrl } from '../../../src/ingest/upstream/cleanUrl.js';
import { isPrivateHost } from '../../../src/ingest/upstream/isPrivateHost.js';

describe('cleanUrl', () => {
  it.each([
    ['https://a.example/x?utm_source=rss&utm_medium=feed&utm_campaign=c&utm_term=t&utm_content=k&utm_id=1', 'https://a.example/x'],
    ['https://a.example/x?id=42&utm_source=rss&page=2', 'https://a.example/x?id=42&page=2'],
    ['https://a.example/x?fbclid=1&gclid=2&dclid=3&msclkid=4&mc_cid=5&mc_eid=6&yclid=7&_hsenc=8&_hsmi=9&mkt_tok=10', 'https://a.example/x'],
    ['https://a.example/x?UTM_Source=rss&q=a%20b', 'https://a.example/x?q=a%20b'],
    ['https://a.example/x?q=caf%C3%A9&utm_source=x#section-2', 'https://a.example/x?q=caf%C3%A9#section-2'],
    ['https://a.example/x?utm_source=x#frag', 'https://a.example/x#frag'],
    ['https://a.example/x?ref=home&utm_source=x', 'https://a.example/x?ref=home'],
    ['https://a.example/x?a=1&&utm_source=x&b', 'https://a.example/x?a=1&b'],
    ['HTTPS://A.Example:443/x/../y', 'https://a.example/y'],
    ['https://user:secret@a.example/x', 'https://a.example/x'],
    ['  https://a.example/x  ', 'https://a.example/x'],
    ['https://a.example/путь?тема=да', 'https://a.example/%D0%BF%D1%83%D1%82%D1%8C?%D1%82%D0%B5%D0%BC%D0%B0=%D0%B4%D0%B0'],
  ])('%s → %s', (raw, clean) => {
    expect(cleanUrl(raw)).toBe(clean);
  });

  it('resolves relative links against a base', () => {
    expect(cleanUrl('/news/1?utm_source=x', 'https://a.example/blog/')).toBe('https://a.example/news/1');
    expect(cleanUrl('posts/1', 'https://a.example/blog/')).toBe('https://a.example/blog/posts/1');
    expect(cleanUrl('//cdn.example/x', 'https://a.example/')).toBe('https://cdn.example/x');
    expect(cleanUrl('?p=2', 'https://a.example/list?p=1')).toBe('https://a.example/list?p=2');
  });

  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', 'mailto:a@b.example', 'ftp://a.example/x', 'file:///etc/passwd', '', 'http://', 'not a url'])(
    '%j → null',
    (raw) => {
      expect(cleanUrl(raw)).toBeNull();
      expect(cleanUrl(raw, 'https://a.example/')).toBe(raw === 'not a url' ? 'https://a.example/not%20a%20url' : null);
    },
  );

  it('resolveUrl keeps tracking parameters and refuses other schemes', () => {
    expect(resolveUrl('x?utm_source=1', 'https://a.example/')).toBe('https://a.example/x?utm_source=1');
    expect(resolveUrl('relative', null)).toBeNull();
    expect(resolveUrl(null, 'https://a.example/')).toBeNull();
  });
});

describe('isPrivateHost', () => {
  const host = (url: string) => new URL(url).hostname;
  it.each([
    'http://localhost/', 'http://LOCALHOST./', 'http://app.localhost/', 'http://printer.local/', 'http://db.internal/',
    'http://127.0.0.1/', 'http://127.1.2.3/', 'http://2130706433/', 'http://0x7f.1/', 'http://10.0.0.1/', 'http://172.16.0.1/',
    'http://172.31.255.255/', 'http://192.168.1.1/', 'http://169.254.169.254/', 'http://100.64.0.1/', 'http://0.0.0.0/',
    'http://224.0.0.1/', 'http://[::1]/', 'http://[::]/', 'http://[fe80::1]/', 'http://[fd00::1]/', 'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:10.1.2.3]/',
  ])('%s is private', (url) => {
    expect(isPrivateHost(host(url))).toBe(true);
  });

  it.each(['https://example.org/', 'http://8.8.8.8/', 'http://172.32.0.1/', 'http://192.169.0.1/', 'http://100.128.0.1/', 'http://[2001:db8::1]/', 'http://[::ffff:8.8.8.8]/', 'http://localhost.example.org/'])(
    '%s is public',
    (url) => {
      expect(isPrivateHost(host(url))).toBe(false);
    },
  );
});
