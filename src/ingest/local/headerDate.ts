import { findDate, findShortDate } from './parseDateline.js';

const updatedWords = /\b(?:updated|modified|mis\s+à\s+jour|actualizado|aktualisiert|aktualizováno|обновлено|last\s+modified)\b/iu;

/**
 * The first publication date on a short header line (an "Updated ..." part does not count). A
 * numeric date with a two-digit year ("10.15.15") is read month first on a page in English (`monthFirst`), day
 * first elsewhere, unless its figures settle the order.
 */
export function headerDate(line: string, monthFirst = true): string | null {
  if (line.length > 200 || !/\d/.test(line)) return null;
  const upd = updatedWords.exec(line);
  const head = upd ? line.slice(0, upd.index) : line;
  return findDate(head)?.iso ?? findShortDate(head, monthFirst);
}

