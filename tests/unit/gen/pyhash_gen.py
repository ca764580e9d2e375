#!/usr/bin/env python3
"""Generates pyhash_cases.inc with CPython 3.11's hash() values under PYTHONHASHSEED=0.
Run: PYTHONHASHSEED=0 python3 tests/unit/gen/pyhash_gen.py > tests/unit/gen/pyhash_cases.inc"""
import os, random, sys
assert os.environ.get('PYTHONHASHSEED') == '0', 'run with PYTHONHASHSEED=0'
R = random.Random(99)

def c(s):
    r = ''
    for ch in s.encode('utf-8', 'surrogatepass'):
        if ch == 0x5c or ch == 0x22: r += '\\' + chr(ch)
        elif 0x20 <= ch < 0x7f and ch != 0x3f: r += chr(ch)
        else: r += '\\%03o' % ch
    return '"' + r + '"'

def out(kind, a, h):
    print('{%s, %s, "%d"},' % (c(kind), c(a), h))

ints = [0, 1, -1, -2, 2, 2**61 - 2, 2**61 - 1, 2**61, -2**61 + 1, 2**62, 2**63 - 1, -2**63, 2**64, 10**30, -10**30,
        3**200, -(2**61 - 1) * 5 - 1]
for _ in range(300):
    ints.append(R.getrandbits(R.choice([8, 32, 62, 64, 65, 100, 300])) * R.choice([1, -1]))
for v in ints:
    out('int', str(v), hash(v))
floats = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -2.5, 1e300, 1e-300, 5e-324, float('inf'), float('-inf'), 2.0**61,
          2.0**62, 0.1, 1/3, 2.0**-61, 123456789.125, -1e22]
for _ in range(300):
    floats.append(R.uniform(-1e6, 1e6) * 10 ** R.randint(-300, 300))
for v in floats:
    out('float', v.hex(), hash(v))
strs = ['', 'a', 'ab', 'abc', 'abcdefg', 'abcdefgh', 'abcdefghi', 'hello world', 'é', 'café', 'ÿ', 'Ā', '日本語',
        'a€b', '😀', 'x😀y', '\u0100' * 9, 'the quick brown fox jumps over the lazy dog']
for _ in range(200):
    n = R.randint(0, 20)
    pool = R.choice([[0x61, 0x7a], [0x20, 0xff], [0x20, 0x3000], [0x20, 0x1f600]])
    cps = [R.randint(*pool) for _ in range(n)]
    strs.append(''.join(chr(x) for x in cps if not 0xd800 <= x < 0xe000))
for s in strs:
    out('str', s, hash(s))
for s in strs[:60]:
    b = s.encode('utf-8')
    out('bytes', s, hash(b))
# tuples and frozensets of ints (item list as text)
for _ in range(150):
    items = [R.choice(ints) for _ in range(R.randint(0, 6))]
    out('tuple', ' '.join(map(str, items)), hash(tuple(items)))
    out('frozenset', ' '.join(map(str, set(items))), hash(frozenset(items)))
out('tuple', '', hash(()))
out('frozenset', '', hash(frozenset()))
