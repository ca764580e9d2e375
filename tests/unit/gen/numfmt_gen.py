#!/usr/bin/env python3
"""Generates numfmt_cases.inc: float repr/parse, format specs, %-formatting, round and float
arithmetic, checked against CPython 3.11.
Run: python3 tests/unit/gen/numfmt_gen.py > tests/unit/gen/numfmt_cases.inc"""
import math, random, struct

R = random.Random(2024)

def c(s):
    r = ''
    for ch in s.encode('utf-8'):
        if ch == 0x5c or ch == 0x22: r += '\\' + chr(ch)
        elif 0x20 <= ch < 0x7f and not (ch == 0x3f): r += chr(ch)
        else: r += '\\%03o' % ch
    return '"' + r + '"'

def run(f):
    try:
        r = f()
        return repr(r) if isinstance(r, float) else str(r)
    except Exception as e:
        return "!%s: %s" % (type(e).__name__, e)

def out(kind, a, b, res):
    res = res.replace('\x00', '<NUL>')
    print("{%s, %s, %s, %s}," % (c(kind), c(a), c(b), c(res)))

def fhex(x):  # exact transport of a double
    return x.hex()

# ---- repr
floats = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1/3, 2/3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.0001234,
          1e22, 1e23, 5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
          9007199254740993.0, 0.1 + 0.2, 100.0, 1.5e300, -2.5e-300, float('inf'), float('-inf'), float('nan'),
          4.35, 2.675, 1e100, 12345.678, 0.5, 0.25, 1234567890123456.7]
for e in range(-1074, 1024):
    floats.append(2.0 ** e)
for _ in range(3000):
    kind = R.random()
    if kind < 0.5:
        x = struct.unpack('<d', R.getrandbits(64).to_bytes(8, 'little'))[0]
        if math.isnan(x) or math.isinf(x): continue
    elif kind < 0.8:
        x = round(R.uniform(-1000, 1000), R.randint(0, 6))
    else:
        x = R.randint(1, 10**R.randint(1, 20)) / 10**R.randint(0, 25)
    floats.append(x)
for x in floats:
    out("repr", fhex(x), "", repr(x))

# ---- parse
pstr = ["1", " 1.5 ", "-0", "+.5", "5.", ".", "", " ", "1e5", "1E-5", "1e", "1e+", "e5", "1_000.000_1", "1__0", "_1",
        "1_", "1_.5", "1._5", "1e1_0", "1e_10", "inf", "-Infinity", "+INF", "nan", "-nan", "NaN", "infinit",
        "nanx", "0x1p3", "1.5j", "x1", "1 2", "\t\n3.25\r", "\u00a01.5\u2003", "\u0663.\u0665", "1e400", "-1e400",
        "1e-400", "4.9e-324", "2.4e-324", "2.5e-324", "0.1e-9999999999", "1" * 400, "1." + "0" * 500 + "1",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
        "'", "é", "1\u00e9"]
for s in pstr:
    out("parse", s, "", run(lambda: float(s)))

# ---- format specs
def rand_spec(for_str=False):
    s = ''
    if R.random() < 0.3:
        if R.random() < 0.5: s += R.choice('*x0 é')
        s += R.choice('<>^=')
    if R.random() < 0.3: s += R.choice('+- ')
    if R.random() < 0.1: s += 'z'
    if R.random() < 0.2: s += '#'
    if R.random() < 0.2: s += '0'
    if R.random() < 0.5: s += str(R.randint(0, 25))
    if R.random() < 0.2: s += R.choice([',', '_'])
    if R.random() < 0.4: s += '.' + str(R.randint(0, 20))
    if R.random() < 0.8: s += R.choice('bcdoxXneEfFgG%s')
    return s

ints = [0, 1, -1, 7, -42, 65, 255, 1234, -98765, 10**6, 2**31, -2**63, 2**63 - 1, 2**64, 10**20, -3**70, 0x10ffff, 0x110000]
fvals = [0.0, -0.0, 1.0, -1.5, 0.1, 1/3, 2.5, 1234567.891, -0.000123, 1e16, 1e22, 1e-7, 123.456e100, 5e-324,
         float('inf'), float('-inf'), float('nan'), 0.5, 1.5, 999.9999, 9.9999995, 1e300]
strs = ["", "a", "hello", "héllo wörld", "日本語", "tab\there"]
specs_fixed = ["", "d", "x", "#x", "#X", "#o", "#b", "_b", "_x", ",", "_", ",d", "010,", "09,", "08,", "+", " ",
               "=+10", "^10", "<10", ">10", "*^11", "e", "E", ".3e", "f", ".2f", "F", "g", "G", ".3g", "#g", "%",
               ".1%", "n", ",.2f", "_.3f", "015,.2f", "z.1f", "z", "c", "#c", "+c", ".2", ".0", "#.0", "10.4",
               "<", "s", ".3s", "5.2s", "=10", "05", "0<5", "0=+8", "ab", ",_", "_,", ",,", "__", ".", "x<", "\x01",
               ",\x01", "_c", ",s", "_n", ",x", "99999999999999999999999", ".2147483648f", ".50f", ".25e", ".30g",
               "#.3g", "#10.3", "+.3", " .3", "é>9", "\u00e9^9.2", "-", "z+08.3f", "#_o", "0", "10", ".17g", ".0f",
               ".0e", "#.0e", ".1", ".16", ".17", "-^20,.3f"]
for v in ints:
    for sp in specs_fixed + [rand_spec() for _ in range(25)]:
        out("fmt_int", str(v), sp, run(lambda: format(v, sp)))
for v in fvals:
    for sp in specs_fixed + [rand_spec() for _ in range(40)]:
        out("fmt_float", fhex(v), sp, run(lambda: format(v, sp)))
for v in strs:
    for sp in specs_fixed + [rand_spec() for _ in range(15)]:
        out("fmt_str", v, sp, run(lambda: format(v, sp)))
for _ in range(400):
    x = struct.unpack('<d', R.getrandbits(64).to_bytes(8, 'little'))[0]
    if math.isnan(x) or math.isinf(x): continue
    sp = R.choice(['e', 'f', 'g', '', '.3', '.12g', '.1e', ',.2f', '.17e'])
    if sp in ('f', ',.2f') and abs(x) > 1e60: sp = 'g'
    out("fmt_float", fhex(x), sp, run(lambda: format(x, sp)))

# ---- round
rvals = [0.5, 1.5, 2.5, -0.5, -2.5, 0.125, 0.375, 2.675, 1.005, 1234.5678, -1234.5678, 1e300, -1e300, 5e-324,
         1.7976931348623157e308, 0.0, -0.0, float('inf'), float('nan'), 12345.0, 15.0, 25.0, 35.0, 4.5e15,
         4503599627370497.5, 0.1, 0.05, 0.15, 0.25, 0.35, 1e-300, 123456789.123456789]
for x in rvals:
    out("round0", fhex(x), "", run(lambda: round(x)))
    for nd in [0, 1, 2, 3, 5, 10, 17, 300, 323, 324, -1, -2, -3, -5, -10, -100, -300, -307, -308, -309, -400]:
        out("round", fhex(x), str(nd), run(lambda: round(x, nd)))
for _ in range(300):
    x = R.uniform(-1e6, 1e6) if R.random() < 0.7 else R.randint(1, 10**8) / 1000 + 0.0005
    nd = R.randint(-6, 8)
    out("round", fhex(x), str(nd), run(lambda: round(x, nd)))

# ---- float arithmetic
avals = [0.0, -0.0, 1.0, -1.0, 3.5, -3.5, 7.0, -7.0, 0.1, 1e308, -1e308, 5e-324, float('inf'), float('-inf'), float('nan'), 2.0, 0.5, -2.0, 1e-300, 10.0, 1/3]
for a in avals:
    for b in avals:
        out("floordiv", fhex(a), fhex(b), run(lambda: a // b))
        out("mod", fhex(a), fhex(b), run(lambda: a % b))
        out("divmod", fhex(a), fhex(b), run(lambda: "%r,%r" % divmod(a, b)))
        out("truediv", fhex(a), fhex(b), run(lambda: a / b))
        out("pow", fhex(a), fhex(b), run(lambda: a ** b if not (math.isfinite(a) and a < 0 and math.isfinite(b) and b != math.floor(b)) else "complex"))
for a, b in [(-8.0, 1/3), (-1.0, 0.5), (2.0, 1024.0), (2.0, -1080.0), (10.0, 308.5), (-2.0, 3.0), (-2.0, 1025.0), (0.0, -1.5), (-0.0, -1.0), (-0.0, 3.0), (-0.0, 0.5), (1.0, float('nan')), (float('nan'), 0.0), (-1.0, float('inf'))]:
    out("pow", fhex(a), fhex(b), run(lambda: a ** b if not (math.isfinite(a) and a < 0 and math.isfinite(b) and b != math.floor(b)) else "complex"))

# ---- percent formatting. Arguments: type-tagged values separated by \x1e; 'T' prefix = tuple.
def enc(v):
    if isinstance(v, bool): return 'B:' + str(int(v))
    if isinstance(v, int): return 'i:' + str(v)
    if isinstance(v, float): return 'f:' + fhex(v)
    if isinstance(v, str): return 's:' + v
    if v is None: return 'n:'
    raise TypeError
pcases = [("%d", 5), ("%5d", -5), ("%-5d|", 5), ("%05d", -5), ("%+d", 5), ("% d", 5), ("%.3d", -5), ("%x", 255),
          ("%#x", 255), ("%#X", 255), ("%#o", 8), ("%#08x", 255), ("%-#8x|", 255), ("%o", -8), ("%d", 1.9),
          ("%d", -1.9), ("%d", "a"), ("%x", 1.5), ("%i", True), ("%u", 7), ("%s", 1.5), ("%r", 1.5), ("%s", "é"),
          ("%r", "it's"), ("%a", "é"), ("%5s|", "ab"), ("%-5s|", "ab"), ("%.1s", "ab"), ("%05s", "ab"),
          ("%f", 1.5), ("%.2f", 2.675), ("%e", 12345.678), ("%E", 0.0), ("%g", 1e-5), ("%G", 1e20), ("%#g", 1.0),
          ("%10.3f|", -3.14159), ("%-10.3f|", 3.14159), ("%010.3f", -3.14159), ("%+.1e", 5.0), ("% f", 1.0),
          ("%f", float('inf')), ("%010f", float('-inf')), ("%F", float('nan')), ("%f", 5), ("%f", 10**400),
          ("%f", "x"), ("%c", 65), ("%c", "é"), ("%c", "ab"), ("%c", 1114112), ("%c", -1), ("%c", 1.5),
          ("%3c|", 65), ("%-3c|", 65), ("%%", ()), ("100%%", ()), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1),
          ("%", ()), ("%5", 1), ("%s", ()), ("%s", (None,)), ("%*d", (5, 1)), ("%-*d|", (5, 1)), ("%*d", (-5, 1)),
          ("%.*f", (2, 3.14159)), ("%*.*f", (8, 2, 3.14159)), ("%*d", ("a", 1)), ("%d %s %r", (1, "a", "b")),
          ("abc", 5), ("abc", ()), ("%d", 10**30), ("%x", -10**30), ("%.0f", 0.5), ("%.0f", 1.5), ("%#.0f", 1.0),
          ("%.0e", 12345.0), ("%#.0e", 1.0), ("%ld", 5), ("%hd", 5), ("%é", 1), ("%\x01", 1), ("a%sb%sc", ("X", "Y")),
          ("%s", "日本"), ("%.1s|%3s", ("日本", "日")), ("%i", -0.5), ("%d", float('inf')), ("%d", float('nan')),
          ("%(a)s", 1), ("%0-5d|", 3), ("%+ d", 3), ("% +d", 3), ("%#5o", 8), ("%#.3x", 255), ("%.3x", -255),
          ("%+x", 255), ("%g", 123456789.0), ("%.3g", 0.0001234), ("%-08.2f|", 1.0), ("%s%%s", 'x'), ("%5%", ()),
          ("%r", 10**20), ("%.2s", 1.5), ("%c", 0x10ffff)]
for f, a in pcases:
    args = a if isinstance(a, tuple) else (a,)
    spec = ('T' if isinstance(a, tuple) else '') + '\x1e'.join(enc(v) for v in args)
    out("percent", f, spec, run(lambda: f % a))
# mappings
for f, d in [("%(a)s-%(b)d", {'a': 'x', 'b': 5}), ("%(a)s", {}), ("%(a)s %s", {'a': 1}), ("%(a", {'a': 1}),
             ("%(a)5.1f|", {'a': 2.25}), ("%(x(y))s", {'x(y)': 3}), ("abc", {'a': 1}), ("%(a)s%%", {'a': 1})]:
    spec = 'M' + '\x1e'.join(k + '=' + enc(v) for k, v in d.items())
    out("percent", f, spec, run(lambda: f % d))
