/**
 * The share of letters among a line's visible characters, the shape rules' test for tickers,
 * file names and junk (see textShape). One scan of at most 600 characters, by table below U+0250.
 */

/** Per UTF-16 code unit: 1 a letter, 2 not, 0 not asked yet (a Unicode regex per character is slow; asked once). */
const letterUnit = new Uint8Array(0x10000);
export function isLetterUnit(c: number): boolean {
  let v = letterUnit[c]!;
  if (v === 0) letterUnit[c] = v = /\p{L}/u.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}

/** Per code unit below U+0250: 0 white space (none counted), 1 a letter, 2 another visible character. */
const latinUnit = (() => {
  const t = new Uint8Array(0x250).fill(2);
  for (let c = 0; c <= 32; c++) t[c] = 0;
  for (let c = 65; c <= 90; c++) t[c] = 1;
  for (let c = 97; c <= 122; c++) t[c] = 1;
  for (let c = 0xc0; c < 0x250; c++) t[c] = c === 0xd7 || c === 0xf7 ? 2 : 1;
  return t;
})();

// The last line asked about: classifyLine asks for the same line's ratio more than once.
let ratioLine = '';
let ratioValue = 0;

/** Share of letters among the visible characters: low for tickers, file names and junk. */
export function letterRatio(line: string): number {
  if (line === ratioLine) return ratioValue;
  // A sample is enough to judge a long line, and keeps a one-line 1 MB page cheap.
  const n = Math.min(line.length, 600);
  let visible = 0;
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x250) {
      // Latin-1 and Latin Extended by table; white space is any unit up to the space.
      const k = latinUnit[c]!;
      if (k !== 0) {
        visible++;
        if (k === 1) letters++;
      }
    } else {
      visible++;
      // Beyond them (punctuation blocks aside) ask Unicode.
      if (!(c >= 0x2000 && c <= 0x2bff) && isLetterUnit(c)) letters++;
    }
  }
  ratioLine = line;
  ratioValue = visible ? letters / visible : 0;
  return ratioValue;
}
