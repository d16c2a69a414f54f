import type { TimeOfDay } from './parseDateline.js';

/** An article as assembly found it on the page, before its text is cleaned and its metadata settled. */
export interface ArticleDraft {
  title: string;
  paragraphs: string[];
  authors: string[];
  outlet: string | null;
  wire: string | null;
  /** Outlet from a republication note ("... with permission from Eurasianet."). */
  republishedFrom: string | null;
  published: string | null;
  updated: string | null;
  time: TimeOfDay | null;
  /** Stamped with a relative time ("5 hours ago"): a block date must not apply. */
  relativeStamp: boolean;
  /** Date stated for the block the article sits in. */
  blockDate: string | null;
  cut: boolean;
}

/** A draft with where it stands on the page, for the stages after assembly. */
export interface PlacedDraft extends ArticleDraft {
  /** Index of the headline's line, and of the last line the draft took. */
  titleLine: number;
  lastLine: number;
  /** The page gave this article its own byline, date, time or outlet: it is an article of its own. */
  ownMeta: boolean;
  /** Line indices of the paragraphs (parallel to `paragraphs`). */
  paragraphLines: number[];
}
