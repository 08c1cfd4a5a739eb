// Request generators for conv-check.c / ld-check.c: random bit patterns and text, and the classic hard
// cases of decimal <-> binary conversion, built exactly with BigInt.
import { Rng } from './build.js';

const hex = (v: bigint, digits: number): string => v.toString(16).padStart(digits, '0');

/** Exact decimal text of m × 2^e (m >= 0), as a plain decimal ("123.0625"). */
export function exactDecimal(m: bigint, e: number): string {
  if (e >= 0) return (m << BigInt(e)).toString();
  const k = -e; // m / 2^k = m × 5^k / 10^k
  const digits = (m * 5n ** BigInt(k)).toString().padStart(k + 1, '0');
  return `${digits.slice(0, digits.length - k)}.${digits.slice(digits.length - k)}`;
}

/** The bits of a random double: any pattern, or with a moderate exponent, or subnormal, or a short fraction. */
export function randomDoubleBits(r: Rng): bigint {
  const lo = BigInt(r.u32());
  const hi = BigInt(r.u32());
  let bits = (hi << 32n) | lo;
  const kind = r.below(10);
  const sign = bits & (1n << 63n);
  const frac = bits & ((1n << 52n) - 1n);
  if (kind < 4) return bits; // anywhere: mostly huge or tiny exponents, some NaN/inf
  if (kind < 7) bits = sign | (BigInt(1023 - 40 + r.below(110)) << 52n) | frac; // 1e-12 .. 1e21
  else if (kind < 8) bits = sign | frac; // subnormal
  else bits = sign | (BigInt(1023 + r.below(30)) << 52n) | (frac & ~((1n << BigInt(40 + r.below(12))) - 1n)); // short fractions: exact decimal ties
  return bits;
}

export function doubleHex(bits: bigint): string {
  return hex(bits, 16);
}

/** A random printf conversion for a double: flags, width, precision, conversion. */
export function randomFormat(r: Rng): string {
  const conv = r.pick(['f', 'e', 'g', 'a', 'F', 'E', 'G', 'A', 'f', 'e', 'g']);
  let flags = '';
  for (const f of ['-', '+', ' ', '#', '0']) if (r.below(5) === 0) flags += f;
  const width = r.below(3) === 0 ? String(1 + r.below(30)) : '';
  const p = r.below(10);
  let precision = '';
  if (p >= 3 && p < 9) precision = `.${r.below(conv.toLowerCase() === 'a' ? 16 : 21)}`;
  else if (p === 9) precision = `.${21 + r.below(50)}`;
  return `%${flags}${width}${precision}${conv}`;
}

function decimalOf(bits: bigint): { m: bigint; e: number } | undefined {
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  if (exp === 0x7ff) return undefined;
  return exp === 0 ? { m: frac, e: -1074 } : { m: frac | (1n << 52n), e: exp - 1075 };
}

/** Text that is exactly halfway between a double and the next one up, or just above or below it. */
export function halfwayText(r: Rng, bits: bigint): string {
  const d = decimalOf(bits & ~(1n << 63n));
  if (!d) return '1';
  const mid = exactDecimal(2n * d.m + 1n, d.e - 1);
  const sign = bits >> 63n ? '-' : '';
  const how = r.below(4);
  if (how === 0) return sign + mid;
  if (how === 1) return sign + (mid.includes('.') ? mid : `${mid}.`) + '0'.repeat(r.below(5)) + '1'; // just above
  if (how === 2) { // truncated to 17..40 significant digits, then exponent form: the Paxson-style hard cases
    const digits = mid.replace('.', '').replace(/^0+/, '');
    const point = mid.includes('.') ? mid.indexOf('.') : mid.length;
    const lead = mid.replace('.', '').length - digits.length;
    const keep = 17 + r.below(24);
    return `${sign}0.${digits.slice(0, keep)}e${point - lead}`;
  }
  // just below: the last digit lowered and nines after it
  const last = mid.replace(/0+$/, '');
  const lower = last.slice(0, -1) + String(Math.max(0, Number(last.at(-1)) - 1)) + '9'.repeat(1 + r.below(4));
  return sign + (mid.includes('.') ? lower : lower.slice(0, mid.length)); // integer halfway: keep its length
}

/** Random decimal text: digits (sometimes hundreds), a point, an exponent, a sign, leading zeros. */
export function randomDecimalText(r: Rng): string {
  const n = r.below(20) === 0 ? 100 + r.below(1000) : 1 + r.below(30);
  let digits = '';
  for (let i = 0; i < n; i++) digits += String(r.below(10));
  if (r.below(4) === 0) digits = '0'.repeat(1 + r.below(5)) + digits;
  const at = r.below(digits.length + 1);
  const body = r.below(3) === 0 ? digits : `${digits.slice(0, at)}.${digits.slice(at)}`;
  const exp = r.below(3) === 0 ? '' : `${r.pick(['e', 'E'])}${r.pick(['', '+', '-'])}${r.below(r.below(4) === 0 ? 400 : 40)}`;
  return `${r.pick(['', '', '-', '+', ' '])}${body}${exp}`;
}

/** Random hex float text: 0x, hex digits with a point, a binary exponent. */
export function randomHexText(r: Rng): string {
  const n = 1 + r.below(r.below(4) === 0 ? 40 : 16);
  let digits = '';
  for (let i = 0; i < n; i++) digits += '0123456789abcdefABCDEF'[r.below(22)];
  const at = r.below(n + 1);
  const exp = r.below(5) === 0 ? '' : `${r.pick(['p', 'P'])}${r.pick(['', '+', '-'])}${r.below(r.below(3) === 0 ? 1200 : 100)}`;
  return `${r.pick(['', '-', '+'])}0${r.pick(['x', 'X'])}${digits.slice(0, at)}.${digits.slice(at)}${exp}`;
}

/** The JavaScript shortest round-trip text and a fixed-digit text of a random finite double. */
export function doubleTexts(r: Rng, bits: bigint): string[] {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setBigUint64(0, bits);
  const x = buf.getFloat64(0);
  if (!Number.isFinite(x)) return [String(x)];
  return [String(x), x.toExponential(r.below(30)), x.toPrecision(1 + r.below(40))];
}

const MIN_HALF = exactDecimal(1n, -1075); // half the least subnormal: rounds to 0 (ties to even)

/** The classic hard inputs: limits, halfway points, long digit strings, Paxson-style near-halfway cases. */
export const HARD_STRTOD: readonly string[] = [
  '1.7976931348623157e308', '1.7976931348623158e308', '1.7976931348623159e308', '1.797693134862315807e308',
  exactDecimal((1n << 54n) - 1n, 970), // halfway between DBL_MAX and 2^1024: overflows
  exactDecimal((1n << 54n) - 1n, 970) + '0'.repeat(3), // overflows (x1000)
  '2.2250738585072011e-308', '2.2250738585072012e-308', '2.2250738585072014e-308', '2.225073858507201136057409796709131975934819546351645648e-308',
  '4.9406564584124654e-324', '4.9e-324', '5e-324', '3e-324', '2.4703282292062328e-324', '2.4703282292062327e-324',
  MIN_HALF, MIN_HALF + '1', MIN_HALF.replace(/5$/, '49999999'), `0.${'0'.repeat(323)}247032822920623272088284396434110686182529901307162382212792841250337753635104`,
  '9007199254740993', '9007199254740993.0000000000000000001', '9007199254740992.9999999999', '9007199254740995', '18014398509481986', '18014398509481990',
  '1.00000000000000011102230246251565404236316680908203125', '1.00000000000000011102230246251565404236316680908203124999',
  '1.000000000000000111022302462515654042363166809082031250001',
  '0.1', '0.10000000000000000555111512312578270211815834045410156250', '0.1000000000000000055511151231257827021181583404541015625000000001',
  `0.1${'0'.repeat(800)}1`, `1${'0'.repeat(400)}`, `1${'0'.repeat(308)}`, `1${'0'.repeat(309)}`, `0.${'0'.repeat(400)}1`,
  `${'9'.repeat(1000)}e-1000`, `0.${'3'.repeat(2000)}`, `${'1'.repeat(900)}e-880`,
  // Paxson's and others' published hard cases for binary64
  '9e-265', '8.5e-82', '5.8e-294', '4.78e-295', '9.025e-220', '7.4e-147', '4.94065645841246544e-324', '6.92e+257',
  '5e+125', '69e+267', '999e-26', '7861e-34', '75569e-254', '928609e-261', '9210917e+80', '84863171e+114',
  '653777767e+273', '5232604057e-298', '27235667517e-109', '653532977297e-123', '3142213164987e-294',
  '46202199371337e-72', '231010996856685e-73', '9324754620109615e+212', '78459735791271921e+49',
  '272104041512242479e+200', '6802601037806061975e+198', '20505426358836677347e-221',
  '836168422905420598437e-234', '4891559871276714924261e+222', '7.038531e-26', '1.17549435e-38', '1.1754942e-38',
  '3.4028235e38', '3.40282357e38', '3.4028236e38', '1.4e-45', '7e-46', '7.0064923e-46', '8.4e-46',
  // specials and edges of the grammar
  'inf', 'INF', '-Inf', 'infinity', 'INFINITYX', 'infin', 'nan', 'NaN', '-nan', 'nan()', 'nan(123)', 'nan(0x1f)',
  'nan(abc_9)', 'nan(', 'nan(1 2)', '0x', '0x.', '0x.p1', '0xp1', '0x1p', '0x1p+', '0x1.8p1', '0X1P-1074',
  '0x1p-1075', '0x1.0000000000001p-1075', '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7ffp1023', '0x.00000000000000000000001p-1000',
  '', ' ', '-', '+.', '.', '.e1', '1e', '1e+', '1e-x', '1.5e', '  \t 42', '1..2', '-0', '+0.0e-99999', '0e99999999999',
  '1e-99999999999', '1e99999999999', '00000000000000000000000000000001', '.00001', '1.', '-.5',
];

/** sscanf cases (format, text): directives, widths, suppression, sets, %n, lengths, EOF and matching failures. */
export const SCANF_CASES: readonly (readonly [string, string])[] = [
  ['%d', ''], ['%d', '   '], ['%d', 'abc'], ['abc', ''], ['%n', ''], ['%*d%d', '1'], ['%d%d', '1'], ['%x%s', '0xg'],
  ['%x%n', '0x'], ['%d%n', '-'], ['%d%n', '+'], ['%d%n', '- 1'], [' %n', '  x'], ['y%d', 'x'], ['x%d', ' x'],
  ['%d %d', '12 34'], ['%d%n', '12abc'], ['%2s%n', 'abc'], ['%c%c%n', 'ab'], ['%[]a-]%n', ']a-b]'], ['%[^-]%n', 'abc-'],
  ['%c', ''], ['%d %n', '1'], ['%%%d', '%5'], ['%%%d', ' %5'], ['%i', '077'], ['%i', '0x1f'], ['%i', '-0x1f'],
  ['%i%s', '089'], ['%1d%d', '12'], ['%i%s', '0X'], ['%5c', '1'], ['%3c%n', 'abcdef'], ['%s%n', '  word  next'],
  ['%[a-c]%n', 'abcabcd'], ['%[^\t]%n', 'a b\tc'], ['%[-a]%n', '-a-b'], ['%[a-]%n', 'a--b'], ['%[z-a]%n', 'z-a'],
  ['%hhd %hd %d', '300 70000 -5'], ['%lld %n', '-9223372036854775807 '], ['%hhu%n', '257'], ['%o %x %X', '777 ff FF'],
  ['%u', '-1'], ['%d', '2147483647'], ['%x', 'DEADbeef'], ['%4x%d', '12345678'], ['%*x%n', 'abc'], ['%*[a-z]%d', 'abc42'],
  ['%lf%n', '1e'], ['%lf%n', '1e+'], ['%lf%n', '0x1p'], ['%lf%n', '0x'], ['%lf%n', '0x.'], ['%lf%s', 'nan(12)'],
  ['%lf%n', 'infinit'], ['%lf%n', 'infinity'], ['%lf%n', 'infin'], ['%lf%s', '1.5.3'], ['%lf%s', '1e5e'], ['%lf%s', '0x1.8p+3q'],
  ['%lf%n', '.5'], ['%lf%n', '-.5e-1'], ['%lf%n', '0xp1'], ['%lf%n', 'inf'], ['%lf%n', '1.'], ['%lf%n', '.'], ['%lf%n', '-.'],
  ['%3lf%d', '1234567'], ['%4lf%n', '-1.5e3'], ['%2lf%n', '-.'], ['%lf%n', '+'], ['%f %e %g', '1.5 2.5e1 -3'],
  ['%a %A %lf', '0x1.8p1 0X1P-2 1e400'], ['%lf%n', '1e-400'], ['%lf%n', '4.9406564584124654e-324'], ['%lf%n', '   -0'],
  ['%f%n', '3.4028236e38'], ['%f%n', '1e-46'], ['%lg%n', 'NAN'], ['%le%n', '-INFINITY'], ['%5f%n', 'infinity'],
  ['%d%n%d', '1 x'], ['%d:%d:%d', '1:2:3'], ['%d:%d:%d', '1:2;3'], ['%d,%d', '1 ,2'], ['%d ,%d', '1 ,2'], ['%s %s', 'one'],
  ['%c%n', '\tx'], [' %c%n', '\tx'], ['%*c%c', 'ab'], ['%d%%', '5%'], ['%d%%', '5 %'], ['%p', '0x1234'], ['%zd %jd %td', '1 2 3'],
  ['%2x%n', '0x1f'], ['%2i%n', '0x1f'], ['%1x%n', '0x'], ['%3i%n', '-0x5'], ['%3x%n', '0x5'], ['%2lf%n', '0x1'], ['%3lf%n', '-0x1'],
  ['%3lf%n', '0x.8'], ['%2x%s', '0xz'], ['%i%s', '0xz'], ['%x%s', '0x'],
];

/** Random sscanf requests: integers in every base and length, floats through %lf/%f/%a with widths. */
export function randomScanCase(r: Rng): string {
  const kind = r.below(3);
  if (kind === 0) {
    const conv = r.pick(['d', 'i', 'u', 'x', 'X', 'o']);
    const len = r.pick(['', '', 'hh', 'h', 'll']);
    const width = r.below(3) === 0 ? String(1 + r.below(12)) : '';
    const n = r.below(2) ? r.u32() : r.u32() % 1000;
    const text = r.pick([String(n), `-${n}`, n.toString(16), `0x${n.toString(16)}`, `0${n.toString(8)}`, `+${n}`]);
    return `c %${width}${len}${conv}%n\t${r.pick(['', ' ', '\t'])}${text}${r.pick(['', 'z', ' 7', 'g'])}`;
  }
  const width = r.below(4) === 0 ? String(1 + r.below(25)) : '';
  const conv = `%${width}${r.pick(['l', 'l', ''])}${r.pick(['f', 'e', 'g', 'a', 'E'])}`;
  const text = kind === 1 ? randomDecimalText(r) : randomHexText(r);
  return `c ${conv}%n\t${text.length > 400 ? text.slice(0, 400) : text}`;
}

/** The bits of a random binary128 value (32 hex digits): any pattern, moderate, subnormal, or short. */
export function randomQuadHex(r: Rng): string {
  const words = [r.u32(), r.u32(), r.u32(), r.u32()];
  const kind = r.below(8);
  const sign = words[0] & 0x80000000;
  if (kind >= 2 && kind < 6) words[0] = sign | ((0x3fff - 60 + r.below(130)) << 16) | (words[0] & 0xffff);
  else if (kind === 6) words[0] = sign | (words[0] & 0xffff);
  else if (kind === 7) { words[0] = sign | ((0x3fff + r.below(40)) << 16) | (words[0] & 0xffff); words[2] = 0; words[3] = 0; }
  return words.map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
}

/** Text near binary128 values: long digit strings, halfway points of binary128, hex. */
export function randomQuadText(r: Rng): string {
  const kind = r.below(4);
  if (kind === 0) return randomHexText(r);
  if (kind === 1) return randomDecimalText(r);
  // halfway between two binary128 values with a moderate or extreme exponent
  let m = 0n;
  for (let i = 0; i < 4; i++) m = (m << 32n) | BigInt(r.u32());
  m = (m & ((1n << 112n) - 1n)) | (1n << 112n);
  const e = r.below(10) === 0 ? -16494 + r.below(200) : -112 - 200 + r.below(400); // 16,000-digit texts: a few
  const mid = exactDecimal(2n * m + 1n, e - 1);
  return kind === 2 ? mid : `${mid.includes('.') ? mid : mid + '.'}${'0'.repeat(r.below(3))}1`;
}
