import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import type { Logger } from '../src/logger.js';
import { loadCommands } from '../src/app/registry.js';
import { ConfigError, parseConfig } from '../src/config.js';
import { DataStore } from '../src/load/store.js';
import { SEEDS_DIR } from './commands/factory.js';
import { fakeInteraction, gatewayDispatch } from './hosts/gateway/fake-interaction.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Shaped like a real bot token (base64 id . timestamp . HMAC); the HMAC part is what must never leak.
const TOKEN = 'MTQ0NTQ1NjE4MjkzNzk4NzI3Mg.GxYz12.Zk9vQmFyQmF6UXV4LXNlY3JldC1obWFjLXBhcnQ';
const SECRET = TOKEN.split('.').at(-1)!;
const CLIENT_ID = '1445456182937987272';

const temp = mkdtempSync(join(tmpdir(), 'skate-secrets-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A logger as main.ts makes it, writing to a file instead of stdout; `read` returns what it wrote. */
function capturedLogger(name: string): { logger: Logger; read: () => string } {
  const file = join(temp, `${name}.log`);
  const fd = openSync(file, 'w');
  const logger = createLogger('debug', [TOKEN], fd);
  return {
    logger,
    read: () => {
      logger.flush();
      closeSync(fd);
      return readFileSync(file, 'utf8');
    },
  };
}

/** What main.ts, client.ts and the dispatcher log, and what discord.js's errors look like. */
function logRealisticShapes(logger: Logger): number {
  const apiError = Object.assign(new Error(`401: Unauthorized (Bot ${TOKEN})`), {
    name: 'DiscordAPIError[0]',
    url: 'https://discord.com/api/v10/users/@me',
    requestBody: { json: { token: TOKEN } },
    rawError: { message: `token ${TOKEN} is invalid` },
  });
  logger.info(`logging in with ${TOKEN}`);
  logger.info({ token: TOKEN, DISCORD_TOKEN: TOKEN }, 'config');
  logger.info({ config: { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID } }, 'nested config');
  logger.info({ headers: { authorization: `Bot ${TOKEN}` } }, 'request');
  logger.warn({ a: { b: { c: { note: `see ${TOKEN}` } } } }, 'three levels down');
  logger.warn({ list: [TOKEN, { token: TOKEN }, [`x ${TOKEN}`]] }, 'arrays');
  logger.error({ err: apiError, command: 'podium' }, 'handler failed');
  logger.error({ err: new Error('outer', { cause: new Error(`inner ${TOKEN}`) }) }, 'with a cause');
  logger.error(apiError);
  logger.error(apiError, `while using ${TOKEN}`);
  logger.info('printf %s %o %j', TOKEN, { token: TOKEN }, { t: TOKEN });
  return 11;
}

describe('secrets', () => {
  describe('createLogger', () => {
    it('writes no token in messages, fields, nested objects, arrays, errors or printf arguments', () => {
      const { logger, read } = capturedLogger('realistic');
      const lines = logRealisticShapes(logger);
      const output = read();
      // The lines were written (the test would pass on an empty file otherwise), each redacted.
      expect(output.trim().split('\n')).toHaveLength(lines);
      expect(output).toContain('[redacted]');
      expect(output).not.toContain(SECRET);
    });

    it('still writes what is not secret', () => {
      const { logger, read } = capturedLogger('plain');
      logger.info({ clientId: CLIENT_ID, command: 'podium' }, 'answered');
      const [line] = read().trim().split('\n');
      expect(JSON.parse(line!)).toMatchObject({ clientId: CLIENT_ID, command: 'podium', msg: 'answered' });
    });

    // Shapes that scrubbing the arguments (the first version) missed; scrubbing the written line covers them.
    it.each([
      [
        'inside an object six levels down',
        (l: Logger) => l.info({ a: { b: { c: { d: { e: { f: TOKEN } } } } } }),
      ],
      ['in a child logger binding', (l: Logger) => l.child({ user: TOKEN }).info('child')],
      ['as an object key', (l: Logger) => l.info({ [TOKEN]: 1 })],
      ['as its HMAC part alone', (l: Logger) => l.info(`signature ${SECRET}`)],
      [
        'in an error cause two levels down',
        (l: Logger) =>
          l.error({ err: new Error('a', { cause: new Error('b', { cause: new Error(TOKEN) }) }) }),
      ],
    ])('writes no token %s', (name, log) => {
      const { logger, read } = capturedLogger(`gap-${name.replace(/\W+/g, '-')}`);
      log(logger);
      const output = read();
      expect(output.trim().split('\n')).toHaveLength(1);
      expect(output).toContain('[redacted]');
      expect(output).not.toContain(SECRET);
    });
  });

  describe('parseConfig', () => {
    const VARIABLES = configVariables();

    it.each(VARIABLES)('never echoes a token given as %s', (variable) => {
      const env = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID, [variable]: `${TOKEN}!` };
      let message = '';
      try {
        parseConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        message = (error as ConfigError).message;
      }
      expect(message).not.toContain(SECRET);
    });

    it.each([
      ['too short', SECRET.slice(0, 20), 'DISCORD_TOKEN looks too short for a bot token'],
      ['with a character no token has', `${TOKEN}"`, 'DISCORD_TOKEN has characters a bot token never has'],
    ])('says what is wrong with a token %s, without the token', (_, token, problem) => {
      expect(() => parseConfig({ DISCORD_TOKEN: token, DISCORD_CLIENT_ID: CLIENT_ID })).toThrow(
        new ConfigError([problem]),
      );
    });
  });

  describe('replies and logs of a running dispatcher', () => {
    it('never carry the token, even when a handler fails with it in the error', async () => {
      process.env.DISCORD_TOKEN = TOKEN;
      try {
        const { logger, read } = capturedLogger('dispatcher');
        const store = await DataStore.open(SEEDS_DIR);
        const commands = await loadCommands();
        const context = {
          get data() {
            return store.data;
          },
          status: () => store.status(),
          reload: () => store.reload(),
        };
        // One extra command whose handler fails with the token in its message, as a failed REST call would.
        commands.set('leaky', {
          data: { name: 'leaky', toJSON: () => ({ name: 'leaky', description: 'x' }) },
          execute: () => {
            throw new Error(`401 Unauthorized: Bot ${TOKEN}`);
          },
        });
        const dispatch = gatewayDispatch({ commands, context, logger });
        const runs = [...commands.keys()].map((name) =>
          fakeInteraction({
            name,
            admin: true,
            options: { event: 'mass-start-men', name: 'Sun Long', query: 'Bergsma', round: 'final' },
          }),
        );
        await Promise.all(runs.map(({ interaction }) => dispatch(interaction)));
        const replies = JSON.stringify(runs.flatMap(({ calls }) => calls.map((c) => c.payload)));
        const logs = read();
        expect(runs.every(({ calls }) => calls.length > 0)).toBe(true);
        expect(logs).toContain('401 Unauthorized: Bot [redacted]');
        expect(replies).not.toContain(SECRET);
        expect(logs).not.toContain(SECRET);
      } finally {
        delete process.env.DISCORD_TOKEN;
      }
    });
  });

  describe('the repository', () => {
    it('ignores .env: git check-ignore says so, from .gitignore', () => {
      expect(readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('.env');
      const out = execFileSync('git', ['check-ignore', '--verbose', '--no-index', '.env'], { cwd: ROOT });
      expect(out.toString()).toMatch(/^\.gitignore:\d+:\.env\t\.env\n$/);
    });

    it('.env.example lists every variable of src/config.ts, each with a comment and no value', () => {
      const lines = readFileSync(join(ROOT, '.env.example'), 'utf8').split('\n');
      const assignments = lines.flatMap((line, i) => (/^\s*#/.test(line) || !line.includes('=') ? [] : [i]));
      expect(assignments.map((i) => lines[i]!.split('=')[0])).toStrictEqual(configVariables());
      for (const i of assignments) {
        expect(lines[i]).toMatch(/^[A-Z][A-Z0-9_]*=$/);
        expect(lines[i - 1]).toMatch(/^# \S/);
      }
    });
  });
});

/** The variables the Env schema of src/config.ts reads, in its order. */
function configVariables(): string[] {
  const source = readFileSync(join(ROOT, 'src', 'config.ts'), 'utf8');
  const schema = source.slice(source.indexOf('const Env = z'), source.indexOf('.superRefine('));
  const names = [...schema.matchAll(/^ {4}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!);
  // Guards the extraction itself: the schema has had these from the start.
  expect(names).toContain('DISCORD_TOKEN');
  expect(names).toContain('SEEDS_DIR');
  return names;
}
