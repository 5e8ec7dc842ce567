import type { DataStore } from '../load/store.js';
import type { Context } from './command.js';

/** The Context every host hands the core: each request reads the dataset as it is at that moment. */
export function storeContext(store: DataStore): Context {
  return {
    get data() {
      return store.data;
    },
    status: () => store.status(),
    reload: () => store.reload(),
  };
}
