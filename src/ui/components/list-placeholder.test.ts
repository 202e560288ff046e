import { describe, expect, it } from 'vitest';
import { ISOLATION_SETTINGS } from '../../engine/config/isolation';
import { text, textList } from '../../engine/params/spec';
import { listPlaceholder } from './list-placeholder';

describe('listPlaceholder', () => {
  it('says what an empty list means in plain words, with no glyph that fonts may lack', () => {
    const text = listPlaceholder(ISOLATION_SETTINGS.clipPerTask);
    expect(text).toMatch(/^empty: not set/);
    expect(text).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('listPlaceholder for texts', () => {
  const names = (minLength: number) =>
    textList({
      label: 'Inputs',
      help: '',
      default: [],
      minItemLength: 1,
      maxItemLength: 200,
      minLength,
      maxLength: 8,
    });

  it('asks for comma-separated names, or says an empty list is allowed', () => {
    expect(listPlaceholder(names(1))).toBe('names separated by commas');
    expect(listPlaceholder(names(0))).toMatch(/^empty: not set/);
  });

  it('has none for a single text', () => {
    expect(
      listPlaceholder(text({ label: 'File', help: '', default: '', minLength: 0, maxLength: 200 })),
    ).toBeUndefined();
  });
});
