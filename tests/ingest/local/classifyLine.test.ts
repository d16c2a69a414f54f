import { describe, expect, it } from 'vitest';
import { matchChrome } from '../../../src/ingest/local/chromeLine.js';
import { classifyLine, isCutMarker } from '../../../src/ingest/local/classifyLine.js';

describe('chrome detection', () => {
  it.each([
    ['• KGS/USD = 0.01144 0%', 'ticker'],
    ['  • TJS/USD = 0.09135 -0.44%'.trim(), 'ticker'],
    ['Viewing results 1 - 6 of 578', 'result counter'],
    ['Showing 11–20 of 342 results', 'result counter'],
    ['Page 2 of 9', 'result counter'],
    ['Next ›', 'result counter'],
    ['Load more', 'result counter'],
    ['« Previous 1 2 3 … 9 Next »', 'result counter'],
    ['No results found for your search', 'result counter'],
    ['About 1,204 results', 'result counter'],
    ['Ferries wait at the quay on the morning after the storm Credit: LAKE NOTES', 'photo caption'],
    ['Ferries wait at the quay on the morning after the storm. Photograph: Jane Doe/Lake Agency', 'photo caption'],
    ['Ferries wait at the quay on the morning after the storm. Credit Jane Doe for Lake Notes', 'photo caption'],
    ['1600px-kassym-jomart_tokayev_and_vladimir_putin_2019-04-03_03', 'image file name'],
    ['georgian_parliament.jpg', 'image file name'],
    ['Top photo credit: People line up outside a bank in Havana. REUTERS/Alexandre Meneghini', 'photo credit'],
    ['Top image credit: U.S Capitol Building, Washington, DC. (Bill Perry /shutterstock)', 'photo credit'],
    ['(kremlin.ru)', 'photo credit'],
    ['Chancellor Olaf Scholz in Astana on Sept. 16, 2024. (Michael Kappeler/Picture Alliance via Getty Images)', 'photo caption'],
    ['Border guards patrol near Tegh. (Karen Minasyan/AFP via Getty Images)', 'photo caption'],
    ['This audio is created with AI assistance', 'AI notice'],
    ['Explore what Daily8 AI can do for you:', 'AI widget'],
    ['Skip to content', 'navigation'],
    ['Edit post', 'navigation'],
    ['Follow us on social', 'share widget'],
    ['* indicates required', 'newsletter form'],
    ['Enter your email to subscribe', 'newsletter form'],
    ['Please, enter correct email address', 'newsletter form'],
    ['Successfuly subscribed', 'newsletter form'],
    ['Thank you for signing up for this newsletter. We’ve sent you a confirmation email.', 'newsletter form'],
    ["Subscribe now to our weekly round-up and don't miss a beat.", 'newsletter form'],
    ['Read also: Kazakhstan picks Rosatom to lead nuclear plant consortium', 'link teaser'],
    ['Advertisement', 'advertisement'],
    ['#Kazakhstan #Russia', 'hashtags'],
    ['2 min read', 'reading time'],
  ])('%s is inline chrome (%s)', (line, what) => {
    expect(matchChrome(line)).toEqual({ what, boundary: false });
  });

  it.each([
    ['Related Articles', 'related-articles heading'],
    ['News Feed', 'section heading'],
    ['MORE NEWS', 'section heading'],
    ['LATEST', 'section heading'],
    ['Latest news', 'section heading'],
    ["Editors' Picks", 'section heading'],
    ['More from Eurasianet', 'section heading'],
    ['Comments', 'comments widget'],
    ['No comments yet...', 'comments widget'],
    ['Post a comment', 'comments widget'],
    ['Comentários', 'comments widget'],
    ['Kommentare (12)', 'comments widget'],
    ['Комментарии', 'comments widget'],
    ['评论', 'comments widget'],
    ['There are 7 comments', 'comments widget'],
    ['3 comments on “Steppe railways and the towns they made”', 'comments widget'],
    ['• Reply', 'comments widget'],
    ['58Reply', 'comments widget'],
    ['4 21Reply <span class="reply-count">21</span>', 'comments widget'],
    ['Hashtags', 'tags widget'],
    ['Tags:', 'tags widget'],
    ['Newsletter', 'newsletter form'],
    ['Try Our AI Features', 'AI widget'],
  ])('%s ends the article above (%s)', (line, what) => {
    expect(matchChrome(line)).toEqual({ what, boundary: true });
  });

  it.each([
    'Top diplomats meet in Astana',
    'Reply to the ministry: governors ask for more time',
    '3 comments from the minister on the new budget rules were published on Monday.',
    '2 responses',
    'More in Kazakhstan rely on Russian gas than ever',
    'The coup was led by the agencies (CIA/MI6)',
    '150,000 Russian soldiers killed fighting Ukraine in 2024, Syrskyi says.',
    'Subscribers to the state broadcaster fell by a third, the ministry said.',
    'Ferry fares rose again this year (by a third, the port said)',
    'Last ferries of the season leave the quay',
    'No ferries ran on the lake this week, the port said.',
    'The photo shows the quay: ferries waiting in the rain',
  ])('leaves content alone: %j', (line) => {
    expect(matchChrome(line)).toBeNull();
  });
});

describe('isCutMarker', () => {
  it.each(['keep readingShow less', 'Keep reading', 'Continue reading »', 'Read more', 'Read more…', 'Show less'])('%s', (line) => {
    expect(isCutMarker(line)).toBe(true);
  });
  it.each(['Read more about the law', 'Keep reading the news'])('not %s', (line) => {
    expect(isCutMarker(line)).toBe(false);
  });
});

describe('classifyLine', () => {
  it('tells the lines of a related-article card apart', () => {
    expect(classifyLine('5 hours ago')).toEqual({ kind: 'relative' });
    expect(classifyLine('- Japan Today')).toEqual({ kind: 'outlet', name: 'Japan Today' });
    expect(classifyLine('— Kyiv Post')).toEqual({ kind: 'outlet', name: 'Kyiv Post' });
    expect(classifyLine('Japan Today')).toEqual({ kind: 'heading', labelShaped: true, words: 2 });
    expect(classifyLine("China slams Japan lawmakers' Yasukuni visits")).toEqual({ kind: 'heading', labelShaped: false, words: 6 });
  });

  it('tells a news-feed headline (a sentence) from a paragraph', () => {
    expect(classifyLine('Arms procurement head should keep post, supervisory board says.')).toEqual({
      kind: 'text', headlineLike: true, signOff: false,
    });
    expect(classifyLine('The Kazakh president also expressed support for a peace plan. It was dismissed by Scholz.')).toEqual({
      kind: 'text', headlineLike: false, signOff: false,
    });
  });

  it('sees a paragraph that signs off with an agency notice', () => {
    const line = `${'China on Friday slammed visits by Japanese lawmakers to the shrine. '.repeat(3)}© KYODO`;
    expect(classifyLine(line)).toEqual({ kind: 'text', headlineLike: false, signOff: true });
  });

  it('drops markup a scrape left as text, but keeps code in an article', () => {
    expect(classifyLine('<img style="display:none" height="1" width="1" alt="" src="//pixel.example.net/p/abc123.gif"/>')).toMatchObject({ kind: 'chrome', what: 'ad or tracking markup' });
    expect(classifyLine('[INS:Five:INS] [INS:garden:INS] [INS:ideas:INS] [INS:this:INS] [INS:autumn:INS]')).toMatchObject({ kind: 'chrome', what: 'ad or tracking markup' });
    expect(classifyLine('<script src="vendor/runner.js" data-adapter="vendor/runner-mocha.js"></script>')).not.toMatchObject({ what: 'ad or tracking markup' });
  });

  it('sees a photo gallery\'s slide counter as the end of the article, not a recipe\'s fraction', () => {
    expect(classifyLine('• 12/50 Airport put up for sale')).toEqual({ kind: 'chrome', what: 'gallery slide', boundary: true });
    expect(classifyLine('• 3/4 cup of flour')).not.toMatchObject({ what: 'gallery slide' });
  });

  it('reads a sentence that introduces what follows (ending in a colon) as text', () => {
    expect(classifyLine("To see why, look again at the little parser from the first part:")).toEqual({ kind: 'text', headlineLike: false, signOff: false });
    expect(classifyLine('Explore what Daily8 AI can do for you:')).toMatchObject({ kind: 'chrome' });
  });

  it('classifies metadata lines', () => {
    expect(classifyLine('9:25 PM')).toEqual({ kind: 'time', time: { hour: 21, minute: 25 } });
    expect(classifyLine('• 14:10')).toEqual({ kind: 'time', time: { hour: 14, minute: 10 } });
    expect(classifyLine('22 January 2025')).toEqual({ kind: 'date', iso: '2025-01-22', updated: false });
    expect(classifyLine('By Jane Doe | March 3, 2025')).toMatchObject({ kind: 'byline' });
    expect(classifyLine('This article was republished with permission from Eurasianet.')).toEqual({ kind: 'sourceNote', name: 'Eurasianet' });
    expect(classifyLine('© 2025 AFP')).toEqual({ kind: 'copyright', holder: 'AFP', wire: true });
    expect(classifyLine('© 2025 Steppe Daily. All rights reserved.')).toEqual({ kind: 'copyright', holder: 'Steppe Daily', wire: false });
    expect(classifyLine('keep readingShow less')).toEqual({ kind: 'cut' });
  });

  it('classifies labels and leftovers', () => {
    expect(classifyLine('Analysis | Reporting | Europe')).toEqual({ kind: 'label' });
    expect(classifyLine('QIOSK')).toEqual({ kind: 'label' });
    expect(classifyLine('remittance tax central america')).toEqual({ kind: 'chrome', what: 'fragment', boundary: false });
    expect(classifyLine('')).toEqual({ kind: 'blank' });
  });
});
