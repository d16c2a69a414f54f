/**
 * One `source` string from what the page says about who published an article.
 *
 * Representation: the outlet that ran the piece comes first, the news agency that wrote it follows
 * in parentheses — "Japan Today (Kyodo)" for Kyodo copy on Japan Today's page. A reader sees both
 * where it appeared and whose reporting it is; a filter on either name still matches as a prefix
 * or substring. With only one of the two known, that one alone ("Eurasianet", "Reuters").
 */
export function composeSource(outlet: string | null, wire: string | null): string | null {
  const o = outlet?.trim() || null;
  const w = wire?.trim() || null;
  if (o && w && o.toLowerCase() !== w.toLowerCase()) return `${o} (${w})`;
  return o ?? w;
}
