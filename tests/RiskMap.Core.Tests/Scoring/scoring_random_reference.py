"""Independent reference for ScoringRandomTests: methodology 2.0's generator written from docs/methodology.md alone
(xoshiro256**, SplitMix64 keys, Doornik's ziggurat, Marsaglia-Tsang, shares as Beta from two Gammas). Run with python3; it prints the expected values."""
import math

M = (1 << 64) - 1


def splitmix(x):
    x = (x + 0x9E3779B97F4A7C15) & M
    z = x
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return x, z ^ (z >> 31)


def key(seed, *parts):
    k = seed & 0xFFFFFFFF
    for p in parts:
        _, k = splitmix(k ^ (p & M))
    return k


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M


TAIL, AREA, LAYERS = 3.442619855899, 9.91256303526217e-3, 128
X = [0.0] * (LAYERS + 1)
f = math.exp(-0.5 * TAIL * TAIL)
X[0], X[1] = AREA / f, TAIL
for i in range(2, LAYERS):
    X[i] = math.sqrt(-2 * math.log(AREA / X[i - 1] + f))
    f = math.exp(-0.5 * X[i] * X[i])
RATIO = [X[i + 1] / X[i] for i in range(LAYERS)]


class Stream:
    def __init__(self, k):
        self.s = []
        for _ in range(4):
            k, z = splitmix(k)
            self.s.append(z)

    def next64(self):
        s = self.s
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform(self):
        return (self.next64() >> 11) * (1.0 / (1 << 53))

    def normal(self):
        while True:
            bits = self.next64()
            layer = bits & (LAYERS - 1)
            u = 2 * ((bits >> 11) * (1.0 / (1 << 53))) - 1
            if abs(u) < RATIO[layer]:
                return u * X[layer]
            if layer == 0:
                while True:
                    a = math.log(1 - self.uniform()) / TAIL
                    b = math.log(1 - self.uniform())
                    if not (-2 * b < a * a):
                        return a - TAIL if u < 0 else TAIL - a
            x = u * X[layer]
            f0 = math.exp(-0.5 * (X[layer] * X[layer] - x * x))
            f1 = math.exp(-0.5 * (X[layer + 1] * X[layer + 1] - x * x))
            if f1 + self.uniform() * (f0 - f1) < 1:
                return x

    def gamma(self, shape):
        boost = shape < 1
        d = (shape + 1 if boost else shape) - 1.0 / 3
        c = 1 / math.sqrt(9 * d)
        while True:
            while True:
                x = self.normal()
                v = 1 + c * x
                if not v <= 0:
                    break
            v = v * v * v
            u = self.uniform()
            if u < 1 - 0.0331 * x * x * x * x or math.log(u) < 0.5 * x * x + d * (1 - v + math.log(v)):
                draw = d * v
                break
        return draw * math.exp(math.log(self.uniform()) * (1 / shape)) if boost else draw


def share(stream, successes, failures):
    """A share in percent from Beta(successes, failures): Gamma(successes) first, then Gamma(failures), as the document's draw order."""
    x = stream.gamma(successes)
    y = stream.gamma(failures)
    return 100 * (x / (x + y))


def total(values):
    """Left to right, as the test adds (Python 3.12's sum() compensates)."""
    result = 0.0
    for v in values:
        result += v
    return result


if __name__ == "__main__":
    s = Stream(key(20240101, 1, 2, 0))
    print("first 6 normals:", [repr(s.normal()) for _ in range(6)])
    s = Stream(key(20240101, 1, 2, 0))
    print("sum of 100,000 normals:", repr(total(s.normal() for _ in range(100_000))))
    print("then sum of 20,000 Gamma(0.27):", repr(total(s.gamma(0.27) for _ in range(20_000))))
    print("then sum of 20,000 Gamma(3.27):", repr(total(s.gamma(3.27) for _ in range(20_000))))
    s = Stream(key(20240101, 1, 2, 1))
    print("first 4 shares from Beta(2.2, 37.8):", [repr(share(s, 2.2, 37.8)) for _ in range(4)])
    print("then sum of 20,000 shares from Beta(0.6, 40.4):", repr(total(share(s, 0.6, 40.4) for _ in range(20_000))))
    print("then sum of 20,000 shares from Beta(30.3, 270.7):", repr(total(share(s, 30.3, 270.7) for _ in range(20_000))))
