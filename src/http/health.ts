import { Hono } from 'hono';
import { reportedState } from '../ingest/upstream/fullTextReport.js';
import type { AppDeps } from './appDeps.js';

/** `/healthz`: 200 when the store answers, 503 when it does not; the last run and every source's state. */
export function healthRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    try {
      await deps.store.ping();
      const [lastRun, sources, version] = await Promise.all([deps.store.lastRun(), deps.store.sourceStates(), deps.store.version()]);
      const failing = sources.filter((s) => s.lastError !== null).length;
      return c.json({
        status: failing > 0 || lastRun?.status === 'failed' ? 'degraded' : 'ok',
        store: { status: 'ok', version },
        lastRun,
        sources: sources.map(reportedState),
      });
    } catch (error) {
      deps.log.error('health: store unreachable', { error: String(error) });
      return c.json({ status: 'down', store: { status: 'error', error: `store: ${String(error)}` } }, 503);
    }
  });
  return app;
}
