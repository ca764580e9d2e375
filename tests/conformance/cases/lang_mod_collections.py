# collections: Counter, defaultdict, OrderedDict, deque, namedtuple
from collections import Counter, defaultdict, OrderedDict, deque, namedtuple
c = Counter("the cat sat on the mat the end".split())
print(c, c.most_common(2), c["the"], c["zzz"], sum(c.values()))
c.update(["cat", "cat"])
print(c.most_common(1), list(c.elements())[:4], Counter("abracadabra").most_common(3))
print(Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3) - Counter(a=5, b=1), Counter('aab') | Counter('abb'), Counter('aab') & Counter('abb'))
print(Counter(), c.total(), Counter({'x': 2}) == Counter(x=2))
dd = defaultdict(int)
for ch in "mississippi":
    dd[ch] += 1
print(dd, dict(dd), defaultdict(list), dd.default_factory)
od = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
od.move_to_end('a')
print(od)
od.move_to_end('c', last=False)
print(od, od.popitem(), od.popitem(last=False), od)
d = deque([1, 2, 3], maxlen=4)
d.append(4)
d.append(5)
d.appendleft(0)
print(d, d.popleft(), d.pop(), len(d), d[0], d[-1])
d.rotate(1)
print(d)
d.extend([7, 8])
print(d, deque(), list(reversed(d)))
P = namedtuple('Point', 'x y')
p = P(1, y=2)
print(p, p.x, p[1], len(p), p._asdict(), p._replace(x=5), P._make([3, 4]), p == (1, 2))
x, y = p
print(x, y, P._fields, list(p), sorted([P(2, 1), P(1, 3)]))
Q = namedtuple('Q', ['a', 'b', 'c'], defaults=[0, 9])
print(Q(1), Q._field_defaults)
try:
    P(1)
except TypeError as e:
    print(e)
