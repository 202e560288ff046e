import { initNodeBackend } from '../src/backend/node';

// The unit tests run on tfjs's plain-JS cpu backend; the lesson checks (vitest.lessons.config.ts) on WASM,
// the CLI's default, where a check trains several times faster.
await initNodeBackend(process.env.MTL_TEST_BACKEND === 'wasm' ? 'wasm' : 'cpu');
