// Preloaded (`node --import`) into every bot process the e2e tests start. Its stdin is a pipe from the
// test process; when that closes (the test process died, even by SIGKILL, or ended without stopping it),
// the bot is sent SIGTERM and shuts down as it would for an operator, so no orphan outlives the tests.
// Plain JavaScript: it runs before anything that could compile TypeScript.
import process from 'node:process';
import { setTimeout } from 'node:timers';
import { isMainThread } from 'node:worker_threads';

// Worker threads inherit the preload; only the process's own thread holds the pipe.
if (isMainThread) {
  process.stdin.on('end', () => {
    process.kill(process.pid, 'SIGTERM');
    // A bot that does not stop on SIGTERM is stopped anyway.
    setTimeout(() => process.exit(1), 10_000).unref();
  });
  process.stdin.resume();
  // The pipe alone must not keep a bot alive that would otherwise exit.
  process.stdin.unref();
}
