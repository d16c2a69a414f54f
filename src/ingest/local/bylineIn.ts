import { eng } from 'stopword';
import { matchChrome } from './chromeLine.js';
import { isNameParticle } from './parseByline.js';
import { monthByName } from './monthNames.js';

/**
 * Reading who wrote an article and when from one header line, in the forms pages print them: "By A
 * and B | date", "on August 27, 2023 by A", "By A, Senior Editor, Org", "Par A", "A - May 21,
 * 2024 6:41 pm UTC", "A, @handle", "• A", "Written by A", "Updated ..." (an update, not the
 * publication). Callers pass header lines, never prose.
 */

/** Words that introduce a byline in the languages pages come in. */
const bylineMarker = /(?:^|[\s/|•·—–-])(?:(?:written|posted|reported|words|text|story|reporting)\s+by:?|by:?|par|por|von|di|door|av|від|от|автор:?|авторы:?)\s+|(?:^|[\s/|•·—–-])(?:authors?|autor(?:es|in)?|auteurs?|texto?)\s*:\s*/giu;
/** "Photo by A", "Illustration by A": a credit, not a byline. */
const creditBefore = /(?:photo(?:graph)?s?|image|illustration|picture|video|graphics?|map|design|art|credit|drawings?|animation)\s*$/iu;
/** After a name: a role, an outlet, a handle, a date — where the name list ends. */
const nameEnd = /\s*(?:[|•·—–()[\]@]|\/(?=\s*(?:\d|\p{L}+\.?\s+\d))|\s(?:headshot|avatar)\b|\s-\s|\d|,\s*(?:senior|staff|chief|special|contributing|guest|associate|deputy|managing|executive|editor|reporter|correspondent|writer|columnist|the\s)|\s(?:on|in|at|for|le|el|am|il|is|was|has)\s|;|\s(?:published|updated|posted|follow|contributor|twitter|email|e-mail|bio|publié|publiée|mis\s+à\s+jour|veröffentlicht|aktualisiert|publicado|actualizado|pubblicato|aggiornato|opublikowano|publikováno|aktualizováno|опубликовано|обновлено)(?![\p{L}])).*$/iu;

const startsUpper = /^\p{Lu}/u;
const lastWord = /\S+\s*$/u;
const trailingWord = /\s+(\p{L}+)\.?$/u;
const nameSeparator = /\s*,\s*|\s+(?:and|und|et|y|e|и|i|&)\s+/u;
const possessive = /['’]s$/u;
const whitespace = /\s+/;

/**
 * A byline label in Chinese or Japanese ("作者", "记者", "撰文", "著者", "文／") and the name after it: two
 * to four Han or kana characters, or a family and a given name with a space between, ending the line or
 * at a separator.
 */
/** A character of those labels: the cheap test before the pattern. */
const wideMarkChar = /[作记記撰执執著筆文]/u;
const wideName = '[\\p{Script=Han}\\p{Script=Katakana}\\p{Script=Hiragana}·・]';
const wideByline = new RegExp(`(?:(?:^|[\\s|｜/／,，、])(?:作者|记者|記者|撰文|执笔|執筆|著者|筆者|文)\\s*[:：/／]\\s*|(?:^|[\\s|｜/／,，、])(?:作者|记者|記者|撰文|著者)\\s+|(?:记者|記者))(${wideName}{2,4}(?:\\s${wideName}{1,3})?)(?=$|[\\s|｜/／,，、。)）\\]】])`, 'u');
/** "山田 太郎": a family name of one or two characters and the given name, spaced; else the first run is the name. */
const spacedName = /^(\S{1,2})\s(\S{1,3})$/u;

/** "dsteer-headshot", "author_avatar.jpg": an avatar image's file name, which the author's name follows. */
const avatarMark = /(?:^|\s)[\w.]*[-_](?:headshot|avatar)(?:[-_.][\w.-]*)?\s+(?=\p{Lu})/iu;
/** The avatar's word, the cheap first test before avatarMark (tried at every character, it is costly). */
const mayNameAvatar = /headshot|avatar/iu;
/** A name followed by "on", "in", "at"...: a sentence ("A in B"), unless a date follows "on". */
const sentenceAfterName = /^\s*\s(?:on|in|at|for|le|el|am|il|is|was|has)\s/iu;
/** " in Lakeside", " in New Delhi": where the correspondent files from, the line's last words. */
const placeAfterIn = /^\s*in\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}\s*$/u;
const onWord = /^\s*on\s+(\p{L}+|\d)/iu;
/** " on Mar 27", " on 27 March": the date the name's line goes on with. */
function dateAfterOn(end: string): boolean {
  const m = onWord.exec(end);
  return m !== null && (/\d/.test(m[1]!) || monthByName.has(m[1]!.toLowerCase()));
}

/** A job title after a name, ending in its role word ("Transport Correspondent", "Deputy Editor"). */
const roleTail = /(?:^|\s)(?:reporter|correspondent|editor|writer|columnist|contributor|producer|critic|journalist|photographer|analyst)s?$/iu;

const upperName = /^\p{Lu}[\p{Lu}'’-]+$/u;
const mixedName = /^\p{Lu}[\p{Ll}'’]*\p{Ll}(?:-\p{Lu}?[\p{Ll}'’]+)*$|^(?:Mc|Mac|O['’])\p{Lu}\p{Ll}+$/u;
const initial = /^\p{Lu}\.$/u;

const titleCase = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();
/** English function words: no word of a name is one ("The Ada and Lyle Benson Trust", "Sign In"). */
const functionWords: ReadonlySet<string> = new Set(eng.map((w) => w.toLowerCase()));
/** A header's or an interface's own words, and short day names: no word of a person's name ("Published Tue", "Contact Us", "Last Update"). */
const headerWords: ReadonlySet<string> = new Set(['published', 'updated', 'update', 'posted', 'last', 'contact', 'follow', 'subscribe', 'share', 'login', 'logout', 'headshot', 'avatar', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** "Mara Lin Okafor", "PETER VANCE" (as "Peter Vance"), "Ruth K. Ambler"; null if not a name. */
export function personName(text: string): string | null {
  const words = text.trim().split(whitespace);
  if (words.length < 2 || words.length > 4) return null;
  const shouted = words.every((w) => upperName.test(w) || isNameParticle(w.toLowerCase()));
  if (words.some((w) => possessive.test(w))) return null;
  const ok = words.every((w, k) => mixedName.test(w) || (k > 0 && k < words.length - 1 && (initial.test(w) || isNameParticle(w))) || (shouted && upperName.test(w) && w.length >= 2));
  if (!ok || initial.test(words[words.length - 1]!) || isNameParticle(words[0]!) || words.some((w) => functionWords.has(w.toLowerCase()) || headerWords.has(w.toLowerCase()))) return null;
  return shouted ? words.map((w) => (isNameParticle(w.toLowerCase()) ? w.toLowerCase() : titleCase(w))).join(' ') : words.join(' ');
}

/**
 * The people a byline text names: "A", "A and B", "A, B and C", "A & B", up to where the names end.
 * `whole`: every part up to that end must be a name, or none is taken (a line that only starts
 * with a name-shaped phrase, like a headline in Title Case, names nobody).
 */
export function namesIn(text: string, whole = false, end: RegExpExecArray | null | undefined = nameEnd.exec(text)): string[] {
  // Where the names end (`end`: nameEnd's match on the text, when the caller has it already).
  let cut = (end ? text.slice(0, end.index) + text.slice(end.index + end[0].length) : text).replace(/[\s,;:.]+$/, '');
  // "By A FEB. 7, 2023": the month of the date that follows is no part of the name.
  for (let m = trailingWord.exec(cut); m && monthByName.has(m[1]!.toLowerCase()); m = trailingWord.exec(cut)) {
    cut = cut.slice(0, m.index);
  }
  const parts = cut.split(nameSeparator).map((p) => p.trim()).filter(Boolean);
  const names: string[] = [];
  for (const part of parts) {
    // "A, Transport Correspondent": the first name's job, where the names end.
    if (names.length && roleTail.test(part)) break;
    const name = personName(part);
    if (!name) {
      if (whole) return [];
      break;
    }
    names.push(name);
  }
  return names;
}

/**
 * A byline on this line: after a "by" word, or (`bare`) a line that starts with a person's name.
 * `common` tells the words the page writes in lower case: a bare "name" most of whose words are
 * such words is a link or a label ("Newer Post", "Home Garden"), not a person.
 */
export function bylineIn(line: string, bare: boolean, common?: ReadonlySet<string>, dated = false): string[] {
  if (line.length > 220) return [];
  // An exec loop on the one marker pattern (matchAll would build a copy of it on every call).
  bylineMarker.lastIndex = 0;
  for (let m = bylineMarker.exec(line); m; m = bylineMarker.exec(line)) {
    const after = line.slice(m.index + m[0].length);
    if (!startsUpper.test(after) || creditBefore.test(line.slice(0, m.index + m[0].length).replace(lastWord, ''))) continue;
    const names = namesIn(after);
    if (names.length) {
      bylineMarker.lastIndex = 0;
      return names;
    }
  }
  // "作者：王小明", "记者 王小明", "文／山田太郎": a Chinese or Japanese byline's label, then the name.
  const wide = wideMarkChar.test(line) ? wideByline.exec(line) : null;
  if (wide) return [spacedName.test(wide[1]!) ? wide[1]! : wide[1]!.split(/\s/u)[0]!];
  // "dsteer-headshot A developer survey": the name right after an avatar's file name, however the
  // line goes on (tags, an image's caption): the avatar names its author.
  const avatar = mayNameAvatar.test(line) ? avatarMark.exec(line) : null;
  if (avatar) {
    const words = line.slice(avatar.index + avatar[0].length).split(whitespace).slice(0, 4);
    for (let n = words.length; n >= 2; n--) {
      const name = personName(words.slice(0, n).join(' '));
      if (name) return [name];
    }
  }
  return bare ? bareNamesIn(line, common, dated) : [];
}

/** bylineIn's bare names alone, for a line whose "by" word, label or avatar named nobody (bylineIn(line, false) is empty). */
export function bareNamesIn(line: string, common?: ReadonlySet<string>, dated = false): string[] {
  if (line.length > 220) return [];
  // "• A", "1. A", "A - May 21, 2024", "A, @handle", "A A" (a name printed twice), "img-name A", "[img] A • 8h".
  // ...after a bullet, a list number, an avatar's file name or a text browser's image mark ("[alt]").
  // ...or after a publication's label and its avatar's image mark ("Lake Notes [0] A on Mar 27").
  // (The pattern only where it may match: a bullet or a figure first, or an image mark.)
  const rest = leadMarkFirst.test(line) || line.includes('[') ? line.replace(leadMark, '') : line;
  // Every name starts with a capital (see personName): a line without one names nobody.
  if (!anyCapital.test(rest)) return [];
  // The names end at a separator, a date, a handle or a role, not in a sentence ("A in B"),
  // though "A on Mar 27" is a name and its date.
  const end = nameEnd.exec(rest);
  if (end && sentenceAfterName.test(end[0]) && !dateAfterOn(end[0]) && !placeAfterIn.test(end[0])) return [];
  // More than half of a name's words written in lower case elsewhere on the page: a phrase, not a person.
  const people = (names: string[]) => {
    if (!common) return names;
    // ...or, without a date beside it, whose first word is: "See Gallery", "More Stories" are links.
    const phrase = (n: string) => {
      const words = n.split(whitespace);
      return (!dated && common.has(words[0]!.toLowerCase())) || 2 * words.filter((w) => common.has(w.toLowerCase())).length > words.length;
    };
    return names.some(phrase) || names.some(widgetWord) ? [] : names;
  };
  // "A A": a name printed twice (an avatar's alt text, then the name), whatever follows it ("A A 2 hours ago").
  const words = rest.split(whitespace);
  for (let n = Math.min(4, words.length >> 1); n >= 2; n--) {
    const half = words.slice(0, n).join(' ');
    if (half === words.slice(n, 2 * n).join(' ')) {
      const names = people(namesIn(half, true));
      if (names.length) return names;
    }
  }
  const names = people(namesIn(rest, true, end));
  if (names.length) return names;
  return [];
}

/** What bareNamesIn passes over before the names, and the characters it can start with but "[". */
const leadMark = /^(?:[•▪*·]\s*|\d{1,2}\.\s+|(?:\p{Lu}\S*\s+){0,3}\[[^\]]{1,40}\]\s+)/u;
const leadMarkFirst = /^[•▪*·\d]/u;
const anyCapital = /\p{Lu}/u;

/** "Shop Subscribe", "Follow Facebook": a word of the pair is a share or newsletter widget's label, so it is a row of links, not a person. */
const widgetWord = (name: string) => name.split(whitespace).some((w) => {
  const c = matchChrome(w);
  return c !== null && (c.what === 'newsletter form' || c.what === 'share widget');
});
