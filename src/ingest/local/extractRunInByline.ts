import { isNameParticle, isNameWord } from './parseByline.js';
import { wireAgencyName } from './wireAgency.js';

/**
 * Bylines run into the first paragraph. Related-article widgets flatten a story into one block:
 * image caption, then "By Steve Holland, Andrew Osborn and Darya Korsunskaya", then the body, with
 * no line breaks (and the caption may lack its final full stop). The caption and the byline are
 * not body text; the byline gives the authors.
 *
 * Where the last name ends is not marked. Captions usually describe the same scene as the lede,
 * so the body tends to repeat the caption's opening words ("Afghanistan's Taliban authorities
 * marked ..."); when it does, that fixes the split. Otherwise a name is taken as two words (three
 * when the middle one is an initial or a particle), which fits most bylines.
 */
export interface RunInByline {
  /** Text before the byline (the image caption), removed from the body. */
  caption: string | null;
  authors: string[];
  wire: string | null;
  body: string;
}

/** The byline must sit near the start: a caption is a sentence or two, not a paragraph. */
const searchWindow = 400;

interface Token {
  word: string;
  start: number;
  comma: boolean;
}

function tokensFrom(text: string, from: number, limit: number): Token[] {
  const tokens: Token[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while (tokens.length < limit && (m = re.exec(text)) !== null) {
    const comma = m[0].endsWith(',');
    tokens.push({ word: comma ? m[0].slice(0, -1) : m[0], start: m.index, comma });
  }
  return tokens;
}

const firstWords = (text: string, n: number) => text.split(/\s+/).slice(0, n).join(' ');

/** Split "caption By A, B and C Body..." into caption, authors and body; null when there is no such byline. */
export function extractRunInByline(paragraph: string): RunInByline | null {
  const head = paragraph.slice(0, searchWindow);
  for (const m of head.matchAll(/(?:^|\s)By\s+(?=\p{Lu})/gu)) {
    const byAt = (m.index ?? 0) + (m[0].startsWith('By') ? 0 : 1);
    const found = readNames(paragraph, byAt + m[0].trimStart().length, paragraph.slice(0, byAt).trim());
    if (found) return found;
  }
  return null;
}

function readNames(paragraph: string, from: number, caption: string): RunInByline | null {
  // A caption shorter than a few words is more likely a sentence fragment ("Stand By Me").
  if (caption && caption.split(/\s+/).length < 4) return null;
  const tokens = tokensFrom(paragraph, from, 40);
  const names: string[][] = [];
  let current: Token[] = [];
  let i = 0;
  for (; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if ((t.word === 'and' || t.word === '&') && current.length >= 2) {
      names.push(current.map((x) => x.word));
      current = [];
      continue;
    }
    if (!(isNameWord(t.word) || (current.length > 0 && isNameParticle(t.word)))) break;
    current.push(t);
    if (t.comma) {
      if (current.length < 2 || current.length > 4) return null;
      names.push(current.map((x) => x.word));
      current = [];
    }
  }
  // `current` holds the last name plus, possibly, the first words of the body.
  if (current.length < 2) return null;
  const bodyStartOf = (len: number) => (len < current.length ? (current[len] as Token).start : tokens[i]?.start ?? -1);
  let length = 0;
  if (caption) {
    const echo = firstWords(caption, 2);
    for (let len = 2; len <= Math.min(4, current.length); len++) {
      const at = bodyStartOf(len);
      if (at >= 0 && paragraph.startsWith(echo, at)) { length = len; break; }
    }
  }
  if (!length) {
    const middle = current[1]?.word ?? '';
    length = current.length >= 3 && (/^\p{Lu}\.$/u.test(middle) || isNameParticle(middle)) ? 3 : 2;
  }
  const lastName = current.slice(0, length).map((x) => x.word);
  if (lastName.length < 2 || !isNameWord(lastName[lastName.length - 1] ?? '')) return null;
  names.push(lastName);
  const bodyAt = bodyStartOf(length);
  if (bodyAt < 0) return null;
  const body = paragraph.slice(bodyAt).trim();
  // The body must read as the start of a story, not the tail of a sentence.
  if (body.length < 40 || !/^["'“‘]?[\p{Lu}\p{N}]/u.test(body)) return null;
  const people = names.map((n) => n.join(' '));
  const wire = people.map((p) => wireAgencyName(p)).find((w) => w !== null) ?? null;
  return { caption: caption || null, authors: people.filter((p) => !wireAgencyName(p)), wire, body };
}
