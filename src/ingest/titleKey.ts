/**
 * The key under which the same headline from two pages or feeds meets: case, accents, quotes,
 * punctuation and spacing folded away ("Kazakhstan’s" and "Kazakhstan's" are one key).
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A headline of one or two words ("Navigation", "Comments", "Yahoo") names a page part, not one article. */
export function isGenericTitleKey(key: string): boolean {
  return key.split(' ').length < 3;
}
