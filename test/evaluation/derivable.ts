/**
 * An independent check, for tests: is a hidden cell a linear combination of the shown ones? Every cell is a sum
 * over the cube's leaves (where/when leaf × topic leaf × answer profile); the shown cells span a space, and a
 * hidden cell is derivable exactly when its vector lies in that space. Exact integer (BigInt) elimination.
 */
export class Span {
  private rows: Array<{ pivot: number; values: bigint[] }> = [];
  constructor(private readonly size: number) {}

  private reduce(vector: bigint[]): bigint[] {
    let v = [...vector];
    for (const row of this.rows) {
      const x = v[row.pivot]!;
      if (x === 0n) continue;
      const p = row.values[row.pivot]!;
      v = v.map((value, i) => value * p - row.values[i]! * x);
      const g = v.reduce((a, b) => gcd(a, b), 0n);
      if (g > 1n) v = v.map((value) => value / g);
    }
    return v;
  }

  add(vector: bigint[]): void {
    const reduced = this.reduce(vector);
    const pivot = reduced.findIndex((x) => x !== 0n);
    if (pivot >= 0) this.rows.push({ pivot, values: reduced });
  }

  contains(vector: bigint[]): boolean {
    return this.reduce(vector).every((x) => x === 0n);
  }

  get dimension() {
    return this.size;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}
