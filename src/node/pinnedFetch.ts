import type { LookupAddress } from 'node:dns';
import type { Agent } from 'undici';
import type { PinnedFetch } from '../ingest/upstream/fetchFeed.js';

/**
 * A fetch that connects to `hostname` only at `addresses` (the ones resolved and checked against
 * the private ranges), never asking DNS again: the connection's lookup answers from the list.
 * TLS still verifies the certificate for `hostname` (SNI and Host are unchanged).
 * undici is loaded on the first fetch, not at start-up (serving does not need it).
 */
export const pinnedFetch: PinnedFetch = (hostname, addresses) => {
  const answers: LookupAddress[] = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  let agent: Agent | null = null;
  const connected = async () => {
    const undici = await import('undici');
    agent ??= pinnedAgent(undici.Agent, hostname, answers);
    return { agent, undiciFetch: undici.fetch };
  };
  return {
    fetch: (async (input: string, init?: RequestInit) => {
      const { agent, undiciFetch } = await connected();
      return undiciFetch(input, { ...(init as object), dispatcher: agent });
    }) as unknown as typeof fetch,
    close: async () => {
      await agent?.close();
    },
  };
};

function pinnedAgent(AgentClass: typeof Agent, hostname: string, answers: LookupAddress[]): Agent {
  return new AgentClass({
    connect: {
      lookup: ((host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
        if (host.replace(/^\[|\]$/g, '') !== hostname.replace(/^\[|\]$/g, '')) {
          callback(Object.assign(new Error(`pinned to ${hostname}, not ${host}`), { code: 'ENOTFOUND' }));
        } else if (options?.all) callback(null, answers);
        else callback(null, answers[0].address, answers[0].family);
      }) as never,
    },
  });
}
