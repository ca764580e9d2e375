#!/usr/bin/env python3
"""Generates bigint_cases.inc: BigInt operations checked against CPython 3.11.
Run: python3 tests/unit/gen/bigint_gen.py > tests/unit/gen/bigint_cases.inc"""
import math, random

random.seed(12345)
R = random.Random(7)

def num(bits):
    v = R.getrandbits(bits) if bits else 0
    return -v if R.random() < 0.5 else v

specials = [0, 1, -1, 2, -2, 3, 7, -7, 10, 2**31, 2**31 - 1, 2**32, 2**32 - 1, -2**32, 2**53, 2**53 + 1,
            2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64, 2**64 - 1, -2**64, 10**18, 10**19, 10**30,
            2**100, -2**100 + 1, 3**100]
vals = list(specials)
for bits in [5, 31, 32, 33, 62, 63, 64, 65, 96, 127, 128, 129, 200, 500, 1000, 1500, 2500]:
    for _ in range(4):
        vals.append(num(bits))

def c(s):
    r = ''
    for ch in s.encode('utf-8'):
        if ch == 0x5c or ch == 0x22: r += '\\' + chr(ch)
        elif 0x20 <= ch < 0x7f: r += chr(ch)
        else: r += '\\%03o' % ch
    return '"' + r + '"'

def out(op, a, b, res):
    print("{%s, %s, %s, %s}," % (c(op), c(str(a)), c(str(b)), c(res)))

def run(f):
    try:
        r = f()
        return repr(r) if isinstance(r, float) else str(r)
    except Exception as e:
        return "!%s: %s" % (type(e).__name__, e)

pairs = []
for _ in range(700):
    pairs.append((R.choice(vals), R.choice(vals)))
for a in specials:
    for b in specials[:12]:
        pairs.append((a, b))

for a, b in pairs:
    out("add", a, b, run(lambda: a + b))
    out("sub", a, b, run(lambda: a - b))
    out("mul", a, b, run(lambda: a * b))
    out("floordiv", a, b, run(lambda: a // b))
    out("mod", a, b, run(lambda: a % b))
    out("divmod", a, b, run(lambda: "%d,%d" % divmod(a, b)))
    out("truediv", a, b, run(lambda: a / b))
    out("and", a, b, run(lambda: a & b))
    out("or", a, b, run(lambda: a | b))
    out("xor", a, b, run(lambda: a ^ b))
    out("cmp", a, b, run(lambda: (a > b) - (a < b)))
    out("gcd", a, b, run(lambda: math.gcd(a, b)))
    sh = R.choice([0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 200, -1])
    out("shl", a, sh, run(lambda: a << sh))
    out("shr", a, sh, run(lambda: a >> sh))
    m = R.choice(vals)
    e = R.choice([0, 1, 2, 3, 5, 17, 100, 65537, -1, -3, abs(b)])
    print("{%s, %s, %s, %s, %s}," % (c("powmod"), c(str(a)), c(str(e)), c(str(m)), c(run(lambda: pow(a, e, m)))))

for a in vals:
    out("neg", a, 0, run(lambda: -a))
    out("invert", a, 0, run(lambda: ~a))
    out("str", a, 0, run(lambda: str(a)))
    out("hex", a, 0, run(lambda: format(a, 'x')))
    out("oct", a, 0, run(lambda: format(a, 'o')))
    out("bin", a, 0, run(lambda: format(a, 'b')))
    out("float", a, 0, run(lambda: float(a)))
    out("prefixed", a, 16, run(lambda: hex(a)))
    out("prefixed", a, 2, run(lambda: bin(a)))
    out("prefixed", a, 8, run(lambda: oct(a)))
    for nd in [-1, -2, -3, -10, -30, 0, 2]:
        out("round", a, nd, run(lambda: round(a, nd)))
    out("bit_length", a, 0, run(lambda: a.bit_length()))
    out("isqrt", a, 0, run(lambda: math.isqrt(a)))
    out("fits64", a, 0, run(lambda: int(-2**63 <= a < 2**63)))
    for e in [0, 1, 2, 3, 10, 33]:
        out("pow", a, e, run(lambda: a ** e if abs(a) < 2**200 or e < 4 else "skip"))

# float conversions: near rounding boundaries
for k in range(300):
    bits = R.choice([54, 55, 60, 64, 80, 120, 1000, 1023, 1024, 1025])
    v = R.getrandbits(bits) | (1 << (bits - 1))
    if R.random() < 0.5:
        # make it a tie or near-tie
        low = bits - 54
        if low > 0:
            v = (v >> low) << low
            v |= R.choice([0, 1 << (low - 1), (1 << (low - 1)) + 1, (1 << (low - 1)) - 1]) if low >= 1 else 0
    out("float", v, 0, run(lambda: float(v)))
    out("float", -v, 0, run(lambda: float(-v)))
for d in [0.0, -0.0, 1.5, -1.5, 1e18, 9.3e18, -9.3e18, 2.0**63, -2.0**63, 1e300, -1e300, 123456789.987, 5e-324]:
    out("from_double", repr(d), 0, run(lambda: int(d)))
for d in ["inf", "-inf", "nan"]:
    out("from_double", d, 0, run(lambda: int(float(d))))
# true division near boundaries, subnormal results
for k in range(300):
    a = num(R.choice([10, 60, 100, 500, 1100, 2000]))
    b = num(R.choice([10, 60, 100, 500, 1100, 2000]))
    if b == 0: b = 3
    out("truediv", a, b, run(lambda: a / b))
for a, b in [(1, 2**1074), (1, 2**1075), (3, 2**1076), (1, 2**1080), (2**1100, 2**76), (2**1100, 2**77),
             (10**400, 10**100), (1, 10**400), (-1, 3), (2**2000, 3**1000), (0, -5), (0, 10**30)]:
    out("truediv", a, b, run(lambda: a / b))

# parsing
parse = [("0", 10), ("-0", 10), (" 12 ", 10), ("1_000", 10), ("1__0", 10), ("_1", 10), ("1_", 10), ("+5", 10),
         ("- 5", 10), ("0x1f", 16), ("0x1f", 0), ("0X_1F", 0), ("0x", 16), ("0b101", 0), ("0o17", 0), ("017", 0),
         ("000", 0), ("0_0", 0), ("0_7", 0), ("09", 0), ("z", 36), ("Z", 36), ("zz", 35), ("", 10), (" ", 10),
         ("abc", 10), ("12a", 16), ("0b2", 0), ("1e5", 10), ("1.0", 10), ("\t-42\n", 10), ("0x_1f", 16),
         ("0x1f", 10), ("1", 37), ("1", 1), ("1", -1), ("99999999999999999999999999", 10),
         ("-123456789012345678901234567890123456789", 10), ("ffffffffffffffffffffffff", 16),
         ("1" * 4300, 10), ("1" * 4301, 10), ("1_" * 4300 + "1", 10), ("f" * 5000, 16), ("'x\"", 10),
         ("a" * 300, 10), ("\u00a012\u3000", 10), ("0B1_1", 2), ("0o_7", 8), ("0b", 0), ("-", 10), ("--1", 10),
         ("٣", 10)]
for s, b in parse:
    r = run(lambda: int(s, b))
    out("parse", s, b, r if len(r) < 200 else "len%d:%s" % (len(r), r[:20]))
for e in [4299, 4300, 4301, 5000]:
    out("strpow10", e, 0, run(lambda: len(str(10 ** e))))
for a in [5, 15, 25, -5, -15, -25, 150, 250, 350, -250, -350, 1249, 1250, 1251, 2**70 + 5 * 10**20]:
    for nd in [-1, -2, -3, -21]:
        out("round", a, nd, run(lambda: round(a, nd)))
# exact int/float comparison (cmp_double); 2 means unordered (nan)
fl = [0.0, -0.0, 0.5, -0.5, 1.0, 2.0**53, 2.0**53 + 2, 2.0**63, -2.0**63, 2.0**64, 1e30, -1e30, 1.5e300,
      float('inf'), float('-inf'), float('nan'), 9007199254740993.0, 123.75]
iv = [0, 1, -1, 2**53, 2**53 + 1, 2**63 - 1, 2**63, -2**63, 2**64, 2**64 + 1, 10**30, -10**30, 10**300, 123, 124]
for a in iv:
    for d in fl:
        out("cmpd", a, d.hex(), "2" if d != d else str((a > d) - (a < d)))
for a in vals[:40]:
    out("bit_count", a, 0, str(a.bit_count()))
    out("low_u64", a, 0, str(a & (2**64 - 1)))
