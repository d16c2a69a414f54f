import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../src/ingest/local/parsePage.js';

/** Small pages, one rule each: how lines become articles. */
const origin = { kind: 'page' as const, ref: 'test/page.txt' };
const parse = (...lines: string[]) => parsePage(lines.join('\n'), origin);
const para = (words: string) => `${words} said officials in Astana on Monday, adding that talks would continue next week.`;
const brief = (page: ReturnType<typeof parsePage>) =>
  page.articles.map((a) => ({ title: a.title, paragraphs: a.paragraphs.length, published: a.published, partial: a.partial, source: a.source, authors: a.authors }));

describe('article boundaries', () => {
  it('needs a headline followed by text; says so when there is none', () => {
    expect(parse('Kazakhstan Votes Today', '', 'Related Articles').articles).toEqual([]);
    const prose = parse(para('The budget was approved,'), para('Tariffs will rise,'));
    expect(prose.articles).toEqual([]);
    expect(prose.notes).toContain('no article found: no headline followed by article text');
    expect(parse('').notes).toEqual(['no article found: the page is empty']);
  });

  it('keeps a short subheading inside a running article', () => {
    const page = parse('Kazakhstan approves new budget rules for regions', para('The parliament voted,'), para('Critics said,'),
      'Regions Push Back', para('Governors objected,'), para('The ministry replied,'));
    expect(brief(page)).toEqual([{ title: 'Kazakhstan approves new budget rules for regions', paragraphs: 5, published: null, partial: false, source: null, authors: [] }]);
    expect(page.articles[0]?.paragraphs[2]).toBe('Regions Push Back');
  });

  it('starts a new article at a headline followed by a cut teaser', () => {
    const page = parse('Kazakhstan approves new budget rules for regions', para('The parliament voted,'), para('Critics said,'),
      'Uzbekistan and Tajikistan agree on new water sharing rules', 'Officials from both countries met in Dushanbe and agreed that…');
    expect(brief(page).map((a) => [a.title, a.paragraphs, a.partial])).toEqual([
      ['Kazakhstan approves new budget rules for regions', 2, false],
      ['Uzbekistan and Tajikistan agree on new water sharing rules', 1, true],
    ]);
  });

  it('reads a listing of short headlines with one paragraph each as separate articles', () => {
    const page = parse('', 'Kyrgyz Parliament Dissolved', '', para('The chamber voted,'), '', 'Tajik Pipeline Opens', '', para('Engineers said,'));
    expect(page.articles.map((a) => a.title)).toEqual(['Kyrgyz Parliament Dissolved', 'Tajik Pipeline Opens']);
  });

  it('drops a section label after the headline and after the standfirst', () => {
    const page = parse('Georgia passes foreign agents law in final reading', 'Caucasus', 'Critics say the law mirrors Russian legislation. Brussels has warned Tbilisi.',
      'Europe', para('Lawmakers voted,'), para('Protesters gathered,'));
    expect(page.articles[0]?.paragraphs).toHaveLength(3);
    expect(page.articles[0]?.paragraphs.join(' ')).not.toMatch(/Caucasus|Europe\b/);
  });

  it('ends an article at a copyright sign-off and at a widget heading', () => {
    const page = parse('Moldova expels Russian diplomat', `${para('The ministry said,')} © 2025 AFP`, para('Orphan text after the sign-off,'),
      'Armenia opens new border crossing with Georgia', para('The crossing opened,'), 'Comments', para('Great article, thanks,'));
    expect(brief(page).map((a) => [a.title, a.paragraphs, a.source])).toEqual([
      ['Moldova expels Russian diplomat', 1, 'AFP'],
      ['Armenia opens new border crossing with Georgia', 1, null],
    ]);
    expect(page.notes.filter((n) => n.startsWith('dropped text outside any article'))).toHaveLength(2);
  });
});

describe('interruptions inside an article', () => {
  it('goes on past a "Read more" link or a newsletter form when the same prose follows, with no headline between', () => {
    const page = parse('Kazakhstan approves new budget rules for regions', para('The parliament voted,'), 'Read more', para('Critics said,'),
      'Sign up for our newsletter', '[Submit]', para('The ministry replied,'));
    expect(brief(page).map((a) => [a.title, a.paragraphs, a.partial])).toEqual([['Kazakhstan approves new budget rules for regions', 3, false]]);
  });

  it('still ends a teaser at "Read more" when the next headline follows', () => {
    const page = parse('Kazakhstan approves new budget rules for regions', para('The parliament voted,'), 'Read more',
      'Uzbekistan and Tajikistan agree on new water sharing rules', para('Officials met,'), 'Read more');
    expect(brief(page).map((a) => [a.title, a.partial])).toEqual([
      ['Kazakhstan approves new budget rules for regions', true],
      ['Uzbekistan and Tajikistan agree on new water sharing rules', true],
    ]);
  });

  it('does not take comments after a comments widget into the article', () => {
    const page = parse('Kazakhstan approves new budget rules for regions', para('The parliament voted,'), para('Critics said,'), 'Comments', para('Great article, thanks,'));
    expect(page.articles[0]?.paragraphs).toHaveLength(2);
  });

  it('drops a thread of readers\' comments, each ending at its Reply link, with a note, and keeps a listing below', () => {
    const comment = (name: string, said: string) => [`${name} · March 10, 2024 at 9:15 AM`, '', `${said} I have followed the budget debate for years and this is the clearest account I have read so far.`, '', '  • Reply', ''];
    const page = parse('Kazakhstan approves new budget rules for regions', '', para('The parliament voted,'), '', para('Critics said,'), '',
      'There are 2 comments', '', ...comment('Aigul Serikova', 'Thanks for this.'), ...comment('Marat Ospanov', 'Well put.'),
      'Tajik Pipeline Opens', '', para('Engineers said,'));
    expect(page.articles.map((a) => a.title)).toEqual(['Kazakhstan approves new budget rules for regions', 'Tajik Pipeline Opens']);
    expect(page.notes).toContain('dropped reader\'s comment: "Aigul Serikova · March 10, 2024 at 9:15 AM"');
    expect(page.notes).toContain('dropped reader\'s comment: "Marat Ospanov · March 10, 2024 at 9:15 AM"');
  });
});

describe('the header between headline and text', () => {
  it('reads a caption with its credit and a bulleted desk line as header, so the dateline after them still dates the article', () => {
    const page = parse('Kazakhstan approves new budget rules for regions',
      'Deputies leave the parliament building in Astana after the vote on Monday evening Credit: STEPPE PHOTO', '• Our Regional Desk',
      '16 November 2024', para('The parliament voted,'), para('Critics said,'));
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]?.published).toBe('2024-11-16');
    expect(page.articles[0]?.paragraphs.join(' ')).not.toContain('Credit:');
  });
});

describe('sections without running prose', () => {
  it('keeps a list or table section inside the article when the article\'s prose goes on after it', () => {
    const page = parse('Kazakhstan approves new budget rules for regions', para('The parliament voted,'), para('Critics said,'),
      'Spending by Region', 'Astana 120', 'Almaty 95', para('The ministry replied,'));
    expect(page.articles.map((a) => a.title)).toEqual(['Kazakhstan approves new budget rules for regions']);
    expect(page.articles[0]?.paragraphs.join(' ')).toContain('The ministry replied');
  });

  it('leaves a link list after the article out of it', () => {
    const page = parse('Kazakhstan approves new budget rules for regions', para('The parliament voted,'), para('Critics said,'),
      'Site Information Navigation', '• Site Map', '• Contact Us', '• Privacy Policy');
    expect(page.articles[0]?.paragraphs.join(' ')).not.toMatch(/Site Map|Privacy/);
  });
});

describe('Chinese and Japanese pages', () => {
  it('reads a headline and paragraphs written without spaces', () => {
    const page = parse('首页 > 科技 > 正文', '', '城市夜跑爱好者越来越多', '', '2025-03-10 09:58', '',
      '最近几个月，越来越多的年轻人选择在下班以后去河边夜跑，他们说这样可以放松心情。',
      '', '医生提醒，夜跑前要做好热身运动，跑步的时间也不宜太长，否则容易受伤。');
    expect(page.articles.map((a) => [a.title, a.paragraphs.length])).toEqual([['城市夜跑爱好者越来越多', 2]]);
  });
});

describe('list items', () => {
  it('keeps a bulleted list inside its article, even items that look like outlet lines', () => {
    const page = parse('Kazakhstan raises export duties on grain', para('The ministry listed the measures,'),
      '- Raise duties on wheat exports', '- Kazakhstan', '• Cut quotas for barley', para('Farmers protested,'));
    expect(page.articles[0]?.paragraphs).toEqual([
      para('The ministry listed the measures,'), '- Raise duties on wheat exports', '- Kazakhstan', '• Cut quotas for barley',
      para('Farmers protested,'),
    ]);
  });
});

describe('metadata by position', () => {
  it('gives a listing date to its entries, not to what follows a widget boundary', () => {
    const page = parse('22 January 2025', 'Viewing results 1 - 2 of 9', 'Kyrgyz Parliament Dissolved', para('The chamber voted,'),
      'Related Articles', 'Tajik Pipeline Opens to Traffic', para('Engineers said,'));
    expect(page.articles.map((a) => a.published)).toEqual(['2025-01-22', null]);
  });

  it('never takes a relative stamp or an in-text date as the publication date', () => {
    const page = parse('22 January 2025', 'Kyiv Post', '5 hours ago', '- Kyiv Post', 'Russian strike knocks out power in Odesa',
      'On January 21, 2025, Russian drones hit the region, officials said on Wednesday in a statement.');
    expect(brief(page)).toEqual([{ title: 'Russian strike knocks out power in Odesa', paragraphs: 1, published: null, partial: false, source: 'Kyiv Post', authors: [] }]);
  });

  it('takes a byline stated before the headline', () => {
    const page = parse('By Aliya Sadykova | 4 March 2025', 'Kazakhstan raises fuel prices', para('The ministry said,'));
    expect(brief(page)[0]).toMatchObject({ authors: ['Aliya Sadykova'], published: '2025-03-04' });
  });

  it('dates news-feed entries only when the block states a date', () => {
    const dated = parse('Latest news', 'March 3, 2025', '10:05 AM', 'Kyrgyzstan sets election date.', para('The commission said,'));
    expect(brief(dated)[0]).toMatchObject({ title: 'Kyrgyzstan sets election date', published: '2025-03-03T10:05:00Z' });
    const undated = parse('News Feed', '10:05 AM', 'Kyrgyzstan sets election date.', para('The commission said,'));
    expect(brief(undated)[0]).toMatchObject({ title: 'Kyrgyzstan sets election date', published: null });
  });

  it('does not take the site footer as the wire', () => {
    const page = parse('Kazakhstan raises fuel prices', para('The ministry said,'), '© 2025 Steppe Daily. All rights reserved.');
    expect(page.articles[0]?.source).toBeNull();
  });

  it('keeps the ellipsis of a cut teaser as written', () => {
    const page = parse('Kazakhstan raises fuel prices', 'The ministry said prices would rise by...', 'Uzbekistan cuts gas exports', 'Officials said exports would fall…');
    expect(page.articles.map((a) => [a.paragraphs.at(-1)?.split(' ').at(-1), a.partial])).toEqual([['by...', true], ['fall…', true]]);
  });
});

describe('article regions across charts, trailing ellipses and late datelines', () => {
  const budget = (lead: string) => `${lead} the regional budget for schools and roads in Astana would grow, the finance ministry said on Monday.`;
  const chart = ['Spending by region', '15', '%', 'Roads', '13.0%', 'Schools', '10', '’20', '’21', '’22', '’23', '’24', '’25', '’26', '’27', '’28', '[gif]'];

  it('keeps the two parts of an article around a chart one item when the prose below is on the same subject', () => {
    const page = parse('Kazakhstan approves new budget rules for regions', budget('Deputies agreed that'), budget('Critics warned that'),
      '', ...chart.flatMap((l) => [l, '']), 'What the new rules mean for the schools and roads of every region in the country',
      budget('The plan says'), budget('Governors expect that'), budget('Analysts doubt that'));
    expect(page.articles.map((a) => a.title)).toEqual(['Kazakhstan approves new budget rules for regions']);
    expect(page.articles[0]?.paragraphs.join(' ')).toContain('Analysts doubt');
  });

  it('still starts a new article below a long run of chrome when its prose is about something else', () => {
    const page = parse('Kazakhstan approves new budget rules for regions', budget('Deputies agreed that'), budget('Critics warned that'),
      '', ...chart.flatMap((l) => [l, '']), 'Kyrgyz herders move their flocks to the summer pastures a month early because of the heat',
      'Shepherds in the Naryn valley drove their sheep to the summer pastures a month early this year because of the heat.',
      'Veterinarians travelled with them and vaccinated the lambs against disease before the long walk into the mountains.');
    expect(page.articles.map((a) => a.title)).toEqual(['Kazakhstan approves new budget rules for regions', 'Kyrgyz herders move their flocks to the summer pastures a month early because of the heat']);
  });

  it('does not take a long article whose last paragraph trails off for a teaser', () => {
    const page = parse('Kazakhstan approves new budget rules for regions', budget('Deputies agreed that'), budget('Critics warned that'),
      'What the deputies and the ministry expect to happen next in the regions and in the capital', budget('The plan says'), budget('Governors expect that'),
      'Readers asked how the figures were made... they come from the ministry’s own tables, which anyone can download and check...');
    expect(page.articles.map((a) => a.title)).toEqual(['Kazakhstan approves new budget rules for regions']);
  });

  it('gives a date under the standfirst and an author line to the article when its text goes on below', () => {
    const page = parse('Kazakhstan approves new budget rules for regions',
      'Deputies voted late on Monday after a long debate, and the new rules start in January.',
      'By Aliya Sadykova, a reporter who has covered the parliament in Astana since 2019. She writes our weekly politics letter.',
      '', '3 March 2025', '', 'Share this story', '', 'Deputies leave the parliament building.', '',
      budget('Deputies agreed that'), budget('Critics warned that'));
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0]?.published).toBe('2025-03-03');
    expect(page.articles[0]?.paragraphs.join(' ')).toContain('Critics warned');
  });

  it('reads on past a box of teasers set inside the article when the text below goes on with its subject', () => {
    const box = ['', 'Recommended', '', 'Steppe railways and the towns they made on the way east', '1. Dana Omarova', 'Jul 17, 2024', '',
      'How the regional budget for roads was spent in the last ten years of growth', '1. Marat Aliyev', 'Mar 9, 2025', ''];
    const page = parse('Kazakhstan approves new budget rules for regions', budget('Deputies agreed that'), budget('Critics warned that'), ...box,
      budget('The plan says'), budget('Governors expect that'), budget('Analysts doubt that'));
    expect(page.articles.map((a) => a.title)).toEqual(['Kazakhstan approves new budget rules for regions']);
    expect(page.articles[0]?.paragraphs.join(' ')).toContain('Governors expect');
    const other = parse('Kazakhstan approves new budget rules for regions', budget('Deputies agreed that'), budget('Critics warned that'), ...box,
      'Shepherds in the Naryn valley drove their sheep to the summer pastures a month early this year because of the heat.',
      'Veterinarians travelled with them and vaccinated the lambs against disease before the long walk into the mountains.');
    expect(other.articles.map((a) => a.title)).toEqual(['Kazakhstan approves new budget rules for regions', 'How the regional budget for roads was spent in the last ten years of growth']);
  });

  it('cuts the boxes of links and their headings after the article\'s last paragraph', () => {
    const page = parse('Kazakhstan approves new budget rules for regions', budget('Deputies agreed that'), budget('Critics warned that'),
      '', 'Printable version', '', 'Also on this site:', '• Kazakhstan opens a new border crossing with its southern neighbour',
      '• Regional governors meet the finance minister in the capital for the second time', '• Parliament debates the new rules for schools',
      '', 'More on the regional budget', '', 'Advertisement', '• Webinar: planning the budget of a small town in a single afternoon',
      '• Courses for accountants in the regions, online and in person');
    expect(page.articles.map((a) => a.title)).toEqual(['Kazakhstan approves new budget rules for regions']);
    expect(page.articles[0]?.paragraphs).toEqual([budget('Deputies agreed that'), budget('Critics warned that')]);
  });

  it('keeps a list of sentences that ends the article', () => {
    const page = parse('Kazakhstan approves new budget rules for regions', budget('Deputies agreed that'), budget('Critics warned that'),
      'What changes', '• Regions will keep a larger share of the taxes they collect from local firms.',
      '• Schools will get their money each quarter instead of once a year.', '• Roads will be paid for from a new fund run by the ministry.');
    expect(page.articles[0]?.paragraphs.join(' ')).toContain('Roads will be paid');
  });

  it('starts the article at a sub-heading with its own dateline under it, inside a block above', () => {
    const page = parse('Welcome to the Steppe Daily website',
      'Our newsroom publishes reports from the capital and the regions every day, and readers can write to us at any time.',
      'The website was redesigned this year so that it loads faster on phones and on slow connections in the villages.',
      'Kazakhstan approves new budget rules for regions', 'Deputies voted late on Monday after a long debate.', '• Aliya Sadykova',
      '3 March 2025', '', 'Share this story', '', budget('Deputies agreed that'), budget('Critics warned that'), budget('Analysts doubt that'));
    const main = page.articles.find((a) => a.title === 'Kazakhstan approves new budget rules for regions');
    expect(main?.published).toBe('2025-03-03');
    expect(main?.paragraphs.join(' ')).toContain('Analysts doubt');
    expect(page.articles[0]?.paragraphs.join(' ')).not.toContain('Deputies agreed');
  });
});

