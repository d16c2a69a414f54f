import { Hono } from 'hono';
import { reportedState } from '../ingest/upstream/fullTextReport.js';
import type { AppDeps } from './appDeps.js';

/**
 * `/healthz`: 200 when the store answers (`degraded` when the last run failed, a source is failing,
 * or the store cannot be written), 503 when it does not; the last run and every source's state.
 */
export function healthRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    try {
      await deps.store.ping();
      const [lastRun, sources, version] = await Promise.all([deps.store.lastRun(), deps.store.sourceStates(), deps.store.version()]);
      const failing = sources.filter((s) => s.lastError !== null).length;
      // Known before a run fails on it: the start-up probe, or the probe after a failed write.
      const writeProblem = deps.store.writeProblem?.() ?? null;
      return c.json({
        status: failing > 0 || lastRun?.status === 'failed' || writeProblem !== null ? 'degraded' : 'ok',
        store: writeProblem === null ? { status: 'ok', version, writable: true } : { status: 'read-only', version, writable: false, error: writeProblem },
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
