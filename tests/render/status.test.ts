import { describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/load/store.js';
import { renderStatus } from '../../src/render/status.js';
import type { ShardStatus } from '../../src/render/status.js';

const LOADED: StatusReport = {
  dir: 'seeds',
  events: 3,
  athletes: 40,
  files: [],
  lastReload: null,
};

const shard = (id: number, extra: Partial<ShardStatus> = {}): ShardStatus => ({
  id,
  state: 'ready',
  reconnects: 0,
  guilds: 1,
  pingMs: null,
  ...extra,
});

describe('render/status', () => {
  describe('renderStatus with shards', () => {
    it('has no shards field where there is no gateway', () => {
      expect(renderStatus(LOADED).embeds?.[0]?.fields).toBeUndefined();
    });

    it('names the shards of this process, of the total, and the state of each', () => {
      const reply = renderStatus(LOADED, null, {
        count: 8,
        shards: [
          shard(4, { guilds: 1_203, pingMs: 41 }),
          shard(5, { state: 'resuming', reconnects: 3 }),
          shard(6, { state: 'waiting_for_guilds', guilds: 0 }),
          shard(7, { reconnects: 1, pingMs: 38 }),
        ],
      });
      expect(reply.embeds?.[0]?.fields).toStrictEqual([
        {
          name: 'Gateway shards',
          value: [
            'This process runs shards 4-7 of 8 · **2 not ready**',
            '`4` ready · 1203 servers · 0 reconnects · 41 ms',
            '`5` resuming · 1 server · 3 reconnects',
            '`6` waiting for guilds · 0 servers · 0 reconnects',
            '`7` ready · 1 server · 1 reconnect · 38 ms',
          ].join('\n'),
        },
      ]);
      expect(reply.ephemeral).toBe(true);
    });

    it('says "shard" for one, and cuts a long list to the field limit with a count of the rest', () => {
      const one = renderStatus(LOADED, null, { count: 2, shards: [shard(1)] });
      expect(one.embeds?.[0]?.fields?.[0]?.value.split('\n')[0]).toBe('This process runs shard 1 of 2');
      const many = renderStatus(LOADED, null, {
        count: 64,
        shards: Array.from({ length: 64 }, (_, i) => shard(i)),
      });
      const value = many.embeds?.[0]?.fields?.[0]?.value ?? '';
      expect(value.length).toBeLessThanOrEqual(1024);
      expect(value.split('\n')[0]).toBe('This process runs shards 0-63 of 64');
      expect(value).toMatch(/\n…and \d+ more$/);
    });
  });
});
