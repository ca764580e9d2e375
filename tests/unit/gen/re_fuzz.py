#!/usr/bin/python3
"""Differential fuzzing of lmpy::re against CPython 3.11's re.

Build the driver, then run:
  g++ -std=c++20 -O2 -Icore -Itests/unit tests/unit/gen/re_fuzz_driver.cpp \
      core/py/modules/re_engine*.cpp -o /tmp/refuzz
  /usr/bin/python3 tests/unit/gen/re_fuzz.py /tmp/refuzz [count] [seed] [pattern|template|verbose]
Prints each disagreement (pattern, flags, op, subject, CPython, ours).
"""
import importlib.util
import os
import random
import resource
import signal
import subprocess
import sys

spec = importlib.util.spec_from_file_location(
    "gen", os.path.join(os.path.dirname(__file__), "re_gen_cases.py"))
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)

SOUP = list("ab.|()[]{}*+?^$\\-,:=!<>#PiI0129xdwsbBAZg ") + ["(?", "(?P<n>", "(?P=n)", "\\1", "[^", "{2,3}", "(?i)", "(?<="]


def soup(rng):
    return "".join(rng.choice(SOUP) for _ in range(rng.randint(1, 8)))


TSOUP = ["\\", "g", "<", ">", "0", "1", "2", "3", "9", "n", "t", "q", "x", "-", "&", "a", "\\g<", "\\1", "é"]
VSOUP = [" ", "\n", "#c\n", "\\ ", "[ ]", "\t"]


def case_for(rng, mode):
    if mode == "template":
        p = rng.choice(["(?P<n>a)(b)?(c)|x", "a", "(a)", "(?P<n>a)|(?P<m>b)", "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)"])
        arg = "".join(rng.choice(TSOUP) for _ in range(rng.randint(1, 6)))
        return p, 0, "sub", rng.choice(["abc", "xabcx", "abcdefghijk", "b"]), arg, rng.choice([0, 1]), -1
    if mode == "verbose":
        p = gen.rand_alt(rng, 0)
        out = ""
        for ch in p:
            out += ch
            if rng.random() < 0.3:
                out += rng.choice(VSOUP)
        s = "".join(rng.choice("abc \n#") for _ in range(rng.randint(0, 8)))
        return out, gen.X | rng.choice([0, gen.I, gen.M]), rng.choice(["search", "findall", "split"]), s, "", 0, -1
    p = soup(rng) if rng.random() < 0.3 else gen.rand_alt(rng, 0)
    flags = rng.choice([0, 0, gen.I, gen.M, gen.S, gen.X, gen.A, gen.I | gen.A, gen.M | gen.S])
    s = "".join(rng.choice("abcAB \n") for _ in range(rng.randint(0, 9)))
    op = rng.choice(["search", "match", "fullmatch", "findall", "finditer", "sub", "split"])
    arg = rng.choice(["<\\g<0>>", "[\\1]", "\\2\\1", "x", "\\g<n>"]) if op == "sub" else ""
    n1 = rng.choice([0, 0, 0, 1, 2]) if op != "sub" else rng.choice([0, 0, 1, 2])
    n2 = rng.choice([-1, -1, -1, 3, 5]) if op in ("search", "match", "fullmatch", "findall", "finditer") else -1
    if op == "split":
        n1 = rng.choice([0, 1])
    return p, flags, op, s, arg, n1, n2


def main():
    driver = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    mode = sys.argv[4] if len(sys.argv) > 4 else "pattern"  # pattern | template | verbose
    # CPython 3.11.2's possessive repeats can loop allocating without bound: cap memory.
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    signal.signal(signal.SIGALRM, gen.on_alarm)
    cases = []
    while len(cases) < count:
        p, flags, op, s, arg, n1, n2 = case_for(rng, mode)
        if gen.POSSESSIVE_GROUP.search(p):
            continue
        gen.arm(0.3)
        try:
            exp = gen.run(p, flags, op, s, arg, n1, n2).replace("\x00", "\\0")
        except (gen.Timeout, SystemError, MemoryError):
            continue
        finally:
            gen.arm(0)
        cases.append(((p, flags, op, s, arg, n1, n2), exp))
    data = "".join("\x1c".join(str(int(x)) if isinstance(x, int) else x for x in c) + "\x1d" for c, _ in cases)
    proc = subprocess.run([driver], input=data.encode(), capture_output=True, timeout=600)
    out = proc.stdout.decode()
    if proc.returncode:
        print("driver exit", proc.returncode, proc.stderr.decode()[-500:])
    got = out.split("\x1d")
    bad = 0
    for (c, exp), g in zip(cases, got):
        if g != exp:
            bad += 1
            if bad <= 30:
                print(repr(c), "\n   py:", repr(exp), "\n   us:", repr(g))
    print("cases", len(cases), "disagreements", bad, "outputs", len(got) - 1)


main()
