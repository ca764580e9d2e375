// Reductions as ndarray methods (a.sum(axis=0)) and numpy functions (np.sum(a, axis=0)):
// one table of kinds, each with NumPy's parameter list, bound once for both spellings.
#include "np/module_internal.h"
#include "np/reduce.h"
#include "np/ufunc.h"
#include <array>

namespace lmpy::np {

namespace {

enum class RK {
    Sum,
    Prod,
    Mean,
    Max,
    Min,
    Any,
    All,
    Var,
    Std,
    ArgMax,
    ArgMin,
    CumSum,
    CumProd,
    Median,
    Ptp
};

struct RInfo {
    const char* name;
    RK kind;
    // parameters after the array, in NumPy's positional order
    std::initializer_list<const char*> params;
};

// Index of each parameter in the bound values (absent = -1).
struct Slots {
    int axis = -1, dtype = -1, out = -1, ddof = -1, keepdims = -1;
};

Slots find_slots(const RInfo& r) {
    Slots s;
    int k = 0;
    for (const char* p : r.params) {
        std::string_view n = p;
        if (n == "axis") s.axis = k;
        if (n == "dtype") s.dtype = k;
        if (n == "out") s.out = k;
        if (n == "ddof") s.ddof = k;
        if (n == "keepdims") s.keepdims = k;
        ++k;
    }
    return s;
}

const RInfo kTable[] = {
    {"sum", RK::Sum, {"axis", "dtype", "out", "keepdims"}},
    {"prod", RK::Prod, {"axis", "dtype", "out", "keepdims"}},
    {"mean", RK::Mean, {"axis", "dtype", "out", "keepdims"}},
    {"max", RK::Max, {"axis", "out", "keepdims"}},
    {"min", RK::Min, {"axis", "out", "keepdims"}},
    {"any", RK::Any, {"axis", "out", "keepdims"}},
    {"all", RK::All, {"axis", "out", "keepdims"}},
    {"var", RK::Var, {"axis", "dtype", "out", "ddof", "keepdims"}},
    {"std", RK::Std, {"axis", "dtype", "out", "ddof", "keepdims"}},
    {"argmax", RK::ArgMax, {"axis", "out", "keepdims"}},
    {"argmin", RK::ArgMin, {"axis", "out", "keepdims"}},
    {"cumsum", RK::CumSum, {"axis", "dtype", "out"}},
    {"cumprod", RK::CumProd, {"axis", "dtype", "out"}},
    {"median", RK::Median, {"axis", "out", "overwrite_input", "keepdims"}},
    {"ptp", RK::Ptp, {"axis", "out", "keepdims"}},
};

// The slots of a row of kTable, found once (comparing the parameter names on every call was
// 3 % of the gradient-descent slide's np.mean loop).
const Slots& slots_of(const RInfo& r) {
    static const auto all = [] {
        std::array<Slots, std::size(kTable)> s;
        for (size_t i = 0; i < s.size(); ++i) s[i] = find_slots(kTable[i]);
        return s;
    }();
    return all[size_t(&r - kTable)];
}

Value run(VM& vm, const RInfo& r, Args& a, bool method) {
    Value v[6];
    // An ndarray argument is used where it is; anything else is converted into `hold` (a
    // copy of an NDArray copies its shape and strides: np.mean in a loop was allocation).
    std::optional<NDArray> hold;
    const NDArray* arr;
    if (method) {
        bind(vm, a, r.name, 1, r.params, 0, v);
        arr = &array_ref(vm, a[0], hold);
    } else {
        // np.f(a, ...): bind "a" first, then the method's parameters
        Value all[7];
        const char* names[7] = {"a"};
        int n = 1;
        for (const char* p : r.params) names[n++] = p;
        // initializer_list cannot be built at run time: bind by hand
        for (auto& x : all) x = Value::undef();
        if (a.n > n)
            vm.type_error(std::string(r.name) + "() takes at most " + std::to_string(n) +
                          " arguments (" + std::to_string(a.n) + " given)");
        for (int k = 0; k < a.n; ++k) all[k] = a.pos[k];
        for (int j = 0; j < a.nkw; ++j) {
            int k = 0;
            while (k < n && a.kwn[j]->s != names[k]) ++k;
            if (k == n)
                vm.type_error(std::string(r.name) + "() got an unexpected keyword argument '" +
                              a.kwn[j]->s + "'");
            all[k] = a.kwv[j];
        }
        if (all[0].is_undef())
            vm.type_error(std::string(r.name) + "() missing required argument 'a' (pos 1)");
        arr = &array_ref(vm, all[0], hold);
        for (int k = 1; k < n; ++k) v[k - 1] = all[k];
    }
    const Slots& s = slots_of(r);
    auto get = [&](int slot) { return slot >= 0 ? v[slot] : Value::undef(); };
    Value axis_v = get(s.axis);
    bool keep = s.keepdims >= 0 && given(v[s.keepdims]) && vm.truthy(v[s.keepdims]);
    int64_t ddof = s.ddof >= 0 && given(v[s.ddof]) ? vm.to_index(v[s.ddof]) : 0;
    if (s.dtype >= 0 && given(v[s.dtype])) {
        int64_t w = 0;
        auto dt = to_dtype(vm, v[s.dtype], &w);
        if (dt) {
            NDArray c = guard(vm, [&] { return arr->astype(*dt, w); });
            arr = &hold.emplace(std::move(c));
        }
    }
    return guard(vm, [&]() -> Value {
        switch (r.kind) {
        case RK::Sum: return wrap_result(vm, sum(*arr, to_axes(vm, axis_v), keep));
        case RK::Prod: return wrap_result(vm, prod(*arr, to_axes(vm, axis_v), keep));
        case RK::Mean: return wrap_result(vm, mean(*arr, to_axes(vm, axis_v), keep));
        case RK::Max: return wrap_result(vm, max(*arr, to_axes(vm, axis_v), keep));
        case RK::Min: return wrap_result(vm, min(*arr, to_axes(vm, axis_v), keep));
        case RK::Any: return wrap_result(vm, any(*arr, to_axes(vm, axis_v), keep));
        case RK::All: return wrap_result(vm, all(*arr, to_axes(vm, axis_v), keep));
        case RK::Var: return wrap_result(vm, var(*arr, to_axes(vm, axis_v), ddof, keep));
        case RK::Std: return wrap_result(vm, std_(*arr, to_axes(vm, axis_v), ddof, keep));
        case RK::ArgMax: return wrap_result(vm, argmax(*arr, to_axis(vm, axis_v), keep));
        case RK::ArgMin: return wrap_result(vm, argmin(*arr, to_axis(vm, axis_v), keep));
        case RK::CumSum: return wrap(vm, cumsum(*arr, to_axis(vm, axis_v)));
        case RK::CumProd: return wrap(vm, cumprod(*arr, to_axis(vm, axis_v)));
        case RK::Median: return wrap_result(vm, median(*arr, to_axes(vm, axis_v), keep));
        case RK::Ptp: {
            auto ax = to_axes(vm, axis_v);
            return wrap_result(vm, binary(BinOp::Sub, max(*arr, ax, keep), min(*arr, ax, keep)));
        }
        }
        return vm.None;
    });
}

template <int I> Value method(VM& vm, Args& a) { return run(vm, kTable[I], a, true); }
template <int I> Value function(VM& vm, Args& a) { return run(vm, kTable[I], a, false); }

template <int... I>
void add_all(VM& vm, Type* t, const Value* m, std::integer_sequence<int, I...>) {
    if (t) (vm.add_method(t, kTable[I].name, method<I>), ...);
    if (m) (vm.set_global(*m, kTable[I].name, vm.new_native(kTable[I].name, function<I>)), ...);
}

constexpr int kCount = int(sizeof(kTable) / sizeof(kTable[0]));

// np.percentile(a, q, axis=None, out=None, overwrite_input=False, method='linear',
// keepdims=False) and np.quantile.
template <bool Percent> Value f_quantile(VM& vm, Args& a) {
    Value v[7];
    bind(vm, a, Percent ? "percentile" : "quantile", 0,
         {"a", "q", "axis", "out", "overwrite_input", "method", "keepdims"}, 2, v);
    NDArray arr = to_array(vm, v[0]), q = to_array(vm, v[1]);
    bool keep = given(v[6]) && vm.truthy(v[6]);
    return guard(vm, [&] {
        auto ax = to_axes(vm, v[2]);
        return wrap_result(vm, Percent ? percentile(arr, q, ax, keep) : quantile(arr, q, ax, keep));
    });
}

Value f_count_nonzero(VM& vm, Args& a) {
    Value v[3];
    bind(vm, a, "count_nonzero", 0, {"a", "axis", "keepdims"}, 1, v);
    NDArray arr = to_array(vm, v[0]);
    bool keep = given(v[2]) && vm.truthy(v[2]);
    return guard(vm, [&] { return wrap_result(vm, count_nonzero(arr, to_axes(vm, v[1]), keep)); });
}

} // namespace

NDArray self_array(VM& vm, const Value& v) { return to_array(vm, v); }

void add_reduction_methods(VM& vm, Type* t) {
    add_all(vm, t, nullptr, std::make_integer_sequence<int, kCount>{});
}

void add_reduction_functions(VM& vm, const Value& m) {
    add_all(vm, nullptr, &m, std::make_integer_sequence<int, kCount>{});
    vm.set_global(m, "amax", vm.new_native("amax", function<3>));
    vm.set_global(m, "amin", vm.new_native("amin", function<4>));
    vm.set_global(m, "percentile", vm.new_native("percentile", f_quantile<true>));
    vm.set_global(m, "quantile", vm.new_native("quantile", f_quantile<false>));
    vm.set_global(m, "count_nonzero", vm.new_native("count_nonzero", f_count_nonzero));
}

} // namespace lmpy::np
