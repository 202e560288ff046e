import { initNodeBackend } from '../src/backend/node';

await initNodeBackend();
