# NumPy: a 256x256 float64 matmul (20 times, to outweigh start-up and import).
import numpy as np

np.random.seed(0)
a = np.random.rand(256, 256)
b = np.random.rand(256, 256)
for rep in range(20):
    c = a @ b
print(c.shape, f"{c.sum():.6e}", f"{c[17, 42]:.6f}")
