/** The content hash: FNV-1a 64 of the UTF-8 text, the same in one piece and in chunks. */
import { describe, expect, it } from 'vitest';
import { contentHash, ContentHash } from './hash';

describe('contentHash', () => {
  it('matches the FNV-1a 64-bit test vectors', () => {
    // From the FNV reference (www.isthe.com/chongo/tech/comp/fnv): "", "a", "foobar".
    expect(contentHash('')).toBe('cbf29ce484222325');
    expect(contentHash('a')).toBe('af63dc4c8601ec8c');
    expect(contentHash('foobar')).toBe('85944171f73967e8');
  });

  it('hashes the UTF-8 bytes (checked against a BigInt FNV-1a over TextEncoder bytes)', () => {
    const reference = (text: string): string => {
      let h = 0xcbf29ce484222325n;
      for (const b of new TextEncoder().encode(text))
        h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
      return h.toString(16).padStart(16, '0');
    };
    for (const text of ['é', 'Größe;Maß\n', '😀', 'a\tb\r\n1\t"2"', 'lone \ud800 surrogate'])
      expect(contentHash(text), text).toBe(reference(text));
  });

  it('gives the same value for any chunking, a surrogate pair split across chunks included', () => {
    const text = 'a,b\r\n1,"x😀y"\né,2\n';
    const whole = contentHash(text);
    for (let cut = 0; cut <= text.length; cut++) {
      expect(new ContentHash().update(text.slice(0, cut)).update(text.slice(cut)).digest()).toBe(whole);
    }
  });

  it('leaves a leading byte-order mark out (a decoder may or may not have dropped it)', () => {
    expect(contentHash('\ufeffa,b\n1,2\n')).toBe(contentHash('a,b\n1,2\n'));
    expect(new ContentHash().update('').update('\ufeffa').digest()).toBe(contentHash('a'));
  });
});
