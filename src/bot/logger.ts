import { pino } from 'pino';
import type { Logger } from 'pino';

export type { Logger };

/**
 * JSON logs. The secrets given are replaced wherever they would appear, in messages and in fields,
 * so a token pasted into an error message still never reaches the log.
 */
export function createLogger(level: string, secrets: readonly string[] = [], destination = 1): Logger {
  const hidden = secrets.filter((s) => s.length >= 8);
  const scrub = (text: string) => hidden.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
  const scrubAny = (value: unknown, depth = 0): unknown => {
    if (typeof value === 'string') return scrub(value);
    if (depth > 4 || value === null || typeof value !== 'object') return value;
    if (value instanceof Error)
      return { type: value.name, message: scrub(value.message), stack: scrub(value.stack ?? '') };
    if (Array.isArray(value)) return value.map((v) => scrubAny(v, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubAny(v, depth + 1)]));
  };
  return pino(
    {
      level,
      redact: {
        paths: [
          'token',
          '*.token',
          'DISCORD_TOKEN',
          '*.DISCORD_TOKEN',
          'headers.authorization',
          '*.headers.authorization',
        ],
        censor: '[redacted]',
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => scrubAny(arg)) as Parameters<typeof method>);
        },
      },
    },
    pino.destination({ fd: destination, sync: true }),
  );
}
