/**
 * Stands in for linkedom's CSS parser (`cssomnom/parse`) in the Worker bundle (the `[alias]` in
 * wrangler.toml). Only `HTMLStyleElement.sheet` calls it, which neither Readability nor Caravan
 * reads, and the parser is over a third of what the HTML extractor adds to the bundle (about
 * 340 KiB, 66 KiB gzipped). Reading `.sheet` in the Worker fails with this error instead.
 */
export function parse(): never {
  throw new Error('CSS style sheets are not parsed in the Worker (wrangler.toml [alias] of cssomnom/parse)');
}
