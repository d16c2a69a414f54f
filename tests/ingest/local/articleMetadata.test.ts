import { describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../../src/ingest/local/assembleDrafts.js';
import { composeSource } from '../../../src/ingest/local/composeSource.js';
import { detectLanguage } from '../../../src/ingest/local/detectLanguage.js';
import { headlineText, publishedOf } from '../../../src/ingest/local/finishArticle.js';
import { parseSourceNote } from '../../../src/ingest/local/sourceNote.js';
import { rightsHolderName, wireAgencyName } from '../../../src/ingest/local/wireAgency.js';

describe('parseSourceNote', () => {
  it.each([
    ['This article was republished with permission from Eurasianet.', 'Eurasianet'],
    ['This story was first published by OC Media and is republished here with permission.', 'OC Media'],
    ['This article originally appeared in The Diplomat.', 'The Diplomat'],
    ['Originally published by bne IntelliNews', 'bne IntelliNews'],
    ['This article was republished from The Conversation under a Creative Commons license.', 'The Conversation'],
  ])('%s → %s', (line, name) => {
    expect(parseSourceNote(line)).toBe(name);
  });

  it('ignores sentences that name no outlet', () => {
    expect(parseSourceNote('This article was written by a staff member.')).toBeNull();
  });
});

describe('source and wire', () => {
  it('writes the outlet first and the agency in parentheses', () => {
    expect(composeSource('Japan Today', 'Kyodo')).toBe('Japan Today (Kyodo)');
    expect(composeSource('Eurasianet', null)).toBe('Eurasianet');
    expect(composeSource(null, 'Reuters')).toBe('Reuters');
    expect(composeSource('Reuters', 'Reuters')).toBe('Reuters');
    expect(composeSource(null, null)).toBeNull();
  });

  it('names agencies one way', () => {
    expect(wireAgencyName('Thomson Reuters')).toBe('Reuters');
    expect(wireAgencyName('KYODO')).toBe('Kyodo');
    expect(wireAgencyName('The Associated Press')).toBe('AP');
    expect(wireAgencyName('Steppe Daily')).toBeNull();
    expect(rightsHolderName('EURASIANET')).toBe('Eurasianet');
    expect(rightsHolderName('RFE/RL')).toBe('RFE/RL');
  });
});

describe('headlineText', () => {
  it('drops the full stop of a headline written as a sentence, nothing else', () => {
    expect(headlineText('Arms procurement head should keep post, supervisory board says.')).toBe('Arms procurement head should keep post, supervisory board says');
    expect(headlineText('Kazakhstan waits for talks with the U.S.')).toBe('Kazakhstan waits for talks with the U.S.');
    expect(headlineText('Is Russia Spying on Kazakhstan Again?')).toBe('Is Russia Spying on Kazakhstan Again?');
    expect(headlineText("'Russia cannot be defeated,' Kazakh President Tokayev says")).toBe("'Russia cannot be defeated,' Kazakh President Tokayev says");
  });
});

describe('publishedOf', () => {
  const draft = (over: Partial<ArticleDraft>): ArticleDraft => ({
    title: 't', paragraphs: [], authors: [], outlet: null, wire: null, republishedFrom: null,
    published: null, updated: null, time: null, relativeStamp: false, blockDate: null, cut: false, ...over,
  });

  it('prefers the article’s own dateline, then an update stamp, then the block date', () => {
    expect(publishedOf(draft({ published: '2024-09-17T01:24:00Z', blockDate: '2025-01-22' }))).toBe('2024-09-17T01:24:00Z');
    expect(publishedOf(draft({ updated: '2025-02-14T09:10:00Z' }))).toBe('2025-02-14T09:10:00Z');
    expect(publishedOf(draft({ blockDate: '2025-01-22' }))).toBe('2025-01-22');
  });

  it('joins a news-feed time to a stated block date, and only then', () => {
    expect(publishedOf(draft({ blockDate: '2025-03-03', time: { hour: 10, minute: 5 } }))).toBe('2025-03-03T10:05:00Z');
    expect(publishedOf(draft({ time: { hour: 21, minute: 25 } }))).toBeNull();
  });

  it('gives no block date to an article stamped "5 hours ago"', () => {
    expect(publishedOf(draft({ blockDate: '2025-01-22', relativeStamp: true }))).toBeNull();
  });
});

describe('detectLanguage', () => {
  it('recognises English and declines the rest', () => {
    expect(detectLanguage('The president said on Monday that the law would be signed by the end of the month.')).toBe('en');
    expect(detectLanguage('Президент Казахстана подписал закон о создании агентства по атомной энергии в понедельник.')).toBeNull();
    expect(detectLanguage('Kazakhstan')).toBeNull();
  });
});
