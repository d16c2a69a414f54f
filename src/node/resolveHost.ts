import { lookup } from 'node:dns/promises';

/** Every address a hostname resolves to (A and AAAA), for the upstream private-address check. */
export async function resolveHost(name: string): Promise<string[]> {
  return (await lookup(name, { all: true, verbatim: true })).map((a) => a.address);
}
