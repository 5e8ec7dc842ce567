import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npx tsx src/hosts/console/ask.ts <line>` without npm in between, in plain text whatever the test runner sets. */
function ask(line: string, env: Record<string, string> = {}): Promise<Run> {
  const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  delete base.FORCE_COLOR;
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['src/hosts/console/ask.ts', line], { cwd: ROOT, env: base });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let brokenSeeds = '';
beforeAll(async () => {
  brokenSeeds = await mkdtemp(join(tmpdir(), 'console-ask-'));
  for (const file of await readdir(join(ROOT, 'seeds')))
    await copyFile(join(ROOT, 'seeds', file), join(brokenSeeds, file));
  await writeFile(join(brokenSeeds, 'zz-broken.txt'), 'not an article\n');
});
afterAll(async () => {
  await rm(brokenSeeds, { recursive: true, force: true });
});

describe('console/ask', () => {
  it('prints one reply and exits 0', async () => {
    const run = await ask('/heat event:1000m round:quarterfinal n:3');
    expect([run.code, run.stderr]).toStrictEqual([0, '']);
    expect(run.stdout.split('\n')[0]).toBe("Short track · Men's 1000 metres · 2026 Winter Olympics");
    expect(run.stdout).toMatch(/^│ 2 Roberts Krūzbergs +1:27\.133 +\+0\.570 Q$/m);
    expect(run.stdout).not.toContain('\u001b');
  });

  it('exits 1 on a user error, with the message on stdout and a hint on stderr', async () => {
    const run = await ask('/heat event:1000m round:quarterfinal n:three');
    expect([run.code, run.stdout]).toStrictEqual([
      1,
      '`n` must be a whole number, not `three`.\n(only you can see this)\n',
    ]);
    expect(run.stderr).toMatch(/^Hint: /);
  });

  it('says in one line on stderr which files did not load, and answers from the rest', async () => {
    const run = await ask('/podium event:mass-start-men', { SEEDS_DIR: brokenSeeds });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('1 of 4 seed files did not load (zz-broken.txt); answering from the rest.\n');
    expect(run.stdout).toContain('🥇 Jorrit Bergsma 🇳🇱 NED — 68 pts');
  });

  it('exits 2 when the articles cannot be read', async () => {
    const run = await ask('/podium event:mass-start-men', { SEEDS_DIR: join(brokenSeeds, 'missing') });
    expect([run.code, run.stdout]).toStrictEqual([2, '']);
    expect(run.stderr).toMatch(/^Could not read the articles in .*missing: ENOENT/);
  });
});
