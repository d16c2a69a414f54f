/** Content codings Caravan sends: what `CompressionStream` offers on Node 20, Workers and browsers. */
export type ContentCoding = 'gzip' | 'deflate';

const offered: ContentCoding[] = ['gzip', 'deflate'];

/**
 * The coding to send for an `Accept-Encoding` header (RFC 9110 section 12.5.3), or null for the
 * identity coding: the acceptable one with the highest q-value, gzip first on a tie.
 */
export function negotiateEncoding(acceptEncoding: string | undefined): ContentCoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (name) q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  let best: ContentCoding | null = null;
  let bestQ = 0;
  for (const coding of offered) {
    const value = q.get(coding) ?? q.get('*') ?? 0;
    if (value > bestQ) {
      best = coding;
      bestQ = value;
    }
  }
  return best;
}

/**
 * Compresses a feed's bytes in a content coding. The default is `compressBytes`; a door may give its
 * own that writes the same bytes (the Node door: node:zlib, without web streams, whose first use
 * alone costs a start-up tens of milliseconds).
 */
export type Compress = (bytes: Uint8Array<ArrayBuffer>, coding: ContentCoding) => Promise<Uint8Array<ArrayBuffer>>;

/** The bytes compressed with a Web-standard `CompressionStream`. */
export async function compressBytes(bytes: Uint8Array<ArrayBuffer>, coding: ContentCoding): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream(coding));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
