import { describe, expect, it } from 'vitest';
import { cleanParagraph, removeShortcodes } from '../../../src/ingest/local/cleanParagraph.js';
import { parseCopyrightLine, stripCopyrightTrailer } from '../../../src/ingest/local/copyrightTrailer.js';
import { trailingCutMarker } from '../../../src/ingest/local/classifyLine.js';

describe('removeShortcodes', () => {
  it('removes a [caption] shortcode with the caption inside it', () => {
    const text = 'This raised concerns. [caption id="attachment_27352" align="aligncenter" width="1280"] Chechen Pantsir Missile Launcher; image: Vitaly V. Kuzmin[/caption] When asked, he declined.';
    expect(cleanParagraph(text)).toEqual({ text: 'This raised concerns. When asked, he declined.', holder: null, cut: false, shortcodes: 1 });
  });

  it('drops an unclosed shortcode to the end (the teaser was cut inside the caption)', () => {
    expect(removeShortcodes('Text before. [caption id="a"] Solar panels near Ashgabat...')).toEqual({ text: 'Text before. ', count: 1 });
  });

  it('leaves ordinary brackets alone', () => {
    expect(removeShortcodes('He said [the ministry] would act.')).toEqual({ text: 'He said [the ministry] would act.', count: 0 });
  });
});

describe('cut markers glued to a paragraph', () => {
  it('cuts "keep readingShow less" and reports the cut', () => {
    expect(cleanParagraph('As a fragile ceasefire takes hold, many questions remain.keep readingShow less')).toEqual({
      text: 'As a fragile ceasefire takes hold, many questions remain.', holder: null, cut: true, shortcodes: 0,
    });
  });

  it('cuts every marker the pattern finds, whatever follows it or its case (the cheap first test hides none)', () => {
    const prose = 'The ferry left the north pier at dawn.';
    const markers = ['Read more', 'READ MORE', 'read  more…', 'Continue reading »', 'Keep reading ›', 'Read more →', 'keep readingShow less', ' Show less', 'read moreshow leſs', 'Read more...', 'Read more ..'];
    for (const m of markers) {
      const text = `${prose}${m}`;
      const found = trailingCutMarker.exec(text.slice(-60));
      expect(found, m).not.toBeNull();
      expect(cleanParagraph(text), m).toEqual({ text: prose, holder: null, cut: true, shortcodes: 0 });
    }
  });

  it('keeps prose that merely ends with the same words', () => {
    expect(cleanParagraph('Officials said they wanted to spread more').cut).toBe(false);
  });
});

describe('copyright notices', () => {
  it.each([
    ['... which claims the territory. © KYODO', 'Kyodo'],
    ['... they said in a statement. © 2025 AFP', 'AFP'],
    ['... a 65-year-old cleaner. © Thomson Reuters 2025.', 'Reuters'],
    ['... evening address. Copyright 2025 The Associated Press. All rights reserved.', 'AP'],
    ['... the Moldovan authorities. © dpa', 'dpa'],
  ])('%s → %s', (paragraph, holder) => {
    const split = stripCopyrightTrailer(paragraph);
    expect(split.holder).toBe(holder);
    expect(split.text).not.toMatch(/©|Copyright/);
  });

  it('is not fooled by prose about copyright', () => {
    expect(stripCopyrightTrailer('He was convicted of breaking copyright law.')).toEqual({ text: 'He was convicted of breaking copyright law.', holder: null });
  });

  it('reads a notice on its own line, keeping an unknown holder as written', () => {
    expect(parseCopyrightLine('© 2025 Steppe Daily. All rights reserved.')).toBe('Steppe Daily');
    expect(parseCopyrightLine('Kazakhstan')).toBeNull();
  });
});
