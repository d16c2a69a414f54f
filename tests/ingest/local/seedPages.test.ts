import { describe, expect, it } from 'vitest';
import { type ExpectedArticle, expectPage, pagesIn } from './pageExpectations.js';

/**
 * The seed pages, pinned article by article. The test lists feeds/seed/ itself; the parser knows
 * nothing of these files.
 */
const seedDir = new URL('../../../feeds/seed/', import.meta.url).pathname;

const expected: Record<string, ExpectedArticle[]> = {
  // Main article, then chrome (hashtags, AI widget, comments), then three related articles from
  // Japan Today: wire copy from Kyodo, AFP (caption + "By Qubad Wali" run in) and Reuters.
  '000_aa1ca95acf01bdb2.txt': [
    {
      title: "Why Was a Kazakh Military Attache's Assistant Detained in Poland?",
      authors: [], source: null, published: null, partial: false, paragraphs: 12,
      first: "Kazakhstan's Defense Ministry confirmed this week that an",
      last: "bad peace is better than a good quarrel.''",
      absent: ['Japan Today', 'China slams'],
    },
    {
      title: "China slams Japan lawmakers' Yasukuni visits",
      authors: [], source: 'Japan Today (Kyodo)', published: null, partial: false, paragraphs: 1,
      first: 'China on Friday slammed visits by Japanese lawmakers',
      last: 'pressure from mainland China, which claims the territory.',
      absent: ['KYODO'],
    },
    {
      title: 'Taliban mark fourth year in power in Afghanistan',
      authors: ['Qubad Wali'], source: 'Japan Today (AFP)', published: null, partial: false, paragraphs: 1,
      first: "Afghanistan's Taliban authorities marked the fourth anniversary of their takeover on Friday buoyed",
      last: 'muzzles independent media," they said in a statement.',
      absent: ['celebrations and parades in Kabul', 'Qubad Wali', '2025 AFP'],
    },
    {
      title: 'Putin, Trump meet to discuss fate of Ukraine',
      authors: ['Steve Holland', 'Andrew Osborn', 'Darya Korsunskaya'], source: 'Japan Today (Reuters)', published: null,
      partial: false, paragraphs: 1,
      first: 'U.S. President Donald Trump and Russian President Vladimir Putin met face-to-face',
      last: 'to anyone," said Tetiana Harkavenko, a 65-year-old cleaner.',
      absent: ['Joint Base Elmendorf-Richardson', 'Korsunskaya', 'Thomson Reuters'],
    },
  ],
  // A bare article: headline and paragraphs, no blank lines, no metadata.
  '001_fdb311a777e25b88.txt': [
    {
      title: "Ukrainian drone attack on Russian airbases sparks questions over Kazakhstan's possible involvement",
      authors: [], source: null, published: null, partial: false, paragraphs: 9,
      first: 'In a development reported by the independent Kazakh',
      last: 'allegations and advocated thoughtful evaluations of geopolitical friction.',
    },
  ],
  // Ticker ×8, a date line for the listing, "Viewing results 1 - 6 of 578", six entries of one
  // flattened paragraph each; run-in subheadings split out, [caption] shortcodes removed.
  '002_97439c9fa2a90a39.txt': [
    {
      title: 'Cyber Déjà Vu: Is Russia Spying on Kazakhstan Again?',
      authors: [], source: null, published: '2025-01-22', partial: false, paragraphs: 1,
      first: 'Another espionage scandal is gaining traction in the',
      last: 'groundwork for a new effort to destabilize Kazakhstan?',
    },
    {
      title: 'New U.S. Anti-Russian Sanctions Could Spell Trouble for Central Asian Economies',
      authors: [], source: null, published: '2025-01-22', partial: true, paragraphs: 7,
      first: 'On January 10, 2025, the U.S. Treasury Department',
      last: 'alternative arrangements, balancing its energy ambitions with the...',
      has: ['Sanctions on Gazpromneft Subsidiaries', 'Threats to Joint Projects', 'Sanctions on Rosatom and Nuclear Energy'],
      absent: ['Subsidiaries The new', 'Energy Another'],
    },
    {
      title: 'Two Weeks After Crash, Russia Closes City Airspace and Azerbaijan Cancels Flight',
      authors: [], source: null, published: '2025-01-22', partial: false, paragraphs: 1,
      first: 'Azerbaijan Airlines canceled a flight to the southwest',
      last: 'flights to some Russian cities after the crash.',
    },
    {
      title: 'Kazakhstan’s High-Stakes Balancing Act in the Aktau Crash Investigation',
      authors: [], source: null, published: '2025-01-22', partial: true, paragraphs: 1,
      first: 'The Aktau crash of the Azerbaijan Airlines Embraer',
      last: 'global nuclear non-proliferation. Its foreign policy operates on...',
    },
    {
      title: 'Aliyev Takes Aim at Russia in Azerbaijan Airlines Crash',
      authors: [], source: null, published: '2025-01-22', partial: true, paragraphs: 7,
      first: 'Azerbaijani President Ilham Aliyev has intensified his criticism',
      last: '29. The crash also prompted a temporary suspension...',
      has: ['The Flight Recorders', 'Chronology of the Crash', 'International Collaboration'],
      absent: ['Vitaly V. Kuzmin', 'attachment_'],
    },
    {
      title: 'Kazakh Blogger, Jailed After Filming at Azerbaijan Airlines Crash Site, is Freed',
      authors: [], source: null, published: '2025-01-22', partial: true, paragraphs: 1,
      first: 'A Kazakh blogger, who was sentenced to 10',
      last: 'the judge. President Kassym-Jomart Tokayev has promised more...',
      absent: ['attachment_', 'aligncenter'],
    },
  ],
  // Byline with desk and dateline, photo caption, AI-audio notice; a teaser cut mid-word; a news
  // feed of three timed entries (no date stated: no publication date); the newsletter wall.
  '003_4e431ae79760a51c.txt': [
    {
      title: "'Russia cannot be defeated,' Kazakh President Tokayev says",
      authors: ['Nate Ostiller'], source: 'The Kyiv Independent', published: '2024-09-17T01:24:00Z', partial: false,
      paragraphs: 10,
      first: 'Kazakh President Kassym-Jomart Tokayev told German Chancellor Olaf',
      last: 'to the sanctions imposed on its northern neighbor.',
      absent: ['Chancellor Olaf Scholz with Kazakh President', 'Michael Kappeler', 'news desk', 'Russia, West fight'],
    },
    {
      title: 'Russia, West fight for Kazakhstan as Astana plays both sides',
      authors: [], source: null, published: null, partial: true, paragraphs: 1,
      first: 'On the surface, Russian President Vladimir Putin’s trip',
      last: 'an official guard of honor. The trip coinci…',
    },
    {
      title: 'Arms procurement head should keep post, supervisory board says',
      authors: [], source: null, published: null, partial: false, paragraphs: 1,
      first: 'Defense Minister Rustem Umerov planned to merge the',
      last: 'and two separate supervisory boards should be established.',
      absent: ['9:25 PM'],
    },
    {
      title: 'Putin congratulates Trump amid inauguration, signals readiness for talks',
      authors: [], source: null, published: null, partial: false, paragraphs: 1,
      first: 'This comes as reported peace proposals, including freezing',
      last: 'from the four Ukrainian regions Moscow partly controls.',
    },
    {
      title: '150,000 Russian soldiers killed fighting Ukraine in 2024, Syrskyi says',
      authors: [], source: null, published: null, partial: false, paragraphs: 1,
      first: 'Russian forces suffered their heaviest losses last year',
      last: '19 interview with the Ukrainian news outlet TSN.',
    },
  ],
  // Republished article (standfirst, section label, note naming Eurasianet), then three teasers
  // with photo credits, alt texts and section labels, each ending in "keep readingShow less".
  '004_40a4911dea31cc08.txt': [
    {
      title: 'Tensions flare between Russia and Kazakhstan over war in Ukraine',
      authors: [], source: 'Eurasianet', published: null, partial: false, paragraphs: 24,
      first: 'Just a few months ago, Russia intervened in',
      last: 'alliance since Russia began waging war in Ukraine.',
      has: ['Vladimir Putin used the platform to advance the sweeping claim that the entire former Soviet Union was “historical Russia.”'],
      absent: ['Eurasianet', 'Europe'],
    },
    {
      title: 'Taxing remittances helps make US neighbors poorer, less stable',
      authors: [], source: null, published: null, partial: true, paragraphs: 2,
      first: 'Among the elements of the budget bill working',
      last: 'the U.S. to help support family back home.',
      absent: ['Latin America', 'Havana'],
    },
    {
      title: "Congress moves to put the brakes on Trump's unilateral bombing",
      authors: [], source: null, published: null, partial: true, paragraphs: 2,
      first: 'As a fragile ceasefire takes hold between Israel,',
      last: 'claims to seek or once again choose war?',
      absent: ['Washington Politics'],
    },
    {
      title: 'Israeli-fueled fantasy to bring back Shah has absolutely no juice',
      authors: [], source: null, published: null, partial: true, paragraphs: 7,
      first: 'The Middle East is a region where history',
      last: 'and align the country with the Soviet Union.',
      absent: ['Gage Skidmore', 'Arizona State University'],
    },
  ],
};

describe('parsePage on the seed pages', () => {
  const pages = pagesIn(seedDir);

  it('has expectations for exactly the seed pages on disk', () => {
    expect(pages.map((p) => p.file)).toEqual(Object.keys(expected).sort());
  });

  for (const { file, text } of pages) {
    it(`splits ${file} into its articles`, () => {
      expectPage(text, { kind: 'page', ref: `seed/${file}` }, expected[file] ?? []);
    });
  }
});
