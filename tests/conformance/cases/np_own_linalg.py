# Linear algebra: dot, matmul with batching, outer, trace, norm, inv, solve, det, lstsq, polyfit
import numpy as np
A = np.array([[4.0, 1.0], [2.0, 3.0]])
b = np.array([1.0, 2.0])
print(np.dot(A, b), A.dot(A), A @ A, b @ A, b @ b, np.matmul(np.ones((3, 2, 2)), A).shape, (np.arange(8).reshape(2, 2, 2) @ np.arange(8).reshape(2, 2, 2)))
print(np.dot(np.ones((2, 3, 4)), np.ones((4, 5))).shape, np.dot(np.ones((2, 3, 4)), np.ones((5, 4, 2))).shape, np.dot(3, A))
print(np.outer([1, 2, 3], [1, 0]), np.inner([1, 2], [3, 4]), np.trace(A), np.trace(np.arange(9).reshape(3, 3), 1))
print(np.linalg.norm([3, 4]), np.linalg.norm(A), np.linalg.norm(A, axis=0), np.linalg.norm(A, axis=1, keepdims=True), np.linalg.norm([1, -2, 3], 1), np.linalg.norm([1, -5], np.inf))
print(np.linalg.inv(A), np.linalg.solve(A, b), np.linalg.det(A), np.linalg.det(np.eye(3)))
print(np.allclose(A @ np.linalg.inv(A), np.eye(2)), np.linalg.matrix_rank(np.ones((3, 3))))
X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]])
y = np.array([1.0, 3.0, 5.0, 7.0])
sol, res, rank, sv = np.linalg.lstsq(X, y, rcond=None)
print(np.round(sol, 6), rank, sv.shape)
print(np.round(np.polyfit([0, 1, 2, 3], [1, 3, 5, 7], 1), 6), np.polyval([1, 2, 3], 2), np.polyval([2, 0], np.array([1.0, 2.0])))
w, v = np.linalg.eigh(np.array([[2.0, 0.0], [0.0, 3.0]]))
print(w, np.abs(v))
print(np.round(np.linalg.svd(np.array([[3.0, 0.0], [0.0, 4.0]]), compute_uv=False), 6))
try:
    np.linalg.inv(np.ones((2, 2)))
except np.linalg.LinAlgError as e:
    print("LinAlgError:", e)
