import { describe, expect, it } from 'vitest';
import { splitByline } from '../../../src/ingest/html/splitByline.js';

describe('splitByline', () => {
  it('names each person, without "By" and roles', () => {
    expect(splitByline('By Jane Doe and John Roe, Staff Writers')).toEqual(['Jane Doe', 'John Roe']);
    expect(splitByline('Anna Berg & Ole Lund')).toEqual(['Anna Berg', 'Ole Lund']);
    expect(splitByline('by Pat Kim, reporter')).toEqual(['Pat Kim']);
  });
  it('drops a date run into the byline', () => {
    expect(splitByline('By Nora Field\n      March 25, 2015')).toEqual(['Nora Field']);
    expect(splitByline('by Ivo Marsh22 Dec 2016651')).toEqual(['Ivo Marsh']);
  });
  it('reads "Family, Given" as one person', () => {
    expect(splitByline('Berg, Anna')).toEqual(['Anna Berg']);
  });
  it('gives nothing for nothing', () => {
    expect(splitByline(null)).toEqual([]);
    expect(splitByline('   ')).toEqual([]);
    expect(splitByline('x'.repeat(300))).toEqual([]);
  });
});

describe('splitByline over several lines', () => {
  it('takes a later line that says who ("Edited by"), and runs a lone "By" into the next line', () => {
    expect(splitByline('Written by Rob Ash\n        Edited by Bea Bell')).toEqual(['Rob Ash', 'Bea Bell']);
    expect(splitByline('By\n\t\t\tScott Hill')).toEqual(['Scott Hill']);
    expect(splitByline('By Nora Field\n Updated 5 hours ago')).toEqual(['Nora Field']);
  });
});

describe('splitByline on text run together from markup', () => {
  it('reads a "By" with no space after it', () => {
    expect(splitByline('ByRosa Vint')).toEqual(['Rosa Vint']);
    expect(splitByline('Byron Vale')).toEqual(['Byron Vale']);
  });
  it('ends a name where a role, an outlet or a date runs into it', () => {
    expect(splitByline('Ilse BrandtStaff Writer')).toEqual(['Ilse Brandt']);
    expect(splitByline('Tomas KerrHarbour GazetteDec 3')).toEqual(['Tomas Kerr']);
    expect(splitByline('Dana MacLeod and Ray McBride')).toEqual(['Dana MacLeod', 'Ray McBride']);
  });
  it('a date is no name', () => {
    expect(splitByline('Wednesday January')).toEqual([]);
    expect(splitByline('Published: Dec.')).toEqual([]);
    expect(splitByline('By June Carter')).toEqual(['June Carter']);
  });
});
