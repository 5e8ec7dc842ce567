import { fileURLToPath } from 'node:url';
import type { AutocompleteInvocation, Context, Invocation } from '../../src/app/command.js';
import { UserError } from '../../src/app/command.js';
import { loadDirectory } from '../../src/load/loader.js';
import type { ReloadReport, StatusReport } from '../../src/load/store.js';
import { Dataset } from '../../src/domain/index.js';
import { withPicture } from '../../src/app/message.js';
import { createPictures } from '../../src/pictures/service.js';
import type { Pictures } from '../../src/pictures/service.js';
import type { Reply } from '../../src/render/reply.js';
import type { Lang } from '../../src/i18n/lang.js';
import { EN } from '../../src/i18n/lang.js';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds', import.meta.url));
export const COMMANDS_DIR = fileURLToPath(new URL('../../commands', import.meta.url));

type OptionValues = Record<string, string | number | null | undefined>;

/** An invocation as the dispatcher builds it, with the options a user typed. */
export function invoke(values: OptionValues = {}, isAdmin = false, lang: Lang = EN): Invocation {
  return {
    isAdmin,
    lang,
    options: {
      getString: (name) => {
        const value = values[name];
        return value === undefined || value === null ? null : String(value);
      },
      getInteger: (name) => {
        const value = values[name];
        return typeof value === 'number' ? value : null;
      },
    },
  };
}

/** An autocomplete request: `focused` is being typed, `values` are the options already filled in. */
export function typing(focused: string, typed: string, values: OptionValues = {}): AutocompleteInvocation {
  return { ...invoke(values), focused: { name: focused, value: typed } };
}

let seeds: Promise<Dataset> | undefined;

/** The seed articles, parsed once per test file. */
export function seedDataset(): Promise<Dataset> {
  seeds ??= loadDirectory(SEEDS_DIR).then(({ articles }) => new Dataset(articles));
  return seeds;
}

/** A context over `data` whose operator controls fail loudly unless a test supplies them. */
export function contextFor(
  data: Dataset,
  controls: { status?: () => StatusReport; reload?: () => Promise<ReloadReport> } = {},
): Context {
  return {
    data,
    status:
      controls.status ??
      (() => {
        throw new Error('status() was not expected');
      }),
    reload: controls.reload ?? (() => Promise.reject(new Error('reload() was not expected'))),
  };
}

/** The UserError `run` throws, so a test can assert its message and suggestions exactly. */
export async function userErrorOf(
  run: () => unknown,
): Promise<{ message: string; suggestions: readonly string[] }> {
  try {
    await run();
  } catch (error) {
    if (error instanceof UserError) return { message: error.message, suggestions: error.suggestions };
    throw error;
  }
  throw new Error('expected a UserError, but nothing was thrown');
}

const pictures = createPictures();

/** The pictures service the helpers below draw with, shared so a picture drawn once is cached. */
export function testPictures(): Pictures {
  return pictures;
}

/** The reply as a host edits it once its picture is drawn; null when it has no picture. */
export async function drawn(reply: Reply): Promise<Reply | null> {
  const { picture, ...text } = reply;
  if (!picture) return null;
  const png = await pictures.draw(picture);
  return png ? withPicture(text, picture, png) : null;
}
