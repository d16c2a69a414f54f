import type { IngestRun } from '../store/store.js';

/** The run as a person reads it after `npm run ingest`: totals, then one line per source. */
export function formatRunSummary(run: IngestRun): string {
  const seconds = ((Date.parse(run.finished) - Date.parse(run.started)) / 1000).toFixed(2);
  const lines = [
    `Ingestion ${run.status} in ${seconds} s: ${run.pagesRead} pages read; items ${run.inserted} new, ${run.updated} updated, ${run.unchanged} unchanged.`,
  ];
  if (run.error) lines.push(`Error: ${run.error}`);
  const width = Math.min(60, Math.max(6, ...run.sources.map((s) => s.source.length)));
  lines.push('', `${'source'.padEnd(width)}  status     items  new  upd  same  error`);
  for (const s of run.sources) {
    lines.push(
      `${s.source.padEnd(width)}  ${s.status.padEnd(9)}  ${String(s.items).padStart(5)}  ${String(s.inserted).padStart(3)}  ` +
        `${String(s.updated).padStart(3)}  ${String(s.unchanged).padStart(4)}  ${s.error ?? ''}`,
    );
  }
  return lines.join('\n');
}
