import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIEmbed } from 'discord.js';
import type { Reply, ReplyFile } from '../../render/reply.js';

/** How a reply is shown: colour or plain, and the clock and zone timestamps are read against. */
export interface RenderOptions {
  color: boolean;
  /** "Now" for relative timestamps (`<t:…:R>`). */
  now?: Date;
  timeZone?: string;
  locale?: string;
  /** Where each attached file was saved, by its name in the reply. */
  pictures?: ReadonlyMap<string, string>;
}

/** A button of a reply, numbered from 1 across all rows in reading order. */
export interface ConsoleButton {
  index: number;
  label: string;
  customId: string | null;
  url: string | null;
  disabled: boolean;
}

interface Paint {
  bold(text: string): string;
  italic(text: string): string;
  underline(text: string): string;
  strike(text: string): string;
  dim(text: string): string;
  code(text: string): string;
  bar(color: number | undefined): string;
}

const ESC = '\u001b[';
// Bold and dim share one reset code (22), so an inner reset re-opens the outer one.
const weight = (open: number) => (text: string) =>
  `${ESC}${open}m${text.replaceAll(`${ESC}22m`, `${ESC}22;${open}m`)}${ESC}22m`;
const sgr = (open: number, close: number) => (text: string) => `${ESC}${open}m${text}${ESC}${close}m`;

const ANSI: Paint = {
  bold: weight(1),
  dim: weight(2),
  italic: sgr(3, 23),
  underline: sgr(4, 24),
  strike: sgr(9, 29),
  code: sgr(36, 39),
  bar: (color) =>
    color === undefined
      ? `${ESC}2m▌${ESC}22m `
      : `${ESC}38;2;${(color >> 16) & 255};${(color >> 8) & 255};${color & 255}m▌${ESC}39m `,
};

const identity = (text: string) => text;
const PLAIN: Paint = {
  bold: identity,
  dim: identity,
  italic: identity,
  underline: identity,
  strike: identity,
  code: (text) => `\`${text}\``,
  bar: () => '',
};

// Article text reaches the terminal: an escape character in a name must not drive the terminal.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\uE000\uE001]/g;
const HELD = /\uE000(\d+)\uE001/g;
const TIMESTAMP = /<t:(?<unix>-?\d{1,13})(?::(?<style>[tTdDfFR]))?>/g;
const CUSTOM_EMOJI = /<a?:(?<name>\w+):\d+>/g;
const LINK = /\[(?<label>[^\]\n]+)\]\(<?(?<url>https?:\/\/[^\s)>]+)>?\)/g;
const FENCE = '```';

function clean(text: string): string {
  return text.replace(CONTROL, '');
}

const DATE_STYLES: Record<string, Intl.DateTimeFormatOptions> = {
  t: { timeStyle: 'short' },
  T: { timeStyle: 'medium' },
  d: { dateStyle: 'short' },
  D: { dateStyle: 'long' },
  f: { dateStyle: 'long', timeStyle: 'short' },
  F: { dateStyle: 'full', timeStyle: 'short' },
};

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/** A Discord timestamp as the reader's clock shows it: local date-time, or "in 3 days" for `R`. */
export function formatTimestamp(
  unix: number,
  style: string,
  options: Omit<RenderOptions, 'color'> = {},
): string {
  if (style === 'R') {
    const seconds = unix - Math.round((options.now ?? new Date()).getTime() / 1000);
    const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
    return new Intl.RelativeTimeFormat(options.locale, { numeric: 'always' }).format(
      Math.round(seconds / size),
      unit,
    );
  }
  const format = { ...(DATE_STYLES[style] ?? DATE_STYLES.f), timeZone: options.timeZone };
  return new Intl.DateTimeFormat(options.locale, format).format(new Date(unix * 1000));
}

/** One line of Discord inline markdown: escapes, code spans, timestamps, links, bold, italics, strike. */
function renderInline(text: string, paint: Paint, options: RenderOptions): string {
  const held: string[] = [];
  const hold = (value: string) => `\uE000${held.push(value) - 1}\uE001`;
  let out = text
    .replace(/\\([!-/:-@[-`{-~])/g, (_, char: string) => hold(char))
    .replace(/``(.+?)``|`([^`]+)`/g, (_, double: string | undefined, single: string | undefined) =>
      hold(paint.code(double ?? single ?? '')),
    )
    .replace(TIMESTAMP, (_, unix: string, style: string | undefined) =>
      hold(formatTimestamp(Number(unix), style ?? 'f', options)),
    )
    .replace(CUSTOM_EMOJI, (_, name: string) => `:${name}:`)
    .replace(LINK, (_, label: string, url: string) => `${paint.underline(label)} ${paint.dim(`<${url}>`)}`)
    .replace(/\*\*(.+?)\*\*/g, (_, inner: string) => paint.bold(inner))
    .replace(/__(.+?)__/g, (_, inner: string) => paint.underline(inner))
    .replace(/(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, (_, inner: string) => paint.italic(inner))
    .replace(/(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)/g, (_, inner: string) => paint.italic(inner))
    .replace(/~~(.+?)~~/g, (_, inner: string) => paint.strike(inner))
    .replace(/\|\|(.+?)\|\|/g, (_, inner: string) => paint.dim(inner));
  // A code span can hold an escape, so restore twice.
  for (let pass = 0; pass < 2; pass++) out = out.replace(HELD, (_, i: string) => held[Number(i)] ?? '');
  return out;
}

/** Discord markdown for a terminal, line by line; code blocks keep their layout behind a border. */
function renderMarkdown(text: string, paint: Paint, options: RenderOptions): string[] {
  const lines: string[] = [];
  const codeLine = (line: string) => lines.push(`${paint.dim('│')} ${line}`);
  let inCode = false;
  for (const line of clean(text).split('\n')) {
    if (inCode) {
      const close = line.indexOf(FENCE);
      if (close < 0) {
        codeLine(line);
        continue;
      }
      if (close > 0) codeLine(line.slice(0, close));
      inCode = false;
      const rest = line.slice(close + FENCE.length);
      if (rest.trim() !== '') lines.push(renderInline(rest, paint, options));
      continue;
    }
    if (line.startsWith(FENCE)) {
      const rest = line.slice(FENCE.length);
      const close = rest.indexOf(FENCE);
      if (close >= 0) codeLine(rest.slice(0, close));
      else {
        inCode = true;
        // A lone word after the fence names the language; anything else is the first line of code.
        if (!/^\w*\s*$/.test(rest)) codeLine(rest);
      }
      continue;
    }
    const subtext = /^-# (.*)$/.exec(line);
    const heading = /^#{1,3} (.*)$/.exec(line);
    const quote = /^>{1,3} ?(.*)$/.exec(line);
    const bullet = /^(\s*)[-*] (.*)$/.exec(line);
    if (subtext) lines.push(paint.dim(renderInline(subtext[1] ?? '', paint, options)));
    else if (heading) lines.push(paint.bold(renderInline(heading[1] ?? '', paint, options)));
    else if (quote) lines.push(`${paint.dim('▎')} ${renderInline(quote[1] ?? '', paint, options)}`);
    else if (bullet) lines.push(`${bullet[1] ?? ''}• ${renderInline(bullet[2] ?? '', paint, options)}`);
    else lines.push(renderInline(line, paint, options));
  }
  return lines;
}

function pictureLine(url: string, paint: Paint, options: RenderOptions): string {
  const name = url.startsWith('attachment://') ? url.slice('attachment://'.length) : null;
  if (name === null) return `${paint.dim('picture:')} ${clean(url)}`;
  const saved = options.pictures?.get(name);
  return `${paint.dim('picture:')} ${saved ?? `${clean(name)} (not saved)`}`;
}

function renderEmbed(embed: APIEmbed, paint: Paint, options: RenderOptions): string[] {
  const sections: string[][] = [];
  const head: string[] = [];
  if (embed.author?.name) head.push(paint.dim(clean(embed.author.name)));
  if (embed.title) head.push(paint.bold(renderInline(clean(embed.title), paint, options)));
  if (embed.url) head.push(paint.dim(clean(embed.url)));
  if (embed.description) head.push(...renderMarkdown(embed.description, paint, options));
  sections.push(head);
  let inlineRun: string[] | null = null;
  for (const field of embed.fields ?? []) {
    const name = paint.bold(renderInline(clean(field.name), paint, options));
    const value = renderMarkdown(field.value, paint, options);
    if (field.inline && value.length === 1) {
      if (!inlineRun) sections.push((inlineRun = []));
      inlineRun.push(`${name}: ${value[0] ?? ''}`);
      continue;
    }
    inlineRun = null;
    sections.push([name, ...value]);
  }
  sections.push(
    [embed.image?.url, embed.thumbnail?.url].flatMap((u) => (u ? [pictureLine(u, paint, options)] : [])),
  );
  const footer = [
    embed.footer?.text && clean(embed.footer.text),
    embed.timestamp && formatTimestamp(Date.parse(embed.timestamp) / 1000, 'f', options),
  ];
  sections.push(footer.filter((t): t is string => Boolean(t)).map((t) => paint.dim(t)));
  const bar = paint.bar(embed.color);
  return sections
    .filter((s) => s.length > 0)
    .flatMap((s, i) => (i === 0 ? s : ['', ...s]))
    .map((line) => `${bar}${line}`.trimEnd());
}

/** Every button of a reply in reading order, numbered from 1; a press names its number. */
export function listButtons(reply: Reply): ConsoleButton[] {
  const buttons: ConsoleButton[] = [];
  for (const row of reply.components ?? []) {
    for (const component of row.components) {
      if (component.type !== ComponentType.Button) continue;
      const parts = [
        component.style === ButtonStyle.Premium ? null : component.emoji?.name,
        'label' in component ? component.label : null,
      ];
      buttons.push({
        index: buttons.length + 1,
        label: clean(parts.filter(Boolean).join(' ')),
        customId: 'custom_id' in component ? component.custom_id : null,
        url: 'url' in component ? component.url : null,
        disabled: component.disabled ?? false,
      });
    }
  }
  return buttons;
}

function renderButtons(reply: Reply, paint: Paint): string[] {
  const buttons = listButtons(reply);
  return (reply.components ?? []).flatMap((row) => {
    const shown = row.components.flatMap((component) => {
      if (component.type !== ComponentType.Button) {
        const placeholder = 'placeholder' in component ? component.placeholder : undefined;
        return [paint.dim(`[▾ ${clean(placeholder ?? 'choose')}]`)];
      }
      const button = buttons.shift();
      if (!button) return [];
      if (button.url !== null) return [`[${button.label} ↗ ${clean(button.url)}]`];
      return [
        button.disabled
          ? paint.dim(`[${button.label}]`)
          : `${button.index} ${paint.bold(`[${button.label}]`)}`,
      ];
    });
    return shown.length > 0 ? [shown.join('  ')] : [];
  });
}

/** A reply as terminal text: content, embeds with a colour bar, pictures, buttons, and who can see it. */
export function renderReply(reply: Reply, options: RenderOptions): string {
  const paint = options.color ? ANSI : PLAIN;
  const blocks: string[][] = [];
  if (reply.content) blocks.push(renderMarkdown(reply.content, paint, options));
  for (const embed of reply.embeds ?? []) blocks.push(renderEmbed(embed, paint, options));
  const shown = new Set(
    (reply.embeds ?? [])
      .flatMap((e) => [e.image?.url, e.thumbnail?.url])
      .filter((u): u is string => Boolean(u)),
  );
  const loose = (reply.files ?? []).filter((f) => !shown.has(`attachment://${f.name}`));
  if (loose.length > 0) blocks.push(loose.map((f) => pictureLine(`attachment://${f.name}`, paint, options)));
  const buttons = renderButtons(reply, paint);
  if (buttons.length > 0) blocks.push(buttons);
  const lines = blocks.flatMap((block, i) => (i === 0 ? block : ['', ...block]));
  if (reply.ephemeral) lines.push(paint.dim('(only you can see this)'));
  return lines.join('\n');
}

/** Whether to colour a stream: FORCE_COLOR decides when set, else NO_COLOR turns colour off, else only a TTY. */
export function shouldColor(
  stream: { isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR !== undefined || env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

function shownPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere.startsWith('..') || isAbsolute(fromHere) ? path : fromHere;
}

async function writeAll(files: readonly ReplyFile[], dir: string): Promise<Map<string, string>> {
  await mkdir(dir, { recursive: true });
  const saved = new Map<string, string>();
  for (const file of files) {
    const path = resolve(dir, basename(file.name).replace(/[^\w.-]/g, '-'));
    await writeFile(path, file.data);
    saved.set(file.name, shownPath(path));
  }
  return saved;
}

/** Writes a reply's pictures to `dir` (the OS temp folder when that cannot be written); name -> path shown. */
export async function savePictures(files: readonly ReplyFile[], dir = 'out'): Promise<Map<string, string>> {
  if (files.length === 0) return new Map();
  try {
    return await writeAll(files, dir);
  } catch {
    return writeAll(files, join(tmpdir(), 'skate-console'));
  }
}
