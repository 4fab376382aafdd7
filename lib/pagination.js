'use strict';
// Auto-pagination over offset pages: `for await` over every item, `.pages()` for one page
// at a time, and `.toArray({ max })`, which needs an explicit cap and refuses to truncate
// silently. Nothing is fetched until iteration starts.

const v = require('./validate');
const { WachtError, invalidArgument } = require('./errors');

const DEFAULT_PAGE_SIZE = 100;
const MAX_TO_ARRAY = 100000;

class AutoPager {
  #fetchPage;
  #pageSize;
  #offset;

  /** @param fetchPage (limit, offset) => Promise<PaginatedResponse> */
  constructor(fetchPage, options) {
    this.#fetchPage = fetchPage;
    this.#pageSize = options.limit ?? DEFAULT_PAGE_SIZE;
    this.#offset = options.offset ?? 0;
  }

  async *pages() {
    let offset = this.#offset;
    for (;;) {
      const page = await this.#fetchPage(this.#pageSize, offset);
      yield page;
      // An empty page ends the walk even if the server says there is more: no endless loop.
      if (!page.has_more || page.data.length === 0) return;
      offset += page.data.length;
    }
  }

  async *[Symbol.asyncIterator]() {
    for await (const page of this.pages()) yield* page.data;
  }

  /** Every item, or a WachtError (`too_many_items`) when there are more than `max`. */
  async toArray(options) {
    const opts = v.options('options', options);
    if (!opts || opts.max === undefined) {
      throw invalidArgument('options.max', 'toArray needs an explicit cap: toArray({ max }) (iterate with for await to stream instead)');
    }
    const max = v.integer('options.max', opts.max, 1, MAX_TO_ARRAY);
    const items = [];
    for await (const item of this) {
      if (items.length === max) {
        const error = new WachtError(`More than ${max} items: raise max, or iterate with for await instead`);
        error.code = 'too_many_items';
        throw error;
      }
      items.push(item);
    }
    return items;
  }
}

const INT32_MAX = 2 ** 31 - 1;

/** Checks the options, then builds a pager whose pages come from `list(options)`. */
function pager(list, options, requestOptions) {
  const opts = { ...(v.options('options', options) || {}) };
  v.integer('options.limit', opts.limit, 1, INT32_MAX);
  v.integer('options.offset', opts.offset, 0, Number.MAX_SAFE_INTEGER);
  return new AutoPager((limit, offset) => list({ ...opts, limit, offset }, requestOptions), opts);
}

module.exports = { AutoPager, pager, DEFAULT_PAGE_SIZE };
