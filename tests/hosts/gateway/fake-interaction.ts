import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import type { Interaction } from 'discord.js';
import type { Logger } from 'pino';
import { createApp } from '../../../src/app/app.js';
import type { AppOptions } from '../../../src/app/app.js';
import { createInteractionHandler } from '../../../src/hosts/gateway/interactions.js';
import { createPictures } from '../../../src/pictures/service.js';
import type { Pictures } from '../../../src/pictures/service.js';

export type Method =
  'reply' | 'deferReply' | 'deferUpdate' | 'editReply' | 'followUp' | 'deleteReply' | 'respond' | 'update';
// prettier-ignore
const METHODS: Method[] = [
  'reply', 'deferReply', 'deferUpdate', 'editReply', 'followUp', 'deleteReply', 'respond', 'update',
];

export interface Call {
  method: Method;
  payload: unknown;
  /** Milliseconds since the interaction was dispatched. */
  ms: number;
}

export interface FakeOptions {
  kind?: 'command' | 'autocomplete' | 'button';
  name?: string;
  customId?: string;
  options?: Record<string, string | number | null>;
  focused?: { name: string; value: string };
  /** true: Manage Server; false: a member; null: no member (a DM). */
  admin?: boolean | null;
  /** Methods whose call rejects, as an expired interaction's would. */
  failing?: Method[];
  id?: string;
  /** A button's message: made by the command interaction `madeBy` (its interaction metadata). */
  message?: { id: string; madeBy?: string };
}

/** A discord.js interaction reduced to what the dispatcher uses, recording every call it makes. */
export function fakeInteraction(opts: FakeOptions = {}) {
  const { kind = 'command', name = 'echo', admin = false, failing = [] } = opts;
  const calls: Call[] = [];
  const started = performance.now();
  const values = opts.options ?? {};
  const state = { deferred: false, replied: false };
  const record = (method: Method) => async (payload?: unknown) => {
    calls.push({ method, payload, ms: performance.now() - started });
    await Promise.resolve();
    // discord.js's DiscordAPIError for an interaction past its 3 s (or 15 min) window.
    if (failing.includes(method)) throw Object.assign(new Error('Unknown interaction'), { code: 10062 });
    if (method === 'deferReply' || method === 'deferUpdate') state.deferred = true;
    if (method === 'reply') state.replied = true;
  };
  const interaction = {
    id: opts.id ?? 'interaction-1',
    ...(opts.message
      ? {
          message: {
            id: opts.message.id,
            interactionMetadata: opts.message.madeBy ? { id: opts.message.madeBy } : null,
          },
        }
      : {}),
    type: kind === 'autocomplete' ? 4 : kind === 'button' ? 3 : 2,
    commandName: name,
    customId: opts.customId ?? `${name}:1`,
    user: { id: '100000000000000001' },
    memberPermissions:
      admin === null ? null : new PermissionsBitField(admin ? PermissionFlagsBits.ManageGuild : 0n),
    get deferred() {
      return state.deferred;
    },
    get replied() {
      return state.replied;
    },
    options: {
      getString: (key: string) => (typeof values[key] === 'string' ? values[key] : null),
      getInteger: (key: string) => (typeof values[key] === 'number' ? values[key] : null),
      getFocused: () => opts.focused ?? { name: 'text', value: '' },
    },
    isChatInputCommand: () => kind === 'command',
    isAutocomplete: () => kind === 'autocomplete',
    isButton: () => kind === 'button',
    ...Object.fromEntries(METHODS.map((method) => [method, record(method)])),
  };
  return { interaction: interaction as unknown as Interaction, calls };
}

/** The gateway host on the core, as client.ts builds it; `pictures` stands in for the drawing service. */
export function gatewayDispatch(
  options: Omit<AppOptions, 'pictures'> & { pictures?: Pick<Pictures, 'cached' | 'draw'> },
): (interaction: Interaction) => Promise<void> {
  const pictures = options.pictures ?? createPictures();
  const app = createApp({ ...options, pictures });
  return createInteractionHandler({ app, pictures, logger: options.logger as Logger }).dispatch;
}
