import { describe, expect, it } from 'vitest';
import { advance, backendLine } from './study-progress';
import type { StudyView } from './study-store';

describe('study progress', () => {
  it('names the backend, and how many workers train side by side when more than one', () => {
    expect(backendLine('WASM')).toBe('WASM');
    expect(backendLine('WASM', 1)).toBe('WASM');
    expect(backendLine('WASM', 3)).toBe('WASM, 3 workers in parallel');
    const view = { total: null, backend: null } as unknown as StudyView;
    const started = advance(view, {
      type: 'started',
      studyId: 's',
      total: 15,
      backend: 'wasm',
      label: 'WASM',
      lanes: 2,
    });
    expect(started).toMatchObject({ total: 15, backend: 'WASM, 2 workers in parallel' });
  });
});
