/**
 * Seeded randomness for everything the engine draws: data, initialisation, batch sampling and stochastic
 * methods. One config seed; independent named streams (`fork`) so that, say, adding a draw to the sampler
 * does not shift the data or the initial weights.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counter), seeded through splitmix32; fast in JS and
 * passes PractRand for our purposes. Numbers are identical on every platform because only 32-bit integer
 * arithmetic is used.
 */

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a hash of a label, so that `fork('data')` and `fork('init')` give unrelated streams. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A generator's whole state, JSON-serialisable, to save and resume a run's random stream. */
export interface RngState {
  words: [number, number, number, number];
  spareNormal: number | null;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | undefined;
  /**
   * The streams forked from this one, by label (the latest fork of a label wins): a checkpoint saves the
   * whole tree's states and a resumed run, built the same way, sets each of its streams back (treeState).
   * Forks happen when a run is built or its method installed, never per step, so the tree stays small.
   */
  private readonly forks = new Map<string, Rng>();

  constructor(readonly seed: number) {
    const mix = splitmix32(seed);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    // Discard the first outputs: sfc32 mixes poorly during its first dozen steps.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** An independent stream derived from this generator's seed and a label (not from its current state). */
  fork(label: string): Rng {
    const child = new Rng((Math.imul(this.seed >>> 0, 0x9e3779b1) ^ hashLabel(label)) >>> 0);
    this.forks.set(label, child);
    return child;
  }

  /** The state of this stream and of every stream forked from it, by path ('' is this one, 'a>b' a fork of fork 'a'; no label holds '>'). */
  treeState(): Record<string, RngState> {
    const out: Record<string, RngState> = { '': this.getState() };
    for (const [label, child] of this.forks)
      for (const [path, state] of Object.entries(child.treeState()))
        out[path ? `${label}>${path}` : label] = state;
    return out;
  }

  /**
   * Set every stream of the tree that `saved` has a state for (treeState's paths); streams it lacks keep
   * theirs, saved paths with no stream here are ignored (a method installed before a live switch).
   */
  setTreeState(saved: Readonly<Record<string, RngState>>): void {
    for (const path of Object.keys(this.treeState())) {
      const s = saved[path];
      if (s) this.streamAt(path).setState(s);
    }
  }

  private streamAt(path: string): Rng {
    if (!path) return this;
    const [label, ...rest] = path.split('>');
    return (this.forks.get(label as string) as Rng).streamAt(rest.join('>'));
  }

  /** The state now: `setState` of it makes the stream continue exactly from here. */
  getState(): RngState {
    return { words: [this.a, this.b, this.c, this.d], spareNormal: this.spareNormal ?? null };
  }

  setState(state: RngState): void {
    [this.a, this.b, this.c, this.d] = state.words.map((w) => w >>> 0) as RngState['words'];
    this.spareNormal = state.spareNormal ?? undefined;
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Standard normal, Marsaglia's polar method (keeps the spare draw). */
  normal(mean = 0, std = 1): number {
    if (this.spareNormal !== undefined) {
      const z = this.spareNormal;
      this.spareNormal = undefined;
      return mean + std * z;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    return mean + std * u * factor;
  }

  /** Fisher–Yates shuffle in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** A random permutation of 0..n-1. */
  permutation(n: number): number[] {
    return this.shuffle(Array.from({ length: n }, (_, i) => i));
  }

  /** Fill a new Float32Array with N(0, std²) draws. */
  normalArray(length: number, std = 1): Float32Array {
    const out = new Float32Array(length);
    for (let i = 0; i < length; i++) out[i] = this.normal(0, std);
    return out;
  }

  /** Fill a new Float32Array with U(low, high) draws. */
  uniformArray(length: number, low: number, high: number): Float32Array {
    const out = new Float32Array(length);
    for (let i = 0; i < length; i++) out[i] = this.uniform(low, high);
    return out;
  }
}
