// What operators of several bot processes watch, in Prometheus's format: one registry per process, filled
// by whichever host serves Discord (gateway or HTTP) and read at GET /metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { componentCommand } from './app/custom-id.js';
import type { AppRequest, Outcome } from './app/types.js';

/**
 * How an interaction ended: a public or private reply, a message update, suggestions, a user's mistake
 * explained, an apology, or nothing (`failed`: the answer could not be sent).
 */
export type InteractionOutcome =
  'reply' | 'private' | 'update' | 'choices' | 'user_error' | 'error' | 'failed';
export type InteractionKind = 'command' | 'autocomplete' | 'component';

export interface Metrics {
  readonly registry: Registry;
  /** One interaction answered (or not: `failed` when nothing could be sent). */
  countInteraction(kind: InteractionKind, command: string, outcome: InteractionOutcome): void;
  /** Seconds from the interaction arriving to its first answer going out (a deferral counts). */
  observeFirstAnswer(kind: InteractionKind, seconds: number): void;
  /** A picture drawn and sent (`sent`), or given up (`failed`, `dropped`). */
  countPicture(outcome: 'sent' | 'failed' | 'dropped'): void;
  /** The articles now served and when they were (re)loaded. */
  setArticles(count: number, loadedAt: Date): void;
  /** A gateway shard's state, as discord.js names it (`ready`, `connecting`, `resuming`, ...). */
  setShardState(shard: number, state: string): void;
  /** A gateway shard reconnected (resumed or identified again). */
  countReconnect(shard: number): void;
  /** A request to the interactions endpoint refused (401), by reason. */
  countRejected(reason: string): void;
  /** The exposition text and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

/** Every state discord.js's Status enum has, lower case, so a shard's state is one series at 1 among zeros. */
export const SHARD_STATES = [
  'ready',
  'connecting',
  'reconnecting',
  'idle',
  'nearly',
  'disconnected',
  'waiting_for_guilds',
  'identifying',
  'resuming',
] as const;

export function createMetrics({ defaults = true }: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  // Process memory, CPU and event-loop delay: the first things to read when a replica answers slowly.
  if (defaults) collectDefaultMetrics({ register: registry });
  const interactions = new Counter({
    name: 'bot_interactions_total',
    help: 'Interactions handled, by kind, command and outcome',
    labelNames: ['kind', 'command', 'outcome'] as const,
    registers: [registry],
  });
  const firstAnswer = new Histogram({
    name: 'bot_first_answer_seconds',
    help: 'Time from an interaction arriving to its first answer going out',
    labelNames: ['kind'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3],
    registers: [registry],
  });
  const pictures = new Counter({
    name: 'bot_pictures_total',
    help: 'Pictures drawn and sent by editing a reply, or given up',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const articles = new Gauge({
    name: 'bot_articles_loaded',
    help: 'Articles (events) currently served',
    registers: [registry],
  });
  const lastReload = new Gauge({
    name: 'bot_articles_last_reload_timestamp_seconds',
    help: 'When the articles served were last loaded or reloaded (Unix time)',
    registers: [registry],
  });
  const shardState = new Gauge({
    name: 'bot_shard_state',
    help: 'A gateway shard is in this state (1) or not (0)',
    labelNames: ['shard', 'state'] as const,
    registers: [registry],
  });
  const reconnects = new Counter({
    name: 'bot_shard_reconnects_total',
    help: 'Gateway shard reconnects (resumes and new sessions)',
    labelNames: ['shard'] as const,
    registers: [registry],
  });

  const rejected = new Counter({
    name: 'bot_http_rejected_total',
    help: 'Requests to the interactions endpoint refused with 401, by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  });

  return {
    registry,
    countInteraction: (kind, command, outcome) => interactions.inc({ kind, command, outcome }),
    observeFirstAnswer: (kind, seconds) => firstAnswer.observe({ kind }, seconds),
    countPicture: (outcome) => pictures.inc({ outcome }),
    setArticles(count, loadedAt) {
      articles.set(count);
      lastReload.set(loadedAt.getTime() / 1000);
    },
    setShardState(shard, state) {
      const current = state.toLowerCase();
      for (const known of new Set<string>([...SHARD_STATES, current]))
        shardState.set({ shard: String(shard), state: known }, known === current ? 1 : 0);
    },
    countReconnect: (shard) => reconnects.inc({ shard: String(shard) }),
    countRejected: (reason) => rejected.inc({ reason }),
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/** The command a request is counted under; a button by the command its custom id names. */
export function requestName(request: AppRequest): string {
  return request.kind === 'component' ? componentCommand(request.customId) : request.command;
}

/** How an outcome is counted. */
export function outcomeLabel(outcome: Outcome): InteractionOutcome {
  if (outcome.kind === 'choices') return 'choices';
  if (outcome.error === 'user') return 'user_error';
  if (outcome.error === 'internal') return 'error';
  return outcome.message.ephemeral ? 'private' : outcome.kind;
}

let shared: Metrics | undefined;

/** This process's metrics, made on first use, for every host and the shard manager to fill. */
export function processMetrics(): Metrics {
  shared ??= createMetrics();
  return shared;
}

export const setShardState = (shard: number, state: string): void =>
  processMetrics().setShardState(shard, state);
export const countReconnect = (shard: number): void => processMetrics().countReconnect(shard);
