// Sorting and counting: sort, argsort (stable), unique, bincount, searchsorted.
// NaN sorts last, as in NumPy; strings sort by code point.
#pragma once
#include "np/ndarray.h"

namespace lmpy::np {

// axis nullopt: sort the flattened array (axis=None).
NDArray sort(const NDArray& a, std::optional<int64_t> axis = int64_t{-1});
// Stable (NumPy's default quicksort is only stable for short rows; ties may order differently
// from NumPy's introsort beyond 16 elements).
NDArray argsort(const NDArray& a, std::optional<int64_t> axis = int64_t{-1});

struct UniqueResult {
    NDArray values, index, inverse, counts; // index/inverse/counts always computed
};
UniqueResult unique(const NDArray& a);

NDArray bincount(const NDArray& x, const std::optional<NDArray>& weights = std::nullopt,
                 int64_t minlength = 0);
NDArray searchsorted(const NDArray& a, const NDArray& v, bool right = false);

} // namespace lmpy::np
