// Module load time in a fresh process: `require('../index.js')` (this package) or
// `import('wacht-backend-official')` (ESM-only). Prints { which, ms }.
//   node bench/loadtime.mjs native|native-esm|official
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';

const which = process.argv[2];
const require = createRequire(import.meta.url);
const t = performance.now();
if (which === 'native') require('../index.js');
else if (which === 'native-esm') await import('../index.mjs');
else if (which === 'official') await import('wacht-backend-official');
else throw new Error(`unknown ${which}`);
const ms = performance.now() - t;
process.stdout.write(JSON.stringify({ which, ms }) + '\n');
