// Which gateway shards this process runs. Pure (no discord.js at run time): src/config.ts validates with it.

/** The shards of the whole bot this process connects. */
export type ShardPlan =
  /** As many shards as Discord recommends (GET /gateway/bot), all in this process. */
  | { kind: 'auto' }
  /** `ids` of the bot's `count` shards; other processes (machines) run the rest. */
  | { kind: 'fixed'; count: number; ids: readonly number[] };

const ID = /^\d+$/;
const RANGE = /^(?<first>\d+)\s*-\s*(?<last>\d+)$/;
/** Far beyond any bot (Discord's largest run a few thousand), small enough to spell out as a list. */
export const MAX_SHARD_COUNT = 100_000;

/** A bad SHARD_IDS or SHARD_COUNT; the message names the variable and says what is wrong. */
export class ShardPlanError extends Error {
  override readonly name = 'ShardPlanError';
}

/**
 * Reads `0-3`, `4,5,6,7` or a mix (`0-7,16-23`) into ascending shard ids. Each id at most once; with `count`,
 * every id must be below it.
 */
export function parseShardIds(text: string, count?: number): number[] {
  const ids = new Set<number>();
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (part === '') {
      throw new ShardPlanError(
        'SHARD_IDS has an empty item; write ranges and numbers separated by commas, e.g. 0-3 or 4,5,6,7',
      );
    }
    const range = RANGE.exec(part)?.groups;
    let first: number;
    let last: number;
    if (range) {
      first = Number(range['first']);
      last = Number(range['last']);
      if (first > last)
        throw new ShardPlanError(`SHARD_IDS has the range ${part} backwards; write ${last}-${first}`);
    } else if (ID.test(part)) {
      first = last = Number(part);
    } else {
      throw new ShardPlanError(
        `SHARD_IDS item "${part}" is neither a shard number nor a range such as 0-3 (numbers and ranges separated by commas)`,
      );
    }
    if (last >= MAX_SHARD_COUNT) {
      throw new ShardPlanError(
        `SHARD_IDS item "${part}" goes beyond ${MAX_SHARD_COUNT - 1}, the largest shard id accepted`,
      );
    }
    if (count !== undefined && last >= count) {
      throw new ShardPlanError(
        `SHARD_IDS names shard ${last}, but with SHARD_COUNT=${count} the shards are 0-${count - 1}`,
      );
    }
    for (let id = first; id <= last; id += 1) {
      if (ids.has(id)) throw new ShardPlanError(`SHARD_IDS names shard ${id} twice`);
      ids.add(id);
    }
  }
  return [...ids].sort((a, b) => a - b);
}

/** Validates SHARD_COUNT and SHARD_IDS together: both (this process runs those shards) or neither ('auto'). */
export function parseShardPlan(env: {
  SHARD_COUNT?: string | undefined;
  SHARD_IDS?: string | undefined;
}): ShardPlan {
  const countText = env.SHARD_COUNT?.trim() ?? '';
  const idsText = env.SHARD_IDS?.trim() ?? '';
  if (countText === '' && idsText === '') return { kind: 'auto' };
  if (idsText === '') {
    const all = ID.test(countText) && Number(countText) > 1 ? `0-${Number(countText) - 1}` : '0';
    throw new ShardPlanError(
      `SHARD_IDS is required with SHARD_COUNT: the shards this process runs, e.g. ${all} for all of them`,
    );
  }
  if (countText === '') {
    throw new ShardPlanError('SHARD_COUNT is required with SHARD_IDS: the number of shards of the whole bot');
  }
  if (!ID.test(countText) || Number(countText) < 1 || Number(countText) > MAX_SHARD_COUNT) {
    throw new ShardPlanError(`SHARD_COUNT must be a whole number from 1 to ${MAX_SHARD_COUNT}`);
  }
  const count = Number(countText);
  return { kind: 'fixed', count, ids: parseShardIds(idsText, count) };
}

/** The discord.js ClientOptions that carry the plan (discord.js's own sharding, all in this process). */
export function shardClientOptions(plan: ShardPlan): { shards: 'auto' | number[]; shardCount?: number } {
  return plan.kind === 'auto' ? { shards: 'auto' } : { shards: [...plan.ids], shardCount: plan.count };
}

/**
 * discord.js reads SHARD_COUNT and SHARDS from the environment itself (how its ShardingManager talks to
 * child processes) whenever the Client's options are at their defaults, and a blank SHARD_COUNT copied from
 * .env.example reads as 0, which the Client refuses. The config has read both already; hide them.
 */
export function forgetShardEnv(env: Record<string, string | undefined>): void {
  delete env['SHARD_COUNT'];
  delete env['SHARDS'];
}

/** "0-3, 8, 10-11": shard ids as an operator writes them. */
export function formatShardIds(ids: readonly number[]): string {
  const parts: string[] = [];
  let start: number | undefined;
  let previous: number | undefined;
  const flush = () => {
    if (start === undefined || previous === undefined) return;
    parts.push(start === previous ? `${start}` : `${start}-${previous}`);
  };
  for (const id of [...ids].sort((a, b) => a - b)) {
    if (previous !== undefined && id === previous + 1) {
      previous = id;
      continue;
    }
    flush();
    start = previous = id;
  }
  flush();
  return parts.join(', ');
}
