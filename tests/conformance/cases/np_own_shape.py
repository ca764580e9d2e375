# Shape functions
import numpy as np
a = np.arange(12)
print(a.reshape(3, 4), a.reshape((2, -1)), a.reshape(-1, 2, 3).shape, np.reshape(a, (4, 3)), np.reshape(a, -1).shape)
b = a.reshape(3, 4)
print(b.T, b.transpose(), np.transpose(b), b.transpose(1, 0).shape, np.ones((2, 3, 4)).transpose(2, 0, 1).shape, np.swapaxes(np.ones((2, 3, 4)), 0, 2).shape)
print(b.flatten(), b.T.flatten(), b.ravel(), np.ravel(b.T), b.T.ravel())
print(np.concatenate([b, b]), np.concatenate((b, b), axis=1).shape, np.concatenate([b, b], axis=None).shape, np.concatenate([[1, 2], [3]]))
print(np.stack([a[:3], a[3:6]]), np.stack([a[:3], a[3:6]], axis=1), np.stack([b, b], axis=-1).shape)
print(np.vstack([[1, 2], [3, 4]]), np.vstack([b, a[:4]]).shape, np.hstack([[1, 2], [3]]), np.hstack([b, b]).shape, np.column_stack([[1, 2], [3, 4]]))
print(np.split(a, 3), np.split(a, [2, 5]), np.array_split(a, 5), np.split(b, 2, axis=1), np.array_split(np.arange(7), 3))
print(np.expand_dims(a[:3], 0), np.expand_dims(a[:3], axis=1).shape, np.expand_dims(b, (0, 3)).shape, np.squeeze(np.zeros((1, 3, 1))).shape, np.zeros((1, 2, 1)).squeeze(axis=0).shape)
print(np.atleast_2d([1, 2]), np.atleast_1d(5), np.repeat([1, 2], 2), np.repeat(b[:2, :2], 2, axis=0), np.tile([1, 2], 3), np.tile([1, 2], (2, 2)))
print(np.moveaxis(np.zeros((2, 3, 4)), 0, -1).shape, np.broadcast_to([1, 2, 3], (2, 3)), np.shape(b), np.ndim(5), np.size([[1, 2], [3, 4]]))
c = b.copy()
c[0, 0] = 100
r = b.reshape(12)
r[1] = -5
print(b[0], c[0], b.swapaxes(0, 1).shape, b.tolist(), np.array([[1.5]]).tolist(), np.arange(3).item(1), np.array([[7]]).item())
print(b.size, b.ndim, b.shape, b.dtype, b.T.shape, b.itemsize, b.nbytes, np.array(["abc"]).itemsize)
