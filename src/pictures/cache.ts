/** A small least-recently-used store of rendered pictures, so a repeated reply is not drawn again. */
export interface ImageCache {
  get(key: string): Buffer | undefined;
  set(key: string, image: Buffer): void;
  /**
   * The cached picture for the key, or the one `draw` makes, which is then cached. Asked again while
   * that draw is under way, it waits for the same draw instead of starting another.
   */
  getOrDraw(key: string, draw: () => Promise<Buffer>): Promise<Buffer>;
  readonly size: number;
  clear(): void;
}

export function createImageCache(maxEntries: number): ImageCache {
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(`An image cache needs at least one entry, got ${maxEntries}`);
  }
  // A Map iterates in insertion order, so re-inserting on every hit keeps the oldest entry first.
  const entries = new Map<string, Buffer>();
  const drawing = new Map<string, Promise<Buffer>>();

  function get(key: string): Buffer | undefined {
    const image = entries.get(key);
    if (image !== undefined) {
      entries.delete(key);
      entries.set(key, image);
    }
    return image;
  }

  function set(key: string, image: Buffer): void {
    entries.delete(key);
    entries.set(key, image);
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done === true) break;
      entries.delete(oldest.value);
    }
  }

  return {
    get,
    set,
    getOrDraw(key, draw) {
      const cached = get(key);
      if (cached !== undefined) return Promise.resolve(cached);
      let pending = drawing.get(key);
      if (!pending) {
        pending = draw().then((image) => {
          set(key, image);
          return image;
        });
        const forget = () => drawing.delete(key);
        pending.then(forget, forget);
        drawing.set(key, pending);
      }
      return pending;
    },
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
  };
}
