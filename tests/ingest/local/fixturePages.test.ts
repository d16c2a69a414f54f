import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../src/ingest/local/parsePage.js';
import { type ExpectedArticle, expectPage, pagesIn } from './pageExpectations.js';

/**
 * Pages written for these tests in the seed pages' styles but with other stories, other outlets
 * and other chrome, so the rules are shown to be about kinds of pages, not about the seeds.
 */
const fixtureDir = new URL('../../fixtures/pages/', import.meta.url).pathname;

const expected: Record<string, ExpectedArticle[]> = {
  // Nothing but chrome: menus, ticker, empty search results, tags, share, newsletter form,
  // comments widget, footer.
  'chrome-only-no-article.txt': [],
  // Kyiv Independent style, another author and time; a teaser cut with "…"; a news feed whose
  // block states no date.
  'kyiv-style-byline-teaser-news-feed.txt': [
    {
      title: 'Zelensky says Ukraine ready for energy truce if Russia reciprocates',
      authors: ['Martin Fornusek'], source: 'The Kyiv Independent', published: '2025-03-05T18:40:00Z', partial: false,
      paragraphs: 5,
      first: 'Ukraine is ready to halt strikes on Russian',
      last: 'Kyiv says supply fuel to the Russian army.',
      absent: ['Andrii Nesterenko', 'Kazakhstan faces'],
    },
    {
      title: 'Kazakhstan faces hard choices as Russia-Ukraine war drags on',
      authors: [], source: null, published: null, partial: true, paragraphs: 1,
      first: 'Astana has tried to stay neutral since February',
      last: 'to sustain, and some business leaders warn that…',
    },
    {
      title: 'Russian drone strikes Kharkiv apartment block, injuring 12',
      authors: [], source: null, published: null, partial: false, paragraphs: 1,
      first: 'The attack hit a nine-story residential building in',
      last: 'adding that two children were among the injured.',
    },
    {
      title: 'Ukraine, Poland agree to resume talks on grain exports',
      authors: [], source: null, published: null, partial: false, paragraphs: 1,
      first: 'Agriculture ministers from both countries met in Warsaw',
      last: 'Ukrainian grain imports by the end of April.',
    },
  ],
  // A listing whose entries carry their own dates (one with a time and a GMT+5 offset), one a
  // byline, each followed by "Read more".
  'listing-per-item-dates-read-more.txt': [
    {
      title: 'Uzbekistan frees prominent Karakalpak journalist after four years in prison',
      authors: [], source: null, published: '2025-02-12', partial: true, paragraphs: 1,
      first: "A journalist from Uzbekistan's autonomous Karakalpakstan region who",
      last: 'a trial that rights groups called politically motivated.',
    },
    {
      title: 'Mongolia and Kazakhstan agree to build cross-border railway',
      authors: ['Bolormaa Enkhbat'], source: null, published: '2025-02-11', partial: true, paragraphs: 1,
      first: 'Mongolia and Kazakhstan signed an agreement in Ulaanbaatar',
      last: 'government has said how the line would be…',
    },
    {
      title: 'Kazakh court jails former minister for 11 years in bribery case',
      authors: [], source: null, published: '2025-02-10T09:30:00Z', partial: true, paragraphs: 1,
      first: 'A court in Astana sentenced a former Kazakh',
      last: 'guilty and his lawyers said they would appeal.',
    },
  ],
  // Another ticker, a weekday date line for the listing, "Viewing results 7 - 10 of 42", four
  // entries; run-in subheadings, a [caption] shortcode, a site footer.
  'listing-results-7-10.txt': [
    {
      title: 'Kyrgyzstan and Tajikistan Ratify Border Treaty Ending Decades of Clashes',
      authors: [], source: null, published: '2025-03-03', partial: false, paragraphs: 5,
      first: 'Kyrgyzstan’s parliament on Thursday ratified a treaty with',
      last: 'when shortages have repeatedly triggered skirmishes between farmers.',
      has: ['Disputed Enclaves', 'Water Sharing'],
    },
    {
      title: 'Uzbekistan Raises Household Gas Tariffs Amid Winter Shortages',
      authors: [], source: null, published: '2025-03-03', partial: true, paragraphs: 1,
      first: 'Uzbekistan will raise household natural gas tariffs by',
      last: 'to export gas to China even in the...',
    },
    {
      title: 'Turkmenistan Opens First Solar Power Plant Near Ashgabat',
      authors: [], source: null, published: '2025-03-03', partial: true, paragraphs: 1,
      first: 'Turkmenistan has opened its first utility-scale solar power',
      last: 'for almost all of its power and that…',
      absent: ['Ministry of Energy of Turkmenistan', 'attachment_31877'],
    },
    {
      title: 'Tajik Opposition Activist Extradited From Turkey Faces Trial in Dushanbe',
      authors: [], source: null, published: '2025-03-03', partial: false, paragraphs: 1,
      first: 'A Tajik opposition activist who was detained in',
      last: 'statement but gave no details of the charges.',
      absent: ['Caspian Observer'],
    },
  ],
  // "By A and B | March 3, 2025" byline, audio player, caption, "Read also:" link and an advert
  // inside the body; then a "Latest news" feed whose block states its date.
  'main-byline-pipe-with-news-feed.txt': [
    {
      title: 'Tokayev signs law creating a national nuclear energy agency',
      authors: ['Aigerim Seitkali', 'Daniyar Bekov'], source: null, published: '2025-03-03', partial: false, paragraphs: 5,
      first: 'President Kassym-Jomart Tokayev on Monday signed a law',
      last: 'be connected to the grid in the mid-2030s.',
      absent: ['Kazakhstan picks Rosatom', 'Akorda', 'Kazakhstan, nuclear energy, Rosatom'],
    },
    {
      title: 'Kyrgyzstan to hold early parliamentary elections in November',
      authors: [], source: null, published: '2025-03-03T10:05:00Z', partial: false, paragraphs: 1,
      first: 'President Sadyr Japarov set the date after lawmakers',
      last: 'align the electoral calendar with the presidential vote.',
    },
    {
      title: 'EU envoy visits Tashkent ahead of investment forum',
      authors: [], source: null, published: '2025-03-03T08:40:00Z', partial: false, paragraphs: 1,
      first: 'The European Union’s special representative for Central Asia',
      last: 'Caspian Sea and supplies of critical raw materials.',
    },
    {
      title: 'Georgian parliament passes second reading of foreign agents bill',
      authors: [], source: null, published: '2025-03-03T07:15:00Z', partial: false, paragraphs: 1,
      first: 'Thousands of protesters gathered outside the parliament building',
      last: 'in its second reading despite warnings from Brussels.',
    },
  ],
  // Republished analysis ("first published by OC Media"), then teasers behind photo credits and
  // alt texts, cut by "keep readingShow less" and "Continue reading »".
  'teasers-photo-credits-republished.txt': [
    {
      title: "Georgia's foreign agents law pushes Tbilisi further from Brussels",
      authors: [], source: 'OC Media', published: null, partial: false, paragraphs: 5,
      first: 'Months after mass protests, the ruling party is',
      last: 'Western-funded groups of trying to stage a revolution.',
      absent: ['Caucasus', 'OC Media', 'Sergei Kazantsev'],
    },
    {
      title: "Russia's crackdown on migrants is hurting Central Asian economies",
      authors: [], source: null, published: null, partial: true, paragraphs: 2,
      first: 'Since the attack on the Crocus City Hall',
      last: "highly vulnerable to any change in Moscow's policies.",
      absent: ['Vnukovo', 'Maxim Shemetov'],
    },
    {
      title: 'Why Europe is betting on the Middle Corridor',
      authors: [], source: null, published: null, partial: true, paragraphs: 2,
      first: "Europe's search for alternatives to Russian energy and",
      last: 'of those carried through Russia before the war…',
      absent: ['Ruslan Alekperov', 'offshore oil platform'],
    },
  ],
  // "Updated: 14 February 2025 09:10" dateline, a subheading line kept in the body; related
  // articles from the Kyiv Post with AP, dpa and Reuters copy.
  'updated-dateline-related-kyiv-post.txt': [
    {
      title: 'Azerbaijan and Armenia trade accusations over shooting on the border',
      authors: ['Leyla Mammadova'], source: null, published: '2025-02-14T09:10:00Z', partial: false, paragraphs: 6,
      first: 'Armenia and Azerbaijan accused each other on Thursday',
      last: 'new constitution, but no date has been set.',
      has: ['Treaty still unsigned'],
      absent: ['Karen Minasyan', '#Armenia', 'Kyiv Post'],
    },
    {
      title: 'Russian strike knocks out power in Odesa region',
      authors: ['Illia Novikov', 'Hanna Arhirova'], source: 'Kyiv Post (AP)', published: null, partial: false, paragraphs: 1,
      first: 'Firefighters work to put out blazes at energy facilities',
      last: 'not peace," he said in his evening address.',
      absent: ['site of a Russian drone strike', 'Associated Press'],
    },
    {
      title: 'Moldova expels Russian diplomat over election interference',
      authors: [], source: 'Kyiv Post (dpa)', published: null, partial: false, paragraphs: 1,
      first: 'Moldova on Saturday ordered a Russian diplomat to',
      last: 'called another unfriendly step by the Moldovan authorities.',
      absent: ['dpa'],
    },
    {
      title: 'NATO allies weigh new air policing mission over the Black Sea',
      authors: ['Sabine Siebold'], source: 'Kyiv Post (Reuters)', published: null, partial: false, paragraphs: 1,
      first: 'NATO allies are discussing a new air policing',
      last: 'the diplomats said, speaking on condition of anonymity.',
      absent: ['Military officials at NATO headquarters', 'Thomson'],
    },
  ],
};

describe('parsePage on the fixture pages', () => {
  const pages = pagesIn(fixtureDir);

  it('has expectations for exactly the fixture pages on disk, at least six', () => {
    expect(pages.map((p) => p.file)).toEqual(Object.keys(expected).sort());
    expect(pages.length).toBeGreaterThanOrEqual(6);
  });

  for (const { file, text } of pages) {
    it(`splits ${file} into its articles`, () => {
      expectPage(text, { kind: 'page', ref: `fixtures/${file}` }, expected[file] ?? []);
    });
  }

  it('says why a page of chrome yields nothing', () => {
    const page = pages.find((p) => p.file === 'chrome-only-no-article.txt');
    const { articles, notes } = parsePage(page?.text ?? '', { kind: 'page', ref: 'x' });
    expect(articles).toEqual([]);
    expect(notes).toContain('no article found: no headline followed by article text');
    expect(notes).toContain('dropped heading without article text: "Search results"');
  });
});
