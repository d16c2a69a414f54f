import { stripInvalidXml } from '../ingest/cleanText.js';

/*
 * What RSS and Atom hand to the `feed` package, and what they fix in its output afterwards.
 *
 * `feed` serialises through xml-js, which (1.6.11) writes text nodes by first turning every `&amp;`
 * back into `&` and then escaping `&`, `<` and `>`; writes attribute values with only `"` escaped;
 * and closes CDATA sections after splitting only the first `]]>`. So:
 * - text for a text node goes in with every `&` written `&amp;` (`feedText`): xml-js undoes exactly
 *   that and escapes once, so text that itself says `&amp;` keeps it;
 * - HTML for a CDATA section goes in with no `]]>` (`feedHtml`);
 * - an attribute feed writes as given goes in XML-escaped (`xmlAttrEscape`: no `"` left for xml-js);
 * - what feed writes in the wrong form (titles and summaries as HTML in CDATA) goes in as a
 *   stand-in token and is swapped afterwards (`Swaps`) for the exact element.
 * URLs go in as they are: feed writes them as `new URL(url).toString()` with `&` escaped, which
 * gives back exactly the URLs Caravan has (stored links are `URL.href`, then `asciiUrl` only
 * percent-encodes), so ids and links match JSON Feed's.
 *
 * The stand-ins are built from two noncharacters XML forbids, U+FFFE and U+FFFF, which
 * `stripInvalidXml` removes from every string before feed sees it: no content can contain or imitate
 * one, so each swap finds exactly its element, never text inside an article. The only other rewrite
 * is of the root element, anchored at the document's start.
 */

/** Stands in for a carriage return in a text node, written `&#13;` by `finishSwaps`. */
const CR = '\uFFFE';
/** Brackets the number of a stand-in token. */
const MARK = '\uFFFF';
/** Regular-expression source matching any stand-in token, capturing its number. */
export const TOKEN = `${MARK}(\\d+)${MARK}`;

/**
 * Plain text for a feed text node (`<name>`, `<subtitle>`, RSS `<title>`, `<dc:creator>`...).
 * A carriage return must be a character reference or parsers read a line feed; xml-js would write
 * it raw, so it goes in as a mark.
 */
export function feedText(text: string): string {
  return stripInvalidXml(text).replace(/&/g, '&amp;').replace(/\r/g, CR);
}

/**
 * HTML for a CDATA section: `]]>` would end the section (xml-js splits only the first), and as
 * `]]&gt;` it means the same in HTML. (HTML-escaped text never has `>`.) A carriage return is
 * written as the line feed every XML parser would read there anyway.
 */
export function feedHtml(html: string): string {
  return stripInvalidXml(html).replace(/]]>/g, ']]&gt;').replace(/\r\n?/g, '\n');
}

/**
 * The date to the whole second: feed writes `toISOString()` (with milliseconds); JSON Feed and
 * HTTP dates state whole seconds, so all formats state the same instant.
 */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/**
 * Replaces every match of `pattern` (global) with `write(...groups)`; fails unless it matched
 * exactly `count` times, so a change in feed's output is an error, not a silently wrong feed.
 */
export function rewrite(xml: string, pattern: RegExp, count: number, write: (...groups: string[]) => string): string {
  let found = 0;
  const out = xml.replace(pattern, (...args: unknown[]) => {
    found += 1;
    // replace() passes the match, the groups, then the offset and the whole string.
    return write(...(args.slice(1, -2) as string[]));
  });
  if (found !== count) throw new Error(`feed output not as expected: ${pattern} matched ${found} times, not ${count}`);
  return out;
}

/**
 * Stand-in tokens of one kind (say, entry titles), each carrying what its element becomes.
 * `swap` must find every one of them, once.
 */
export class Swaps<V> {
  private readonly values: V[] = [];

  token(value: V): string {
    return `${MARK}${this.values.push(value) - 1}${MARK}`;
  }

  /** Rewrites each match of `pattern` (global; its last group is `TOKEN`) as `write(value, ...other groups)`. */
  swap(xml: string, pattern: RegExp, write: (value: V, ...groups: string[]) => string): string {
    return rewrite(xml, pattern, this.values.length, (...groups) => write(this.values[Number(groups.pop())]!, ...groups));
  }
}

/** Checks that no token was left and writes the carriage-return marks as `&#13;`. */
export function finishSwaps(xml: string): string {
  if (xml.includes(MARK)) throw new Error('feed output not as expected: a stand-in token was left');
  return xml.replaceAll(CR, '&#13;');
}
