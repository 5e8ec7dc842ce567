// `--check` through the bundle `npm start` runs: load, validate, report, exit. It is also the only place
// the snapshot round trip runs in the layout users run, where the parser's code is spread over chunks.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN, ROOT, SEEDS_DIR, ensureBuilt } from './bot-process.js';

const work = mkdtempSync(join(tmpdir(), 'skate-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(() => ensureBuilt(), 120_000);

function check(seedsDir: string, snapshotDir: string) {
  const run = spawnSync(process.execPath, [MAIN, '--check'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, SEEDS_DIR: seedsDir, SNAPSHOT_DIR: snapshotDir, DISCORD_TOKEN: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const READY = 'ready: 3 events, 88 skaters from 3 files';

describe('node dist/bundle/main.js --check', () => {
  it('loads the seeds, writes a snapshot, then starts from it with the same result', () => {
    const snapshots = join(work, 'cache');
    const first = check(SEEDS_DIR, snapshots);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain(READY);
    expect(first.stdout).toContain('11 commands');
    const written = readdirSync(snapshots).filter((f) => f.endsWith('.json'));
    expect(written).toHaveLength(1);

    const second = check(SEEDS_DIR, snapshots);
    expect(second).toStrictEqual(first);
    expect(readdirSync(snapshots).filter((f) => f.endsWith('.json'))).toStrictEqual(written);
  });

  it('exits 1 and names the file and line when an article cannot be read', () => {
    const seeds = join(work, 'broken-seeds');
    cpSync(SEEDS_DIR, seeds, { recursive: true });
    writeFileSync(join(seeds, 'broken.txt'), 'Not a title line\n');
    const run = check(seeds, 'off');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.txt:1:1: /);
    expect(run.stdout).toContain(READY.replace('3 files', '4 files'));
  });
});
