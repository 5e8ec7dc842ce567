import { existsSync } from 'node:fs';
import { z } from 'zod';
import { ShardPlanError, parseShardPlan } from './hosts/gateway/shard-plan.js';

const SNOWFLAKE = /^\d{17,20}$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
// Wikimedia asks bots not to poll often; a local stand-in or mirror (loopback) may be polled as often as wanted.
const MIN_WATCH_INTERVAL_S = 60;
// Copies of .env.example leave variables present but empty; empty means "not set".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );
// 0 asks the system for a free port (the port taken is logged).
const port = z.coerce
  .number({ error: 'must be a port number' })
  .int('must be a port number')
  .min(0, 'must be a port number')
  .max(65_535, 'must be a port number');

const Env = z
  .object({
    DISCORD_TOKEN: optional(
      z
        .string()
        .trim()
        .min(50, 'looks too short for a bot token')
        .regex(/^[\w.-]+$/, 'has characters a bot token never has'),
    ),
    DISCORD_CLIENT_ID: optional(
      z.string().trim().regex(SNOWFLAKE, 'must be the application id (a number of 17-20 digits)'),
    ),
    DISCORD_GUILD_ID: optional(
      z.string().trim().regex(SNOWFLAKE, 'must be a server id (a number of 17-20 digits)'),
    ),
    DISCORD_API_BASE: optional(
      z
        .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8080/api' })
        .refine(
          (url) => !/\/v\d+\/?$/.test(url),
          'must not end in a version such as /v10; discord.js adds it',
        ),
    ),
    SEEDS_DIR: optional(z.string()).transform((dir) => dir ?? 'seeds'),
    SNAPSHOT_DIR: optional(z.string()).transform((dir) => (dir === 'off' ? null : (dir ?? '.cache'))),
    LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])).transform(
      (l) => l ?? 'info',
    ),
    WATCH_SEEDS: optional(z.enum(['true', 'false', '1', '0'])).transform(
      (v) => v === undefined || v === 'true' || v === '1',
    ),
    WIKIPEDIA_API: optional(
      z.url({
        protocol: /^https?$/,
        error: 'must be an http(s) URL such as https://en.wikipedia.org/w/api.php',
      }),
    ).transform((url) => url ?? 'https://en.wikipedia.org/w/api.php'),
    WIKIPEDIA_CONTACT: optional(z.string().trim()),
    WATCH_WIKIPEDIA: optional(z.string().trim()),
    WATCH_INTERVAL: optional(
      z.coerce
        .number({ error: 'must be a number of seconds' })
        .positive('must be a number of seconds above 0'),
    ).transform((s) => s ?? 300),
    INTERACTIONS_PORT: optional(port),
    DISCORD_PUBLIC_KEY: optional(
      z
        .string()
        .trim()
        .regex(/^[0-9a-fA-F]{64}$/, "must be the application's public key (64 hex digits)"),
    ),
    METRICS_PORT: optional(port),
    LISTEN_HOST: optional(z.string().trim()).transform((host) => host ?? '0.0.0.0'),
    SHARD_COUNT: optional(z.string()),
    SHARD_IDS: optional(z.string()),
  })
  .superRefine(
    (env, ctx) => {
      try {
        parseShardPlan(env);
      } catch (error) {
        if (!(error instanceof ShardPlanError)) throw error;
        const path = error.message.startsWith('SHARD_COUNT') ? 'SHARD_COUNT' : 'SHARD_IDS';
        ctx.addIssue({ code: 'custom', path: [path], message: error.message.slice(path.length + 1) });
      }
    },
    // Listed beside problems with other variables, not only once those are fixed.
    { when: () => true },
  )
  .superRefine((env, ctx) => {
    if (env.WATCH_INTERVAL < MIN_WATCH_INTERVAL_S && !LOOPBACK.has(new URL(env.WIKIPEDIA_API).hostname)) {
      ctx.addIssue({
        code: 'custom',
        path: ['WATCH_INTERVAL'],
        message: `must be at least ${MIN_WATCH_INTERVAL_S} seconds when WIKIPEDIA_API is not on this machine`,
      });
    }
    if (env.DISCORD_TOKEN && !env.DISCORD_CLIENT_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_CLIENT_ID'],
        message: 'is required when DISCORD_TOKEN is set',
      });
    }
    if (env.INTERACTIONS_PORT !== undefined && !env.DISCORD_PUBLIC_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_PUBLIC_KEY'],
        message: 'is required when INTERACTIONS_PORT is set: every request is checked against it',
      });
    }
  })
  // The gateway shards this process runs; SHARD_COUNT and SHARD_IDS were checked above.
  .transform((env) => ({ ...env, SHARDS: parseShardPlan(env) }));

export type Config = z.output<typeof Env>;

/** Every problem with the environment, one per line; thrown at start so the operator fixes all at once. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = Env.safeParse(env);
  if (result.success) return result.data;
  // Never echo values back: one of them may be the token.
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`),
  );
}

/** Reads `.env` when present (real environment variables win), then validates. */
export function loadConfig(envFile = '.env'): Config {
  if (existsSync(envFile)) {
    const before = { ...process.env };
    process.loadEnvFile(envFile);
    Object.assign(process.env, before);
  }
  return parseConfig(process.env);
}
