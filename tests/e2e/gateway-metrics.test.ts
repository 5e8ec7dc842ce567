// The gateway host's /metrics and /healthz on METRICS_PORT: the built bot against the stand-in's gateway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotProcess, ensureBuilt } from './bot-process.js';
import { DiscordStandin } from './standin.js';

let standin: DiscordStandin;
let bot: BotProcess;
let base: string;

beforeAll(async () => {
  ensureBuilt();
  standin = await DiscordStandin.start();
  bot = BotProcess.start(standin, { env: { METRICS_PORT: '0', LISTEN_HOST: '127.0.0.1' } });
  await bot.ready();
  const line = await bot.waitForLog((l) => l.msg === 'metrics listening');
  base = `http://127.0.0.1:${Number(line['port'])}`;
}, 60_000);

afterAll(async () => {
  await bot?.kill();
  await standin?.close();
});

describe('the gateway host on METRICS_PORT', () => {
  it('is healthy while connected and counts what it answered', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await standin.sendCommand({ name: 'athlete', options: [{ name: 'name', value: 'Sun Long' }] }).response();
    await standin.sendCommand({ name: 'podium', options: [{ name: 'event', value: 'curling' }] }).response();
    await standin
      .sendAutocomplete({ name: 'athlete', options: [{ name: 'name', value: 'sun', focused: true }] })
      .response();
    const text = await (await fetch(`${base}/metrics`)).text();
    for (const series of [
      'bot_interactions_total{kind="command",command="athlete",outcome="reply"} 1',
      'bot_interactions_total{kind="command",command="podium",outcome="user_error"} 1',
      'bot_interactions_total{kind="autocomplete",command="athlete",outcome="choices"} 1',
      'bot_first_answer_seconds_count{kind="command"} 2',
      'bot_articles_loaded 3',
      'bot_shard_state{shard="0",state="ready"} 1',
    ])
      expect(text.split('\n')).toContain(series);
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
    expect((await bot.stop('SIGTERM')).code).toBe(0);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    standin.assertNoUnexpected();
  }, 30_000);
});
