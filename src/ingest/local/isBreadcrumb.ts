/** "Home > News > 2015 > Title": a breadcrumb trail. */
const breadcrumb = /\S\s+[>›»]\s+\S.*\s[>›»]\s+\S/u;
/** "Home › Title", "Accueil » Titre": a trail of two crumbs starts at the site's home page. */
const fromHome = /^(?:home|homepage|start|startseite|accueil|inicio|início|inizio|главная|首页|主页|ホーム|홈)\s+[>›»]\s+\S/iu;

/** A breadcrumb trail; the pattern (costly on long lines) only runs on a line with two of its marks, or one after a home link. */
export function isBreadcrumb(text: string): boolean {
  let marks = 0;
  for (let i = 0; i < text.length && marks < 2; i++) {
    const c = text.charCodeAt(i);
    if (c === 62 || c === 0x203a || c === 0xbb) marks++;
  }
  return (marks >= 2 && breadcrumb.test(text)) || (marks === 1 && fromHome.test(text));
}

/** A breadcrumb trail just above line `i` ending in its very text: the page's own title. */
export function isLastCrumb(lines: ReadonlyArray<{ text: string }>, i: number): boolean {
  const text = lines[i]!.text;
  for (let j = i - 1, seen = 0; j >= 0 && seen < 4; j--) {
    const t = lines[j]!.text;
    if (!t) continue;
    seen++;
    if (isBreadcrumb(t) && t.endsWith(text) && t.length > text.length) return true;
  }
  return false;
}
