// Decimal literals of `.float` and `.double` to IEEE 754 bytes, correctly rounded to nearest-even as GNU as
// writes them. JS's parseFloat rounds a decimal to binary64 correctly; binary32 through Math.fround of that
// double can round twice, which goes wrong only when the double lands exactly on a midpoint between two
// binary32 values (a double cannot lie beyond a midpoint it could represent): that case is settled exactly by
// comparing the decimal with the midpoint in BigInt arithmetic.

/** The little-endian binary64 bytes of a decimal literal such as `-2.25` or `1e300`. */
export function binary64Bytes(text: string): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, parseFloat(text), true);
  return b;
}

/** The little-endian binary32 bytes of a decimal literal, correctly rounded (ties to even). */
export function binary32Bytes(text: string): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setFloat32(0, toBinary32(text), true);
  return b;
}

function toBinary32(text: string): number {
  const d = parseFloat(text);
  const f = Math.fround(d);
  if (!Number.isFinite(d) || f === d) return f;
  // The neighbour of f on d's side, and the midpoint between them (exact in binary64).
  const other = nextFloat32(f, d > f ? 1 : -1);
  const mid = (f + other) / 2;
  if (mid !== d) return f;
  const c = compareDecimal(text, mid);
  if (c === 0) return f; // a true tie: Math.fround chose the even one
  return (c > 0) === (other > f) ? other : f;
}

/** The binary32 value next to `f` (finite) in direction `dir`. */
function nextFloat32(f: number, dir: 1 | -1): number {
  const v = new DataView(new ArrayBuffer(4));
  v.setFloat32(0, f);
  let bits = v.getInt32(0);
  if (f === 0) bits = dir > 0 ? 1 : 0x80000001 | 0;
  else bits += (f > 0) === (dir > 0) ? 1 : -1;
  v.setInt32(0, bits);
  return v.getFloat32(0);
}

/** Sign of (decimal `text` - `x`), exactly; `x` is a finite double. */
function compareDecimal(text: string, x: number): number {
  const [num, den] = decimalFraction(text);
  const [xn, xd] = doubleFraction(x);
  const lhs = num * xd;
  const rhs = xn * den;
  return lhs > rhs ? 1 : lhs < rhs ? -1 : 0;
}

/** A decimal literal as numerator/denominator BigInts (denominator > 0). */
function decimalFraction(text: string): [bigint, bigint] {
  const m = /^([-+]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([-+]?[0-9]+))?$/.exec(text.trim());
  if (!m) return [0n, 1n];
  const digits = BigInt((m[2] ?? '') + (m[3] ?? '') || '0');
  const exp = Number(m[4] ?? 0) - (m[3] ?? '').length;
  const signed = m[1] === '-' ? -digits : digits;
  return exp >= 0 ? [signed * 10n ** BigInt(exp), 1n] : [signed, 10n ** BigInt(-exp)];
}

/** A finite double as numerator/denominator BigInts. */
function doubleFraction(x: number): [bigint, bigint] {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  const hi = v.getUint32(0);
  const lo = v.getUint32(4);
  const exponent = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e = exponent - 1075;
  if (exponent === 0) e = -1074;
  else mantissa |= 1n << 52n;
  if (hi >>> 31) mantissa = -mantissa;
  return e >= 0 ? [mantissa << BigInt(e), 1n] : [mantissa, 1n << BigInt(-e)];
}
