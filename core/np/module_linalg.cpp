// numpy's linear algebra: dot/matmul/inner/outer/trace, cov/corrcoef, polyfit/polyval at the
// top level, and the numpy.linalg module (norm, inv, solve, det, lstsq, svd, eig ...).
#include "np/linalg.h"
#include "np/module_internal.h"
#include "np/shape_ops.h"

namespace lmpy::np {

namespace {

template <int K> Value f_prod2(VM& vm, Args& a) {
    static const char* names[] = {"dot", "matmul", "inner", "outer"};
    check_nargs(vm, names[K], a, 2, 2);
    NDArray x = to_array(vm, a[0]), y = to_array(vm, a[1]);
    return guard(vm, [&] {
        switch (K) {
        case 0: return wrap_result(vm, dot(x, y));
        case 1: return wrap_result(vm, matmul(x, y));
        case 2: return wrap_result(vm, inner(x, y));
        default: return wrap_result(vm, outer(x, y));
        }
    });
}
Value f_trace(VM& vm, Args& a) {
    Value v[2];
    bind(vm, a, "trace", 0, {"a", "offset"}, 1, v);
    NDArray x = to_array(vm, v[0]);
    int64_t off = given(v[1]) ? vm.to_index(v[1]) : 0;
    return guard(vm, [&] { return wrap_result(vm, trace(x, off)); });
}
NDArray with_y(VM& vm, const Value& m, const Value& y, bool rowvar) {
    NDArray x = to_array(vm, m);
    if (!given(y)) return x;
    NDArray yy = to_array(vm, y);
    return guard(vm, [&] {
        NDArray a = atleast_2d(x), b = atleast_2d(yy);
        if (!rowvar) {
            a = a.T();
            b = b.T();
        }
        NDArray r = concatenate({a, b}, int64_t{0});
        return rowvar ? r : r.T();
    });
}
Value f_cov(VM& vm, Args& a) {
    Value v[5];
    bind(vm, a, "cov", 0, {"m", "y", "rowvar", "bias", "ddof"}, 1, v);
    bool rowvar = !given(v[2]) || vm.truthy(v[2]);
    bool bias = given(v[3]) && vm.truthy(v[3]);
    std::optional<int64_t> ddof;
    if (given(v[4])) ddof = vm.to_index(v[4]);
    NDArray x = with_y(vm, v[0], v[1], rowvar);
    return guard(vm, [&] { return wrap_result(vm, cov(x, rowvar, bias, ddof)); });
}
Value f_corrcoef(VM& vm, Args& a) {
    Value v[3];
    bind(vm, a, "corrcoef", 0, {"x", "y", "rowvar"}, 1, v);
    bool rowvar = !given(v[2]) || vm.truthy(v[2]);
    NDArray x = with_y(vm, v[0], v[1], rowvar);
    return guard(vm, [&] { return wrap_result(vm, corrcoef(x, rowvar)); });
}
Value f_polyfit(VM& vm, Args& a) {
    Value v[3];
    bind(vm, a, "polyfit", 0, {"x", "y", "deg"}, 3, v);
    NDArray x = to_array(vm, v[0]), y = to_array(vm, v[1]);
    int64_t deg = vm.to_index(v[2]);
    return guard(vm, [&] { return wrap(vm, polyfit(x, y, deg)); });
}
Value f_polyval(VM& vm, Args& a) {
    Value v[2];
    bind(vm, a, "polyval", 0, {"p", "x"}, 2, v);
    NDArray p = to_array(vm, v[0]), x = to_array(vm, v[1]);
    return guard(vm, [&] { return wrap_result(vm, polyval(p, x)); });
}

// ------------------------------------------------------------------ numpy.linalg
Value l_norm(VM& vm, Args& a) {
    Value v[4];
    bind(vm, a, "norm", 0, {"x", "ord", "axis", "keepdims"}, 1, v);
    NDArray x = to_array(vm, v[0]);
    std::optional<double> ord;
    if (given(v[1])) {
        if (v[1].is_obj() && v[1].o->type == vm.t.str) {
            std::string s = v[1].as<Str>()->s;
            if (s != "fro") vm.value_error("Invalid norm order '" + s + "' for vectors");
        } else {
            ord = vm.to_double(v[1]);
        }
    }
    auto axes = to_axes(vm, v[2]);
    bool keep = given(v[3]) && vm.truthy(v[3]);
    return guard(vm, [&] { return wrap_result(vm, norm(x, ord, axes, keep)); });
}
template <int K> Value l_unary(VM& vm, Args& a) {
    static const char* names[] = {"inv", "det", "matrix_rank", "pinv", "eigvals", "eigvalsh"};
    check_nargs(vm, names[K], a, 1, 1);
    NDArray x = to_array(vm, a[0]);
    return guard(vm, [&] {
        switch (K) {
        case 0: return wrap_result(vm, inv(x));
        case 1: return wrap_result(vm, det(x));
        case 2: return wrap_result(vm, matrix_rank(x));
        case 3: return wrap_result(vm, pinv(x));
        case 4: return wrap_result(vm, eigvals(x));
        default: return wrap_result(vm, eigvalsh(x));
        }
    });
}
Value l_solve(VM& vm, Args& a) {
    check_nargs(vm, "solve", a, 2, 2);
    NDArray x = to_array(vm, a[0]), y = to_array(vm, a[1]);
    return guard(vm, [&] { return wrap_result(vm, solve(x, y)); });
}
Value l_lstsq(VM& vm, Args& a) {
    Value v[3];
    bind(vm, a, "lstsq", 0, {"a", "b", "rcond"}, 2, v);
    NDArray x = to_array(vm, v[0]), y = to_array(vm, v[1]);
    std::optional<double> rcond;
    if (given(v[2])) rcond = vm.to_double(v[2]);
    return guard(vm, [&] {
        LstsqResult r = lstsq(x, y, rcond);
        return vm.new_tuple(
            {wrap(vm, r.x), wrap(vm, r.residuals), wrap_result(vm, r.rank), wrap(vm, r.s)});
    });
}
Value l_svd(VM& vm, Args& a) {
    Value v[3];
    bind(vm, a, "svd", 0, {"a", "full_matrices", "compute_uv"}, 1, v);
    NDArray x = to_array(vm, v[0]);
    bool full = !given(v[1]) || vm.truthy(v[1]);
    bool uv = !given(v[2]) || vm.truthy(v[2]);
    return guard(vm, [&] {
        SVDResult r = svd(x, full, uv);
        if (!uv) return wrap(vm, r.s);
        return vm.new_tuple({wrap(vm, r.u), wrap(vm, r.s), wrap(vm, r.vh)});
    });
}
template <bool H> Value l_eig(VM& vm, Args& a) {
    check_nargs(vm, H ? "eigh" : "eig", a, 1, 1);
    NDArray x = to_array(vm, a[0]);
    return guard(vm, [&] {
        EigResult r = H ? eigh(x) : eig(x);
        return vm.new_tuple({wrap(vm, r.values), wrap(vm, r.vectors)});
    });
}

} // namespace

void init_linalg(VM& vm, const Value& m) {
    auto def = [&](const char* name, NativeFn f) {
        vm.set_global(m, name, vm.new_native(name, f));
    };
    def("norm", l_norm);
    def("inv", l_unary<0>);
    def("det", l_unary<1>);
    def("matrix_rank", l_unary<2>);
    def("pinv", l_unary<3>);
    def("eigvals", l_unary<4>);
    def("eigvalsh", l_unary<5>);
    def("solve", l_solve);
    def("lstsq", l_lstsq);
    def("svd", l_svd);
    def("eig", l_eig<false>);
    def("eigh", l_eig<true>);
}

void init_linalg_toplevel(VM& vm, const Value& m) {
    auto def = [&](const char* name, NativeFn f) {
        vm.set_global(m, name, vm.new_native(name, f));
    };
    def("dot", f_prod2<0>);
    def("matmul", f_prod2<1>);
    def("inner", f_prod2<2>);
    def("outer", f_prod2<3>);
    def("trace", f_trace);
    def("cov", f_cov);
    def("corrcoef", f_corrcoef);
    def("polyfit", f_polyfit);
    def("polyval", f_polyval);
}

} // namespace lmpy::np
