/**
 * The content hash a run records to say which data it needs: FNV-1a 64-bit (Fowler, Noll & Vo; the
 * IETF draft-eastlake-fnv) over the UTF-8 bytes of the file's text, a leading byte-order mark left out, as
 * 16 hex digits. It is incremental (a streamed file hashes chunk by chunk to the same value as its whole
 * text) and needs no crypto API, so it runs alike in a page, a worker and Node. It identifies a file, it
 * does not protect one: collisions can be made on purpose, which is fine for telling data sets apart.
 *
 * 64-bit arithmetic in four 16-bit limbs: the FNV prime is 2^40 + 0x1b3, so h·prime = h·0x1b3 + (h << 40),
 * and every partial product stays far below 2^53.
 */
export class ContentHash {
  // The offset basis 0xcbf29ce484222325, least significant limb first.
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;
  /** A high surrogate that ended the last chunk, waiting for its low half. */
  private pendingHigh = -1;
  private started = false;

  private byte(b: number): void {
    const h0 = this.h0 ^ b;
    const t0 = h0 * 0x1b3;
    const t1 = this.h1 * 0x1b3 + (t0 >>> 16);
    const t2 = this.h2 * 0x1b3 + h0 * 0x100 + (t1 >>> 16);
    const t3 = this.h3 * 0x1b3 + this.h1 * 0x100 + (t2 >>> 16);
    this.h0 = t0 & 0xffff;
    this.h1 = t1 & 0xffff;
    this.h2 = t2 & 0xffff;
    this.h3 = t3 & 0xffff;
  }

  private codePoint(cp: number): void {
    if (cp < 0x80) this.byte(cp);
    else if (cp < 0x800) {
      this.byte(0xc0 | (cp >> 6));
      this.byte(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      this.byte(0xe0 | (cp >> 12));
      this.byte(0x80 | ((cp >> 6) & 0x3f));
      this.byte(0x80 | (cp & 0x3f));
    } else {
      this.byte(0xf0 | (cp >> 18));
      this.byte(0x80 | ((cp >> 12) & 0x3f));
      this.byte(0x80 | ((cp >> 6) & 0x3f));
      this.byte(0x80 | (cp & 0x3f));
    }
  }

  /** Add the next piece of the text (UTF-8 encoded as TextEncoder would: a lone surrogate as U+FFFD). */
  update(text: string): this {
    let i = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.pendingHigh >= 0) {
        const high = this.pendingHigh;
        this.pendingHigh = -1;
        if (c >= 0xdc00 && c <= 0xdfff) {
          this.codePoint(0x10000 + ((high - 0xd800) << 10) + (c - 0xdc00));
          continue;
        }
        this.codePoint(0xfffd);
      }
      if (c >= 0xd800 && c <= 0xdbff) this.pendingHigh = c;
      else if (c >= 0xdc00 && c <= 0xdfff) this.codePoint(0xfffd);
      else if (c < 0x80) this.byte(c);
      else this.codePoint(c);
    }
    return this;
  }

  /** The 16 hex digits of the hash so far. */
  digest(): string {
    if (this.pendingHigh >= 0) {
      this.pendingHigh = -1;
      this.codePoint(0xfffd);
    }
    return [this.h3, this.h2, this.h1, this.h0].map((l) => l.toString(16).padStart(4, '0')).join('');
  }
}

/** The hash of a whole text (contentHash(text) === streamed chunks' hash). */
export const contentHash = (text: string): string => new ContentHash().update(text).digest();
