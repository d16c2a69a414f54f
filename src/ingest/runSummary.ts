import type { IngestRun } from '../store/store.js';

/**
 * The run as a person reads it after `npm run ingest`: totals, then one line per source (entries
 * read, items new / updated / unchanged, entries skipped, error), each skip reason under its source.
 */
export function formatRunSummary(run: IngestRun): string {
  const seconds = ((Date.parse(run.finished) - Date.parse(run.started)) / 1000).toFixed(2);
  const lines = [
    `Ingestion ${run.status} in ${seconds} s: ${run.pagesRead} pages read, ${run.entries ?? 0} entries; ` +
      `items ${run.inserted} new, ${run.updated} updated, ${run.unchanged} unchanged; ${run.skipped ?? 0} entries skipped.`,
  ];
  if (run.error) lines.push(`Error: ${run.error}`);
  const width = Math.min(60, Math.max(6, ...run.sources.map((s) => s.source.length)));
  lines.push('', `${'source'.padEnd(width)}  status     entries  new  upd  same  skip  error`);
  for (const s of run.sources) {
    const reasons = Object.entries(s.skipped ?? {});
    const skipped = reasons.reduce((n, [, k]) => n + k, 0);
    lines.push(
      `${s.source.padEnd(width)}  ${s.status.padEnd(9)}  ${String(s.entries ?? s.items).padStart(7)}  ${String(s.inserted).padStart(3)}  ` +
        `${String(s.updated).padStart(3)}  ${String(s.unchanged).padStart(4)}  ${String(skipped).padStart(4)}  ${s.error ?? ''}`.trimEnd(),
    );
    for (const [reason, n] of reasons) lines.push(`${''.padEnd(width)}    skipped ${n}: ${reason}`);
  }
  return lines.join('\n');
}
