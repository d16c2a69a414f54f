import { describe, expect, it } from 'vitest';
import { pageHeadline } from '../../../src/ingest/html/pageHeadline.js';

describe('pageHeadline', () => {
  it('drops the site name a title bar prints after the headline, when the page prints the headline without it', () => {
    expect(pageHeadline({ chosen: 'Ferry line adds night crossings | Lake Notes', forms: ['Ferry line adds night crossings'], siteName: 'Lake Notes' }))
      .toBe('Ferry line adds night crossings');
    expect(pageHeadline({ chosen: 'Rain again | The Lake District Evening Courier', forms: ['Rain again'], siteName: 'The Lake District Evening Courier' }))
      .toBe('Rain again');
  });

  it('drops a section label before the headline, and a series name after it, that are shorter than the headline', () => {
    expect(pageHeadline({ chosen: 'Transport: Ferry line adds night crossings', forms: ['Ferry line adds night crossings'], siteName: null }))
      .toBe('Ferry line adds night crossings');
    expect(pageHeadline({ chosen: 'A bright loft by the water — Home Visits', forms: ['A bright loft by the water'], siteName: 'Lake Notes' }))
      .toBe('A bright loft by the water');
  });

  it('reads CJK title bars, whose separators have no spaces', () => {
    expect(pageHeadline({ chosen: '湖区渡轮恢复夜班航线_交通_湖畔日报', forms: ['湖畔日报', '湖区渡轮恢复夜班航线'], siteName: null })).toBe('湖区渡轮恢复夜班航线');
    expect(pageHeadline({ chosen: '湖の渡し船が夜の便を再開｜湖畔ニュース', forms: ['湖の渡し船が夜の便を再開'], siteName: null })).toBe('湖の渡し船が夜の便を再開');
  });

  it('takes the printed form when only its quotes differ', () => {
    expect(pageHeadline({ chosen: "Ferry's night run returns | Lake Notes", forms: ['Ferry’s night run returns'], siteName: 'Lake Notes' }))
      .toBe('Ferry’s night run returns');
  });

  it('keeps the title when nothing the page prints is a part of it', () => {
    expect(pageHeadline({ chosen: 'Ferry resumes - with a catch', forms: ['Lake Notes'], siteName: 'Lake Notes' })).toBe('Ferry resumes - with a catch');
    expect(pageHeadline({ chosen: 'Ferry line adds night crossings', forms: ['Ferry line adds night crossings'], siteName: null }))
      .toBe('Ferry line adds night crossings');
  });

  it('never takes the site name, nor a part that is longer than the headline it would leave, nor a cut inside a word', () => {
    expect(pageHeadline({ chosen: 'Ferry line adds night crossings | Lake Notes', forms: ['Lake Notes'], siteName: 'Lake Notes' }))
      .toBe('Ferry line adds night crossings | Lake Notes');
    expect(pageHeadline({ chosen: 'Weather – Ferry line adds night crossings to the island', forms: ['Weather'], siteName: null }))
      .toBe('Weather – Ferry line adds night crossings to the island');
    expect(pageHeadline({ chosen: 'Night-crossings resume', forms: ['Night'], siteName: null })).toBe('Night-crossings resume');
  });
});
