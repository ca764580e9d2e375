// The numpy module's shared machinery: the per-VM state, error translation, Python value <->
// NDArray conversion (NumPy's dtype inference for nested sequences), dtype arguments,
// argument binding and printing; plus the module initialisers registered in registry.cpp.
#include "np/module.h"
#include <cmath>

namespace lmpy::np {

// ------------------------------------------------------------------------------ state
NpState& state(VM& vm) {
    if (!vm.np_state) vm.import_module("numpy");
    return *static_cast<NpState*>(vm.np_state);
}

static Type* error_type(VM& vm, const Error& e) {
    NpState& st = state(vm);
    switch (e.kind) {
    case Kind::ValueError: return vm.t.ValueError;
    case Kind::IndexError: return vm.t.IndexError;
    case Kind::TypeError: return vm.t.TypeError;
    case Kind::UFuncTypeError:
        if (e.message.rfind("Cannot cast ufunc", 0) == 0) return st.cast_error;
        if (e.message.find("did not contain a loop") != std::string::npos) return st.no_loop_error;
        return st.ufunc_type_error;
    case Kind::LinAlgError: return vm.t.LinAlgError;
    case Kind::AxisError: return st.axis_error;
    case Kind::ZeroDivisionError: return vm.t.ZeroDivisionError;
    case Kind::OverflowError: return vm.t.OverflowError;
    case Kind::NotImplementedError: return vm.t.NotImplementedError;
    case Kind::MemoryError: return st.array_memory_error;
    }
    return vm.t.ValueError;
}

void raise_np(VM& vm, const Error& e) { vm.raise(error_type(vm, e), e.message); }
void raise_random(VM& vm, const RandomError& e) {
    vm.raise(exc_type_by_name(vm, e.py_type), e.what());
}

// ------------------------------------------------------------------------------ values in
ArrayObj* as_array(VM& vm, const Value& v) {
    if (!v.is_obj() || !vm.np_state) return nullptr;
    Type* t = static_cast<NpState*>(vm.np_state)->ndarray;
    return v.o->type == t ? v.as<ArrayObj>() : nullptr;
}
bool is_array(VM& vm, const Value& v) { return as_array(vm, v) != nullptr; }

static ScalarObj* as_scalar(VM& vm, const Value& v) {
    if (!v.is_obj() || !vm.np_state) return nullptr;
    auto* st = static_cast<NpState*>(vm.np_state);
    Type* t = v.o->type;
    return (t == st->float64 || t == st->int64 || t == st->bool_) ? v.as<ScalarObj>() : nullptr;
}

namespace {

struct Builder {
    Shape shape;
    bool frozen = false; // the depth of the leaves is known
    std::vector<Scalar> leaves;
    bool any_float = false, any_int = false, any_str = false;
    bool max_dims = false; // a sequence lay deeper than NumPy's 32 dimensions
};
constexpr size_t kMaxDims = 32; // NumPy's NPY_MAXDIMS

[[noreturn]] void inhomogeneous(VM& vm, const Builder& b, size_t depth) {
    Shape s(b.shape.begin(), b.shape.begin() + std::min(depth, b.shape.size()));
    vm.value_error("setting an array element with a sequence. The requested array has an "
                   "inhomogeneous shape after " +
                   std::to_string(s.size()) + " dimensions. The detected shape was " +
                   shape_repr(s) + " + inhomogeneous part.");
}

void note_dim(VM& vm, Builder& b, size_t depth, int64_t n) {
    if (depth < b.shape.size()) {
        if (b.shape[depth] != n) inhomogeneous(vm, b, depth);
    } else if (!b.frozen && depth == b.shape.size()) {
        b.shape.push_back(n);
    } else {
        inhomogeneous(vm, b, depth);
    }
}

void add_leaf(VM& vm, Builder& b, size_t depth, Scalar s) {
    if (depth < b.shape.size() || (b.frozen && depth != b.shape.size()))
        inhomogeneous(vm, b, depth);
    b.frozen = true;
    switch (s.index()) {
    case 0: b.any_float = true; break;
    case 1: b.any_int = true; break;
    case 3: b.any_str = true; break;
    default: break;
    }
    b.leaves.push_back(std::move(s));
}

void walk(VM& vm, const Value& v, size_t depth, Builder& b) {
    switch (v.tag) {
    case Tag::Bool: return add_leaf(vm, b, depth, v.b);
    case Tag::Int: return add_leaf(vm, b, depth, v.i);
    case Tag::Float: return add_leaf(vm, b, depth, v.f);
    case Tag::None:
        vm.type_error("float() argument must be a string or a real number, not 'NoneType'");
    default: break;
    }
    Type* ty = v.o->type;
    // (lists include instances of classes derived from list: the same object underneath)
    if (ty->layout == Layout::List || ty == vm.t.tuple) {
        if (depth >= kMaxDims) {
            // as NumPy: a sequence past 32 dimensions is taken as a leaf, so a ragged shape is
            // still reported as such, and the conversion fails once the walk is done. (This
            // also bounds the recursion: a list nested 100,000 deep overflowed the C++ stack.)
            b.max_dims = true;
            return add_leaf(vm, b, depth, int64_t{0});
        }
        const auto& items = ty->layout == Layout::List ? v.as<List>()->items : v.as<Tuple>()->items;
        note_dim(vm, b, depth, int64_t(items.size()));
        if (items.empty()) b.frozen = true;
        for (size_t k = 0; k < items.size(); ++k) walk(vm, items[k], depth + 1, b);
        return;
    }
    if (ty == vm.t.str) return add_leaf(vm, b, depth, to_u32(v.as<Str>()->s));
    if (ty == vm.t.int_) vm.raise(vm.t.OverflowError, "Python int too large to convert to C long");
    if (ScalarObj* s = as_scalar(vm, v)) return add_leaf(vm, b, depth, s->v);
    if (ArrayObj* ao = as_array(vm, v)) {
        const NDArray& a = ao->a;
        for (int d = 0; d < a.ndim(); ++d) note_dim(vm, b, depth + d, a.shape()[d]);
        if (a.size() == 0 || a.ndim() == 0) {
            if (a.ndim() == 0) return add_leaf(vm, b, depth, a.item(0));
            b.frozen = true;
            return;
        }
        size_t leaf_depth = depth + a.ndim();
        if (depth + a.ndim() < b.shape.size() || (b.frozen && leaf_depth != b.shape.size()))
            inhomogeneous(vm, b, depth);
        for (int64_t k = 0, n = a.size(); k < n; ++k) add_leaf(vm, b, leaf_depth, a.item(k));
        return;
    }
    if (ty == vm.t.range || ty == vm.t.generator || v.o->as_iter()) {
        Value l = vm.new_list(vm.to_vector(v));
        return walk(vm, l, depth, b);
    }
    Value r;
    if (vm.call_dunder(v, vm.n.__float__, nullptr, 0, r))
        return add_leaf(vm, b, depth, vm.to_double(r));
    vm.type_error("float() argument must be a string or a real number, not '" + vm.type_name(v) +
                  "'");
}

} // namespace

NDArray to_array(VM& vm, const Value& v) {
    switch (v.tag) {
    case Tag::Bool: return NDArray::scalar(v.b);
    case Tag::Int: return NDArray::scalar(v.i);
    case Tag::Float: return NDArray::scalar(v.f);
    default: break;
    }
    if (ArrayObj* a = as_array(vm, v)) return a->a;
    if (ScalarObj* s = as_scalar(vm, v)) return NDArray::scalar(s->v);
    // fast path: a flat list of floats/ints
    if (v.is_obj() && v.o->type == vm.t.list) {
        const auto& items = v.as<List>()->items;
        bool all_float = !items.empty(), all_int = !items.empty();
        for (const Value& x : items) {
            all_float = all_float && x.tag == Tag::Float;
            all_int = all_int && x.tag == Tag::Int;
        }
        Shape s{int64_t(items.size())};
        if (all_float) {
            std::vector<double> d(items.size());
            for (size_t k = 0; k < items.size(); ++k) d[k] = items[k].f;
            return NDArray::from_doubles(s, std::move(d));
        }
        if (all_int) {
            std::vector<int64_t> d(items.size());
            for (size_t k = 0; k < items.size(); ++k) d[k] = items[k].i;
            return NDArray::from_int64s(s, std::move(d));
        }
    }
    Builder b;
    walk(vm, v, 0, b);
    if (b.max_dims)
        vm.value_error("setting an array element with a sequence. The requested array would "
                       "exceed the maximum number of dimension of 32.");
    const Shape& s = b.shape;
    if (b.any_str) {
        std::vector<std::u32string> out;
        out.reserve(b.leaves.size());
        for (auto& x : b.leaves) {
            switch (x.index()) {
            case 0: out.push_back(to_u32(float_repr(std::get<double>(x)))); break;
            case 1: out.push_back(to_u32(std::to_string(std::get<int64_t>(x)))); break;
            case 2: out.push_back(std::get<bool>(x) ? U"True" : U"False"); break;
            default: out.push_back(std::get<std::u32string>(x));
            }
        }
        bool mixed = b.any_float || b.any_int;
        int64_t w = 0;
        for (auto& x : out) w = std::max<int64_t>(w, int64_t(x.size()));
        if (mixed) w = std::max<int64_t>(w, 32);
        return NDArray::from_strings(s, out, w ? w : 1);
    }
    if (b.any_float || b.leaves.empty()) {
        std::vector<double> d;
        d.reserve(b.leaves.size());
        for (auto& x : b.leaves)
            d.push_back(x.index() == 0   ? std::get<double>(x)
                        : x.index() == 1 ? double(std::get<int64_t>(x))
                                         : double(std::get<bool>(x)));
        return NDArray::from_doubles(s, std::move(d));
    }
    if (b.any_int) {
        std::vector<int64_t> d;
        d.reserve(b.leaves.size());
        for (auto& x : b.leaves)
            d.push_back(x.index() == 1 ? std::get<int64_t>(x) : int64_t(std::get<bool>(x)));
        return NDArray::from_int64s(s, std::move(d));
    }
    std::vector<bool> d;
    d.reserve(b.leaves.size());
    for (auto& x : b.leaves) d.push_back(std::get<bool>(x));
    return NDArray::from_bools(s, d);
}

NDArray to_array(VM& vm, const Value& v, std::optional<DType> dt, int64_t width) {
    NDArray a = to_array(vm, v);
    if (!dt || (*dt == a.dtype() && (width == 0 || width == a.str_width()))) return a;
    return guard(vm, [&] { return a.astype(*dt, width); });
}

static std::optional<DType> dtype_from_name(std::string s, int64_t* width) {
    if (width) *width = 0;
    if (s == "float64" || s == "float" || s == "f8" || s == "d" || s == "float32" || s == "f4" ||
        s == "f" || s == "double" || s == "<f8" || s == "float_")
        return DType::Float64;
    if (s == "int64" || s == "int" || s == "i8" || s == "int32" || s == "i4" || s == "l" ||
        s == "<i8" || s == "int_" || s == "i" || s == "intp" || s == "uint8" || s == "int8" ||
        s == "int16")
        return DType::Int64;
    if (s == "bool" || s == "?" || s == "bool_" || s == "b1") return DType::Bool;
    if (s == "str" || s == "U" || s == "<U" || s == "str_" || s == "unicode") return DType::Str;
    if (s.size() > 1 && (s[0] == 'U' || (s[0] == '<' && s.size() > 2 && s[1] == 'U'))) {
        std::string digits = s.substr(s[0] == '<' ? 2 : 1);
        if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos) {
            if (width) *width = std::stoll(digits);
            return DType::Str;
        }
    }
    return std::nullopt;
}

std::optional<DType> to_dtype(VM& vm, const Value& v, int64_t* width) {
    if (width) *width = 0;
    if (v.is_none() || v.is_undef()) return std::nullopt;
    NpState& st = state(vm);
    if (v.is_obj()) {
        Obj* o = v.o;
        if (o == vm.t.float_ || o == st.float64) return DType::Float64;
        if (o == vm.t.int_ || o == st.int64) return DType::Int64;
        if (o == vm.t.bool_ || o == st.bool_) return DType::Bool;
        if (o == vm.t.str) return DType::Str;
        if (o->type == st.dtype) {
            if (width) *width = v.as<DTypeObj>()->width;
            return v.as<DTypeObj>()->dt;
        }
        if (o->type == vm.t.str) {
            auto r = dtype_from_name(v.as<Str>()->s, width);
            if (r) return r;
            vm.type_error("data type '" + v.as<Str>()->s + "' not understood");
        }
    }
    vm.type_error("Cannot interpret '" + vm.repr(v) + "' as a data type");
}

Shape to_shape(VM& vm, const Value& v) {
    Shape s;
    if (v.is_obj() && (v.o->type == vm.t.list || v.o->type == vm.t.tuple || is_array(vm, v))) {
        vm.iterate(v, [&](const Value& x) { s.push_back(vm.to_index(x)); });
    } else {
        s.push_back(vm.to_index(v));
    }
    for (int64_t d : s)
        if (d < 0) vm.value_error("negative dimensions are not allowed");
    return s;
}

std::optional<std::vector<int64_t>> to_axes(VM& vm, const Value& v) {
    if (v.is_none() || v.is_undef()) return std::nullopt;
    std::vector<int64_t> ax;
    if (v.is_obj() && (v.o->type == vm.t.tuple || v.o->type == vm.t.list))
        vm.iterate(v, [&](const Value& x) { ax.push_back(vm.to_index(x)); });
    else
        ax.push_back(vm.to_index(v));
    return ax;
}
std::optional<int64_t> to_axis(VM& vm, const Value& v) {
    if (v.is_none() || v.is_undef()) return std::nullopt;
    return vm.to_index(v);
}

// ------------------------------------------------------------------------------ values out
Value wrap(VM& vm, NDArray a) { return Value(new ArrayObj(state(vm).ndarray, std::move(a))); }

Value make_scalar(VM& vm, const Scalar& s) {
    NpState& st = state(vm);
    switch (s.index()) {
    case 0: return Value(new ScalarObj(st.float64, s));
    case 1: return Value(new ScalarObj(st.int64, s));
    case 2: return Value(new ScalarObj(st.bool_, s));
    default: return vm.str(to_utf8(std::get<std::u32string>(s)));
    }
}

Value wrap_result(VM& vm, NDArray a) {
    if (a.ndim() == 0) return make_scalar(vm, a.item(0));
    return wrap(vm, std::move(a));
}

Value to_python(VM& vm, const Scalar& s) {
    switch (s.index()) {
    case 0: return Value::flt(std::get<double>(s));
    case 1: return Value::integer(std::get<int64_t>(s));
    case 2: return Value::boolean(std::get<bool>(s));
    default: return vm.str(to_utf8(std::get<std::u32string>(s)));
    }
}

static Value tolist_rec(VM& vm, const NDArray& a, size_t dim, int64_t& flat) {
    if (dim == a.shape().size()) return to_python(vm, a.item(flat++));
    std::vector<Value> items;
    items.reserve(a.shape()[dim]);
    for (int64_t k = 0; k < a.shape()[dim]; ++k) items.push_back(tolist_rec(vm, a, dim + 1, flat));
    return vm.new_list(std::move(items));
}
Value tolist(VM& vm, const NDArray& a) {
    int64_t flat = 0;
    return tolist_rec(vm, a, 0, flat);
}

Value make_dtype(VM& vm, DType dt, int64_t width) {
    return Value(new DTypeObj(state(vm).dtype, dt, width));
}

// ------------------------------------------------------------------------------ printing
PrintArray to_print(const NDArray& a) {
    PrintArray p;
    p.shape = a.shape();
    switch (a.dtype()) {
    case DType::Float64:
        p.kind = 'f';
        p.f = a.to_doubles();
        break;
    case DType::Int64:
        p.kind = 'i';
        p.i = a.to_int64s();
        break;
    case DType::Bool: {
        p.kind = 'b';
        auto b = a.to_bools();
        p.b.assign(b.begin(), b.end());
        break;
    }
    case DType::Str:
        p.kind = 'U';
        p.u = a.to_strings();
        p.u_width = int(a.str_width());
        break;
    }
    return p;
}
std::string array_str(VM& vm, const NDArray& a) {
    return np::array_str(to_print(a), state(vm).print);
}
std::string array_repr(VM& vm, const NDArray& a) {
    return np::array_repr(to_print(a), state(vm).print);
}

// ------------------------------------------------------------------------------ arguments
void bind(VM& vm, Args& a, const char* fname, int skip, std::initializer_list<const char*> names,
          int required, Value* out) {
    int n = int(names.size());
    for (int k = 0; k < n; ++k) out[k] = Value::undef();
    int npos = a.n - skip;
    if (npos > n)
        vm.type_error(std::string(fname) + "() takes at most " + std::to_string(n) +
                      " arguments (" + std::to_string(npos) + " given)");
    for (int k = 0; k < npos; ++k) out[k] = a.pos[skip + k];
    for (int j = 0; j < a.nkw; ++j) {
        int k = 0;
        for (const char* nm : names) {
            if (a.kwn[j]->s == nm) break;
            ++k;
        }
        if (k == n)
            vm.type_error(std::string(fname) + "() got an unexpected keyword argument '" +
                          a.kwn[j]->s + "'");
        if (!out[k].is_undef())
            vm.type_error(std::string(fname) + "() got multiple values for argument '" +
                          a.kwn[j]->s + "'");
        out[k] = a.kwv[j];
    }
    for (int k = 0; k < required; ++k)
        if (out[k].is_undef())
            vm.type_error(std::string(fname) + "() missing required argument '" +
                          *(names.begin() + k) + "' (pos " + std::to_string(k + 1) + ")");
}

// ------------------------------------------------------------------------------ modules
static Value m_set_printoptions(VM& vm, Args& a) {
    Value v[5];
    bind(vm, a, "set_printoptions", 0,
         {"precision", "threshold", "edgeitems", "linewidth", "suppress"}, 0, v);
    PrintOptions& p = state(vm).print;
    if (given(v[0])) p.precision = int(vm.to_index(v[0]));
    if (given(v[1])) p.threshold = vm.to_index(v[1]);
    if (given(v[2])) p.edgeitems = int(vm.to_index(v[2]));
    if (given(v[3])) p.linewidth = int(vm.to_index(v[3]));
    if (given(v[4])) p.suppress = vm.truthy(v[4]);
    return vm.None;
}

static Value m_get_printoptions(VM& vm, Args& a) {
    PrintOptions& p = state(vm).print;
    Value d = vm.new_dict();
    auto put = [&](const char* k, Value v) { dict_set(vm, d.as<Dict>(), vm.str(k), v); };
    put("edgeitems", Value::integer(p.edgeitems));
    put("threshold", Value::integer(p.threshold));
    put("floatmode", vm.str("maxprec"));
    put("precision", Value::integer(p.precision));
    put("suppress", Value::boolean(p.suppress));
    put("linewidth", Value::integer(p.linewidth));
    put("nanstr", vm.str("nan"));
    put("infstr", vm.str("inf"));
    put("sign", vm.str("-"));
    put("legacy", Value::boolean(false));
    return d;
}

void init_numpy(VM& vm, const Value& m) {
    Type* st_type = vm.new_type("_npstate", vm.t.object);
    auto* st = new NpState(st_type);
    Value keep(st);
    vm.set_global(m, "_lmpy_state", keep);
    vm.np_state = st;

    auto exc = [&](const char* name, Type* base, const char* module) {
        Type* t = vm.new_type(name, base, Layout::Exception);
        t->is_exception = true;
        t->module = module;
        return t;
    };
    st->axis_error = exc("AxisError", vm.t.ValueError, "numpy");
    st->ufunc_type_error = exc("UFuncTypeError", vm.t.TypeError, "numpy.core._exceptions");
    st->no_loop_error = exc("_UFuncNoLoopError", st->ufunc_type_error, "numpy.core._exceptions");
    st->cast_error =
        exc("_UFuncOutputCastingError", st->ufunc_type_error, "numpy.core._exceptions");
    st->array_memory_error = exc("_ArrayMemoryError", vm.t.MemoryError, "numpy.core._exceptions");
    // NumPy shows these as their base (type(e).__name__) but tracebacks name the class
    for (Type* t : {st->no_loop_error, st->cast_error})
        vm.add_attr(t, "__name__", vm.str("UFuncTypeError"));
    vm.add_attr(st->array_memory_error, "__name__", vm.str("MemoryError"));
    vm.set_global(m, "AxisError", Value(st->axis_error));

    init_array_type(vm, *st);
    init_scalar_types(vm, *st);
    vm.set_global(m, "ndarray", Value(st->ndarray));
    vm.set_global(m, "dtype", Value(st->dtype));
    vm.set_global(m, "float64", Value(st->float64));
    vm.set_global(m, "float_", Value(st->float64));
    vm.set_global(m, "double", Value(st->float64));
    vm.set_global(m, "float32", Value(st->float64));
    vm.set_global(m, "int64", Value(st->int64));
    vm.set_global(m, "int_", Value(st->int64));
    vm.set_global(m, "int32", Value(st->int64));
    vm.set_global(m, "intp", Value(st->int64));
    vm.set_global(m, "bool_", Value(st->bool_));
    vm.set_global(m, "str_", Value(vm.t.str));
    vm.set_global(m, "pi", Value::flt(M_PI));
    vm.set_global(m, "e", Value::flt(M_E));
    vm.set_global(m, "euler_gamma", Value::flt(0.5772156649015329));
    vm.set_global(m, "inf", Value::flt(INFINITY));
    vm.set_global(m, "Inf", Value::flt(INFINITY));
    vm.set_global(m, "nan", Value::flt(NAN));
    vm.set_global(m, "NaN", Value::flt(NAN));
    vm.set_global(m, "newaxis", vm.None);
    vm.set_global(m, "__version__", vm.str("1.24.2"));
    vm.set_global(m, "set_printoptions", vm.new_native("set_printoptions", m_set_printoptions));
    vm.set_global(m, "get_printoptions", vm.new_native("get_printoptions", m_get_printoptions));
    init_functions(vm, m);
    init_functions2(vm, m);
    init_linalg_toplevel(vm, m);
    vm.set_global(m, "random", vm.import_module("numpy.random"));
    vm.set_global(m, "linalg", vm.import_module("numpy.linalg"));
}

void init_numpy_random(VM& vm, const Value& m) {
    state(vm);
    init_random(vm, m);
}
void init_numpy_linalg(VM& vm, const Value& m) {
    state(vm);
    vm.set_global(m, "LinAlgError", Value(vm.t.LinAlgError));
    init_linalg(vm, m);
}

void register_numpy_modules(VM& vm) {
    vm.register_module("numpy", init_numpy);
    vm.register_module("numpy.random", init_numpy_random);
    vm.register_module("numpy.linalg", init_numpy_linalg);
}
} // namespace lmpy::np
