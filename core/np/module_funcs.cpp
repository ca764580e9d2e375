// numpy functions, part 1: array creation, ufuncs (unary and binary) and the elementwise
// helpers where/clip/round/isclose/allclose/array_equal.
#include "np/creation.h"
#include "np/module_internal.h"
#include <string_view>
#include "np/ufunc.h"

namespace lmpy::np {

namespace {

Value fn(VM& vm, const char* name, NativeFn f) { return vm.new_native(name, f); }

Scalar to_scalar(VM& vm, const Value& v) {
    NDArray a = to_array(vm, v);
    if (a.ndim() != 0) vm.value_error("could not broadcast input array into a scalar");
    return a.item(0);
}

Number to_number(VM& vm, const Value& v) {
    if (v.is_int()) return v.i;
    if (v.is_bool()) return int64_t(v.b);
    if (v.is_float()) return v.f;
    NDArray a = to_array(vm, v);
    if (a.ndim() != 0) vm.type_error("arange() argument must be a number");
    Scalar s = a.item(0);
    if (s.index() == 0) return std::get<double>(s);
    if (s.index() == 1) return std::get<int64_t>(s);
    if (s.index() == 2) return int64_t(std::get<bool>(s));
    vm.type_error("unsupported operand type for arange");
}

// ------------------------------------------------------------------ creation
Value f_array(VM& vm, Args& a) {
    Value v[4];
    bind(vm, a, "array", 0, {"object", "dtype", "copy", "ndmin"}, 1, v);
    int64_t w = 0;
    auto dt = to_dtype(vm, v[1], &w);
    NDArray r = to_array(vm, v[0], dt, w);
    if (r.shares_buffer(to_array(vm, v[0])) || as_array(vm, v[0])) r = r.copy();
    if (given(v[3])) {
        int64_t nd = vm.to_index(v[3]);
        while (r.ndim() < nd) r = r.expand_dims(0);
    }
    return wrap(vm, std::move(r));
}
// asarray(a, dtype) / ascontiguousarray(a, dtype): `a` itself when it is an array of that
// dtype (and, for contiguous, of at least one dimension and C-contiguous), else a conversion.
template <bool CONTIGUOUS> Value f_as(VM& vm, Args& a) {
    Value v[2];
    bind(vm, a, CONTIGUOUS ? "ascontiguousarray" : "asarray", 0, {"a", "dtype"}, 1, v);
    int64_t w = 0;
    auto dt = to_dtype(vm, v[1], &w);
    if (ArrayObj* ao = as_array(vm, v[0]))
        if ((!dt || (*dt == ao->a.dtype() && (w == 0 || w == ao->a.str_width()))) &&
            (!CONTIGUOUS || (ao->a.ndim() > 0 && ao->a.is_c_contiguous())))
            return v[0];
    NDArray r = to_array(vm, v[0], dt, w);
    if (!CONTIGUOUS) return wrap(vm, std::move(r));
    if (r.ndim() == 0) r = r.reshape({1});
    return wrap(vm, r.ascontiguous());
}

// zeros (k 0), ones (1), empty (2): one body, the kind a run-time argument (a template per
// kind was three copies of the binding and dispatch); the registered functions are wrappers.
Value filled(VM& vm, Args& a, int k) {
    static const char* names[] = {"zeros", "ones", "empty"};
    Value v[2];
    bind(vm, a, names[k], 0, {"shape", "dtype"}, 1, v);
    Shape s = to_shape(vm, v[0]);
    int64_t w = 0;
    DType dt = to_dtype(vm, v[1], &w).value_or(DType::Float64);
    return guard(vm, [&] {
        if (dt == DType::Str && k != 1) return wrap(vm, NDArray::zeros(s, dt, w ? w : 1));
        NDArray r = k == 0 ? zeros(s, dt) : k == 1 ? ones(s, dt) : empty(s, dt);
        if (dt == DType::Str) r = r.astype(DType::Str, w ? w : 1);
        return wrap(vm, r);
    });
}
template <int K> Value f_filled(VM& vm, Args& a) { return filled(vm, a, K); }
Value f_full(VM& vm, Args& a) {
    Value v[3];
    bind(vm, a, "full", 0, {"shape", "fill_value", "dtype"}, 2, v);
    Shape s = to_shape(vm, v[0]);
    NDArray fill = to_array(vm, v[1]);
    int64_t w = 0;
    auto dt = to_dtype(vm, v[2], &w);
    return guard(vm, [&] {
        NDArray r;
        if (fill.ndim() == 0) {
            r = full(s, fill.item(0), dt);
        } else {
            DType d = dt.value_or(fill.dtype());
            int64_t width = w ? w : fill.dtype() == DType::Str ? fill.str_width() : 1;
            r = NDArray::zeros(s, d, d == DType::Str ? width : 1);
            r.assign(fill);
        }
        if (w && r.dtype() == DType::Str && r.str_width() != w) r = r.astype(DType::Str, w);
        return wrap(vm, r);
    });
}
// The *_like functions' order= (validated as NumPy does; lmpy's arrays are C-ordered, and
// only .strides would show the difference) and shape= (the result's shape instead of a's).
std::optional<Shape> like_shape(VM& vm, const Value& order, const Value& shape) {
    if (given(order) && !order.is_none()) {
        if (!order.is_obj() || order.o->type != vm.t.str)
            vm.type_error("order must be str, not " + vm.type_name(order));
        const std::string& o = order.as<Str>()->s;
        if (o.size() != 1 || std::string_view("CFAKcfak").find(o[0]) == std::string_view::npos)
            vm.value_error("order must be one of 'C', 'F', 'A', or 'K' (got " + vm.repr(order) +
                           ")");
    }
    if (!given(shape) || shape.is_none()) return std::nullopt;
    return to_shape(vm, shape);
}
// zeros_like (k 0), ones_like (1), empty_like (2), as filled() above.
Value like(VM& vm, Args& a, int k) {
    static const char* names[] = {"zeros_like", "ones_like", "empty_like"};
    Value v[5];
    bind(vm, a, names[k], 0, {"a", "dtype", "order", "subok", "shape"}, 1, v);
    NDArray x = to_array(vm, v[0]);
    auto dt = to_dtype(vm, v[1]);
    auto shape = like_shape(vm, v[2], v[4]);
    return guard(vm, [&] {
        return wrap(vm, k == 0   ? zeros_like(x, dt, shape)
                        : k == 1 ? ones_like(x, dt, shape)
                                 : empty_like(x, dt, shape));
    });
}
template <int K> Value f_like(VM& vm, Args& a) { return like(vm, a, K); }
Value f_full_like(VM& vm, Args& a) {
    Value v[6];
    bind(vm, a, "full_like", 0, {"a", "fill_value", "dtype", "order", "subok", "shape"}, 2, v);
    NDArray x = to_array(vm, v[0]);
    Scalar s = to_scalar(vm, v[1]);
    auto dt = to_dtype(vm, v[2]);
    auto shape = like_shape(vm, v[3], v[5]);
    return guard(vm, [&] { return wrap(vm, full_like(x, s, dt, shape)); });
}
Value f_arange(VM& vm, Args& a) {
    Value v[4];
    bind(vm, a, "arange", 0, {"start", "stop", "step", "dtype"}, 1, v);
    auto dt = to_dtype(vm, v[3]);
    Number start = int64_t{0}, stop, step = int64_t{1};
    if (!given(v[1])) {
        stop = to_number(vm, v[0]);
    } else {
        start = to_number(vm, v[0]);
        stop = to_number(vm, v[1]);
    }
    if (given(v[2])) step = to_number(vm, v[2]);
    return guard(vm, [&] { return wrap(vm, arange(start, stop, step, dt)); });
}
Value f_linspace(VM& vm, Args& a) {
    Value v[6];
    bind(vm, a, "linspace", 0, {"start", "stop", "num", "endpoint", "retstep", "dtype"}, 2, v);
    double lo = vm.to_double(v[0]), hi = vm.to_double(v[1]);
    int64_t num = given(v[2]) ? vm.to_index(v[2]) : 50;
    bool endpoint = !given(v[3]) || vm.truthy(v[3]);
    auto dt = to_dtype(vm, v[5]);
    if (num < 0)
        vm.value_error("Number of samples, " + std::to_string(num) + ", must be non-negative.");
    Value r = guard(vm, [&] { return wrap(vm, linspace(lo, hi, num, endpoint, dt)); });
    if (given(v[4]) && vm.truthy(v[4])) {
        double div = endpoint ? double(num - 1) : double(num);
        double step = div > 0 ? (hi - lo) / div : NAN;
        return vm.new_tuple({r, make_scalar(vm, step)});
    }
    return r;
}
Value f_eye(VM& vm, Args& a) {
    Value v[4];
    bind(vm, a, "eye", 0, {"N", "M", "k", "dtype"}, 1, v);
    std::optional<int64_t> m;
    if (given(v[1])) m = vm.to_index(v[1]);
    int64_t k = given(v[2]) ? vm.to_index(v[2]) : 0;
    DType dt = to_dtype(vm, v[3]).value_or(DType::Float64);
    return guard(vm, [&] { return wrap(vm, eye(vm.to_index(v[0]), m, k, dt)); });
}
Value f_identity(VM& vm, Args& a) {
    Value v[2];
    bind(vm, a, "identity", 0, {"n", "dtype"}, 1, v);
    DType dt = to_dtype(vm, v[1]).value_or(DType::Float64);
    return guard(vm, [&] { return wrap(vm, identity(vm.to_index(v[0]), dt)); });
}
template <int K> Value f_diag_tri(VM& vm, Args& a) {
    static const char* names[] = {"diag", "triu", "tril"};
    Value v[2];
    bind(vm, a, names[K], 0, {K == 0 ? "v" : "m", "k"}, 1, v);
    NDArray x = to_array(vm, v[0]);
    int64_t k = given(v[1]) ? vm.to_index(v[1]) : 0;
    return guard(vm, [&] {
        return wrap(vm, K == 0 ? diag(x, k) : K == 1 ? triu(x, k) : tril(x, k));
    });
}
Value f_copy(VM& vm, Args& a) {
    check_nargs(vm, "copy", a, 1, 1);
    return wrap(vm, to_array(vm, a[0]).copy());
}

// ------------------------------------------------------------------ ufuncs
template <UnOp OP> Value f_unary(VM& vm, Args& a) {
    if (a.n != 1)
        vm.type_error(std::string(unop_name(OP)) +
                      "() takes from 1 to 2 positional arguments but " + std::to_string(a.n) +
                      " were given");
    NDArray x = to_array(vm, a[0]);
    return guard(vm, [&] { return wrap_result(vm, unary(OP, x)); });
}
template <BinOp OP> Value f_binary(VM& vm, Args& a) {
    if (a.n != 2)
        vm.type_error(std::string(binop_name(OP)) +
                      "() takes from 2 to 3 positional arguments but " + std::to_string(a.n) +
                      " were given");
    NDArray x = to_array(vm, a[0]), y = to_array(vm, a[1]);
    return guard(vm, [&] { return wrap_result(vm, binary(OP, x, y)); });
}

Value f_where(VM& vm, Args& a) {
    check_nargs(vm, "where", a, 1, 3);
    NDArray c = to_array(vm, a[0]);
    if (a.n == 1) {
        std::vector<Value> out;
        for (auto& r : guard(vm, [&] { return nonzero(c); })) out.push_back(wrap(vm, r));
        return vm.new_tuple(std::move(out));
    }
    if (a.n != 3) vm.value_error("either both or neither of x and y should be given");
    NDArray x = to_array(vm, a[1]), y = to_array(vm, a[2]);
    return guard(vm, [&] { return wrap_result(vm, where(c, x, y)); });
}
Value f_nonzero(VM& vm, Args& a) {
    check_nargs(vm, "nonzero", a, 1, 1);
    NDArray c = to_array(vm, a[0]);
    std::vector<Value> out;
    for (auto& r : guard(vm, [&] { return nonzero(c); })) out.push_back(wrap(vm, r));
    return vm.new_tuple(std::move(out));
}
Value f_argwhere(VM& vm, Args& a) {
    check_nargs(vm, "argwhere", a, 1, 1);
    NDArray c = to_array(vm, a[0]);
    return guard(vm, [&] {
        auto nz = nonzero(c.ndim() == 0 ? c.reshape({1}) : c);
        int64_t n = nz.empty() ? 0 : nz[0].size(), d = int64_t(nz.size());
        std::vector<int64_t> out(n * d);
        for (int64_t j = 0; j < d; ++j) {
            auto col = nz[j].to_int64s();
            for (int64_t i = 0; i < n; ++i) out[i * d + j] = col[i];
        }
        return wrap(vm, NDArray::from_int64s({n, d}, out));
    });
}
Value f_clip(VM& vm, Args& a) {
    Value v[3];
    bind(vm, a, "clip", 0, {"a", "a_min", "a_max"}, 3, v);
    NDArray x = to_array(vm, v[0]);
    std::optional<NDArray> lo, hi;
    if (!v[1].is_none()) lo = to_array(vm, v[1]);
    if (!v[2].is_none()) hi = to_array(vm, v[2]);
    if (!lo && !hi) vm.value_error("One of max or min must be given");
    return guard(vm, [&] { return wrap_result(vm, clip(x, lo, hi)); });
}
Value f_round(VM& vm, Args& a) {
    Value v[2];
    bind(vm, a, "round", 0, {"a", "decimals"}, 1, v);
    NDArray x = to_array(vm, v[0]);
    int64_t d = given(v[1]) ? vm.to_index(v[1]) : 0;
    return guard(vm, [&] { return wrap_result(vm, round(x, d)); });
}
void tolerances(VM& vm, Value* v, double& rtol, double& atol, bool& eqnan) {
    rtol = given(v[2]) ? vm.to_double(v[2]) : 1e-05;
    atol = given(v[3]) ? vm.to_double(v[3]) : 1e-08;
    eqnan = given(v[4]) && vm.truthy(v[4]);
}
Value f_isclose(VM& vm, Args& a) {
    Value v[5];
    bind(vm, a, "isclose", 0, {"a", "b", "rtol", "atol", "equal_nan"}, 2, v);
    double rtol, atol;
    bool eqnan;
    tolerances(vm, v, rtol, atol, eqnan);
    NDArray x = to_array(vm, v[0]), y = to_array(vm, v[1]);
    return guard(vm, [&] { return wrap_result(vm, isclose(x, y, rtol, atol, eqnan)); });
}
Value f_allclose(VM& vm, Args& a) {
    Value v[5];
    bind(vm, a, "allclose", 0, {"a", "b", "rtol", "atol", "equal_nan"}, 2, v);
    double rtol, atol;
    bool eqnan;
    tolerances(vm, v, rtol, atol, eqnan);
    NDArray x = to_array(vm, v[0]), y = to_array(vm, v[1]);
    return guard(vm, [&] { return Value::boolean(allclose(x, y, rtol, atol, eqnan)); });
}
Value f_array_equal(VM& vm, Args& a) {
    check_nargs(vm, "array_equal", a, 2, 2);
    NDArray x = to_array(vm, a[0]), y = to_array(vm, a[1]);
    return guard(vm, [&] { return Value::boolean(array_equal(x, y)); });
}

} // namespace

void init_functions(VM& vm, const Value& m) {
    auto def = [&](const char* name, NativeFn f) { vm.set_global(m, name, fn(vm, name, f)); };
    def("array", f_array);
    def("asarray", f_as<false>);
    def("ascontiguousarray", f_as<true>);
    def("asanyarray", f_as<false>);
    def("zeros", f_filled<0>);
    def("ones", f_filled<1>);
    def("empty", f_filled<2>);
    def("full", f_full);
    def("zeros_like", f_like<0>);
    def("ones_like", f_like<1>);
    def("empty_like", f_like<2>);
    def("full_like", f_full_like);
    def("arange", f_arange);
    def("linspace", f_linspace);
    def("eye", f_eye);
    def("identity", f_identity);
    def("diag", f_diag_tri<0>);
    def("triu", f_diag_tri<1>);
    def("tril", f_diag_tri<2>);
    def("copy", f_copy);

#define U(name, op) def(name, f_unary<UnOp::op>);
    U("negative", Neg)
    U("positive", Pos)
    U("invert", Invert)
    U("bitwise_not", Invert)
    U("abs", Abs)
    U("absolute", Abs)
    U("fabs", Abs)
    U("sign", Sign)
    U("square", Square)
    U("sqrt", Sqrt) U("exp", Exp) U("expm1", Expm1) U("log", Log) U("log2", Log2) U("log10", Log10)
        U("log1p", Log1p) U("sin", Sin) U("cos", Cos) U("tan", Tan) U("arcsin", Arcsin) U(
            "arccos", Arccos) U("arctan", Arctan) U("sinh", Sinh) U("cosh", Cosh) U("tanh", Tanh)
            U("floor", Floor) U("ceil", Ceil) U("trunc", Trunc) U("rint", Rint) U("isnan", IsNan)
                U("isinf", IsInf) U("isfinite", IsFinite) U("logical_not",
                                                            LogicalNot) U("reciprocal", Reciprocal)
#undef U
#define B(name, op) def(name, f_binary<BinOp::op>);
                    B("add", Add) B("subtract", Sub) B("multiply", Mul) B("divide", TrueDiv)
                        B("true_divide", TrueDiv) B("floor_divide", FloorDiv) B("mod", Mod)
                            B("remainder", Mod) B("power", Pow) B("equal", Eq) B("not_equal", Ne)
                                B("less", Lt) B("less_equal", Le) B("greater", Gt)
                                    B("greater_equal", Ge) B("bitwise_and", BitAnd)
                                        B("bitwise_or", BitOr) B("bitwise_xor", BitXor)
                                            B("left_shift", LShift) B("right_shift", RShift)
                                                B("maximum", Maximum) B("minimum", Minimum)
                                                    B("fmax", Maximum) B("fmin", Minimum)
                                                        B("logical_and", LogicalAnd)
                                                            B("logical_or", LogicalOr)
                                                                B("logical_xor", LogicalXor)
                                                                    B("arctan2", Arctan2)
                                                                        B("hypot", Hypot)
#undef B
                                                                            def("where", f_where);
    def("nonzero", f_nonzero);
    def("argwhere", f_argwhere);
    def("clip", f_clip);
    def("round", f_round);
    def("around", f_round);
    def("round_", f_round);
    def("isclose", f_isclose);
    def("allclose", f_allclose);
    def("array_equal", f_array_equal);
    add_reduction_functions(vm, m);
}

} // namespace lmpy::np
