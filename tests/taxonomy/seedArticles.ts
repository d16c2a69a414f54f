/**
 * Real articles cut out of the seed pages in feeds/seed, for the classifier's expectations.
 * Each is located by its title line; the body runs from the line after the title (or `from`)
 * up to, not including, the first blank line or the page end (or `until`). Paragraphs are non-empty lines; the
 * lead is the first one, the text all of them, as the page ingester produces.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface SeedArticle {
  title: string;
  lead: string;
  text: string;
}

const SEED_DIR = fileURLToPath(new URL('../../feeds/seed/', import.meta.url));

function cut(file: string, title: string, from?: string, until?: string): SeedArticle {
  const page = readFileSync(SEED_DIR + file, 'utf8');
  const t = page.indexOf(`${title}\n`);
  if (t < 0) throw new Error(`seed ${file}: title not found: ${title}`);
  let start = page.indexOf('\n', t) + 1;
  if (from !== undefined) start = page.indexOf(from, start);
  while (page[start] === '\n') start++;
  let end = page.indexOf(until ?? '\n\n', start);
  if (end < 0 && until === undefined) end = page.length;
  if (start <= 0 || end < 0) throw new Error(`seed ${file}: body markers not found for: ${title}`);
  const paragraphs = page.slice(start, end).split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return { title, lead: paragraphs[0], text: paragraphs.join('\n') };
}

const DIPLOMAT = '000_aa1ca95acf01bdb2.txt';
const DW = '001_fdb311a777e25b88.txt';
const TCA = '002_97439c9fa2a90a39.txt';
const KYIV = '003_4e431ae79760a51c.txt';
const RS = '004_40a4911dea31cc08.txt';

export const SEED = {
  attache: cut(DIPLOMAT, "Why Was a Kazakh Military Attache's Assistant Detained in Poland?", undefined, 'Hashtags'),
  yasukuni: cut(DIPLOMAT, "China slams Japan lawmakers' Yasukuni visits"),
  // Japan Today items start with a deck and a byline; the page ingester drops them, so do we.
  taliban: cut(DIPLOMAT, 'Taliban mark fourth year in power in Afghanistan', "Afghanistan's Taliban authorities marked the fourth anniversary of their takeover on Friday"),
  alaskaSummit: cut(DIPLOMAT, 'Putin, Trump meet to discuss fate of Ukraine', 'U.S. President Donald Trump and Russian President Vladimir Putin met'),
  droneAttack: cut(DW, "Ukrainian drone attack on Russian airbases sparks questions over Kazakhstan's possible involvement"),
  cyber: cut(TCA, 'Cyber Déjà Vu: Is Russia Spying on Kazakhstan Again?'),
  sanctions: cut(TCA, 'New U.S. Anti-Russian Sanctions Could Spell Trouble for Central Asian Economies'),
  kazanFlight: cut(TCA, 'Two Weeks After Crash, Russia Closes City Airspace and Azerbaijan Cancels Flight'),
  aktauInvestigation: cut(TCA, 'Kazakhstan’s High-Stakes Balancing Act in the Aktau Crash Investigation'),
  aliyev: cut(TCA, 'Aliyev Takes Aim at Russia in Azerbaijan Airlines Crash'),
  blogger: cut(TCA, 'Kazakh Blogger, Jailed After Filming at Azerbaijan Airlines Crash Site, is Freed'),
  cannotBeDefeated: cut(KYIV, "'Russia cannot be defeated,' Kazakh President Tokayev says", 'Kazakh President Kassym-Jomart Tokayev told', 'Russia, West fight for Kazakhstan'),
  procurement: cut(KYIV, 'Arms procurement head should keep post, supervisory board says.', undefined, '4:50 PM'),
  tensions: cut(RS, 'Tensions flare between Russia and Kazakhstan over war in Ukraine', 'Behind-the-scenes', 'This article was republished'),
  remittances: cut(RS, 'Taxing remittances helps make US neighbors poorer, less stable', 'Among the elements', 'keep reading'),
  congress: cut(RS, "Congress moves to put the brakes on Trump's unilateral bombing", 'As a fragile ceasefire', 'keep reading'),
  shah: cut(RS, 'Israeli-fueled fantasy to bring back Shah has absolutely no juice', 'The Middle East is a region', 'keep reading'),
} satisfies Record<string, SeedArticle>;

/** The Taliban piece as the listing shows it: the deck, not the news sentence, as its lead. */
export const TALIBAN_WITH_DECK = cut(DIPLOMAT, 'Taliban mark fourth year in power in Afghanistan');
