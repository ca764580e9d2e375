# Long loops cross the interpreter's slice boundaries (the loop re-enters every 1024
# back-edges, core/py/eval.cpp): state on the operand stack, handlers, generators and
# nested frames must survive every re-entry.

# a loop whose body keeps values on the operand stack across the back-edge (for + with)
total = 0
for i in range(5000):
    total += i * i
print(total)

# an exception raised deep in a long loop, handled outside it, after 3000 re-entries
def scan(limit):
    seen = 0
    try:
        for i in range(100000):
            seen += 1
            if i == limit:
                raise ValueError(f"stop at {i}")
    except ValueError as e:
        return seen, str(e)
    return seen, None

print(scan(3000))

# try/except inside the loop body, handled on every iteration
caught = 0
for i in range(4000):
    try:
        if i % 3 == 0:
            raise KeyError(i)
    except KeyError:
        caught += 1
    finally:
        pass
print(caught)

# a while loop with break and continue
n, odd = 0, 0
while True:
    n += 1
    if n % 2 == 0:
        continue
    odd += 1
    if n > 9999:
        break
print(n, odd)

# a generator that loops past many slices, resumed from another long loop
def countdown(k):
    while k > 0:
        yield k
        k -= 1

acc = 0
for v in countdown(6000):
    acc ^= v
print(acc)

# comprehensions (their own frames) and nested loops
grid = [[r * c for c in range(60)] for r in range(60)]
print(sum(sum(row) for row in grid))
pairs = 0
for a in range(70):
    for b in range(70):
        if (a + b) % 7 == 0:
            pairs += 1
print(pairs)

# a loop inside a with block and a context manager that sees the exit
class Box:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
        return True

with Box():
    for i in range(3000):
        if i == 2500:
            raise RuntimeError("inside with")
print("after with")

# an unhandled error after long loops still reports its line
for i in range(2048):
    pass
print(undefined_name_after_loop)
