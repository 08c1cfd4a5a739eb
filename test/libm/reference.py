#!/usr/bin/env python3
"""The mpmath reference for the libm accuracy table: the same measure as check.ts/reference.ts, ~100x faster.

Reads accuracy.c's output on stdin ("name x [y] result", binary64/binary32 bits in hex), computes each exact
value with mpmath at 200 bits (mpmath reduces huge trig arguments exactly and guards its own cancellations;
a value is re-evaluated at 400 bits when its 200-bit value lies near a rounding boundary of the format), rounds
it once to binary64/binary32 (ties to even, subnormals on the 2^-1074 / 2^-149 grid, overflow to infinity)
and prints one JSON row per function: {name, cases, maxUlp, maxSteps, worst, failures} as check.ts's Row.
The ulp error is check.ts's: |result - exact| / 2^(max(floor(log2|exact|), emin) - p + 1).
Special values (NaN, infinities, poles, Annex F limits) are compared exactly, as in reference.ts.
Usage: accuracy N | python3 reference.py [EXACT,NAMES,...]
"""
import json
import math
import struct
import sys

import mpmath
from mpmath import mp, mpf

PREC = 200
mp.prec = PREC
EXACT = set((sys.argv[1] if len(sys.argv) > 1 else '').split(','))
MAX_FAILURES = 20


class Exact:
    """A non-finite (or exactly known special) result compared bit-for-bit (NaN matches any NaN)."""
    def __init__(self, v):
        self.v = v


NAN = Exact(math.nan)
PINF = Exact(math.inf)
NINF = Exact(-math.inf)


def inf(sign):
    return PINF if sign > 0 else NINF


def sgn(v):
    return -1 if math.copysign(1.0, v) < 0 else 1


def is_int(v):
    return math.isfinite(v) and v == math.floor(v)


def is_odd(v):
    return is_int(v) and abs(math.fmod(v, 2)) == 1


def limit(fn, a, b):
    """C99 Annex F values at infinite arguments (reference.ts's limit)."""
    pi = mp.pi
    if fn == 'sqrt':
        return PINF if a > 0 else NAN
    if fn in ('cbrt', 'sinh', 'asinh', 'floor', 'ceil', 'trunc', 'round', 'rint', 'nearbyint'):
        return Exact(a)
    if fn in ('hypot', 'cosh', 'lgamma'):
        return PINF
    if fn in ('exp', 'exp2'):
        return PINF if a > 0 else mpf(0)
    if fn == 'expm1':
        return PINF if a > 0 else mpf(-1)
    if fn in ('log', 'log2', 'log10', 'log1p', 'acosh'):
        return PINF if a > 0 else NAN
    if fn in ('sin', 'cos', 'tan', 'asin', 'acos', 'atanh'):
        return NAN
    if fn == 'atan':
        return pi / 2 * sgn(a)
    if fn in ('tanh', 'erf'):
        return mpf(sgn(a))
    if fn == 'erfc':
        return mpf(0 if a > 0 else 2)
    if fn == 'tgamma':
        return PINF if a > 0 else NAN
    if fn in ('fmod', 'remainder'):
        return mpf(a) if math.isfinite(a) else NAN
    if fn == 'pow':
        if b == 0 or a == 1:
            return mpf(1)
        if abs(b) == math.inf:
            if abs(a) == 1:
                return mpf(1)
            return PINF if (abs(a) < 1) == (b < 0) else mpf(0)
        if a < 0 and is_odd(b):
            return mpf(0) if b < 0 else NINF
        return mpf(0) if b < 0 else PINF
    if fn == 'atan2':
        if abs(a) == math.inf and abs(b) == math.inf:
            return pi * (0.25 if b > 0 else 0.75) * sgn(a)
        if abs(a) == math.inf:
            return pi / 2 * sgn(a)
        return mpf(0) if b > 0 else pi * sgn(a)
    raise ValueError('no limit for ' + fn)


def far(fn, a):
    """Results beyond the formats' range or indistinguishable from a limit (reference.ts's farValue)."""
    s = sgn(a)
    if fn == 'exp':
        return PINF if a > 710 else mpf(0) if a < -746 else None
    if fn == 'exp2':
        return PINF if a > 1025 else mpf(0) if a < -1076 else None
    if fn == 'expm1':
        return PINF if a > 710 else mpf(-1) if a < -100 else None
    if fn == 'sinh':
        return inf(s) if abs(a) > 711 else None
    if fn == 'cosh':
        return PINF if abs(a) > 711 else None
    if fn == 'tanh':
        return mpf(s) if abs(a) > 100 else None
    if fn == 'erf':
        return mpf(s) if abs(a) > 12 else None
    if fn == 'erfc':
        return mpf(0) if a > 30 else mpf(2) if a < -12 else None
    return None


def lgamma_abs(x):
    """ln|gamma(x)|, x not a pole (x < 0 by reflection: ln pi - ln|sin(pi x)| - ln gamma(1 - x))."""
    if x > 0:
        return mpmath.loggamma(x)
    return mpmath.log(mp.pi) - mpmath.log(abs(mpmath.sinpi(x))) - mpmath.loggamma(1 - x)


def pow_ref(a, b):
    x, y = mpf(a), mpf(b)
    if b == 0 or a == 1:
        return mpf(1)
    if a == 0:
        if b < 0:
            return NINF if is_odd(b) and sgn(a) < 0 else PINF
        return mpf(0)
    if a < 0 and not is_int(b):
        return NAN
    odd = is_odd(b)
    lg = mpmath.log(abs(x)) * y
    if lg > 710:
        return NINF if a < 0 and odd else PINF
    if lg < -746:
        return mpf(0)
    v = mpmath.power(abs(x), y) if is_int(b) and abs(b) < 2**20 else mpmath.exp(lg)
    return -v if a < 0 and odd else v


def reference(fn, args):
    """The exact value (an mpf at the working precision) or an Exact special, as reference.ts's reference."""
    a = args[0]
    b = args[1] if len(args) > 1 else 0.0
    if any(math.isnan(v) for v in args):
        if fn == 'pow' and (b == 0 or a == 1):
            return mpf(1)
        if fn == 'hypot' and any(abs(v) == math.inf for v in args):
            return PINF
        return NAN
    if any(not math.isfinite(v) for v in args):
        return limit(fn, a, b)
    f = far(fn, a)
    if f is not None:
        return f
    x = mpf(a)
    if fn == 'sqrt':
        return NAN if a < 0 else mpmath.sqrt(x)
    if fn == 'cbrt':
        return -mpmath.cbrt(-x) if a < 0 else mpmath.cbrt(x)  # the real root (mpmath's is the principal one)
    if fn == 'hypot':
        return mpmath.hypot(x, mpf(b))
    if fn == 'exp':
        return mpmath.exp(x)
    if fn == 'exp2':
        return mpmath.ldexp(mpf(1), int(a)) if is_int(a) else mpmath.exp(x * mpmath.ln2)
    if fn == 'expm1':
        return mpmath.expm1(x)
    if fn in ('log', 'log2', 'log10'):
        if a <= 0:
            return NINF if a == 0 else NAN
        return mpmath.log(x) if fn == 'log' else mpmath.log(x, 2) if fn == 'log2' else mpmath.log10(x)
    if fn == 'log1p':
        if a <= -1:
            return NINF if a == -1 else NAN
        return mpmath.log1p(x)
    if fn == 'pow':
        return pow_ref(a, b)
    if fn == 'sin':
        return mpmath.sin(x)
    if fn == 'cos':
        return mpmath.cos(x)
    if fn == 'tan':
        return mpmath.tan(x)
    if fn in ('asin', 'acos'):
        return NAN if abs(a) > 1 else mpmath.asin(x) if fn == 'asin' else mpmath.acos(x)
    if fn == 'atan':
        return mpmath.atan(x)
    if fn == 'atan2':
        if a == 0:  # C99 F.9.1.4: +-0 for x > 0 or x = +0, +-pi for x < 0 or x = -0
            return mpf(0) if b > 0 or (b == 0 and sgn(b) > 0) else (-mp.pi if sgn(a) < 0 else mp.pi)
        return mpmath.atan2(x, mpf(b))
    if fn == 'sinh':
        return mpmath.sinh(x)
    if fn == 'cosh':
        return mpmath.cosh(x)
    if fn == 'tanh':
        return mpmath.tanh(x)
    if fn == 'asinh':
        return mpmath.asinh(x)
    if fn == 'acosh':
        return NAN if a < 1 else mpmath.acosh(x)
    if fn == 'atanh':
        if abs(a) > 1:
            return NAN
        if abs(a) == 1:
            return inf(sgn(a))
        return mpmath.atanh(x)
    if fn == 'erf':
        return mpmath.erf(x)
    if fn == 'erfc':
        return mpmath.erfc(x)
    if fn == 'lgamma':
        if a <= 0 and is_int(a):
            return PINF
        if a == 1 or a == 2:
            return mpf(0)
        return lgamma_abs(x)
    if fn == 'tgamma':
        if a == 0:
            return inf(sgn(a))
        if a < 0 and is_int(a):
            return NAN
        if a > 180:
            return PINF
        if a < -200:
            return mpf(0)
        return mpmath.gamma(x)
    if fn == 'floor':
        return mpmath.floor(x)
    if fn == 'ceil':
        return mpmath.ceil(x)
    if fn == 'trunc':
        return mpmath.floor(x) if a >= 0 else mpmath.ceil(x)
    if fn == 'round':
        return mpmath.floor(abs(x) + mpf(0.5)) * sgn(a)
    if fn in ('rint', 'nearbyint'):
        return mpmath.nint(x)  # ties to even
    if fn in ('fmod', 'remainder'):
        if b == 0:
            return NAN
        # exact with integers: a = ma 2^ea, b = mb 2^eb
        (sa, ma, ea), (sb, mb, eb) = parts(mpf(a)), parts(mpf(b))
        e = min(ea, eb)
        ia, ib = sa * (ma << (ea - e)), sb * (mb << (eb - e))
        if fn == 'fmod':
            q = abs(ia) // abs(ib) * (1 if (ia < 0) == (ib < 0) else -1)
        else:
            fl, rm = divmod(ia, ib)  # ia/ib = fl + rm/ib, 0 <= rm/ib < 1: round half to even
            if abs(2 * rm) > abs(ib) or (abs(2 * rm) == abs(ib) and fl % 2 == 1):
                q = fl + 1
            else:
                q = fl
        return mpmath.ldexp(mpf(ia - q * ib), e) if ia - q * ib else mpf(0)
    raise ValueError('no reference for ' + fn)


def parts(v):
    """v = sign * man * 2^exp, man >= 0 (mpmath keeps the sign apart from the mantissa)."""
    sign, man, exp, _ = v._mpf_
    return (-1 if sign else 1), int(man), int(exp)


def fmt(single):
    return (24, -126) if single else (53, -1022)


def round_to(v, single):
    """v (an mpf) rounded once to binary64/binary32, ties to even, subnormals and overflow included."""
    prec, emin = fmt(single)
    if v == 0:
        return 0.0
    sign, man, exp = parts(v)
    neg = sign < 0
    top = man.bit_length() + exp - 1  # floor(log2 |v|)
    q = max(top, emin) - prec + 1     # the exponent of the format's ulp at v
    if q > exp:
        shift = q - exp
        rest = man & ((1 << shift) - 1)
        man >>= shift
        half = 1 << (shift - 1)
        if rest > half or (rest == half and man & 1):
            man += 1
        exp = q
    limit = 128 if single else 1024
    if man.bit_length() + exp - 1 >= limit:
        r = math.inf
    else:
        r = math.ldexp(man, exp)
    return -r if neg else r


def near_boundary(v, single):
    """Whether the 200-bit v lies so close to a midpoint of the format that its own rounding could matter."""
    prec, emin = fmt(single)
    _, man, exp = parts(v)
    top = man.bit_length() + exp - 1
    q = max(top, emin) - prec + 1
    shift = q - exp
    if shift <= 1:
        return False
    rest = man & ((1 << shift) - 1)
    half = 1 << (shift - 1)
    return abs(rest - half) < (1 << max(0, shift - (PREC - prec - 40)))


def ulp_error(y, v, single):
    prec, emin = fmt(single)
    if v == 0:
        return 0.0 if y == 0 else math.inf
    if not math.isfinite(y):
        return math.inf
    _, man, exp = parts(v)
    top = man.bit_length() + exp - 1
    ulp = mpmath.ldexp(mpf(1), max(top, emin) - prec + 1)
    return float(abs(mpf(y) - v) / ulp)


def ordinal(y, single):
    if single:
        b = struct.unpack('>I', struct.pack('>f', y))[0]
        m = b & 0x7fffffff
        return -m if b >> 31 else m
    b = struct.unpack('>Q', struct.pack('>d', y))[0]
    m = b & 0x7fffffffffffffff
    return -m if b >> 63 else m


def parse(h, single):
    return struct.unpack('>f' if single else '>d', bytes.fromhex(h))[0]


def js(v):
    """A number spelled as JavaScript's String(v) would, near enough for the report."""
    if math.isnan(v):
        return 'NaN'
    if math.isinf(v):
        return 'Infinity' if v > 0 else '-Infinity'
    if v == 0:
        return '-0' if sgn(v) < 0 else '0'
    if v == int(v) and abs(v) < 1e21:
        return str(int(v))
    return repr(v).replace('e-0', 'e-')


def main():
    rows = {}
    for line in sys.stdin:
        parts = line.split()
        if len(parts) < 3:
            continue
        name = parts[0]
        single = len(parts[1]) == 8
        nums = [parse(h, single) for h in parts[1:]]
        y = nums.pop()
        row = rows.get(name)
        if row is None:
            row = rows[name] = {'name': name, 'cases': 0, 'maxUlp': 0.0, 'maxSteps': 0, 'worst': '', 'failures': []}
        row['cases'] += 1
        base = name[:-1] if name.endswith('f') and name != 'erf' else name
        ref = reference(base, nums)
        where = '%s(%s) = %s' % (name, ', '.join(js(v) for v in nums), js(y))
        fails = row['failures']
        if isinstance(ref, Exact):
            r = ref.v
            ok = math.isnan(y) if math.isnan(r) else y == r
            if not ok and len(fails) < MAX_FAILURES:
                fails.append('%s, expected %s' % (where, js(r)))
            continue
        if ref != 0 and near_boundary(ref, single):
            with mp.workprec(2 * PREC):
                ref = reference(base, nums)
        cr = round_to(ref, single)
        if math.isnan(y):
            if len(fails) < MAX_FAILURES:
                fails.append('%s, expected %s' % (where, js(cr)))
            continue
        steps = abs(ordinal(y, single) - ordinal(cr, single))
        err = ulp_error(y, ref, single) if math.isfinite(cr) else (0.0 if steps == 0 else math.inf)
        row['maxSteps'] = max(row['maxSteps'], steps)
        if err > row['maxUlp']:
            row['maxUlp'] = err
            row['worst'] = '%s (correctly rounded %s)' % (where, js(cr))
        lim = 0 if name in EXACT else 1
        if steps > lim and len(fails) < MAX_FAILURES:
            fails.append('%s, correctly rounded %s: %d steps' % (where, js(cr), steps))
    for r in rows.values():
        if math.isinf(r['maxUlp']):
            r['maxUlp'] = 1e308  # JSON has no Infinity; the table shows it as huge
    json.dump(list(rows.values()), sys.stdout)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
