# Deep recursion with large frames: the value stack grows in chunks, so frames near the
# recursion limit land in later chunks; unwinding (return, exceptions, generators left
# suspended deep down) must give every slot back, run after run.
def wide(n):
    a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = a8 = a9 = n
    b0 = b1 = b2 = b3 = b4 = b5 = b6 = b7 = b8 = b9 = n * 2
    if n == 0:
        return a9 + b9
    return wide(n - 1) + a0 + b0 - a9 - b9 + 1

for _ in range(3):
    print(wide(950))

def deep_raise(n):
    pad = [n] * 2
    if n == 0:
        raise ValueError("bottom")
    return deep_raise(n - 1) + pad[0]

for _ in range(3):
    try:
        deep_raise(900)
    except ValueError as e:
        print("caught", e)

def forever(n):
    x0 = x1 = x2 = x3 = x4 = x5 = x6 = x7 = n
    return forever(n + 1) + x7

for _ in range(2):
    try:
        forever(0)
    except RecursionError as e:
        print("RecursionError:", e)

def gen_at(n):
    if n == 0:
        def g():
            for i in range(3):
                yield i
        return g()
    return gen_at(n - 1)

g = gen_at(800)
print(next(g), wide(500), list(g))

def many_args(*args, **kw):
    if len(args) > 800:
        return len(args) + len(kw)
    return many_args(*args, len(args), **kw)

print(many_args(k=1))
print(wide(10))
