/** A small least-recently-used store of rendered pictures, so a repeated reply is not drawn again. */
export interface ImageCache {
  get(key: string): Buffer | undefined;
  set(key: string, image: Buffer): void;
  /** The cached picture for the key, or the one `render` draws, which is then cached. */
  getOrRender(key: string, render: () => Buffer): Buffer;
  readonly size: number;
  clear(): void;
}

export function createImageCache(maxEntries: number): ImageCache {
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(`An image cache needs at least one entry, got ${maxEntries}`);
  }
  // A Map iterates in insertion order, so re-inserting on every hit keeps the oldest entry first.
  const entries = new Map<string, Buffer>();

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
    getOrRender(key, render) {
      const cached = get(key);
      if (cached !== undefined) return cached;
      const image = render();
      set(key, image);
      return image;
    },
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
  };
}
