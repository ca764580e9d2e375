// The object protocol for builtin types: truth, repr/str, hashing, equality and ordering,
// arithmetic with int/float/bigint promotion, subscripting, containment, iteration, format().
// User classes reach the same entry points through their dunder methods.
#include "py/numfmt.h"
#include "py/runtime.h"
#include "size_fn.h"
#include <algorithm>
#include <cmath>
#include <cstring>

#if __has_include("py/pyhash.h")
#include "py/pyhash.h"
#define LMPY_HAVE_PYHASH 1
#endif

namespace lmpy {

// ------------------------------------------------------------------------------ ints
Value make_int(VM& vm, const BigInt& b) {
    if (b.fits_int64()) return Value::integer(b.to_int64());
    return Value(new BigIntObj(vm.t.int_, b));
}
bool is_int(const VM& vm, const Value& v) {
    return v.tag == Tag::Int || v.tag == Tag::Bool || (v.is_obj() && v.o->type == vm.t.int_);
}
BigInt to_bigint(VM& vm, const Value& v) {
    if (v.tag == Tag::Int) return BigInt(v.i);
    if (v.tag == Tag::Bool) return BigInt(int64_t(v.b));
    return v.as<BigIntObj>()->v;
}
static bool is_small(const Value& v, int64_t& out) {
    if (v.tag == Tag::Int) {
        out = v.i;
        return true;
    }
    if (v.tag == Tag::Bool) {
        out = v.b;
        return true;
    }
    return false;
}
static bool is_number(const VM& vm, const Value& v) { return is_int(vm, v) || v.tag == Tag::Float; }

double VM::to_double(const Value& v) {
    switch (v.tag) {
    case Tag::Float: return v.f;
    case Tag::Int: return double(v.i);
    case Tag::Bool: return v.b ? 1.0 : 0.0;
    default: break;
    }
    if (v.is_obj() && v.o->type == t.int_) {
        try {
            return v.as<BigIntObj>()->v.to_double();
        } catch (NumError& e) {
            raise(exc_type_by_name(*this, e.type), e.message);
        }
    }
    Value r;
    if (call_dunder(v, n.__float__, nullptr, 0, r)) return to_double(r);
    type_error("must be real number, not " + type_name(v));
}

int64_t VM::to_index(const Value& v, const char* what) {
    int64_t i;
    if (is_small(v, i)) return i;
    if (v.is_obj() && v.o->type == t.int_)
        raise(t.IndexError, "cannot fit 'int' into an index-sized integer");
    Value r;
    if (call_dunder(v, n.__index__, nullptr, 0, r)) return to_index(r, what);
    if (what) type_error(what);
    type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
}

Type* exc_type_by_name(VM& vm, std::string_view name) {
    Value* v = dict_find_str(vm.builtins.as<Dict>(), vm.intern(name));
    if (v && v->is_obj() && v->o->type == vm.t.type) return v->as<Type>();
    return vm.t.ValueError;
}

// ------------------------------------------------------------------------------ truth
bool VM::truthy(const Value& v) {
    switch (v.tag) {
    case Tag::None: return false;
    case Tag::Bool: return v.b;
    case Tag::Int: return v.i != 0;
    case Tag::Float: return v.f != 0.0;
    case Tag::Undef: return false;
    case Tag::Obj: break;
    }
    Type* ty = v.o->type;
    if (ty == t.str) return !v.as<Str>()->s.empty();
    if (ty == t.list || (listlike(ty, n.__bool__) && !ty->lookup(n.__len__)))
        return !v.as<List>()->items.empty();
    if (ty == t.tuple) return !v.as<Tuple>()->items.empty();
    if (ty == t.dict || (ty->is_subtype(t.dict) && !ty->builtin && !ty->lookup(n.__bool__) &&
                         !ty->lookup(n.__len__)))
        return v.as<Dict>()->used != 0;
    if (ty == t.set || ty == t.frozenset) return v.as<Set>()->used != 0;
    if (ty == t.int_) return !v.as<BigIntObj>()->v.is_zero();
    if (ty == t.range) return v.as<Range>()->len != 0;
    Value r;
    if (call_dunder(v, n.__bool__, nullptr, 0, r)) {
        if (r.tag != Tag::Bool) type_error("__bool__ should return bool, returned " + type_name(r));
        return r.b;
    }
    if (call_dunder(v, n.__len__, nullptr, 0, r)) return to_index(r) != 0;
    return true;
}

// ------------------------------------------------------------------------------ repr / str
ReprGuard::ReprGuard(VM& v, Obj* obj) : vm(v), o(obj), entered(false) {}
ReprGuard::~ReprGuard() {}

static std::vector<Obj*>& repr_stack() {
    static std::vector<Obj*> s;
    return s;
}
struct ReprEnter {
    bool recursive = false;
    Obj* o;
    explicit ReprEnter(VM& vm, Obj* obj) : o(obj) {
        auto& s = repr_stack();
        for (Obj* x : s)
            if (x == obj) recursive = true;
        if (!recursive) {
            if (s.size() > 900)
                vm.raise(vm.t.RecursionError,
                         "maximum recursion depth exceeded while getting the repr of an object");
            s.push_back(obj);
        }
    }
    ~ReprEnter() {
        if (!recursive) repr_stack().pop_back();
    }
};

std::string str_repr(const std::string& s) { return py_str_repr(s); }

static std::string object_default_repr(VM& vm, const Value& v) {
    char buf[64];
    snprintf(buf, sizeof buf, " object at 0x%012llx>", (unsigned long long)(uintptr_t)v.o);
    Type* ty = vm.type_of(v);
    std::string mod = ty->module == "builtins" ? "" : ty->module + ".";
    return "<" + mod + ty->name + buf;
}

LMPY_SIZE_FN std::string VM::repr(const Value& v) {
    switch (v.tag) {
    case Tag::None: return "None";
    case Tag::Bool: return v.b ? "True" : "False";
    case Tag::Int: return std::to_string(v.i);
    case Tag::Float: return float_repr(v.f);
    case Tag::Undef: return "<undef>";
    case Tag::Obj: break;
    }
    Type* ty = v.o->type;
    if (ty == t.str) return py_str_repr(v.as<Str>()->s);
    if (ty == t.int_) {
        try {
            return v.as<BigIntObj>()->v.to_string();
        } catch (NumError& e) {
            raise(exc_type_by_name(*this, e.type), e.message);
        }
    }
    bool is_list = listlike(ty, n.__repr__);
    if (is_list || ty == t.tuple) {
        ReprEnter g(*this, v.o);
        if (g.recursive) return is_list ? "[...]" : "(...)";
        check_stack();
        const auto& items = is_list ? v.as<List>()->items : v.as<Tuple>()->items;
        std::string s = is_list ? "[" : "(";
        for (size_t i = 0; i < items.size(); ++i) {
            if (i) s += ", ";
            s += repr(items[i]);
        }
        if (ty == t.tuple && items.size() == 1) s += ",";
        s += is_list ? "]" : ")";
        return s;
    }
    if (ty->is_subtype(t.dict) && (ty == t.dict || !ty->lookup(n.__repr__) ||
                                   ty->lookup(n.__repr__) == t.dict->lookup(n.__repr__))) {
        ReprEnter g(*this, v.o);
        if (g.recursive) return "{...}";
        std::string s = "{";
        bool first = true;
        dict_each(v.as<Dict>(), [&](const Value& k, const Value& val) {
            if (!first) s += ", ";
            first = false;
            s += repr(k);
            s += ": ";
            s += repr(val);
        });
        return s + "}";
    }
    if (ty == t.set || ty == t.frozenset) {
        Set* st_ = v.as<Set>();
        if (st_->used == 0) return ty == t.set ? "set()" : "frozenset()";
        ReprEnter g(*this, v.o);
        if (g.recursive) return ty == t.set ? "{...}" : "frozenset({...})";
        std::string s = ty == t.set ? "{" : "frozenset({";
        bool first = true;
        set_each(st_, [&](const Value& k) {
            if (!first) s += ", ";
            first = false;
            s += repr(k);
        });
        return s + (ty == t.set ? "}" : "})");
    }
    if (ty == t.range) {
        Range* r = v.as<Range>();
        std::string s = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
        if (r->step != 1) s += ", " + std::to_string(r->step);
        return s + ")";
    }
    if (ty == t.slice) {
        Slice* s = v.as<Slice>();
        return "slice(" + repr(s->start) + ", " + repr(s->stop) + ", " + repr(s->step) + ")";
    }
    if (ty == t.type) {
        Type* tt = v.as<Type>();
        if (tt->module == "builtins") return "<class '" + tt->name + "'>";
        return "<class '" + tt->module + "." + tt->name + "'>";
    }
    if (ty == t.function) {
        char buf[32];
        snprintf(buf, sizeof buf, " at 0x%012llx>", (unsigned long long)(uintptr_t)v.o);
        return "<function " + v.as<Function>()->qualname.as<Str>()->s + buf;
    }
    if (ty == t.native) {
        NativeFunc* nf = v.as<NativeFunc>();
        return std::string("<built-in function ") + nf->name + ">";
    }
    if (ty == t.bound) {
        BoundMethod* bm = v.as<BoundMethod>();
        if (bm->func.o->type == t.native)
            return std::string("<built-in method ") + bm->func.as<NativeFunc>()->name + " of " +
                   type_name(bm->self) + " object at 0x" + [&] {
                       char b[32];
                       snprintf(b, sizeof b, "%012llx>", (unsigned long long)(uintptr_t)bm->self.o);
                       return std::string(b);
                   }();
        return "<bound method " + bm->func.as<Function>()->qualname.as<Str>()->s + " of " +
               repr(bm->self) + ">";
    }
    if (ty == t.module) return "<module '" + v.as<Module>()->name->s + "' (built-in)>";
    if (ty == t.none) return "None";
    if (v.same(Ellipsis)) return "Ellipsis";
    if (v.same(NotImplemented)) return "NotImplemented";
    Value r;
    Value* rp = ty->lookup(n.__repr__);
    if (rp) {
        ReprEnter g(*this, v.o);
        call_dunder(v, n.__repr__, nullptr, 0, r);
        if (!r.is_obj() || r.o->type != t.str)
            type_error("__repr__ returned non-string (type " + type_name(r) + ")");
        return r.as<Str>()->s;
    }
    if (ty->is_exception) {
        ExcObj* e = static_cast<ExcObj*>(v.o);
        const auto& a = e->args.as<Tuple>()->items;
        if (a.size() == 1) return ty->name + "(" + repr(a[0]) + ")";
        std::string s = repr(e->args);
        if (a.empty()) return ty->name + "()";
        return ty->name + s;
    }
    return object_default_repr(*this, v);
}

std::string exc_message(VM& vm, const Value& exc) {
    ExcObj* e = static_cast<ExcObj*>(exc.o);
    Value r;
    Type* ty = vm.type_of(exc);
    Value* sp = ty->lookup(vm.n.__str__);
    if (sp && !(sp->is_obj() && sp->o->type == vm.t.native)) {
        vm.call_dunder(exc, vm.n.__str__, nullptr, 0, r);
        return vm.to_str(r);
    }
    const auto& a = e->args.as<Tuple>()->items;
    if (a.empty()) return "";
    std::string file;
    int line;
    if (syntax_details(vm, exc, file, line))
        return vm.to_str(a[0]) + " (" + file + ", line " + std::to_string(line) + ")";
    if (a.size() == 1) {
        if (ty->is_subtype(vm.t.KeyError)) return vm.repr(a[0]);
        return vm.to_str(a[0]);
    }
    return vm.repr(e->args);
}

std::string VM::to_str(const Value& v) {
    if (v.is_obj()) {
        Type* ty = v.o->type;
        if (ty == t.str) return v.as<Str>()->s;
        Value* sp = ty->lookup(n.__str__);
        if (sp) {
            Value r;
            call_dunder(v, n.__str__, nullptr, 0, r);
            if (!r.is_obj() || r.o->type != t.str)
                type_error("__str__ returned non-string (type " + type_name(r) + ")");
            return r.as<Str>()->s;
        }
        if (ty->is_exception) return exc_message(*this, v);
    }
    return repr(v);
}

// ------------------------------------------------------------------------------ hashing
static int64_t hash_dbl(double d, const void* addr) {
#ifdef LMPY_HAVE_PYHASH
    return lmpy::hash_double(d, uint64_t(uintptr_t(addr)));
#else
    if (std::isnan(d)) return int64_t(uintptr_t(addr) >> 4);
    if (std::isinf(d)) return d > 0 ? 314159 : -314159;
    const uint64_t P = (1ull << 61) - 1;
    int e;
    double m = std::frexp(d, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & P) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = uint64_t(m);
        m -= double(y);
        x += y;
        if (x >= P) x -= P;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & P) | x >> (61 - e);
    int64_t r = int64_t(x) * sign;
    if (r == -1) r = -2;
    return r;
#endif
}
static int64_t hash_small_int(int64_t v) {
    const int64_t P = (int64_t(1) << 61) - 1;
    int64_t r;
    if (v >= 0)
        r = v % P;
    else
        r = -((-(v + 1)) % P + 1);
    if (v < 0) {
        // CPython: hash(-x) == -hash(x)
        uint64_t a = v == INT64_MIN ? uint64_t(INT64_MAX) + 1 : uint64_t(-v);
        r = -int64_t(a % uint64_t(P));
    }
    if (r == -1) r = -2;
    return r;
}
static int64_t hash_bytes_str(const std::string& s) {
#ifdef LMPY_HAVE_PYHASH
    return lmpy::hash_str(s);
#else
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    int64_t r = int64_t(h >> 1);
    return r == -1 ? -2 : r;
#endif
}

int64_t VM::hash(const Value& v) {
    switch (v.tag) {
    case Tag::None: return 0xFCA86420;
    case Tag::Bool: return v.b ? 1 : 0;
    case Tag::Int: return hash_small_int(v.i);
    case Tag::Float: {
        double ip;
        if (std::modf(v.f, &ip) == 0.0 && std::fabs(v.f) < 9.2e18)
            return hash_small_int(int64_t(v.f));
        return hash_dbl(v.f, nullptr);
    }
    default: break;
    }
    Type* ty = v.o->type;
    if (ty == t.str) {
        Str* s = v.as<Str>();
        if (s->hash == -1) s->hash = hash_bytes_str(s->s);
        return s->hash;
    }
    if (ty == t.int_) {
#ifdef LMPY_HAVE_PYHASH
        return lmpy::hash_bigint(v.as<BigIntObj>()->v);
#else
        BigInt m = BigInt::mod(v.as<BigIntObj>()->v, BigInt((int64_t(1) << 61) - 1));
        int64_t r = m.to_int64();
        if (v.as<BigIntObj>()->v.is_negative() && r) r = r - ((int64_t(1) << 61) - 1);
        return r == -1 ? -2 : r;
#endif
    }
    if (ty == t.tuple) {
        std::vector<int64_t> hs;
        for (auto& x : v.as<Tuple>()->items) hs.push_back(hash(x));
#ifdef LMPY_HAVE_PYHASH
        return lmpy::hash_tuple(hs.data(), hs.size());
#else
        uint64_t acc = 2870177450012600261ull;
        for (int64_t h : hs) {
            acc += uint64_t(h) * 14029467366897019727ull;
            acc = (acc << 31) | (acc >> 33);
            acc *= 11400714785074694791ull;
        }
        acc += hs.size() ^ (2870177450012600261ull ^ 3527539ull);
        if (acc == uint64_t(-1)) return 1546275796;
        return int64_t(acc);
#endif
    }
    if (ty == t.list || ty == t.dict || ty == t.set)
        type_error("unhashable type: '" + ty->display() + "'");
    // their subclasses (Counter, defaultdict, OrderedDict, user classes) inherit __hash__ = None
    // unless they define one
    if (ty->is_subtype(t.list) || ty->is_subtype(t.dict) || ty->is_subtype(t.set)) {
        Value* hp = ty->lookup(n.__hash__);
        if (!hp || hp->is_none() || (hp->is_obj() && hp->o->type == t.native))
            type_error("unhashable type: '" + ty->display() + "'");
    }
    if (ty == t.frozenset) {
        int64_t h = 0;
        set_each(v.as<Set>(), [&](const Value& k) { h ^= hash(k) * 1000003; });
        return h == -1 ? -2 : h;
    }
    Value* hp = ty->lookup(n.__hash__);
    if (hp) {
        if (hp->is_none()) type_error("unhashable type: '" + ty->display() + "'");
        if (!(hp->is_obj() && hp->o->type == t.native)) {
            Value r;
            call_dunder(v, n.__hash__, nullptr, 0, r);
            if (!is_int(*this, r)) type_error("__hash__ method should return an integer");
            // CPython keeps a returned int that fits Py_hash_t as it is (-1 is reserved)
            if (r.tag == Tag::Int) return r.i == -1 ? -2 : r.i;
            return hash(r);
        }
        Value r;
        call_dunder(v, n.__hash__, nullptr, 0, r);
        return hash(r);
    }
    int64_t h = int64_t(uintptr_t(v.o) >> 4);
    return h == -1 ? -2 : h;
}

// ------------------------------------------------------------------------------ equality
static bool seq_eq(VM& vm, const std::vector<Value>& a, const std::vector<Value>& b) {
    if (a.size() != b.size()) return false;
    RecursionGuard level(vm, " in comparison");
    for (size_t i = 0; i < a.size(); ++i)
        if (!a[i].same(b[i]) && !vm.eq(a[i], b[i])) return false;
    return true;
}

static int num_cmp(VM& vm, const Value& a, const Value& b, bool& unordered) {
    unordered = false;
    int64_t x, y;
    if (is_small(a, x) && is_small(b, y)) return x < y ? -1 : x > y ? 1 : 0;
    if (a.tag == Tag::Float || b.tag == Tag::Float) {
        if (a.tag == Tag::Float && b.tag == Tag::Float) {
            if (std::isnan(a.f) || std::isnan(b.f)) {
                unordered = true;
                return 0;
            }
            return a.f < b.f ? -1 : a.f > b.f ? 1 : 0;
        }
        // int vs float: exact comparison
        const Value& fi = a.tag == Tag::Float ? a : b;
        const Value& ii = a.tag == Tag::Float ? b : a;
        if (std::isnan(fi.f)) {
            unordered = true;
            return 0;
        }
        int c = BigInt::cmp_double(to_bigint(vm, ii), fi.f);
        return a.tag == Tag::Float ? -c : c;
    }
    return BigInt::cmp(to_bigint(vm, a), to_bigint(vm, b));
}

bool VM::eq(const Value& a, const Value& b) {
    if (is_number(*this, a) && is_number(*this, b)) {
        bool un;
        int c = num_cmp(*this, a, b, un);
        return !un && c == 0;
    }
    if (a.tag == Tag::None || b.tag == Tag::None) return a.tag == b.tag;
    if (a.is_obj() && b.is_obj()) {
        Type* ta = a.o->type;
        Type* tb = b.o->type;
        if (ta == t.str && tb == t.str) return a.o == b.o || a.as<Str>()->s == b.as<Str>()->s;
        if (ta == t.list && tb == t.list)
            return seq_eq(*this, a.as<List>()->items, b.as<List>()->items);
        if (ta == t.tuple && tb == t.tuple)
            return seq_eq(*this, a.as<Tuple>()->items, b.as<Tuple>()->items);
    }
    return truthy(compare(CmpOp::Eq, a, b));
}

// ------------------------------------------------------------------------------ compare
static const char* cmp_sym(CmpOp op) {
    switch (op) {
    case CmpOp::Lt: return "<";
    case CmpOp::Le: return "<=";
    case CmpOp::Eq: return "==";
    case CmpOp::Ne: return "!=";
    case CmpOp::Gt: return ">";
    default: return ">=";
    }
}
static bool apply_cmp(CmpOp op, int c) {
    switch (op) {
    case CmpOp::Lt: return c < 0;
    case CmpOp::Le: return c <= 0;
    case CmpOp::Eq: return c == 0;
    case CmpOp::Ne: return c != 0;
    case CmpOp::Gt: return c > 0;
    default: return c >= 0;
    }
}
static CmpOp swapped(CmpOp op) {
    switch (op) {
    case CmpOp::Lt: return CmpOp::Gt;
    case CmpOp::Le: return CmpOp::Ge;
    case CmpOp::Gt: return CmpOp::Lt;
    case CmpOp::Ge: return CmpOp::Le;
    default: return op;
    }
}

static int seq_cmp(VM& vm, const std::vector<Value>& a, const std::vector<Value>& b, CmpOp op,
                   bool& decided, bool& result) {
    size_t n = std::min(a.size(), b.size());
    RecursionGuard level(vm, " in comparison");
    for (size_t i = 0; i < n; ++i) {
        if (a[i].same(b[i]) || vm.eq(a[i], b[i])) continue;
        decided = true;
        if (op == CmpOp::Eq) {
            result = false;
            return 0;
        }
        if (op == CmpOp::Ne) {
            result = true;
            return 0;
        }
        result = vm.truthy(vm.compare(op, a[i], b[i]));
        return 0;
    }
    decided = false;
    return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

static Str* cmp_dunder(VM& vm, CmpOp op) {
    Str* nm[6] = {vm.n.__lt__, vm.n.__le__, vm.n.__eq__, vm.n.__ne__, vm.n.__gt__, vm.n.__ge__};
    return nm[int(op)];
}

Value VM::compare(CmpOp op, const Value& a, const Value& b) {
    if (is_number(*this, a) && is_number(*this, b)) {
        bool un;
        int c = num_cmp(*this, a, b, un);
        if (un) return Value::boolean(op == CmpOp::Ne);
        return Value::boolean(apply_cmp(op, c));
    }
    if (a.is_obj() && b.is_obj()) {
        Type* ta = a.o->type;
        Type* tb = b.o->type;
        if (ta == t.str && tb == t.str) {
            int c = a.as<Str>()->s.compare(b.as<Str>()->s); // UTF-8 byte order == code point order
            return Value::boolean(apply_cmp(op, c));
        }
        static const CmpOp rev[6] = {CmpOp::Gt, CmpOp::Ge, CmpOp::Eq,
                                     CmpOp::Ne, CmpOp::Lt, CmpOp::Le};
        bool lists =
            (ta == t.list && tb == t.list) ||
            (ta->layout == Layout::List && tb->layout == Layout::List &&
             listlike(ta, cmp_dunder(*this, op)) && listlike(tb, cmp_dunder(*this, rev[int(op)])));
        if (lists || (ta == t.tuple && tb == t.tuple)) {
            const auto& x = lists ? a.as<List>()->items : a.as<Tuple>()->items;
            const auto& y = lists ? b.as<List>()->items : b.as<Tuple>()->items;
            bool decided, result;
            int c = seq_cmp(*this, x, y, op, decided, result);
            if (decided) return Value::boolean(result);
            return Value::boolean(apply_cmp(op, c));
        }
        if (ta == t.range && tb == t.range && (op == CmpOp::Eq || op == CmpOp::Ne)) {
            Range* x = a.as<Range>();
            Range* y = b.as<Range>();
            bool same =
                x->len == y->len &&
                (x->len == 0 || (x->start == y->start && (x->len == 1 || x->step == y->step)));
            return Value::boolean(op == CmpOp::Eq ? same : !same);
        }
        if ((ta == t.set || ta == t.frozenset) && (tb == t.set || tb == t.frozenset)) {
            Set* x = a.as<Set>();
            Set* y = b.as<Set>();
            auto subset = [&](Set* p, Set* q) {
                if (p->used > q->used) return false;
                bool ok = true;
                set_each(p, [&](const Value& k) {
                    if (ok && !set_contains(*this, q, k)) ok = false;
                });
                return ok;
            };
            switch (op) {
            case CmpOp::Eq: return Value::boolean(x->used == y->used && subset(x, y));
            case CmpOp::Ne: return Value::boolean(!(x->used == y->used && subset(x, y)));
            case CmpOp::Le: return Value::boolean(subset(x, y));
            case CmpOp::Lt: return Value::boolean(x->used < y->used && subset(x, y));
            case CmpOp::Ge: return Value::boolean(subset(y, x));
            default: return Value::boolean(y->used < x->used && subset(y, x));
            }
        }
        auto plain_eq = [&](Type* x) {
            return x->builtin || (!x->lookup(n.__eq__) && !x->lookup(n.__ne__));
        };
        if (ta->is_subtype(t.dict) && tb->is_subtype(t.dict) &&
            (op == CmpOp::Eq || op == CmpOp::Ne) && plain_eq(ta) && plain_eq(tb)) {
            Dict* x = a.as<Dict>();
            Dict* y = b.as<Dict>();
            RecursionGuard level(*this, " in comparison");
            bool same = x->used == y->used;
            if (same)
                dict_each(x, [&](const Value& k, const Value& v) {
                    if (!same) return;
                    Value* w = dict_find(*this, y, k);
                    if (!w || !(w->same(v) || eq(*w, v))) same = false;
                });
            return Value::boolean(op == CmpOp::Eq ? same : !same);
        }
    }
    // rich comparison dunders
    Str* nm[6] = {n.__lt__, n.__le__, n.__eq__, n.__ne__, n.__gt__, n.__ge__};
    Value r;
    Type* ta = type_of(a);
    Type* tb = type_of(b);
    bool reflected_first = tb != ta && tb->is_subtype(ta) && !tb->builtin;
    auto try_side = [&](const Value& x, const Value& y, CmpOp o) -> bool {
        Value* m = type_of(x)->lookup(nm[int(o)]);
        if (!m || m->is_none()) return false;
        call_dunder(x, nm[int(o)], &y, 1, r);
        return !r.same(NotImplemented);
    };
    if (reflected_first && try_side(b, a, swapped(op))) return r;
    if (try_side(a, b, op)) return r;
    if (!reflected_first && try_side(b, a, swapped(op))) return r;
    if (op == CmpOp::Eq) return Value::boolean(a.same(b));
    if (op == CmpOp::Ne) {
        // default __ne__ inverts __eq__
        if (try_side(a, b, CmpOp::Eq)) return Value::boolean(!truthy(r));
        return Value::boolean(!a.same(b));
    }
    type_error(std::string("'") + cmp_sym(op) + "' not supported between instances of '" +
               ta->display() + "' and '" + tb->display() + "'");
}

// ------------------------------------------------------------------------------ arithmetic
static const char* binop_sym(BinOp op) {
    static const char* s[] = {"+", "-",  "*",  "/", "//", "%", "** or pow()",
                              "@", "<<", ">>", "&", "|",  "^"};
    return s[int(op)];
}
// Interned dunder names per operator and kind (0 __op__, 1 __rop__, 2 __iop__), built once per VM.
static Str* binop_name(VM& vm, BinOp op, int kind) {
    auto& names = vm.st->binop_names;
    if (names.empty()) {
        static const char* base[] = {"add", "sub", "mul",    "truediv", "floordiv",
                                     "mod", "pow", "matmul", "lshift",  "rshift",
                                     "and", "or",  "xor"};
        for (const char* b : base)
            for (const char* pre : {"__", "__r", "__i"})
                names.push_back(vm.intern(std::string(pre) + b + "__"));
    }
    return names[size_t(op) * 3 + size_t(kind)];
}
// Types whose operators builtin_binop handles completely.
static bool core_type(VM& vm, Type* t) {
    return t == vm.t.int_ || t == vm.t.float_ || t == vm.t.bool_ || t == vm.t.str ||
           t == vm.t.list || t == vm.t.tuple || t == vm.t.set || t == vm.t.frozenset ||
           t == vm.t.dict || t == vm.t.none;
}

static Value num_error(VM& vm, NumError& e) { vm.raise(exc_type_by_name(vm, e.type), e.message); }

static Value int_binop(VM& vm, BinOp op, const Value& a, const Value& b) {
    int64_t x, y, r;
    try {
        if (is_small(a, x) && is_small(b, y)) {
            switch (op) {
            case BinOp::Add:
                if (!__builtin_add_overflow(x, y, &r)) return Value::integer(r);
                break;
            case BinOp::Sub:
                if (!__builtin_sub_overflow(x, y, &r)) return Value::integer(r);
                break;
            case BinOp::Mul:
                if (!__builtin_mul_overflow(x, y, &r)) return Value::integer(r);
                break;
            case BinOp::TrueDiv:
                if (y == 0) vm.raise(vm.t.ZeroDivisionError, "division by zero");
                return Value::flt(int_truediv(x, y));
            case BinOp::FloorDiv:
                if (y == 0) vm.raise(vm.t.ZeroDivisionError, "integer division or modulo by zero");
                if (checked_floordiv(x, y, r)) return Value::integer(r);
                break;
            case BinOp::Mod:
                if (y == 0) vm.raise(vm.t.ZeroDivisionError, "integer modulo by zero");
                if (y == -1) return Value::integer(0);
                return Value::integer(int_mod(x, y));
            case BinOp::Pow:
                if (y < 0) return Value::flt(float_pow(double(x), double(y)));
                if (checked_pow(x, y, r)) return Value::integer(r);
                break;
            case BinOp::LShift:
                if (y < 0) vm.value_error("negative shift count");
                if (checked_shl(x, y, r)) return Value::integer(r);
                break;
            case BinOp::RShift:
                if (y < 0) vm.value_error("negative shift count");
                return Value::integer(y >= 64 ? (x < 0 ? -1 : 0) : (x >> y));
            case BinOp::And:
                if (a.tag == Tag::Bool && b.tag == Tag::Bool) return Value::boolean(a.b && b.b);
                return Value::integer(x & y);
            case BinOp::Or:
                if (a.tag == Tag::Bool && b.tag == Tag::Bool) return Value::boolean(a.b || b.b);
                return Value::integer(x | y);
            case BinOp::Xor:
                if (a.tag == Tag::Bool && b.tag == Tag::Bool) return Value::boolean(a.b != b.b);
                return Value::integer(x ^ y);
            default: return Value::undef();
            }
        }
        BigInt p = to_bigint(vm, a), q = to_bigint(vm, b);
        switch (op) {
        case BinOp::Add: return make_int(vm, p + q);
        case BinOp::Sub: return make_int(vm, p - q);
        case BinOp::Mul:
            if (p.bit_length() + q.bit_length() > 64 * 1024 * 1024) vm.raise(vm.t.MemoryError, "");
            return make_int(vm, p * q);
        case BinOp::TrueDiv:
            if (q.is_zero()) vm.raise(vm.t.ZeroDivisionError, "division by zero");
            return Value::flt(BigInt::truediv(p, q));
        case BinOp::FloorDiv:
            if (q.is_zero()) vm.raise(vm.t.ZeroDivisionError, "integer division or modulo by zero");
            return make_int(vm, BigInt::floordiv(p, q));
        case BinOp::Mod:
            if (q.is_zero()) vm.raise(vm.t.ZeroDivisionError, "integer modulo by zero");
            return make_int(vm, BigInt::mod(p, q));
        case BinOp::Pow:
            if (q.is_negative()) return Value::flt(float_pow(p.to_double(), q.to_double()));
            if (double(p.bit_length()) * q.to_double() > 64.0 * 1024 * 1024 * 8)
                vm.raise(vm.t.MemoryError, "");
            return make_int(vm, BigInt::pow(p, q));
        case BinOp::LShift:
            if (q.is_negative()) vm.value_error("negative shift count");
            if (q.bit_length() > 40) vm.raise(vm.t.OverflowError, "too many digits in integer");
            return make_int(vm, p.shl(q.to_int64()));
        case BinOp::RShift:
            if (q.is_negative()) vm.value_error("negative shift count");
            return make_int(vm, BigInt::shr(p, q));
        case BinOp::And: return make_int(vm, p & q);
        case BinOp::Or: return make_int(vm, p | q);
        case BinOp::Xor: return make_int(vm, p ^ q);
        default: return Value::undef();
        }
    } catch (NumError& e) {
        num_error(vm, e);
    }
}

static Value float_binop(VM& vm, BinOp op, double x, double y) {
    try {
        switch (op) {
        case BinOp::Add: return Value::flt(x + y);
        case BinOp::Sub: return Value::flt(x - y);
        case BinOp::Mul: return Value::flt(x * y);
        case BinOp::TrueDiv: return Value::flt(float_truediv(x, y));
        case BinOp::FloorDiv: return Value::flt(float_floordiv(x, y));
        case BinOp::Mod: return Value::flt(float_mod(x, y));
        case BinOp::Pow: {
            bool cplx = false;
            double r = float_pow(x, y, &cplx);
            if (cplx) vm.raise(vm.t.ValueError, "complex results are not supported");
            return Value::flt(r);
        }
        default: return Value::undef();
        }
    } catch (NumError& e) {
        num_error(vm, e);
    }
}

static Value seq_repeat(VM& vm, const Value& seq, int64_t n) {
    if (n < 0) n = 0;
    Type* ty = seq.o->type;
    if (ty == vm.t.str) {
        const std::string& s = seq.as<Str>()->s;
        if (n && s.size() > size_t(vm.mem_budget) / size_t(n)) vm.raise(vm.t.MemoryError, "");
        std::string out;
        out.reserve(s.size() * n);
        for (int64_t i = 0; i < n; ++i) out += s;
        return vm.str(std::move(out));
    }
    bool is_list = ty->layout == Layout::List; // list, or a class derived from it
    const auto& items = is_list ? seq.as<List>()->items : seq.as<Tuple>()->items;
    if (n && items.size() * 16 > size_t(vm.mem_budget) / size_t(n)) vm.raise(vm.t.MemoryError, "");
    std::vector<Value> out;
    out.reserve(items.size() * n);
    for (int64_t i = 0; i < n; ++i) out.insert(out.end(), items.begin(), items.end());
    return is_list ? vm.new_list(std::move(out)) : vm.new_tuple(std::move(out));
}

std::string percent_format_value(VM& vm, const std::string& fmt, const Value& args);

static Value builtin_binop(VM& vm, BinOp op, const Value& a, const Value& b) {
    bool ai = is_int(vm, a), bi = is_int(vm, b);
    if (ai && bi) return int_binop(vm, op, a, b);
    if ((ai || a.tag == Tag::Float) && (bi || b.tag == Tag::Float)) {
        if (op >= BinOp::MatMul) return Value::undef();
        return float_binop(vm, op, vm.to_double(a), vm.to_double(b));
    }
    if (a.is_obj()) {
        Type* ta = a.o->type;
        if (ta == vm.t.str) {
            if (op == BinOp::Add && b.is_obj() && b.o->type == vm.t.str)
                return vm.str_concat(a.as<Str>(), b.as<Str>());
            if (op == BinOp::Mul && is_int(vm, b)) return seq_repeat(vm, a, vm.to_index(b));
            if (op == BinOp::Mod) return vm.str(percent_format_value(vm, a.as<Str>()->s, b));
        }
        if (vm.listlike(ta, binop_name(vm, op, 0))) {
            if (op == BinOp::Add && b.is_obj() && vm.listlike(b.o->type, vm.n.__radd__)) {
                std::vector<Value> v = a.as<List>()->items;
                v.insert(v.end(), b.as<List>()->items.begin(), b.as<List>()->items.end());
                return vm.new_list(std::move(v));
            }
            if (op == BinOp::Mul && is_int(vm, b)) return seq_repeat(vm, a, vm.to_index(b));
        }
        if (ta == vm.t.tuple) {
            if (op == BinOp::Add && b.is_obj() && b.o->type == vm.t.tuple) {
                std::vector<Value> v = a.as<Tuple>()->items;
                v.insert(v.end(), b.as<Tuple>()->items.begin(), b.as<Tuple>()->items.end());
                return vm.new_tuple(std::move(v));
            }
            if (op == BinOp::Mul && is_int(vm, b)) return seq_repeat(vm, a, vm.to_index(b));
        }
        if ((ta == vm.t.set || ta == vm.t.frozenset) && b.is_obj() &&
            (b.o->type == vm.t.set || b.o->type == vm.t.frozenset)) {
            Set* x = a.as<Set>();
            Set* y = b.as<Set>();
            bool frozen = ta == vm.t.frozenset;
            switch (op) {
            case BinOp::Or: {
                Value r = vm.new_set(frozen);
                set_merge(vm, r.as<Set>(), x);
                set_merge(vm, r.as<Set>(), y);
                return r;
            }
            case BinOp::And: {
                Value r = vm.new_set(frozen);
                Set* big = x;
                Set* small = y;
                if (small->used > big->used) std::swap(big, small);
                std::vector<SetEntry> src = small->table;
                for (auto& e : src)
                    if (e.state == 1 && set_contains(vm, big, e.key))
                        set_add(vm, r.as<Set>(), e.key);
                return r;
            }
            case BinOp::Sub: {
                Value r = vm.new_set(frozen);
                if ((x->used >> 2) > y->used) {
                    set_merge(vm, r.as<Set>(), x);
                    set_each(y, [&](const Value& k) { set_discard(vm, r.as<Set>(), k); });
                    return r;
                }
                set_each(x, [&](const Value& k) {
                    if (!set_contains(vm, y, k)) set_add(vm, r.as<Set>(), k);
                });
                return r;
            }
            case BinOp::Xor: {
                Value r = vm.new_set(frozen);
                set_merge(vm, r.as<Set>(), y);
                std::vector<SetEntry> src = x->table;
                for (auto& e : src) {
                    if (e.state != 1) continue;
                    if (!set_discard(vm, r.as<Set>(), e.key)) set_add(vm, r.as<Set>(), e.key);
                }
                return r;
            }
            default: break;
            }
        }
        // dict | dict, classes derived from dict included (a plain dict, as CPython's dict_or)
        auto plain_dict = [&](Type* x, Str* dunder) {
            return x == vm.t.dict ||
                   (x->is_subtype(vm.t.dict) && !x->builtin && !x->lookup(dunder));
        };
        if (op == BinOp::Or && plain_dict(ta, binop_name(vm, op, 0)) && b.is_obj() &&
            plain_dict(b.o->type, binop_name(vm, op, 1))) {
            Value r = dict_copy(vm, a.as<Dict>());
            dict_each(b.as<Dict>(),
                      [&](const Value& k, const Value& v) { dict_set(vm, r.as<Dict>(), k, v); });
            return r;
        }
    }
    if (b.is_obj() && op == BinOp::Mul && is_int(vm, a)) {
        Type* tb = b.o->type;
        if (tb == vm.t.str || vm.listlike(tb, binop_name(vm, op, 1)) || tb == vm.t.tuple)
            return seq_repeat(vm, b, vm.to_index(a));
    }
    return Value::undef();
}

// Both operands are numbers, None or types with a binop_hook: the hooks stand for the
// types' __op__/__rop__ methods, tried in CPython's order (a proper subtype's reflected method
// first). Undef when neither handles the operands (the caller raises the TypeError).
static Value hooked_binop(VM& vm, BinOp op, const Value& a, const Value& b, Type* ta, Type* tb) {
    bool reflect_first = tb != ta && tb->binop_hook && tb->is_subtype(ta);
    Value r;
    if (reflect_first) {
        r = tb->binop_hook(vm, op, b, a, true);
        if (!r.same(vm.NotImplemented)) return r;
    }
    if (ta->binop_hook) {
        r = ta->binop_hook(vm, op, a, b, false);
        if (!r.same(vm.NotImplemented)) return r;
    } else {
        r = builtin_binop(vm, op, a, b);
        if (!r.is_undef()) return r;
    }
    if (!reflect_first && ta != tb && tb->binop_hook) {
        r = tb->binop_hook(vm, op, b, a, true);
        if (!r.same(vm.NotImplemented)) return r;
    }
    return Value::undef();
}

Value VM::binop(BinOp op, const Value& a, const Value& b) {
    Type* ta = type_of(a);
    Type* tb = type_of(b);
    // (the hooked fast path only beside numbers and None; containers and str keep the general
    // path below with its messages)
    auto plain = [&](Type* t) {
        return t == this->t.int_ || t == this->t.float_ || t == this->t.bool_ || t == this->t.none;
    };
    if ((ta->binop_hook || tb->binop_hook) && (ta->binop_hook || plain(ta)) &&
        (tb->binop_hook || plain(tb))) {
        Value r = hooked_binop(*this, op, a, b, ta, tb);
        if (!r.is_undef()) return r;
    } else {
        bool a_user =
            !core_type(*this, ta) && (!ta->builtin || ta->attrs.count(binop_name(*this, op, 0)) ||
                                      ta->attrs.count(binop_name(*this, op, 1)));
        bool b_user =
            !core_type(*this, tb) && (!tb->builtin || tb->attrs.count(binop_name(*this, op, 0)) ||
                                      tb->attrs.count(binop_name(*this, op, 1)));
        if (!a_user && !b_user) {
            Value r = builtin_binop(*this, op, a, b);
            if (!r.is_undef()) return r;
        } else {
            Value r;
            // a subclass's reflected method goes first
            bool reflect_first =
                tb != ta && tb->is_subtype(ta) && tb->lookup(binop_name(*this, op, 1));
            if (reflect_first && call_dunder(b, binop_name(*this, op, 1), &a, 1, r) &&
                !r.same(NotImplemented))
                return r;
            if (ta->lookup(binop_name(*this, op, 0)) &&
                call_dunder(a, binop_name(*this, op, 0), &b, 1, r) && !r.same(NotImplemented))
                return r;
            if (!a_user || !ta->lookup(binop_name(*this, op, 0))) {
                Value r2 = builtin_binop(*this, op, a, b);
                if (!r2.is_undef()) return r2;
            }
            if (!reflect_first && ta != tb && tb->lookup(binop_name(*this, op, 1)) &&
                call_dunder(b, binop_name(*this, op, 1), &a, 1, r) && !r.same(NotImplemented))
                return r;
        }
    }
    // neither operand handled it: the TypeError, in CPython's words
    if (op == BinOp::Add && ta == t.str && tb != t.str)
        type_error("can only concatenate str (not \"" + tb->display() + "\") to str");
    if (op == BinOp::Add && ta->layout == Layout::List && ta->is_subtype(t.list) &&
        !tb->is_subtype(t.list))
        type_error("can only concatenate list (not \"" + tb->display() + "\") to list");
    if (op == BinOp::Add && ta == t.tuple && tb != t.tuple)
        type_error("can only concatenate tuple (not \"" + tb->display() + "\") to tuple");
    if (op == BinOp::Mul && (ta == t.str || ta == t.list || ta == t.tuple) && tb == t.float_)
        type_error("can't multiply sequence by non-int of type 'float'");
    if (op == BinOp::Mul && (tb == t.str || tb == t.list || tb == t.tuple) && ta == t.float_)
        type_error("can't multiply sequence by non-int of type 'float'");
    if (op == BinOp::Mul && (ta == t.str || ta == t.list || ta == t.tuple))
        type_error("can't multiply sequence by non-int of type '" + tb->display() + "'");
    type_error(std::string("unsupported operand type(s) for ") + binop_sym(op) + ": '" +
               ta->display() + "' and '" + tb->display() + "'");
}

Value VM::inplace(BinOp op, const Value& a, const Value& b) {
    if (a.is_obj()) {
        Type* ta = a.o->type;
        if (op == BinOp::Add && listlike(ta, n.__iadd__)) {
            List* l = a.as<List>();
            if (b.is_obj() && b.o == a.o) {
                auto copy = l->items;
                l->items.insert(l->items.end(), copy.begin(), copy.end());
            } else
                iterate(b, [&](const Value& x) { l->items.push_back(x); });
            return a;
        }
        if (ta == t.set && b.is_obj() && (b.o->type == t.set || b.o->type == t.frozenset)) {
            Set* s = a.as<Set>();
            Set* o = b.as<Set>();
            if (op == BinOp::Or) {
                set_each(o, [&](const Value& k) { set_add(*this, s, k); });
                return a;
            }
        }
        if (ta == t.dict && op == BinOp::Or) {
            Dict* d = a.as<Dict>();
            Value src = b;
            if (b.is_obj() && b.o->type == t.dict)
                dict_each(b.as<Dict>(),
                          [&](const Value& k, const Value& v) { dict_set(*this, d, k, v); });
            else
                type_error("unsupported operand type(s) for |=: 'dict' and '" + type_name(b) + "'");
            return a;
        }
        if (!core_type(*this, ta) && (!ta->builtin || ta->attrs.count(binop_name(*this, op, 2)))) {
            Value r;
            if (ta->lookup(binop_name(*this, op, 2)) &&
                call_dunder(a, binop_name(*this, op, 2), &b, 1, r) && !r.same(NotImplemented))
                return r;
        }
    }
    try {
        return binop(op, a, b);
    } catch (PyExc& e) {
        // rewrite "for +:" into "for +=:" as CPython does
        ExcObj* eo = static_cast<ExcObj*>(e.exc.o);
        if (eo->type == t.TypeError) {
            std::string m = exc_message(*this, e.exc);
            std::string sym = std::string("for ") + binop_sym(op) + ":";
            size_t p = m.find(sym);
            if (p != std::string::npos && op != BinOp::Pow) {
                m.replace(p, sym.size(), std::string("for ") + binop_sym(op) + "=:");
                type_error(m);
            }
            if (p != std::string::npos) {
                m.replace(p, sym.size(), "for **=:");
                type_error(m);
            }
        }
        throw;
    }
}

Value VM::unary_neg(const Value& a) {
    if (a.tag == Tag::Int) {
        if (a.i == INT64_MIN) return make_int(*this, -BigInt(a.i));
        return Value::integer(-a.i);
    }
    if (a.tag == Tag::Bool) return Value::integer(-int64_t(a.b));
    if (a.tag == Tag::Float) return Value::flt(-a.f);
    if (a.is_obj() && a.o->type == t.int_) return make_int(*this, -a.as<BigIntObj>()->v);
    Value r;
    if (call_dunder(a, n.__neg__, nullptr, 0, r)) return r;
    type_error("bad operand type for unary -: '" + type_name(a) + "'");
}
Value VM::unary_pos(const Value& a) {
    if (a.tag == Tag::Int || a.tag == Tag::Float) return a;
    if (a.tag == Tag::Bool) return Value::integer(a.b);
    if (a.is_obj() && a.o->type == t.int_) return a;
    Value r;
    if (call_dunder(a, n.__pos__, nullptr, 0, r)) return r;
    type_error("bad operand type for unary +: '" + type_name(a) + "'");
}
Value VM::unary_invert(const Value& a) {
    if (a.tag == Tag::Int) return Value::integer(~a.i);
    if (a.tag == Tag::Bool) return Value::integer(~int64_t(a.b));
    if (a.is_obj() && a.o->type == t.int_) return make_int(*this, ~a.as<BigIntObj>()->v);
    Value r;
    if (call_dunder(a, n.__invert__, nullptr, 0, r)) return r;
    type_error("bad operand type for unary ~: '" + type_name(a) + "'");
}

// ------------------------------------------------------------------------------ format()
LMPY_SIZE_FN std::string VM::format(const Value& v, std::string_view spec) {
    try {
        if (v.tag == Tag::Float) return format_float(v.f, spec);
        if (v.tag == Tag::Int) return format_int(v.i, spec);
        if (v.tag == Tag::Bool) {
            if (spec.empty()) return v.b ? "True" : "False";
            return format_int(int64_t(v.b), spec);
        }
        if (v.is_obj()) {
            Type* ty = v.o->type;
            if (ty == t.str) return format_str(v.as<Str>()->s, spec);
            if (ty == t.int_) return format_int(v.as<BigIntObj>()->v, spec);
            Value* fm = ty->lookup(n.__format__);
            if (fm) {
                Value r;
                Value sv = str(std::string(spec));
                call_dunder(v, n.__format__, &sv, 1, r);
                return to_str(r);
            }
        }
        if (spec.empty()) return to_str(v);
        return format_str(to_str(v), spec);
    } catch (NumError& e) {
        if (e.message.rfind("Unknown format code", 0) == 0 || e.type == "ValueError") {
            if (v.is_obj() && !(v.o->type == t.str || v.o->type == t.int_) &&
                e.message.find("object of type 'str'") != std::string::npos)
                type_error("unsupported format string passed to " + type_name(v) + ".__format__");
        }
        raise(exc_type_by_name(*this, e.type), e.message);
    }
}

} // namespace lmpy
