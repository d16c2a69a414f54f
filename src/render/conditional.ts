/** RFC 9110 conditional GET: If-None-Match wins over If-Modified-Since. */
export function isNotModified(headers: Headers, etag: string, lastModified: Date): boolean {
  return notModified(headers.get('if-none-match'), () => headers.get('if-modified-since'), etag, lastModified);
}

/**
 * The same from the two header values (null or undefined when absent); If-Modified-Since is read
 * only when there is no If-None-Match.
 */
export function notModified(
  ifNoneMatch: string | null | undefined, ifModifiedSince: () => string | null | undefined, etag: string, lastModified: Date,
): boolean {
  if (ifNoneMatch !== null && ifNoneMatch !== undefined) {
    // The common case first: a client sending back the one ETag it holds.
    if (ifNoneMatch === etag) return true;
    if (ifNoneMatch.trim() === '*') return true;
    // Weak comparison, as RFC 9110 prescribes for If-None-Match.
    const opaque = etag.replace(/^W\//, '');
    return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
  }
  const since = ifModifiedSince();
  if (since !== null && since !== undefined) {
    const time = Date.parse(since);
    // HTTP dates have whole seconds.
    if (!Number.isNaN(time)) return Math.floor(lastModified.getTime() / 1000) * 1000 <= time;
  }
  return false;
}
