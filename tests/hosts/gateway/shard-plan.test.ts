import { Client } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/config.js';
import {
  MAX_SHARD_COUNT,
  ShardPlanError,
  forgetShardEnv,
  formatShardIds,
  parseShardIds,
  parseShardPlan,
  shardClientOptions,
} from '../../../src/hosts/gateway/shard-plan.js';

describe('hosts/gateway/shard-plan', () => {
  describe('parseShardIds', () => {
    it.each([
      { text: '0', ids: [0] },
      { text: '0-3', ids: [0, 1, 2, 3] },
      { text: '4,5,6,7', ids: [4, 5, 6, 7] },
      { text: ' 4 , 5 ,6 ', ids: [4, 5, 6] },
      { text: '7,4,6,5', ids: [4, 5, 6, 7] },
      { text: '0-1,8-9', ids: [0, 1, 8, 9] },
      { text: '3 - 5', ids: [3, 4, 5] },
      { text: '2-2', ids: [2] },
      { text: '10,0-2', ids: [0, 1, 2, 10] },
    ])('reads "$text"', ({ text, ids }) => {
      expect(parseShardIds(text)).toStrictEqual(ids);
    });

    it('accepts every id below the count and the count-1 edge', () => {
      expect(parseShardIds('0-15', 16)).toHaveLength(16);
      expect(parseShardIds('15', 16)).toStrictEqual([15]);
    });

    it.each([
      { text: '', count: undefined, message: 'SHARD_IDS has an empty item' },
      { text: '0,,1', count: undefined, message: 'SHARD_IDS has an empty item' },
      { text: '0,', count: undefined, message: 'SHARD_IDS has an empty item' },
      { text: 'a', count: undefined, message: 'SHARD_IDS item "a" is neither a shard number nor a range' },
      { text: '-1', count: undefined, message: 'SHARD_IDS item "-1" is neither a shard number nor a range' },
      {
        text: '1.5',
        count: undefined,
        message: 'SHARD_IDS item "1.5" is neither a shard number nor a range',
      },
      { text: '0-3-5', count: undefined, message: 'SHARD_IDS item "0-3-5" is neither' },
      { text: '0..3', count: undefined, message: 'SHARD_IDS item "0..3" is neither' },
      { text: '[0,1]', count: undefined, message: 'SHARD_IDS item "[0" is neither' },
      { text: '5-2', count: undefined, message: 'SHARD_IDS has the range 5-2 backwards; write 2-5' },
      { text: '1,1', count: undefined, message: 'SHARD_IDS names shard 1 twice' },
      { text: '0-3,2', count: undefined, message: 'SHARD_IDS names shard 2 twice' },
      { text: '0-2,1-4', count: undefined, message: 'SHARD_IDS names shard 1 twice' },
      { text: '4', count: 4, message: 'SHARD_IDS names shard 4, but with SHARD_COUNT=4 the shards are 0-3' },
      {
        text: '0-7',
        count: 4,
        message: 'SHARD_IDS names shard 7, but with SHARD_COUNT=4 the shards are 0-3',
      },
      { text: '0-99999999', count: undefined, message: `goes beyond ${MAX_SHARD_COUNT - 1}` },
    ])('rejects "$text" (count $count): $message', ({ text, count, message }) => {
      expect(() => parseShardIds(text, count)).toThrow(ShardPlanError);
      expect(() => parseShardIds(text, count)).toThrow(message);
    });
  });

  describe('parseShardPlan', () => {
    it('is auto when neither variable is set, or both are blank (a copied .env.example)', () => {
      expect(parseShardPlan({})).toStrictEqual({ kind: 'auto' });
      expect(parseShardPlan({ SHARD_COUNT: '', SHARD_IDS: ' ' })).toStrictEqual({ kind: 'auto' });
    });

    it('runs the listed shards of the given count', () => {
      expect(parseShardPlan({ SHARD_COUNT: '8', SHARD_IDS: '4-7' })).toStrictEqual({
        kind: 'fixed',
        count: 8,
        ids: [4, 5, 6, 7],
      });
    });

    it.each([
      {
        env: { SHARD_COUNT: '4' },
        message:
          'SHARD_IDS is required with SHARD_COUNT: the shards this process runs, e.g. 0-3 for all of them',
      },
      {
        env: { SHARD_COUNT: '1' },
        message:
          'SHARD_IDS is required with SHARD_COUNT: the shards this process runs, e.g. 0 for all of them',
      },
      {
        env: { SHARD_IDS: '0-1' },
        message: 'SHARD_COUNT is required with SHARD_IDS: the number of shards of the whole bot',
      },
      {
        env: { SHARD_COUNT: '0', SHARD_IDS: '0' },
        message: `SHARD_COUNT must be a whole number from 1 to ${MAX_SHARD_COUNT}`,
      },
      { env: { SHARD_COUNT: 'two', SHARD_IDS: '0' }, message: 'SHARD_COUNT must be a whole number' },
      { env: { SHARD_COUNT: '2.5', SHARD_IDS: '0' }, message: 'SHARD_COUNT must be a whole number' },
      {
        env: { SHARD_COUNT: '2', SHARD_IDS: '1-2' },
        message: 'SHARD_IDS names shard 2, but with SHARD_COUNT=2 the shards are 0-1',
      },
    ])('rejects $env', ({ env, message }) => {
      expect(() => parseShardPlan(env)).toThrow(message);
    });
  });

  describe('shardClientOptions', () => {
    it("leaves the count to Discord by default, else names the ids and the bot's total", () => {
      expect(shardClientOptions({ kind: 'auto' })).toStrictEqual({ shards: 'auto' });
      expect(shardClientOptions({ kind: 'fixed', count: 4, ids: [2, 3] })).toStrictEqual({
        shards: [2, 3],
        shardCount: 4,
      });
    });
  });

  describe('formatShardIds', () => {
    it.each([
      { ids: [0], text: '0' },
      { ids: [0, 1, 2, 3], text: '0-3' },
      { ids: [4, 6, 7, 9], text: '4, 6-7, 9' },
      { ids: [], text: '' },
    ])('writes $ids as "$text"', ({ ids, text }) => {
      expect(formatShardIds(ids)).toBe(text);
      if (ids.length > 0) expect(parseShardIds(text.replace(/ /g, ''))).toStrictEqual(ids);
    });
  });
});

describe('config SHARD_COUNT and SHARD_IDS', () => {
  const problems = (env: Record<string, string>): string[] => {
    try {
      parseConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it('gives the plan as SHARDS', () => {
    expect(parseConfig({}).SHARDS).toStrictEqual({ kind: 'auto' });
    expect(parseConfig({ SHARD_COUNT: '2', SHARD_IDS: '1' }).SHARDS).toStrictEqual({
      kind: 'fixed',
      count: 2,
      ids: [1],
    });
  });

  it('names the variable in each problem, listed beside problems with other variables', () => {
    expect(problems({ SHARD_COUNT: '2', SHARD_IDS: '0,2' })).toStrictEqual([
      'SHARD_IDS names shard 2, but with SHARD_COUNT=2 the shards are 0-1',
    ]);
    expect(problems({ SHARD_COUNT: '2' })).toStrictEqual([
      'SHARD_IDS is required with SHARD_COUNT: the shards this process runs, e.g. 0-1 for all of them',
    ]);
    expect(problems({ SHARD_IDS: '0', LOG_LEVEL: 'loud' })).toStrictEqual([
      expect.stringMatching(/^LOG_LEVEL /),
      'SHARD_COUNT is required with SHARD_IDS: the number of shards of the whole bot',
    ]);
  });
});

describe('forgetShardEnv', () => {
  it('keeps discord.js from reading a blank SHARD_COUNT (a copied .env.example) as 0 and refusing to start', () => {
    const env: Record<string, string | undefined> = { SHARD_COUNT: '', SHARDS: '[0]', OTHER: 'x' };
    const make = () => new Client({ intents: [], ...shardClientOptions({ kind: 'auto' }) });
    const saved = { SHARD_COUNT: process.env.SHARD_COUNT, SHARDS: process.env.SHARDS };
    try {
      process.env.SHARD_COUNT = '';
      expect(make).toThrow('The shardCount option must be a number greater than or equal to 1');
      forgetShardEnv(process.env);
      expect(make().options.shards).toBe('auto');
    } finally {
      for (const [key, value] of Object.entries(saved))
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
    }
    forgetShardEnv(env);
    expect(env).toStrictEqual({ OTHER: 'x' });
  });
});
