/**
 * When a page's metadata states no publication date, the date its markup marks up: an element with
 * `itemprop="datePublished"` (its `content` or `datetime`), a `<time pubdate>`, else a `<time datetime>`
 * in the article's header: the nearest of the first `<h1>`'s ancestors (three at most) that holds one,
 * then the page's `<article>`. A `<time>` elsewhere (a sidebar's "latest news") is not the article's.
 * Only a date the markup states in full (year, month and day) counts.
 */
const fullDate = /^\s*\d{4}-\d{2}-\d{2}/;

function stated(el: Element | null): string | null {
  if (!el) return null;
  const value = (el.getAttribute('datetime') ?? el.getAttribute('content') ?? '').trim();
  return fullDate.test(value) ? value : null;
}

function firstTime(root: Element | null): string | null {
  if (!root) return null;
  for (const el of Array.from(root.querySelectorAll('time[datetime]'))) {
    const value = stated(el);
    if (value) return value;
  }
  return null;
}

export function publishedInMarkup(doc: Document): string | null {
  for (const el of Array.from(doc.querySelectorAll('[itemprop~="datePublished" i], time[pubdate]'))) {
    const value = stated(el);
    if (value) return value;
  }
  let around: Element | null = doc.querySelector('h1');
  for (let depth = 0; around && depth < 3; depth++) {
    around = around.parentElement;
    const value = firstTime(around);
    if (value) return value;
  }
  return firstTime(doc.querySelector('article'));
}
