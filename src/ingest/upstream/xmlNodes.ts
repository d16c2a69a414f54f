/**
 * Reading the xml2js trees rss-parser builds (explicitArray: every child is an array; an element
 * is a string, `{ _: text, $: attributes }`, or an object of children).
 */
export type XmlNode = string | { _?: unknown; $?: Record<string, string>; [child: string]: unknown };
export type XmlElement = Record<string, unknown> & { $?: Record<string, string> };

/** The child elements called `name`, always an array. */
export function children(parent: unknown, name: string): XmlNode[] {
  if (typeof parent !== 'object' || parent === null) return [];
  const value = (parent as Record<string, unknown>)[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** Text of an element when it is text (with or without attributes); null for structured ones. */
export function textOf(node: unknown): string | null {
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && node !== null) {
    const text = (node as { _?: unknown })._;
    if (typeof text === 'string') return text;
    // An element with only attributes has no text.
    if (Object.keys(node).every((k) => k === '$')) return '';
  }
  return null;
}

/** Text of the first child called `name`, trimmed; null when absent or empty. */
export function childText(parent: unknown, name: string): string | null {
  for (const node of children(parent, name)) {
    const text = textOf(node)?.trim();
    if (text) return text;
  }
  return null;
}

export function attr(node: unknown, name: string): string | null {
  if (typeof node !== 'object' || node === null) return null;
  const value = (node as { $?: Record<string, unknown> }).$?.[name];
  return typeof value === 'string' ? value : null;
}

/** Atom `<link>`: the `alternate` (or rel-less) one, preferring HTML; null when there is none. */
export function atomAlternate(parent: unknown): string | null {
  const links = children(parent, 'link')
    .map((node) => ({ rel: attr(node, 'rel') ?? 'alternate', type: attr(node, 'type'), href: attr(node, 'href') ?? textOf(node) }))
    .filter((l) => l.rel === 'alternate' && l.href);
  const html = links.find((l) => l.type === null || /html/i.test(l.type));
  return (html ?? links[0])?.href?.trim() ?? null;
}

/** Atom `<author>` / `<contributor>` names. */
export function atomPeople(parent: unknown, name = 'author'): string[] {
  return children(parent, name)
    .map((person) => childText(person, 'name') ?? textOf(person)?.trim() ?? '')
    .filter((n) => n !== '');
}
