// numpy.random: the module-level functions over the global RandomState and the
// np.random.RandomState type. Each routine is written once against a RandomState& and bound
// twice (module function: the global state, arguments from 0; method: self, from 1).
// Scalars come back as NumPy does: Python float/int for size=None draws, arrays otherwise.
#include "np/module_internal.h"

namespace lmpy::np {

namespace {

using RFn = Value (*)(VM&, RandomState&, Args&, int);

RandomState& global_rs(VM& vm) { return state(vm).global_rs.as<RandomStateObj>()->rs; }

// size=None -> nullopt; int -> (n,); tuple -> shape.
std::optional<Shape> to_size(VM& vm, const Value& v, DType dt = DType::Float64) {
    if (!given(v)) return std::nullopt;
    Shape s = to_shape(vm, v);
    guard(vm, [&] { check_alloc(s, dt); });
    return s;
}
Value shaped_doubles(VM& vm, const Shape& s, std::vector<double> v) {
    return wrap(vm, NDArray::from_doubles(s, std::move(v)));
}
Value shaped_ints(VM& vm, const Shape& s, std::vector<int64_t> v) {
    return wrap(vm, NDArray::from_int64s(s, std::move(v)));
}
Shape dims_of(VM& vm, Args& a, int skip) {
    Shape s;
    for (int k = skip; k < a.n; ++k) {
        int64_t d = vm.to_index(a[k]);
        if (d < 0) vm.value_error("negative dimensions are not allowed");
        s.push_back(d);
    }
    return s;
}
// A float64 array of shape s drawn straight into its own buffer (uniform [0, 1) or standard
// normal): allocation first (NumPy's MemoryError before any draw), no zeroing, no vector.
Value drawn(VM& vm, const Shape& s, RandomState& rs, bool normal) {
    return guard(vm, [&] {
        NDArray r = NDArray::empty(s, DType::Float64);
        if (normal)
            rs.standard_normal(r.data<double>(), size_t(r.size()));
        else
            rs.random_sample(r.data<double>(), size_t(r.size()));
        return wrap(vm, std::move(r));
    });
}

Value r_seed(VM& vm, RandomState& rs, Args& a, int skip) {
    Value v[1];
    bind(vm, a, "seed", skip, {"seed"}, 0, v);
    guard(vm, [&] {
        if (!given(v[0])) {
            rs.seed();
        } else if (v[0].is_int() || v[0].is_bool() ||
                   (v[0].is_obj() &&
                    (v[0].o->type == vm.t.int_ || v[0].o->type == state(vm).int64))) {
            if (v[0].is_obj() && v[0].o->type == vm.t.int_)
                throw RandomError("ValueError", "Seed must be between 0 and 2**32 - 1");
            rs.seed(vm.to_index(v[0]));
        } else if (v[0].is_float()) {
            vm.type_error("Cannot cast scalar from dtype('float64') to dtype('int64') according to "
                          "the rule 'safe'");
        } else {
            NDArray k = to_array(vm, v[0]);
            if (k.dtype() == DType::Float64)
                vm.type_error("Cannot cast array data from dtype('float64') to dtype('int64') "
                              "according to the rule 'safe'");
            rs.seed_array(k.astype(DType::Int64).to_int64s());
        }
        return 0;
    });
    return vm.None;
}

Value r_rand(VM& vm, RandomState& rs, Args& a, int skip) {
    if (a.nkw) vm.type_error("rand() takes no keyword arguments");
    if (a.n == skip) return Value::flt(rs.random_sample());
    return drawn(vm, dims_of(vm, a, skip), rs, false);
}
Value r_randn(VM& vm, RandomState& rs, Args& a, int skip) {
    if (a.nkw) vm.type_error("randn() takes no keyword arguments");
    if (a.n == skip) return Value::flt(rs.standard_normal());
    return drawn(vm, dims_of(vm, a, skip), rs, true);
}
Value r_random(VM& vm, RandomState& rs, Args& a, int skip) {
    Value v[1];
    bind(vm, a, "random_sample", skip, {"size"}, 0, v);
    if (!given(v[0])) return Value::flt(rs.random_sample());
    return drawn(vm, to_shape(vm, v[0]), rs, false);
}
Value r_standard_normal(VM& vm, RandomState& rs, Args& a, int skip) {
    Value v[1];
    bind(vm, a, "standard_normal", skip, {"size"}, 0, v);
    if (!given(v[0])) return Value::flt(rs.standard_normal());
    return drawn(vm, to_shape(vm, v[0]), rs, true);
}

double num_or(VM& vm, const Value& v, double def) { return given(v) ? vm.to_double(v) : def; }

// A two-parameter continuous distribution; parameters may be arrays (broadcast against each
// other and against size), drawn in C order one at a time as NumPy's legacy cont() does.
template <class F>
Value cont2(VM& vm, const Value& pa, const Value& pb, const Value& size, double da, double db,
            F draw) {
    NDArray a = given(pa) ? to_array(vm, pa, DType::Float64) : NDArray::scalar(da);
    NDArray b = given(pb) ? to_array(vm, pb, DType::Float64) : NDArray::scalar(db);
    auto s = to_size(vm, size);
    return guard(vm, [&] {
        if (!s && a.ndim() == 0 && b.ndim() == 0)
            return Value::flt(draw(a.to_doubles()[0], b.to_doubles()[0]));
        Shape out = s ? *s : broadcast_shape(a.shape(), b.shape());
        if (s) broadcast_shapes({out, a.shape(), b.shape()});
        std::vector<double> av = a.broadcast_to(out).to_doubles(),
                            bv = b.broadcast_to(out).to_doubles();
        std::vector<double> r(av.size());
        for (size_t i = 0; i < r.size(); ++i) r[i] = draw(av[i], bv[i]);
        return shaped_doubles(vm, out, std::move(r));
    });
}

Value r_normal(VM& vm, RandomState& rs, Args& a, int skip) {
    Value v[3];
    bind(vm, a, "normal", skip, {"loc", "scale", "size"}, 0, v);
    return cont2(vm, v[0], v[1], v[2], 0.0, 1.0,
                 [&](double loc, double scale) { return rs.normal(loc, scale); });
}
Value r_uniform(VM& vm, RandomState& rs, Args& a, int skip) {
    Value v[3];
    bind(vm, a, "uniform", skip, {"low", "high", "size"}, 0, v);
    return cont2(vm, v[0], v[1], v[2], 0.0, 1.0,
                 [&](double lo, double hi) { return rs.uniform(lo, hi); });
}
Value r_exponential(VM& vm, RandomState& rs, Args& a, int skip) {
    Value v[2];
    bind(vm, a, "exponential", skip, {"scale", "size"}, 0, v);
    return cont2(vm, v[0], Value::undef(), v[1], 1.0, 0.0,
                 [&](double scale, double) { return rs.exponential(scale); });
}
Value r_poisson(VM& vm, RandomState& rs, Args& a, int skip) {
    Value v[2];
    bind(vm, a, "poisson", skip, {"lam", "size"}, 0, v);
    double lam = num_or(vm, v[0], 1.0);
    auto s = to_size(vm, v[1], DType::Int64);
    return guard(vm, [&] {
        if (!s) return Value::integer(rs.poisson(lam));
        return shaped_ints(vm, *s, rs.poisson(lam, size_t(shape_size(*s))));
    });
}
Value r_binomial(VM& vm, RandomState& rs, Args& a, int skip) {
    Value v[3];
    bind(vm, a, "binomial", skip, {"n", "p", "size"}, 2, v);
    int64_t n = vm.to_index(v[0]);
    double p = vm.to_double(v[1]);
    auto s = to_size(vm, v[2], DType::Int64);
    return guard(vm, [&] {
        if (!s) return Value::integer(rs.binomial(n, p));
        return shaped_ints(vm, *s, rs.binomial(n, p, size_t(shape_size(*s))));
    });
}

Value r_randint(VM& vm, RandomState& rs, Args& a, int skip) {
    Value v[4];
    bind(vm, a, "randint", skip, {"low", "high", "size", "dtype"}, 1, v);
    auto s = to_size(vm, v[2], DType::Int64);
    int64_t n = s ? shape_size(*s) : 1;
    auto dt = to_dtype(vm, v[3]).value_or(DType::Int64);
    int64_t lo = vm.to_index(v[0]);
    bool one_arg = !given(v[1]);
    int64_t hi = one_arg ? 0 : vm.to_index(v[1]);
    return guard(vm, [&]() -> Value {
        if (dt == DType::Bool) {
            auto r =
                one_arg ? rs.randint_bool(0, lo, size_t(n)) : rs.randint_bool(lo, hi, size_t(n));
            if (!s) return make_scalar(vm, bool(r[0]));
            return wrap(vm, NDArray::from_bools(*s, r));
        }
        auto r = one_arg ? rs.randint_high(lo, size_t(n)) : rs.randint(lo, hi, size_t(n));
        if (!s) return Value::integer(r[0]);
        return shaped_ints(vm, *s, std::move(r));
    });
}

Value r_choice(VM& vm, RandomState& rs, Args& a, int skip) {
    Value v[4];
    bind(vm, a, "choice", skip, {"a", "size", "replace", "p"}, 1, v);
    bool a_is_int = v[0].is_int() || (v[0].is_obj() && v[0].o->type == state(vm).int64);
    NDArray pop;
    int64_t n;
    if (a_is_int) {
        n = vm.to_index(v[0]);
    } else {
        pop = to_array(vm, v[0]);
        if (pop.ndim() != 1) vm.value_error("a must be 1-dimensional");
        n = pop.size();
    }
    auto s = to_size(vm, v[1], DType::Int64);
    bool replace = !given(v[2]) || vm.truthy(v[2]);
    std::vector<double> p;
    bool has_p = given(v[3]);
    if (has_p) {
        NDArray pa = to_array(vm, v[3], DType::Float64);
        if (pa.ndim() != 1) vm.value_error("p must be 1-dimensional");
        p = pa.to_doubles();
    }
    int64_t count = s ? shape_size(*s) : 1;
    std::vector<int64_t> idx =
        guard(vm, [&] { return rs.choice(n, a_is_int, count, replace, has_p ? &p : nullptr); });
    if (a_is_int) {
        if (!s) return make_scalar(vm, idx[0]);
        return shaped_ints(vm, *s, std::move(idx));
    }
    NDArray ix = NDArray::from_int64s(s ? *s : Shape{}, std::move(idx));
    NDArray r = guard(vm, [&] { return pop.get({IndexItem(IntArray{ix})}); });
    return s ? wrap(vm, r) : make_scalar(vm, r.item(0));
}

Value r_permutation(VM& vm, RandomState& rs, Args& a, int skip) {
    Value v[1];
    bind(vm, a, "permutation", skip, {"x"}, 1, v);
    if (v[0].is_int() || (v[0].is_obj() && v[0].o->type == state(vm).int64)) {
        int64_t n = vm.to_index(v[0]);
        return shaped_ints(vm, {n}, guard(vm, [&] { return rs.permutation(n); }));
    }
    NDArray x = to_array(vm, v[0]);
    if (x.ndim() == 0)
        vm.raise(state(vm).axis_error, "x must be an integer or at least 1-dimensional");
    auto order = guard(vm, [&] { return rs.shuffle_order(x.shape()[0]); });
    int64_t n = int64_t(order.size());
    NDArray ix = NDArray::from_int64s({n}, std::move(order));
    return guard(vm, [&] { return wrap(vm, x.get({IndexItem(IntArray{ix})})); });
}

Value r_shuffle(VM& vm, RandomState& rs, Args& a, int skip) {
    Value v[1];
    bind(vm, a, "shuffle", skip, {"x"}, 1, v);
    if (v[0].is_obj() && v[0].o->type->layout == Layout::List) {
        auto& items = v[0].as<List>()->items;
        auto order = guard(vm, [&] { return rs.shuffle_order(int64_t(items.size())); });
        std::vector<Value> old = items;
        for (size_t i = 0; i < order.size(); ++i) items[i] = old[order[i]];
        return vm.None;
    }
    ArrayObj* ao = as_array(vm, v[0]);
    if (!ao) vm.type_error("object of type '" + vm.type_name(v[0]) + "' has no len()");
    NDArray& x = ao->a;
    if (x.ndim() == 0) vm.type_error("object of type 'numpy.ndarray' has no len()");
    auto order = guard(vm, [&] { return rs.shuffle_order(x.shape()[0]); });
    int64_t n = int64_t(order.size());
    NDArray ix = NDArray::from_int64s({n}, std::move(order));
    guard(vm, [&] {
        NDArray shuffled = x.get({IndexItem(IntArray{ix})});
        x.assign(shuffled);
        return 0;
    });
    return vm.None;
}

struct Entry {
    const char* name;
    RFn fn;
};
const Entry kFuncs[] = {
    {"seed", r_seed},
    {"rand", r_rand},
    {"randn", r_randn},
    {"random", r_random},
    {"random_sample", r_random},
    {"sample", r_random},
    {"ranf", r_random},
    {"standard_normal", r_standard_normal},
    {"normal", r_normal},
    {"uniform", r_uniform},
    {"exponential", r_exponential},
    {"poisson", r_poisson},
    {"binomial", r_binomial},
    {"randint", r_randint},
    {"choice", r_choice},
    {"permutation", r_permutation},
    {"shuffle", r_shuffle},
};
constexpr int kN = int(sizeof(kFuncs) / sizeof(kFuncs[0]));

template <int I> Value module_fn(VM& vm, Args& a) { return kFuncs[I].fn(vm, global_rs(vm), a, 0); }
template <int I> Value method_fn(VM& vm, Args& a) {
    if (a.n < 1 || !a[0].is_obj() || a[0].o->type != state(vm).random_state)
        vm.type_error(std::string("descriptor '") + kFuncs[I].name +
                      "' requires a 'numpy.random.mtrand.RandomState' object");
    return kFuncs[I].fn(vm, a[0].as<RandomStateObj>()->rs, a, 1);
}

Value c_random_state(VM& vm, Args& a) {
    auto* o = new RandomStateObj(state(vm).random_state);
    Value ov(o);
    r_seed(vm, o->rs, a, 0);
    return ov;
}
Value rs_repr(VM& vm, Args& a) {
    char buf[64];
    snprintf(buf, sizeof buf, "RandomState(MT19937) at 0x%llX",
             (unsigned long long)(uintptr_t)a[0].o);
    return vm.str(buf);
}

template <int... I>
void add_all(VM& vm, const Value& m, Type* t, std::integer_sequence<int, I...>) {
    (vm.set_global(m, kFuncs[I].name, vm.new_native(kFuncs[I].name, module_fn<I>)), ...);
    (vm.add_method(t, kFuncs[I].name, method_fn<I>), ...);
}

} // namespace

void init_random(VM& vm, const Value& m) {
    NpState& st = state(vm);
    Type* t = vm.new_type("RandomState", vm.t.object, Layout::Other, c_random_state);
    t->module = "numpy.random.mtrand";
    st.random_state = t;
    vm.add_method(t, "__repr__", rs_repr);
    auto* g = new RandomStateObj(t);
    st.global_rs = Value(g);
    vm.set_global(m, "RandomState", Value(t));
    add_all(vm, m, t, std::make_integer_sequence<int, kN>{});
}

} // namespace lmpy::np
