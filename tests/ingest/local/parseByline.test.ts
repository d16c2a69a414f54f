import { describe, expect, it } from 'vitest';
import { isPersonName, parseByline } from '../../../src/ingest/local/parseByline.js';

describe('parseByline', () => {
  it('takes the desk as the outlet, the person as the author, and the dateline', () => {
    expect(parseByline('by Nate Ostiller and The Kyiv Independent news desk September 17, 2024 1:24 AM 2 min read')).toEqual({
      authors: ['Nate Ostiller'], outlet: 'The Kyiv Independent', wire: null, published: '2024-09-17T01:24:00Z',
    });
  });

  it('reads "By Jane Doe | March 3, 2025"', () => {
    expect(parseByline('By Jane Doe | March 3, 2025')).toEqual({ authors: ['Jane Doe'], outlet: null, wire: null, published: '2025-03-03' });
  });

  it('splits "By A, B and C"', () => {
    expect(parseByline('By Steve Holland, Andrew Osborn and Darya Korsunskaya')?.authors).toEqual([
      'Steve Holland', 'Andrew Osborn', 'Darya Korsunskaya',
    ]);
  });

  it('keeps names with particles and initials whole', () => {
    expect(parseByline('Written by Ursula von der Leyen')?.authors).toEqual(['Ursula von der Leyen']);
    expect(parseByline('By J. R. Smith & Anna Ivanova')?.authors).toEqual(['J. R. Smith', 'Anna Ivanova']);
    expect(parseByline('Authors: Anna Petrova, Ivan Sidorov')?.authors).toEqual(['Anna Petrova', 'Ivan Sidorov']);
  });

  it('takes a news agency as the wire and drops job titles', () => {
    expect(parseByline('By Jane Doe, Reuters')).toEqual({ authors: ['Jane Doe'], outlet: null, wire: 'Reuters', published: null });
    expect(parseByline('By Reuters staff')).toEqual({ authors: [], outlet: null, wire: 'Reuters', published: null });
    expect(parseByline('By AFP')).toEqual({ authors: [], outlet: null, wire: 'AFP', published: null });
    expect(parseByline('By Jane Doe, Staff Writer')?.authors).toEqual(['Jane Doe']);
  });

  it.each([
    'By the end of the year, prices rose.',
    'By Monday, Russia and Kazakhstan agreed.',
    'By taking this decision, Kazakhstan adhered to established industry procedures.',
    'Jane Doe',
  ])('is not fooled by %j', (line) => {
    expect(parseByline(line)).toBeNull();
  });
});

describe('isPersonName', () => {
  it.each(['Qubad Wali', 'Darya Korsunskaya', "Conor O'Brien", 'Jean-Luc Martin', 'John F. Kennedy'])('%s is a name', (name) => {
    expect(isPersonName(name)).toBe(true);
  });
  it.each(["Afghanistan's Taliban", 'The Kyiv', 'Friday Russian', 'Qubad', 'U.S. President'])('%s is not', (name) => {
    expect(isPersonName(name)).toBe(false);
  });
});
