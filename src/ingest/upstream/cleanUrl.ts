/**
 * Canonical article links: resolved against a base, http(s) only, credentials dropped, tracking
 * parameters (`utm_*`, click ids, Mailchimp / HubSpot ids) removed. The fragment is kept: some
 * feeds tell entries on one page apart by it.
 */

const trackingParams = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid', 'ttclid',
  'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'mkt_tok', '_openstat',
]);

export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return key.startsWith('utm_') || trackingParams.has(key);
}

/** `raw` resolved against `base` (when relative) as a URL, unless it is not an http(s) URL. */
function httpUrl(raw: string | null | undefined, base: string | null | undefined): URL | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text === '') return null;
  try {
    const url = base ? new URL(text, base) : new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Resolve `raw` against `base` (when relative); null unless the result is an http(s) URL. */
export function resolveUrl(raw: string | null | undefined, base: string | null | undefined): string | null {
  return httpUrl(raw, base)?.href ?? null;
}

/** The canonical form of an article link, or null when there is no usable http(s) link. */
export function cleanUrl(raw: string | null | undefined, base?: string | null): string | null {
  // Parsed once: an http(s) URL's href parses back to the same URL.
  const url = httpUrl(raw, base);
  if (url === null) return null;
  url.username = '';
  url.password = '';
  if (url.search !== '') {
    // Edit the raw query so untouched parameters keep their exact encoding.
    const kept = url.search
      .slice(1)
      .split('&')
      .filter((pair) => pair !== '' && !isTrackingParam(decodeName(pair.split('=')[0])));
    url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  }
  return url.href;
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
