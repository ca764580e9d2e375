# functools, string, time, sys, copy
import functools, string, time, sys, copy
from functools import reduce, partial, lru_cache, cache, wraps, total_ordering, cmp_to_key
print(reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 10))
p = partial(max, 1, key=abs)
print(p, p(-5, 3), partial(p, 7).args)
def f(a, b, c=0):
    return a + b + c
g = partial(f, 1, c=10)
print(g(2), g.func is f, g.keywords)
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info(), fib.__name__)
@cache
def sq(x): return x * x
print(sq(3), sq(3), sq.cache_info())
@lru_cache(maxsize=2)
def ident(x): return x
for v in [1, 2, 1, 3, 2]: ident(v)
print(ident.cache_info())
def deco(fn):
    @wraps(fn)
    def inner(*a): return fn(*a)
    return inner
@deco
def hello(): return 'hi'
print(hello.__name__, hello(), hello.__wrapped__.__name__)
@total_ordering
class V:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return self.x == o.x
    def __lt__(self, o): return self.x < o.x
print(V(1) <= V(2), V(3) > V(2), V(2) >= V(2))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
try: reduce(lambda a, b: a, [])
except TypeError as e: print(e)
print(string.ascii_letters, string.digits, string.punctuation, repr(string.whitespace), string.capwords(' hello   world '), len(string.printable))
t0 = time.time()
t1 = time.perf_counter()
time.sleep(0.01)
print(time.time() >= t0, time.perf_counter() >= t1, type(time.monotonic()).__name__)
print(sys.version_info[:2], sys.version_info.major, sys.maxsize, sys.float_info.epsilon, sys.getrecursionlimit())
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit())
n = sys.stdout.write('written\n')
print(n, 'math' in sys.modules or True)
a = [[1, 2], {'k': [3]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[0].append(9)
a[1]['k'].append(4)
print(b, c, b[0] is a[0], c[0] is a[0])
class P:
    def __init__(self):
        self.items = [1]
p1 = P()
p2 = copy.deepcopy(p1)
p3 = copy.copy(p1)
p1.items.append(2)
print(p2.items, p3.items, type(p2).__name__)
from collections import defaultdict, Counter
d = defaultdict(list, {'a': [1]})
e = copy.deepcopy(d)
e['b'].append(2)
print(d, e, copy.copy(Counter('aab')))
t = (1, [2])
u = copy.deepcopy(t)
print(u, u is t, copy.deepcopy((1, 2)) == (1, 2))
try:
    sys.exit(3)
except SystemExit as ex:
    print('exit', ex.code if hasattr(ex, 'code') else ex.args)
