# np.random legacy streams: seeds, distributions, RandomState objects
import numpy as np
np.random.seed(7)
print(np.random.rand(), np.random.randn(), np.random.random((2, 2)), np.random.random_sample())
print(np.random.randint(10), np.random.randint(3, 9), np.random.randint(0, 100, (2, 3)), np.random.randint(2, size=4, dtype=bool))
print(np.random.normal(), np.random.normal(5, 0.1), np.random.normal(size=3), np.random.uniform(), np.random.uniform(2, 3, 2))
print(np.random.exponential(), np.random.exponential(2.0, 3), np.random.standard_normal(2), np.random.poisson(3, 4), np.random.binomial(10, 0.3, 3))
print(np.random.choice(10), np.random.choice([1.5, 2.5, 3.5]), np.random.choice(["x", "y"], 3), np.random.choice(5, 3, replace=False), np.random.choice(4, (2, 2), p=[0.1, 0.2, 0.3, 0.4]))
print(np.random.permutation(6), np.random.permutation([10, 20, 30]), np.random.permutation(np.arange(6).reshape(3, 2)))
lst = list(range(8))
np.random.shuffle(lst)
m = np.arange(10).reshape(5, 2)
np.random.shuffle(m)
print(lst, m.tolist())
r1 = np.random.RandomState(0)
r2 = np.random.RandomState(0)
print(r1.rand(3), r2.rand(3), r1.randint(0, 5, 4), r1.normal(0, 1, 2), r1.choice(3, 5), r1.uniform(-1, 1))
np.random.seed(0)
a = np.random.rand(3)
np.random.seed(0)
print(np.array_equal(a, np.random.rand(3)), np.random.seed(1), np.random.rand(0).shape, np.random.randn(2, 0).shape)
np.random.seed([1, 2, 3])
print(np.random.rand(2))
for bad in [lambda: np.random.seed(-1), lambda: np.random.choice(3, 5, replace=False), lambda: np.random.choice([], 1), lambda: np.random.normal(0, -1), lambda: np.random.randint(5, 5), lambda: np.random.choice(2, p=[0.5, 0.4, 0.1])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
