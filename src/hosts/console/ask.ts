import { ConfigError, loadConfig } from '../../config.js';
import { loadCommands } from '../../app/registry.js';
import { DataStore } from '../../load/store.js';
import { shouldColor } from './render.js';
import { storeContext } from '../../app/context.js';
import { createSession } from './session.js';
import { consoleLocale } from './locale.js';

/**
 * One question, one answer: `npm run ask -- "/heat event:1000m round:quarterfinal n:3"`.
 * Exit status 0 for an answer, 1 for a mistake in the question, 2 when something else went wrong.
 */
async function ask(line: string, locale: string): Promise<number> {
  if (line.trim() === '') {
    console.error('Usage: npm run ask -- [--locale nl] "/podium event:mass-start-men"');
    return 1;
  }
  const dir = loadConfig().SEEDS_DIR;
  let store: DataStore;
  try {
    store = await DataStore.open(dir);
  } catch (error) {
    console.error(
      `Could not read the articles in ${dir}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
  const failed = store.status().files.filter((f) => f.diagnostics.some((d) => d.severity === 'error'));
  if (failed.length > 0) {
    const names = failed.map((f) => f.file).join(', ');
    console.error(
      `${failed.length} of ${store.status().files.length} seed files did not load (${names}); answering from the rest.`,
    );
  }
  const session = createSession({
    commands: await loadCommands(),
    ctx: storeContext(store),
    render: { color: shouldColor(process.stdout, process.env), locale },
    locale,
  });
  const result = await session.runLine(line);
  process.stdout.write(`${result.output}\n`);
  if (result.failed) return 2;
  if (!result.isUserError) return 0;
  console.error(
    'Hint: options are typed as name:value, e.g. /athlete name:Sun Long; /help lists the commands.',
  );
  return 1;
}

const { locale, args } = consoleLocale(process.argv.slice(2), process.env);
ask(args.join(' '), locale).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exitCode = 2;
  },
);
