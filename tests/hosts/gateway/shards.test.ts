import { EventEmitter } from 'node:events';
import { Collection, Events, Status } from 'discord.js';
import type { Client } from 'discord.js';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ShardTracker, shardStateName } from '../../../src/hosts/gateway/shards.js';
import { SHARD_STATES } from '../../../src/metrics.js';

interface FakeShard {
  id: number;
  status: Status;
  ping: number;
}

/** What the tracker reads of a discord.js Client: its events, its shards, their guilds and the total. */
function fakeClient(shards: FakeShard[], guildShards: number[], shardCount: number) {
  const emitter = new EventEmitter();
  const client = Object.assign(emitter, {
    ws: { shards: new Collection(shards.map((shard) => [shard.id, shard])) },
    options: { shardCount },
    guilds: {
      cache: new Collection(guildShards.map((shardId, i) => [String(i), { shardId }])),
    },
  });
  return { client, asClient: client as unknown as Client };
}

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { lines, logger };
}

describe('hosts/gateway/shards', () => {
  describe('shardStateName', () => {
    it("names every discord.js Status as the metrics' shard states do", () => {
      const statuses = Object.values(Status).filter((value): value is Status => typeof value === 'number');
      expect(statuses.map(shardStateName).sort()).toStrictEqual([...SHARD_STATES].sort());
      expect(shardStateName(Status.WaitingForGuilds)).toBe('waiting_for_guilds');
    });
  });

  describe('ShardTracker', () => {
    it('logs the plan, each change of state and every reconnect, hands them to the metrics, and reports', () => {
      const shards: FakeShard[] = [
        { id: 3, status: Status.Identifying, ping: -1 },
        { id: 2, status: Status.Ready, ping: 41.6 },
      ];
      const { client, asClient } = fakeClient(shards, [2, 2, 3, 5], 8);
      const { lines, logger } = capture();
      const states: [number, string][] = [];
      const reconnects: number[] = [];
      const tracker = new ShardTracker(asClient, logger, {
        setShardState: (shard, state) => states.push([shard, state]),
        countReconnect: (shard) => reconnects.push(shard),
      }).attach({ kind: 'fixed', count: 8, ids: [2, 3] });
      expect(lines[0]).toMatchObject({
        msg: "gateway shards: 2 of the bot's 8 in this process",
        shards: '2-3',
        shardCount: 8,
      });

      shards[0]!.status = Status.Ready;
      client.emit(Events.ShardReady, 3, new Set(['9']));
      expect(lines[1]).toMatchObject({
        msg: 'shard ready',
        shard: 3,
        guilds: 1,
        unavailable: 1,
        ready: '2/2',
      });
      expect(states).toStrictEqual([
        [3, 'ready'],
        [2, 'ready'],
      ]);

      shards[1]!.status = Status.Connecting;
      client.emit(Events.ShardReconnecting, 2);
      client.emit(Events.ShardResume, 2, 4);
      shards[1]!.status = Status.Resuming;
      client.emit(Events.ShardReconnecting, 2);
      expect(reconnects).toStrictEqual([2, 2]);
      expect(lines.slice(2).map((line) => [line['msg'], line['shard'], line['reconnects']])).toStrictEqual([
        ['shard reconnecting', 2, 1],
        ['shard resumed', 2, undefined],
        ['shard reconnecting', 2, 2],
      ]);
      expect(states.slice(2)).toStrictEqual([
        [2, 'connecting'],
        [2, 'resuming'],
      ]);

      shards[0]!.status = Status.Disconnected;
      client.emit(Events.ShardDisconnect, { code: 4014 }, 3);
      expect(lines.at(-1)).toMatchObject({
        msg: 'shard disconnected and will not reconnect',
        shard: 3,
        code: 4014,
        level: 50,
      });

      expect(tracker.status()).toStrictEqual({
        count: 8,
        shards: [
          { id: 2, state: 'resuming', reconnects: 2, guilds: 2, pingMs: 42 },
          { id: 3, state: 'disconnected', reconnects: 0, guilds: 1, pingMs: null },
        ],
      });
      expect(tracker.describe()).toStrictEqual({ shards: '2-3', shardCount: 8 });

      // The client's own shutdown closes every shard, which discord.js reports as reconnecting.
      tracker.detach();
      const before = lines.length;
      client.emit(Events.ShardReconnecting, 2);
      expect(lines).toHaveLength(before);
      expect(reconnects).toHaveLength(2);
      expect(client.listenerCount(Events.ShardReconnecting)).toBe(0);
    });

    it('says so when it runs as many shards as Discord recommends', () => {
      const { asClient } = fakeClient([], [], 1);
      const { lines, logger } = capture();
      new ShardTracker(asClient, logger, {
        setShardState: () => undefined,
        countReconnect: () => undefined,
      }).attach({
        kind: 'auto',
      });
      expect(lines[0]).toMatchObject({
        msg: 'gateway shards: as many as Discord recommends, all in this process',
        shards: 'auto',
      });
    });
  });
});
