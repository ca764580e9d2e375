// Elementwise kernels. Inputs are first cast to the loop's compute type (a no-op when the
// dtype already matches), then one templated strided loop runs a small functor; the loop has
// contiguous and scalar-operand fast paths so the compiler can vectorise them. The result is
// laid out in the memory order of a full-shape input (NumPy's order='K'), which keeps later
// reductions over it in NumPy's summation order.
#include "np/ufunc.h"
#include "np/detail.h"
#include <cmath>
#include <cstring>

namespace lmpy::np {
using detail::fail;

const char* binop_name(BinOp op) {
    static const char* names[] = {
        "add",         "subtract", "multiply",      "divide",      "floor_divide",
        "remainder",   "power",    "equal",         "not_equal",   "less",
        "less_equal",  "greater",  "greater_equal", "bitwise_and", "bitwise_or",
        "bitwise_xor", "maximum",  "minimum",       "logical_and", "logical_or",
        "logical_xor", "arctan2",  "hypot",         "left_shift",  "right_shift"};
    return names[static_cast<int>(op)];
}

const char* unop_name(UnOp op) {
    static const char* names[] = {
        "negative", "positive",    "invert",    "absolute", "sign",   "square", "sqrt",
        "exp",      "expm1",       "log",       "log2",     "log10",  "log1p",  "sin",
        "cos",      "tan",         "arcsin",    "arccos",   "arctan", "sinh",   "cosh",
        "tanh",     "floor",       "ceil",      "trunc",    "rint",   "isnan",  "isinf",
        "isfinite", "logical_not", "reciprocal"};
    return names[static_cast<int>(op)];
}

namespace {

[[noreturn]] void not_supported(const char* name) {
    fail(Kind::TypeError, std::string("ufunc '") + name +
                              "' not supported for the input types, and the inputs could not be "
                              "safely coerced to any supported types according to the casting "
                              "rule ''safe''");
}

std::string dt_repr(const NDArray& a) { return "dtype('" + a.dtype_str() + "')"; }

[[noreturn]] void no_loop2(const char* name, const NDArray& a, const NDArray& b) {
    fail(Kind::UFuncTypeError, std::string("ufunc '") + name +
                                   "' did not contain a loop with signature matching types (" +
                                   dt_repr(a) + ", " + dt_repr(b) + ") -> None");
}

NDArray cast(const NDArray& a, DType d) { return a.dtype() == d ? a : a.astype(d); }
// a itself when it already has dtype d, else its cast kept in `hold`: copying an NDArray copies
// its shape and strides (two allocations), which every operator on same-typed arrays paid.
const NDArray& cast(const NDArray& a, DType d, std::optional<NDArray>& hold) {
    return a.dtype() == d ? a : hold.emplace(a.astype(d));
}

// The loops are split in two so that the ~50 (op, dtype) instantiations below stay small:
// a type-free driver (one copy) walks the outer dimensions of the plan, and per (op, dtype)
// only the kernel of one innermost run is instantiated, with the op inlined into its
// contiguous, scalar-operand and strided loops (the ones the compiler vectorises). Offsets
// and strides are in elements. Inlining the whole plan walk into every instantiation made
// np::binary 142 KB and np::unary 59 KB of wasm.
using Kern2 = void (*)(const void* op, void* o, const void* x, const void* y,
                       const std::array<int64_t, 3>& off, int64_t n,
                       const std::array<int64_t, 3>& st);
using Kern1 = void (*)(const void* op, void* o, const void* x, const std::array<int64_t, 2>& off,
                       int64_t n, const std::array<int64_t, 2>& st);

template <class R, class T, class Op>
void kern2(const void* opp, void* o, const void* x, const void* y,
           const std::array<int64_t, 3>& off, int64_t n, const std::array<int64_t, 3>& st) {
    const Op& op = *static_cast<const Op*>(opp);
    R* po = static_cast<R*>(o) + off[0];
    const T* a = static_cast<const T*>(x) + off[1];
    const T* b = static_cast<const T*>(y) + off[2];
    if (st[0] == 1 && st[1] == 1 && st[2] == 1) {
        for (int64_t i = 0; i < n; ++i) po[i] = op(a[i], b[i]);
    } else if (st[0] == 1 && st[1] == 1 && st[2] == 0) {
        const T c = *b;
        for (int64_t i = 0; i < n; ++i) po[i] = op(a[i], c);
    } else if (st[0] == 1 && st[1] == 0 && st[2] == 1) {
        const T c = *a;
        for (int64_t i = 0; i < n; ++i) po[i] = op(c, b[i]);
    } else {
        for (int64_t i = 0; i < n; ++i) po[i * st[0]] = op(a[i * st[1]], b[i * st[2]]);
    }
}

template <class R, class T, class Op>
void kern1(const void* opp, void* o, const void* x, const std::array<int64_t, 2>& off, int64_t n,
           const std::array<int64_t, 2>& st) {
    const Op& op = *static_cast<const Op*>(opp);
    R* po = static_cast<R*>(o) + off[0];
    const T* a = static_cast<const T*>(x) + off[1];
    if (st[0] == 1 && st[1] == 1)
        for (int64_t i = 0; i < n; ++i) po[i] = op(a[i]);
    else
        for (int64_t i = 0; i < n; ++i) po[i * st[0]] = op(a[i * st[1]]);
}

// out = op(x, y) over the broadcast shape, laid out like the full-shape input.
[[gnu::noinline]] NDArray drive2(const NDArray& x, const NDArray& y, const Shape& shape, DType rt,
                                 const void* op, Kern2 k) {
    // The common case without a plan: C-contiguous operands of the result's shape, or one
    // of them a single element (a Python scalar). One kernel call over the flat buffers, and
    // none of the plan's vectors: for the small arrays of a training loop the allocations
    // cost more than the arithmetic.
    bool xf = x.shape() == shape && x.is_c_contiguous(),
         yf = y.shape() == shape && y.is_c_contiguous();
    if ((xf && (yf || y.size() == 1)) || (yf && x.size() == 1)) {
        NDArray out = NDArray::empty(shape, rt);
        int64_t n = shape_size(shape);
        if (n > 0)
            k(op, out.raw_data(), x.raw_data(), y.raw_data(), {0, 0, 0}, n,
              {1, xf ? 1 : 0, yf ? 1 : 0});
        return out;
    }
    const NDArray& like = x.shape() == shape ? x : y;
    NDArray out = NDArray::empty_like_order(shape, rt, like);
    Shape sx = detail::bstrides(x, shape), sy = detail::bstrides(y, shape);
    auto p = detail::make_plan<3>(shape, {out.strides().data(), sx.data(), sy.data()});
    void* o = out.raw_data();
    const void* xp = x.raw_data();
    const void* yp = y.raw_data();
    detail::run_plan<3>(p, {0, 0, 0},
                        [&](const std::array<int64_t, 3>& off, int64_t n,
                            const std::array<int64_t, 3>& st) { k(op, o, xp, yp, off, n, st); });
    return out;
}

[[gnu::noinline]] NDArray drive1(const NDArray& x, DType rt, const void* op, Kern1 k) {
    if (x.is_c_contiguous()) { // one kernel call, no plan (see drive2)
        NDArray out = NDArray::empty(x.shape(), rt);
        int64_t n = x.size();
        if (n > 0) k(op, out.raw_data(), x.raw_data(), {0, 0}, n, {1, 1});
        return out;
    }
    NDArray out = NDArray::empty_like_order(x.shape(), rt, x);
    auto p = detail::make_plan<2>(x.shape(), {out.strides().data(), x.strides().data()});
    void* o = out.raw_data();
    const void* xp = x.raw_data();
    detail::run_plan<2>(p, {0, 0},
                        [&](const std::array<int64_t, 2>& off, int64_t n,
                            const std::array<int64_t, 2>& st) { k(op, o, xp, off, n, st); });
    return out;
}

// out = op(x, y) over the broadcast shape; x, y already of type T.
template <class R, class T, class Op>
NDArray run2(const NDArray& x, const NDArray& y, const Shape& shape, Op op) {
    return drive2(x, y, shape, detail::dtype_of<R>(), &op, &kern2<R, T, Op>);
}

template <class R, class T, class Op> NDArray run1(const NDArray& x, Op op) {
    return drive1(x, detail::dtype_of<R>(), &op, &kern1<R, T, Op>);
}

// Python/NumPy floor division and modulo for doubles (npy_divmod).
inline double fdivmod(double a, double b, double* modp) {
    double mod = std::fmod(a, b);
    if (b == 0) {
        *modp = mod;
        return a / b;
    }
    double div = (a - mod) / b;
    if (mod != 0) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, b);
    }
    double fl;
    if (div != 0) {
        fl = std::floor(div);
        if (div - fl > 0.5) fl += 1.0;
    } else {
        fl = std::copysign(0.0, a / b);
    }
    *modp = mod;
    return fl;
}

inline int64_t ifloordiv(int64_t a, int64_t b) {
    if (b == 0) return 0;
    if (b == -1) return detail::wsub(0, a);
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

inline int64_t imod(int64_t a, int64_t b) {
    if (b == 0 || b == -1) return 0;
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

inline int64_t ipow(int64_t base, int64_t e) {
    uint64_t r = 1, b = static_cast<uint64_t>(base);
    while (e > 0) {
        if (e & 1) r *= b;
        b *= b;
        e >>= 1;
    }
    return static_cast<int64_t>(r);
}

template <class T> NDArray compare(BinOp op, const NDArray& x, const NDArray& y, const Shape& s) {
    switch (op) {
    case BinOp::Eq: return run2<bool, T>(x, y, s, [](T a, T b) { return a == b; });
    case BinOp::Ne: return run2<bool, T>(x, y, s, [](T a, T b) { return a != b; });
    case BinOp::Lt: return run2<bool, T>(x, y, s, [](T a, T b) { return a < b; });
    case BinOp::Le: return run2<bool, T>(x, y, s, [](T a, T b) { return a <= b; });
    case BinOp::Gt: return run2<bool, T>(x, y, s, [](T a, T b) { return a > b; });
    default: return run2<bool, T>(x, y, s, [](T a, T b) { return a >= b; });
    }
}

NDArray compare_str(BinOp op, const NDArray& x, const NDArray& y, const Shape& s) {
    std::vector<std::u32string> a = x.broadcast_to(s).to_strings(),
                                b = y.broadcast_to(s).to_strings();
    std::vector<bool> r(a.size());
    for (size_t i = 0; i < a.size(); ++i) {
        int c = a[i].compare(b[i]);
        switch (op) {
        case BinOp::Eq: r[i] = c == 0; break;
        case BinOp::Ne: r[i] = c != 0; break;
        case BinOp::Lt: r[i] = c < 0; break;
        case BinOp::Le: r[i] = c <= 0; break;
        case BinOp::Gt: r[i] = c > 0; break;
        default: r[i] = c >= 0;
        }
    }
    return NDArray::from_bools(s, r);
}

bool is_compare(BinOp op) { return op >= BinOp::Eq && op <= BinOp::Ge; }

} // namespace

NDArray binary(BinOp op, const NDArray& a, const NDArray& b) {
    Shape s = broadcast_shape(a.shape(), b.shape());
    const char* name = binop_name(op);
    if (a.dtype() == DType::Str || b.dtype() == DType::Str) {
        if (is_compare(op)) {
            if (a.dtype() == b.dtype()) return compare_str(op, a, b, s);
            if (op == BinOp::Eq || op == BinOp::Ne) return NDArray::scalar(op == BinOp::Ne);
            // (the operators return NotImplemented before getting here; this is np.less & co,
            // whose error names the dtypes by their classes)
            auto cls = [](const NDArray& x) {
                const char* n = x.dtype() == DType::Str     ? "str_"
                                : x.dtype() == DType::Bool  ? "bool_"
                                : x.dtype() == DType::Int64 ? "int64"
                                                            : "float64";
                return std::string("<class 'numpy.dtype[") + n + "]'>";
            };
            fail(Kind::UFuncTypeError, std::string("ufunc '") + name +
                                           "' did not contain a loop with signature matching "
                                           "types (" +
                                           cls(a) + ", " + cls(b) + ") -> None");
        }
        // NumPy 1.24: these report a missing loop for any mix with strings, the rest a
        // failed safe cast
        if (op <= BinOp::Mul || op == BinOp::Maximum || op == BinOp::Minimum ||
            op == BinOp::LogicalAnd || op == BinOp::LogicalOr || op == BinOp::LogicalXor)
            no_loop2(name, a, b);
        not_supported(name);
    }
    DType t = promote(a.dtype(), b.dtype());
    std::optional<NDArray> hx, hy;
    if (is_compare(op)) {
        switch (t) {
        case DType::Float64: return compare<double>(op, cast(a, t, hx), cast(b, t, hy), s);
        case DType::Int64: return compare<int64_t>(op, cast(a, t, hx), cast(b, t, hy), s);
        default: {
            // bools compare as the integers 0 and 1: six kernels fewer for a rare operation
            // (lmpy.wasm -0.35 KB gzip; session 4 measured +0.8 KB, before the kernels changed)
            const NDArray &x = cast(a, DType::Int64, hx), &y = cast(b, DType::Int64, hy);
            return compare<int64_t>(op, x, y, s);
        }
        }
    }
    if (op == BinOp::LogicalAnd || op == BinOp::LogicalOr || op == BinOp::LogicalXor) {
        const NDArray &x = cast(a, DType::Bool, hx), &y = cast(b, DType::Bool, hy);
        if (op == BinOp::LogicalAnd)
            return run2<bool, bool>(x, y, s, [](bool p, bool q) { return p && q; });
        if (op == BinOp::LogicalOr)
            return run2<bool, bool>(x, y, s, [](bool p, bool q) { return p || q; });
        return run2<bool, bool>(x, y, s, [](bool p, bool q) { return p != q; });
    }
    if (op == BinOp::BitAnd || op == BinOp::BitOr || op == BinOp::BitXor) {
        if (t == DType::Float64) not_supported(name);
        if (t == DType::Bool) {
            if (op == BinOp::BitAnd)
                return run2<bool, bool>(a, b, s, [](bool p, bool q) { return p && q; });
            if (op == BinOp::BitOr)
                return run2<bool, bool>(a, b, s, [](bool p, bool q) { return p || q; });
            return run2<bool, bool>(a, b, s, [](bool p, bool q) { return p != q; });
        }
        const NDArray &x = cast(a, t, hx), &y = cast(b, t, hy);
        if (op == BinOp::BitAnd)
            return run2<int64_t, int64_t>(x, y, s, [](int64_t p, int64_t q) { return p & q; });
        if (op == BinOp::BitOr)
            return run2<int64_t, int64_t>(x, y, s, [](int64_t p, int64_t q) { return p | q; });
        return run2<int64_t, int64_t>(x, y, s, [](int64_t p, int64_t q) { return p ^ q; });
    }
    if (op == BinOp::LShift || op == BinOp::RShift) {
        // integer loops only; bools shift as integers (int8 in NumPy). A count outside
        // [0, 64) is defined as NumPy defines it: << gives 0, >> gives 0 or -1 by the sign.
        if (t == DType::Float64) not_supported(name);
        const NDArray &x = cast(a, DType::Int64, hx), &y = cast(b, DType::Int64, hy);
        if (op == BinOp::LShift)
            return run2<int64_t, int64_t>(x, y, s, [](int64_t p, int64_t q) {
                return uint64_t(q) < 64 ? int64_t(uint64_t(p) << q) : int64_t(0);
            });
        return run2<int64_t, int64_t>(x, y, s, [](int64_t p, int64_t q) {
            return uint64_t(q) < 64 ? p >> q : (p < 0 ? int64_t(-1) : int64_t(0));
        });
    }
    if (op == BinOp::TrueDiv || op == BinOp::Arctan2 || op == BinOp::Hypot) t = DType::Float64;
    if (t == DType::Bool) {
        switch (op) {
        case BinOp::Add:
        case BinOp::Maximum:
            return run2<bool, bool>(a, b, s, [](bool p, bool q) { return p || q; });
        case BinOp::Mul:
        case BinOp::Minimum:
            return run2<bool, bool>(a, b, s, [](bool p, bool q) { return p && q; });
        case BinOp::Sub:
            fail(Kind::TypeError,
                 "numpy boolean subtract, the `-` operator, is not supported, use the "
                 "bitwise_xor, the `^` operator, or the logical_xor function instead.");
        default: t = DType::Int64; // floor_divide, remainder, power: int8 in NumPy
        }
    }
    if (t == DType::Int64) {
        const NDArray &x = cast(a, t, hx), &y = cast(b, t, hy);
        using I = int64_t;
        switch (op) {
        case BinOp::Add: return run2<I, I>(x, y, s, [](I p, I q) { return detail::wadd(p, q); });
        case BinOp::Sub: return run2<I, I>(x, y, s, [](I p, I q) { return detail::wsub(p, q); });
        case BinOp::Mul: return run2<I, I>(x, y, s, [](I p, I q) { return detail::wmul(p, q); });
        case BinOp::FloorDiv: return run2<I, I>(x, y, s, ifloordiv);
        case BinOp::Mod: return run2<I, I>(x, y, s, imod);
        case BinOp::Pow: {
            const I* e = y.data<I>();
            bool neg = false;
            detail::for_each_offset(y, [&](int64_t o) { neg |= e[o] < 0; });
            if (neg) fail(Kind::ValueError, "Integers to negative integer powers are not allowed.");
            return run2<I, I>(x, y, s, ipow);
        }
        case BinOp::Maximum: return run2<I, I>(x, y, s, [](I p, I q) { return p >= q ? p : q; });
        case BinOp::Minimum: return run2<I, I>(x, y, s, [](I p, I q) { return p <= q ? p : q; });
        default: break;
        }
    }
    const NDArray &x = cast(a, DType::Float64, hx), &y = cast(b, DType::Float64, hy);
    using D = double;
    switch (op) {
    case BinOp::Add: return run2<D, D>(x, y, s, [](D p, D q) { return p + q; });
    case BinOp::Sub: return run2<D, D>(x, y, s, [](D p, D q) { return p - q; });
    case BinOp::Mul: return run2<D, D>(x, y, s, [](D p, D q) { return p * q; });
    case BinOp::TrueDiv: return run2<D, D>(x, y, s, [](D p, D q) { return p / q; });
    case BinOp::FloorDiv:
        return run2<D, D>(x, y, s, [](D p, D q) {
            double m;
            return q == 0 ? p / q : fdivmod(p, q, &m);
        });
    case BinOp::Mod:
        return run2<D, D>(x, y, s, [](D p, D q) {
            double m;
            if (q == 0) return std::fmod(p, q);
            fdivmod(p, q, &m);
            return m;
        });
    case BinOp::Pow: return run2<D, D>(x, y, s, [](D p, D q) { return std::pow(p, q); });
    case BinOp::Maximum:
        return run2<D, D>(x, y, s, [](D p, D q) { return (p >= q || std::isnan(p)) ? p : q; });
    case BinOp::Minimum:
        return run2<D, D>(x, y, s, [](D p, D q) { return (p <= q || std::isnan(p)) ? p : q; });
    case BinOp::Arctan2: return run2<D, D>(x, y, s, [](D p, D q) { return std::atan2(p, q); });
    case BinOp::Hypot: return run2<D, D>(x, y, s, [](D p, D q) { return std::hypot(p, q); });
    default: fail(Kind::TypeError, "unsupported operation");
    }
}

NDArray power_operator(const NDArray& a, const NDArray& b) {
    if (b.ndim() == 0 && b.dtype() != DType::Str && a.dtype() != DType::Str) {
        double e = std::get<0>(NDArray::scalar(b.item()).astype(DType::Float64).item());
        bool inexact = a.dtype() == DType::Float64 || b.dtype() == DType::Float64;
        if (e == 2.0) return unary(UnOp::Square, inexact ? cast(a, DType::Float64) : a);
        if (e == 1.0 && a.dtype() != DType::Bool)
            return inexact ? cast(a, DType::Float64).copy() : a.copy();
        if (inexact && e == 0.5) return unary(UnOp::Sqrt, a);
        if (inexact && e == -1.0) return unary(UnOp::Reciprocal, cast(a, DType::Float64));
    }
    if (a.dtype() == DType::Str || b.dtype() == DType::Str) {
        if (b.ndim() == 0 && b.dtype() != DType::Str) not_supported("square");
    }
    return binary(BinOp::Pow, a, b);
}

void binary_inplace(BinOp op, NDArray& a, const NDArray& b) {
    NDArray r = op == BinOp::Pow ? power_operator(a, b) : binary(op, a, b);
    if (r.shape() != a.shape() && broadcast_shape(r.shape(), a.shape()) != a.shape())
        fail(Kind::ValueError,
             "non-broadcastable output operand with shape " + detail::shape_compact(a.shape()) +
                 " doesn't match the broadcast shape " + detail::shape_compact(r.shape()));
    if (r.shape() != a.shape())
        fail(Kind::ValueError, "non-broadcastable output operand with shape " +
                                   detail::shape_compact(a.shape()) +
                                   " doesn't match the broadcast shape " +
                                   detail::shape_compact(broadcast_shape(r.shape(), a.shape())));
    if (static_cast<int>(r.dtype()) > static_cast<int>(a.dtype()) && a.dtype() != DType::Str)
        fail(Kind::UFuncTypeError, std::string("Cannot cast ufunc '") + binop_name(op) +
                                       "' output from " + dt_repr(r) + " to " + dt_repr(a) +
                                       " with casting rule 'same_kind'");
    a.assign(r);
}

NDArray unary(UnOp op, const NDArray& a) {
    const char* name = unop_name(op);
    DType t = a.dtype();
    if (t == DType::Str) {
        if (op == UnOp::Neg || op == UnOp::Abs || op == UnOp::Pos || op == UnOp::Sign)
            fail(Kind::UFuncTypeError,
                 std::string("ufunc '") + name +
                     "' did not contain a loop with signature matching types <class "
                     "'numpy.dtype[str_]'> -> None");
        not_supported(name);
    }
    using I = int64_t;
    using D = double;
    switch (op) {
    case UnOp::Pos: return a.astype(t);
    case UnOp::Neg:
        if (t == DType::Bool)
            fail(Kind::TypeError, "The numpy boolean negative, the `-` operator, is not "
                                  "supported, use the `~` operator or the logical_not function "
                                  "instead.");
        if (t == DType::Int64) return run1<I, I>(a, [](I x) { return detail::wsub(0, x); });
        return run1<D, D>(a, [](D x) { return -x; });
    case UnOp::Invert:
        if (t == DType::Bool) return run1<bool, bool>(a, [](bool x) { return !x; });
        if (t == DType::Int64) return run1<I, I>(a, [](I x) { return ~x; });
        not_supported(name);
    case UnOp::LogicalNot: return run1<bool, bool>(cast(a, DType::Bool), [](bool x) { return !x; });
    case UnOp::Abs:
        if (t == DType::Bool) return a.astype(t);
        if (t == DType::Int64)
            return run1<I, I>(a, [](I x) { return x < 0 ? detail::wsub(0, x) : x; });
        return run1<D, D>(a, [](D x) { return std::fabs(x); });
    case UnOp::Sign:
        if (t == DType::Bool)
            fail(Kind::UFuncTypeError, "ufunc 'sign' did not contain a loop with signature "
                                       "matching types <class 'numpy.dtype[bool_]'> -> None");
        if (t == DType::Int64) return run1<I, I>(a, [](I x) { return I((x > 0) - (x < 0)); });
        return run1<D, D>(a, [](D x) { return x > 0 ? 1.0 : x < 0 ? -1.0 : x == 0 ? 0.0 : x; });
    case UnOp::Square:
        if (t != DType::Float64)
            return run1<I, I>(cast(a, DType::Int64), [](I x) { return detail::wmul(x, x); });
        return run1<D, D>(a, [](D x) { return x * x; });
    case UnOp::IsNan:
        if (t != DType::Float64) return NDArray::zeros(a.shape(), DType::Bool);
        return run1<bool, D>(a, [](D x) { return std::isnan(x); });
    case UnOp::IsInf:
        if (t != DType::Float64) return NDArray::zeros(a.shape(), DType::Bool);
        return run1<bool, D>(a, [](D x) { return std::isinf(x); });
    case UnOp::IsFinite:
        if (t != DType::Float64)
            return run1<bool, bool>(cast(a, DType::Bool), [](bool) { return true; });
        return run1<bool, D>(a, [](D x) { return std::isfinite(x); });
    default: break;
    }
    std::optional<NDArray> hx;
    const NDArray& x = cast(a, DType::Float64, hx);
    switch (op) {
    case UnOp::Sqrt: return run1<D, D>(x, [](D v) { return std::sqrt(v); });
    case UnOp::Exp: return run1<D, D>(x, [](D v) { return std::exp(v); });
    case UnOp::Expm1: return run1<D, D>(x, [](D v) { return std::expm1(v); });
    case UnOp::Log: return run1<D, D>(x, [](D v) { return std::log(v); });
    case UnOp::Log2: return run1<D, D>(x, [](D v) { return std::log2(v); });
    case UnOp::Log10: return run1<D, D>(x, [](D v) { return std::log10(v); });
    case UnOp::Log1p: return run1<D, D>(x, [](D v) { return std::log1p(v); });
    case UnOp::Sin: return run1<D, D>(x, [](D v) { return std::sin(v); });
    case UnOp::Cos: return run1<D, D>(x, [](D v) { return std::cos(v); });
    case UnOp::Tan: return run1<D, D>(x, [](D v) { return std::tan(v); });
    case UnOp::Arcsin: return run1<D, D>(x, [](D v) { return std::asin(v); });
    case UnOp::Arccos: return run1<D, D>(x, [](D v) { return std::acos(v); });
    case UnOp::Arctan: return run1<D, D>(x, [](D v) { return std::atan(v); });
    case UnOp::Sinh: return run1<D, D>(x, [](D v) { return std::sinh(v); });
    case UnOp::Cosh: return run1<D, D>(x, [](D v) { return std::cosh(v); });
    case UnOp::Tanh: return run1<D, D>(x, [](D v) { return std::tanh(v); });
    case UnOp::Floor: return run1<D, D>(x, [](D v) { return std::floor(v); });
    case UnOp::Ceil: return run1<D, D>(x, [](D v) { return std::ceil(v); });
    case UnOp::Trunc: return run1<D, D>(x, [](D v) { return std::trunc(v); });
    case UnOp::Rint: return run1<D, D>(x, [](D v) { return std::nearbyint(v); });
    case UnOp::Reciprocal: return run1<D, D>(x, [](D v) { return 1.0 / v; });
    default: not_supported(name);
    }
}

NDArray where(const NDArray& cond, const NDArray& x, const NDArray& y) {
    Shape s = broadcast_shapes({cond.shape(), x.shape(), y.shape()});
    DType t;
    int64_t w = 1;
    if (x.dtype() == DType::Str || y.dtype() == DType::Str) {
        if (x.dtype() != y.dtype())
            fail(Kind::TypeError, "The DType <class 'numpy.dtype[str_]'> could not be promoted");
        t = DType::Str;
        w = std::max(x.str_width(), y.str_width());
    } else {
        t = promote(x.dtype(), y.dtype());
    }
    NDArray out = NDArray::zeros(s, t, w);
    out.assign(y);
    NDArray c = cast(cond, DType::Bool).broadcast_to(s);
    NDArray xv = NDArray::zeros(s, t, w);
    xv.assign(x);
    const bool* cp = c.data<bool>();
    std::vector<int64_t> offs;
    detail::for_each_offset(c, [&](int64_t o) { offs.push_back(o); });
    int64_t bytes = t == DType::Bool ? 1 : t == DType::Str ? 4 * w : 8;
    char* op = static_cast<char*>(out.buf_ref().get());
    const char* xp = static_cast<const char*>(xv.buf_ref().get());
    for (size_t i = 0; i < offs.size(); ++i)
        if (cp[offs[i]]) std::memcpy(op + i * bytes, xp + i * bytes, bytes);
    return out;
}

NDArray clip(const NDArray& a, const std::optional<NDArray>& lo, const std::optional<NDArray>& hi) {
    if (!lo && !hi) fail(Kind::ValueError, "One of max or min must be given");
    NDArray r = a;
    // NumPy: min(max(a, lo), hi), keeping NaN of `a` (maximum/minimum propagate it anyway).
    if (lo) r = binary(BinOp::Maximum, r, *lo);
    if (hi) r = binary(BinOp::Minimum, r, *hi);
    if (!lo && !hi) r = r.copy();
    return r;
}

NDArray round(const NDArray& a, int64_t decimals) {
    if (a.dtype() == DType::Str) not_supported("rint");
    if (a.dtype() != DType::Float64 && decimals >= 0) return a.copy();
    double f = 1;
    for (int64_t k = 0; k < (decimals < 0 ? -decimals : decimals); ++k) f *= 10.0;
    NDArray x = cast(a, DType::Float64), fs = NDArray::scalar(f);
    NDArray y = decimals >= 0 ? binary(BinOp::Mul, x, fs) : binary(BinOp::TrueDiv, x, fs);
    y = unary(UnOp::Rint, y);
    y = decimals >= 0 ? binary(BinOp::TrueDiv, y, fs) : binary(BinOp::Mul, y, fs);
    return a.dtype() == DType::Float64 ? y : y.astype(a.dtype());
}

NDArray isclose(const NDArray& a, const NDArray& b, double rtol, double atol, bool equal_nan) {
    Shape s = broadcast_shape(a.shape(), b.shape());
    std::optional<NDArray> hx, hy;
    const NDArray &x = cast(a, DType::Float64, hx), &y = cast(b, DType::Float64, hy);
    return run2<bool, double>(x, y, s, [=](double p, double q) {
        if (std::isfinite(p) && std::isfinite(q))
            return std::fabs(p - q) <= atol + rtol * std::fabs(q);
        if (std::isnan(p) && std::isnan(q)) return equal_nan;
        return p == q;
    });
}

bool allclose(const NDArray& a, const NDArray& b, double rtol, double atol, bool equal_nan) {
    for (bool v : isclose(a, b, rtol, atol, equal_nan).to_bools())
        if (!v) return false;
    return true;
}

bool array_equal(const NDArray& a, const NDArray& b) {
    if (a.shape() != b.shape()) return false;
    for (bool v : binary(BinOp::Eq, a, b).to_bools())
        if (!v) return false;
    return true;
}

} // namespace lmpy::np
