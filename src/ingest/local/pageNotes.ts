/**
 * What the parser dropped and why, in words a person reviewing a page can check: chrome is
 * counted by kind (a ticker repeated forty times is one note), anything that looked like content
 * but was not kept is quoted — the first few of each reason, then a count, so a pathological page
 * cannot produce thousands of notes.
 */
const quotedPerReason = 10;

export class PageNotes {
  private readonly chromeCounts = new Map<string, number>();
  private readonly droppedCounts = new Map<string, number>();
  private readonly items: string[] = [];

  /** A line of chrome of this kind was dropped. */
  chrome(what: string): void {
    this.chromeCounts.set(what, (this.chromeCounts.get(what) ?? 0) + 1);
  }

  /** Content-looking text that was not kept, quoted (shortened) so it can be found on the page. */
  dropped(reason: string, text: string): void {
    const n = (this.droppedCounts.get(reason) ?? 0) + 1;
    this.droppedCounts.set(reason, n);
    if (n > quotedPerReason) return;
    const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
    this.items.push(`dropped ${reason}: "${shown}"`);
  }

  add(note: string): void {
    this.items.push(note);
  }

  /** Notes in a stable order: content dropped (in page order), then counts. */
  list(): string[] {
    const more = [...this.droppedCounts.entries()]
      .filter(([, n]) => n > quotedPerReason)
      .map(([reason, n]) => `dropped ${n - quotedPerReason} more: ${reason}`);
    const chrome = [...this.chromeCounts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([what, n]) => `${what} ×${n}`);
    return [...this.items, ...more, ...(chrome.length ? [`dropped chrome: ${chrome.join(', ')}`] : [])];
  }
}
