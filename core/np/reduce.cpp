// Reductions in NumPy's order of operations.
//
// NumPy reduces with its buffered iterator: axes are visited in the input's memory order
// (largest stride outermost, negative strides not flipped), contiguous runs are merged, and
// the inner loop receives at most 8192 (the buffer size) elements at a time. When the
// innermost visited axes are reduced ones, float addition adds each such chunk to the output
// with pairwise summation (blocks of 128 with 8 accumulators, halves rounded down to a
// multiple of 8); otherwise whole rows are accumulated elementwise, one reduced index after
// the other. The experiments that pinned this down (against NumPy 1.24) are the test cases
// in tests/unit/np_reduce_test.cpp. mean/var/std are built from that sum exactly as
// numpy/core/_methods.py composes them.
#include "np/reduce.h"
#include "np/detail.h"
#include "np/ufunc.h"
#include <cmath>
#include <limits>

namespace lmpy::np {
using detail::fail;

namespace {

constexpr int64_t kBufSize = 8192;

// NumPy's pairwise blocks; a block of at most 128 in 8 accumulators. With unit stride the
// accumulators become SIMD lanes; the pragma unrolls the 8-lane loops although the wasm build
// disables loop unrolling (-fno-unroll-loops also stops clang 14 fully unrolling constant-trip
// loops, and with it SLP vectorisation: np.sum was 2.5x slower).
double pairwise(const double* a, int64_t n, int64_t s) {
    if (n < 8) {
        double r = 0.;
        for (int64_t i = 0; i < n; ++i) r += a[i * s];
        return r;
    }
    if (n <= 128) {
        double r[8];
        int64_t i = 8, m = n - (n % 8);
        if (s == 1) {
#pragma GCC unroll 8
            for (int j = 0; j < 8; ++j) r[j] = a[j];
            for (; i < m; i += 8)
#pragma GCC unroll 8
                for (int j = 0; j < 8; ++j) r[j] += a[i + j];
        } else {
            for (int j = 0; j < 8; ++j) r[j] = a[j * s];
            for (; i < m; i += 8)
                for (int j = 0; j < 8; ++j) r[j] += a[(i + j) * s];
        }
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i) res += a[i * s];
        return res;
    }
    int64_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise(a, n2, s) + pairwise(a + n2 * s, n - n2, s);
}

} // namespace

double pairwise_sum(const double* a, int64_t n, int64_t stride) { return pairwise(a, n, stride); }

namespace {

// Visit the multi-index space dims [lo, hi) of a plan: f(offsets).
template <class F>
void odometer(const detail::Plan<2>& p, int lo, int hi, std::array<int64_t, 2> off, F&& f) {
    if (lo >= hi) {
        f(off);
        return;
    }
    std::vector<int64_t> idx(hi - lo, 0);
    while (true) {
        f(off);
        int d = hi - 1;
        for (; d >= lo; --d) {
            off[0] += p.strides[d][0], off[1] += p.strides[d][1];
            if (++idx[d - lo] < p.shape[d]) break;
            off[0] -= p.strides[d][0] * p.shape[d], off[1] -= p.strides[d][1] * p.shape[d];
            idx[d - lo] = 0;
        }
        if (d < lo) return;
    }
}

// How a reduction may order its operations: Seq strictly in NumPy's element order; Pairwise is
// the float sum's blocked pairwise order; AnyOrder (max/min) gives the same value in any order,
// so long float64 runs are folded in 8 independent lanes (SIMD in wasm, 8 dependency chains
// natively; np.max(axis=1) of 1000x1000 was 7x NumPy's time as one chain). int64 max/min stay
// sequential: rarer, and each lane copy costs code size.
enum class Fold { Seq, Pairwise, AnyOrder };

// float64 max/min of a contiguous run (n >= 16) in 8 lanes, out of line: one copy per
// comparison instead of one inlined into each caller of fold_run.
template <class Comb>
[[gnu::noinline]] double fold_lanes(const double* q, int64_t n, double acc, Comb comb) {
    double r[8];
#pragma GCC unroll 8
    for (int j = 0; j < 8; ++j) r[j] = q[j];
    int64_t i = 8;
    for (; i + 8 <= n; i += 8)
#pragma GCC unroll 8
        for (int j = 0; j < 8; ++j) r[j] = comb(r[j], q[i + j]);
    for (int j = 0; j < 8; ++j) acc = comb(acc, r[j]);
    for (; i < n; ++i) acc = comb(acc, q[i]);
    return acc;
}

// Folds one strided run of n elements into acc in NumPy's order: pairwise sums over
// kBufSize-element blocks for float sums, float64 max/min of a long contiguous run in lanes,
// else sequentially. Shared by the plan's innermost reduced axis (reduce_into) and the
// whole-array fast path (reduce).
template <class T, class R, class Comb>
R fold_run(const T* q, int64_t n, int64_t s, R acc, Comb comb, Fold how) {
    if constexpr (std::is_same_v<T, double> && std::is_same_v<R, double>) {
        if (how == Fold::Pairwise) {
            for (int64_t st = 0; st < n; st += kBufSize)
                acc += pairwise(q + st * s, std::min(kBufSize, n - st), s);
            return acc;
        }
        if (how == Fold::AnyOrder && s == 1 && n >= 16) {
            double res = fold_lanes(q, n, acc, comb);
            // Equal values differ only in the sign of zero (and NaNs in payload): for those
            // rare results fold again in element order, so the sign does not depend on the
            // lanes (NumPy's scalar loop's order; its SIMD loops follow the machine's width).
            if (res != 0.0 && res == res) return res;
        }
    }
    for (int64_t i = 0; i < n; ++i) acc = comb(acc, static_cast<R>(q[i * s]));
    return acc;
}

// out (keepdims shape, initialised) = comb(out, in...) over the masked axes, in NumPy order.
template <class T, class R, class Comb>
void reduce_into(const NDArray& in, NDArray& out, const std::vector<bool>& mask, Comb comb,
                 Fold how) {
    Shape ost = out.strides();
    for (size_t d = 0; d < mask.size(); ++d)
        if (mask[d]) ost[d] = 0;
    auto p = detail::make_plan<2>(in.shape(), {in.strides().data(), ost.data()});
    if (p.empty) return;
    int nd = static_cast<int>(p.shape.size());
    int k = 0;
    while (k < nd && p.strides[nd - 1 - k][1] == 0) ++k;
    const T* ip = in.data<T>();
    R* op = out.data<R>();
    if (k == 0) {
        detail::run_plan<2>(
            p, {0, 0},
            [&](const std::array<int64_t, 2>& o, int64_t n, const std::array<int64_t, 2>& s) {
                for (int64_t i = 0; i < n; ++i) {
                    R& dst = op[o[1] + i * s[1]];
                    dst = comb(dst, static_cast<R>(ip[o[0] + i * s[0]]));
                }
            });
        return;
    }
    std::vector<double> buf;
    odometer(p, 0, nd - k, {0, 0}, [&](const std::array<int64_t, 2>& o) {
        R& dst = op[o[1]];
        if constexpr (std::is_same_v<T, double> && std::is_same_v<R, double>) {
            if (how == Fold::Pairwise) {
                if (k == 1) {
                    dst = fold_run<T, R>(ip + o[0], p.shape[nd - 1], p.strides[nd - 1][0], dst,
                                         comb, how);
                    return;
                }
                buf.clear();
                odometer(p, nd - k, nd, o, [&](const std::array<int64_t, 2>& q) {
                    buf.push_back(ip[q[0]]);
                    if (static_cast<int64_t>(buf.size()) == kBufSize) {
                        dst += pairwise(buf.data(), kBufSize, 1);
                        buf.clear();
                    }
                });
                if (!buf.empty()) dst += pairwise(buf.data(), buf.size(), 1);
                return;
            }
        }
        if (k == 1) { // one reduced (innermost) axis: a plain strided loop, same order
            dst = fold_run<T, R>(ip + o[0], p.shape[nd - 1], p.strides[nd - 1][0], dst, comb, how);
            return;
        }
        R acc = dst;
        odometer(p, nd - k, nd, o, [&](const std::array<int64_t, 2>& q) {
            acc = comb(acc, static_cast<R>(ip[q[0]]));
        });
        dst = acc;
    });
}

Shape kept_shape(const NDArray& a, const std::vector<bool>& mask, bool keepdims) {
    Shape s;
    for (int d = 0; d < a.ndim(); ++d)
        if (!mask[d])
            s.push_back(a.shape()[d]);
        else if (keepdims)
            s.push_back(1);
    return s;
}

template <class T, class R, class Comb>
NDArray reduce(const NDArray& a, const Axes& axes, bool keepdims, R init, Comb comb,
               Fold how = Fold::Seq) {
    if (!axes && !keepdims && a.dtype() == detail::dtype_of<T>() && a.is_c_contiguous()) {
        // A whole C-contiguous array: the plan would coalesce it into one run, so take that
        // run directly, in the same order (pairwise sums over 8192-element blocks, else
        // sequential), without the plan's vectors: np.mean in a training loop was mostly
        // allocation.
        NDArray out = NDArray::empty({}, detail::dtype_of<R>());
        *out.data<R>() = fold_run<T, R>(a.data<T>(), a.size(), 1, init, comb, how);
        return out;
    }
    std::vector<bool> mask = detail::axis_mask(axes, a.ndim());
    Shape ks = kept_shape(a, mask, true);
    NDArray out = NDArray::empty(ks, detail::dtype_of<R>());
    R* o = out.data<R>();
    for (int64_t i = 0; i < out.size(); ++i) o[i] = init;
    NDArray in = a.dtype() == detail::dtype_of<T>() ? a : a.astype(detail::dtype_of<T>());
    reduce_into<T, R>(in, out, mask, comb, how);
    return keepdims ? out : out.reshape(kept_shape(a, mask, false));
}

void check_nonempty(const NDArray& a, const Axes& axes, const char* name) {
    std::vector<bool> mask = detail::axis_mask(axes, a.ndim());
    for (int d = 0; d < a.ndim(); ++d)
        if (mask[d] && a.shape()[d] == 0)
            fail(Kind::ValueError, std::string("zero-size array to reduction operation ") + name +
                                       " which has no identity");
}

int64_t count_of(const NDArray& a, const Axes& axes) {
    std::vector<bool> mask = detail::axis_mask(axes, a.ndim());
    int64_t n = 1;
    for (int d = 0; d < a.ndim(); ++d)
        if (mask[d]) n *= a.shape()[d];
    return n;
}

void no_str(const NDArray& a, const char* name) {
    if (a.dtype() == DType::Str)
        fail(Kind::UFuncTypeError, std::string("ufunc '") + name +
                                       "' did not contain a loop with signature matching types (" +
                                       "dtype('" + a.dtype_str() + "'), dtype('" + a.dtype_str() +
                                       "')) -> None");
}

// The float64 sum (pairwise), out of line: sum, mean and var share its one instantiation
// (inlined into each, the reduction template was ~2.5 KB of wasm per caller).
[[gnu::noinline]] NDArray fsum(const NDArray& a, const Axes& axes, bool keepdims) {
    return reduce<double, double>(
        a, axes, keepdims, 0.0, [](double x, double y) { return x + y; }, Fold::Pairwise);
}

} // namespace

NDArray sum(const NDArray& a, const Axes& axes, bool keepdims) {
    no_str(a, "add");
    if (a.dtype() == DType::Float64) return fsum(a, axes, keepdims);
    return reduce<int64_t, int64_t>(a, axes, keepdims, int64_t{0}, detail::wadd);
}

NDArray prod(const NDArray& a, const Axes& axes, bool keepdims) {
    no_str(a, "multiply");
    if (a.dtype() == DType::Float64)
        return reduce<double, double>(a, axes, keepdims, 1.0,
                                      [](double x, double y) { return x * y; });
    return reduce<int64_t, int64_t>(a, axes, keepdims, int64_t{1}, detail::wmul);
}

NDArray mean(const NDArray& a, const Axes& axes, bool keepdims) {
    no_str(a, "add");
    NDArray s = fsum(a, axes, keepdims);
    // s is the fresh C-contiguous float64 result: divide in place (the same IEEE quotient as
    // the true_divide ufunc, without building a 0-d divisor and a second array)
    double n = double(count_of(a, axes));
    double* p = s.data<double>();
    for (int64_t i = 0, k = s.size(); i < k; ++i) p[i] /= n;
    return s;
}

namespace {
// max (hi) and min share one reduction per dtype, the direction a run-time flag: each
// instantiation of reduce<> is 2.5-3 KB of wasm, and the flag costs a select per element.
NDArray extreme(const NDArray& a, const Axes& axes, bool keepdims, bool hi) {
    switch (a.dtype()) {
    case DType::Float64:
        return reduce<double, double>(
            a, axes, keepdims, hi ? -INFINITY : INFINITY,
            [hi](double x, double y) { return ((hi ? x >= y : x <= y) || std::isnan(x)) ? x : y; },
            Fold::AnyOrder);
    case DType::Int64:
        return reduce<int64_t, int64_t>(
            a, axes, keepdims, hi ? INT64_MIN : INT64_MAX,
            [hi](int64_t x, int64_t y) { return (hi ? x >= y : x <= y) ? x : y; });
    default: return hi ? any(a, axes, keepdims) : all(a, axes, keepdims); // the same reductions
    }
}
} // namespace

NDArray max(const NDArray& a, const Axes& axes, bool keepdims) {
    no_str(a, "maximum");
    check_nonempty(a, axes, "maximum");
    return extreme(a, axes, keepdims, true);
}

NDArray min(const NDArray& a, const Axes& axes, bool keepdims) {
    no_str(a, "minimum");
    check_nonempty(a, axes, "minimum");
    return extreme(a, axes, keepdims, false);
}

// any and all as one reduction (the identity and the combining rule follow `any`), as
// extreme() does for max and min: one instantiation of reduce<> instead of two.
static NDArray any_all(const NDArray& a, const Axes& axes, bool keepdims, bool any) {
    return reduce<bool, bool>(a, axes, keepdims, !any,
                              [any](bool x, bool y) { return any ? (x || y) : (x && y); });
}

NDArray any(const NDArray& a, const Axes& axes, bool keepdims) {
    return any_all(a, axes, keepdims, true);
}

NDArray all(const NDArray& a, const Axes& axes, bool keepdims) {
    return any_all(a, axes, keepdims, false);
}

// The rarer reductions, their templates included, optimised for size.
LMPY_SIZE_BEGIN
LMPY_SIZE_FN NDArray count_nonzero(const NDArray& a, const Axes& axes, bool keepdims) {
    NDArray b = a.dtype() == DType::Str ? binary(BinOp::Ne, a, NDArray::scalar(Scalar(U"")))
                                        : a.astype(DType::Bool);
    return sum(b, axes, keepdims);
}

LMPY_SIZE_FN NDArray var(const NDArray& a, const Axes& axes, int64_t ddof, bool keepdims) {
    no_str(a, "add");
    int64_t n = count_of(a, axes);
    NDArray m = fsum(a, axes, true);
    m = binary(BinOp::TrueDiv, m, NDArray::scalar(double(n)));
    NDArray x = binary(BinOp::Sub, a, m);
    x = binary(BinOp::Mul, x, x);
    NDArray s = fsum(x, axes, keepdims);
    return binary(BinOp::TrueDiv, s, NDArray::scalar(double(std::max<int64_t>(n - ddof, 0))));
}

LMPY_SIZE_FN NDArray std_(const NDArray& a, const Axes& axes, int64_t ddof, bool keepdims) {
    return unary(UnOp::Sqrt, var(a, axes, ddof, keepdims));
}

namespace {

// a with `axis` moved last, as a C-contiguous array.
NDArray axis_last(const NDArray& a, int64_t axis, std::vector<int64_t>& perm) {
    perm.clear();
    for (int d = 0; d < a.ndim(); ++d)
        if (d != axis) perm.push_back(d);
    perm.push_back(axis);
    return a.transpose(perm).ascontiguous();
}

template <bool Max> NDArray arg_best(const NDArray& a, std::optional<int64_t> axis, bool keepdims) {
    const char* name = Max ? "argmax" : "argmin";
    NDArray src = a;
    int64_t ax;
    if (!axis) {
        src = a.ravel();
        ax = 0;
    } else {
        ax = normalize_axis(*axis, a.ndim());
    }
    std::vector<int64_t> perm;
    NDArray m = axis_last(src.dtype() == DType::Bool ? src.astype(DType::Int64) : src, ax, perm);
    int64_t n = src.ndim() ? src.shape()[ax] : 1;
    if (n == 0)
        fail(Kind::ValueError, std::string("attempt to get ") + name + " of an empty sequence");
    int64_t rows = m.size() / n;
    std::vector<int64_t> res(rows);
    auto scan = [&](const auto* p) {
        using V = std::remove_cv_t<std::remove_pointer_t<decltype(p)>>;
        for (int64_t r = 0; r < rows; ++r) {
            const V* row = p + r * n;
            int64_t best = 0;
            bool done = false;
            if constexpr (std::is_same_v<V, double>) done = std::isnan(row[0]);
            for (int64_t i = 1; i < n && !done; ++i) {
                V v = row[i];
                if constexpr (std::is_same_v<V, double>)
                    if (std::isnan(v)) {
                        best = i;
                        break;
                    }
                if (Max ? v > row[best] : v < row[best]) best = i;
            }
            res[r] = best;
        }
    };
    if (m.dtype() == DType::Float64)
        scan(m.data<double>());
    else if (m.dtype() == DType::Int64)
        scan(m.data<int64_t>());
    else {
        std::vector<std::u32string> s = m.to_strings();
        for (int64_t r = 0; r < rows; ++r) {
            int64_t best = 0;
            for (int64_t i = 1; i < n; ++i)
                if (Max ? s[r * n + i] > s[r * n + best] : s[r * n + i] < s[r * n + best]) best = i;
            res[r] = best;
        }
    }
    Shape out;
    for (int d = 0; d < src.ndim(); ++d)
        if (d != ax)
            out.push_back(src.shape()[d]);
        else if (keepdims && axis)
            out.push_back(1);
    if (keepdims && !axis) out = Shape(a.ndim(), 1);
    return NDArray::from_int64s(out, std::move(res));
}

template <bool Sum> NDArray cumulate(const NDArray& a, std::optional<int64_t> axis) {
    no_str(a, Sum ? "add" : "multiply");
    NDArray src = axis ? a : a.ravel();
    int64_t ax = axis ? normalize_axis(*axis, a.ndim()) : 0;
    std::vector<int64_t> perm;
    DType t = a.dtype() == DType::Float64 ? DType::Float64 : DType::Int64;
    NDArray m = axis_last(src.astype(t), ax, perm);
    int64_t n = src.shape()[ax], rows = n ? m.size() / n : 0;
    auto run = [&](auto* p) {
        for (int64_t r = 0; r < rows; ++r)
            for (int64_t i = 1; i < n; ++i) {
                auto& x = p[r * n + i];
                auto y = p[r * n + i - 1];
                if constexpr (std::is_same_v<std::remove_reference_t<decltype(x)>, double>)
                    x = Sum ? y + x : y * x;
                else
                    x = Sum ? detail::wadd(y, x) : detail::wmul(y, x);
            }
    };
    if (t == DType::Float64)
        run(m.data<double>());
    else
        run(m.data<int64_t>());
    std::vector<int64_t> inv(perm.size());
    for (size_t k = 0; k < perm.size(); ++k) inv[perm[k]] = k;
    return m.transpose(inv).ascontiguous();
}

// Rows of the reduced elements: result has shape (kept..., group) flattened to doubles.
std::vector<double> grouped(const NDArray& a, const Axes& axes, int64_t& group, Shape& kept,
                            Shape& kept_keep) {
    std::vector<bool> mask = detail::axis_mask(axes, a.ndim());
    std::vector<int64_t> perm;
    group = 1;
    for (int d = 0; d < a.ndim(); ++d)
        if (!mask[d]) perm.push_back(d), kept.push_back(a.shape()[d]);
    for (int d = 0; d < a.ndim(); ++d)
        if (mask[d]) perm.push_back(d), group *= a.shape()[d];
    kept_keep = kept_shape(a, mask, true);
    return a.transpose(perm).to_doubles();
}

void sort_nan_last(double* b, double* e) {
    std::sort(b, e, [](double x, double y) { return x < y || (!std::isnan(x) && std::isnan(y)); });
}

} // namespace

LMPY_SIZE_FN NDArray argmax(const NDArray& a, std::optional<int64_t> axis, bool keepdims) {
    return arg_best<true>(a, axis, keepdims);
}
LMPY_SIZE_FN NDArray argmin(const NDArray& a, std::optional<int64_t> axis, bool keepdims) {
    return arg_best<false>(a, axis, keepdims);
}
NDArray cumsum(const NDArray& a, std::optional<int64_t> axis) { return cumulate<true>(a, axis); }
NDArray cumprod(const NDArray& a, std::optional<int64_t> axis) { return cumulate<false>(a, axis); }

LMPY_SIZE_FN NDArray median(const NDArray& a, const Axes& axes, bool keepdims) {
    no_str(a, "add");
    int64_t g;
    Shape kept, kk;
    std::vector<double> v = grouped(a, axes, g, kept, kk);
    int64_t rows = shape_size(kept);
    std::vector<double> out(rows, NAN);
    for (int64_t r = 0; r < rows && g > 0; ++r) {
        double* row = v.data() + r * g;
        sort_nan_last(row, row + g);
        if (std::isnan(row[g - 1])) continue;
        out[r] = g % 2 ? row[g / 2] : (row[g / 2 - 1] + row[g / 2]) / 2.0;
    }
    return NDArray::from_doubles(keepdims ? kk : kept, std::move(out));
}

LMPY_SIZE_FN NDArray quantile(const NDArray& a, const NDArray& q, const Axes& axes, bool keepdims) {
    no_str(a, "add");
    std::vector<double> qs = q.to_doubles();
    for (double x : qs)
        if (!(x >= 0 && x <= 1)) fail(Kind::ValueError, "Quantiles must be in the range [0, 1]");
    int64_t g;
    Shape kept, kk;
    std::vector<double> v = grouped(a, axes, g, kept, kk);
    if (g == 0) fail(Kind::IndexError, "index -1 is out of bounds for axis 0 with size 0");
    int64_t rows = shape_size(kept);
    std::vector<double> out(qs.size() * rows);
    for (int64_t r = 0; r < rows; ++r) {
        double* row = v.data() + r * g;
        sort_nan_last(row, row + g);
        bool nan = std::isnan(row[g - 1]);
        for (size_t k = 0; k < qs.size(); ++k) {
            double vi = double(g - 1) * qs[k];
            double prev = std::floor(vi);
            int64_t lo = static_cast<int64_t>(prev), hi = lo + 1;
            if (vi >= double(g - 1)) lo = hi = g - 1;
            double t = vi - prev;
            double x = row[lo], y = row[hi], d = y - x;
            double res = t >= 0.5 ? y - d * (1 - t) : x + d * t;
            out[k * rows + r] = nan ? NAN : res;
        }
    }
    Shape s = q.shape();
    for (auto d : keepdims ? kk : kept) s.push_back(d);
    return NDArray::from_doubles(s, std::move(out));
}

LMPY_SIZE_FN NDArray percentile(const NDArray& a, const NDArray& q, const Axes& axes,
                                bool keepdims) {
    NDArray qq = binary(BinOp::TrueDiv, q, NDArray::scalar(100.0));
    for (double x : qq.to_doubles())
        if (!(x >= 0 && x <= 1))
            fail(Kind::ValueError, "Percentiles must be in the range [0, 100]");
    return quantile(a, qq, axes, keepdims);
}

LMPY_SIZE_END

} // namespace lmpy::np
