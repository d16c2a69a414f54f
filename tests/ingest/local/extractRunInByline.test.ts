import { describe, expect, it } from 'vitest';
import { extractRunInByline } from '../../../src/ingest/local/extractRunInByline.js';

describe('extractRunInByline', () => {
  it('removes a caption without a final full stop and the byline, keeping the body', () => {
    const p = "Taliban fighters parade through the centre of Kabul By Qubad Wali Afghanistan's Taliban authorities marked the anniversary on Friday.";
    expect(extractRunInByline(p)).toEqual({
      caption: 'Taliban fighters parade through the centre of Kabul',
      authors: ['Qubad Wali'],
      wire: null,
      body: "Afghanistan's Taliban authorities marked the anniversary on Friday.",
    });
  });

  it('splits several authors and finds where the body starts from the caption it repeats', () => {
    const p = 'U.S. President Donald Trump speaks with Russian President Vladimir Putin in Anchorage. By Steve Holland, Andrew Osborn and Darya Korsunskaya U.S. President Donald Trump and Russian President Vladimir Putin met face-to-face.';
    const found = extractRunInByline(p);
    expect(found?.authors).toEqual(['Steve Holland', 'Andrew Osborn', 'Darya Korsunskaya']);
    expect(found?.body).toBe('U.S. President Donald Trump and Russian President Vladimir Putin met face-to-face.');
  });

  it('uses the repeated caption to keep a three-word name whole', () => {
    const p = 'Voters queue at a polling station in Astana By Ayaz Mohammad Khan Voters queue at polling stations across Kazakhstan on Sunday in a snap election.';
    expect(extractRunInByline(p)?.authors).toEqual(['Ayaz Mohammad Khan']);
  });

  it('reads a byline at the very start', () => {
    expect(extractRunInByline('By Jane Doe The ministry said on Monday that it would raise tariffs for households.')).toEqual({
      caption: null, authors: ['Jane Doe'], wire: null, body: 'The ministry said on Monday that it would raise tariffs for households.',
    });
  });

  it.each([
    'By taking this decision, Kazakhstan adhered to established industry procedures for aviation.',
    'Soldiers march in Kyiv. By Friday Russian troops had advanced toward the city of Pokrovsk in the east.',
    'China on Friday slammed visits by Japanese lawmakers to Yasukuni Shrine and a ritual offering.',
  ])('leaves prose alone: %j', (p) => {
    expect(extractRunInByline(p)).toBeNull();
  });
});
