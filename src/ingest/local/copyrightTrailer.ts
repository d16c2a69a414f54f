import { rightsHolderName, wireAgencyName } from './wireAgency.js';

/**
 * Copyright sign-offs. Syndicated copy ends with the agency's notice run into the last paragraph
 * ("... claims the territory. © KYODO"); the notice is not article text, but it names who wrote
 * the piece, so it is cut off and its holder kept.
 */

// A notice: the mark, an optional year, a short holder name, optional year / "All rights reserved".
// The holder must start with a capital (checked below): "copyright law." ending prose is no notice.
const notice = /^(?:©|\([cC]\)|[Cc]opyright\b|COPYRIGHT\b)\s*(?:(?:19|20)\d{2}\s+)?(\p{L}[\p{L}\p{N}&.'’/ -]{0,60}?)(?:,?\s+(?:19|20)\d{2})?\s*[.,]?\s*(?:[Aa]ll [Rr]ights [Rr]eserved\.?)?$/u;

export interface CopyrightSplit {
  text: string;
  /** Who holds the copyright ("Kyodo", "AFP", "Reuters"), when a notice was found. */
  holder: string | null;
}

/** A notice standing on its own line ("© 2025 AFP"), or null. */
export function parseCopyrightLine(line: string): string | null {
  if (line.length > 100) return null;
  const m = notice.exec(line.trim());
  const holder = m?.[1] ?? '';
  // Lower-case holders only when they are agencies that write themselves so ("dpa").
  if (!m || (!/^\p{Lu}/u.test(holder) && !wireAgencyName(holder))) return null;
  return rightsHolderName(holder);
}

/** Cut a copyright notice off the end of a paragraph, keeping its holder. */
export function stripCopyrightTrailer(paragraph: string): CopyrightSplit {
  // Only the tail can hold the notice; looking there keeps a huge paragraph cheap.
  const tailStart = Math.max(0, paragraph.length - 110);
  const tail = paragraph.slice(tailStart);
  // Most paragraphs hold no mark at all: plain substring checks settle those without a pattern.
  if (!tail.includes('©') && !tail.includes('(c)') && !tail.includes('(C)') && !tail.includes('opyright') && !tail.includes('COPYRIGHT')) {
    return { text: paragraph, holder: null };
  }
  const marks = [...tail.matchAll(/(?:^|\s)(©|\([cC]\)|[Cc]opyright\b|COPYRIGHT\b)/gu)];
  for (const mark of marks) {
    const at = tailStart + (mark.index ?? 0) + (mark[0].length - (mark[1] ?? '').length);
    const holder = parseCopyrightLine(paragraph.slice(at));
    if (holder) return { text: paragraph.slice(0, at).trimEnd(), holder };
  }
  return { text: paragraph, holder: null };
}

/** True when the paragraph ends with a copyright notice: syndicated copy signing off. */
export function endsWithCopyright(paragraph: string): boolean {
  return stripCopyrightTrailer(paragraph).holder !== null;
}
