/**
 * The request as the app should see it on Workers. A Worker is the edge, so:
 * - X-Forwarded-Host / -Proto come from the client, not from a proxy of ours: dropped (self links
 *   are rendered from them, and the result is cached for everyone);
 * - Accept-Encoding is dropped: the app answers in the identity coding and Cloudflare compresses on
 *   the way out (workerd would otherwise compress the app's already-compressed bytes again, since a
 *   Response's Content-Encoding means "encode this" unless encodeBody is "manual"). One cached
 *   representation then serves every client.
 */
export function edgeRequest(request: Request): Request {
  const dropped = ['x-forwarded-host', 'x-forwarded-proto', 'accept-encoding'];
  if (!dropped.some((name) => request.headers.has(name))) return request;
  const headers = new Headers(request.headers);
  for (const name of dropped) headers.delete(name);
  return new Request(request, { headers });
}
