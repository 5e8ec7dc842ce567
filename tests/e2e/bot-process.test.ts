import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, pollFor } from './bot-process.js';

/** Whether a process with this id is still running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A stand-in parent (a test process) starts a long-running child as BotProcess starts the bot, prints the
// child's id, and is killed outright: the child must not outlive it.
const PARENT = `
import { spawnWithParent } from './tests/e2e/bot-process.ts';
const child = spawnWithParent(['-e', "process.on('SIGTERM', () => { console.log('stopping'); process.exit(0); }); setInterval(() => {}, 1000);"], { cwd: process.cwd(), env: process.env });
child.stdout.pipe(process.stdout);
console.log(child.pid);
`;

describe('e2e/bot-process', () => {
  describe('spawnWithParent', () => {
    it('ends the child, through its SIGTERM handler, when the parent is killed', async () => {
      const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PARENT], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      parent.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      const pid = await pollFor(
        () => (/^(\d+)$/m.exec(out) ? Number(/^(\d+)$/m.exec(out)?.[1]) : undefined),
        () => `the child's id; the parent wrote ${JSON.stringify(out)}`,
        { timeoutMs: 20_000 },
      );
      expect(alive(pid)).toBe(true);
      parent.kill('SIGKILL');
      await pollFor(
        () => (alive(pid) ? undefined : true),
        () => `child ${pid} to exit after its parent was killed`,
        { timeoutMs: 10_000 },
      );
    }, 40_000);
  });
});
