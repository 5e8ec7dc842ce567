import { ApplicationCommandOptionType } from 'discord.js';
import type { APIApplicationCommandOption } from 'discord.js';
import { UserError } from '../../app/command.js';
import type { CommandModule, OptionReader } from '../../app/command.js';

/** One option of a command, as its `data.toJSON()` defines it. */
export interface OptionSpec {
  name: string;
  description: string;
  kind: 'string' | 'integer' | 'number' | 'other';
  required: boolean;
  autocomplete: boolean;
  choices: Array<{ name: string; value: string | number }>;
  min: number | null;
  max: number | null;
  maxLength: number | null;
}

export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
}

export type OptionValue = string | number;

/** A typed line resolved against its command: the command name and each option given. */
export interface ParsedLine {
  command: string;
  values: Record<string, OptionValue>;
}

/** One `name:value` of a line, and where its value starts. */
export interface LineSegment {
  option: OptionSpec;
  value: string;
  valueStart: number;
}

/** What a line says before it is validated; used for completion while the line is half typed. */
export interface SplitLine {
  commandName: string;
  /** Where the text after the command name begins. */
  argsStart: number;
  spec: CommandSpec | undefined;
  segments: LineSegment[];
  /** Text before the first option, which names no option. */
  leading: string;
}

const COMMAND = /^\s*\/?(?<name>[^\s/]*)/;
const OPTION_TOKEN = /^(?<name>[A-Za-z][\w-]*):(?!\/\/)/;
const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”' };

function kindOf(type: ApplicationCommandOptionType): OptionSpec['kind'] {
  if (type === ApplicationCommandOptionType.String) return 'string';
  if (type === ApplicationCommandOptionType.Integer) return 'integer';
  if (type === ApplicationCommandOptionType.Number) return 'number';
  return 'other';
}

function optionSpec(option: APIApplicationCommandOption): OptionSpec {
  const o = option as Partial<{
    required: boolean;
    autocomplete: boolean;
    choices: Array<{ name: string; value: string | number }>;
    min_value: number;
    max_value: number;
    max_length: number;
  }>;
  return {
    name: option.name,
    description: option.description,
    kind: kindOf(option.type),
    required: o.required ?? false,
    autocomplete: o.autocomplete ?? false,
    choices: o.choices ?? [],
    min: o.min_value ?? null,
    max: o.max_value ?? null,
    maxLength: o.max_length ?? null,
  };
}

/** The command's name and options from its slash-command definition, so any command module works. */
export function commandSpec(module: Pick<CommandModule, 'data'>): CommandSpec {
  const json = module.data.toJSON();
  return { name: json.name, description: json.description, options: (json.options ?? []).map(optionSpec) };
}

export function commandSpecs(
  commands: ReadonlyMap<string, Pick<CommandModule, 'data'>>,
): Map<string, CommandSpec> {
  return new Map([...commands.values()].map((m) => commandSpec(m)).map((s) => [s.name, s]));
}

/** `/heat event:… round:… [n:…]` */
export function usage(spec: CommandSpec): string {
  const options = spec.options.map((o) => (o.required ? `${o.name}:…` : `[${o.name}:…]`));
  return [`/${spec.name}`, ...options].join(' ');
}

function findOption(spec: CommandSpec, name: string): OptionSpec | undefined {
  const lower = name.toLowerCase();
  return spec.options.find((o) => o.name === lower);
}

function optionList(spec: CommandSpec): string {
  return spec.options.length === 0 ? `\`/${spec.name}\` takes no options.` : `Usage: \`${usage(spec)}\``;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The names close to `typed` (a shared prefix or a few typos), closest first; all of them when none is close. */
function closest(typed: string, names: readonly string[]): string[] {
  const score = (name: string) =>
    name.startsWith(typed) || typed.startsWith(name) ? 0 : editDistance(typed, name);
  const near = names.filter((n) => score(n) <= Math.max(2, Math.floor(typed.length / 3)));
  return [...(near.length > 0 ? near : names)].sort((a, b) => score(a) - score(b) || a.localeCompare(b));
}

/**
 * Splits a line into its command and `name:value` segments. A value runs until the next
 * `<known option>:` unless it is quoted. With `strict`, an unknown `word:` or text before the first
 * option is a UserError; without, the line is read as far as it makes sense (for completion).
 */
export function splitLine(line: string, specs: ReadonlyMap<string, CommandSpec>, strict = false): SplitLine {
  const head = COMMAND.exec(line);
  const commandName = (head?.groups?.name ?? '').toLowerCase();
  const argsStart = head?.[0].length ?? 0;
  const spec = specs.get(commandName);
  const result: SplitLine = { commandName, argsStart, spec, segments: [], leading: '' };
  if (!spec) return result;

  /** The option a token at `at` names, if `at` starts a word; unknown names throw when strict. */
  const optionAt = (at: number): { option: OptionSpec; length: number } | null => {
    if (at > 0 && !/\s/.test(line[at - 1] ?? '')) return null;
    const token = OPTION_TOKEN.exec(line.slice(at));
    if (!token?.groups?.name) return null;
    const option = findOption(spec, token.groups.name);
    if (option) return { option, length: token[0].length };
    if (strict) {
      throw new UserError(
        `\`/${spec.name}\` has no option \`${token.groups.name}\`. ${optionList(spec)}\nA value with a colon in it goes in quotes.`,
        closest(
          token.groups.name.toLowerCase(),
          spec.options.map((o) => o.name),
        ).map((n) => `\`${n}:\``),
      );
    }
    return null;
  };

  /** The first position from `from` where an option starts, or the end of the line. */
  const nextOption = (from: number): number => {
    let at = from;
    while (at < line.length && !optionAt(at)) at++;
    return at;
  };

  let pos = nextOption(argsStart);
  result.leading = line.slice(argsStart, pos).trim();
  if (result.leading !== '' && strict) {
    throw new UserError(
      `Options are typed as \`name:value\`, so \`${result.leading}\` is not understood. ${optionList(spec)}`,
    );
  }
  while (pos < line.length) {
    const found = optionAt(pos);
    if (!found) break;
    let valueStart = pos + found.length;
    while (line[valueStart] === ' ') valueStart++;
    const close = QUOTES[line[valueStart] ?? ''];
    const end = close === undefined ? -1 : line.indexOf(close, valueStart + 1);
    // A lone apostrophe starts names like 't Hooft; only double quotes must be closed.
    if (close !== undefined && close !== "'" && end < 0 && strict) {
      throw new UserError(`The value of \`${found.option.name}\` has no closing quote (${close}).`);
    }
    if (end >= 0) {
      result.segments.push({
        option: found.option,
        value: line.slice(valueStart + 1, end),
        valueStart,
      });
      pos = nextOption(end + 1);
      if (line.slice(end + 1, pos).trim() !== '' && strict) {
        throw new UserError(`Only a space may follow the closing quote of \`${found.option.name}\`.`);
      }
      continue;
    }
    pos = nextOption(valueStart);
    const raw = line.slice(valueStart, pos);
    result.segments.push({
      option: found.option,
      value: strict ? raw.trim() : raw,
      valueStart,
    });
  }
  return result;
}

function checkValue(option: OptionSpec, text: string): OptionValue {
  if (option.choices.length > 0) {
    const lower = text.toLowerCase();
    const choice = option.choices.find(
      (c) => String(c.value).toLowerCase() === lower || c.name.toLowerCase() === lower,
    );
    if (!choice) {
      throw new UserError(
        `\`${option.name}\` must be one of the listed choices.`,
        option.choices.map((c) => `\`${String(c.value)}\` — ${c.name}`),
      );
    }
    return choice.value;
  }
  if (option.kind === 'integer' || option.kind === 'number') {
    const number = option.kind === 'integer' ? (/^[+-]?\d+$/.test(text) ? Number(text) : NaN) : Number(text);
    if (!Number.isFinite(number)) {
      throw new UserError(
        `\`${option.name}\` must be a ${option.kind === 'integer' ? 'whole number' : 'number'}, not \`${text}\`.`,
      );
    }
    if ((option.min !== null && number < option.min) || (option.max !== null && number > option.max)) {
      const range = [
        option.min === null ? '' : `at least ${option.min}`,
        option.max === null ? '' : `at most ${option.max}`,
      ];
      throw new UserError(`\`${option.name}\` must be ${range.filter(Boolean).join(' and ')}.`);
    }
    return number;
  }
  if (option.maxLength !== null && text.length > option.maxLength) {
    throw new UserError(`\`${option.name}\` takes at most ${option.maxLength} characters.`);
  }
  return text;
}

/**
 * Parses a typed line like `/heat event:1000m round:quarterfinal n:3` against the commands' option
 * definitions, checking what Discord's client would check before sending: known command, known
 * options, required options present, numbers, ranges and choices.
 */
export function parseLine(line: string, specs: ReadonlyMap<string, CommandSpec>): ParsedLine {
  const split = splitLine(line, specs, true);
  const spec = split.spec;
  if (!spec) {
    const typed =
      split.commandName === '' ? 'Type a command.' : `There is no \`/${split.commandName}\` command.`;
    const names =
      split.commandName === '' ? [...specs.keys()].sort() : closest(split.commandName, [...specs.keys()]);
    throw new UserError(
      `${typed}${specs.has('help') ? ' `/help` lists them all.' : ''}`,
      names.map((n) => `\`/${n}\` — ${specs.get(n)?.description ?? ''}`),
    );
  }
  const values: Record<string, OptionValue> = {};
  for (const { option, value } of split.segments) {
    if (option.name in values) throw new UserError(`\`${option.name}\` is given twice.`);
    if (value === '') throw new UserError(`Give a value after \`${option.name}:\`.`);
    values[option.name] = checkValue(option, value);
  }
  const missing = spec.options.filter((o) => o.required && !(o.name in values));
  if (missing.length > 0) {
    const needs = missing.map((o) => `\`${o.name}\` (${o.description})`).join(' and ');
    throw new UserError(`\`/${spec.name}\` needs ${needs}.\nUsage: \`${usage(spec)}\``);
  }
  return { command: spec.name, values };
}

/** The options of a parsed line in the shape handlers read; values of the wrong type read as absent. */
export function optionReader(values: Readonly<Record<string, OptionValue>>): OptionReader {
  return {
    getString: (name) => {
      const value = values[name];
      return typeof value === 'string' ? value : null;
    },
    getInteger: (name) => {
      const value = values[name];
      return typeof value === 'number' && Number.isInteger(value) ? value : null;
    },
  };
}
