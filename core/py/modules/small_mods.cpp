// Small standard modules: `string` (constants, capwords), `time` (clocks; sleep returns at
// once because the browser build must never block its thread), `sys` (version, limits,
// stdout/stderr writers, exit, modules) and `copy` (copy/deepcopy of builtin containers and
// instances, honouring __copy__/__deepcopy__ and sharing through the memo as CPython does).
#include "py/modules/modutil.h"
#include <chrono>
#include <ctime>

namespace lmpy {

namespace {

#define NATIVE(name) Value name(VM& vm, Args& a)

// ------------------------------------------------------------------------------- string
NATIVE(s_capwords) {
    check_nargs(vm, "capwords", a, 1, 2);
    Value sep = a.n > 1 ? a[1] : Value();
    if (const Value* k = a.kw(vm.n.sep)) sep = *k;
    Value parts = vm.call_method(a[0], vm.intern("split"), {sep});
    std::vector<Value> words;
    for (auto& w : parts.as<List>()->items)
        words.push_back(vm.call_method(w, vm.intern("capitalize"), {}));
    Value joiner = sep.is_none() ? vm.str(" ") : sep;
    return vm.call_method(joiner, vm.intern("join"), {vm.new_list(std::move(words))});
}

void init_string(VM& vm, const Value& m) {
    const char* lower = "abcdefghijklmnopqrstuvwxyz";
    const char* upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const char* digits = "0123456789";
    const char* punct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    const char* ws = " \t\n\r\x0b\x0c";
    vm.set_global(m, "ascii_lowercase", vm.str(lower));
    vm.set_global(m, "ascii_uppercase", vm.str(upper));
    vm.set_global(m, "ascii_letters", vm.str(std::string(lower) + upper));
    vm.set_global(m, "digits", vm.str(digits));
    vm.set_global(m, "hexdigits", vm.str("0123456789abcdefABCDEF"));
    vm.set_global(m, "octdigits", vm.str("01234567"));
    vm.set_global(m, "punctuation", vm.str(punct));
    vm.set_global(m, "whitespace", vm.str(ws));
    vm.set_global(m, "printable", vm.str(std::string(digits) + lower + upper + punct + ws));
    vm.set_global(m, "capwords", vm.new_native("capwords", s_capwords));
}

// --------------------------------------------------------------------------------- time
double wall() {
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}
double mono() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}
NATIVE(t_time) { return Value::flt(wall()); }
NATIVE(t_time_ns) {
    using namespace std::chrono;
    return Value::integer(
        duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count());
}
NATIVE(t_perf_counter) { return Value::flt(mono()); }
NATIVE(t_perf_counter_ns) {
    using namespace std::chrono;
    return Value::integer(
        duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count());
}
NATIVE(t_process_time) { return Value::flt(double(std::clock()) / CLOCKS_PER_SEC); }
NATIVE(t_sleep) {
    check_nargs(vm, "sleep", a, 1, 1);
    double s = vm.to_double(a[0]);
    if (s < 0) vm.value_error("sleep length must be non-negative");
    vm.check_interrupt();
    return Value();
}

void init_time(VM& vm, const Value& m) {
    vm.set_global(m, "time", vm.new_native("time", t_time));
    vm.set_global(m, "time_ns", vm.new_native("time_ns", t_time_ns));
    vm.set_global(m, "perf_counter", vm.new_native("perf_counter", t_perf_counter));
    vm.set_global(m, "perf_counter_ns", vm.new_native("perf_counter_ns", t_perf_counter_ns));
    vm.set_global(m, "monotonic", vm.new_native("monotonic", t_perf_counter));
    vm.set_global(m, "monotonic_ns", vm.new_native("monotonic_ns", t_perf_counter_ns));
    vm.set_global(m, "process_time", vm.new_native("process_time", t_process_time));
    vm.set_global(m, "sleep", vm.new_native("sleep", t_sleep));
}

// ---------------------------------------------------------------------------------- sys
struct SysState {
    int64_t recursion_limit = kMaxDepth;
};

NATIVE(sys_out_write) {
    check_nargs(vm, "write", a, 2, 2);
    if (!a[1].is_obj() || a[1].o->type != vm.t.str)
        vm.type_error("write() argument must be str, not " + vm.type_name(a[1]));
    vm.write(a[1].as<Str>()->s);
    return Value::integer(a[1].as<Str>()->len);
}
NATIVE(sys_err_write) {
    check_nargs(vm, "write", a, 2, 2);
    if (!a[1].is_obj() || a[1].o->type != vm.t.str)
        vm.type_error("write() argument must be str, not " + vm.type_name(a[1]));
    return Value::integer(a[1].as<Str>()->len); // stderr is not part of the program's output
}
NATIVE(sys_flush) { return Value(); }
NATIVE(sys_exit) {
    check_nargs(vm, "exit", a, 0, 1);
    auto* e = new ExcObj(vm.t.SystemExit);
    Value ev(e);
    e->args = a.n ? vm.new_tuple({a[0]}) : vm.new_tuple();
    e->attrs[vm.intern("code")] = a.n ? a[0] : Value();
    vm.raise_value(ev);
}
NATIVE(sys_getrecursionlimit) { return Value::integer(per_vm<SysState>(vm).recursion_limit); }
NATIVE(sys_setrecursionlimit) {
    check_nargs(vm, "setrecursionlimit", a, 1, 1);
    if (a[0].tag == Tag::Float) vm.type_error("'float' object cannot be interpreted as an integer");
    int64_t n = vm.to_index(a[0]);
    if (n < 1) vm.value_error("recursion limit must be greater or equal than 1");
    per_vm<SysState>(vm).recursion_limit = n;
    return Value();
}
NATIVE(sys_getsizeof) {
    check_nargs(vm, "getsizeof", a, 1, 2);
    return Value::integer(64);
}

const char* kSysSource = R"PY(
from collections import namedtuple as _nt
version_info = _nt('version_info', 'major minor micro releaselevel serial')(3, 11, 7, 'final', 0)
float_info = _nt('float_info', 'max max_exp max_10_exp min min_exp min_10_exp dig mant_dig epsilon radix rounds')(
    1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53, 2.220446049250313e-16, 2, 1)
int_info = _nt('int_info', 'bits_per_digit sizeof_digit default_max_str_digits str_digits_check_threshold')(30, 4, 4300, 640)
del _nt
)PY";

void init_sys(VM& vm, const Value& m) {
    per_vm<SysState>(vm).recursion_limit = kMaxDepth;
    vm.set_global(m, "argv", vm.new_list({vm.str("")}));
    vm.set_global(m, "version", vm.str("3.11.7 (main, May  9 2026, 07:35:25) [GCC 12.2.0]"));
    vm.set_global(m, "maxsize", Value::integer(INT64_MAX));
    vm.set_global(m, "byteorder", vm.str("little"));
    vm.set_global(m, "platform", vm.str("linux"));
    vm.set_global(m, "path", vm.new_list());
    vm.set_global(m, "modules", vm.modules);
    vm.set_global(m, "exit", vm.new_native("exit", sys_exit));
    vm.set_global(m, "getrecursionlimit",
                  vm.new_native("getrecursionlimit", sys_getrecursionlimit));
    vm.set_global(m, "setrecursionlimit",
                  vm.new_native("setrecursionlimit", sys_setrecursionlimit));
    vm.set_global(m, "getsizeof", vm.new_native("getsizeof", sys_getsizeof));
    Type* io = module_type(vm, "TextIOWrapper", "_io", nullptr, nullptr, true);
    vm.add_method(io, "flush", sys_flush);
    Type* out_t = vm.new_type("TextIOWrapper", io);
    out_t->module = "_io";
    vm.add_method(out_t, "write", sys_out_write);
    Type* err_t = vm.new_type("TextIOWrapper", io);
    err_t->module = "_io";
    vm.add_method(err_t, "write", sys_err_write);
    vm.set_global(m, "stdout", Value(new Instance(out_t)));
    vm.set_global(m, "stderr", Value(new Instance(err_t)));
    run_source(vm, Value(static_cast<Obj*>(m.as<Module>()->globals)), kSysSource, "<sys>");
}

// --------------------------------------------------------------------------------- copy
bool atomic(VM& vm, const Value& v) {
    if (!v.is_obj()) return true;
    Type* t = v.o->type;
    return t == vm.t.str || t == vm.t.int_ || t == vm.t.range || t == vm.t.function ||
           t == vm.t.native || t == vm.t.type || t->is_subtype(vm.t.type) || t == vm.t.frozenset ||
           t == vm.t.slice || t == vm.t.module || t == vm.t.property || t == vm.t.bound;
}

// An empty dict of type t: a DictInstance (with the attributes of `src`, copied by `attr`)
// for classes derived from dict, as for list below.
template <class F> static Dict* new_dict_of(Type* t, Obj* src, F&& attr) {
    if (t->builtin) return new Dict(t);
    auto* r = new DictInstance(t);
    for (auto& [k, x] : *src->own_attrs()) r->attrs[k] = attr(x);
    return r;
}
template <class F> static List* new_list_of(Type* t, Obj* src, F&& attr) {
    if (t->builtin) return new List(t);
    auto* r = new ListInstance(t);
    for (auto& [k, x] : *src->own_attrs()) r->attrs[k] = attr(x);
    return r;
}

Value copy_dict_like(VM& vm, Dict* d, Type* t) {
    auto* r = new_dict_of(t, d, [](const Value& x) { return x; });
    Value rv(r);
    r->default_factory = d->default_factory;
    dict_each(d, [&](const Value& k, const Value& v) { dict_set(vm, r, k, v); });
    return rv;
}

Value shallow(VM& vm, const Value& v) {
    if (atomic(vm, v)) return v;
    Type* t = v.o->type;
    if (t == vm.t.tuple) return v;
    Value r;
    if (vm.call_dunder(v, vm.intern("__copy__"), nullptr, 0, r)) return r;
    if (t->layout == Layout::List && t->is_subtype(vm.t.list)) {
        List* r = new_list_of(t, v.o, [](const Value& x) { return x; });
        Value rv(r);
        r->items = v.as<List>()->items;
        return rv;
    }
    if (t->is_subtype(vm.t.dict)) return copy_dict_like(vm, v.as<Dict>(), t);
    if (t == vm.t.set) {
        Value s = vm.new_set();
        set_each(v.as<Set>(), [&](const Value& k) { set_add(vm, s.as<Set>(), k); });
        return s;
    }
    if (!t->builtin && t->layout == Layout::Object) {
        if (AttrMap* src = v.o->own_attrs()) {
            auto* inst = new Instance(t);
            Value iv(inst);
            inst->attrs = *src;
            return iv;
        }
    }
    if (Value* c = t->lookup(vm.intern("copy")); c && t->builtin)
        return vm.call_method(v, vm.intern("copy"), {});
    vm.type_error("cannot copy '" + t->name + "' object");
}

Value deep(VM& vm, const Value& v, Dict* memo) {
    if (atomic(vm, v)) return v;
    // CPython's deepcopy recurses through two Python frames per level (deepcopy and the
    // per-type copier), so it hits the limit at about half the nesting depth.
    RecursionGuard level(vm, " while calling a Python object", 2);
    Value key = Value::integer(int64_t(uintptr_t(v.o)));
    if (Value* hit = dict_find(vm, memo, key)) return *hit;
    Type* t = v.o->type;
    Value r;
    Value memov(static_cast<Obj*>(memo));
    if (vm.call_dunder(v, vm.intern("__deepcopy__"), &memov, 1, r)) {
        dict_set(vm, memo, key, r);
        return r;
    }
    if (t == vm.t.tuple) {
        std::vector<Value> items;
        bool same = true;
        for (auto& x : v.as<Tuple>()->items) {
            items.push_back(deep(vm, x, memo));
            if (!items.back().same(x)) same = false;
        }
        if (Value* hit = dict_find(vm, memo, key)) return *hit;
        r = same ? v : vm.new_tuple(std::move(items));
        dict_set(vm, memo, key, r);
        return r;
    }
    if (t->layout == Layout::List && t->is_subtype(vm.t.list)) {
        // the object goes into the memo before its attributes and items are copied (cycles)
        r = Value(new_list_of(t, v.o, [](const Value& x) { return x; }));
        dict_set(vm, memo, key, r);
        if (AttrMap* at = r.o->own_attrs())
            for (auto& [k, x] : *at) x = deep(vm, x, memo);
        std::vector<Value> src = v.as<List>()->items;
        for (auto& x : src) r.as<List>()->items.push_back(deep(vm, x, memo));
        return r;
    }
    if (t->is_subtype(vm.t.dict)) {
        auto* d = new_dict_of(t, v.o, [](const Value& x) { return x; });
        r = Value(d);
        d->default_factory = v.as<Dict>()->default_factory;
        dict_set(vm, memo, key, r);
        if (AttrMap* at = d->own_attrs())
            for (auto& [k, x] : *at) x = deep(vm, x, memo);
        std::vector<std::pair<Value, Value>> src;
        dict_each(v.as<Dict>(), [&](const Value& k, const Value& x) { src.push_back({k, x}); });
        for (auto& [k, x] : src) dict_set(vm, d, deep(vm, k, memo), deep(vm, x, memo));
        return r;
    }
    if (t == vm.t.set) {
        r = vm.new_set();
        dict_set(vm, memo, key, r);
        std::vector<Value> src;
        set_each(v.as<Set>(), [&](const Value& k) { src.push_back(k); });
        for (auto& k : src) set_add(vm, r.as<Set>(), deep(vm, k, memo));
        return r;
    }
    if (!t->builtin && t->layout == Layout::Object) {
        if (AttrMap* src = v.o->own_attrs()) {
            auto* inst = new Instance(t);
            r = Value(inst);
            dict_set(vm, memo, key, r);
            std::vector<std::pair<Str*, Value>> attrs(src->begin(), src->end());
            for (auto& [k, x] : attrs) inst->attrs[k] = deep(vm, x, memo);
            return r;
        }
    }
    r = shallow(vm, v);
    dict_set(vm, memo, key, r);
    return r;
}

NATIVE(c_copy) {
    check_nargs(vm, "copy", a, 1, 1);
    return shallow(vm, a[0]);
}
NATIVE(c_deepcopy) {
    check_nargs(vm, "deepcopy", a, 1, 2);
    Value memo = a.n > 1 && !a[1].is_none() ? a[1] : vm.new_dict();
    if (!memo.is_obj() || !memo.o->type->is_subtype(vm.t.dict))
        vm.type_error("memo must be a dict");
    return deep(vm, a[0], memo.as<Dict>());
}

void init_copy(VM& vm, const Value& m) {
    vm.set_global(m, "copy", vm.new_native("copy", c_copy));
    vm.set_global(m, "deepcopy", vm.new_native("deepcopy", c_deepcopy));
    Type* err = vm.new_type("Error", vm.t.Exception, Layout::Exception);
    err->module = "copy";
    vm.set_global(m, "Error", Value(static_cast<Obj*>(err)));
}

} // namespace

void register_string_module(VM& vm) { vm.register_module("string", init_string); }
void register_time_module(VM& vm) { vm.register_module("time", init_time); }
void register_sys_module(VM& vm) { vm.register_module("sys", init_sys); }
void register_copy_module(VM& vm) { vm.register_module("copy", init_copy); }

} // namespace lmpy
