// VM construction (the builtin types and interned names) and the builtin functions.
#include "py/numfmt.h"
#include "py/frame.h"
#include "py/runtime.h"
#include "py/seqiter.h"
#include "size_fn.h"
#include <algorithm>
#include <chrono>
#include <cmath>

namespace lmpy {

Value make_seq_iter(VM& vm, const Value& v, int kind);
Type* make_generator_type(VM& vm);
void add_exec_builtins(VM& vm);     // builtins_exec.cpp
void add_generator_methods(VM& vm); // call.cpp

#define NATIVE(name) static Value name(VM& vm, Args& a)

static const Value* kwarg(VM& vm, Args& a, const char* name) { return a.kw(vm, name); }

// Compiled for speed (CMakeLists' LMPY_WASM_HOT) for the builtins that loops call: len, abs,
// iter/next, isinstance, any/all, min/max, sum, sorted, enumerate, zip, map, filter and their
// iterators. The rest is marked LMPY_SIZE_BEGIN/END (optimised for size).

// ------------------------------------------------------------------------------ lazy iterators
// One class per lambda, not a std::function: its wrapper costs ~7 functions of wasm per lambda
// (clone, destroy, call...) and an indirect call per step.
template <class F> struct FnIter : Iter {
    F fn;
    FnIter(Type* t, F f) : Iter(t), fn(std::move(f)) {}
    bool next(VM& vm, Value& out) override { return fn(vm, out); }
};
template <class F> static Value fn_iter(Type* t, F f) {
    return Value(new FnIter<F>(t, std::move(f)));
}

LMPY_SIZE_BEGIN
// ------------------------------------------------------------------------------ print & co
NATIVE(b_print) {
    std::string sep = " ", end = "\n";
    if (auto* s = a.kw(vm.n.sep); s && !s->is_none()) {
        if (!s->is_obj() || s->o->type != vm.t.str)
            vm.type_error("sep must be None or a string, not " + vm.type_name(*s));
        sep = s->as<Str>()->s;
    }
    if (auto* e = a.kw(vm.n.end); e && !e->is_none()) {
        if (!e->is_obj() || e->o->type != vm.t.str)
            vm.type_error("end must be None or a string, not " + vm.type_name(*e));
        end = e->as<Str>()->s;
    }
    for (int k = 0; k < a.nkw; ++k)
        if (a.kwn[k] != vm.n.sep && a.kwn[k] != vm.n.end && a.kwn[k] != vm.n.file &&
            a.kwn[k] != vm.n.flush)
            vm.type_error("'" + a.kwn[k]->s + "' is an invalid keyword argument for print()");
    std::string out;
    for (int i = 0; i < a.n; ++i) {
        if (i) out += sep;
        out += vm.to_str(a[i]);
    }
    out += end;
    const Value* file = a.kw(vm.n.file);
    if (file && !file->is_none()) {
        vm.call_method(*file, vm.intern("write"), {vm.str(out)});
        return Value();
    }
    vm.write(out);
    return Value();
}

LMPY_SIZE_END
NATIVE(b_len) {
    check_nargs(vm, "len", a, 1, 1);
    return Value::integer(vm.len(a[0]));
}
LMPY_SIZE_BEGIN
NATIVE(b_repr) {
    check_nargs(vm, "repr", a, 1, 1);
    return vm.str(vm.repr(a[0]));
}
NATIVE(b_hash) {
    check_nargs(vm, "hash", a, 1, 1);
    return Value::integer(vm.hash(a[0]));
}
NATIVE(b_id) {
    check_nargs(vm, "id", a, 1, 1);
    if (a[0].is_obj()) return Value::integer(int64_t(uintptr_t(a[0].o)));
    return Value::integer(int64_t(a[0].i) * 2 + int(a[0].tag));
}
LMPY_SIZE_END
NATIVE(b_abs) {
    check_nargs(vm, "abs", a, 1, 1);
    const Value& v = a[0];
    if (v.tag == Tag::Int)
        return v.i == INT64_MIN ? make_int(vm, BigInt(v.i).abs())
                                : Value::integer(v.i < 0 ? -v.i : v.i);
    if (v.tag == Tag::Bool) return Value::integer(v.b);
    if (v.tag == Tag::Float) return Value::flt(std::fabs(v.f));
    if (v.is_obj() && v.o->type == vm.t.int_) return make_int(vm, v.as<BigIntObj>()->v.abs());
    Value r;
    if (vm.call_dunder(v, vm.n.__abs__, nullptr, 0, r)) return r;
    vm.type_error("bad operand type for abs(): '" + vm.type_name(v) + "'");
}
NATIVE(b_iter) {
    check_nargs(vm, "iter", a, 1, 1);
    return vm.iter(a[0]);
}
NATIVE(b_next) {
    check_nargs(vm, "next", a, 1, 2);
    Value out;
    if (!a[0].is_obj() || (!(a[0].o)->as_iter() && !vm.type_of(a[0])->lookup(vm.n.__next__)))
        vm.type_error("'" + vm.type_name(a[0]) + "' object is not an iterator");
    // a generator's return value goes with its StopIteration
    if (a[0].o->type == vm.t.generator ? static_cast<Generator*>(a[0].o)->step(vm, Value(), out)
                                       : vm.next(a[0], out))
        return out;
    if (a.n == 2) return a[1];
    raise_stop_iteration(vm, out);
}
LMPY_SIZE_BEGIN
NATIVE(b_callable) {
    check_nargs(vm, "callable", a, 1, 1);
    const Value& v = a[0];
    if (!v.is_obj()) return Value::boolean(false);
    Type* t = v.o->type;
    return Value::boolean(t == vm.t.function || t == vm.t.native || t == vm.t.bound ||
                          t == vm.t.type || t->lookup(vm.n.__call__));
}
LMPY_SIZE_END
NATIVE(b_isinstance) {
    check_nargs(vm, "isinstance", a, 2, 2);
    Type* t = vm.type_of(a[0]);
    auto check = [&](const Value& c) -> bool {
        if (!c.is_obj() || !(c.o->type == vm.t.type))
            vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union");
        Type* ct = c.as<Type>();
        if (ct == vm.t.int_ && a[0].tag == Tag::Bool) return true;
        return t->is_subtype(ct) || ct == vm.t.object;
    };
    if (a[1].is_obj() && a[1].o->type == vm.t.tuple) {
        for (auto& c : a[1].as<Tuple>()->items)
            if (check(c)) return Value::boolean(true);
        return Value::boolean(false);
    }
    return Value::boolean(check(a[1]));
}
LMPY_SIZE_BEGIN
NATIVE(b_issubclass) {
    check_nargs(vm, "issubclass", a, 2, 2);
    if (!a[0].is_obj() || a[0].o->type != vm.t.type)
        vm.type_error("issubclass() arg 1 must be a class");
    Type* t = a[0].as<Type>();
    auto check = [&](const Value& c) -> bool {
        if (!c.is_obj() || c.o->type != vm.t.type)
            vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return t->is_subtype(c.as<Type>()) || c.as<Type>() == vm.t.object ||
               (t == vm.t.bool_ && c.as<Type>() == vm.t.int_);
    };
    if (a[1].is_obj() && a[1].o->type == vm.t.tuple) {
        for (auto& c : a[1].as<Tuple>()->items)
            if (check(c)) return Value::boolean(true);
        return Value::boolean(false);
    }
    return Value::boolean(check(a[1]));
}
NATIVE(b_getattr) {
    check_nargs(vm, "getattr", a, 2, 3);
    if (!a[1].is_obj() || a[1].o->type != vm.t.str)
        vm.type_error("attribute name must be string, not '" + vm.type_name(a[1]) + "'");
    Str* name = vm.intern(a[1].as<Str>()->s);
    if (a.n == 3) {
        Value out;
        try {
            if (vm.getattr_opt(a[0], name, out)) return out;
        } catch (PyExc& e) {
            if (!vm.type_of(e.exc)->is_subtype(vm.t.AttributeError)) throw;
        }
        return a[2];
    }
    return vm.getattr(a[0], name);
}
NATIVE(b_setattr) {
    check_nargs(vm, "setattr", a, 3, 3);
    vm.setattr(a[0], vm.intern(a[1].as<Str>()->s), a[2]);
    return Value();
}
NATIVE(b_delattr) {
    check_nargs(vm, "delattr", a, 2, 2);
    vm.delattr(a[0], vm.intern(a[1].as<Str>()->s));
    return Value();
}
NATIVE(b_hasattr) {
    check_nargs(vm, "hasattr", a, 2, 2);
    if (!a[1].is_obj() || a[1].o->type != vm.t.str)
        vm.type_error("attribute name must be string, not '" + vm.type_name(a[1]) + "'");
    Value out;
    try {
        return Value::boolean(vm.getattr_opt(a[0], vm.intern(a[1].as<Str>()->s), out));
    } catch (PyExc& e) {
        if (vm.type_of(e.exc)->is_subtype(vm.t.AttributeError)) return Value::boolean(false);
        throw;
    }
}
LMPY_SIZE_END
NATIVE(b_any) {
    check_nargs(vm, "any", a, 1, 1);
    Value it = vm.iter(a[0]), v;
    while (vm.next(it, v))
        if (vm.truthy(v)) return Value::boolean(true);
    return Value::boolean(false);
}
NATIVE(b_all) {
    check_nargs(vm, "all", a, 1, 1);
    Value it = vm.iter(a[0]), v;
    while (vm.next(it, v))
        if (!vm.truthy(v)) return Value::boolean(false);
    return Value::boolean(true);
}
LMPY_SIZE_BEGIN
NATIVE(b_chr) {
    check_nargs(vm, "chr", a, 1, 1);
    int64_t c = vm.to_index(a[0]);
    if (c < 0 || c > 0x10FFFF) vm.value_error("chr() arg not in range(0x110000)");
    std::string s;
    utf8_append(s, char32_t(c));
    return vm.str(s);
}
NATIVE(b_ord) {
    check_nargs(vm, "ord", a, 1, 1);
    if (!a[0].is_obj() || a[0].o->type != vm.t.str)
        vm.type_error("ord() expected string of length 1, but " + vm.type_name(a[0]) + " found");
    Str* s = a[0].as<Str>();
    if (s->len != 1)
        vm.type_error("ord() expected a character, but string of length " + std::to_string(s->len) +
                      " found");
    return Value::integer(to_u32(s->s)[0]);
}
static Value base_conv(VM& vm, Args& a, int base, const char* prefix, const char* fname) {
    check_nargs(vm, fname, a, 1, 1);
    if (!is_int(vm, a[0])) {
        Value r;
        if (vm.type_of(a[0])->lookup(vm.n.__index__)) {
            vm.call_dunder(a[0], vm.n.__index__, nullptr, 0, r);
            Args b = a;
            b.pos = &r;
            return base_conv(vm, b, base, prefix, fname);
        }
        vm.type_error("'" + vm.type_name(a[0]) + "' object cannot be interpreted as an integer");
    }
    BigInt v = to_bigint(vm, a[0]);
    std::string s = v.abs().to_string_base(base);
    return vm.str((v.is_negative() ? "-" : "") + std::string(prefix) + s);
}
NATIVE(b_hex) { return base_conv(vm, a, 16, "0x", "hex"); }
NATIVE(b_oct) { return base_conv(vm, a, 8, "0o", "oct"); }
NATIVE(b_bin) { return base_conv(vm, a, 2, "0b", "bin"); }
NATIVE(b_format) {
    check_nargs(vm, "format", a, 1, 2);
    std::string spec = a.n == 2 ? a[1].as<Str>()->s : "";
    return vm.str(vm.format(a[0], spec));
}
NATIVE(b_divmod) {
    check_nargs(vm, "divmod", a, 2, 2);
    return vm.new_tuple({vm.binop(BinOp::FloorDiv, a[0], a[1]), vm.binop(BinOp::Mod, a[0], a[1])});
}
NATIVE(b_pow) {
    check_nargs(vm, "pow", a, 2, 3);
    if (a.n == 3 && !a[2].is_none()) {
        if (!is_int(vm, a[0]) || !is_int(vm, a[1]) || !is_int(vm, a[2]))
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers");
        BigInt m = to_bigint(vm, a[2]);
        if (m.is_zero()) vm.value_error("pow() 3rd argument cannot be 0");
        try {
            return make_int(vm, BigInt::pow_mod(to_bigint(vm, a[0]), to_bigint(vm, a[1]), m));
        } catch (NumError& e) {
            vm.raise(exc_type_by_name(vm, e.type), e.message);
        }
    }
    return vm.binop(BinOp::Pow, a[0], a[1]);
}
NATIVE(b_round) {
    check_nargs(vm, "round", a, 1, 2);
    const Value& x = a[0];
    const Value* nd = a.n == 2 ? &a[1] : kwarg(vm, a, "ndigits");
    bool has_nd = nd && !nd->is_none();
    try {
        if (x.tag == Tag::Float) {
            if (!has_nd) {
                if (std::isnan(x.f)) vm.value_error("cannot convert float NaN to integer");
                if (std::isinf(x.f))
                    vm.raise(vm.t.OverflowError, "cannot convert float infinity to integer");
                return make_int(vm, round_to_int(x.f));
            }
            return Value::flt(round_double(x.f, vm.to_index(*nd)));
        }
        if (is_int(vm, x)) {
            if (!has_nd) return x.tag == Tag::Bool ? Value::integer(x.b) : x;
            int64_t n = vm.to_index(*nd);
            if (n >= 0) return x.tag == Tag::Bool ? Value::integer(x.b) : x;
            // round to 10**-n, half to even
            BigInt p = BigInt::pow(BigInt(10), BigInt(-n));
            BigInt v = to_bigint(vm, x);
            BigInt q, r;
            BigInt::divmod(v, p, q, r);
            BigInt twice = r + r;
            int c = BigInt::cmp(twice, p);
            if (c > 0 || (c == 0 && q.is_odd())) q = q + BigInt(1);
            return make_int(vm, q * p);
        }
    } catch (NumError& e) {
        vm.raise(exc_type_by_name(vm, e.type), e.message);
    }
    Value r;
    if (vm.type_of(x)->lookup(vm.n.__round__)) {
        if (has_nd)
            vm.call_dunder(x, vm.n.__round__, nd, 1, r);
        else
            vm.call_dunder(x, vm.n.__round__, nullptr, 0, r);
        return r;
    }
    vm.type_error("type " + vm.type_name(x) + " doesn't define __round__ method");
}

LMPY_SIZE_END
static Value minmax(VM& vm, Args& a, bool is_max) {
    const char* fname = is_max ? "max" : "min";
    const Value* key = a.kw(vm.n.key);
    const Value* def = a.kw(vm, "default");
    for (int k = 0; k < a.nkw; ++k)
        if (a.kwn[k] != vm.n.key && a.kwn[k]->s != "default")
            vm.type_error("'" + a.kwn[k]->s + "' is an invalid keyword argument for " + fname +
                          "()");
    std::vector<Value> items;
    if (a.n == 0) vm.type_error(std::string(fname) + " expected at least 1 argument, got 0");
    if (a.n == 1)
        items = vm.to_vector(a[0]);
    else {
        if (def)
            vm.type_error(std::string("Cannot specify a default for ") + fname +
                          "() with multiple positional arguments");
        items.assign(a.pos, a.pos + a.n);
    }
    if (items.empty()) {
        if (def) return *def;
        vm.value_error(std::string(fname) + "() arg is an empty sequence");
    }
    bool has_key = key && !key->is_none();
    Value best = items[0];
    Value best_k = has_key ? vm.call(*key, {best}) : best;
    for (size_t i = 1; i < items.size(); ++i) {
        Value k = has_key ? vm.call(*key, {items[i]}) : items[i];
        bool better = is_max ? vm.truthy(vm.compare(CmpOp::Gt, k, best_k))
                             : vm.truthy(vm.compare(CmpOp::Lt, k, best_k));
        if (better) {
            best = items[i];
            best_k = k;
        }
    }
    return best;
}
NATIVE(b_max) { return minmax(vm, a, true); }
NATIVE(b_min) { return minmax(vm, a, false); }

NATIVE(b_sum) {
    if (a.n < 1 || a.n > 2)
        vm.type_error("sum() takes at most 2 arguments (" + std::to_string(a.n) + " given)");
    Value acc = a.n == 2 ? a[1] : Value::integer(0);
    if (const Value* s = a.kw(vm.n.start)) acc = *s;
    if (acc.is_obj() && acc.o->type == vm.t.str)
        vm.type_error("sum() can't sum strings [use ''.join(seq) instead]");
    // float sums use Neumaier-free plain addition like CPython's fast path? CPython uses plain
    // double addition for floats (with an int fast path); match it.
    // (inlined into each of iterate's loops: a call per item, with acc in memory, was 5 % of
    // sum over a generator in wasm)
    vm.iterate(
        a[0], [&](const Value& v) __attribute__((always_inline)) {
            if (acc.tag == Tag::Int && v.tag == Tag::Int) {
                int64_t r;
                if (!__builtin_add_overflow(acc.i, v.i, &r)) {
                    acc.i = r;
                    return;
                }
            }
            if (acc.tag == Tag::Float && v.tag == Tag::Float) {
                acc.f += v.f;
                return;
            }
            acc = vm.binop(BinOp::Add, acc, v);
        });
    return acc;
}

// sorted / list.sort: stable merge sort calling __lt__ only (as CPython does)
void sort_values(VM& vm, std::vector<Value>& items, const Value* key, bool reverse) {
    size_t n = items.size();
    std::vector<Value> keys;
    bool has_key = key && !key->is_none();
    if (has_key) {
        keys.reserve(n);
        for (auto& v : items) keys.push_back(vm.call(*key, {v}));
    }
    const std::vector<Value>& k = has_key ? keys : items;
    std::vector<size_t> idx(n);
    for (size_t i = 0; i < n; ++i) idx[i] = i;
    auto lt = [&](size_t x, size_t y) -> bool {
        const Value& a = k[x];
        const Value& b = k[y];
        if (a.tag == Tag::Int && b.tag == Tag::Int) return a.i < b.i;
        if (a.tag == Tag::Float && b.tag == Tag::Float) return a.f < b.f;
        if (a.is_obj() && b.is_obj() && a.o->type == vm.t.str && b.o->type == vm.t.str)
            return a.as<Str>()->s < b.as<Str>()->s;
        return vm.less(a, b);
    };
    // reverse=True keeps equal items in their order too (CPython reverses, sorts stably and
    // reverses back): a stable sort by the swapped comparison. One instantiation for both
    // directions (each std::stable_sort is about 4 KB of wasm).
    std::stable_sort(idx.begin(), idx.end(),
                     [&](size_t x, size_t y) { return reverse ? lt(y, x) : lt(x, y); });
    std::vector<Value> out;
    out.reserve(n);
    for (size_t i : idx) out.push_back(items[i]);
    items = std::move(out);
}

NATIVE(b_sorted) {
    if (a.n != 1) vm.type_error("sorted expected 1 argument, got " + std::to_string(a.n));
    std::vector<Value> items = vm.to_vector(a[0]);
    const Value* rev = a.kw(vm.n.reverse);
    for (int k = 0; k < a.nkw; ++k)
        if (a.kwn[k] != vm.n.key && a.kwn[k] != vm.n.reverse)
            vm.type_error("'" + a.kwn[k]->s + "' is an invalid keyword argument for sort()");
    sort_values(vm, items, a.kw(vm.n.key), rev && vm.truthy(*rev));
    return vm.new_list(std::move(items));
}
LMPY_SIZE_BEGIN
NATIVE(b_reversed) {
    check_nargs(vm, "reversed", a, 1, 1);
    Value seq = a[0];
    if (seq.is_obj() &&
        (vm.listlike(seq.o->type, vm.intern("__reversed__")) || seq.o->type == vm.t.tuple ||
         seq.o->type == vm.t.str || seq.o->type == vm.t.range)) {
        int64_t n = vm.len(seq);
        auto i = std::make_shared<int64_t>(n);
        return fn_iter(vm.t.reversed_iter, [seq, i](VM& vm, Value& out) {
            if (*i <= 0) return false;
            if (seq.o->type->layout == Layout::List && *i > int64_t(seq.as<List>()->items.size()))
                return false;
            --*i;
            out = vm.getitem(seq, Value::integer(*i));
            return true;
        });
    }
    if (seq.is_obj() && seq.o->type->is_subtype(vm.t.dict)) {
        std::vector<Value> keys;
        dict_each(seq.as<Dict>(), [&](const Value& k, const Value&) { keys.push_back(k); });
        std::reverse(keys.begin(), keys.end());
        return vm.iter(vm.new_list(std::move(keys)));
    }
    Value r;
    if (vm.call_dunder(seq, vm.n.__reversed__, nullptr, 0, r)) return r;
    if (vm.type_of(seq)->lookup(vm.n.__len__) && vm.type_of(seq)->lookup(vm.n.__getitem__)) {
        int64_t n = vm.len(seq);
        auto i = std::make_shared<int64_t>(n);
        return fn_iter(vm.t.reversed_iter, [seq, i](VM& vm, Value& out) {
            if (*i <= 0) return false;
            --*i;
            out = vm.getitem(seq, Value::integer(*i));
            return true;
        });
    }
    vm.type_error("'" + vm.type_name(seq) + "' object is not reversible");
}
LMPY_SIZE_END
// (enumerate, zip, map, filter: the constructors run once per call, for size; the steps of
// their iterators stay optimised for speed)
LMPY_SIZE_FN NATIVE(b_enumerate) {
    if (a.n < 1 || a.n > 2)
        vm.type_error("enumerate() takes at most 2 arguments (" + std::to_string(a.n) + " given)");
    Value it = vm.iter(a[0]);
    int64_t start = a.n == 2 ? vm.to_index(a[1]) : 0;
    if (const Value* s = a.kw(vm.n.start)) start = vm.to_index(*s);
    return fn_iter(vm.t.enumerate_iter,
                   [it, i = start, last = Value()](VM& vm, Value& out) mutable {
                       Value v;
                       if (!vm.next(it, v)) return false;
                       out = vm.pair_reusing(last, Value::integer(i++), std::move(v));
                       return true;
                   });
}
// zip(strict=True) at the end of argument k+1: the arguments before it were longer, or one
// after it is (CPython's messages: "argument 3 is shorter than arguments 1-2").
[[gnu::cold]] static void zip_strict_end(VM& vm, std::vector<Value>& its, size_t k) {
    auto fail = [&](size_t i, const char* how) {
        vm.value_error("zip() argument " + std::to_string(i + 1) + " is " + how + " than argument" +
                       (i == 1 ? " " : "s 1-") + std::to_string(i));
    };
    if (k > 0) fail(k, "shorter");
    for (size_t i = 1; i < its.size(); ++i) {
        Value v;
        if (vm.next(its[i], v)) fail(i, "longer");
    }
}
// zip's iterator, a class of its own (not a lambda in an FnIter) so that a step is one virtual
// call with its fields at hand. `last` is the tuple handed out by the previous step: when
// nobody else holds it any more (`for p, q in zip(...)` unpacks and drops it at once) it is
// filled again instead of allocating a new one, as CPython's zip does.
struct ZipIter : Iter {
    std::vector<Value> its;
    Value last;
    bool strict;
    ZipIter(Type* t, std::vector<Value> i, bool s) : Iter(t), its(std::move(i)), strict(s) {}
    bool next(VM& vm, Value& out) override {
        size_t n = its.size();
        if (n == 0) return false;
        if (!last.is_obj() || last.o->rc != 1) last = vm.new_tuple(std::vector<Value>(n));
        // held while it fills: a generator stepped here may step this zip again, which must
        // neither refill this tuple nor free it (as CPython's zip_next holds it)
        Value fill = last;
        Value* dst = fill.as<Tuple>()->items.data();
        for (size_t k = 0; k < n; ++k) {
            // list, tuple and range iterators stepped here, as FOR_ITER steps them
            Obj* it = its[k].o;
            int step = it->type->is_iter ? seq_iter_step(it, dst[k]) : -1;
            if (step < 0) step = vm.next(its[k], dst[k]);
            if (!step) {
                last = Value();
                if (strict) zip_strict_end(vm, its, k);
                return false;
            }
        }
        out = std::move(fill);
        return true;
    }
};
LMPY_SIZE_FN NATIVE(b_zip) {
    std::vector<Value> its;
    for (int k = 0; k < a.n; ++k) {
        try {
            its.push_back(vm.iter(a[k]));
        } catch (PyExc& e) {
            if (vm.type_of(e.exc) == vm.t.TypeError)
                vm.type_error("'" + vm.type_name(a[k]) + "' object is not iterable");
            throw;
        }
    }
    const Value* strict = a.kw(vm, "strict");
    return Value(new ZipIter(vm.t.zip_iter, std::move(its), strict && vm.truthy(*strict)));
}
LMPY_SIZE_FN NATIVE(b_map) {
    if (a.n < 2) vm.type_error("map() must have at least two arguments.");
    Value fn = a[0];
    std::vector<Value> its;
    for (int k = 1; k < a.n; ++k) its.push_back(vm.iter(a[k]));
    return fn_iter(vm.t.map_iter, [fn, its](VM& vm, Value& out) {
        std::vector<Value> args;
        for (auto& it : its) {
            Value v;
            if (!vm.next(it, v)) return false;
            args.push_back(v);
        }
        out = vm.call_args(fn, args.data(), int(args.size()));
        return true;
    });
}
LMPY_SIZE_FN NATIVE(b_filter) {
    check_nargs(vm, "filter", a, 2, 2);
    Value fn = a[0];
    Value it = vm.iter(a[1]);
    return fn_iter(vm.t.filter_iter, [fn, it](VM& vm, Value& out) {
        Value v;
        while (vm.next(it, v)) {
            bool keep = fn.is_none() ? vm.truthy(v) : vm.truthy(vm.call(fn, {v}));
            if (keep) {
                out = v;
                return true;
            }
        }
        return false;
    });
}
LMPY_SIZE_BEGIN
NATIVE(b_input) { vm.raise(vm.t.EOFError, "EOF when reading a line"); }
NATIVE(b_open) { vm.raise(vm.t.OSError, "file system access is not available in the playground"); }
NATIVE(b_dunder_call) {
    if (a.n < 1) vm.type_error("descriptor '__call__' needs an argument");
    Args b = a;
    b.pos = a.pos + 1;
    b.n = a.n - 1;
    b.fn = nullptr;
    return vm.call(a[0], b);
}
NATIVE(object_setattr) {
    check_nargs(vm, "__setattr__", a, 3, 3);
    if (!a[1].is_obj() || a[1].o->type != vm.t.str)
        vm.type_error("attribute name must be string, not '" + vm.type_name(a[1]) + "'");
    vm.setattr(a[0], vm.intern(a[1].as<Str>()->s), a[2], false);
    return Value();
}
NATIVE(object_delattr) {
    check_nargs(vm, "__delattr__", a, 2, 2);
    if (!a[1].is_obj() || a[1].o->type != vm.t.str)
        vm.type_error("attribute name must be string, not '" + vm.type_name(a[1]) + "'");
    vm.delattr(a[0], vm.intern(a[1].as<Str>()->s), false);
    return Value();
}
NATIVE(b_globals) {
    return vm.main_module.as<Module>()->globals == nullptr
               ? vm.new_dict()
               : Value(vm.main_module.as<Module>()->globals);
}
NATIVE(b_vars) {
    check_nargs(vm, "vars", a, 0, 1);
    if (a.n == 0) return Value(vm.main_module.as<Module>()->globals);
    return vm.getattr(a[0], vm.n.__dict__);
}
NATIVE(b_dir) {
    check_nargs(vm, "dir", a, 0, 1);
    std::vector<Value> names;
    if (a.n == 0) {
        dict_each(vm.main_module.as<Module>()->globals,
                  [&](const Value& k, const Value&) { names.push_back(k); });
    } else {
        const Value& o = a[0];
        std::vector<std::string> ns;
        if (o.is_obj() && o.o->type == vm.t.module)
            dict_each(o.as<Module>()->globals,
                      [&](const Value& k, const Value&) { ns.push_back(k.as<Str>()->s); });
        else {
            if (o.is_obj())
                if (AttrMap* attrs = (o.o)->own_attrs())
                    for (auto& kv : *attrs) ns.push_back(kv.first->s);
            Type* t = o.is_obj() && o.o->type == vm.t.type ? o.as<Type>() : vm.type_of(o);
            for (Type* x : t->mro)
                for (auto& kv : x->attrs) ns.push_back(kv.first->s);
        }
        std::sort(ns.begin(), ns.end());
        ns.erase(std::unique(ns.begin(), ns.end()), ns.end());
        for (auto& s : ns) names.push_back(vm.str(s));
        return vm.new_list(std::move(names));
    }
    sort_values(vm, names, nullptr, false);
    return vm.new_list(std::move(names));
}

// ---- descriptors and super
NATIVE(b_property) {
    auto* p = new Property(vm.t.property);
    Value pv(p);
    if (a.n > 0) p->fget = a[0];
    if (a.n > 1) p->fset = a[1];
    if (const Value* g = a.kw(vm, "fget")) p->fget = *g;
    if (const Value* s = a.kw(vm, "fset")) p->fset = *s;
    return pv;
}
NATIVE(prop_setter) {
    Property* old = a[0].as<Property>();
    auto* p = new Property(vm.t.property);
    Value pv(p);
    p->fget = old->fget;
    p->fset = a[1];
    return pv;
}
NATIVE(prop_getter) {
    Property* old = a[0].as<Property>();
    auto* p = new Property(vm.t.property);
    Value pv(p);
    p->fget = a[1];
    p->fset = old->fset;
    return pv;
}
NATIVE(b_staticmethod) {
    check_nargs(vm, "staticmethod", a, 1, 1);
    return Value(new StaticMethod(vm.t.staticmethod, a[0]));
}
NATIVE(b_classmethod) {
    check_nargs(vm, "classmethod", a, 1, 1);
    return Value(new ClassMethod(vm.t.classmethod, a[0]));
}
NATIVE(b_super) {
    Type* start = nullptr;
    Value self;
    if (a.n == 0) {
        const Frame* f = current_frame(vm);
        // the caller's frame is the function that called super()
        if (!f || !f->func || !f->func->klass.is_obj())
            vm.raise(vm.t.RuntimeError, "super(): no arguments");
        start = f->func->klass.as<Type>();
        if (f->code->nargs < 1 || f->base[0].is_undef())
            vm.raise(vm.t.RuntimeError, "super(): no arguments");
        self = f->base[0];
        if (f->code->cell_param.size() && f->code->cell_param[0] == 0 && self.is_obj() &&
            self.o->type == vm.t.cell)
            self = self.as<Cell>()->v;
        Value* cells = f->base + f->code->nlocals;
        for (size_t i = 0; i < f->code->cellnames.size(); ++i)
            if (f->code->cell_param[i] == 0) self = cells[i].as<Cell>()->v;
    } else {
        check_nargs(vm, "super", a, 2, 2);
        start = a[0].as<Type>();
        self = a[1];
    }
    return Value(new Super(vm.t.super, start, self));
}
static bool super_getattr(VM& vm, Super* s, Str* name, Value& out) {
    Type* t =
        s->self.is_obj() && s->self.o->type == vm.t.type ? s->self.as<Type>() : vm.type_of(s->self);
    auto& mro = t->mro;
    size_t i = 0;
    while (i < mro.size() && mro[i] != s->start) ++i;
    for (++i; i < mro.size(); ++i) {
        auto it = mro[i]->attrs.find(name);
        if (it != mro[i]->attrs.end()) {
            const Value& v = it->second;
            if (v.is_obj() && (v.o->type == vm.t.function || v.o->type == vm.t.native)) {
                if (s->self.is_obj() && s->self.o->type == vm.t.type)
                    out = v;
                else
                    out = Value(new BoundMethod(vm.t.bound, s->self, v));
            } else if (v.is_obj() && v.o->type == vm.t.classmethod)
                out = Value(new BoundMethod(vm.t.bound, Value(static_cast<Obj*>(t)),
                                            v.as<ClassMethod>()->func));
            else if (v.is_obj() && v.o->type == vm.t.staticmethod)
                out = v.as<StaticMethod>()->func;
            else if (v.is_obj() && v.o->type == vm.t.property)
                out = vm.call(v.as<Property>()->fget, {s->self});
            else
                out = v;
            return true;
        }
    }
    // object.__init__ and friends
    if (name == vm.n.__init__) {
        out = vm.new_native("__init__", [](VM&, Args&) { return Value(); });
        return true;
    }
    return false;
}
NATIVE(super_getattribute) {
    Super* s = a[0].as<Super>();
    Value out;
    Str* name = vm.intern(a[1].as<Str>()->s);
    if (super_getattr(vm, s, name, out)) return out;
    vm.raise(vm.t.AttributeError, "'super' object has no attribute '" + name->s + "'");
}

// ------------------------------------------------------------------------------ constructors
static Value int_from_str(VM& vm, const std::string& s, int base) {
    try {
        std::string t = transform_decimal_and_space(s);
        return make_int(vm, BigInt::parse(t, base));
    } catch (NumError& e) {
        std::string msg = e.message;
        if (msg.rfind("invalid literal", 0) == 0)
            msg = "invalid literal for int() with base " + std::to_string(base) + ": " +
                  py_str_repr(s);
        vm.raise(exc_type_by_name(vm, e.type), msg);
    }
}
NATIVE(ctor_int) {
    if (a.n == 0) return Value::integer(0);
    const Value& v = a[0];
    int base = 10;
    bool has_base = a.n == 2;
    if (has_base) base = int(vm.to_index(a[1]));
    if (const Value* b = a.kw(vm, "base")) {
        base = int(vm.to_index(*b));
        has_base = true;
    }
    if (v.is_obj() && v.o->type == vm.t.str) return int_from_str(vm, v.as<Str>()->s, base);
    if (has_base) vm.type_error("int() can't convert non-string with explicit base");
    if (v.tag == Tag::Int) return v;
    if (v.tag == Tag::Bool) return Value::integer(v.b);
    if (v.tag == Tag::Float) {
        try {
            return make_int(vm, BigInt::from_double(v.f));
        } catch (NumError& e) {
            vm.raise(exc_type_by_name(vm, e.type), e.message);
        }
    }
    if (is_int(vm, v)) return v;
    Value r;
    if (vm.call_dunder(v, vm.n.__int__, nullptr, 0, r)) return r;
    if (vm.call_dunder(v, vm.n.__index__, nullptr, 0, r)) return r;
    vm.type_error("int() argument must be a string, a bytes-like object or a real number, not '" +
                  vm.type_name(v) + "'");
}
NATIVE(ctor_float) {
    if (a.n == 0) return Value::flt(0.0);
    check_nargs(vm, "float", a, 0, 1);
    const Value& v = a[0];
    if (v.is_obj() && v.o->type == vm.t.str) {
        try {
            return Value::flt(parse_float(v.as<Str>()->s));
        } catch (NumError& e) {
            vm.raise(exc_type_by_name(vm, e.type), e.message);
        }
    }
    if (v.tag == Tag::Float) return v;
    if (is_int(vm, v)) return Value::flt(vm.to_double(v));
    Value r;
    if (vm.call_dunder(v, vm.n.__float__, nullptr, 0, r)) return r;
    if (vm.call_dunder(v, vm.n.__index__, nullptr, 0, r)) return Value::flt(vm.to_double(r));
    vm.type_error("float() argument must be a string or a real number, not '" + vm.type_name(v) +
                  "'");
}
NATIVE(ctor_str) {
    if (a.n == 0) return vm.str("");
    return vm.str(vm.to_str(a[0]));
}
NATIVE(ctor_bool) {
    check_nargs(vm, "bool", a, 0, 1);
    return Value::boolean(a.n && vm.truthy(a[0]));
}
NATIVE(ctor_list) {
    check_nargs(vm, "list", a, 0, 1);
    if (a.n == 0) return vm.new_list();
    return vm.new_list(vm.to_vector(a[0]));
}
NATIVE(ctor_tuple) {
    check_nargs(vm, "tuple", a, 0, 1);
    if (a.n == 0) return vm.new_tuple();
    if (a[0].is_obj() && a[0].o->type == vm.t.tuple) return a[0];
    return vm.new_tuple(vm.to_vector(a[0]));
}
void dict_update_from(VM& vm, Dict* d, const Value& src) {
    if (src.is_obj() && src.o->type->is_subtype(vm.t.dict)) {
        dict_each(src.as<Dict>(), [&](const Value& k, const Value& v) { dict_set(vm, d, k, v); });
        return;
    }
    Value kf;
    if (vm.getattr_opt(src, vm.n.keys, kf)) {
        Value keys = vm.call(kf, {});
        vm.iterate(keys, [&](const Value& k) { dict_set(vm, d, k, vm.getitem(src, k)); });
        return;
    }
    int64_t i = 0;
    vm.iterate(src, [&](const Value& item) {
        std::vector<Value> kv;
        try {
            kv = vm.to_vector(item);
        } catch (PyExc&) {
            vm.type_error("cannot convert dictionary update sequence element #" +
                          std::to_string(i) + " to a sequence");
        }
        if (kv.size() != 2)
            vm.value_error("dictionary update sequence element #" + std::to_string(i) +
                           " has length " + std::to_string(kv.size()) + "; 2 is required");
        dict_set(vm, d, kv[0], kv[1]);
        ++i;
    });
}
NATIVE(ctor_dict) {
    if (a.n > 1) vm.type_error("dict expected at most 1 argument, got " + std::to_string(a.n));
    Value d = vm.new_dict();
    if (a.n == 1) dict_update_from(vm, d.as<Dict>(), a[0]);
    for (int k = 0; k < a.nkw; ++k) dict_set(vm, d.as<Dict>(), Value(a.kwn[k]), a.kwv[k]);
    return d;
}
NATIVE(ctor_set) {
    check_nargs(vm, "set", a, 0, 1);
    Value s = vm.new_set();
    if (a.n) set_update_from(vm, s.as<Set>(), a[0]);
    return s;
}
NATIVE(ctor_frozenset) {
    check_nargs(vm, "frozenset", a, 0, 1);
    Value s = vm.new_set(true);
    if (a.n) set_update_from(vm, s.as<Set>(), a[0]);
    return s;
}
NATIVE(ctor_range) {
    if (a.n < 1 || a.n > 3)
        vm.type_error(a.n == 0 ? "range expected at least 1 argument, got 0"
                               : "range expected at most 3 arguments, got " + std::to_string(a.n));
    int64_t s = 0, e, st = 1;
    auto idx = [&](const Value& v) {
        if (v.tag == Tag::Float)
            vm.type_error("'float' object cannot be interpreted as an integer");
        return vm.to_index(v);
    };
    if (a.n == 1)
        e = idx(a[0]);
    else {
        s = idx(a[0]);
        e = idx(a[1]);
        if (a.n == 3) st = idx(a[2]);
    }
    if (st == 0) vm.value_error("range() arg 3 must not be zero");
    return Value(new Range(vm.t.range, s, e, st));
}
NATIVE(ctor_slice) {
    auto* s = new Slice(vm.t.slice);
    Value sv(s);
    if (a.n == 1)
        s->stop = a[0];
    else if (a.n >= 2) {
        s->start = a[0];
        s->stop = a[1];
        if (a.n == 3) s->step = a[2];
    }
    return sv;
}
NATIVE(ctor_object) { return Value(new Instance(vm.t.object)); }
NATIVE(ctor_type) {
    if (a.n == 1) return Value(vm.type_of(a[0]));
    vm.type_error("type() takes 1 or 3 arguments");
}

// ------------------------------------------------------------------------------ VM()
VM::VM() : st(new VMState) {
    st->stack.chunks.emplace_back(new Value[ValueStack::kChunk]);
    st->interned.reserve(2048); // the builtins intern about 1100 names: no rehash while starting
    st->keep.reserve(2048);
    // bootstrap type and object
    t.type = new Type(nullptr, "type");
    t.type->type = t.type;
    incref(t.type);
    incref(t.type);
    st->keep.push_back(Value());
    t.object = new Type(t.type, "object");
    incref(t.object);
    t.object->mro.push_back(t.object);
    t.type->base = t.object;
    t.type->mro = {t.type, t.object};
    t.type->ctor = ctor_type;
    t.object->ctor = ctor_object;
    t.str = new_type("str", t.object, Layout::Other, ctor_str);
    // names
    // a name list, not code:
    // clang-format off
#define N(x) n.x = intern(#x)
    N(__init__); N(__new__); N(__repr__); N(__str__); N(__len__); N(__getitem__); N(__setitem__);
    N(__delitem__); N(__contains__); N(__iter__); N(__next__); N(__call__); N(__bool__); N(__eq__);
    N(__ne__); N(__lt__); N(__le__); N(__gt__); N(__ge__); N(__hash__); N(__name__);
    N(__qualname__); N(__module__); N(__class__); N(__dict__); N(__doc__); N(__get__); N(__set__);
    N(__getattr__); N(__add__); N(__radd__); N(__iadd__); N(__neg__); N(__pos__); N(__abs__);
    N(__invert__); N(__index__); N(__int__); N(__float__); N(__format__); N(__enter__); N(__exit__);
    N(__main__); N(__builtins__); N(__missing__); N(__setattr__); N(__delattr__); N(__reversed__);
    N(__round__); N(__init_subclass__); N(__annotations__); N(__all__); N(self); N(args); N(key);
    N(reverse); N(sep); N(end); N(file); N(flush); N(start); N(stop); N(step); N(append); N(keys);
    N(items); N(values); N(dtype); N(axis); N(message);
#undef N
    // clang-format on
    n.default_ = intern("default");
    // make sure every interned string has its hash (dict_find_str relies on it)
    t.none = new_type("NoneType", t.object);
    t.bool_ = new_type("bool", t.object, Layout::Other, ctor_bool);
    t.int_ = new_type("int", t.object, Layout::Other, ctor_int);
    t.bool_->base = t.int_;
    t.bool_->mro = {t.bool_, t.int_, t.object};
    t.float_ = new_type("float", t.object, Layout::Other, ctor_float);
    t.list = new_type("list", t.object, Layout::List, ctor_list);
    t.tuple = new_type("tuple", t.object, Layout::Other, ctor_tuple);
    t.dict = new_type("dict", t.object, Layout::Dict, ctor_dict);
    t.set = new_type("set", t.object, Layout::Other, ctor_set);
    t.frozenset = new_type("frozenset", t.object, Layout::Other, ctor_frozenset);
    t.function = new_type("function", t.object);
    t.native = new_type("builtin_function_or_method", t.object);
    t.bound = new_type("method", t.object);
    t.module = new_type("module", t.object);
    t.cell = new_type("cell", t.object);
    t.range = new_type("range", t.object, Layout::Other, ctor_range);
    t.slice = new_type("slice", t.object, Layout::Other, ctor_slice);
    t.property = new_type("property", t.object, Layout::Other, b_property);
    t.staticmethod = new_type("staticmethod", t.object, Layout::Other, b_staticmethod);
    t.classmethod = new_type("classmethod", t.object, Layout::Other, b_classmethod);
    t.super = new_type("super", t.object, Layout::Other, b_super);
    t.iter = new_type("iterator", t.object);
    t.zip_iter = new_type("zip", t.object);
    t.map_iter = new_type("map", t.object);
    t.filter_iter = new_type("filter", t.object);
    t.enumerate_iter = new_type("enumerate", t.object);
    t.reversed_iter = new_type("reversed", t.object);
    for (Type* it :
         {t.iter, t.zip_iter, t.map_iter, t.filter_iter, t.enumerate_iter, t.reversed_iter})
        it->is_iter = true;
    t.generator = new_type("generator", t.object);
    t.notimpl = new_type("NotImplementedType", t.object);
    t.ellipsis = new_type("ellipsis", t.object);
    t.code = new_type("code", t.object);
    t.bigint = t.int_;
    None = Value();
    True = Value::boolean(true);
    False = Value::boolean(false);
    NotImplemented = Value(new Instance(t.notimpl));
    Ellipsis = Value(new Instance(t.ellipsis));
    // f.__call__(...) is f(...) for every kind of callable the VM calls directly (it
    // dispatches those before looking __call__ up, so this adds no recursion)
    for (Type* callable : {t.function, t.native, t.bound})
        add_method(callable, "__call__", b_dunder_call);
    // object.__setattr__/__delattr__: the plain store, for user classes' own hooks to call
    add_generator_methods(*this);
    add_method(t.object, "__setattr__", object_setattr);
    add_method(t.object, "__delattr__", object_delattr);
    add_method(t.property, "setter", prop_setter);
    add_method(t.property, "getter", prop_getter);
    add_method(t.super, "__getattr__", super_getattribute);
    t.super->layout = Layout::Other;
    // a super object's attributes resolve through super_getattribute against the instance's
    // MRO, never against object's own methods (super().__setattr__ must reach the instance)
    t.super->mro = {t.super};

    builtins = new_dict();
    modules = new_dict();
    init_exceptions(*this);
    Dict* b = builtins.as<Dict>();
    auto def = [&](const char* name, NativeFn fn) {
        dict_set(*this, b, Value(intern(name)), new_native(name, fn));
    };
    def("print", b_print);
    def("len", b_len);
    def("repr", b_repr);
    def("hash", b_hash);
    def("id", b_id);
    def("abs", b_abs);
    def("iter", b_iter);
    def("next", b_next);
    def("callable", b_callable);
    def("isinstance", b_isinstance);
    def("issubclass", b_issubclass);
    def("getattr", b_getattr);
    def("setattr", b_setattr);
    def("delattr", b_delattr);
    def("hasattr", b_hasattr);
    def("any", b_any);
    def("all", b_all);
    def("chr", b_chr);
    def("ord", b_ord);
    def("hex", b_hex);
    def("oct", b_oct);
    def("bin", b_bin);
    def("format", b_format);
    def("divmod", b_divmod);
    def("pow", b_pow);
    def("round", b_round);
    def("max", b_max);
    def("min", b_min);
    def("sum", b_sum);
    def("sorted", b_sorted);
    def("reversed", b_reversed);
    def("enumerate", b_enumerate);
    def("zip", b_zip);
    def("map", b_map);
    def("filter", b_filter);
    def("input", b_input);
    def("open", b_open);
    def("globals", b_globals);
    add_exec_builtins(*this);
    def("vars", b_vars);
    def("dir", b_dir);
    auto deft = [&](const char* name, Type* ty) {
        dict_set(*this, b, Value(intern(name)), Value(static_cast<Obj*>(ty)));
    };
    deft("int", t.int_);
    deft("float", t.float_);
    deft("str", t.str);
    deft("bool", t.bool_);
    deft("list", t.list);
    deft("tuple", t.tuple);
    deft("dict", t.dict);
    deft("set", t.set);
    deft("frozenset", t.frozenset);
    deft("range", t.range);
    deft("slice", t.slice);
    deft("object", t.object);
    deft("type", t.type);
    deft("property", t.property);
    deft("staticmethod", t.staticmethod);
    deft("classmethod", t.classmethod);
    deft("super", t.super);
    dict_set(*this, b, Value(intern("None")), Value());
    dict_set(*this, b, Value(intern("Ellipsis")), Ellipsis);
    dict_set(*this, b, Value(intern("NotImplemented")), NotImplemented);
    init_str_methods(*this);
    init_container_methods(*this);
    init_modules(*this);
    main_module = new_module("__main__");
}

VM::~VM() {
    // break the most common cycles (functions <-> globals) before the refcounts unwind
    if (main_module.is_obj()) dict_clear(main_module.as<Module>()->globals);
    dict_each(modules.as<Dict>(), [&](const Value&, const Value& m) {
        if (m.is_obj() && m.o->type == t.module) dict_clear(m.as<Module>()->globals);
    });
}

LMPY_SIZE_END

} // namespace lmpy
