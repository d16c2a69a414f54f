import { describe, expect, it } from 'vitest';
import { isGoodProse } from '../../../src/ingest/local/contentWords.js';

describe('isGoodProse', () => {
  it('takes a paragraph of running prose, in a spaced language and in Chinese', () => {
    expect(isGoodProse('The parliament voted on Monday to approve the budget, and the ministry said that the new rules would start in January.')).toBe(true);
    expect(isGoodProse('最近几个月，越来越多的年轻人选择在下班以后去河边夜跑，他们说这样可以放松心情，也能认识新朋友。')).toBe(true);
  });

  it('does not take a row of links printed on one line for prose', () => {
    expect(isGoodProse('About the paper | Contact us | Jobs at the paper | Terms of use and the privacy policy | Advertise with us')).toBe(false);
    expect(isGoodProse('Cheap versus dear • Scripts for the home • Backups • Automating the tablet • A guide to all of the models')).toBe(false);
    // One long piece among the separators: a sentence with a few links after it.
    expect(isGoodProse('A version of this report was printed on the front page of the weekend edition of the paper | Reprints | Subscribe')).toBe(true);
  });

  it('does not take a line holding leaked HTML tags for prose', () => {
    expect(isGoodProse('[slot_home_tour_2024] * <img id="pixel_counter" src="/count/home/news" width="1" height="1" alt="" /> for the readers of the page')).toBe(false);
  });
});
