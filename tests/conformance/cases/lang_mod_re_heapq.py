# re (Pattern, Match, errors, sub/split/findall) and heapq
import re, heapq
try:
    re.search('a', 5)
except TypeError as e:
    print(e)
try:
    re.compile('(')
except re.error as e:
    print(e, e.args, e.msg, e.pos, repr(e))
print(repr(re.compile(r'\w+', re.I | re.M)), re.compile('a'), re.search('a' * 60, 'a' * 70))
m = re.match(r'(?P<x>a)(b)?', 'ac')
print(m.groups(), m.groupdict(), m.lastindex, m.lastgroup, m.span(2), m[0], m)
try:
    m.group(5)
except IndexError as e:
    print(e)
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@x and ann@y'), re.subn('a', '-', 'banana', count=2))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b22 c333'))
print([m.span() for m in re.finditer(r'\w+', 'hi there you')], re.split(r'(,)', 'a,b,c'), re.split(r'x*', 'axbc'))
p = re.compile(r'(?P<word>\b\w+\b)', re.IGNORECASE)
print(p.findall('Hello World'), p.groups, p.groupindex, p.pattern, p.flags, p.search('  yo').group('word'))
print(re.escape('a.b*c'), re.fullmatch(r'\d+', '123'), re.fullmatch(r'\d+', '123a'), re.findall(r'(a)(b)?', 'ab a'))
print(re.match(r'(\w+) (\w+)', 'Isaac Newton').expand(r'\2, \1'), re.search('é+', 'caféé').span())
h = []
for x in [5, 3, 8, 1, 9, 2]: heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], heapq.heappushpop(h, 4), heapq.heapreplace(h, 0), h)
print(heapq.nlargest(3, [1, 5, 2, 5, 3], key=lambda x: -x), heapq.nsmallest(2, iter([5, 1, 4, 1])), heapq.nlargest(2, iter([(1, 'b'), (1, 'a'), (2, 'c')])))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])))
try:
    heapq.heappop([])
except IndexError as e:
    print(e)
print(re.sub(r'[aeiou]', '', 'programming language'), re.findall(r'[A-Z][a-z]+', 'Hello There Bob'))
print(re.sub('(?i)HELLO', 'bye', 'hello Hello'), re.split(r'\s+', ' a b  c '), re.findall(r'\b\w', 'the cat'))
