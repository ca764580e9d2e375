#!/usr/bin/python3
"""Generates tests/unit/np_format_test.cpp from NumPy 1.24's printing (the oracle).

Run: /usr/bin/python3 tests/unit/gen/np_format_gen.py > tests/unit/np_format_test.cpp
Every case records str() and repr() of an array under given print options, or a scalar /
format_float_* result; doubles are emitted as hex-float literals.
"""
import math
import random
import sys

import numpy as np

rng = random.Random(1234)
out = []
emit = out.append


def cstr(s):
    r = '"'
    for b in s.encode("utf-8"):
        c = chr(b)
        if 32 <= b < 127 and c not in '"\\?':
            r += c
        elif c == "\n":
            r += "\\n"
        else:
            r += "\\%03o" % b
    return r + '"'


def dlit(x):
    x = float(x)
    if math.isnan(x):
        return "NAN"
    if math.isinf(x):
        return "INFINITY" if x > 0 else "-INFINITY"
    if x == 0:
        return "-0.0" if math.copysign(1, x) < 0 else "0.0"
    return x.hex()


def u32(s):
    return "U" + cstr(s)  # UTF-32 literal from UTF-8 escapes is not portable; see below


def u32lit(s):
    return "std::u32string{" + ", ".join("char32_t(%d)" % ord(c) for c in s) + "}"


cases = []  # C++ blocks (formula-generated data)
table = []  # data-literal cases, emitted as flat tables (compiles far faster than CHECK blocks)
F_DATA, I_DATA, SHAPES, U_DATA = [], [], [], []


def array_case(arr, opts=None, gen=None):
    opts = {**dict(precision=8, suppress=False, linewidth=75, threshold=1000, edgeitems=3), **(opts or {})}
    np.set_printoptions(**opts)
    try:
        s, r = str(arr), repr(arr)
    finally:
        np.set_printoptions(precision=8, suppress=False, linewidth=75, threshold=1000, edgeitems=3)
    kind = {"f": "f", "i": "i", "b": "b", "U": "U"}[arr.dtype.kind]
    if gen is None:
        flat = arr.ravel()
        shape_off = len(SHAPES)
        SHAPES.extend(arr.shape)
        if kind == "f":
            off = len(F_DATA); F_DATA.extend(dlit(x) for x in flat)
        elif kind in "ib":
            off = len(I_DATA); I_DATA.extend(int(x) for x in flat)
        else:
            off = len(U_DATA)
            for x in flat:
                U_DATA.append(len(x)); U_DATA.extend(ord(c) for c in x)
        p = opts["precision"]
        table.append("    {'%s', %d, %d, %d, %d, %d, {%d, %s, %d, %d, %d}, %s, %s}," % (
            kind, shape_off, arr.ndim, off, arr.size, (arr.dtype.itemsize // 4) if kind == "U" else 0,
            -1 if p is None else p, "true" if opts["suppress"] else "false", opts["linewidth"],
            opts["threshold"], opts["edgeitems"], cstr(s), cstr(r)))
        return
    lines = ["    {", "        PrintArray a;", "        a.kind = '%s';" % kind,
             "        a.shape = {%s};" % ", ".join(str(d) for d in arr.shape)]
    flat = arr.ravel()
    if gen is not None:
        lines.append("        " + gen)
    elif kind == "f":
        lines.append("        a.f = {%s};" % ", ".join(dlit(x) for x in flat))
    elif kind == "i":
        lines.append("        a.i = {%s};" % ", ".join(("%dLL" % x) if x != -2**63 else "INT64_MIN" for x in flat))
    elif kind == "b":
        lines.append("        a.b = {%s};" % ", ".join("1" if x else "0" for x in flat))
    else:
        lines.append("        a.u = {%s};" % ", ".join(u32lit(x) for x in flat))
        lines.append("        a.u_width = %d;" % (arr.dtype.itemsize // 4))
    p = opts["precision"]
    lines.append("        PrintOptions o{%d, %s, %d, %d, %d};" % (-1 if p is None else p, "true" if opts["suppress"] else "false",
                                                            opts["linewidth"], opts["threshold"], opts["edgeitems"]))
    lines.append("        CHECK(array_str(a, o) == %s);" % cstr(s))
    lines.append("        CHECK(array_repr(a, o) == %s);" % cstr(r))
    lines.append("    }")
    cases.append("\n".join(lines))


def rnd_float():
    t = rng.random()
    if t < 0.15:
        return float(rng.randint(-20, 20))
    if t < 0.3:
        return round(rng.uniform(-10, 10), rng.randint(0, 4))
    if t < 0.45:
        return rng.uniform(-1, 1) * 10 ** rng.randint(-12, 12)
    if t < 0.55:
        return rng.choice([0.0, -0.0, 0.5, 1.5, 2.5, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e-5, 1e8, 1e-4, 99999999.0, 0.0001])
    return rng.gauss(0, 1) * rng.choice([1, 10, 100, 1000, 0.01])


def rnd_shape(maxsize=60):
    nd = rng.choice([1, 1, 1, 2, 2, 2, 3, 4])
    while True:
        sh = tuple(rng.randint(1, 6 if nd > 1 else 25) for _ in range(nd))
        if np.prod(sh) <= maxsize:
            return sh


def rnd_opts():
    o = {}
    if rng.random() < 0.3:
        o["precision"] = rng.choice([0, 1, 2, 3, 4, 5, 6, 10, 12, 16, 17])
    if rng.random() < 0.3:
        o["suppress"] = True
    if rng.random() < 0.3:
        o["linewidth"] = rng.choice([10, 20, 30, 40, 50, 60, 80, 100, 120])
    if rng.random() < 0.2:
        o["threshold"] = rng.choice([5, 10, 20, 50])
        o["edgeitems"] = rng.choice([1, 2, 3, 4])
    return o


# ---- hand-picked arrays (slides-style and edge cases) ----
F = lambda *xs: np.array(xs, dtype=float)
hand = [
    F(1, 2, 3), F(0.1, 0.2, 0.3), F(1.5, -2.25, 3.0), F(1e-5, 1), F(1e8, 1), F(99999999.0, 1.0), F(1e-4, 1),
    F(0.001, 1.0), F(0.001, 1.001), F(1, 1000), F(1, 1001), F(np.nan, 1, np.inf, -np.inf), F(np.nan), F(np.inf, -np.inf),
    F(-0.0, 0.0), F(-0.0), F(0.0, 0.0), F(1e16), F(1e300, 1e-300), F(5e-324, 1), F(1.7976931348623157e308),
    F(0.5, 0.25, 0.125), F(1 / 3, 2 / 3), F(123456789.123, 0.5), F(0.123456785, 1), F(-1e-10, 1, np.nan),
    F(9.9999999999, 1e-5), F(9.99999999999, 0.5, 1e10), F(0.99999999999, 1), F(1.99999999999, 12.5),
    F(3.14159265358979, 2.718281828459045, 1.4142135623730951), F(1e23, 1), F(2.0 ** 60, 1), F(0.1 + 0.2),
    F(-1.5, np.nan), F(1e-9, 1e-10), F(100, 200.5, -300.25),
    np.arange(10.0), np.linspace(0, 1, 11), np.linspace(0, 1, 7), np.linspace(-5, 5, 30), np.arange(12.0).reshape(3, 4) / 7,
    np.arange(24.0).reshape(2, 3, 4), np.arange(24.0).reshape(2, 3, 4) - 11.5, np.eye(3), np.eye(4) * 1e-5,
    np.arange(120).reshape(2, 3, 4, 5), np.arange(10), np.array([-5, 10, 200]), np.array([2**62, -2**63]),
    np.array([[1, -1], [100, 5]]), np.array([True, False, True]), np.array([[True], [False]]), np.array([False]),
    np.array(["cat", "dog"]), np.array(["a", "bbb", ""]), np.array(["it's", 'say "hi"', "both '\""]),
    np.array(["héllo", "漢字", "tab\there", "nl\nx", "back\\slash"]), np.array([["ab", "c"], ["d", "efg"]]),
    np.array(["\x00x", "\x7f", "\xa0", "\u200b", "\U0001F600"]),
    np.array(1.5), np.array(1e16), np.array(0.0001), np.array(1e-5), np.array(-0.0), np.array(np.nan), np.array(3),
    np.array(True), np.array(False), np.array("abc"), np.array(2.0),
    np.zeros(0), np.zeros((2, 0)), np.zeros((0, 3)), np.zeros(0, dtype=int), np.zeros(0, dtype=bool),
    np.array([], dtype=str), np.zeros((1, 0, 2), dtype=int),
    np.random.RandomState(0).rand(5, 3), np.random.RandomState(1).randn(4, 4), np.random.RandomState(2).randn(50),
    np.random.RandomState(3).randint(-1000, 1000, 30), np.random.RandomState(4).rand(3, 3) * 1e-3,
    np.random.RandomState(5).randn(10) * 1e6, np.random.RandomState(6).rand(2, 2, 2, 2),
]
for arr in hand:
    array_case(arr)
for arr in [F(1e-10, 1), F(1e-5, 1), F(1e-9, 1, 123.456), F(-1e-10, 1, np.nan), F(1e-10, 1e10), np.eye(3) * 1e-9 + 1]:
    array_case(arr, {"suppress": True})
for p in [0, 1, 2, 3, 4, 17]:
    array_case(F(3.14159265358979, 2.5, 0.125, 1e-3), {"precision": p})
    array_case(F(3.14159265358979, 2.5, 1e-7), {"precision": p})
    array_case(F(0.5, 1.5, 2.5, 3.5), {"precision": p})
array_case(F(0.1, 0.12345678901234567), {"precision": 17})
array_case(F(0.1, 1e-5, 0.12345678901234567), {"precision": 17})
array_case(np.arange(100.0) / 3, {"linewidth": 40})
array_case(np.arange(30), {"linewidth": 20})
array_case(np.arange(30), {"linewidth": 1})

# ---- summarisation with formula-generated data ----
for n, lw in [(1001, 75), (2000, 75), (5000, 60)]:
    array_case(np.arange(n), gen="for (int k = 0; k < %d; k++) a.i.push_back(k);" % n)
    arr = np.arange(n, dtype=float) * 0.5 + 1.0
    array_case(arr, gen="for (int k = 0; k < %d; k++) a.f.push_back(k * 0.5 + 1.0);" % n)
arr = (np.arange(3000, dtype=float) * 1.25 - 7.0).reshape(30, 100)
array_case(arr, gen="for (int k = 0; k < 3000; k++) a.f.push_back(k * 1.25 - 7.0);")
arr = np.arange(2400).reshape(4, 6, 100)
array_case(arr, gen="for (int k = 0; k < 2400; k++) a.i.push_back(k);")
arr = np.arange(1200).reshape(20, 60) % 2 == 0
array_case(arr, gen="for (int k = 0; k < 1200; k++) a.b.push_back(k % 2 == 0);")
arr = (np.arange(2000.0) * 1e-7).reshape(2000)
array_case(arr, gen="for (int k = 0; k < 2000; k++) a.f.push_back(k * 1e-7);")
array_case(arr, {"suppress": True}, gen="for (int k = 0; k < 2000; k++) a.f.push_back(k * 1e-7);")
arr = np.arange(10 * 10 * 12).reshape(10, 10, 12)
array_case(arr, gen="for (int k = 0; k < 1200; k++) a.i.push_back(k);")
array_case(np.arange(8), {"threshold": 5, "edgeitems": 3})
array_case(np.arange(7), {"threshold": 5, "edgeitems": 3})
array_case(np.arange(36).reshape(6, 6), {"threshold": 10, "edgeitems": 2})
array_case(np.arange(36.0).reshape(6, 6) / 7, {"threshold": 10, "edgeitems": 1})
array_case(np.array(["x%d" % k for k in range(20)]), {"threshold": 10})

# ---- random arrays ----
for _ in range(250):
    sh = rnd_shape()
    kind = rng.random()
    if kind < 0.6:
        vals = [rnd_float() for _ in range(int(np.prod(sh)))]
        if rng.random() < 0.3:  # common magnitude
            scale = 10 ** rng.randint(-6, 9)
            vals = [rng.uniform(-1, 1) * scale for _ in vals]
        if rng.random() < 0.1:
            vals[rng.randrange(len(vals))] = rng.choice([np.nan, np.inf, -np.inf])
        arr = np.array(vals).reshape(sh)
    elif kind < 0.8:
        arr = np.array([rng.randint(-10 ** rng.randint(0, 12), 10 ** rng.randint(0, 12)) for _ in range(int(np.prod(sh)))]).reshape(sh)
    elif kind < 0.9:
        arr = np.array([rng.random() < 0.5 for _ in range(int(np.prod(sh)))]).reshape(sh)
    else:
        words = ["cat", "dog", "a", "", "héllo", "it's", "zebra", "x y"]
        arr = np.array([rng.choice(words) for _ in range(int(np.prod(sh)))]).reshape(sh)
    array_case(arr, rnd_opts())

emit("// GENERATED by tests/unit/gen/np_format_gen.py from NumPy %s / Python %s; do not edit."
     % (np.__version__, sys.version.split()[0]))
emit('#include <catch2/catch.hpp>\n#include "np/npformat.h"\n#include <cmath>\n#include <cstdint>\n')
emit("using namespace lmpy::np;\n")
emit("namespace {")
emit("const int64_t SHAPES[] = {%s};" % ", ".join(str(x) for x in SHAPES + [0]))
emit("const double FDATA[] = {%s};" % ", ".join(F_DATA + ["0.0"]))
emit("const int64_t IDATA[] = {%s};" % ", ".join(("%dLL" % x) if x != -2**63 else "INT64_MIN" for x in I_DATA + [0]))
emit("const char32_t UDATA[] = {%s};" % ", ".join(str(x) for x in U_DATA + [0]))
emit("""struct Case {
    char kind;
    int shape_off, ndim, off, size, u_width;
    PrintOptions o;
    const char* s;
    const char* r;
};
const Case CASES[] = {""")
emit("\n".join(table))
emit("""};

PrintArray build(const Case& c) {
    PrintArray a;
    a.kind = c.kind;
    a.shape.assign(SHAPES + c.shape_off, SHAPES + c.shape_off + c.ndim);
    if (c.kind == 'f') a.f.assign(FDATA + c.off, FDATA + c.off + c.size);
    if (c.kind == 'i') a.i.assign(IDATA + c.off, IDATA + c.off + c.size);
    if (c.kind == 'b')
        for (int k = 0; k < c.size; k++) a.b.push_back(IDATA[c.off + k] != 0);
    if (c.kind == 'U') {
        int p = c.off;
        for (int k = 0; k < c.size; k++) {
            int len = static_cast<int>(UDATA[p++]);
            a.u.emplace_back(UDATA + p, UDATA + p + len);
            p += len;
        }
        a.u_width = c.u_width;
    }
    return a;
}
} // namespace

TEST_CASE("np_format array table", "[np_format]") {
    for (const Case& c : CASES) {
        PrintArray a = build(c);
        INFO("case " << (&c - CASES));
        CHECK(array_str(a, c.o) == c.s);
        CHECK(array_repr(a, c.o) == c.r);
    }
}
""")
CH = 25
for k in range(0, len(cases), CH):
    emit('TEST_CASE("np_format arrays %d", "[np_format]") {' % (k // CH))
    emit("\n".join(cases[k:k + CH]))
    emit("}\n")

# ---- scalars: float64 repr == Python repr ----
vals = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1e16, 1e15, 9999999999999998.0, 1e-5, 1e-4, 0.0001234, 1e22, 1e23,
        1e-320, 5e-324, 2.5e-5, 12345678901234567890.0, 1.7976931348623157e308, 2.2250738585072014e-308,
        123456789.123, 1 / 3, 2.0 ** 60, 2.0 ** -1022, 2.0 ** -1000, 2.0 ** 1000, 0.3, 100.0, 1234.5,
        float("nan"), float("inf"), float("-inf")]
for _ in range(400):
    vals.append(rng.uniform(-1, 1) * 10 ** rng.randint(-30, 30))
for _ in range(200):
    b = rng.getrandbits(64)
    v = np.frombuffer(b.to_bytes(8, "little"), dtype=np.float64)[0]
    if np.isfinite(v):
        vals.append(float(v))
for e in range(-1074, 1024, 7):
    vals.append(math.ldexp(1.0, e))
emit("namespace {\nstruct FCase {\n    double x;\n    const char* s;\n};\nconst FCase FLOATS[] = {")
for v in vals:
    emit("    {%s, %s}," % (dlit(v), cstr(str(np.float64(v)))))
    assert str(np.float64(v)) == repr(np.float64(v)) == repr(v)
emit("};\n} // namespace\n")
emit('TEST_CASE("np_format float64 scalars", "[np_format]") {')
emit("    for (const FCase& c : FLOATS) {\n        INFO(c.s);\n        CHECK(float64_repr(c.x) == c.s);\n    }\n}\n")
emit('TEST_CASE("np_format int/bool/str scalars", "[np_format]") {')
for v in [0, 5, -5, 2**63 - 1, -2**63 + 1]:
    emit("    CHECK(int64_str(%dLL) == %s);" % (v, cstr(str(np.int64(v)))))
emit('    CHECK(bool_str(true) == "%s");\n    CHECK(bool_str(false) == "%s");' % (np.bool_(True), np.bool_(False)))
for s in ["x", "it's", 'a"b', "both'\"", "tab\t", "é漢", "\x00", "\x1b[0m", "\xa0", "\U0001F600", "back\\"]:
    emit("    CHECK(py_str_repr(%s) == %s);" % (u32lit(s), cstr(repr(s))))
emit("}\n")

# ---- format_float_positional / scientific ----
ff_rows = []
P, S = np.format_float_positional, np.format_float_scientific
fvals = [0.0004, 0.0006, 0.0005, 0.00051, 0.000999, 0.125, 0.375, 0.0096, 0.00096, 0.5, 1.5, 2.5, 0.1,
         0.10000000001, 0.19999999999, 9.9999999999, 1.0, 123.456, -0.0, 1e-20, 1e20, 3.14159265358979, -2.5]
for v in fvals:
    for kw in [dict(), dict(precision=3), dict(precision=3, unique=False), dict(precision=2, unique=False, trim="-"),
               dict(precision=0), dict(precision=0, unique=False), dict(precision=8, trim="k"), dict(precision=4, trim="0"),
               dict(precision=5, unique=False, trim="."), dict(min_digits=5), dict(min_digits=20, precision=25),
               dict(precision=3, sign=True, pad_left=5, pad_right=4), dict(precision=4, fractional=False),
               dict(precision=2, fractional=False, unique=False)]:
        a = [dlit(v), kw.get("precision", -1), "true" if kw.get("unique", True) else "false",
             "true" if kw.get("fractional", True) else "false", "'%s'" % kw.get("trim", "k"),
             "true" if kw.get("sign", False) else "false", kw.get("pad_left", -1), kw.get("pad_right", -1), kw.get("min_digits", -1)]
        ff_rows.append("    {%s, [](double x) { return format_float_positional(x, %s); }}," % (cstr(P(v, **kw)) + ", " + a[0], ", ".join(str(x) for x in a[1:])))
    for kw in [dict(), dict(precision=3), dict(precision=3, unique=False), dict(precision=0), dict(precision=1, unique=False),
               dict(precision=8, trim="k", min_digits=3), dict(precision=4, trim="-"), dict(precision=4, trim="0"),
               dict(exp_digits=3), dict(exp_digits=1), dict(sign=True, pad_left=4), dict(min_digits=20, precision=25)]:
        a = [dlit(v), kw.get("precision", -1), "true" if kw.get("unique", True) else "false", "'%s'" % kw.get("trim", "k"),
             "true" if kw.get("sign", False) else "false", kw.get("pad_left", -1), kw.get("exp_digits", -1), kw.get("min_digits", -1)]
        ff_rows.append("    {%s, [](double x) { return format_float_scientific(x, %s); }}," % (cstr(S(v, **kw)) + ", " + a[0], ", ".join(str(x) for x in a[1:])))
emit("namespace {\nstruct FFCase {\n    const char* expected;\n    double x;\n    std::string (*fn)(double);\n};\nconst FFCase FF[] = {")
emit("\n".join(ff_rows))
emit("};\n} // namespace\n")
emit('TEST_CASE("np_format format_float_*", "[np_format]") {')
emit("    for (const FFCase& c : FF) {\n        INFO(\"case \" << (&c - FF));\n        CHECK(c.fn(c.x) == c.expected);\n    }\n}")
print("\n".join(out))
