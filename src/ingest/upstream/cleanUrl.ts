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

/** Resolve `raw` against `base` (when relative); null unless the result is an http(s) URL. */
export function resolveUrl(raw: string | null | undefined, base: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text === '') return null;
  try {
    const url = base ? new URL(text, base) : new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The canonical form of an article link, or null when there is no usable http(s) link. */
export function cleanUrl(raw: string | null | undefined, base?: string | null): string | null {
  const resolved = resolveUrl(raw, base);
  if (resolved === null) return null;
  const url = new URL(resolved);
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
