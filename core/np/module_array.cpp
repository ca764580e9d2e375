// The Python ndarray type: properties, printing, indexing and assignment, iteration, the
// operators (with reflected and in-place forms) and the methods that are not reductions.
// Operators on arrays and on NumPy scalars share array_binop: both operands become arrays,
// the ufunc kernel runs, and a 0-d result comes back as a NumPy scalar (NumPy's rule).
#include "np/creation.h"
#include "np/linalg.h"
#include "np/module_internal.h"
#include "np/sort.h"
#include "np/ufunc.h"

namespace lmpy::np {

// ------------------------------------------------------------------------------ operators
static bool convertible(VM& vm, const Value& v) {
    if (v.tag == Tag::Int || v.tag == Tag::Float || v.tag == Tag::Bool) return true;
    if (!v.is_obj()) return false;
    Type* t = v.o->type;
    NpState& st = state(vm);
    return t == vm.t.list || t == vm.t.tuple || t == st.ndarray || t == st.float64 ||
           t == st.int64 || t == st.bool_ || t == vm.t.str;
}

// An operand NumPy cannot convert (None, an object without operators): NumPy makes an object
// array and applies the Python operator to its first element, so the error names the
// element's Python type ('float' and 'NoneType'). Returns (leaving NotImplemented to the
// caller) when the other type has a reflected method, or for empty and str arrays.
static void object_loop_error(VM& vm, int op, const Value& x, const Value& y, bool reflected) {
    struct OpText {
        int op;
        const char* sym;
        const char* rname; // the other operand's method NumPy's object loop would call
        bool compare;
    };
    static const OpText ops[] = {{int(BinOp::Add), "+", "__radd__", false},
                                 {int(BinOp::Sub), "-", "__rsub__", false},
                                 {int(BinOp::Mul), "*", "__rmul__", false},
                                 {int(BinOp::TrueDiv), "/", "__rtruediv__", false},
                                 {int(BinOp::FloorDiv), "//", "__rfloordiv__", false},
                                 {int(BinOp::Mod), "%", "__rmod__", false},
                                 {kOpPow, "** or pow()", "__rpow__", false},
                                 {int(BinOp::Lt), "<", "__gt__", true},
                                 {int(BinOp::Le), "<=", "__ge__", true},
                                 {int(BinOp::Gt), ">", "__lt__", true},
                                 {int(BinOp::Ge), ">=", "__le__", true}};
    const OpText* t = nullptr;
    for (const auto& o : ops)
        if (o.op == op) t = &o;
    if (!t || (reflected && t->compare)) return;
    Type* yt = vm.type_of(y);
    if (!yt->builtin && yt->lookup(vm.intern(t->rname))) return;
    NDArray a = to_array(vm, x);
    if (a.size() == 0 || a.dtype() == DType::Str) return;
    std::string elem = a.dtype() == DType::Float64 ? "float"
                       : a.dtype() == DType::Int64 ? "int"
                                                   : "bool";
    std::string other = vm.type_name(y);
    const std::string& left = reflected ? other : elem;
    const std::string& right = reflected ? elem : other;
    if (t->compare)
        vm.type_error(std::string("'") + t->sym + "' not supported between instances of '" + left +
                      "' and '" + right + "'");
    vm.type_error(std::string("unsupported operand type(s) for ") + t->sym + ": '" + left +
                  "' and '" + right + "'");
}

Value array_binop(VM& vm, int op, const Value& x, const Value& y, bool reflected) {
    // a NumPy scalar on the right of a str defers to it ("x" + np.float64(1) is str's
    // TypeError in NumPy); on the left, and for arrays, the ufunc is tried (NumPy's loop error)
    if (reflected && y.is_obj() && y.o->type == vm.t.str && !as_array(vm, x))
        return vm.NotImplemented;
    if (!convertible(vm, y)) {
        // == / != against anything else (None, objects) compare elementwise as unequal
        if (op == int(BinOp::Eq) || op == int(BinOp::Ne)) {
            NDArray a = to_array(vm, x);
            NDArray r = NDArray::zeros(a.shape(), DType::Bool);
            if (op == int(BinOp::Ne)) r = binary(BinOp::Eq, r, r);
            return wrap_result(vm, r);
        }
        object_loop_error(vm, op, x, y, reflected);
        return vm.NotImplemented;
    }
    // arrays are used where they are (x and y outlive the call; no copy of shape and strides)
    std::optional<NDArray> hold_x, hold_y;
    const NDArray* a = &array_ref(vm, x, hold_x);
    const NDArray* b = &array_ref(vm, y, hold_y);
    if (reflected) std::swap(a, b);
    // An ordering of strings against numbers has no loop: an array's comparison returns
    // NotImplemented (Python's TypeError then names both operand types); a NumPy scalar
    // compares as a 0-d array and raises that error itself, naming itself numpy.ndarray.
    if (op >= int(BinOp::Lt) && op <= int(BinOp::Ge) &&
        (a->dtype() == DType::Str) != (b->dtype() == DType::Str)) {
        if (as_array(vm, x)) return vm.NotImplemented;
        static const char* sym[] = {"<", "<=", ">", ">="};
        vm.type_error(std::string("'") + sym[op - int(BinOp::Lt)] +
                      "' not supported between instances of 'numpy.ndarray' and '" +
                      vm.type_of(y)->display() + "'");
    }
    return guard(vm, [&] {
        if (op == kOpPow) return wrap_result(vm, power_operator(*a, *b));
        if (op == kOpMatMul) return wrap_result(vm, matmul(*a, *b));
        return wrap_result(vm, binary(static_cast<BinOp>(op), *a, *b));
    });
}

template <int OP, bool R> static Value d_bin(VM& vm, Args& a) {
    check_nargs(vm, "operator", a, 2, 2);
    return array_binop(vm, OP, a[0], a[1], R);
}

template <int OP> static Value d_ibin(VM& vm, Args& a) {
    check_nargs(vm, "operator", a, 2, 2);
    if (!convertible(vm, a[1])) return vm.NotImplemented;
    ArrayObj* self = as_array(vm, a[0]);
    NDArray b = to_array(vm, a[1]);
    guard(vm, [&] {
        if (OP == kOpMatMul) {
            self->a.assign(matmul(self->a, b));
        } else {
            binary_inplace(OP == kOpPow ? BinOp::Pow : static_cast<BinOp>(OP), self->a, b);
        }
        return 0;
    });
    return a[0];
}

template <UnOp OP> static Value d_un(VM& vm, Args& a) {
    return guard(vm, [&] { return wrap_result(vm, unary(OP, to_array(vm, a[0]))); });
}

// The binop_hook of ndarray and the scalar types: what their __op__/__rop__ methods do.
static Value binop_hook(VM& vm, lmpy::BinOp op, const Value& self, const Value& other,
                        bool reflected) {
    int np_op;
    switch (op) {
    case lmpy::BinOp::Add: np_op = int(BinOp::Add); break;
    case lmpy::BinOp::Sub: np_op = int(BinOp::Sub); break;
    case lmpy::BinOp::Mul: np_op = int(BinOp::Mul); break;
    case lmpy::BinOp::TrueDiv: np_op = int(BinOp::TrueDiv); break;
    case lmpy::BinOp::FloorDiv: np_op = int(BinOp::FloorDiv); break;
    case lmpy::BinOp::Mod: np_op = int(BinOp::Mod); break;
    case lmpy::BinOp::Pow: np_op = kOpPow; break;
    case lmpy::BinOp::MatMul: np_op = kOpMatMul; break;
    case lmpy::BinOp::And: np_op = int(BinOp::BitAnd); break;
    case lmpy::BinOp::Or: np_op = int(BinOp::BitOr); break;
    case lmpy::BinOp::Xor: np_op = int(BinOp::BitXor); break;
    case lmpy::BinOp::LShift: np_op = int(BinOp::LShift); break;
    case lmpy::BinOp::RShift: np_op = int(BinOp::RShift); break;
    default: return vm.NotImplemented;
    }
    return array_binop(vm, np_op, self, other, reflected);
}

void add_operators(VM& vm, Type* t) {
    t->binop_hook = binop_hook;
#define BIN(name, rname, op)                                                                       \
    vm.add_method(t, name, d_bin<int(op), false>);                                                 \
    vm.add_method(t, rname, d_bin<int(op), true>);
    BIN("__add__", "__radd__", BinOp::Add)
    BIN("__sub__", "__rsub__", BinOp::Sub)
    BIN("__mul__", "__rmul__", BinOp::Mul)
    BIN("__truediv__", "__rtruediv__", BinOp::TrueDiv)
    BIN("__floordiv__", "__rfloordiv__", BinOp::FloorDiv)
    BIN("__mod__", "__rmod__", BinOp::Mod)
    BIN("__pow__", "__rpow__", kOpPow)
    BIN("__matmul__", "__rmatmul__", kOpMatMul)
    BIN("__and__", "__rand__", BinOp::BitAnd)
    BIN("__or__", "__ror__", BinOp::BitOr)
    BIN("__xor__", "__rxor__", BinOp::BitXor)
    BIN("__lshift__", "__rlshift__", BinOp::LShift)
    BIN("__rshift__", "__rrshift__", BinOp::RShift)
#undef BIN
    static const VM::MethodDef kCompareUnaryMethods[] = {
        {"__eq__", d_bin<int(BinOp::Eq), false>},
        {"__ne__", d_bin<int(BinOp::Ne), false>},
        {"__lt__", d_bin<int(BinOp::Lt), false>},
        {"__le__", d_bin<int(BinOp::Le), false>},
        {"__gt__", d_bin<int(BinOp::Gt), false>},
        {"__ge__", d_bin<int(BinOp::Ge), false>},
        {"__neg__", d_un<UnOp::Neg>},
        {"__pos__", d_un<UnOp::Pos>},
        {"__abs__", d_un<UnOp::Abs>},
        {"__invert__", d_un<UnOp::Invert>},
    };
    vm.add_methods(t, kCompareUnaryMethods);
}

static void add_inplace(VM& vm, Type* t) {
    static const VM::MethodDef kInplaceMethods[] = {
        {"__iadd__", d_ibin<int(BinOp::Add)>},
        {"__isub__", d_ibin<int(BinOp::Sub)>},
        {"__imul__", d_ibin<int(BinOp::Mul)>},
        {"__itruediv__", d_ibin<int(BinOp::TrueDiv)>},
        {"__ifloordiv__", d_ibin<int(BinOp::FloorDiv)>},
        {"__imod__", d_ibin<int(BinOp::Mod)>},
        {"__ipow__", d_ibin<kOpPow>},
        {"__imatmul__", d_ibin<kOpMatMul>},
        {"__iand__", d_ibin<int(BinOp::BitAnd)>},
        {"__ior__", d_ibin<int(BinOp::BitOr)>},
        {"__ixor__", d_ibin<int(BinOp::BitXor)>},
        {"__ilshift__", d_ibin<int(BinOp::LShift)>},
        {"__irshift__", d_ibin<int(BinOp::RShift)>},
    };
    vm.add_methods(t, kInplaceMethods);
}

// ------------------------------------------------------------------------------ indexing
static const char* kBadIndex =
    "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or "
    "boolean arrays are valid indices";

static IndexItem index_item(VM& vm, const Value& k, bool& ellipsis) {
    switch (k.tag) {
    case Tag::Int: return IndexItem(k.i);
    case Tag::Bool: return IndexItem(BoolArray{NDArray::scalar(k.b)});
    case Tag::None: return IndexItem(NewAxis{});
    case Tag::Float: vm.index_error(kBadIndex);
    default: break;
    }
    Type* t = k.o->type;
    NpState& st = state(vm);
    if (k.same(vm.Ellipsis)) {
        ellipsis = true;
        return IndexItem(Ellipsis{});
    }
    if (t == vm.t.slice) {
        auto* s = k.as<lmpy::Slice>();
        np::Slice r;
        auto part = [&](const Value& v) -> std::optional<int64_t> {
            if (v.is_none()) return std::nullopt;
            return vm.to_index(v, "slice indices must be integers or None or have an __index__ "
                                  "method");
        };
        r.start = part(s->start);
        r.stop = part(s->stop);
        r.step = part(s->step);
        if (r.step && *r.step == 0) vm.value_error("slice step cannot be zero");
        return IndexItem(r);
    }
    if (t == st.int64) return IndexItem(std::get<int64_t>(k.as<ScalarObj>()->v));
    if (t == st.bool_)
        return IndexItem(BoolArray{NDArray::scalar(std::get<bool>(k.as<ScalarObj>()->v))});
    if (t == vm.t.int_) vm.index_error("cannot fit 'int' into an index-sized integer");
    if (t == st.ndarray || t == vm.t.list) {
        NDArray a = to_array(vm, k);
        if (a.dtype() == DType::Bool) return IndexItem(BoolArray{a});
        if (a.dtype() == DType::Int64) return IndexItem(IntArray{a});
        if (a.size() == 0) return IndexItem(IntArray{a.astype(DType::Int64)});
        vm.index_error("arrays used as indices must be of integer (or boolean) type");
    }
    Value r;
    if (t->lookup(vm.n.__index__) && vm.call_dunder(k, vm.n.__index__, nullptr, 0, r))
        return IndexItem(vm.to_index(r));
    vm.index_error(kBadIndex);
}

std::vector<IndexItem> to_index(VM& vm, const Value& key, bool& ellipsis) {
    std::vector<IndexItem> items;
    ellipsis = false;
    if (key.is_obj() && key.o->type == vm.t.tuple) {
        for (const Value& k : key.as<Tuple>()->items) items.push_back(index_item(vm, k, ellipsis));
    } else {
        items.push_back(index_item(vm, key, ellipsis));
    }
    return items;
}

static Value d_getitem(VM& vm, Args& a) {
    const NDArray& self = as_array(vm, a[0])->a;
    bool ell;
    std::vector<IndexItem> idx = to_index(vm, a[1], ell);
    NDArray r = guard(vm, [&] { return self.get(idx); });
    if (r.ndim() == 0 && !ell) return make_scalar(vm, r.item(0));
    return wrap(vm, std::move(r));
}

static Value d_setitem(VM& vm, Args& a) {
    NDArray& self = as_array(vm, a[0])->a;
    bool ell;
    std::vector<IndexItem> idx = to_index(vm, a[1], ell);
    NDArray v = to_array(vm, a[2]);
    guard(vm, [&] {
        self.set(idx, v);
        return 0;
    });
    return vm.None;
}

// ------------------------------------------------------------------------------ protocol
struct ArrayIter : Iter {
    Value arr;
    int64_t i = 0, n;
    ArrayIter(Type* t, Value a, int64_t len) : Iter(t), arr(std::move(a)), n(len) {}
    bool next(VM& vm, Value& out) override {
        if (i >= n) return false;
        const NDArray& a = static_cast<ArrayObj*>(arr.o)->a;
        NDArray r = a.get({IndexItem(i++)});
        out = r.ndim() == 0 ? make_scalar(vm, r.item(0)) : wrap(vm, std::move(r));
        return true;
    }
};

static Value d_iter(VM& vm, Args& a) {
    const NDArray& self = as_array(vm, a[0])->a;
    if (self.ndim() == 0) vm.type_error("iteration over a 0-d array");
    return Value(new ArrayIter(vm.t.iter, a[0], self.shape()[0]));
}
static Value d_len(VM& vm, Args& a) {
    const NDArray& self = as_array(vm, a[0])->a;
    return Value::integer(guard(vm, [&] { return self.len(); }));
}
static Value d_repr(VM& vm, Args& a) { return vm.str(array_repr(vm, as_array(vm, a[0])->a)); }
static Value d_str(VM& vm, Args& a) { return vm.str(array_str(vm, as_array(vm, a[0])->a)); }

static const Scalar& single(VM& vm, const NDArray& a, Scalar& keep, const char* msg) {
    if (a.size() != 1) vm.type_error(msg);
    keep = a.item(0);
    return keep;
}

static Value d_bool(VM& vm, Args& a) {
    const NDArray& self = as_array(vm, a[0])->a;
    if (self.size() == 0) return vm.False;
    if (self.size() > 1)
        vm.value_error("The truth value of an array with more than one element is ambiguous. Use "
                       "a.any() or a.all()");
    return Value::boolean(vm.truthy(to_python(vm, self.item(0))));
}
static Value d_float(VM& vm, Args& a) {
    Scalar s;
    single(vm, as_array(vm, a[0])->a, s, "only size-1 arrays can be converted to Python scalars");
    if (s.index() == 3) return Value::flt(std::stod(to_utf8(std::get<std::u32string>(s))));
    return Value::flt(vm.to_double(to_python(vm, s)));
}
static Value d_int(VM& vm, Args& a) {
    Scalar s;
    single(vm, as_array(vm, a[0])->a, s, "only size-1 arrays can be converted to Python scalars");
    if (s.index() == 0) {
        double d = std::get<double>(s);
        if (std::isnan(d)) vm.value_error("cannot convert float NaN to integer");
        if (std::isinf(d)) vm.raise(vm.t.OverflowError, "cannot convert float infinity to integer");
        return Value::integer(int64_t(d));
    }
    if (s.index() == 3) vm.type_error("int() argument must be a string");
    return Value::integer(s.index() == 1 ? std::get<int64_t>(s) : int64_t(std::get<bool>(s)));
}
static Value d_index(VM& vm, Args& a) {
    const NDArray& self = as_array(vm, a[0])->a;
    if (self.ndim() != 0 || self.dtype() != DType::Int64)
        vm.type_error("only integer scalar arrays can be converted to a scalar index");
    return Value::integer(std::get<int64_t>(self.item(0)));
}
static Value d_format(VM& vm, Args& a) {
    const NDArray& self = as_array(vm, a[0])->a;
    std::string spec = vm.to_str(a[1]);
    if (self.ndim() == 0) return vm.str(vm.format(to_python(vm, self.item(0)), spec));
    if (!spec.empty())
        vm.type_error("unsupported format string passed to numpy.ndarray.__format__");
    return vm.str(array_str(vm, self));
}
static Value d_hash(VM& vm, Args& a) { vm.type_error("unhashable type: 'numpy.ndarray'"); }
static Value d_contains(VM& vm, Args& a) {
    const NDArray& self = as_array(vm, a[0])->a;
    NDArray v = to_array(vm, a[1]);
    return guard(vm, [&] {
        NDArray eq = binary(BinOp::Eq, self, v);
        for (bool b : eq.to_bools())
            if (b) return vm.True;
        return vm.False;
    });
}

// ------------------------------------------------------------------------------ properties
static Shape to_shape_arg(VM& vm, const Value& v) {
    Shape s;
    if (v.is_obj() && (v.o->type == vm.t.tuple || v.o->type == vm.t.list))
        vm.iterate(v, [&](const Value& d) { s.push_back(vm.to_index(d)); });
    else
        s.push_back(vm.to_index(v));
    return s;
}
static Value p_shape(VM& vm, Args& a) {
    std::vector<Value> v;
    for (int64_t d : as_array(vm, a[0])->a.shape()) v.push_back(Value::integer(d));
    return vm.new_tuple(std::move(v));
}
static Value p_set_shape(VM& vm, Args& a) {
    check_nargs(vm, "shape", a, 2, 2);
    NDArray& s = as_array(vm, a[0])->a;
    Shape sh = to_shape_arg(vm, a[1]);
    NDArray r = guard(vm, [&] { return s.reshape(sh); });
    if (!r.shares_buffer(s) && s.size() > 0)
        vm.raise(vm.t.AttributeError, "Incompatible shape for in-place modification. Use "
                                      "`.reshape()` to make a copy with the desired shape.");
    s = r;
    return vm.None;
}
static Value p_ndim(VM& vm, Args& a) { return Value::integer(as_array(vm, a[0])->a.ndim()); }
static Value p_size(VM& vm, Args& a) { return Value::integer(as_array(vm, a[0])->a.size()); }
static Value p_dtype(VM& vm, Args& a) {
    const NDArray& s = as_array(vm, a[0])->a;
    return make_dtype(vm, s.dtype(), s.str_width());
}
static Value p_T(VM& vm, Args& a) { return wrap(vm, as_array(vm, a[0])->a.T()); }
static int64_t itemsize(const NDArray& s) {
    return s.dtype() == DType::Bool ? 1 : s.dtype() == DType::Str ? 4 * s.str_width() : 8;
}
static Value p_itemsize(VM& vm, Args& a) { return Value::integer(itemsize(as_array(vm, a[0])->a)); }
// in bytes, as NumPy reports them (this library counts strides in elements)
static Value p_strides(VM& vm, Args& a) {
    const NDArray& s = as_array(vm, a[0])->a;
    std::vector<Value> v;
    for (int64_t st : s.strides()) v.push_back(Value::integer(st * itemsize(s)));
    return vm.new_tuple(std::move(v));
}
static Value p_nbytes(VM& vm, Args& a) {
    const NDArray& s = as_array(vm, a[0])->a;
    return Value::integer(itemsize(s) * s.size());
}

// ------------------------------------------------------------------------------ methods
static NDArray& self_of(VM& vm, Args& a) { return as_array(vm, a[0])->a; }

// Shape from f(*shape) or f(shape).
static Shape varargs_shape(VM& vm, Args& a, int skip) {
    if (a.n - skip == 1 && a[skip].is_obj() &&
        (a[skip].o->type == vm.t.tuple || a[skip].o->type == vm.t.list)) {
        Shape s;
        vm.iterate(a[skip], [&](const Value& x) { s.push_back(vm.to_index(x)); });
        return s;
    }
    Shape s;
    for (int k = skip; k < a.n; ++k) s.push_back(vm.to_index(a[k]));
    return s;
}

static Value m_reshape(VM& vm, Args& a) {
    NDArray& s = self_of(vm, a);
    Shape sh = varargs_shape(vm, a, 1);
    return guard(vm, [&] { return wrap(vm, s.reshape(sh)); });
}
static Value m_transpose(VM& vm, Args& a) {
    NDArray& s = self_of(vm, a);
    Shape ax = varargs_shape(vm, a, 1);
    return guard(vm, [&] { return wrap(vm, s.transpose(ax)); });
}
static Value m_swapaxes(VM& vm, Args& a) {
    check_nargs(vm, "swapaxes", a, 3, 3);
    NDArray& s = self_of(vm, a);
    return guard(vm, [&] { return wrap(vm, s.swapaxes(vm.to_index(a[1]), vm.to_index(a[2]))); });
}
static Value m_flatten(VM& vm, Args& a) { return wrap(vm, self_of(vm, a).flatten()); }
static Value m_ravel(VM& vm, Args& a) { return wrap(vm, self_of(vm, a).ravel()); }
static Value m_copy(VM& vm, Args& a) { return wrap(vm, self_of(vm, a).copy()); }
static Value m_tolist(VM& vm, Args& a) { return tolist(vm, self_of(vm, a)); }
static Value m_item(VM& vm, Args& a) {
    NDArray& s = self_of(vm, a);
    if (a.n == 1) return to_python(vm, guard(vm, [&] { return s.item(); }));
    if (a.n == 2 && !(a[1].is_obj() && a[1].o->type == vm.t.tuple)) {
        int64_t i = vm.to_index(a[1]), n = s.size();
        if (i < 0) i += n;
        if (i < 0 || i >= n)
            vm.index_error("index " + std::to_string(vm.to_index(a[1])) +
                           " is out of bounds for size " + std::to_string(n));
        return to_python(vm, s.item(i));
    }
    Value key = a.n == 2 ? a[1] : vm.new_tuple(std::vector<Value>(a.pos + 1, a.pos + a.n));
    bool ell;
    auto idx = to_index(vm, key, ell);
    NDArray r = guard(vm, [&] { return s.get(idx); });
    return to_python(vm, guard(vm, [&] { return r.item(); }));
}
static Value m_astype(VM& vm, Args& a) {
    Value v[2];
    bind(vm, a, "astype", 1, {"dtype", "copy"}, 1, v);
    int64_t w = 0;
    auto dt = to_dtype(vm, v[0], &w);
    NDArray& s = self_of(vm, a);
    return guard(vm, [&] { return wrap(vm, dt ? s.astype(*dt, w) : s.copy()); });
}
static Value m_fill(VM& vm, Args& a) {
    check_nargs(vm, "fill", a, 2, 2);
    NDArray& s = self_of(vm, a);
    NDArray v = to_array(vm, a[1]);
    guard(vm, [&] {
        s.assign(v);
        return 0;
    });
    return vm.None;
}
static Value m_dot(VM& vm, Args& a) {
    check_nargs(vm, "dot", a, 2, 2);
    NDArray b = to_array(vm, a[1]);
    return guard(vm, [&] { return wrap_result(vm, dot(self_of(vm, a), b)); });
}
static Value m_clip(VM& vm, Args& a) {
    Value v[2];
    bind(vm, a, "clip", 1, {"min", "max"}, 0, v);
    std::optional<NDArray> lo, hi;
    if (given(v[0])) lo = to_array(vm, v[0]);
    if (given(v[1])) hi = to_array(vm, v[1]);
    if (!lo && !hi) vm.value_error("One of max or min must be given");
    return guard(vm, [&] { return wrap_result(vm, clip(self_of(vm, a), lo, hi)); });
}
static Value m_round(VM& vm, Args& a) {
    Value v[1];
    bind(vm, a, "round", 1, {"decimals"}, 0, v);
    int64_t d = given(v[0]) ? vm.to_index(v[0]) : 0;
    return guard(vm, [&] { return wrap_result(vm, round(self_of(vm, a), d)); });
}
static Value m_sort(VM& vm, Args& a) {
    Value v[2];
    bind(vm, a, "sort", 1, {"axis", "kind"}, 0, v);
    NDArray& s = self_of(vm, a);
    int64_t ax = v[0].is_undef() ? -1 : vm.to_index(v[0]);
    guard(vm, [&] {
        s.assign(sort(s, ax));
        return 0;
    });
    return vm.None;
}
static Value m_argsort(VM& vm, Args& a) {
    Value v[2];
    bind(vm, a, "argsort", 1, {"axis", "kind"}, 0, v);
    std::optional<int64_t> ax = v[0].is_undef() ? std::optional<int64_t>(-1) : to_axis(vm, v[0]);
    return guard(vm, [&] { return wrap(vm, argsort(self_of(vm, a), ax)); });
}
static Value m_squeeze(VM& vm, Args& a) {
    Value v[1];
    bind(vm, a, "squeeze", 1, {"axis"}, 0, v);
    auto ax = to_axes(vm, v[0]);
    return guard(vm, [&] { return wrap(vm, self_of(vm, a).squeeze(ax)); });
}
static Value m_nonzero(VM& vm, Args& a) {
    std::vector<Value> out;
    for (auto& r : guard(vm, [&] { return nonzero(self_of(vm, a)); })) out.push_back(wrap(vm, r));
    return vm.new_tuple(std::move(out));
}

void init_array_type(VM& vm, NpState& st) {
    Type* t = vm.new_type("ndarray", vm.t.object);
    t->module = "numpy";
    t->tp_name = "numpy.ndarray";
    st.ndarray = t;
    add_operators(vm, t);
    add_inplace(vm, t);
    static const VM::MethodDef kDunderMethods[] = {
        {"__getitem__", d_getitem}, {"__setitem__", d_setitem}, {"__iter__", d_iter},
        {"__len__", d_len},         {"__repr__", d_repr},       {"__str__", d_str},
        {"__bool__", d_bool},       {"__float__", d_float},     {"__int__", d_int},
        {"__index__", d_index},     {"__format__", d_format},   {"__contains__", d_contains},
        {"__hash__", d_hash},
    };
    vm.add_methods(t, kDunderMethods);
    auto prop = [&](const char* name, NativeFn fn) {
        auto* p = new Property(vm.t.property);
        Value pv(p);
        p->fget = vm.new_native(name, fn);
        vm.add_attr(t, name, pv);
    };
    prop("shape", p_shape);
    t->attrs[vm.intern("shape")].as<Property>()->fset = vm.new_native("shape", p_set_shape);
    prop("ndim", p_ndim);
    prop("size", p_size);
    prop("dtype", p_dtype);
    prop("T", p_T);
    prop("itemsize", p_itemsize);
    prop("nbytes", p_nbytes);
    prop("strides", p_strides);
    static const VM::MethodDef kArrayMethods[] = {
        {"reshape", m_reshape},   {"transpose", m_transpose},
        {"swapaxes", m_swapaxes}, {"flatten", m_flatten},
        {"ravel", m_ravel},       {"copy", m_copy},
        {"tolist", m_tolist},     {"item", m_item},
        {"astype", m_astype},     {"fill", m_fill},
        {"dot", m_dot},           {"clip", m_clip},
        {"round", m_round},       {"sort", m_sort},
        {"argsort", m_argsort},   {"squeeze", m_squeeze},
        {"nonzero", m_nonzero},
    };
    vm.add_methods(t, kArrayMethods);
    add_reduction_methods(vm, t);
}

} // namespace lmpy::np
