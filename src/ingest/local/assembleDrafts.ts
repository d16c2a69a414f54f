import type { ClassifiedLine as Line } from './classifyLine.js';
import { isGoodProse } from './contentWords.js';
import { headlineRole, isCommentLink } from './headlineRole.js';
import { isOutletCard } from './isOutletCard.js';
import { lateDateOwner } from './lateDateOwner.js';
import type { Byline } from './parseByline.js';
import type { TimeOfDay } from './parseDateline.js';
import type { PlacedDraft } from './articleDraft.js';

export type { ArticleDraft, PlacedDraft } from './articleDraft.js';
import type { PageNotes } from './pageNotes.js';

/**
 * Lines → article drafts. An article starts at a headline that is followed (past bylines,
 * datelines, captions and labels) by prose; it runs until the next headline, a widget boundary,
 * a cut marker, a copyright sign-off or a news-feed time. Everything outside an article is
 * dropped and noted. Metadata stated before a headline (an outlet line, a relative stamp, a
 * news-feed time) is held and given to the next article; a date line stated for a block (a
 * listing's "22 January 2025") applies to every article of the block.
 */
interface Pending { outlet: string | null; byline: Byline | null; time: TimeOfDay | null; relative: boolean }

const emptyPending = (): Pending => ({ outlet: null, byline: null, time: null, relative: false });

export function assembleDrafts(lines: Line[], notes: PageNotes): PlacedDraft[] {
  const drafts: PlacedDraft[] = [];
  let current: PlacedDraft | null = null;
  let pending = emptyPending();
  let blockDate: string | null = null;
  // An article closed by something that interrupts rather than ends it (a "Read more" link, a
  // newsletter form) resumes when its prose goes on right after, with no headline between.
  let resumable: PlacedDraft | null = null;

  const close = (interrupted = false) => {
    if (current) drafts.push(current);
    resumable = interrupted ? current : null;
    current = null;
  };
  const start = (title: string, at: number) => {
    close();
    resumable = null;
    const b = pending.byline;
    current = {
      title, paragraphs: [], authors: b ? [...b.authors] : [], outlet: pending.outlet ?? b?.outlet ?? null,
      wire: b?.wire ?? null, republishedFrom: null, published: b?.published ?? null, updated: null, time: pending.time,
      relativeStamp: pending.relative, blockDate, cut: false, titleLine: at, lastLine: at,
      ownMeta: b !== null || pending.outlet !== null || pending.time !== null || pending.relative, paragraphLines: [],
    };
    pending = emptyPending();
  };
  const push = (draft: PlacedDraft, text: string, at: number) => {
    draft.paragraphs.push(text);
    draft.paragraphLines.push(at);
    draft.lastLine = at;
  };
  // While the current article has no paragraph yet, metadata lines describe it.
  // A line or two before the first prose (a caption, "• Our Correspondents") still leave it in its header. Asked (once a line) only by metadata lines and boundaries.
  const inHeader = (): PlacedDraft | null => (current && (current.paragraphs.length === 0 || (current.paragraphs.length <= 2 && !current.paragraphs.some(isGoodProse))) ? current : null);

  lines.forEach((line, i) => {
    const c = line.cls;
    let asked: PlacedDraft | null | undefined; const header = () => (asked === undefined ? (asked = inHeader()) : asked);
    switch (c.kind) {
      case 'blank':
        return;
      case 'chrome':
        notes.chrome(c.what);
        if (c.boundary && !(header() && isCommentLink(lines, i))) {
          close(interruptions.has(c.what));
          pending = emptyPending();
          blockDate = null;
        }
        return;
      case 'label':
        notes.chrome('section label');
        return;
      case 'cut':
        if (current) current.cut = true;
        notes.chrome('cut marker');
        close(true);
        return;
      case 'date': {
        // A date under a standfirst, or under a sub-heading that started an article (lateDateOwner).
        const late = header() ? null : lateDateOwner(current, lines, i);
        if (late?.split) {
          drafts.push(current!);
          current = late.owner;
        }
        const dated = header() ?? late?.owner ?? null;
        if (dated) {
          if (c.updated) dated.updated ??= c.iso;
          else dated.published ??= c.iso;
          dated.ownMeta = true;
        } else {
          close();
          blockDate = c.iso;
        }
        return;
      }
      case 'time':
        if (header()) {
          header()!.time = c.time;
          header()!.ownMeta = true;
        } else {
          close();
          pending.time = c.time;
        }
        return;
      case 'relative':
        notes.chrome('relative time');
        if (header()) {
          header()!.relativeStamp = true;
          header()!.ownMeta = true;
        } else {
          close();
          pending.relative = true;
        }
        return;
      case 'outlet':
        // "Japan Today / 5 hours ago / - Japan Today": an outlet line follows a stamp or its own
        // name. Elsewhere "- Kazakhstan" is a list item of the article it stands in.
        if (!isOutletCard(lines, i, c.name)) {
          if (current) push(current, line.text, i);
          else notes.chrome('fragment');
          return;
        }
        close();
        pending.outlet = c.name;
        return;
      case 'byline': {
        // Some layouts put the byline under the standfirst: it still describes the open article.
        const target = header() ?? (current && current.authors.length === 0 ? current : null);
        if (target) {
          target.authors.push(...c.byline.authors);
          target.outlet ??= c.byline.outlet;
          target.wire ??= c.byline.wire;
          target.published ??= c.byline.published;
          target.ownMeta = true;
        } else if (!current) pending.byline = c.byline;
        else notes.dropped('byline after the article', line.text);
        return;
      }
      case 'sourceNote':
        if (current) current.republishedFrom = c.name;
        else notes.dropped('republication note outside an article', line.text);
        return;
      case 'copyright':
        // An agency's notice signs off its story; any other holder is the site's own footer,
        // which says nothing about the article above except that it has ended.
        if (current && c.wire) current.wire ??= c.holder;
        else notes.chrome('copyright notice');
        close();
        return;
      case 'heading':
      case 'text': {
        // After a clock time, the next headline (often written as a sentence) opens a feed entry.
        if (pending.time !== null && (c.kind === 'heading' || c.headlineLike)) {
          start(line.text, i);
          return;
        }
        if (c.kind === 'text') {
          if (!current && resumable && drafts[drafts.length - 1] === resumable && isGoodProse(line.text)) {
            // The page went on with the same article: the "Read more" did not cut it.
            current = drafts.pop()!;
            current.cut = false;
            resumable = null;
            notes.chrome('article resumed after an interruption');
          }
          if (current) {
            push(current, line.text, i);
            if (c.signOff) close();
          } else {
            notes.dropped('text outside any article', line.text);
            pending.time = null;
          }
          return;
        }
        switch (headlineRole(lines, i, current ? current.paragraphs.length : null)) {
          case 'leftover':
            notes.dropped('heading without article text', line.text);
            return;
          case 'label':
            notes.chrome('section label');
            return;
          case 'subheading':
            if (current) push(current, line.text, i);
            return;
        }
        start(line.text, i);
        return;
      }
    }
  });
  close();
  return drafts;
}

/** Widgets that interrupt an article without ending it: its text may go on below them. */
const interruptions = new Set(['newsletter form', 'AI widget']);
