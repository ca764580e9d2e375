// Products: dot, matmul, inner, outer, trace (the rest of numpy.linalg is in
// linalg_solve.cpp, compiled for size: it is rarely in a loop).
//
// NumPy 1.24 here calls the reference BLAS, whose loops fix the rounding: every entry of a
// product is a sequential sum over k of A[i,k]*B[k,j] (dgemm's j-l-i loop with terms skipped
// when A[i,k] == 0). That loop is reproduced below on contiguous copies so every product
// prints NumPy's digits.
#include "np/linalg.h"
#include "np/creation.h"
#include "np/detail.h"
#include "np/reduce.h"
#include "np/shape_ops.h"
#include "np/ufunc.h"
#include <cmath>

namespace lmpy::np {
using detail::fail;

namespace {

template <class T> void gemm(const T* A, const T* B, T* C, int64_t M, int64_t K, int64_t N) {
    for (int64_t i = 0; i < M; ++i) {
        T* c = C + i * N;
        for (int64_t j = 0; j < N; ++j) c[j] = 0;
        for (int64_t k = 0; k < K; ++k) {
            T a = A[i * K + k];
            if (a == 0) continue;
            const T* b = B + k * N;
            if constexpr (std::is_same_v<T, double>)
                for (int64_t j = 0; j < N; ++j) c[j] += a * b[j];
            else
                for (int64_t j = 0; j < N; ++j) c[j] = detail::wadd(c[j], detail::wmul(a, b[j]));
        }
    }
}

DType mm_type(const NDArray& a, const NDArray& b) {
    if (a.dtype() == DType::Str || b.dtype() == DType::Str)
        fail(Kind::UFuncTypeError, "ufunc 'matmul' did not contain a loop with signature matching "
                                   "types (dtype('" +
                                       a.dtype_str() + "'), dtype('" + b.dtype_str() +
                                       "')) -> None");
    DType t = promote(a.dtype(), b.dtype());
    return t;
}

// (M,K) x (K,N) on C-contiguous copies of dtype t (bool computed as int64 then tested).
NDArray mm2(const NDArray& a, const NDArray& b, DType t) {
    int64_t M = a.shape()[0], K = a.shape()[1], N = b.shape()[1];
    DType ct = t == DType::Float64 ? DType::Float64 : DType::Int64;
    NDArray x = a.astype(ct).ascontiguous(), y = b.astype(ct).ascontiguous();
    NDArray c = NDArray::zeros({M, N}, ct);
    if (ct == DType::Float64)
        gemm(x.data<double>(), y.data<double>(), c.data<double>(), M, K, N);
    else
        gemm(x.data<int64_t>(), y.data<int64_t>(), c.data<int64_t>(), M, K, N);
    return t == DType::Bool ? c.astype(DType::Bool) : c;
}

} // namespace

NDArray matmul(const NDArray& a, const NDArray& b) {
    const char* sig = "(n?,k),(k,m?)->(n?,m?)";
    for (int i = 0; i < 2; ++i) {
        const NDArray& x = i ? b : a;
        if (x.ndim() == 0)
            fail(Kind::ValueError, "matmul: Input operand " + std::to_string(i) +
                                       " does not have enough dimensions (has 0, gufunc core "
                                       "with signature " +
                                       sig + " requires 1)");
    }
    DType t = mm_type(a, b);
    NDArray x = a.ndim() == 1 ? a.expand_dims(0) : a;
    NDArray y = b.ndim() == 1 ? b.expand_dims(1) : b;
    int64_t M = x.shape()[x.ndim() - 2], K = x.shape()[x.ndim() - 1];
    int64_t K2 = y.shape()[y.ndim() - 2], N = y.shape()[y.ndim() - 1];
    if (K != K2)
        fail(Kind::ValueError, "matmul: Input operand 1 has a mismatch in its core dimension 0, "
                               "with gufunc signature " +
                                   std::string(sig) + " (size " + std::to_string(K2) +
                                   " is different from " + std::to_string(K) + ")");
    Shape bx(x.shape().begin(), x.shape().end() - 2), by(y.shape().begin(), y.shape().end() - 2);
    Shape batch;
    try {
        batch = broadcast_shape(bx, by);
    } catch (const Error&) {
        auto remap = [](const Shape& s, const Shape& bs, int core) {
            std::string r = detail::shape_compact(s) + "->(";
            for (size_t i = 0; i < bs.size(); ++i) r += std::to_string(bs[i]) + ",";
            for (int i = 0; i < core; ++i) r += i ? ",newaxis" : "newaxis";
            return r + ")";
        };
        fail(Kind::ValueError, "operands could not be broadcast together with remapped shapes "
                               "[original->remapped]: " +
                                   remap(a.shape(), bx, a.ndim() == 1 ? 1 : 2) + " " +
                                   remap(b.shape(), by, b.ndim() == 1 ? 1 : 2) +
                                   "  and requested shape " + detail::shape_compact(Shape{M, N}));
    }
    Shape full_x = batch, full_y = batch;
    full_x.push_back(M), full_x.push_back(K), full_y.push_back(K), full_y.push_back(N);
    NDArray xb = x.broadcast_to(full_x), yb = y.broadcast_to(full_y);
    int64_t nb = shape_size(batch);
    xb = xb.reshape({nb, M, K}), yb = yb.reshape({nb, K, N});
    Shape out = batch;
    if (a.ndim() > 1) out.push_back(M);
    if (b.ndim() > 1) out.push_back(N);
    if (nb == 1) return mm2(xb.get({int64_t{0}}), yb.get({int64_t{0}}), t).reshape(out);
    std::vector<NDArray> parts;
    for (int64_t i = 0; i < nb; ++i) parts.push_back(mm2(xb.get({i}), yb.get({i}), t));
    return stack(parts, 0).reshape(out);
}

NDArray dot(const NDArray& a, const NDArray& b) {
    if (a.ndim() == 0 || b.ndim() == 0) return binary(BinOp::Mul, a, b);
    DType t = mm_type(a, b);
    int64_t ka = a.ndim() - 1, kb = b.ndim() == 1 ? 0 : b.ndim() - 2;
    if (a.shape()[ka] != b.shape()[kb])
        fail(Kind::ValueError, "shapes " + detail::shape_compact(a.shape()) + " and " +
                                   detail::shape_compact(b.shape()) +
                                   " not aligned: " + std::to_string(a.shape()[ka]) + " (dim " +
                                   std::to_string(ka) + ") != " + std::to_string(b.shape()[kb]) +
                                   " (dim " + std::to_string(kb) + ")");
    int64_t K = a.shape()[ka];
    NDArray A = a.reshape({-1, K});
    Shape out(a.shape().begin(), a.shape().end() - 1);
    NDArray B;
    if (b.ndim() == 1) {
        B = b.reshape({K, 1});
    } else {
        std::vector<int64_t> perm{kb};
        for (int64_t d = 0; d < b.ndim(); ++d)
            if (d != kb) perm.push_back(d), out.push_back(b.shape()[d]);
        B = b.transpose(perm).reshape({K, -1});
    }
    return mm2(A, B, t).reshape(out);
}

NDArray inner(const NDArray& a, const NDArray& b) {
    if (a.ndim() == 0 || b.ndim() == 0) return binary(BinOp::Mul, a, b);
    return dot(a, b.ndim() >= 2 ? moveaxis(b, -1, -2) : b);
}

NDArray outer(const NDArray& a, const NDArray& b) {
    return binary(BinOp::Mul, a.ravel().reshape({-1, 1}), b.ravel().reshape({1, -1}));
}

NDArray trace(const NDArray& a, int64_t offset) {
    if (a.ndim() < 2) fail(Kind::ValueError, "diag requires an array of at least two dimensions");
    return sum(diag(a.ndim() == 2 ? a : a, offset));
}

} // namespace lmpy::np
