# NumPy: a chain of element-wise ufuncs over 10^6 float64 values (10 times).
import numpy as np

x = np.linspace(0.0, 10.0, 1000000)
for rep in range(10):
    y = np.sqrt(np.abs(np.sin(x) * 3.0 + np.cos(x * 0.5))) + np.exp(-x) * np.tanh(x - 5.0)
    y = np.maximum(y, 0.25) - np.log1p(x) / 10.0
print(y.shape, f"{y.sum():.6e}", f"{y[123456]:.6f}")
