# Deeply nested structures: building, comparing, printing, copying and freeing them must
# raise CPython's RecursionError (or succeed) and never overflow the C++ stack.
import copy

def nest(n, make):
    x = make(None)
    for _ in range(n):
        x = make(x)
    return x

a = nest(200000, lambda x: [x])
b = nest(200000, lambda x: [x])
try:
    print(a == b)
except RecursionError as e:
    print("==:", e)
try:
    print(len(repr(a)))
except RecursionError as e:
    print("repr:", e)
try:
    copy.deepcopy(a)
except RecursionError as e:
    print("deepcopy:", e)
try:
    print(a < b)
except RecursionError as e:
    print("<:", e)
d = nest(200000, lambda x: {"k": x})
try:
    str(d)
except RecursionError as e:
    print("str:", e)
try:
    print(d == nest(200000, lambda x: {"k": x}))
except RecursionError as e:
    print("dict ==:", e)
t = nest(200000, lambda x: (x, 1))
del a, b, d, t
print("freed")

# shallow enough to work everywhere
s = nest(50, lambda x: [x])
print(len(repr(s)), s == nest(50, lambda x: [x]), copy.deepcopy(s) == s)

# a long chain of objects referring to each other, freed at once
class Node:
    def __init__(self, nxt):
        self.nxt = nxt

head = None
for i in range(300000):
    head = Node(head)
head = None
print("chain freed")
