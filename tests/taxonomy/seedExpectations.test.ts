/**
 * What the classifier says about the real seed articles (feeds/seed), pinned as exact sets:
 * the topics and regions each article is about, including the groups its countries roll up into.
 */

import { describe, expect, it } from 'vitest';
import { classify } from '../../src/taxonomy/classify.js';
import type { Tags } from '../../src/taxonomy/taxonomy.js';
import { taxonomy } from './configFiles.js';
import { SEED, TALIBAN_WITH_DECK } from './seedArticles.js';

const EXPECTED: Record<keyof typeof SEED, Tags> = {
  attache: { topics: ['diplomacy', 'security'], regions: ['central-asia', 'eastern-europe', 'europe', 'kazakhstan', 'poland', 'russia', 'ukraine'] },
  yasukuni: { topics: ['diplomacy', 'politics'], regions: ['china', 'east-asia', 'japan'] },
  // Russia is named in the lead sentence ("buoyed by Russia's first official recognition"): a
  // secondary subject, tagged. Kazakhstan and the Central Asian states are passing mentions.
  taliban: { topics: ['diplomacy', 'human-rights'], regions: ['afghanistan', 'eastern-europe', 'europe', 'russia', 'south-asia'] },
  alaskaSummit: { topics: ['conflict', 'diplomacy', 'economy'], regions: ['americas', 'eastern-europe', 'europe', 'russia', 'ukraine', 'united-states'] },
  droneAttack: { topics: ['conflict'], regions: ['central-asia', 'eastern-europe', 'europe', 'kazakhstan', 'russia', 'ukraine'] },
  cyber: { topics: ['cyber', 'security'], regions: ['central-asia', 'eastern-europe', 'europe', 'kazakhstan', 'russia'] },
  sanctions: { topics: ['economy', 'energy', 'sanctions'], regions: ['americas', 'central-asia', 'eastern-europe', 'europe', 'kazakhstan', 'russia', 'united-states'] },
  kazanFlight: { topics: ['aviation'], regions: ['azerbaijan', 'caucasus', 'central-asia', 'eastern-europe', 'europe', 'kazakhstan', 'russia'] },
  aktauInvestigation: { topics: ['aviation', 'diplomacy'], regions: ['azerbaijan', 'caucasus', 'central-asia', 'eastern-europe', 'europe', 'kazakhstan', 'russia'] },
  aliyev: { topics: ['aviation'], regions: ['americas', 'azerbaijan', 'brazil', 'caucasus', 'central-asia', 'eastern-europe', 'europe', 'kazakhstan', 'russia'] },
  blogger: { topics: ['aviation', 'human-rights', 'media-freedom'], regions: ['azerbaijan', 'caucasus', 'central-asia', 'kazakhstan'] },
  cannotBeDefeated: { topics: ['conflict', 'diplomacy'], regions: ['central-asia', 'eastern-europe', 'europe', 'germany', 'kazakhstan', 'russia', 'ukraine'] },
  procurement: { topics: ['conflict'], regions: ['eastern-europe', 'europe', 'ukraine'] },
  tensions: { topics: ['conflict', 'diplomacy'], regions: ['central-asia', 'eastern-europe', 'europe', 'kazakhstan', 'russia', 'ukraine'] },
  remittances: { topics: ['economy', 'migration'], regions: ['americas', 'united-states'] },
  congress: { topics: ['conflict', 'politics'], regions: ['americas', 'iran', 'israel', 'middle-east', 'united-states'] },
  shah: { topics: ['politics'], regions: ['iran', 'israel', 'middle-east'] },
};

describe('classify on the seed articles', () => {
  it.each(Object.keys(EXPECTED) as (keyof typeof SEED)[])('%s', (key) => {
    expect(classify(SEED[key], taxonomy)).toEqual(EXPECTED[key]);
  });

  it('tags what an article is about, not the names it drops', () => {
    // With the deck as lead, Russia's recognition is two passing body mentions: not tagged.
    expect(classify(TALIBAN_WITH_DECK, taxonomy)).toEqual({ topics: ['diplomacy', 'human-rights'], regions: ['afghanistan', 'south-asia'] });
    expect(classify(SEED.taliban, taxonomy).regions).not.toContain('central-asia');
    expect(classify(SEED.yasukuni, taxonomy).regions).not.toContain('kazakhstan');
    expect(classify(SEED.yasukuni, taxonomy).regions).not.toContain('south-korea');
    // One sentence about the Witkoff visit and the Alaska summit does not make the spy story American.
    expect(classify(SEED.attache, taxonomy).regions).not.toContain('united-states');
    expect(classify(SEED.remittances, taxonomy).regions).not.toContain('kazakhstan');
  });

  it('adds source hints to the seed tags', () => {
    expect(classify(SEED.remittances, taxonomy, { regions: ['cu'], topics: ['human-rights'] })).toEqual({
      topics: ['economy', 'human-rights', 'migration'],
      regions: ['americas', 'cuba', 'united-states'],
    });
  });
});
