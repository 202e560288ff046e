/**
 * Python text of the engine's seeded generator (src/engine/random/rng.ts): sfc32 seeded through
 * splitmix32, FNV-1a labels for named streams, Marsaglia's polar normals with the spare kept, Fisher–Yates
 * permutations. Only 32-bit integer arithmetic and IEEE double operations in the same order, so the script
 * draws exactly our numbers: the same data, initial weights, batches and PCGrad orders from the same seed.
 * `js_hypot` is V8's Math.hypot (scaled, Kahan-compensated sum), which our data suites call.
 */
export const RNG_PY = String.raw`
# ---- Seeded randomness: an exact port of src/engine/random/rng.ts ---------------------------------
M32 = 0xFFFFFFFF


def imul(a, b):
    """Math.imul's low 32 bits, as an unsigned integer."""
    return (a * b) & M32


def splitmix32(seed):
    state = seed & M32

    def draw():
        nonlocal state
        state = (state + 0x9E3779B9) & M32
        z = imul(state ^ (state >> 16), 0x85EBCA6B)
        z = imul(z ^ (z >> 13), 0xC2B2AE35)
        return z ^ (z >> 16)

    return draw


def hash_label(label):
    """FNV-1a of a stream label (labels are ASCII, so code points are UTF-16 units)."""
    h = 0x811C9DC5
    for ch in label:
        h = imul(h ^ ord(ch), 0x01000193)
    return h


class Rng:
    """sfc32 (Doty-Humphrey's Small Fast Counter) with named independent streams, as the engine's Rng."""

    def __init__(self, seed):
        self.seed = seed & M32
        mix = splitmix32(self.seed)
        self.a, self.b, self.c, self.d = mix(), mix(), mix(), mix()
        self.spare = None
        for _ in range(12):  # sfc32 mixes poorly during its first outputs
            self.next_uint32()

    def fork(self, label):
        """A stream from this generator's seed and a label (not from its state)."""
        return Rng(imul(self.seed, 0x9E3779B1) ^ hash_label(label))

    def next_uint32(self):
        a, b, c, d = self.a, self.b, self.c, self.d
        t = (a + b + d) & M32
        self.d = (d + 1) & M32
        self.a = b ^ (b >> 9)
        self.b = (c * 9) & M32
        c = ((c << 21) | (c >> 11)) & M32
        self.c = (c + t) & M32
        return t

    def next(self):
        return self.next_uint32() / 4294967296.0

    def uniform(self, low, high):
        return low + (high - low) * self.next()

    def int(self, n):
        return math.floor(self.next() * n)

    def normal(self, mean=0.0, std=1.0):
        if self.spare is not None:
            z, self.spare = self.spare, None
            return mean + std * z
        while True:
            u = 2 * self.next() - 1
            v = 2 * self.next() - 1
            s = u * u + v * v
            if 0 < s < 1:
                break
        factor = math.sqrt((-2 * math.log(s)) / s)
        self.spare = v * factor
        return mean + std * u * factor

    def permutation(self, n):
        items = list(range(n))
        for i in range(n - 1, 0, -1):
            j = self.int(i + 1)
            items[i], items[j] = items[j], items[i]
        return items

    def normal_array(self, n, std=1.0):
        return np.array([self.normal(0.0, std) for _ in range(n)], dtype=np.float32)

    def uniform_array(self, n, low, high):
        return np.array([self.uniform(low, high) for _ in range(n)], dtype=np.float32)


def js_round(x):
    """Math.round: halves go up (Python's round() goes to even)."""
    return math.floor(x + 0.5)


def js_hypot(*values):
    """V8's Math.hypot: scale by the largest, Kahan-compensated sum of squares."""
    largest = max((abs(v) for v in values), default=0.0)
    if largest == 0:
        return 0.0
    total = 0.0
    compensation = 0.0
    for v in values:
        n = abs(v) / largest
        summand = n * n - compensation
        preliminary = total + summand
        compensation = (preliminary - total) - summand
        total = preliminary
    return math.sqrt(total) * largest
`;
