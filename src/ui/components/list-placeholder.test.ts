import { describe, expect, it } from 'vitest';
import { ISOLATION_SETTINGS } from '../../engine/config/isolation';
import { listPlaceholder } from './list-placeholder';

describe('listPlaceholder', () => {
  it('says what an empty list means in plain words, with no glyph that fonts may lack', () => {
    const text = listPlaceholder(ISOLATION_SETTINGS.clipPerTask);
    expect(text).toMatch(/^empty: not set/);
    expect(text).toMatch(/^[\x20-\x7e]+$/);
  });
});
