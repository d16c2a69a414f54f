export type FeedFormat = 'rss' | 'atom' | 'json';

export const contentTypes: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export const extensions: Record<string, FeedFormat> = { rss: 'rss', atom: 'atom', json: 'json' };

/** `aviation.atom` → ['aviation', 'atom']; `aviation` → ['aviation', null]. */
export function splitExtension(name: string): [string, string | null] {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? [name.slice(0, dot), name.slice(dot + 1)] : [name, null];
}

/** For extensionless feed URLs: the first feed type the client accepts (q-values honoured), else Atom. */
export function negotiateFormat(accept: string | undefined): FeedFormat {
  const wanted = (accept ?? '')
    .split(',')
    .map((part, index) => {
      const [type, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1');
      return { type: type.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { type } of wanted) {
    if (type === 'application/atom+xml') return 'atom';
    if (type === 'application/rss+xml') return 'rss';
    if (type === 'application/feed+json' || type === 'application/json') return 'json';
  }
  return 'atom';
}
