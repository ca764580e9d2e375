// Sorting works on C-contiguous copies with the sort axis moved last, so each row is a plain
// array handed to std::stable_sort with NumPy's ordering (NaN after every number).
#include "np/sort.h"
#include "np/detail.h"
#include <cmath>

namespace lmpy::np {
using detail::fail;

namespace {

bool less_nan(double x, double y) { return x < y || (!std::isnan(x) && std::isnan(y)); }

NDArray moved_last(const NDArray& a, int64_t ax, std::vector<int64_t>& inv) {
    std::vector<int64_t> perm;
    for (int64_t d = 0; d < a.ndim(); ++d)
        if (d != ax) perm.push_back(d);
    perm.push_back(ax);
    inv.assign(perm.size(), 0);
    for (size_t k = 0; k < perm.size(); ++k) inv[perm[k]] = k;
    return a.transpose(perm).copy();
}

// NumPy's order of two elements of one row, whatever the dtype: one comparator type means one
// std::stable_sort instantiation instead of one per dtype (each is a few KB of wasm).
struct RowLess {
    DType dt;
    const void* p;
    const std::u32string* s;
    bool operator()(int64_t x, int64_t y) const {
        switch (dt) {
        case DType::Float64:
            return less_nan(static_cast<const double*>(p)[x], static_cast<const double*>(p)[y]);
        case DType::Int64:
            return static_cast<const int64_t*>(p)[x] < static_cast<const int64_t*>(p)[y];
        case DType::Bool: return static_cast<const bool*>(p)[x] < static_cast<const bool*>(p)[y];
        default: return s[x] < s[y];
        }
    }
};

// Stable argsort of each row of length n of the contiguous array m.
std::vector<int64_t> row_argsort(const NDArray& m, int64_t n) {
    int64_t rows = n ? m.size() / n : 0;
    std::vector<int64_t> idx(m.size());
    std::vector<std::u32string> strs;
    if (m.dtype() == DType::Str) strs = m.to_strings();
    int64_t item = m.dtype() == DType::Bool ? 1 : 8;
    for (int64_t r = 0; r < rows; ++r) {
        int64_t* ix = idx.data() + r * n;
        for (int64_t i = 0; i < n; ++i) ix[i] = i;
        RowLess less{m.dtype(), nullptr, nullptr};
        if (m.dtype() == DType::Str)
            less.s = strs.data() + r * n;
        else
            less.p = static_cast<const char*>(m.raw_data()) + r * n * item;
        std::stable_sort(ix, ix + n, less);
    }
    return idx;
}

} // namespace

NDArray argsort(const NDArray& a, std::optional<int64_t> axis) {
    NDArray src = axis ? a : a.ravel();
    if (src.ndim() == 0) return NDArray::scalar(int64_t{0});
    int64_t ax = normalize_axis(axis.value_or(0), src.ndim());
    std::vector<int64_t> inv;
    NDArray m = moved_last(src, ax, inv);
    int64_t n = src.shape()[ax];
    std::vector<int64_t> idx = row_argsort(m, n);
    return NDArray::from_int64s(m.shape(), std::move(idx)).transpose(inv).copy();
}

NDArray sort(const NDArray& a, std::optional<int64_t> axis) {
    NDArray src = axis ? a : a.ravel();
    if (src.ndim() == 0) fail(Kind::AxisError, detail::axis_error(*axis, 0));
    int64_t ax = normalize_axis(axis.value_or(0), src.ndim());
    std::vector<int64_t> inv;
    NDArray m = moved_last(src, ax, inv);
    int64_t n = src.shape()[ax];
    std::vector<int64_t> idx = row_argsort(m, n);
    // Gather each row through its permutation via fancy indexing on the flat copy.
    for (int64_t i = 0; i < static_cast<int64_t>(idx.size()); ++i) idx[i] += (i / n) * n;
    NDArray flat = m.ravel();
    NDArray sorted = flat.get({IntArray{NDArray::from_int64s({(int64_t)idx.size()}, idx)}});
    return sorted.reshape(m.shape()).transpose(inv).copy();
}

UniqueResult unique(const NDArray& a) {
    NDArray flat = a.ravel();
    int64_t n = flat.size();
    NDArray perm = argsort(flat, 0);
    std::vector<int64_t> p = perm.to_int64s();
    NDArray sorted = flat.get({IntArray{perm}});
    // Equal neighbours (NaN equal to NaN for float, as NumPy 1.24 collapses them? no: keeps).
    std::vector<bool> first(n, false);
    std::vector<bool> neq;
    if (n > 1) {
        if (sorted.dtype() == DType::Str) {
            auto s = sorted.to_strings();
            for (int64_t i = 1; i < n; ++i) neq.push_back(s[i] != s[i - 1]);
        } else if (sorted.dtype() == DType::Float64) {
            auto s = sorted.to_doubles();
            for (int64_t i = 1; i < n; ++i) {
                bool both_nan = std::isnan(s[i]) && std::isnan(s[i - 1]);
                neq.push_back(!both_nan && s[i] != s[i - 1]);
            }
        } else {
            auto s = sorted.to_int64s();
            for (int64_t i = 1; i < n; ++i) neq.push_back(s[i] != s[i - 1]);
        }
    }
    std::vector<int64_t> starts, inverse(n), index, counts;
    for (int64_t i = 0; i < n; ++i) {
        if (i == 0 || neq[i - 1]) starts.push_back(i);
        inverse[p[i]] = static_cast<int64_t>(starts.size()) - 1;
    }
    for (size_t k = 0; k < starts.size(); ++k) {
        index.push_back(p[starts[k]]);
        int64_t end = k + 1 < starts.size() ? starts[k + 1] : n;
        counts.push_back(end - starts[k]);
    }
    UniqueResult r;
    int64_t u = starts.size();
    r.values = sorted.get({IntArray{NDArray::from_int64s({u}, starts)}});
    r.index = NDArray::from_int64s({u}, std::move(index));
    r.inverse = NDArray::from_int64s({n}, std::move(inverse));
    r.counts = NDArray::from_int64s({u}, std::move(counts));
    return r;
}

NDArray bincount(const NDArray& x, const std::optional<NDArray>& weights, int64_t minlength) {
    if (x.ndim() > 1) fail(Kind::ValueError, "object too deep for desired array");
    if (x.dtype() == DType::Float64 || x.dtype() == DType::Str)
        fail(Kind::TypeError, "Cannot cast array data from dtype('" + x.dtype_str() +
                                  "') to dtype('int64') according to the rule 'safe'");
    if (minlength < 0) fail(Kind::ValueError, "'minlength' must not be negative");
    std::vector<int64_t> v = x.to_int64s();
    int64_t len = minlength;
    for (auto i : v) {
        if (i < 0) fail(Kind::ValueError, "'list' argument must have no negative elements");
        len = std::max(len, i + 1);
    }
    if (!weights) {
        std::vector<int64_t> c(len, 0);
        for (auto i : v) ++c[i];
        return NDArray::from_int64s({len}, std::move(c));
    }
    if (weights->size() != static_cast<int64_t>(v.size()))
        fail(Kind::ValueError, "The weights and list don't have the same length.");
    std::vector<double> w = weights->to_doubles(), c(len, 0.0);
    for (size_t k = 0; k < v.size(); ++k) c[v[k]] += w[k];
    return NDArray::from_doubles({len}, std::move(c));
}

NDArray searchsorted(const NDArray& a, const NDArray& v, bool right) {
    if (a.ndim() != 1) fail(Kind::ValueError, "object too deep for desired array");
    std::vector<int64_t> out(v.size());
    if (a.dtype() == DType::Str || v.dtype() == DType::Str) {
        auto s = a.to_strings(), q = v.to_strings();
        for (size_t i = 0; i < q.size(); ++i)
            out[i] = right ? std::upper_bound(s.begin(), s.end(), q[i]) - s.begin()
                           : std::lower_bound(s.begin(), s.end(), q[i]) - s.begin();
    } else {
        auto s = a.to_doubles(), q = v.to_doubles();
        for (size_t i = 0; i < q.size(); ++i)
            out[i] = right ? std::upper_bound(s.begin(), s.end(), q[i], less_nan) - s.begin()
                           : std::lower_bound(s.begin(), s.end(), q[i], less_nan) - s.begin();
    }
    return NDArray::from_int64s(v.shape(), std::move(out));
}

} // namespace lmpy::np
