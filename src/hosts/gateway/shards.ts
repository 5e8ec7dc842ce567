// The gateway shards this process runs, as operators see them: each shard's state (discord.js's own), its
// reconnects, every change logged and handed to the metrics.
import { Events, Status } from 'discord.js';
import type { Client, ClientEvents } from 'discord.js';
import type { Logger } from 'pino';
import { countReconnect, setShardState } from '../../metrics.js';
import type { ShardState, ShardsStatus } from '../../render/status.js';
import { formatShardIds } from './shard-plan.js';
import type { ShardPlan } from './shard-plan.js';

export interface ShardHooks {
  setShardState(shard: number, state: ShardState): void;
  countReconnect(shard: number): void;
}

/** discord.js's Status name in the metrics' spelling: `WaitingForGuilds` -> `waiting_for_guilds`. */
export function shardStateName(status: Status): ShardState {
  const name: string = Status[status] ?? 'Idle';
  return name.replace(/(?<=[a-z])(?=[A-Z])/g, '_').toLowerCase() as ShardState;
}

export class ShardTracker {
  private readonly reconnects = new Map<number, number>();
  private readonly published = new Map<number, ShardState>();
  private readonly detachers: (() => void)[] = [];

  constructor(
    private readonly client: Client,
    private readonly logger: Logger,
    private readonly hooks: ShardHooks = { setShardState, countReconnect },
  ) {}

  /** Logs the plan and follows the client's shard events; call before login. */
  attach(plan: ShardPlan): this {
    this.logger.info(
      plan.kind === 'auto'
        ? { shards: 'auto' }
        : { shards: formatShardIds(plan.ids), shardCount: plan.count },
      plan.kind === 'auto'
        ? 'gateway shards: as many as Discord recommends, all in this process'
        : `gateway shards: ${plan.ids.length} of the bot's ${plan.count} in this process`,
    );
    this.on(Events.ShardReady, (id: number, unavailable: Set<string> | undefined) => {
      this.publish();
      const ready = this.client.ws.shards.filter((shard) => shard.status === Status.Ready).size;
      this.logger.info(
        {
          shard: id,
          guilds: this.guildCounts().get(id) ?? 0,
          unavailable: unavailable?.size ?? 0,
          ready: `${ready}/${this.client.ws.shards.size}`,
        },
        'shard ready',
      );
    });
    this.on(Events.ShardResume, (id: number, replayed: number) => {
      this.publish();
      this.logger.info({ shard: id, replayed }, 'shard resumed');
    });
    this.on(Events.ShardReconnecting, (id: number) => {
      const reconnects = (this.reconnects.get(id) ?? 0) + 1;
      this.reconnects.set(id, reconnects);
      this.hooks.countReconnect(id);
      this.publish();
      this.logger.warn({ shard: id, reconnects }, 'shard reconnecting');
    });
    this.on(Events.ShardDisconnect, (event: { code: number }, id: number) => {
      this.publish();
      this.logger.error({ shard: id, code: event.code }, 'shard disconnected and will not reconnect');
    });
    this.on(Events.ShardError, (error: Error, id: number) =>
      this.logger.warn({ err: error, shard: id }, 'shard connection error'),
    );
    return this;
  }

  /** Stops following the client, so that its own shutdown is not logged as shards reconnecting. */
  detach(): void {
    for (const detach of this.detachers.splice(0)) detach();
  }

  /** The shards of this process now, with the bot's total. */
  status(): ShardsStatus {
    this.publish();
    const guilds = this.guildCounts();
    return {
      count: this.client.options.shardCount ?? this.client.ws.shards.size,
      shards: [...this.client.ws.shards.values()]
        .sort((a, b) => a.id - b.id)
        .map((shard) => ({
          id: shard.id,
          state: shardStateName(shard.status),
          reconnects: this.reconnects.get(shard.id) ?? 0,
          guilds: guilds.get(shard.id) ?? 0,
          pingMs: shard.ping >= 0 ? Math.round(shard.ping) : null,
        })),
    };
  }

  /** The ids of this process's shards, "0-3" style, once the client has logged in. */
  describe(): { shards: string; shardCount: number } {
    const ids = [...this.client.ws.shards.keys()];
    return { shards: formatShardIds(ids), shardCount: this.client.options.shardCount ?? ids.length };
  }

  private on<E extends keyof ClientEvents>(event: E, listener: (...args: ClientEvents[E]) => void): void {
    this.client.on(event, listener);
    this.detachers.push(() => this.client.off(event, listener));
  }

  /** Hands every shard's state to the metrics when it changed. */
  private publish(): void {
    for (const shard of this.client.ws.shards.values()) {
      const state = shardStateName(shard.status);
      if (this.published.get(shard.id) === state) continue;
      this.published.set(shard.id, state);
      this.hooks.setShardState(shard.id, state);
    }
  }

  private guildCounts(): Map<number, number> {
    const counts = new Map<number, number>();
    for (const guild of this.client.guilds.cache.values())
      counts.set(guild.shardId, (counts.get(guild.shardId) ?? 0) + 1);
    return counts;
  }
}
