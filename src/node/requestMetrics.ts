/**
 * The per-request metrics, `caravan_http_requests_total` and
 * `caravan_http_request_duration_seconds`, counted in plain numbers and handed to prom-client's
 * registry at scrape time, in the text prom-client itself writes for a Counter and a Histogram.
 * prom-client's `inc` and `observe` validate and hash their labels on every call: a few
 * microseconds of a request that is otherwise ~60 (bench/RESULTS.md, 2026-12-01 serving profile).
 */
import type { Metric, Registry } from 'prom-client';
import type * as PromClient from 'prom-client';
import type { RouteFamily } from '../http/routeFamily.js';

const families: RouteFamily[] = ['feed', 'catalog', 'items', 'health', 'admin', 'metrics', 'static', 'other'];
const familyIndex = new Map(families.map((f, i) => [f, i]));
const buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

interface Count { family: RouteFamily; status: string; n: number }
interface Durations { family: RouteFamily; counts: number[]; sum: number; count: number }

export interface RequestMetrics {
  /** Called for each answered request. */
  count: (family: RouteFamily, status: number, seconds: number) => void;
  /** Registers both metrics in a registry (once prom-client is loaded); they read the counts kept since the start. */
  register: (registry: Registry, prom: typeof PromClient) => void;
}

/** The counts of answered requests, kept in plain numbers from the start. */
export function createRequestMetrics(): RequestMetrics {
  // By status * families + family, in the order first seen (prom-client's order too).
  const counts = new Map<number, Count>();
  const durations: (Durations | undefined)[] = [];
  const seen: Durations[] = [];

  const register = (registry: Registry, prom: typeof PromClient) => {
    new prom.Counter({
      name: 'caravan_http_requests_total', help: 'HTTP requests answered, by route family and status code.',
      labelNames: ['family', 'status'] as const, registers: [registry],
      collect() {
        this.reset();
        for (const { family, status, n } of counts.values()) this.inc({ family, status }, n);
      },
    });

    const name = 'caravan_http_request_duration_seconds';
    const help = 'Time from request to response headers, by route family.';
    const get = async () => {
      const values: { labels: Record<string, string | number>; value: number; metricName: string }[] = [];
      for (const { family, counts: inBucket, sum, count } of seen) {
        let below = 0;
        for (let i = 0; i < buckets.length; i++) {
          below += inBucket[i]!;
          values.push({ labels: { le: buckets[i]!, family }, value: below, metricName: `${name}_bucket` });
        }
        values.push(
          { labels: { le: '+Inf', family }, value: count, metricName: `${name}_bucket` },
          { labels: { family }, value: sum, metricName: `${name}_sum` },
          { labels: { family }, value: count, metricName: `${name}_count` },
        );
      }
      return { name, help, type: 'histogram', values, aggregator: 'sum' };
    };
    const reset = () => {
      counts.clear();
      durations.length = 0;
      seen.length = 0;
    };
    registry.registerMetric({ name, help, type: 'histogram', aggregator: 'sum', get, reset } as unknown as Metric);
  };

  const count: RequestMetrics['count'] = (family, status, seconds) => {
    const f = familyIndex.get(family)!;
    const id = status * families.length + f;
    const count = counts.get(id);
    if (count) count.n++;
    else counts.set(id, { family, status: String(status), n: 1 });
    let d = durations[f];
    if (!d) {
      d = durations[f] = { family, counts: buckets.map(() => 0), sum: 0, count: 0 };
      seen.push(d);
    }
    for (let i = 0; i < buckets.length; i++) {
      if (seconds <= buckets[i]!) {
        d.counts[i]!++;
        break;
      }
    }
    d.sum += seconds;
    d.count++;
  };
  return { count, register };
}
