// Internal helpers shared by the np kernels (not part of the binding's API).
//
// The one strided iterator: operands are given as (shape, per-operand element strides); size-1
// dimensions are dropped, dimensions are ordered like operand 0's memory (largest |stride|
// first, ties in C order, which is what NumPy's iterator does for order='K'), and neighbours
// that are contiguous for every operand are merged. The callback then receives long inner runs
// (offsets of each operand, length, inner strides) so kernels are plain tight loops that the
// compiler vectorises; no per-element virtual call or std::function.
#pragma once
#include "np/ndarray.h"
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <numeric>
#include "size_fn.h"

namespace lmpy::np::detail {

[[noreturn]] inline void fail(Kind k, std::string msg) { throw Error{k, std::move(msg)}; }

template <int N> struct Plan {
    Shape shape;
    std::vector<std::array<int64_t, N>> strides;
    bool empty = false;
};

// Orders axes by decreasing |stride|, ties in their original order (a stable insertion sort:
// arrays have at most a few dimensions, and one plain loop replaces a std::stable_sort
// instantiation per caller in the wasm module).
void sort_axes_by_stride(std::vector<int>& axes, const int64_t* strides);

template <int N>
Plan<N> make_plan(const Shape& shape, const std::array<const int64_t*, N>& st, bool sort = true) {
    Plan<N> p;
    std::vector<int> dims;
    for (size_t d = 0; d < shape.size(); ++d) {
        if (shape[d] == 0) p.empty = true;
        if (shape[d] != 1) dims.push_back(static_cast<int>(d));
    }
    if (sort) sort_axes_by_stride(dims, st[0]);
    for (int d : dims) {
        std::array<int64_t, N> s;
        for (int k = 0; k < N; ++k) s[k] = st[k][d];
        if (!p.shape.empty()) {
            bool merge = true;
            for (int k = 0; k < N; ++k)
                if (p.strides.back()[k] != s[k] * shape[d]) merge = false;
            if (merge) {
                p.shape.back() *= shape[d];
                p.strides.back() = s;
                continue;
            }
        }
        p.shape.push_back(shape[d]);
        p.strides.push_back(s);
    }
    return p;
}

// f(const std::array<int64_t,N>& offsets, int64_t n, const std::array<int64_t,N>& inner_strides)
template <int N, class F> void run_plan(const Plan<N>& p, std::array<int64_t, N> off, F&& f) {
    if (p.empty) return;
    int nd = static_cast<int>(p.shape.size());
    if (nd == 0) {
        std::array<int64_t, N> z{};
        f(off, int64_t{1}, z);
        return;
    }
    const auto& inner = p.strides[nd - 1];
    int64_t n = p.shape[nd - 1];
    std::vector<int64_t> idx(nd, 0);
    while (true) {
        f(off, n, inner);
        int d = nd - 2;
        for (; d >= 0; --d) {
            for (int k = 0; k < N; ++k) off[k] += p.strides[d][k];
            if (++idx[d] < p.shape[d]) break;
            for (int k = 0; k < N; ++k) off[k] -= p.strides[d][k] * p.shape[d];
            idx[d] = 0;
        }
        if (d < 0) return;
    }
}

// Strides of `a` seen with the (broadcast) shape `out`: 0 on broadcast dimensions.
inline Shape bstrides(const NDArray& a, const Shape& out) {
    Shape s(out.size(), 0);
    size_t lead = out.size() - a.shape().size();
    for (size_t d = 0; d < a.shape().size(); ++d)
        if (a.shape()[d] != 1) s[lead + d] = a.strides()[d];
    return s;
}

// Visit every element of `a` in C order: f(offset).
template <class F> void for_each_offset(const NDArray& a, F&& f) {
    auto p = make_plan<1>(a.shape(), {a.strides().data()}, false);
    run_plan<1>(p, {0},
                [&](const std::array<int64_t, 1>& o, int64_t n, const std::array<int64_t, 1>& s) {
                    for (int64_t i = 0; i < n; ++i) f(o[0] + i * s[0]);
                });
}

inline Shape c_strides(const Shape& shape) {
    Shape s(shape.size());
    int64_t acc = 1;
    for (size_t i = shape.size(); i-- > 0;) {
        s[i] = acc;
        acc *= std::max<int64_t>(shape[i], 1);
    }
    return s;
}

inline bool is_numeric(DType d) { return d != DType::Str; }

// Element type for a dtype in templates.
template <class T> constexpr DType dtype_of();
template <> constexpr DType dtype_of<double>() { return DType::Float64; }
template <> constexpr DType dtype_of<int64_t>() { return DType::Int64; }
template <> constexpr DType dtype_of<bool>() { return DType::Bool; }

// Call f(T{}) with T the C++ type of a numeric dtype.
template <class F> decltype(auto) visit_numeric(DType d, F&& f) {
    switch (d) {
    case DType::Bool: return f(bool{});
    case DType::Int64: return f(int64_t{});
    case DType::Float64: return f(double{});
    default: fail(Kind::TypeError, "string arrays are not supported here");
    }
}

// Wrapping integer arithmetic (NumPy wraps silently; signed overflow is UB in C++).
inline int64_t wadd(int64_t a, int64_t b) { return int64_t(uint64_t(a) + uint64_t(b)); }
inline int64_t wsub(int64_t a, int64_t b) { return int64_t(uint64_t(a) - uint64_t(b)); }
inline int64_t wmul(int64_t a, int64_t b) { return int64_t(uint64_t(a) * uint64_t(b)); }

// float64 -> int64 as NumPy does on x86: out-of-range and NaN give INT64_MIN.
inline int64_t f2i(double x) {
    if (!(x >= -9223372036854775808.0 && x < 9223372036854775808.0)) return INT64_MIN;
    return static_cast<int64_t>(x);
}

std::string axis_error(int64_t axis, int64_t ndim);
// "(2,3)", "(4,)": the spacing-free shape form of NumPy's broadcast messages.
inline std::string shape_compact(const Shape& t) {
    std::string r = "(";
    for (size_t i = 0; i < t.size(); ++i) r += (i ? "," : "") + std::to_string(t[i]);
    return r + (t.size() == 1 ? ",)" : ")");
}
// Sorted, de-duplicated axes (nullopt = all), with NumPy's errors.
std::vector<bool> axis_mask(const std::optional<std::vector<int64_t>>& axes, int64_t ndim);

} // namespace lmpy::np::detail
