// A worker thread cannot load .ts files by itself: register tsx's loaders in it (as the `tsx` command does
// for the main thread), then load the study helper (study-thread.ts). thread-lanes.ts starts this file.
import { register as registerCjs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';

registerCjs();
registerEsm();
await import('./study-thread.ts');
