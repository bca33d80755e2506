// Seeded randomness for demo and benchmark data: the same seed gives the same numbers on every
// machine, so a demo city or a benchmark run can be made again exactly. Not for anything secret.

export type Random = () => number;

/** A deterministic generator (xorshift32) of numbers in (0, 1); never exactly 0, so logs are safe. */
export function seeded(seed: number): Random {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/**
 * A 32-bit seed mixed from several numbers (murmur3's finaliser per part), so that neighbouring
 * settlements' seeds (n, n + 1) give unrelated sequences: xorshift's first outputs follow its seed.
 */
export function deriveSeed(...parts: number[]): number {
  let hash = 0x9e3779b9;
  for (const part of parts) {
    hash = Math.imul(hash ^ (part >>> 0), 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
  }
  return hash >>> 0;
}

/** An integer from min to max, both included. */
export function integer(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function uniform(random: Random, min: number, max: number): number {
  return min + random() * (max - min);
}

export function pick<T>(random: Random, list: readonly T[]): T {
  if (list.length === 0) throw new RangeError('pick from an empty list');
  return list[Math.floor(random() * list.length)] as T;
}

/** One of the keys, with probability proportional to its weight. */
export function weighted<K extends string>(random: Random, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as Array<[K, number]>;
  let total = 0;
  for (const [, weight] of entries) total += weight;
  let left = random() * total;
  for (const [key, weight] of entries) {
    left -= weight;
    if (left < 0) return key;
  }
  return (entries[entries.length - 1] as [K, number])[0];
}

export function bernoulli(random: Random, probability: number): boolean {
  return random() < probability;
}

/** A normal draw (Box–Muller; the second value of the pair is thrown away to keep no state). */
export function normal(random: Random, mean = 0, sd = 1): number {
  const u = random();
  const v = random();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** exp of a normal: mu and sigma are the log's mean and standard deviation. */
export function lognormal(random: Random, mu: number, sigma: number): number {
  return Math.exp(normal(random, mu, sigma));
}

/** Poisson by Knuth's product of uniforms: fine for the small means used here (< 30). */
export function poisson(random: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random();
  while (product > limit) {
    count++;
    product *= random();
  }
  return count;
}

/**
 * People in a household, 1–10, right-skewed with mean ≈ 2.9 (South African informal settlements:
 * ≈ 2.5–3.2, research §8). Living alone is common (about a quarter of shacks), so it is its own
 * share; other households are 2 + Poisson(1.64), cut at 10: 0.28·1 + 0.72·3.64 ≈ 2.9.
 */
export function householdSize(random: Random): number {
  if (random() < 0.28) return 1;
  return Math.min(10, 2 + poisson(random, 1.64));
}

/**
 * Splits total into parts.length integers, each at least 1, proportional to the weights after
 * that 1 (largest remainder), summing to total exactly.
 */
export function apportion(weights: readonly number[], total: number): number[] {
  const count = weights.length;
  if (!Number.isInteger(total) || total < count)
    throw new RangeError(`cannot split ${total} into ${count} parts of at least 1`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - count;
  const exact = weights.map((w) => (sum > 0 ? (w / sum) * spare : spare / count));
  const parts = exact.map((x) => 1 + Math.floor(x));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % count, left--)
    parts[(order[k] as readonly [number, number])[1]]! += 1;
  return parts;
}
