# Warm-up tour for the page's worker (wasm/worker.js): run in a scratch Session while the
# worker is idle, output discarded. Why: Chromium compiles each wasm function on its first
# call (lazy compilation) and optimises hot ones later, so without this the first cells a
# reader runs pay ~100-170 ms of compilation. The tour touches the common paths of the
# language and of the numpy, sklearn and matplotlib subsets; it is not the deck's code.
# Each "# %%" section is one step (one worker task), so a message waits for one step at most.
# tests/js/warmup.test.mjs runs it under both runners; it prints what CPython prints.

# %% language: functions, classes, generators
import math
import random
import re
import heapq
from collections import Counter, defaultdict


class Stack:
    def __init__(self, items=None):
        self.items = list(items or [])

    def push(self, x):
        self.items.append(x)
        return self

    def __len__(self):
        return len(self.items)

    def __repr__(self):
        return f"Stack({self.items!r})"


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def squares(n):
    for i in range(n):
        yield i * i


s = Stack([1, 2]).push(3)
print(s, len(s), fib(15), [x for x in squares(6) if x % 2])

# %% language: strings and collections
total = 0
for i, (a, b) in enumerate(zip(range(50), squares(50))):
    if i % 3 == 0 and b > a:
        total += a * b - i // 2
    elif i % 5:
        total -= 1
words = "the quick brown fox jumps over the lazy dog the end".split()
freq = Counter(w.lower() for w in words)
groups = defaultdict(list)
for w in words:
    groups[len(w)].append(w)
lengths = {w: len(w) for w in set(words) if w.isalpha()}
pairs = sorted(lengths.items(), key=lambda kv: (-kv[1], kv[0]))
best = heapq.nlargest(2, [(c, w) for w, c in freq.items()])
try:
    {}["missing"]
except KeyError as e:
    err = repr(e)
text = " ".join(w.upper() if len(w) > 4 else w.capitalize() for w in words)
found = re.findall(r"\w+", text.lower())
random.seed(1)
p = sum(x / len(words) * math.log2(x / len(words)) for x in freq.values())
print(total, freq.most_common(3), dict(groups)[3][:2], pairs[:2], best, err)
print(f"{p:.3f} {math.exp(-p):8.2f} {total:,} {text[:12]!r}", found[:3], "-".join(words[::3]), random.random())
print(max(words, key=len), min(lengths.values()), any(w.startswith("q") for w in words), tuple(range(3)))

# %% numpy: arrays, operators, printing
import numpy as np

np.random.seed(0)
a = np.array([[1, 0, 2], [0, 1, 1]])
b = np.random.rand(3, 4)
c = np.random.randn(2, 4, 6)
x = np.linspace(0, 1, 5)
scores = a @ b
print(scores, a.T, x, np.zeros((2, 2)), np.ones(3, dtype=int))

# %% numpy: reductions, random, linear algebra
w = np.exp(scores) / np.sum(np.exp(scores), axis=1, keepdims=True)
parts = np.split(c, 3, axis=-1)
joined = np.concatenate(parts[::-1], axis=-1)
cos = np.dot(b[:, 0], b[:, 1]) / (np.linalg.norm(b[:, 0]) * np.linalg.norm(b[:, 1]))
v = np.asarray([0.1, 0.2, 0.3, 0.4]).astype("float64")
choice = np.random.choice(len(v), p=v / v.sum())
y = 2.0 * x + 1
print(w, joined.shape, np.argmax(w, axis=1), choice)
print(f"{cos:.3f} {float(np.mean(np.log(v))):.3f}", y[:2], np.arange(6).reshape(2, 3).sum(axis=0))
print(np.abs(-x).max(), np.sqrt(x)[-1], np.where(x > 0.5, x, 0))

# %% numpy: a training loop over small arrays, long enough for V8 to optimise what it calls
def fit_line(X, Y, rate=0.05, steps=1000):
    m, k = 0, 0
    for _ in range(steps):
        err = (m * X + k) - Y
        m -= rate * np.mean(err * X)
        k -= rate * np.mean(err)
    return m, k


X = np.random.rand(60, 1)
Y = 3 * X + 2 + np.random.randn(60, 1)
print("%.6f %.6f" % fit_line(X, Y))  # rounded: randn goes through log, whose last bit musl and glibc may round apart

# %% numpy: the loop again
print("%.6f %.6f" % fit_line(X, Y, rate=0.1))

# %% sklearn
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

docs = ["good fun film", "bad dull plot", "fun and good", "dull bad acting", "good plot", "bad film"]
labels = [1, 0, 1, 0, 1, 0]
vec = CountVectorizer()
X = vec.fit_transform(docs)
X_tr, X_te, y_tr, y_te = train_test_split(X, labels, test_size=0.34, random_state=0)
clf = LogisticRegression().fit(X_tr, y_tr)
print(sorted(vec.vocabulary_.items())[:3], clf.predict(vec.transform(["good fun"])), clf.score(X_te, y_te))

# %% pyplot
import matplotlib.pyplot as plt

xs = np.arange(5)
plt.figure(figsize=(6, 4))
plt.plot(xs, xs**2, marker="o", label="square")
plt.scatter(xs, xs + 1, color="red")
plt.bar(xs, xs, alpha=0.3)
plt.title("warm-up")
plt.xlabel("x")
plt.ylabel("y")
plt.ylim(0, 20)
plt.grid(True)
plt.legend()
plt.show()
