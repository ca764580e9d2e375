# Adjacent instruction pairs the compiler fuses (LOAD_FAST+LOAD_FAST, LOAD_FAST+LOAD_CONST,
# STORE_FAST+LOAD_FAST, LOAD_CONST+BINARY, COMPARE+POP_JUMP): every slow path of a fused pair
# (bigints, mixed types, operator overloads, unbound names, errors on the second instruction,
# jumps that land between the two) must behave as the two instructions would.


def arith(x, y):
    a = x + 1
    b = x * 3
    c = x - 2
    d = x // 7
    e = x % 5
    f = x << 3
    g = x >> 1
    h = x / 4
    i = x ** 2
    j = y + 0.5
    k = y * 2
    return a, b, c, d, e, f, g, h, i, j, k


print(arith(10, 1.5))
print(arith(2**62, 2))
print(arith(-2**63, -0.0))
print(arith(True, 3))


class V:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return V(self.v + [o])

    def __lt__(self, o):
        return len(self.v) < o

    def __repr__(self):
        return f"V({self.v})"


def over(v):
    v = v + 1
    v += 2
    return v, v < 3, "ab" + "c", [1] * 3


print(over(V([])))


def cmp_jumps(a, b):
    out = []
    if a < b:
        out.append("lt")
    if a == b:
        out.append("eq")
    if not a >= b:
        out.append("not ge")
    if a in (1, 2.0, "x"):
        out.append("in")
    if a is b:
        out.append("is")
    while a < b:
        a += 1
    out.append(a)
    return out


for a, b in [(1, 2), (2.0, 2), ("x", "y"), (3, 3), (2**70, 2**70 + 1), (1.5, float("nan")), (None, None)]:
    try:
        print(a, b, cmp_jumps(a, b))
    except TypeError as e:
        print("TypeError:", e)


def unbound_second(flag):
    if flag:
        y = 1
    x = 2
    return x + y


print(unbound_second(True))
try:
    unbound_second(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def store_then_load(n):
    total = 0
    for i in range(n):
        total = total + i
        del i
    try:
        i
    except NameError as e:
        print(type(e).__name__, e)
    return total


print(store_then_load(5))


def landing(n):
    # the loop's back edge and the conditional jump land on the middle of pairs
    r = []
    i = 0
    while i < n:
        k = i if i % 2 else -i
        r.append(k * 2)
        i = i + 1
    return r, (n > 3 and n or -n)


print(landing(6), landing(1))


def errors(x):
    try:
        return x / 0
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        return x % 0
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        return x + "s"
    except TypeError as e:
        print("TypeError:", e)
    return x >> -1



# module level: FOR_ITER+STORE_GLOBAL, STORE_GLOBAL+LOAD_GLOBAL (a new name changes the
# globals' shape between the two), LOAD_GLOBAL+LOAD_GLOBAL with the second not yet defined
acc = 0
for item in [3, 1, 4, 1, 5]:
    acc = acc + item
    fresh_name = acc
    acc = fresh_name
print(acc, item, fresh_name)
for ch in "":
    pass
try:
    print(ch)
except NameError as e:
    print("NameError:", e)
try:
    print(acc, not_defined_yet)
except NameError as e:
    print("NameError:", e)
not_defined_yet = 1
print(acc, not_defined_yet)


def gen():
    yield from range(3)


total = 0
for k in gen():
    total = total + k
print(total, k)
for a, b in zip("ab", "cd"):
    pass
print(a, b)

errors(7)  # ends the program: ValueError: negative shift count
