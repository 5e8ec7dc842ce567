import type { APIEmbed } from 'discord.js';
import { displayWidth } from './format.js';
import type { Reply } from './reply.js';
import { PHONE_WIDTH } from './table.js';

/** Discord's documented caps on a message; lengths are UTF-16 units, which never undercount. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  actionRows: 5,
  rowComponents: 5,
  customId: 100,
  buttonLabel: 80,
} as const;

/** Characters Discord counts towards the 6000 shared by all embeds of a message. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Lines inside ``` fences, which Discord does not wrap nicely: a wide line scrolls sideways on a phone. */
export function codeBlockLines(text: string): string[] {
  const lines: string[] = [];
  let inside = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) {
      inside = !inside;
      continue;
    }
    if (inside) lines.push(line);
  }
  return lines;
}

interface Check {
  out: string[];
  /** The phone width is our own rule, not a reason for Discord to refuse a message. */
  phoneWidth: boolean;
}

function checkText(where: string, text: string | undefined, max: number, { out, phoneWidth }: Check): void {
  if (text === undefined) return;
  if (text.length > max) out.push(`${where} is ${text.length} characters (max ${max})`);
  if (!phoneWidth) return;
  for (const line of codeBlockLines(text)) {
    const width = displayWidth(line);
    if (width > PHONE_WIDTH) out.push(`${where} has a code line ${width} wide (max ${PHONE_WIDTH}): ${line}`);
  }
}

function checkEmbed(embed: APIEmbed, where: string, check: Check): void {
  const { out } = check;
  checkText(`${where}.title`, embed.title, LIMITS.title, check);
  checkText(`${where}.description`, embed.description, LIMITS.description, check);
  checkText(`${where}.footer`, embed.footer?.text, LIMITS.footer, check);
  checkText(`${where}.author`, embed.author?.name, LIMITS.author, check);
  const fields = embed.fields ?? [];
  if (fields.length > LIMITS.fields) out.push(`${where} has ${fields.length} fields (max ${LIMITS.fields})`);
  fields.forEach((field, i) => {
    // Discord rejects an empty field name or value outright.
    if (field.name.trim() === '') out.push(`${where}.fields[${i}].name is empty`);
    if (field.value.trim() === '') out.push(`${where}.fields[${i}].value is empty`);
    checkText(`${where}.fields[${i}].name`, field.name, LIMITS.fieldName, check);
    checkText(`${where}.fields[${i}].value`, field.value, LIMITS.fieldValue, check);
  });
}

/**
 * Every way `reply` breaks Discord's limits or (unless `phoneWidth` is false) the phone width of a code
 * block; empty when it is fine.
 */
export function checkReplyLimits(
  reply: Reply,
  { phoneWidth = true }: { phoneWidth?: boolean } = {},
): string[] {
  const out: string[] = [];
  const check: Check = { out, phoneWidth };
  checkText('content', reply.content, LIMITS.content, check);
  const embeds = reply.embeds ?? [];
  if (embeds.length > LIMITS.embeds) out.push(`${embeds.length} embeds (max ${LIMITS.embeds})`);
  embeds.forEach((embed, i) => checkEmbed(embed, `embeds[${i}]`, check));
  const total = embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  if (total > LIMITS.embedTotal) out.push(`embeds total ${total} characters (max ${LIMITS.embedTotal})`);
  if ((reply.content ?? '').trim() === '' && embeds.length === 0 && (reply.files ?? []).length === 0) {
    out.push('the reply is empty');
  }

  const rows = reply.components ?? [];
  if (rows.length > LIMITS.actionRows) out.push(`${rows.length} action rows (max ${LIMITS.actionRows})`);
  const ids = new Set<string>();
  rows.forEach((row, r) => {
    if (row.components.length > LIMITS.rowComponents) {
      out.push(`components[${r}] has ${row.components.length} components (max ${LIMITS.rowComponents})`);
    }
    row.components.forEach((component, c) => {
      const where = `components[${r}][${c}]`;
      if (
        'label' in component &&
        component.label !== undefined &&
        component.label.length > LIMITS.buttonLabel
      ) {
        out.push(`${where}.label is ${component.label.length} characters (max ${LIMITS.buttonLabel})`);
      }
      if (!('custom_id' in component)) return;
      const id = component.custom_id;
      if (id.length > LIMITS.customId)
        out.push(`${where}.custom_id is ${id.length} characters (max 100): ${id}`);
      // Two components with one custom_id make Discord reject the whole message.
      if (ids.has(id)) out.push(`${where}.custom_id ${id} is used twice`);
      ids.add(id);
    });
  });
  return out;
}
