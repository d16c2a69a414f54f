import { describe, expect, it } from 'vitest';
import { bylineIn } from '../../../src/ingest/local/bylineIn.js';
import { headerDate } from '../../../src/ingest/local/headerDate.js';
import { classifyLine } from '../../../src/ingest/local/classifyLine.js';
import { headerLineKind } from '../../../src/ingest/local/headerLine.js';
import { lowerCaseWords } from '../../../src/ingest/local/lowerCaseWords.js';
import { findShortDate } from '../../../src/ingest/local/parseDateline.js';
import { parsePage } from '../../../src/ingest/local/parsePage.js';
import { authorNote, readHeader } from '../../../src/ingest/local/readHeader.js';

/** Title, byline and date selection, on pages written for these tests in the w3m-dump style. */
const origin = { kind: 'page' as const, ref: 'test/header.txt' };
const para = (lead: string) => `${lead} the ferry service across the lake resumed on Tuesday after the winter storms, and the operator said timetables would return to normal by the weekend.`;
const classified = (texts: string[]) => texts.map((text) => ({ text, cls: classifyLine(text) }));

describe('header lines', () => {
  const kind = (text: string, common?: ReadonlySet<string>) => headerLineKind({ text, cls: classifyLine(text) }, common);
  it('knows bylines, datelines and names in the forms headers print them, bullets and all', () => {
    expect(kind('Wednesday 9 October 2024 by Ines Marlow')).toBe('byline');
    expect(kind('• Saturday 14 June 2025')).toBe('date');
    expect(kind('• Ines Marlow')).toBe('name');
    expect(kind('Ines Marlow - May 21, 2024 6:41 pm UTC')).toBe('byline');
    expect(kind('Ferry service resumes across the lake')).toBeNull();
    expect(kind('2 responses')).toBeNull();
  });
  it('does not take a link or a label in Title Case for a person', () => {
    const common = new Set(['newer', 'post', 'see']);
    expect(kind('• Newer Post', common)).toBeNull();
    expect(bylineIn('See Gallery', true, common)).toEqual([]);
    expect(bylineIn('Sign In', true)).toEqual([]);
    expect(bylineIn('The Harbour and Lakes Foundation', true)).toEqual([]);
    // A headline in Title Case is no list of names.
    expect(bylineIn('Two Weeks After Storm, Ferry Resumes Service and Port Reopens', true)).toEqual([]);
    expect(bylineIn('Lakeside’s Quiet Winter in the Valley', true)).toEqual([]);
    // A name printed twice (an avatar's alt text, then the name).
    expect(bylineIn('Ines Marlow Ines Marlow', true)).toEqual(['Ines Marlow']);
  });
  it('reads the name after an avatar\'s file name, and after a label\'s image mark with "on <date>"', () => {
    expect(bylineIn('lake-ferry-photo imarlow-headshot Ines Marlow travel ferriesLakes', false)).toEqual(['Ines Marlow']);
    expect(bylineIn('tomas_reyl_avatar.png Tomas Reyl', true)).toEqual(['Tomas Reyl']);
    expect(bylineIn('Lake Notes [0] Ines Marlow on Mar 1712 min', true)).toEqual(['Ines Marlow']);
    expect(bylineIn('Ines Marlow on 17 March', true)).toEqual(['Ines Marlow']);
    // "on" then no date: a sentence about a person, not a byline.
    expect(bylineIn('Ines Marlow on the new ferry', true)).toEqual([]);
    expect(bylineIn('ferry-headshots are blurred', false)).toEqual([]);
  });
  it('ends a name at a header word, a semicolon or its second printing, and reads "Author:" labels', () => {
    expect(bylineIn('Ines Marlow Published 3:00 PM ET Tue, 2 Mar 2021', true)).toEqual(['Ines Marlow']);
    expect(bylineIn('Ines Marlow Follow', true)).toEqual(['Ines Marlow']);
    expect(bylineIn('Ines Marlow Contributor', true)).toEqual(['Ines Marlow']);
    expect(bylineIn('Ines Marlow Ines Marlow 2 hours ago', true)).toEqual(['Ines Marlow']);
    expect(kind('Ines Marlow Ines Marlow před 2 hodinami')).toBe('name');
    expect(bylineIn('Reporting by Ines Marlow; Editing by Tomas Reyl', false)).toEqual(['Ines Marlow']);
    expect(bylineIn('Autor: Ines Marlow', false)).toEqual(['Ines Marlow']);
    expect(bylineIn('Texto: Ines Marlow', false)).toEqual(['Ines Marlow']);
    expect(bylineIn('Auteur : Ines Marlow', false)).toEqual(['Ines Marlow']);
    // A word that runs on from "by" or "par" is no marker.
    expect(bylineIn('BYRON MARLOW', false)).toEqual([]);
    expect(bylineIn('PARIS MARLOW', false)).toEqual([]);
  });
  it('reads a correspondent\'s "A in Place" line and a name before other languages\' "published"', () => {
    expect(bylineIn('Ines Marlow in Lakeside', true)).toEqual(['Ines Marlow']);
    expect(bylineIn('Ines Marlow in New Port Town', true)).toEqual(['Ines Marlow']);
    expect(bylineIn('Ines Marlow in the harbour today', true)).toEqual([]);
    expect(bylineIn('Par Ines Marlow Publié le 30 avril 2015 à 10h15', false)).toEqual(['Ines Marlow']);
    expect(bylineIn('Ines Marlow veröffentlicht am 24.07.2015', true)).toEqual(['Ines Marlow']);
  });
  it('stops a name list at a job title, and reads "Written by:"', () => {
    expect(bylineIn('Ines Marlow, Transport Correspondent', true)).toEqual(['Ines Marlow']);
    expect(bylineIn('By Ines Marlow and Tomas Reyl, Deputy Editors', false)).toEqual(['Ines Marlow', 'Tomas Reyl']);
    expect(bylineIn('Written by: Ines Marlow', false)).toEqual(['Ines Marlow']);
  });
  it('reads an author\'s note at the article\'s end when nothing else names the writer', () => {
    expect(authorNote('Ines Marlow is a transport reporter at Lake Notes.')).toBe('Ines Marlow');
    expect(authorNote('Tomas Reyl is the author of The Winter Lake.')).toBe('Tomas Reyl');
    expect(authorNote('Tomas Reyl is a ferryman on the north pier.')).toBeNull();
    const lines = classified(['Ferry service resumes across the lake', '', para('Passengers said'), '', para('The operator said'), '', 'Ines Marlow is a transport reporter at Lake Notes.']);
    const facts = readHeader(lines, 0, 2, 6);
    expect(facts.authors).toEqual(['Ines Marlow']);
    expect(facts.bylineForm).toBe("an author's note");
  });
  it('reads Chinese and Japanese bylines after their label', () => {
    expect(bylineIn('2021-03-02 10:15 来源：湖畔日报 作者：林海川', false)).toEqual(['林海川']);
    expect(bylineIn('记者 林海川', false)).toEqual(['林海川']);
    expect(bylineIn('本报记者林海川', false)).toEqual(['林海川']);
    expect(bylineIn('文：湖田一郎', false)).toEqual(['湖田一郎']);
    expect(bylineIn('文／湖田 一郎', false)).toEqual(['湖田 一郎']);
    expect(bylineIn('记者：林海川 周小湖', false)).toEqual(['林海川']);
    // The label's characters inside other words are no byline.
    expect(bylineIn('作者的话很长', false)).toEqual([]);
    expect(bylineIn('这篇文章的作者是林海川先生。', false)).toEqual([]);
  });
  it('takes no name from a copyright notice', () => {
    expect(kind('Copyright Notice')).toBeNull();
    const lines = classified(['Ferry service resumes across the lake', '', 'Copyright Notice', '', para('Passengers said'), '', para('The operator said')]);
    expect(readHeader(lines, 0, 4, 6).authors).toEqual([]);
  });
  it('takes a "Posted by" line with a date for a header line though it names handles', () => {
    expect(kind('Posted by imarlow, treyl on 2021-03-02, all posts')).toBe('byline');
    expect(kind('Posted by imarlow, treyl')).toBeNull();
  });
  it('reads the words a page writes in lower case, not addresses', () => {
    const words = lowerCaseWords([{ text: 'Read the older article at ines.marlow@example.org today.' }]);
    expect(words.has('older')).toBe(true);
    expect(words.has('today')).toBe(true);
    expect(words.has('ines')).toBe(false);
  });
  it('reads a numeric date with a two-digit year in the page\'s order', () => {
    expect(findShortDate('10.15.15', true)).toBe('2015-10-15');
    expect(findShortDate('10.15.15', false)).toBe('2015-10-15');
    expect(findShortDate('11.03.17 in Gadgets', true)).toBe('2017-11-03');
    expect(findShortDate('11.03.17', false)).toBe('2017-03-11');
    expect(findShortDate('version 2.8.15', true)).toBeNull();
    expect(headerDate('11.03.17 in Gadgets', true)).toBe('2017-11-03');
    // A four-digit year after slashes or dashes, in either order.
    expect(headerDate('Publié le 30/04/2015 à 10h15', false)).toBe('2015-04-30');
    expect(findShortDate('04/30/2015', true)).toBe('2015-04-30');
    expect(findShortDate('30-04-2015', false)).toBe('2015-04-30');
    expect(findShortDate('02/03/2021', false)).toBe('2021-03-02');
    expect(findShortDate('02/03/2021', true)).toBe('2021-02-03');
    expect(findShortDate('call 555-12-20155', true)).toBeNull();
  });
});

describe('readHeader', () => {
  it('prefers a "by" byline to a bare name, and a dateline to an update stamp', () => {
    const lines = classified([
      'Ferry service resumes across the lake', '', '• Tomas Reyl', '', 'Updated 4 March 2021', '',
      'on March 2, 2021 by Ines Marlow', '', para('Passengers said'), '', para('The operator said'),
    ]);
    const facts = readHeader(lines, 0, 8, 10);
    expect(facts.authors).toEqual(['Ines Marlow']);
    expect(facts.bylineLine).toBe(6);
    expect(facts.published).toBe('2021-03-02');
  });
  it('takes an update stamp when it is the only date', () => {
    const lines = classified(['Ferry service resumes across the lake', '', 'Updated 4 March 2021', '', para('Passengers said')]);
    expect(readHeader(lines, 0, 4, 4).published).toBe('2021-03-04');
  });
  it('reads a name after a text browser\'s image mark, and a "by" line further up over a bare label', () => {
    expect(bylineIn('[avatar-ab] Ines Marlow • 8h', true)).toEqual(['Ines Marlow']);
    const lines = classified([
      'By Ines Marlow June 3 at 11:26 AM', '', '• Share', '• Tweet', '• Email', '• Print', '', '[photo-1]', '', 'Lake Notes', '', 'Comments', '',
      'Ferry service resumes across the lake', '', 'Tomas Reyl', '', para('Passengers said'), '', para('The operator said'),
    ]);
    // A "by" line further up (past a share bar and a photo) beats a bare name under the headline.
    expect(readHeader(lines, 13, 17, 19).authors).toEqual(['Ines Marlow']);
  });
  it('reads an author box with its date at the foot', () => {
    const lines = classified(['Ferry service resumes across the lake', '', para('Passengers said'), '', para('The operator said'), '', 'Ines Marlow — 2021-03-02 — in Travel — Permalink']);
    expect(readHeader(lines, 0, 2, 4).authors).toEqual(['Ines Marlow']);
  });
});

describe('the main article\'s title, byline and date on whole pages', () => {
  it('does not take a dated byline printed as a heading, nor a counter, for the headline', () => {
    const page = [
      'Lake Notes', '', '• Home', '• About', '', 'Ferry service resumes across the lake', '',
      'Wednesday 9 October 2024 by Ines Marlow', '', '2 responses', '',
      para('Passengers said'), '', para('The operator said'), '', para('Harbour staff said'),
    ].join('\n');
    const { articles, why } = parsePage(page, origin);
    expect(articles[0]!.title).toBe('Ferry service resumes across the lake');
    expect(articles[0]!.authors).toEqual(['Ines Marlow']);
    expect(articles[0]!.published).toBe('2024-10-09');
    expect(why?.[0]?.[1]).toMatch(/^byline line \d+: "Wednesday 9 October 2024 by Ines Marlow"/);
  });

  it('takes the headline, not the standfirst under it, and reads a bulleted header', () => {
    const page = [
      '1. News', '2. Travel', '', 'Ferry service resumes across the lake', '',
      'Operators say the crossing will run on its winter timetable until the storms have passed and the piers are repaired', '',
      '• Tomas Reyl', '• Saturday 14 June 2025', '• 0 comments', '',
      'ferry-pier.jpg', 'The ferry at the north pier is seen on Tuesday Lake Photos', '',
      para('Passengers said'), '', para('The operator said'), '', para('Harbour staff said'),
    ].join('\n');
    const { articles } = parsePage(page, origin);
    const main = articles.find((a) => a.paragraphs.length >= 3)!;
    expect(main.title).toBe('Ferry service resumes across the lake');
    expect(main.authors).toEqual(['Tomas Reyl']);
    expect(main.published).toBe('2025-06-14');
  });

  it('reads the header of a headline printed twice, and an English page\'s numeric date month first', () => {
    const page = [
      'Ferry service resumes across the lake', '', 'Ines Marlow', '', '11.03.17 in Travel', '',
      '• Share', '• Tweet', '', 'Lake Notes newsletter', 'Email address [ ] Subscribe', '',
      'Ferry service resumes across the lake', '',
      para('Passengers said'), '', para('The operator said'), '', para('Harbour staff said'),
    ].join('\n');
    const { articles } = parsePage(page, origin);
    const main = articles.find((a) => a.paragraphs.length >= 3)!;
    expect(main.title).toBe('Ferry service resumes across the lake');
    expect(main.authors).toEqual(['Ines Marlow']);
    expect(main.published).toBe('2017-11-03');
  });

  it('takes the headline above a poster\'s line, not the first sub-heading under it', () => {
    const page = [
      '• Forums', '• Contact', '', 'Lake Notes #41 - timetables in sight', '', 'Posted by imarlow, treyl on 2021-03-02, all posts', '',
      'The winter timetable (imarlow)', '', para('The winter timetable said'), '', para('The operator said'), '', para('Harbour staff said'),
    ].join('\n');
    const { articles } = parsePage(page, origin);
    expect(articles[0]!.title).toBe('Lake Notes #41 - timetables in sight');
    expect(articles[0]!.published).toBe('2021-03-02');
  });

  it('takes a headline of two sentences, and starts the article there when its name under it is printed twice', () => {
    const twoParts = [
      'Lake Notes', '', 'Ferry is back. Passengers cheer at the pier', '', 'Ines Marlow Ines Marlow', '2 hours ago', '',
      para('The'), '', para('Passengers at the north pier said'), '', para('Harbour staff said'),
    ].join('\n');
    const first = parsePage(twoParts, origin).articles[0]!;
    expect(first.title).toBe('Ferry is back. Passengers cheer at the pier');
    expect(first.authors).toEqual(['Ines Marlow']);
    // A newsletter's blurb above, the headline in a hero block and again over the article.
    const page = [
      'Lake Notes by email', '', 'You can unsubscribe at any time, we promise.', '',
      'By signing up for the newsletter you agree that your address will be kept under our rules for personal data and that we may write to you.', '',
      '• Lakes', '• Ferries', '', 'Ferry is back. Passengers cheer at the pier', '', 'Share', 'Like', '',
      'Ferry is back. Passengers cheer at the pier', '', 'Ines Marlow Ines Marlow 2 hours ago', '',
      para('The'), '', para('Passengers at the north pier said'), '', para('Harbour staff said'), '', para('The mayor said'), '', para('Anglers said'),
    ].join('\n');
    const main = parsePage(page, origin).articles.find((a) => !a.secondary)!;
    expect(main.title).toBe('Ferry is back. Passengers cheer at the pier');
    expect(main.authors).toEqual(['Ines Marlow']);
    expect(main.paragraphs.join(' ')).not.toMatch(/newsletter/);
  });

  it('takes a headline printed under the standfirst and keeps the standfirst, but not a sub-heading under the first paragraph', () => {
    const nav = ['Lake Notes', '', '  • Home', '  • News', '  • Sport', '  • Weather', ''];
    const dek = 'Operators say the crossing across the lake will run on its winter timetable until the piers are repaired after the storms.';
    const body = [para('The'), '', para('Passengers at the north pier said'), '', para('Harbour staff said'), '', para('The mayor said'), '', para('Anglers said')];
    const under = parsePage([...nav, dek, '', 'Ferry service resumes across the lake', '', ...body].join('\n'), origin).articles[0]!;
    expect(under.title).toBe('Ferry service resumes across the lake');
    expect(under.paragraphs[0]).toBe(dek);
    expect(under.paragraphs).not.toContain('Ferry service resumes across the lake');
    // The headline above, one paragraph, then a sub-heading: the headline stays.
    const subhead = parsePage([...nav, 'Ferry service resumes across the lake', '', 'By Ines Marlow', '', para('The'), '', 'What the passengers at the pier said', '', ...body.slice(2)].join('\n'), origin).articles[0]!;
    expect(subhead.title).toBe('Ferry service resumes across the lake');
    expect(subhead.paragraphs[0]).toMatch(/^The the ferry/);
  });

  it('takes a headline that starts with a brand in camel case', () => {
    const page = ['Lake Notes', '', '• Home', '• News', '', 'iFerry app returns as lake service resumes', '', 'By Ines Marlow', '', para('The'), '', para('Passengers said'), '', para('The operator said')].join('\n');
    expect(parsePage(page, origin).articles[0]!.title).toBe('iFerry app returns as lake service resumes');
  });

  it('takes a Chinese headline over the reporter\'s line under it, and reads its name and date', () => {
    const zh = '渡轮周二在冬季风暴过后恢复了湖上的航线，运营方表示时刻表将在周末前恢复正常。乘客们在北码头排队等候，许多人说他们已经等了三个星期。';
    const page = ['首页', '', '渡轮恢复湖上航线', '', '记者 林海川', '2021年03月02日', '', ...[1, 2, 3, 4, 5, 6].flatMap(() => [zh + zh, ''])].join('\n');
    const main = parsePage(page, origin).articles[0]!;
    expect(main.title).toBe('渡轮恢复湖上航线');
    expect(main.authors).toEqual(['林海川']);
    expect(main.published).toBe('2021-03-02');
  });

  it('keeps an article with a comment count in its header, and still leaves the comments after it out', () => {
    const body = [para('The'), '', para('Passengers at the north pier said'), '', para('Harbour staff said'), '', para('The mayor said')];
    for (const count of ['Comments (12)', '12 comments', 'Leave a comment']) {
      const page = ['Lake Notes', '', '• Home', '• News', '', 'Ferry service resumes across the lake', '', 'By Ines Marlow', count, '', ...body,
        '', 'Comments (2)', '', 'treyl 2 hours ago', '', 'I took the ferry this morning and it was right on time, which after three weeks of waiting was a relief to everyone on board.'].join('\n');
      const articles = parsePage(page, origin).articles;
      expect(articles).toHaveLength(1);
      expect(articles[0]!.title).toBe('Ferry service resumes across the lake');
      expect(articles[0]!.paragraphs).toHaveLength(4);
      expect(articles[0]!.paragraphs.join(' ')).not.toMatch(/right on time/);
    }
  });

  it('takes a dateline printed above the headline', () => {
    const page = [
      'Lake Notes > Travel > 2015', '', '« Previous | Next »', '', '08.04.2015 12:46', '',
      'Ferry service resumes across the lake', '', para('Passengers said'), '', para('The operator said'),
    ].join('\n');
    const { articles } = parsePage(page, origin);
    expect(articles[0]!.title).toBe('Ferry service resumes across the lake');
    expect(articles[0]!.published).toBe('2015-04-08T12:46:00Z');
  });

  it('starts the article at a headline with its byline after a promotion\'s blurb, and not at the line under the byline', () => {
    const page = [
      'Lake Notes App for Phones', '',
      'Plan your crossing with the app and get alerts when the ferry timetable changes on your route.', '',
      '• Timetables', '• Piers', '', 'Font Size', '',
      'Ferry service resumes across the lake', '', 'By Ines Marlow', 'Lake Notes News', 'Reviewed by Tomas Reyl', '',
      para('Passengers said'), '', para('The operator said'), '', para('Harbour staff said'), '', para('Anglers said'),
    ].join('\n');
    const { articles } = parsePage(page, origin);
    const main = articles.find((a) => a.paragraphs.length >= 3)!;
    expect(main.title).toBe('Ferry service resumes across the lake');
    expect(main.authors).toEqual(['Ines Marlow']);
    expect(main.paragraphs.join(' ')).not.toMatch(/Plan your crossing/);
  });

  it('starts the article at a headline under a notice when its share bar follows and it is printed twice', () => {
    const page = [
      'Ready to publish the lake ferry story?', '', 'Change the title and subtitle of the ferry story as needed', '', 'Sign in / Sign up', '', 'Ines Marlow on Mar 17', '',
      'The author chose to keep this story about the ferry private, which means only the people who have the link to it can read it for now.', '',
      'Ferry service resumes across the lake', '', '• Share on Twitter', '• Share by email', '',
      'Ferry service resumes across the lake', '',
      para('Passengers said'), '', para('The operator said'), '', para('Harbour staff said'), '', para('Anglers said'),
    ].join('\n');
    const { articles } = parsePage(page, origin);
    const main = articles.find((a) => a.paragraphs.length >= 3)!;
    expect(main.title).toBe('Ferry service resumes across the lake');
    expect(main.paragraphs.join(' ')).not.toMatch(/chose to keep this story private/);
  });
});
