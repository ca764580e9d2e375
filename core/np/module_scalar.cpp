// NumPy scalars np.float64 (a float subclass, as in NumPy), np.int64 and np.bool_, and the
// dtype objects. Arithmetic reuses the array operators (0-d in, scalar out), so promotion and
// division by zero follow NumPy; printing follows NumPy 1.24 (float64 prints like a float).
#include "np/module_internal.h"
#include "np/ufunc.h"
#include "py/numfmt.h"

namespace lmpy::np {

static const Scalar& sv(const Value& v) { return v.as<ScalarObj>()->v; }

static Value s_repr(VM& vm, Args& a) {
    const Scalar& s = sv(a[0]);
    switch (s.index()) {
    case 0: return vm.str(float64_repr(std::get<double>(s)));
    case 1: return vm.str(int64_str(std::get<int64_t>(s)));
    default: return vm.str(bool_str(std::get<bool>(s)));
    }
}
static Value s_format(VM& vm, Args& a) {
    std::string spec = vm.to_str(a[1]);
    if (spec.empty()) return s_repr(vm, a);
    return vm.str(vm.format(to_python(vm, sv(a[0])), spec));
}
static Value s_float(VM& vm, Args& a) { return Value::flt(vm.to_double(to_python(vm, sv(a[0])))); }
static Value s_int(VM& vm, Args& a) {
    const Scalar& s = sv(a[0]);
    if (s.index() == 0) return vm.call(Value(vm.t.int_), {Value::flt(std::get<double>(s))});
    return Value::integer(s.index() == 1 ? std::get<int64_t>(s) : int64_t(std::get<bool>(s)));
}
static Value s_index(VM& vm, Args& a) {
    const Scalar& s = sv(a[0]);
    if (s.index() != 1)
        vm.type_error("'" + vm.type_name(a[0]) + "' object cannot be interpreted as an integer");
    return Value::integer(std::get<int64_t>(s));
}
static Value s_bool(VM& vm, Args& a) { return Value::boolean(vm.truthy(to_python(vm, sv(a[0])))); }
static Value s_hash(VM& vm, Args& a) { return Value::integer(vm.hash(to_python(vm, sv(a[0])))); }
static Value s_getitem(VM& vm, Args& a) { vm.index_error("invalid index to scalar variable."); }
static Value s_round(VM& vm, Args& a) {
    check_nargs(vm, "__round__", a, 1, 2);
    if (a.n == 1 || a[1].is_none()) {
        const Scalar& s = sv(a[0]);
        if (s.index() == 0)
            return vm.call(*dict_find_str(vm.builtins.as<Dict>(), vm.intern("round")),
                           {Value::flt(std::get<double>(s))});
        return to_python(vm, s);
    }
    int64_t d = vm.to_index(a[1]);
    return guard(vm, [&] { return wrap_result(vm, round(NDArray::scalar(sv(a[0])), d)); });
}
static Value s_round_method(VM& vm, Args& a) {
    Value v[1];
    bind(vm, a, "round", 1, {"decimals"}, 0, v);
    int64_t d = given(v[0]) ? vm.to_index(v[0]) : 0;
    return guard(vm, [&] { return wrap_result(vm, round(NDArray::scalar(sv(a[0])), d)); });
}
static Value s_item(VM& vm, Args& a) { return to_python(vm, sv(a[0])); }
static Value s_astype(VM& vm, Args& a) {
    check_nargs(vm, "astype", a, 2, 2);
    int64_t w = 0;
    auto dt = to_dtype(vm, a[1], &w);
    NDArray x = NDArray::scalar(sv(a[0]));
    return guard(vm, [&] { return wrap_result(vm, dt ? x.astype(*dt, w) : x); });
}
static Value s_is_integer(VM& vm, Args& a) {
    const Scalar& s = sv(a[0]);
    if (s.index() != 0) return vm.True;
    double d = std::get<double>(s);
    return Value::boolean(std::isfinite(d) && d == std::floor(d));
}
// float methods that read the unboxed double must see a real float
static Value s_as_integer_ratio(VM& vm, Args& a) {
    return vm.call_method(Value::flt(vm.to_double(to_python(vm, sv(a[0])))),
                          vm.intern("as_integer_ratio"), {});
}
static Value s_dtype(VM& vm, Args& a) {
    const Scalar& s = sv(a[0]);
    return make_dtype(vm, s.index() == 0   ? DType::Float64
                          : s.index() == 1 ? DType::Int64
                                           : DType::Bool);
}
static Value s_shape(VM& vm, Args& a) { return vm.new_tuple(); }
static Value s_zero(VM& vm, Args& a) { return Value::integer(0); }
static Value s_one(VM& vm, Args& a) { return Value::integer(1); }

// Constructors: np.float64("nan"), np.int64(3.7), np.bool_(0); an array argument is cast.
static Value arg0(VM& vm, Args& a, const char* name) {
    if (a.nkw) vm.type_error(std::string(name) + "() takes no keyword arguments");
    if (a.n > 1) vm.type_error(std::string(name) + "() takes at most 1 argument");
    return a.n ? a[0] : Value::integer(0);
}
static Value c_float64(VM& vm, Args& a) {
    Value x = arg0(vm, a, "float64");
    if (ArrayObj* ao = as_array(vm, x))
        return guard(vm, [&] { return wrap_result(vm, ao->a.astype(DType::Float64)); });
    Value f = vm.call(Value(vm.t.float_), {x});
    return make_scalar(vm, f.f);
}
static Value c_int64(VM& vm, Args& a) {
    Value x = arg0(vm, a, "int64");
    if (ArrayObj* ao = as_array(vm, x))
        return guard(vm, [&] { return wrap_result(vm, ao->a.astype(DType::Int64)); });
    Value i = vm.call(Value(vm.t.int_), {x});
    if (!i.is_int()) vm.raise(vm.t.OverflowError, "Python int too large to convert to C long");
    return make_scalar(vm, i.i);
}
static Value c_bool(VM& vm, Args& a) {
    Value x = arg0(vm, a, "bool_");
    if (ArrayObj* ao = as_array(vm, x))
        return guard(vm, [&] { return wrap_result(vm, ao->a.astype(DType::Bool)); });
    return make_scalar(vm, vm.truthy(x));
}

// ---- dtype objects
static DTypeObj* dto(const Value& v) { return v.as<DTypeObj>(); }
static Value dt_str(VM& vm, Args& a) { return vm.str(dtype_name(dto(a[0])->dt, dto(a[0])->width)); }
static Value dt_repr(VM& vm, Args& a) {
    return vm.str("dtype('" + dtype_name(dto(a[0])->dt, dto(a[0])->width) + "')");
}
static Value dt_name(VM& vm, Args& a) {
    DTypeObj* d = dto(a[0]);
    if (d->dt == DType::Str) return vm.str("str" + std::to_string(32 * d->width));
    return vm.str(dtype_name(d->dt, d->width));
}
static Value dt_kind(VM& vm, Args& a) {
    static const char* k[] = {"b", "i", "f", "U"};
    return vm.str(k[int(dto(a[0])->dt)]);
}
static Value dt_itemsize(VM& vm, Args& a) {
    DTypeObj* d = dto(a[0]);
    return Value::integer(d->dt == DType::Bool ? 1 : d->dt == DType::Str ? 4 * d->width : 8);
}
static Value dt_type(VM& vm, Args& a) {
    NpState& st = state(vm);
    switch (dto(a[0])->dt) {
    case DType::Float64: return Value(st.float64);
    case DType::Int64: return Value(st.int64);
    case DType::Bool: return Value(st.bool_);
    default: return Value(vm.t.str);
    }
}
static Value dt_eq(VM& vm, Args& a) {
    int64_t w = 0;
    std::optional<DType> other;
    try {
        other = to_dtype(vm, a[1], &w);
    } catch (PyExc&) {
        return vm.False;
    }
    if (!other) return Value::boolean(dto(a[0])->dt == DType::Float64);
    DTypeObj* d = dto(a[0]);
    return Value::boolean(*other == d->dt && (d->dt != DType::Str || w == 0 || w == d->width));
}
static Value dt_ne(VM& vm, Args& a) { return Value::boolean(!dt_eq(vm, a).b); }
static Value dt_hash(VM& vm, Args& a) {
    return Value::integer(int64_t(dto(a[0])->dt) * 1000003 + dto(a[0])->width);
}
static Value c_dtype(VM& vm, Args& a) {
    if (a.n != 1) vm.type_error("dtype() takes exactly one argument");
    int64_t w = 0;
    auto dt = to_dtype(vm, a[0], &w);
    if (!dt) return make_dtype(vm, DType::Float64);
    return make_dtype(vm, *dt, *dt == DType::Str ? (w ? w : 0) : 1);
}

static void prop(VM& vm, Type* t, const char* name, NativeFn fn) {
    auto* p = new Property(vm.t.property);
    Value pv(p);
    p->fget = vm.new_native(name, fn);
    vm.add_attr(t, name, pv);
}

void init_scalar_types(VM& vm, NpState& st) {
    st.float64 = vm.new_type("float64", vm.t.float_, Layout::Other, c_float64);
    st.int64 = vm.new_type("int64", vm.t.object, Layout::Other, c_int64);
    st.bool_ = vm.new_type("bool_", vm.t.object, Layout::Other, c_bool);
    for (Type* t : {st.float64, st.int64, st.bool_}) {
        t->module = "numpy";
        t->tp_name = "numpy." + t->name;
        add_operators(vm, t);
        add_reduction_methods(vm, t);
        static const VM::MethodDef kScalarMethods[] = {
            {"__repr__", s_repr},     {"__str__", s_repr},
            {"__format__", s_format}, {"__float__", s_float},
            {"__int__", s_int},       {"__bool__", s_bool},
            {"__hash__", s_hash},     {"__getitem__", s_getitem},
            {"__round__", s_round},   {"round", s_round_method},
            {"item", s_item},         {"tolist", s_item},
            {"astype", s_astype},     {"is_integer", s_is_integer},
        };
        vm.add_methods(t, kScalarMethods);
        prop(vm, t, "dtype", s_dtype);
        prop(vm, t, "shape", s_shape);
        prop(vm, t, "ndim", s_zero);
        prop(vm, t, "size", s_one);
    }
    vm.add_method(st.int64, "__index__", s_index);
    vm.add_method(st.float64, "as_integer_ratio", s_as_integer_ratio);

    Type* d = vm.new_type("dtype", vm.t.object, Layout::Other, c_dtype);
    d->module = "numpy";
    st.dtype = d;
    static const VM::MethodDef kDtypeMethods[] = {
        {"__str__", dt_str}, {"__repr__", dt_repr}, {"__eq__", dt_eq},
        {"__ne__", dt_ne},   {"__hash__", dt_hash},
    };
    vm.add_methods(d, kDtypeMethods);
    prop(vm, d, "name", dt_name);
    prop(vm, d, "kind", dt_kind);
    prop(vm, d, "itemsize", dt_itemsize);
    prop(vm, d, "type", dt_type);
}

} // namespace lmpy::np
