/** The store contract suite, unchanged, on D1 inside workerd. */
import { reset } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { migrations } from '../../build/worker-data/migrations.js';
import { openD1Store } from '../../src/store/d1.js';
import { storeContract } from '../store/storeContract.js';

storeContract('D1 in workerd', async () => {
  // One D1 database per test file: each test starts from an empty one.
  await reset();
  return openD1Store(env.DB, migrations);
});
