import { describe, expect, it } from 'vitest';
import { createNodeMetrics } from '../../src/node/metrics.js';
import type { IngestRun } from '../../src/store/store.js';

const run = { status: 'ok', inserted: 3, updated: 1, unchanged: 2 } as IngestRun;

describe('Node metrics, prom-client loaded late', () => {
  it('replays what was observed before the first scrape and counts requests from the start', async () => {
    const metrics = createNodeMetrics(60_000);
    metrics.observer.run(run, 0.2);
    metrics.observer.run(null, 0);
    metrics.observer.removed('retention', 4);
    metrics.answered('feed', 200, performance.now());
    const { body } = await metrics.render();
    expect(body).toMatch(/^caravan_ingest_runs_total\{outcome="ok"\} 1$/m);
    expect(body).toMatch(/^caravan_ingest_runs_total\{outcome="skipped"\} 1$/m);
    expect(body).toMatch(/^caravan_ingest_items_total\{outcome="inserted"\} 3$/m);
    expect(body).toMatch(/^caravan_items_removed_total\{reason="retention"\} 4$/m);
    expect(body).toMatch(/^caravan_http_requests_total\{family="feed",status="200"\} 1$/m);
    expect(body).toMatch(/^process_cpu_user_seconds_total /m);
    // After the load, observations go straight in.
    metrics.observer.run(run, 0.1);
    expect((await metrics.render()).body).toMatch(/^caravan_ingest_runs_total\{outcome="ok"\} 2$/m);
  });
});
