/** "Home > News > 2015 > Title": a breadcrumb trail. */
const breadcrumb = /\S\s+[>›»]\s+\S.*\s[>›»]\s+\S/u;

/** A breadcrumb trail; the pattern (costly on long lines) only runs on a line with two of its marks. */
export function isBreadcrumb(text: string): boolean {
  let marks = 0;
  for (let i = 0; i < text.length && marks < 2; i++) {
    const c = text.charCodeAt(i);
    if (c === 62 || c === 0x203a || c === 0xbb) marks++;
  }
  return marks >= 2 && breadcrumb.test(text);
}
