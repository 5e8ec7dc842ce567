import { once } from 'node:events';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  REST,
  Routes,
  SlashCommandBuilder,
} from 'discord.js';
import type { ClientOptions, Interaction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DiscordStandin, guildIdForShard, shardOf } from './standin.js';
import type { StandinOptions } from './standin.js';

let standin: DiscordStandin | undefined;
let client: Client | undefined;
let handlerErrors: unknown[] = [];

/** A stand-in bot: just enough handlers to exercise every kind of answer. */
async function handleInteraction(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = interaction.options.getFocused();
    await interaction.respond([{ name: `round ${typed}`, value: Number(typed) }]);
    return;
  }
  if (interaction.isButton()) {
    await interaction.update({ content: `clicked ${interaction.customId}`, components: [] });
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  switch (interaction.commandName) {
    case 'ping': {
      const channel =
        interaction.channel && 'name' in interaction.channel ? `#${interaction.channel.name}` : 'no channel';
      const again = new ButtonBuilder().setCustomId('again').setLabel('Again').setStyle(ButtonStyle.Primary);
      await interaction.reply({
        content: `pong in ${interaction.guild?.name ?? 'DM'}/${channel}`,
        components: [new ActionRowBuilder<ButtonBuilder>().addComponents(again)],
      });
      return;
    }
    case 'slow': {
      await interaction.deferReply();
      const edited = await interaction.editReply({
        embeds: [new EmbedBuilder().setTitle('Heat 1').setDescription('Results')],
      });
      await interaction.followUp({
        content: `edited ${edited.embeds[0]?.title}`,
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    case 'file': {
      const table = new AttachmentBuilder(Buffer.from('rank,name\n1,Ada\n'), { name: 'table.csv' });
      await interaction.reply({ content: 'table attached', files: [table] });
      return;
    }
    case 'fetch': {
      const response = await interaction.reply({ content: 'with response', withResponse: true });
      await interaction.followUp(`resource said ${response.resource?.message?.content}`);
      return;
    }
    case 'round':
      await interaction.reply(`round ${interaction.options.getInteger('number', true)}`);
      return;
    case 'tidy': {
      await interaction.reply('first');
      const original = await interaction.fetchReply();
      const followUp = await interaction.followUp(`after ${original.content}`);
      await interaction.editReply({ message: followUp, content: 'second, edited' });
      await interaction.deleteReply();
      return;
    }
    default:
      // Left unanswered on purpose, for the error tests.
      return;
  }
}

async function boot(
  options?: StandinOptions,
  clientOptions: Partial<ClientOptions> = {},
): Promise<{ standin: DiscordStandin; client: Client }> {
  const server = await DiscordStandin.start(options);
  standin = server;
  const bot = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: { api: server.apiBase },
    // The default throttler holds a second IDENTIFY 5-6.5 s after the first; Discord needs that, a test does not.
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }) },
    ...clientOptions,
  });
  client = bot;
  bot.on(Events.InteractionCreate, (interaction) => {
    handleInteraction(interaction).catch((error: unknown) => handlerErrors.push(error));
  });
  const ready = once(bot, Events.ClientReady);
  await bot.login(server.token);
  await ready;
  return { standin: server, client: bot };
}

async function expectPong(server: DiscordStandin): Promise<void> {
  const response = await server.sendCommand({ name: 'ping' }).response();
  expect(response.type).toBe(4);
  expect(response.data?.['content']).toBe('pong in Stand-in Guild/#general');
}

afterEach(async () => {
  const errors = handlerErrors;
  handlerErrors = [];
  await client?.destroy();
  await standin?.close();
  client = undefined;
  const server = standin;
  standin = undefined;
  server?.assertNoUnexpected();
  expect(errors).toStrictEqual([]);
});

describe('DiscordStandin', () => {
  describe('login', () => {
    it('logs the real client in and fills its caches from READY and GUILD_CREATE', async () => {
      const { standin, client } = await boot();
      expect(client.user?.id).toBe(standin.botUserId);
      expect(client.application?.id).toBe(standin.applicationId);
      const guild = client.guilds.cache.get(standin.guildId);
      expect(guild?.name).toBe('Stand-in Guild');
      expect(guild?.members.me?.id).toBe(standin.botUserId);
      expect(standin.identifyCount).toBe(1);
      expect(standin.connections[0]?.query).toStrictEqual({ v: '10', encoding: 'json' });
      const gatewayBot = standin.requests[0];
      expect([gatewayBot?.method, gatewayBot?.path]).toStrictEqual(['GET', '/gateway/bot']);
      expect(gatewayBot?.headers.authorization).toBe(`Bot ${standin.token}`);
      const sequences = standin.gateway.flatMap((frame) => (frame.payload.op === 0 ? [frame.payload.s] : []));
      expect(sequences).toStrictEqual([1, 2]);
    });
  });

  describe('interactions', () => {
    it('delivers a command and records the reply', async () => {
      const { standin } = await boot();
      const handle = standin.sendCommand({ name: 'ping' });
      const response = await handle.response();
      expect(response.type).toBe(4);
      expect(response.data?.['content']).toBe('pong in Stand-in Guild/#general');
      expect(response.request.query).toStrictEqual({ with_response: 'false' });
      expect(handle.message()?.components).toHaveLength(1);
      expect(handle.message()?.interaction_metadata?.id).toBe(handle.id);
    });

    it('records a deferral, the edit of @original and an ephemeral follow-up', async () => {
      const { standin } = await boot();
      const handle = standin.sendCommand({ name: 'slow' });
      expect((await handle.response()).type).toBe(5);
      const edit = await handle.waitForEdit();
      expect([edit.method, edit.path]).toStrictEqual([
        'PATCH',
        `/webhooks/${standin.applicationId}/${handle.token}/messages/@original`,
      ]);
      const followUp = await handle.waitForEdit({ count: 2 });
      expect([followUp.method, followUp.query]).toStrictEqual(['POST', { wait: 'true' }]);
      expect(followUp.body).toMatchObject({ content: 'edited Heat 1', flags: MessageFlags.Ephemeral });
      const original = handle.message();
      expect(original?.embeds[0]?.title).toBe('Heat 1');
      expect(original?.flags).toBe(0);
      expect(original?.edited_timestamp).toBeNull();
    });

    it('sends the focused autocomplete value as a string, even for an integer option', async () => {
      const { standin } = await boot();
      const handle = standin.sendAutocomplete({
        name: 'round',
        options: [{ name: 'number', type: 4, value: 5, focused: true }],
      });
      expect(handle.payload['data']).toMatchObject({
        options: [{ name: 'number', type: 4, value: '5', focused: true }],
      });
      const response = await handle.response();
      expect(response.type).toBe(8);
      expect(response.data).toStrictEqual({ choices: [{ name: 'round 5', value: 5 }] });
      expect(response.request.query).toStrictEqual({});
    });

    it('passes an integer option through as a number', async () => {
      const { standin } = await boot();
      const response = await standin
        .sendCommand({ name: 'round', options: [{ name: 'number', value: 3 }] })
        .response();
      expect(response.data?.['content']).toBe('round 3');
    });

    it('updates the message a button sits on', async () => {
      const { standin } = await boot();
      const reply = standin.sendCommand({ name: 'ping' });
      await reply.response();
      const messageId = reply.message()!.id;
      const click = standin.sendButton({ customId: 'again' });
      expect((click.payload['message'] as { id: string }).id).toBe(messageId);
      const response = await click.response();
      expect(response.type).toBe(7);
      expect(standin.storedMessage(messageId)).toMatchObject({ content: 'clicked again', components: [] });
    });

    it('parses an attached file out of the multipart body', async () => {
      const { standin } = await boot();
      const handle = standin.sendCommand({ name: 'file' });
      const response = await handle.response();
      expect(response.request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(response.data?.['content']).toBe('table attached');
      expect(
        response.files.map(({ field, name, data }) => ({ field, name, text: data.toString() })),
      ).toStrictEqual([{ field: 'files[0]', name: 'table.csv', text: 'rank,name\n1,Ada\n' }]);
      expect(handle.message()?.attachments.map((attachment) => attachment.filename)).toStrictEqual([
        'table.csv',
      ]);
    });

    it('answers a DM command, which has a top-level user and no member', async () => {
      const { standin } = await boot();
      const handle = standin.sendCommand({ name: 'ping', guild: false });
      expect(handle.payload).toMatchObject({ user: { id: standin.userId }, context: 1 });
      expect(handle.payload).not.toHaveProperty('member');
      expect((await handle.response()).data?.['content']).toBe('pong in DM/no channel');
    });

    it('fetches the reply, edits a follow-up by id and deletes the reply', async () => {
      const { standin } = await boot();
      const handle = standin.sendCommand({ name: 'tidy' });
      const followUp = await handle.waitForEdit({ count: 2 });
      const followUpId = (followUp.response as { id: string }).id;
      const remove = await standin.waitForRequest((request) => request.method === 'DELETE');
      const webhook = `/webhooks/${standin.applicationId}/${handle.token}`;
      const calls = handle.edits().map((request) => `${request.method} ${request.path}`);
      expect(calls).toStrictEqual([`POST ${webhook}`, `PATCH ${webhook}/messages/${followUpId}`]);
      expect([remove.path, remove.status]).toStrictEqual([`${webhook}/messages/@original`, 204]);
      expect(
        standin.requests.some((request) => request.method === 'GET' && request.path === remove.path),
      ).toBe(true);
      expect(handle.message()).toBeUndefined();
      expect(standin.storedMessage(followUpId)?.content).toBe('second, edited');
    });

    it('answers 10062 to a bot that responds after the time limit', async () => {
      const { standin } = await boot({ interactionTimeoutMs: 0 });
      standin.sendCommand({ name: 'ping' });
      const late = await standin.waitForRequest((request) => request.path.endsWith('/callback'));
      expect([late.status, late.response]).toStrictEqual([
        404,
        { message: 'Unknown interaction', code: 10062 },
      ]);
      await expect.poll(() => handlerErrors).toHaveLength(1);
      expect(handlerErrors.splice(0)).toMatchObject([{ code: 10062 }]);
    });

    it('returns the callback resource when asked with_response=true', async () => {
      const { standin } = await boot();
      const handle = standin.sendCommand({ name: 'fetch' });
      expect((await handle.response()).request.query).toStrictEqual({ with_response: 'true' });
      expect((await handle.waitForEdit()).body).toMatchObject({ content: 'resource said with response' });
    });
  });

  describe('REST', () => {
    const roundCommand = (name: string) =>
      new SlashCommandBuilder()
        .setName(name)
        .setDescription('One round')
        .addIntegerOption((option) =>
          option.setName('number').setDescription('Round number').setAutocomplete(true),
        )
        .toJSON();

    it('stores a bulk overwrite, keeps ids across overwrites and routes commands by name', async () => {
      const { standin, client } = await boot();
      const rest = new REST({ api: standin.apiBase }).setToken(standin.token);
      const route = Routes.applicationGuildCommands(standin.applicationId, standin.guildId);
      const [first] = (await rest.put(route, { body: [roundCommand('round')] })) as {
        id: string;
        version: string;
      }[];
      expect(standin.commands(standin.guildId)).toMatchObject([
        { id: first?.id, application_id: standin.applicationId, guild_id: standin.guildId, name: 'round' },
      ]);
      expect(await rest.get(route)).toStrictEqual(standin.commands(standin.guildId));
      const [second] = (await rest.put(route, { body: [roundCommand('round')] })) as {
        id: string;
        version: string;
      }[];
      expect(second?.id).toBe(first?.id);
      await client.application!.commands.set([roundCommand('global-round')]);
      expect(standin.commands().map((command) => command.name)).toStrictEqual(['global-round']);
      const handle = standin.sendCommand({ name: 'round', options: [{ name: 'number', value: 2 }] });
      expect(handle.payload['data']).toMatchObject({ id: first?.id, guild_id: standin.guildId });
      expect((await handle.response()).data?.['content']).toBe('round 2');
    });

    it('rejects an invalid command with 50035 Invalid Form Body', async () => {
      const { standin, client } = await boot();
      const route = Routes.applicationCommands(standin.applicationId);
      const error = await client.rest
        .put(route, { body: [{ name: 'Bad Name', description: '' }] })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DiscordAPIError);
      expect(error).toMatchObject({ code: 50035, status: 400 });
      expect((error as DiscordAPIError).message).toMatch(/0\.name\[APPLICATION_COMMAND_INVALID_NAME\]/);
    });

    it('answers a second acknowledgement with 40060', async () => {
      const { standin, client } = await boot();
      const handle = standin.sendCommand({ name: 'ping' });
      await handle.response();
      const again = client.rest.post(Routes.interactionCallback(handle.id, handle.token), {
        body: { type: 4, data: { content: 'again' } },
        auth: false,
      });
      await expect(again).rejects.toMatchObject({ code: 40060, status: 400 });
    });

    it('answers an unknown or expired interaction with 10062 and a wrong webhook with 10015', async () => {
      const { standin, client } = await boot();
      const body = { type: 4, data: { content: 'late' } };
      const unknown = client.rest.post(Routes.interactionCallback('1', 'nope'), { body, auth: false });
      await expect(unknown).rejects.toMatchObject({ code: 10062, status: 404 });
      const handle = standin.sendCommand({ name: 'unanswered' });
      handle.expire();
      const expired = client.rest.post(Routes.interactionCallback(handle.id, handle.token), {
        body,
        auth: false,
      });
      await expect(expired).rejects.toMatchObject({ code: 10062, status: 404 });
      const webhook = client.rest.patch(Routes.webhookMessage('999', handle.token), {
        body: {},
        auth: false,
      });
      await expect(webhook).rejects.toMatchObject({ code: 10015, status: 404 });
    });

    it('records an unknown route as unexpected and answers 404', async () => {
      const { standin, client } = await boot();
      const request = client.rest.get(Routes.channelMessages(standin.channelId));
      await expect(request).rejects.toMatchObject({ status: 404 });
      expect(() => standin.assertNoUnexpected()).toThrow(
        `GET /channels/${standin.channelId}/messages -> 404`,
      );
      expect(standin.takeUnexpected()).toHaveLength(1);
    });
  });

  describe('gateway faults', () => {
    it.each([
      { fault: 'a dropped socket', inject: (s: DiscordStandin) => s.closeSocket(), kind: 'resumed' },
      { fault: 'close code 4000', inject: (s: DiscordStandin) => s.closeSocket(4000), kind: 'resumed' },
      { fault: 'close code 1000', inject: (s: DiscordStandin) => s.closeSocket(1000), kind: 'ready' },
      { fault: 'op 7 RECONNECT', inject: (s: DiscordStandin) => s.sendReconnect(), kind: 'resumed' },
      { fault: 'op 9 resumable', inject: (s: DiscordStandin) => s.sendInvalidSession(true), kind: 'resumed' },
      {
        fault: 'op 9 not resumable',
        inject: (s: DiscordStandin) => s.sendInvalidSession(false),
        kind: 'ready',
      },
    ])('comes back after $fault ($kind) and answers the next command', async ({ inject, kind }) => {
      const { standin } = await boot();
      inject(standin);
      expect((await standin.waitForSession()).kind).toBe(kind);
      expect([standin.identifyCount, standin.resumeCount]).toStrictEqual(kind === 'ready' ? [2, 0] : [1, 1]);
      await expectPong(standin);
    });

    it('resumes after missed heartbeat ACKs (zombie connection)', async () => {
      const { standin } = await boot({ heartbeatIntervalMs: 200 });
      standin.dropHeartbeatAcks(1);
      const event = await standin.waitForSession();
      expect(event.kind).toBe('resumed');
      // discord.js closes a zombie connection itself, with its "resuming" code.
      expect(standin.connections[0]?.closeCode).toBe(4200);
      await expectPong(standin);
    });

    it('replays an interaction dispatched while the client was away', async () => {
      const { standin } = await boot();
      standin.closeSocket();
      const handle = standin.sendCommand({ name: 'ping' });
      expect((await standin.waitForSession()).kind).toBe('resumed');
      expect((await handle.response()).data?.['content']).toBe('pong in Stand-in Guild/#general');
      const delivered = standin.gateway.filter(
        (frame) => frame.direction === 'out' && frame.payload.t === 'INTERACTION_CREATE',
      );
      expect(delivered.map((frame) => frame.connection)).toStrictEqual([2]);
    });
  });

  describe('shards', () => {
    const GUILD_OF_SHARD_1 = guildIdForShard(1, 2);

    /** The shard of the connection each INTERACTION_CREATE went out on. */
    function deliveredOn(server: DiscordStandin): (number | undefined)[] {
      return server.gateway
        .filter((frame) => frame.direction === 'out' && frame.payload.t === 'INTERACTION_CREATE')
        .map((frame) => server.connections.find((record) => record.id === frame.connection)?.shard?.[0]);
    }

    it('makes guild ids that land on the shard asked for', () => {
      for (const count of [1, 2, 3, 16])
        for (let shard = 0; shard < count; shard += 1)
          expect(shardOf(guildIdForShard(shard, count, 5), count)).toBe(shard);
      // A real guild id: 197038439483310086 >> 22 = 46977624770, which is 770 mod 1000.
      expect(shardOf('197038439483310086', 1000)).toBe(770);
    });

    it("recommends its shard count; each shard identifies [id, count], gets its own guilds and its guilds' interactions", async () => {
      const guildOfShard0 = guildIdForShard(0, 2);
      const { standin, client } = await boot(
        { shardCount: 2, maxConcurrency: 2, guildId: guildOfShard0, extraGuildIds: [GUILD_OF_SHARD_1] },
        { shards: 'auto' },
      );
      expect(standin.requests[0]?.response).toMatchObject({
        shards: 2,
        session_start_limit: { max_concurrency: 2 },
      });
      expect(standin.identifies.map((record) => record.shard).sort()).toStrictEqual([
        [0, 2],
        [1, 2],
      ]);
      expect(standin.connections.map((record) => record.shard).sort()).toStrictEqual([
        [0, 2],
        [1, 2],
      ]);
      const readies = standin.gateway.filter((frame) => frame.payload.t === 'READY');
      expect(
        readies
          .map((frame) => frame.payload.d as { shard: number[]; guilds: { id: string }[] })
          .sort((a, b) => a.shard[0]! - b.shard[0]!),
      ).toMatchObject([
        { shard: [0, 2], guilds: [{ id: guildOfShard0 }] },
        { shard: [1, 2], guilds: [{ id: GUILD_OF_SHARD_1 }] },
      ]);
      expect(client.guilds.cache.get(GUILD_OF_SHARD_1)?.shardId).toBe(1);
      expect(client.guilds.cache.get(guildOfShard0)?.shardId).toBe(0);

      await expectPong(standin);
      const other = await standin.sendCommand({ name: 'ping', guildId: GUILD_OF_SHARD_1 }).response();
      expect(other.data?.['content']).toBe('pong in Stand-in Guild/#general');
      const dm = await standin.sendCommand({ name: 'ping', guild: false }).response();
      expect(dm.data?.['content']).toBe('pong in DM/no channel');
      expect(deliveredOn(standin)).toStrictEqual([0, 1, 0]);
      expect(standin.identifyLimitViolations()).toStrictEqual([]);
    });

    it.each([
      { shard: [2, 2], why: 'an id not below the count' },
      { shard: [0, 0], why: 'a count of 0' },
      { shard: [0], why: 'no count' },
    ])('closes with 4010 Invalid shard on an IDENTIFY with $why', async ({ shard }) => {
      const server = await DiscordStandin.start({ shardCount: 2 });
      standin = server;
      const socket = new WebSocket(`${server.gatewayUrl}?v=10&encoding=json`);
      // After HELLO.
      socket.once('message', () =>
        socket.send(JSON.stringify({ op: 2, d: { token: server.token, intents: 0, properties: {}, shard } })),
      );
      const [code] = (await once(socket, 'close')) as [number];
      expect(code).toBe(4010);
      expect(server.identifyCount).toBe(0);
    });

    it('refuses an interaction for a guild whose shard has no session', async () => {
      const { standin } = await boot(
        { shardCount: 2, extraGuildIds: [GUILD_OF_SHARD_1] },
        { shards: [0], shardCount: 2 },
      );
      expect(() => standin.sendCommand({ name: 'ping', guildId: GUILD_OF_SHARD_1 })).toThrow(
        `no gateway session for the shard of guild ${GUILD_OF_SHARD_1} (of 2: 1)`,
      );
    });

    it("with discord.js's own identify throttle: one identify per rate-limit key (id % max_concurrency) every 5 s, keys in parallel", async () => {
      const { standin } = await boot({ shardCount: 4, maxConcurrency: 2 }, { shards: 'auto', ws: {} });
      const at = new Map(standin.identifies.map((record) => [record.shard[0], record.at]));
      expect([...at.keys()].sort()).toStrictEqual([0, 1, 2, 3]);
      // Key 0 is shards 0 and 2, key 1 shards 1 and 3: the first of each key goes at once, the second waits.
      expect(Math.abs(at.get(0)! - at.get(1)!)).toBeLessThan(1_000);
      expect(at.get(2)! - at.get(0)!).toBeGreaterThanOrEqual(5_000);
      expect(at.get(3)! - at.get(1)!).toBeGreaterThanOrEqual(5_000);
      expect(standin.identifyLimitViolations()).toStrictEqual([]);
    });
  });
});
