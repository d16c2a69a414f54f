/**
 * The media type of `offered` that an `Accept` header prefers (RFC 9110 section 12.5.1): each
 * offer takes the q of the most specific range that matches it (`text/html` over `text/*` over
 * `*\/*`); the highest q wins; among equals, one named outright beats one matched by a wildcard,
 * then the one the client listed first, then the earlier offer. No header is `*\/*`. Null when
 * the client accepts none of them.
 */
export function preferredType(accept: string | undefined, offered: readonly string[]): string | null {
  const ranges = (accept?.trim() ? accept : '*/*').split(',').map((part, index) => {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    return { range: range!.trim(), q: Number.isFinite(q) ? q : 0, index };
  });
  let best: { type: string; q: number; exact: boolean; index: number } | null = null;
  for (const type of offered) {
    const [major] = type.split('/');
    const match =
      ranges.find((r) => r.range === type) ?? ranges.find((r) => r.range === `${major}/*`) ?? ranges.find((r) => r.range === '*/*');
    if (!match || match.q <= 0) continue;
    const candidate = { type, q: match.q, exact: match.range === type, index: match.index };
    if (
      !best || candidate.q > best.q ||
      (candidate.q === best.q && candidate.exact && !best.exact) ||
      (candidate.q === best.q && candidate.exact === best.exact && candidate.index < best.index)
    ) best = candidate;
  }
  return best?.type ?? null;
}
