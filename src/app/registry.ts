import { readdir } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandModule } from './command.js';

/**
 * commands/ two levels up: beside src/ in the source tree and in dist/ (tsc's output), and the project's
 * own commands/ for the bundle in dist/bundle/, whose file names are the keys the bundler gave them.
 */
export const COMMANDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'commands');

function isCommandModule(value: unknown): value is CommandModule {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<CommandModule>;
  return (
    typeof m.execute === 'function' && typeof m.data?.toJSON === 'function' && typeof m.data.name === 'string'
  );
}

/** Loads every command file; a file without `data` and `execute` is a programming error and stops start-up. */
export async function loadCommands(): Promise<Map<string, CommandModule>> {
  const files = (await readdir(COMMANDS_DIR))
    .filter((f) => ['.js', '.ts'].includes(extname(f)) && !f.endsWith('.d.ts') && !f.endsWith('.map'))
    .sort();
  const commands = new Map<string, CommandModule>();
  for (const file of files) {
    // A literal path pattern, not a URL built from COMMANDS_DIR: esbuild (npm run build) sees the pattern and
    // bundles every file of commands/, and unbundled it still names the compiled file in dist/ or, under
    // tsx and vitest, the source.
    const module = (await import(`../../commands/${file}`)) as { default?: unknown };
    if (!isCommandModule(module.default))
      throw new Error(`commands/${file} must default-export { data, execute }`);
    const name = module.default.data.name;
    if (`${name}${extname(file)}` !== file)
      throw new Error(`commands/${file} defines /${name}; the file must be named ${name}`);
    commands.set(name, module.default);
  }
  return commands;
}
