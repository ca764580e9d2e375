// Array constructors: zeros/ones/full/empty (+ _like), arange, linspace, eye, identity, diag,
// triu/tril, with NumPy 1.24's dtype rules and exact value formulas.
#pragma once
#include "np/ndarray.h"

namespace lmpy::np {

NDArray zeros(const Shape& shape, DType dt = DType::Float64);
NDArray ones(const Shape& shape, DType dt = DType::Float64);
NDArray empty(const Shape& shape, DType dt = DType::Float64); // zero-filled
// dtype nullopt: taken from the value (float64, int64, bool or <Un).
NDArray full(const Shape& shape, const Scalar& value, std::optional<DType> dt = std::nullopt);
// shape: the result's shape when given (NumPy's shape=), else a's.
NDArray zeros_like(const NDArray& a, std::optional<DType> dt = std::nullopt,
                   const std::optional<Shape>& shape = std::nullopt);
NDArray ones_like(const NDArray& a, std::optional<DType> dt = std::nullopt,
                  const std::optional<Shape>& shape = std::nullopt);
NDArray empty_like(const NDArray& a, std::optional<DType> dt = std::nullopt,
                   const std::optional<Shape>& shape = std::nullopt);
NDArray full_like(const NDArray& a, const Scalar& value, std::optional<DType> dt = std::nullopt,
                  const std::optional<Shape>& shape = std::nullopt);

// Python-level numbers for arange's arguments: an int or a float.
using Number = std::variant<int64_t, double>;
// np.arange(start, stop, step): int64 when all are ints, else float64 (dt overrides).
NDArray arange(Number start, Number stop, Number step = int64_t{1},
               std::optional<DType> dt = std::nullopt);
NDArray linspace(double start, double stop, int64_t num = 50, bool endpoint = true,
                 std::optional<DType> dt = std::nullopt);
NDArray eye(int64_t n, std::optional<int64_t> m = std::nullopt, int64_t k = 0,
            DType dt = DType::Float64);
NDArray identity(int64_t n, DType dt = DType::Float64);
// 1-D input: a 2-D array with v on diagonal k; 2-D input: a copy of diagonal k.
NDArray diag(const NDArray& v, int64_t k = 0);
NDArray triu(const NDArray& m, int64_t k = 0);
NDArray tril(const NDArray& m, int64_t k = 0);

} // namespace lmpy::np
