import { createImageCache } from './cache.js';
import { createDrawer } from './drawer.js';
import type { Drawer, DrawerLog } from './drawer.js';
import type { PictureJob } from './requests.js';

/** Pictures drawn for messages: a small cache in front of the worker pool. Hosts call it; the core peeks. */
export interface Pictures {
  /** The picture for a key, when drawn before. */
  cached(key: string): Buffer | undefined;
  /**
   * The picture a job asks for: from the cache, or drawn (once, however many ask meanwhile). Never
   * rejects: a failure is logged and gives null, since the message stands without its picture.
   */
  draw(job: PictureJob): Promise<Buffer | null>;
  /**
   * Waits up to `graceMs` for the pictures being drawn, then stops the workers (on shutdown); what is
   * still being drawn then gives null, which is not an error.
   */
  stop(graceMs?: number): Promise<void>;
}

export interface PicturesOptions {
  log?: DrawerLog;
  /** Pictures kept; each is a PNG of some 50-150 KB. */
  maxEntries?: number;
  drawer?: Drawer;
}

/** The time a picture still being drawn at shutdown is given to finish; a draw takes some 10-30 ms. */
export const STOP_GRACE_MS = 1_000;

export function createPictures({ log, maxEntries = 64, drawer }: PicturesOptions = {}): Pictures {
  const cache = createImageCache(maxEntries);
  const pool = drawer ?? createDrawer(log);
  const drawing = new Set<Promise<unknown>>();
  let stopping = false;

  return {
    cached: (key) => cache.get(key),
    draw(job) {
      const made = cache.getOrDraw(job.key, () => pool.draw(job.request));
      drawing.add(made);
      const done = () => drawing.delete(made);
      made.then(done, done);
      return made.catch((error: unknown) => {
        if (!stopping) log?.error({ err: error, picture: job.name }, 'picture not drawn');
        return null;
      });
    },
    async stop(graceMs = STOP_GRACE_MS) {
      stopping = true;
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([Promise.allSettled([...drawing]), grace]);
      clearTimeout(timer);
      await pool.stop();
    },
  };
}
