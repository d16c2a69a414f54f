import { describe, expect, it } from 'vitest';
import { captionOverCredit, isCreditLine } from '../../../src/ingest/local/captionOverCredit.js';
import { matchChrome } from '../../../src/ingest/local/chromeLine.js';
import { bylineIn } from '../../../src/ingest/local/bylineIn.js';
import { classifyLine } from '../../../src/ingest/local/classifyLine.js';
import { contentWords } from '../../../src/ingest/local/contentWords.js';
import { headlineScore } from '../../../src/ingest/local/headlineScore.js';
import { inTeaserBlock } from '../../../src/ingest/local/inTeaserBlock.js';
import { isLinkCard } from '../../../src/ingest/local/isLinkCard.js';
import { isTableRow } from '../../../src/ingest/local/tableRow.js';
import { lowerCaseWords, mostlyLowerCase } from '../../../src/ingest/local/lowerCaseWords.js';
import { parsePage } from '../../../src/ingest/local/parsePage.js';
import { runningTitle } from '../../../src/ingest/local/runningTitle.js';
import { withoutSiteName } from '../../../src/ingest/local/siteNameSuffix.js';

/** Kinds of wrong title and the rules against them, on lines and pages written for these tests (w3m-dump style). */
const origin = { kind: 'page' as const, ref: 'test/kinds.txt' };
const classified = (texts: string[]) => texts.map((text) => ({ text, cls: classifyLine(text) }));
const para = (lead: string) => `${lead} the ferry service across the lake resumed on Tuesday after the winter storms, and the operator said timetables would return to normal by the weekend.`;
const body = [para('Passengers said'), '', para('The operator said'), '', para('Harbour staff said'), '', para('The mayor said'), '', para('Pier workers said')];
const nav = ['Lake Notes', '', '  • Home', '  • News', '  • Sport', ''];
const headline = 'Ferry service resumes across the lake';
const mainOf = (page: string[]) => {
  const { articles } = parsePage(page.join('\n'), origin);
  return articles.find((a) => !a.secondary) ?? articles[0]!;
};

describe('a caption over its credit line', () => {
  it('knows a credit line', () => {
    for (const t of ['Photo by Ines Marlow/Lake Notes', 'Photograph: Ines Marlow', 'Credit: Lake Photos', 'INES MARLOW/LAKE PRESS/Getty Images', 'Foto: Ines Marlow']) expect(isCreditLine(t), t).toBe(true);
    for (const t of ['Ferry service resumes across the lake', 'Passengers queued at the north pier on Tuesday morning.']) expect(isCreditLine(t), t).toBe(false);
  });
  it('takes a sentence over a credit for a caption, not a headline over a hero photo\'s credit', () => {
    expect(captionOverCredit(classified(['The ferry operator at the north pier, the man with the timetable.', '', 'Photo by Ines Marlow/Lake Notes']), 0)).toBe(true);
    expect(captionOverCredit(classified([headline, '', 'Photo by Ines Marlow/Lake Notes']), 0)).toBe(false);
    expect(captionOverCredit(classified(['The ferry operator at the north pier, the man with the timetable.', '', para('The')]), 0)).toBe(false);
  });
  it('keeps the headline over a caption that echoes the article more, on a whole page', () => {
    const page = [...nav, headline, '', 'By Ines Marlow', '', '  • Share', '  • Tweet', '  • Email', '  • Print', '', 'The ferry at the north pier on Tuesday, after the winter storms on the lake.', '', 'Photo by Tomas Reyl/Lake Notes', '', ...body];
    expect(mainOf(page).title).toBe(headline);
  });
});

describe('a card for another article inside this one', () => {
  it('is a heading, a teaser cut short, then "Read more"', () => {
    expect(isLinkCard(classified(['Ferry timetables, part two', '', 'This story goes on from our account of the winter timetable of the lake ferry and its piers…', '', 'Read more']), 0)).toBe(true);
    expect(isLinkCard(classified(['Ferry timetables, part two', '', para('The'), '', 'Read more']), 0)).toBe(false);
    expect(isLinkCard(classified(['Ferry timetables, part two', '', 'This story goes on from our account of the winter timetable of the lake ferry and its piers…', '', para('The')]), 0)).toBe(false);
  });
  it('does not title the article, and a related block between the headline and the text gives neither title nor byline', () => {
    const page = [...nav, headline, '', 'You may also like', '',
      'Storm closes the mountain road', 'Tomas Reyl', 'Today 7:30AM', '', 'Choir wins the regional prize', 'Ola Brun', 'Yesterday 12:35PM', '',
      'Ines Marlow', '', para('Passengers said'), '', para('The operator said'), '', 'Advertisement', '',
      'Ferry timetables, part two', '', 'This story goes on from our account of the winter timetable of the lake ferry and its piers…', '', 'Read more', '', ...body];
    const main = mainOf(page);
    expect(main.title).toBe(headline);
    expect(main.authors).not.toContain('Tomas Reyl');
    expect(main.authors).not.toContain('Ola Brun');
  });
});

describe('a heading in Title Case is no person\'s name when the page writes its words in lower case', () => {
  it('reads the page\'s lower-case words', () => {
    const common = lowerCaseWords([{ text: 'the harbour timetable format lists every boat' }]);
    expect(mostlyLowerCase('Harbour Timetable Format', common)).toBe(true);
    expect(mostlyLowerCase('Ines Marlow', common)).toBe(false);
  });
  it('does not mark such a heading "a name" in its score', () => {
    const lines = classified(['Harbour Timetable Format', '', para('The harbour timetable format')]);
    const common = lowerCaseWords(lines);
    expect(headlineScore(lines, 0, contentWords(lines[2]!.text), 2, common)!.why).not.toMatch(/a name/);
    const named = classified(['Ines Alva Marlow', '', para('The')]);
    expect(headlineScore(named, 0, contentWords(named[2]!.text), 2, lowerCaseWords(named))!.why).toMatch(/a name/);
  });
});

describe('teasers of a related block', () => {
  it('knows a teaser under a section heading with more teasers below it', () => {
    const lines = classified(['You may also like', '', 'Storm closes the mountain road', 'Choir wins the regional prize', 'Bakery opens in the old mill', 'Orchard harvest starts early this year', 'Council votes on the new bridge', '', para('The')]);
    expect(inTeaserBlock(lines, 2, 0, 8)).toBe(true);
    // The last ones before the text are not (too few below), nor is a headline above the block.
    expect(inTeaserBlock(lines, 5, 0, 8)).toBe(false);
    const above = classified([headline, '', 'You may also like', 'Storm closes the mountain road', 'Choir wins the regional prize', 'Bakery opens in the old mill', 'Orchard harvest starts early', '', para('The')]);
    expect(inTeaserBlock(above, 0, 0, 8)).toBe(false);
  });
});

describe("the site's name after the headline", () => {
  const lines = [{ text: 'Lake Notes' }, { text: '' }, { text: 'X' }, { text: '' }, { text: '© 2024 Lake Notes. All rights reserved.' }, { text: 'Travel' }];
  it('is taken off when the page prints the name elsewhere', () => {
    expect(withoutSiteName(`${headline} | Lake Notes`, lines, 2)).toBe(headline);
    expect(withoutSiteName(`${headline} - Lake Notes`, lines, 2)).toBe(headline);
    expect(withoutSiteName(`${headline} - Travel - Lake Notes`, lines, 2)).toBe(headline);
    expect(withoutSiteName(`${headline} | Lake Notes`, [{ text: 'Copyright 2024 Lake Notes' }, { text: 'X' }], 1)).toBe(headline);
    // The name as a copyright notice's holder, or as the site's address.
    expect(withoutSiteName(`${headline} | Lake Notes`, [{ text: '© 2024 Lake Notes Media Ltd. All rights reserved.' }, { text: 'X' }], 1)).toBe(headline);
    expect(withoutSiteName(`${headline} - Lake Notes`, [{ text: 'Read more at www.lakenotes.com/ferries' }, { text: 'X' }], 1)).toBe(headline);
    expect(withoutSiteName(`${headline} - Lake Notes`, [{ text: '© 2024 Lakeside Notes' }, { text: 'X' }], 1)).toBe(`${headline} - Lake Notes`);
    expect(withoutSiteName('渡轮恢复湖上航线_新闻_湖畔网', [{ text: '湖畔网' }, { text: '新闻' }, { text: 'X' }], 2)).toBe('渡轮恢复湖上航线');
  });
  it('stays when the page does not print it, or the headline would be left a word', () => {
    expect(withoutSiteName('Ferry resumes - with a catch', lines, 2)).toBe('Ferry resumes - with a catch');
    expect(withoutSiteName(`${headline} | Lake Notes`, [{ text: 'X' }], 0)).toBe(`${headline} | Lake Notes`);
    expect(withoutSiteName('Ferry | Lake Notes', lines, 2)).toBe('Ferry | Lake Notes');
  });
  it('is taken off the main article\'s title on a whole page', () => {
    const page = [`${headline} | Lake Notes`, '', ...nav, 'By Ines Marlow', '', ...body, '', '© 2024 Lake Notes'];
    expect(mainOf(page).title).toBe(headline);
  });
});

describe('an article\'s tool bar and image controls are chrome, in other languages and scripts too', () => {
  it('matches print, share, font size and bookmark labels', () => {
    for (const t of ['Imprimir', 'Compartir', 'Drucken', 'Artikel teilen', 'Imprimer cet article', 'Поделиться', 'Версия для печати', '分享到：', '打印本页', '【字号 大 中 小】', '[字号 大 中 小]', '印刷する', 'シェア', 'この記事をシェアする', '공유하기',
      'Image caption', 'Enlarge this image', 'Toggle caption', 'Click to enlarge', 'Toggle navigation', 'Font size', 'Save for later']) {
      expect(matchChrome(t), t).not.toBeNull();
    }
    for (const t of ['Imprimir en casa: la nueva fábrica del lago', 'Drucken lernen am See', '渡轮恢复湖上航线', 'Caption contest winners announced']) expect(matchChrome(t), t).toBeNull();
  });
  it('does not title a Chinese or Japanese article with them', () => {
    const zh = '渡轮周二在冬季风暴过后恢复了湖上的航线，运营方表示时刻表将在周末前恢复正常。乘客们在北码头排队等候，许多人说他们已经等了三个星期。';
    const zhPage = ['湖畔网', '', '渡轮恢复湖上航线', '', '分享到：', '打印本页', '【字号 大 中 小】', '', ...[1, 2, 3, 4, 5, 6, 7, 8].flatMap(() => [zh, ''])];
    expect(mainOf(zhPage).title).toBe('渡轮恢复湖上航线');
    const ja = '冬の嵐の後、湖を渡るフェリーの運航が火曜日に再開され、運航会社は週末までに時刻表が通常に戻ると述べました。北の桟橋では乗客が列を作って待っていました。';
    const jaPage = ['湖のニュース', '', 'フェリー運航再開', '', 'ツイート', 'シェア', '印刷する', '', ...[1, 2, 3, 4, 5, 6, 7, 8].flatMap(() => [ja, ''])];
    expect(mainOf(jaPage).title).toBe('フェリー運航再開');
  });
});

describe("an article's own tool links and notes that point past themselves are chrome, not its title", () => {
  it('matches them, and leaves headlines that start with the same words', () => {
    for (const t of ['Print this article', 'Email this story', 'Edit this page', 'Edit on GitHub', 'View source', 'Report an error', 'Suggest a correction', 'Reprints & Permissions',
      'Continue reading the story below', 'Story continues below advertisement', 'Click here to subscribe', 'Please enable JavaScript to read the replies', 'Loading...', 'Image 3 of 12', 'Caption', 'Expand',
      'Seguir leyendo', 'Lire la suite »', 'Weiterlesen', 'Читать далее', '阅读全文', '続きを読む', '더보기',
      'Abonnez-vous 1€ le premier mois', 'Suscríbete', 'Jetzt abonnieren', 'Подписаться', '订阅', 'Suivre Lake Notes sur Twitter', 'Síguenos en Twitter', 'Folgen Sie uns', 'Siga a redação', '关注我们',
      'Iniciar sesión', 'Se connecter', 'Anmelden', 'Войти', '登录', 'ログイン', '로그인', 'Image placeholder', 'Play Video', 'Your video will play in 00:25', 'Close menu', 'Log In Log Out']) {
      expect(matchChrome(t), t).not.toBeNull();
    }
    for (const t of ['Print the lake ferry timetable at home', 'Leer más sobre el lago', 'Lire la suite des aventures du lac', 'Editors pick the best lake walks', 'Siga o dinheiro até o fim da linha', 'Suivre la piste du loup sur les hauts plateaux']) expect(matchChrome(t), t).toBeNull();
  });
  it('does not title the article with them', () => {
    for (const chrome of ['Print this article', 'Continue reading the story below', 'Edit on GitHub']) {
      const page = [...nav, 'Ferry resumes', '', '  • Share', '  • Tweet', '', chrome, '', ...body];
      expect(mainOf(page).title, chrome).toBe('Ferry resumes');
    }
    // Printed in the header and again inside the text: neither the title nor a paragraph, and the byline under it is read.
    const note = 'Continue reading the story below';
    const inside = mainOf(['Lake Notes', '', headline, '', note, '', 'By INES MARLOW and TOMAS REYL', 'MARCH 3, 2024', '', para('Passengers said'), '', para('The operator said'), '', note, '', para('Harbour staff said'), '', para('Anglers said')]);
    expect(inside.title).toBe(headline);
    expect(inside.authors).toEqual(['Ines Marlow', 'Tomas Reyl']);
    expect(inside.paragraphs).toHaveLength(4);
    // A caption with its credit after it ("Credit A for Outlet", no colon), the note, then the byline: the headline still heads it.
    const captioned = mainOf(['Lake Notes', '', 'Ferry Service Resumes Across the Lake', '', `${note} Share This Page`, '', '  • Share', '  • Tweet', '', 'Photo', '',
      'Passengers at the north pier on Tuesday. Credit Ola Brun for Lake Notes', '', note, '', 'By INES MARLOW MARCH 3, 2024', '', para('Passengers said'), '', para('The operator said'), '', note, '', para('Harbour staff said')]);
    expect(captioned.title).toBe('Ferry Service Resumes Across the Lake');
    expect(captioned.authors).toEqual(['Ines Marlow']);
    expect(captioned.paragraphs).toHaveLength(3);
    expect(matchChrome('Passengers at the north pier on Tuesday. Credit Ola Brun for Lake Notes')?.what).toBe('photo caption');
    expect(matchChrome('It was a hard year. Credit Lake Bank fell.')).toBeNull();
    // In another language, the article below it is kept whole.
    const es = mainOf([...nav, 'Ferry resumes', '', 'Seguir leyendo', '', ...body]);
    expect(es.title).toBe('Ferry resumes');
    expect(es.paragraphs).toHaveLength(5);
  });
});

describe("a series' navigation above the headline", () => {
  it('is chrome', () => {
    for (const t of ['Part 2 of the Lake Crossings series', 'Part 1 of the Lake Crossings series Next Work →', '← Previous Work', 'Next Chapter →', '« Previous chapter', 'Chapter 3 of 12']) expect(matchChrome(t)?.what, t).toBe('series navigation');
    for (const t of ['Next chapter in the lake saga begins', 'Part 3: The north pier', 'The next part of the ferry story']) expect(matchChrome(t), t).toBeNull();
  });
  it('does not title the chapter under it', () => {
    const page = [...nav, 'Part 2 of the Lake Ferry series', '', '2024-03-03', '', 'Winter timetables return', '', ...body];
    expect(mainOf(page).title).toBe('Winter timetables return');
  });
});

describe("a paginated document's running head", () => {
  const tt = (lead: string) => `${lead} timetable rows list the boats, the piers and the times, and a reader of the format must handle each field of a row in order.`;
  const page = (k: number) => ['', `Harbour Board                                                 [Page ${k}]`, '', '', 'Lake-Draft              Lake Timetables                March 2024', '', tt(`Section ${k}.1:`), '', tt(`Section ${k}.2:`), '', tt(`Section ${k}.3:`), '', tt(`Section ${k}.4:`), '', tt(`Section ${k}.5:`), '', tt(`Section ${k}.6:`), '', tt(`Section ${k}.7:`), ''];
  const doc = ['LAKE DRAFT                                        I. Marlow', 'Intended Status: Informational                  Harbour Board', '', '                         Lake Timetables', '', 'Abstract', '',
    tt('This memo describes how'), '', '1.  Introduction to the timetable rows and their fields', '', tt('The'), '', ...page(1), ...page(2), ...page(3)];
  it('names the line that prints its title alone near the start', () => {
    const lines = doc.map((text) => text.replace(/\s+/g, ' ').trim()).map((text) => ({ text, cls: classifyLine(text) }));
    expect(lines[runningTitle(lines, 7)!]!.text).toBe('Lake Timetables');
    // Printed only twice, or never a page apart: no running head.
    const twice = [...lines.slice(0, 13), ...lines.slice(13, 53)];
    expect(runningTitle(twice, 7)).toBeNull();
  });
  it('titles the document', () => {
    expect(mainOf(doc).title).toBe('Lake Timetables');
  });
});

describe('a reference page: its title over a fact box, and sentences with citation marks', () => {
  it('reads a sentence ending in citation marks as prose', () => {
    expect(classifyLine('The lake ferry has carried passengers between the north pier and the old town since 1921.[1][2]').kind).toBe('text');
    expect(classifyLine('The ferry was built at the old yard in the spring.[citation needed]').kind).toBe('text');
    expect(classifyLine('Ferry service resumes across the lake').kind).toBe('heading');
  });
  it('knows a row of a fact box or a menu printed without blank lines, but not its caption or a headline', () => {
    const lines = classified(['', 'Lake ferry', 'Type Passenger ferry', 'Locale North Lake', 'Opened 1921', '', headline, '', 'By Ines Marlow', '2024-03-03', '', 'the ferry type, its locale and when it opened']);
    const common = lowerCaseWords(lines);
    expect(isTableRow(lines, 1, common)).toBe(false);
    expect(isTableRow(lines, 2, common)).toBe(true);
    expect(isTableRow(lines, 4, common)).toBe(true);
    expect(isTableRow(lines, 6, common)).toBe(false);
    // A section label above the headline and the author's name under it make no table.
    const header = classified(['Travel', headline, 'Ines Marlow', '', para('The')]);
    expect(isTableRow(header, 1, lowerCaseWords(header))).toBe(false);
  });
  it('titles the page with its title, not a row of the fact box above the text', () => {
    const page = ['Lake ferry', '', 'From Lakepedia, the open lake guide', 'Jump to menu Jump to search', '',
      'Lake ferry', 'MV Lakeside in 2009', 'Type Passenger ferry', 'Locale North Lake', 'Opened 1921', 'Operator Harbour Board', '',
      'The lake ferry is a passenger ferry service across North Lake between the north pier and the old town, run by the harbour board since 1921.[1]', '',
      para('Its boats'), '', 'Contents', '', '  • 1 History', '  • 2 Routes', '', 'History[edit]', '', para('In 1921'), '', para('By 1930'), '', 'Routes[edit]', '', para('Today'), '', para('In summer')];
    expect(mainOf(page).title).toBe('Lake ferry');
  });
});

describe("a pair of widget labels is no author's name", () => {
  it('takes no person from a row of links with a share or newsletter label in it', () => {
    const common = new Set<string>();
    expect(bylineIn('Shop Subscribe', true, common)).toEqual([]);
    expect(bylineIn('Telegram Facebook', true, common)).toEqual([]);
    expect(bylineIn('Ines Marlow', true, common)).toEqual(['Ines Marlow']);
  });
});

describe('a short Chinese article is long enough to have its headline chosen', () => {
  it('counts its characters two to a word, and reads its header', () => {
    const zh = (k: number) => `渡轮周二在冬季风暴过后恢复了湖上的航线，运营方表示时刻表将在周末前恢复正常。乘客们在北码头排队等候，许多人说他们已经等了三个星期。第${k}段。`;
    const page = ['湖畔网首页', '', '  • 新闻', '  • 财经', '', '渡轮恢复湖上航线', '', '2021年03月02日 10:15 来源：湖畔网 作者：林海川', '', '原标题：冬季风暴过后渡轮恢复航线', '', ...[1, 2, 3, 4, 5, 6, 7, 8].flatMap((k) => [zh(k), ''])];
    const main = mainOf(page);
    expect(main.title).toBe('渡轮恢复湖上航线');
    expect(main.authors).toEqual(['林海川']);
    expect(main.published).toBe('2021-03-02T10:15:00Z');
  });
});
