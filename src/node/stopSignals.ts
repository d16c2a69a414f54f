/**
 * SIGTERM and SIGINT (a supervisor's stop, Ctrl-C, or npm forwarding them) call `stop` once.
 * A second signal while stopping is ignored: the write in progress still finishes.
 */
export function onStopSignals(stop: (signal: NodeJS.Signals) => void): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(signal));
}
