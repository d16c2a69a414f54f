import { describe, expect, it } from 'vitest';
import { bylineIn } from '../../../src/ingest/local/bylineIn.js';
import { matchChrome } from '../../../src/ingest/local/chromeLine.js';
import { classifyLine } from '../../../src/ingest/local/classifyLine.js';
import { contentWords } from '../../../src/ingest/local/contentWords.js';
import { headerLineKind } from '../../../src/ingest/local/headerLine.js';
import { headlineScore } from '../../../src/ingest/local/headlineScore.js';
import { isBreadcrumb } from '../../../src/ingest/local/isBreadcrumb.js';
import { isInterfaceRow } from '../../../src/ingest/local/interfaceRow.js';
import { innerHeader } from '../../../src/ingest/local/innerHeader.js';
import { headlineShape } from '../../../src/ingest/local/textShape.js';
import { underVideoPlayer } from '../../../src/ingest/local/underVideoPlayer.js';
import { parseByline } from '../../../src/ingest/local/parseByline.js';
import { parsePage } from '../../../src/ingest/local/parsePage.js';
import { isSiteNameLine } from '../../../src/ingest/local/siteNameSuffix.js';
import { wikiTitle } from '../../../src/ingest/local/wikiTitle.js';

/** More kinds of wrong title (session 6), on lines and pages written for these tests (w3m-dump style). */
const origin = { kind: 'page' as const, ref: 'test/kinds-more.txt' };
const classified = (texts: string[]) => texts.map((text) => ({ text, cls: classifyLine(text) }));
const para = (lead: string) => `${lead} the ferry service across the lake resumed on Tuesday after the winter storms, and the operator said timetables would return to normal by the weekend.`;
const body = [para('Passengers said'), '', para('The operator said'), '', para('Harbour staff said'), '', para('The mayor said'), '', para('Pier workers said')];
const headline = 'Ferry service resumes across the lake after the storms';
const mainOf = (page: string[]) => {
  const { articles } = parsePage(page.join('\n'), origin);
  return articles.find((a) => !a.secondary) ?? articles[0]!;
};

describe("the site's name over its article", () => {
  it('is a short line the copyright notice holds, the address spells, or the page prints three times', () => {
    const owned = [{ text: 'Harbour Weekly' }, { text: headline }, { text: '© 2024 Harbour Weekly. All rights reserved.' }];
    expect(isSiteNameLine(owned, 0)).toBe(true);
    expect(isSiteNameLine(owned, 1)).toBe(false);
    const addressed = [{ text: 'The Harbour Weekly' }, { text: headline }, { text: 'Write to us: desk@harbourweekly.org' }];
    expect(isSiteNameLine(addressed, 0)).toBe(true);
    const repeated = [{ text: '  • Harbour Weekly' }, { text: 'Harbour Weekly' }, { text: headline }, { text: '  • harbour weekly' }];
    expect(isSiteNameLine(repeated, 1)).toBe(true);
  });
  it('is not a headline printed twice, nor a long Chinese headline printed three times', () => {
    expect(isSiteNameLine([{ text: '  • Ferry resumes' }, { text: 'Ferry resumes' }, { text: 'Other' }], 1)).toBe(false);
    const zh = '渡轮周二恢复湖上航线并调整冬季时刻表';
    expect(isSiteNameLine([{ text: `  • ${zh}` }, { text: zh }, { text: `  • ${zh}` }], 1)).toBe(false);
  });
  it('does not title the article on a whole page, where it stands over the byline and the headline', () => {
    const page = ['  • Home', '  • Harbour Weekly', '  • Travel', '', 'Harbour Weekly', 'Ines Marlow/May 2, 2024', headline, 'The operator says the timetable is back by the weekend.', '', ...body, '', '  • Subscribe to Harbour Weekly', '  • Copyright 2024 © Harbour Weekly. All rights reserved.'];
    expect(mainOf(page).title).toBe(headline);
  });
});

describe("a video's title under the player's controls", () => {
  it('stands under a player', () => {
    const lines = [{ text: 'Now playing' }, { text: 'Pause' }, { text: 'Duration 1:30' }, { text: '' }, { text: 'Crews at the north pier' }];
    expect(underVideoPlayer(lines, 4)).toBe(true);
    expect(underVideoPlayer([{ text: 'Live video' }, { text: 'VIDEO2:1502:15' }, { text: 'Crews at the north pier' }], 2)).toBe(true);
    expect(underVideoPlayer([{ text: '1 of 12' }, { text: 'Full Screen' }, { text: 'Autoplay' }, { text: 'Skip Ad' }, { text: 'Crews at the north pier' }], 4)).toBe(true);
    expect(underVideoPlayer([{ text: '  • Travel' }, { text: '' }, { text: headline }], 2)).toBe(false);
  });
  it('does not title the article whose headline stands above the player', () => {
    const page = ['  • Home', '  • Travel', '', 'Travel', '', headline, '', '  • Timetables return by the weekend', '  • Boats were idle for three weeks', '',
      'Now playing', 'Pause', 'Mute', 'Duration 1:30', 'Full screen', '', 'Harbour crews on the lake ferry', 'Harbour crews on the lake ferry', '', ...body];
    expect(mainOf(page).title).toBe(headline);
  });
});

describe('interface labels that are chrome', () => {
  it('matches a "click here for more" link, a bare "Back" and a wiki\'s skip links', () => {
    for (const t of ['Click Here for More on LAKE FERRIES', 'Click here', 'Back', 'Jump to: navigation, search', 'Jump to search, navigation']) expect(matchChrome(t), t).not.toBeNull();
    for (const t of ['Back to the lake: the ferry returns', 'Click and collect comes to the pier']) expect(matchChrome(t), t).toBeNull();
  });
});

describe('a headline over its shorter standfirst', () => {
  it('titles the article, the standfirst under it does not', () => {
    const page = ['  • Home', '  • Travel', '', ' 1. Travel', '', headline, '', 'Timetables back to normal, the operator says', '', 'By Ines Marlow', '', ...body];
    const main = mainOf(page);
    expect(main.title).toBe(headline);
  });
});

describe("a wiki article's title over the wiki's tagline", () => {
  it('is the line above the tagline, past the tabs and tools a newer skin prints between', () => {
    const lines = classified(['Lake ferry', '', 'From Lakepedia, the free encyclopedia', 'Jump to: navigation, search', 'Passenger boat service on a lake', '', para('The')]);
    expect(wikiTitle(lines, 6)).toBe(0);
    const tabs = classified(['Lake ferry', '[ ] 4 tongues', '  • Page', '  • Discussion', '  • Change', '[ ] Page tools', 'From Lakepedia, the free encyclopedia', '', para('The')]);
    expect(wikiTitle(tabs, 8)).toBe(0);
    const de = classified(['Seefähre', '', 'Aus Lakepedia, der freien Enzyklopädie', '', para('The')]);
    expect(wikiTitle(de, 4)).toBe(0);
    expect(wikiTitle(classified(['Lake ferry', '', 'From our correspondent', '', para('The')]), 4)).toBeNull();
  });
  it('titles the article over its short description, on a whole page', () => {
    const page = ['Lake ferry', '', 'From Lakepedia, the free encyclopedia', 'Jump to: navigation, search', 'Passenger boat service across a lake', 'For the song, see Lake ferry (song).', '', ...body];
    expect(mainOf(page).title).toBe('Lake ferry');
  });
});

describe('Chinese and Japanese headlines with Latin words in them', () => {
  it('are headlines, not shouted labels or fragments; a line ending in 。 is a sentence', () => {
    expect(classifyLine('湖のフェリーを予約する新アプリFERRYGO').kind).toBe('heading');
    expect(classifyLine('LAKE NOTES').kind).toBe('label');
    expect(classifyLine('2024年の湖上フェリー・時刻表・運賃改定の概要 (Lake Notes 第12回まとめ)').kind).toBe('heading');
    expect(headlineShape('Lake Notes ferry meetingの時刻表です。')).toBe('fullStop');
  });
});

describe('a breadcrumb trail from the home page', () => {
  it('is a trail even with two crumbs, and no headline', () => {
    expect(isBreadcrumb('Home › Ferry service resumes')).toBe(true);
    expect(isBreadcrumb('Accueil » Le bac reprend')).toBe(true);
    expect(isBreadcrumb('Ferry service › resumes')).toBe(false);
    const page = ['  • Home', '  • Travel', '', 'Home › Ferry service resumes – the lake reopens', '', 'Ferry service resumes – the lake reopens', '02/05/2024 | Ines Marlow', '', ...body];
    expect(mainOf(page).title).toBe('Ferry service resumes – the lake reopens');
  });
  it('lets glued skip links be chrome', () => {
    expect(matchChrome('Skip to contentSkip to search')).not.toBeNull();
    expect(matchChrome('Skip to primary navigation')).not.toBeNull();
  });
});

describe('a headline far above its text, past a video player\'s settings', () => {
  it('is still searched for: lines without words do not count towards the reach', () => {
    const settings = Array.from({ length: 30 }, (_, k) => ['Ab', '  • ', 'B', 'Close', 'Reset'][k % 5]!);
    const page = ['  • Home', '  • Travel', '', headline, 'By Ines Marlow May 2, 2024 3:46 PM', '', ...settings, ...settings, ...settings, '', 'Subtitles off', '', ...body];
    const main = mainOf(page);
    expect(main.title).toBe(headline);
    expect(main.authors).toEqual(['Ines Marlow']);
  });
});

describe('a long headline that holds a name-like phrase', () => {
  it('scores as no name line once it has more than ten words', () => {
    const lines = classified(['Lake Ferry 3 - The small boat that costs only $5 a trip - Best selling ticket on the lake', 'Ines Marlow Monday, May 2, 2024 @ 11:10 PM UTC', '', para('The lake ferry')]);
    const s = headlineScore(lines, 0, contentWords(lines[3]!.text), 3);
    expect(s?.why ?? '').not.toMatch(/a name/);
  });
});

describe('a related block set inside the article', () => {
  it('does not stop the search for the headline above it, and its teasers head nothing', () => {
    const page = ['  • Home', '  • Travel', '', headline, 'By INES MARLOW MAY 2, 2024', '', '  • Share', '  • Email', '', para('Passengers said'), '', para('The operator said'), '', 'Story continues below', 'Related stories', '',
      '  • [img-1]', '    Storm closes the mountain road for the winter APRIL 28, 2024', '  • [img-2]', '    Harbour board names a new chair for the ferries APRIL 25, 2024', '', 'Advertisement', 'Story continues below', ...body];
    const main = mainOf(page);
    expect(main.title).toBe(headline);
    expect(main.authors).toEqual(['Ines Marlow']);
  });
});

describe('a headline printed twice in a row', () => {
  it('is not its own standfirst', () => {
    const lines = classified(['Ferry service resumes across the lake after the winter storms', '', 'Ferry service resumes across the lake after the winter storms', '', 'By Ines Marlow', '', para('The lake ferry')]);
    expect(headlineScore(lines, 2, contentWords(lines[6]!.text), 6)!.why).not.toMatch(/standfirst/);
  });
});

describe('interface rows, cookie and app banners', () => {
  it('knows a row of button labels, glued or spaced', () => {
    for (const t of ['Draft Cancel Publish update', 'Fork raw copy download embed', 'Share Save More']) expect(isInterfaceRow(t), t).toBe(true);
    for (const t of [headline, 'Save the ferry', 'Close']) expect(isInterfaceRow(t), t).toBe(false);
  });
  it('takes consent buttons and app prompts for chrome', () => {
    for (const t of ['Accept all cookies', 'Reject all', 'Manage preferences', 'Alle akzeptieren', 'Tout accepter', 'Aceptar todo', 'Принять все', 'Open in app', 'Get the app', 'アプリで開く']) expect(matchChrome(t), t).not.toBeNull();
    for (const t of ['Accepting the ferry timetable', 'App opens ferry bookings']) expect(matchChrome(t), t).toBeNull();
  });
  it('scores an editor\'s row of buttons low as a headline', () => {
    const lines = classified(['Draft Cancel Publish update', '', 'Ines Marlow', '', para('The ferry draft')]);
    expect(headlineScore(lines, 0, contentWords(lines[4]!.text), 4)!.why).toMatch(/interface labels/);
  });
});

describe('bylines with the word run into the name, or a stamp after it', () => {
  it('reads "ByA", and "By A last updated ..." without taking the update for the publication', () => {
    expect(parseByline('ByInes Marlow May 2, 2024')).toMatchObject({ authors: ['Ines Marlow'], published: '2024-05-02' });
    expect(parseByline('By Ines Marlow last updated 4 May 24')).toMatchObject({ authors: ['Ines Marlow'], published: null });
    expect(parseByline('By Ines Marlow Published 3 March 2025')).toMatchObject({ authors: ['Ines Marlow'], published: '2025-03-03' });
    expect(parseByline('Byron Marlow')).toBeNull();
    expect(parseByline('Bytes and boats')).toBeNull();
  });
  it('keeps the header with its article when a comment counter follows the byline', () => {
    const page = ['  • Home', '  • Travel', '', 'Members Club', '', 'Half price today', '', headline, '', 'ByInes Marlow May 2, 2024', '12 Comments', '', '  • Edit', '  • Send to a friend', '', ...body];
    const main = mainOf(page);
    expect(main.title).toBe(headline);
    expect(main.authors).toEqual(['Ines Marlow']);
  });
});

describe("a summary box's label and a slash-separated byline", () => {
  it('takes "Key points" for chrome that names nobody', () => {
    for (const t of ['Key points', 'Key takeaways', 'At a glance', 'En bref', '要点']) expect(matchChrome(t), t).not.toBeNull();
    const [line] = classified(['Key points']);
    expect(headerLineKind(line!)).toBeNull();
  });
  it('reads "A / Outlet / Updated: date" as a byline line', () => {
    const [line] = classified(['Ines Marlow / LNW / Updated: May 2, 2024, 11:05 IST']);
    expect(headerLineKind(line!)).toBe('byline');
    const [plain] = classified(['Ferry timetables / winter / spring']);
    expect(headerLineKind(plain!)).toBeNull();
  });
});

describe('a headline inside the draft, its byline under an image and its caption', () => {
  it('is the inner header: the chrome between does not count towards the reach', () => {
    const texts = ['A promotion of the newsletters, with something for every reader who likes the lake and its ferries.', '', headline, '', '[a1b2c3d4e5]', '[f6g7h8]', 'LNW Photo/Tomas Reyl', 'Queueing.', 'By Ines Marlow', '', ...body];
    const lines = classified(texts);
    const prose = texts.map((t, k) => [t, k] as const).filter(([t]) => t.length > 60);
    const draft = { title: 'Regions', paragraphs: prose.map(([t]) => t), paragraphLines: prose.map(([, k]) => k), authors: [], outlet: null, wire: null, republishedFrom: null, published: null, updated: null, time: null, relativeStamp: false, blockDate: null, cut: false, titleLine: 0, lastLine: texts.length - 1, ownMeta: false };
    expect(innerHeader(lines, draft, 0)).toBe(2);
  });
  it('starts the article, the promotion above it is not its text', () => {
    const promo = 'A weekly letter from the harbour board on timetables, fares and works at the piers, for every reader who takes the boat to town.';
    const page = ['  • Regions', '', promo, '', '  • Join the club', '', 'ON THE WATER', '', headline, '', '[a1b2c3d4e5]', 'LNW Photo/Tomas Reyl', '', 'Queueing.', '', 'By Ines Marlow', 'Published May 2, 2024', '', ...body];
    const main = mainOf(page);
    expect(main.title).toBe(headline);
    expect(main.authors).toEqual(['Ines Marlow']);
  });
});

describe('a bare name in the header', () => {
  it('ends at a slash before its date and at an avatar word, and is no header or interface phrase', () => {
    expect(bylineIn('Ines Marlow/May 2, 2024', true, new Set())).toEqual(['Ines Marlow']);
    expect(bylineIn('Ines Marlow headshot', true, new Set())).toEqual(['Ines Marlow']);
    // A photo credit "Name/Agency" names no writer.
    expect(bylineIn('Tomas Reyl/Lake Pictures', true, new Set())).toEqual([]);
    for (const t of ['Published Wed, May 2 2024', 'Contact Us', 'Last Update']) expect(bylineIn(t, true, new Set()), t).toEqual([]);
  });
});
