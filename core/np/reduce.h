// Reductions with axis (None, int, negative, tuple) and keepdims, in NumPy 1.24's summation
// order so float results match NumPy digit for digit (see reduce.cpp).
#pragma once
#include "np/ndarray.h"

namespace lmpy::np {

// nullopt = axis=None (all axes); {} = axis=() (no reduction).
using Axes = std::optional<std::vector<int64_t>>;

NDArray sum(const NDArray& a, const Axes& axes = std::nullopt, bool keepdims = false);
NDArray prod(const NDArray& a, const Axes& axes = std::nullopt, bool keepdims = false);
NDArray mean(const NDArray& a, const Axes& axes = std::nullopt, bool keepdims = false);
NDArray max(const NDArray& a, const Axes& axes = std::nullopt, bool keepdims = false);
NDArray min(const NDArray& a, const Axes& axes = std::nullopt, bool keepdims = false);
NDArray any(const NDArray& a, const Axes& axes = std::nullopt, bool keepdims = false);
NDArray all(const NDArray& a, const Axes& axes = std::nullopt, bool keepdims = false);
NDArray var(const NDArray& a, const Axes& axes = std::nullopt, int64_t ddof = 0,
            bool keepdims = false);
NDArray std_(const NDArray& a, const Axes& axes = std::nullopt, int64_t ddof = 0,
             bool keepdims = false);
// axis nullopt: index into the flattened array.
NDArray argmax(const NDArray& a, std::optional<int64_t> axis = std::nullopt, bool keepdims = false);
NDArray argmin(const NDArray& a, std::optional<int64_t> axis = std::nullopt, bool keepdims = false);
NDArray cumsum(const NDArray& a, std::optional<int64_t> axis = std::nullopt);
NDArray cumprod(const NDArray& a, std::optional<int64_t> axis = std::nullopt);
NDArray median(const NDArray& a, const Axes& axes = std::nullopt, bool keepdims = false);
// q in percent (0..100), scalar or array; method 'linear'. Result shape q.shape + reduced.
NDArray percentile(const NDArray& a, const NDArray& q, const Axes& axes = std::nullopt,
                   bool keepdims = false);
// q in 0..1.
NDArray quantile(const NDArray& a, const NDArray& q, const Axes& axes = std::nullopt,
                 bool keepdims = false);
NDArray count_nonzero(const NDArray& a, const Axes& axes = std::nullopt, bool keepdims = false);

// NumPy's pairwise float summation of n values a[0], a[s], a[2s]... (what np.sum and np.mean
// do over one contiguous run of up to 8192 elements), for callers summing plain buffers.
double pairwise_sum(const double* a, int64_t n, int64_t stride = 1);

} // namespace lmpy::np
