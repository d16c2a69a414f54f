import type { LookupAddress } from 'node:dns';
import { Agent, fetch as undiciFetch } from 'undici';
import type { PinnedFetch } from '../ingest/upstream/fetchFeed.js';

/**
 * A fetch that connects to `hostname` only at `addresses` (the ones resolved and checked against
 * the private ranges), never asking DNS again: the connection's lookup answers from the list.
 * TLS still verifies the certificate for `hostname` (SNI and Host are unchanged).
 */
export const pinnedFetch: PinnedFetch = (hostname, addresses) => {
  const answers: LookupAddress[] = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  const agent = new Agent({
    connect: {
      lookup: ((host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
        if (host.replace(/^\[|\]$/g, '') !== hostname.replace(/^\[|\]$/g, '')) {
          callback(Object.assign(new Error(`pinned to ${hostname}, not ${host}`), { code: 'ENOTFOUND' }));
        } else if (options?.all) callback(null, answers);
        else callback(null, answers[0].address, answers[0].family);
      }) as never,
    },
  });
  return {
    fetch: ((input: string, init?: RequestInit) => undiciFetch(input, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch,
    close: () => agent.close(),
  };
};
