import { describe, expect, it } from 'vitest';
import { hasInnerSentenceBreak, headlineShape, isLabelShaped, isProseShaped, letterRatio } from '../../../src/ingest/local/textShape.js';

describe('headlineShape', () => {
  it.each([
    "'Russia cannot be defeated,' Kazakh President Tokayev says",
    'Why Was a Kazakh Military Attache\'s Assistant Detained in Poland?',
    'Cyber Déjà Vu: Is Russia Spying on Kazakhstan Again?',
    'New U.S. Anti-Russian Sanctions Could Spell Trouble for Central Asian Economies',
    '150,000 Russian soldiers killed fighting Ukraine in 2024, Syrskyi says',
    'Latin America',
  ])('%s is a headline', (line) => {
    expect(headlineShape(line)).toBe('headline');
  });

  it('marks a headline written as a sentence', () => {
    expect(headlineShape('Arms procurement head should keep post, supervisory board says.')).toBe('fullStop');
  });

  it.each([
    'Just a few months ago, Russia intervened in Kazakhstan. But can the relationship survive?',
    'In an interview, Zelensky called the plan "destructive" and a "political statement."',
    'The trip coinci…',
    'remittance tax central america',
    'Explore what Daily8 AI can do for you:',
    '• KGS/USD = 0.01144 0%',
  ])('%s is not', (line) => {
    expect(headlineShape(line)).toBeNull();
  });
});

describe('other shapes', () => {
  it('labels are a few capitalised words', () => {
    expect(isLabelShaped('Washington Politics')).toBe(true);
    expect(isLabelShaped('Taxing remittances helps make US neighbors poorer')).toBe(false);
  });

  it('sentence breaks ignore abbreviations', () => {
    expect(hasInnerSentenceBreak('Talks in the U.S. Capitol resume')).toBe(false);
    expect(hasInnerSentenceBreak('Gen. Syrskyi says losses rose')).toBe(false);
    expect(hasInnerSentenceBreak('It rained. Then it stopped')).toBe(true);
  });

  it('prose is finished or long; junk has few letters', () => {
    expect(isProseShaped('He said so.')).toBe(true);
    expect(isProseShaped('US capitol building washington DC')).toBe(false);
    expect(letterRatio('• KGS/USD = 0.01144 0%')).toBeLessThan(0.5);
    expect(letterRatio('Déjà vu')).toBe(1);
  });
});

describe('scripts written without spaces (Chinese, Japanese)', () => {
  it('a short line without a final 。 is a headline, a question mark inside or not', () => {
    expect(headlineShape('城市夜跑爱好者越来越多')).toBe('headline');
    expect(headlineShape('夜跑真的健康吗？医生这样说')).toBe('headline');
    expect(headlineShape('小さな町の図書館が百年を迎える')).toBe('headline');
  });

  it('a sentence (a final 。 or one inside) is no headline', () => {
    expect(headlineShape('今天晚上，很多人在河边跑步。')).toBeNull();
    expect(headlineShape('图书馆开门了。读者排起了长队')).toBeNull();
  });

  it('a paragraph ending in 。 or with fifty characters is prose', () => {
    expect(isProseShaped('今天晚上，很多人在河边跑步。')).toBe(true);
    expect(isProseShaped('町の図書館は百年前に建てられ、今も毎日たくさんの子どもたちが本を借りに来ている、と館長は話している')).toBe(true);
    expect(isProseShaped('首页')).toBe(false);
  });
});
