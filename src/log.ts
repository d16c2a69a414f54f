/** One line per event a person would look for: `level event key=value ...`. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Log {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function isLogLevel(value: string): value is LogLevel {
  return value in rank;
}

function formatValue(value: string | number | boolean | null): string {
  const text = String(value);
  return /^[^\s"=]+$/.test(text) ? text : JSON.stringify(text);
}

/** A logger that writes `level event k=v` lines through `write` (console on both runtimes). */
export function createLog(level: LogLevel, write: (line: string) => void = console.log): Log {
  const emit = (at: LogLevel) => (event: string, fields: LogFields = {}) => {
    if (rank[at] < rank[level]) return;
    const parts = Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${formatValue(v as string | number | boolean | null)}`);
    write([new Date().toISOString(), at.toUpperCase(), event, ...parts].join(' '));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** For tests: keeps lines in memory. */
export function memoryLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLog('debug', (line) => lines.push(line)), { lines });
}
