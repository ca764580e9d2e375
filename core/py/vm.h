// The virtual machine: type registry, the object protocol (attributes, calls, operators,
// iteration, repr) shared by the bytecode loop, builtins and modules, and the frame runner.
// Python exceptions travel as the C++ exception PyExc (built with -fwasm-exceptions in the browser,
// so try/catch costs nothing on the happy path); the bytecode loop turns them into handler jumps.
#pragma once
#include "py/object.h"
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lmpy {

struct Code;
struct Frame;

// A raised Python exception in flight.
struct PyExc {
    Value exc; // ExcObj
};

struct Args {
    const Value* pos = nullptr;
    int n = 0;
    const Value* kwv = nullptr; // keyword values
    Str* const* kwn = nullptr;  // keyword names (interned)
    int nkw = 0;
    NativeFunc* fn = nullptr; // the native being called (gives access to its data)
    const Value& operator[](int i) const { return pos[i]; }
    const Value* kw(Str* name) const {
        for (int k = 0; k < nkw; ++k)
            if (kwn[k] == name) return &kwv[k];
        return nullptr;
    }
    // The same by text: interns the name only when keywords were passed (zip() interned
    // "strict" on every call, 1 % of a zip-heavy loop in Node).
    const Value* kw(struct VM& vm, const char* name) const;
};

enum class BinOp : uint8_t {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    MatMul,
    LShift,
    RShift,
    And,
    Or,
    Xor
};
enum class CmpOp : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };

struct Types {
    Type *type, *object, *none, *bool_, *int_, *float_, *str, *list, *tuple, *dict, *set,
        *frozenset;
    Type *function, *native, *bound, *module, *cell, *range, *slice, *property, *staticmethod,
        *classmethod, *super, *iter, *generator, *notimpl, *ellipsis, *code, *bigint;
    // the iterators of zip, map, filter, enumerate and reversed, named as CPython's ("'zip' object
    // is not subscriptable"); like t.iter their objects are Iters (Type::is_iter)
    Type *zip_iter, *map_iter, *filter_iter, *enumerate_iter, *reversed_iter;
    Type* dict_view[3]; // dict_keys, dict_values, dict_items
    // exceptions
    Type *BaseException, *Exception, *SystemExit, *KeyboardInterrupt, *GeneratorExit,
        *StopIteration, *ArithmeticError, *ZeroDivisionError, *OverflowError, *AssertionError,
        *AttributeError, *LookupError, *IndexError, *KeyError, *NameError, *UnboundLocalError,
        *RuntimeError, *RecursionError, *NotImplementedError, *TypeError, *ValueError,
        *UnicodeError, *ImportError, *ModuleNotFoundError, *MemoryError, *SyntaxError,
        *IndentationError, *OSError, *FileNotFoundError, *LinAlgError, *StopAsyncIteration,
        *Warning, *UserWarning, *DeprecationWarning, *RuntimeWarning, *ReferenceError, *BufferError,
        *EOFError, *FloatingPointError, *SystemError, *LookupErrorDummy;
};

// Interned names used by the VM.
struct Names {
    Str *__init__, *__new__, *__repr__, *__str__, *__len__, *__getitem__, *__setitem__,
        *__delitem__, *__contains__, *__iter__, *__next__, *__call__, *__bool__, *__eq__, *__ne__,
        *__lt__, *__le__, *__gt__, *__ge__, *__hash__, *__name__, *__qualname__, *__module__,
        *__class__, *__dict__, *__doc__, *__get__, *__set__, *__getattr__, *__add__, *__radd__,
        *__iadd__, *__neg__, *__pos__, *__abs__, *__invert__, *__index__, *__int__, *__float__,
        *__format__, *__enter__, *__exit__, *__main__, *__builtins__, *__missing__, *__setattr__,
        *__delattr__, *__reversed__, *__round__, *__init_subclass__, *__annotations__, *__all__,
        *self, *args, *key, *reverse, *default_, *sep, *end, *file, *flush, *start, *stop, *step,
        *append, *keys, *items, *values, *dtype, *axis, *message;
};

constexpr int kMaxDepth = 1000;

struct VM {
    VM();
    ~VM();

    Types t;
    Names n;
    Value None, True, False, NotImplemented, Ellipsis;
    Value builtins; // Dict
    Value main_module;
    Value modules; // Dict name -> Module
    std::function<void(std::string_view)> out;
    std::string outbuf; // used when out is unset
    std::atomic<int> interrupt{
        0}; // set by the host (another thread, a signal handler) to stop a run
    int depth = 0;
    // C-stack guard: deep Python recursion through natives (or a sanitizer's bigger frames) must
    // raise RecursionError before the real stack runs out. stack_base is set by the outermost run.
    uintptr_t stack_base = 0;
#ifdef __EMSCRIPTEN__
    size_t stack_budget = 3u << 20; // of the 4 MB TOTAL_STACK
#else
    size_t stack_budget = 6u << 20; // of the usual 8 MB main-thread stack
#endif
    // `where` completes CPython's message: " in comparison", " while calling a Python object".
    // Small enough to inline into every call: the message is built out of line (with it
    // inline, wasm kept check_stack a function of its own, ~5 % of fib's time in V8).
    void check_stack(const char* where = "") {
        char probe;
        if (stack_base && stack_base > uintptr_t(&probe) &&
            stack_base - uintptr_t(&probe) > stack_budget)
            stack_overflow(where);
    }
    [[noreturn]] void stack_overflow(const char* where);
    uint32_t tick = 0;
    // How many __setattr__/__delattr__ functions have been put on classes: while none has,
    // attribute stores skip looking for them (a lookup along the MRO on every store was +22 %
    // of a loop of attribute stores, callgrind).
    uint32_t attr_hooks = 0;
    void note_class_attr(Str* name) {
        if (name == n.__setattr__ || name == n.__delattr__) ++attr_hooks;
    }
    int64_t mem_budget = 512ll << 20;
    int64_t mem_used = 0;
    std::vector<Value> handling; // exceptions being handled (for bare raise and __context__)
    // An exception the bytecode loop raises without a C++ throw (run_cold returns null
    // with it set): the loop unwinds to its handler directly, and throws only when no
    // frame of the slice handles it.
    Value pending;
    std::string figures = "[]";
    void* plot_state = nullptr;
    void* np_state = nullptr; // np::NpState, owned by the numpy module
    std::vector<std::function<void()>> at_reset;

    // ---- strings
    Str* intern(std::string_view s);
    Value str(std::string s);
    Value str_concat(const Str* a, const Str* b); // a + b
    // the n bytes of whole's text from b (whole ASCII: the part is, without a scan)
    Value str_part(const Str* whole, size_t b, size_t n);
    Value str(std::string_view s) { return str(std::string(s)); }
    Value str(const char* s) { return str(std::string(s)); }

    // ---- constructors
    Value new_list(std::vector<Value> items = {});
    Value new_tuple(std::vector<Value> items = {});
    // (a, b) for an iterator's next item: `last` (the pair it returned before) is refilled when
    // nothing else holds it any more, as CPython's enumerate and dict items do.
    Value pair_reusing(Value& last, Value a, Value b);
    Value new_dict();
    Value new_set(bool frozen = false);
    Value new_native(const char* name, NativeFn fn, Value self = Value());
    Value new_exc(Type* t, std::string msg);
    Value new_key_error(const Value& key); // KeyError(key)
    Value new_module(std::string_view name);
    Value new_int(int64_t v) { return Value::integer(v); }
    Value new_float(double v) { return Value::flt(v); }
    Value new_bool(bool v) { return Value::boolean(v); }
    Type* new_type(std::string name, Type* base, Layout layout = Layout::Other,
                   NativeFn ctor = nullptr);
    void add_method(Type* t, const char* name, NativeFn fn, ArityCode arity = kAnyArgs);
    // A type's methods as data: a loop over a table is less code than a call per method.
    struct MethodDef {
        const char* name;
        NativeFn fn;
        ArityCode arity = kAnyArgs;
    };
    void add_methods(Type* t, const MethodDef* defs, size_t n);
    template <size_t N> void add_methods(Type* t, const MethodDef (&defs)[N]) {
        add_methods(t, defs, N);
    }
    void add_attr(Type* t, const char* name, Value v);
    void set_global(const Value& module_or_dict, const char* name, Value v);

    // ---- errors
    [[noreturn]] void raise(Type* t, std::string msg);
    [[noreturn]] void raise_value(Value exc);
    [[noreturn]] void type_error(std::string msg) { raise(t.TypeError, std::move(msg)); }
    [[noreturn]] void value_error(std::string msg) { raise(t.ValueError, std::move(msg)); }
    [[noreturn]] void index_error(std::string msg) { raise(t.IndexError, std::move(msg)); }

    // ---- protocol
    Type* type_of(const Value& v) const {
        switch (v.tag) {
        case Tag::None: return t.none;
        case Tag::Bool: return t.bool_;
        case Tag::Int: return t.int_;
        case Tag::Float: return t.float_;
        case Tag::Obj: return v.o->type;
        case Tag::Undef: break;
        }
        return t.object;
    }
    bool isinstance(const Value& v, Type* ty) const { return type_of(v)->is_subtype(ty); }
    // A type's name as CPython's messages print it (tp_name: 'numpy.float64', 'list').
    const std::string& type_name(const Value& v) const { return type_of(v)->display(); }

    Value getattr(const Value& obj, Str* name);
    bool getattr_opt(const Value& obj, Str* name, Value& out);
    // obj.name = v / del obj.name: a user class's __setattr__/__delattr__ when it defines one
    // (hooks), else the plain store (hooks false: object.__setattr__, what those call to store).
    void setattr(const Value& obj, Str* name, const Value& v, bool hooks = true);
    void delattr(const Value& obj, Str* name, bool hooks = true);
    // Looks up `name` on the type and, when it is a function, returns it unbound in `func` with
    // `self_needed` set (used by LOAD_METHOD and dunder dispatch to avoid a bound-method object).
    bool lookup_method(const Value& obj, Str* name, Value& func, bool& self_needed);
    Value* type_lookup(Type* t, Str* name) { return t->lookup(name); }

    Value call(const Value& f, Args& a);
    Value call(const Value& f, std::initializer_list<Value> args);
    Value call_args(const Value& f, const Value* args, int n);
    Value call_method(const Value& obj, Str* name, std::initializer_list<Value> args);
    // Calls a dunder if the type defines one; returns false when absent.
    bool call_dunder(const Value& obj, Str* name, const Value* args, int n, Value& out);

    bool truthy(const Value& v);
    std::string repr(const Value& v);
    std::string to_str(const Value& v);
    int64_t hash(const Value& v);
    bool eq(const Value& a, const Value& b);
    Value binop(BinOp op, const Value& a, const Value& b);
    Value inplace(BinOp op, const Value& a, const Value& b);
    Value compare(CmpOp op, const Value& a, const Value& b);
    bool less(const Value& a, const Value& b) { return truthy(compare(CmpOp::Lt, a, b)); }
    Value unary_neg(const Value& a);
    Value unary_pos(const Value& a);
    Value unary_invert(const Value& a);
    Value getitem(const Value& obj, const Value& key);
    void setitem(const Value& obj, const Value& key, const Value& v);
    void delitem(const Value& obj, const Value& key);
    bool contains(const Value& container, const Value& v);
    int64_t len(const Value& v);
    // list itself, or a user class derived from list that does not define `dunder`: the
    // operation is list's own (classes derived from dict are handled by is_subtype checks
    // in the same places, since Counter & co are dict's builtin subtypes).
    bool listlike(Type* ty, Str* dunder) const {
        return ty == t.list || (ty->layout == Layout::List && !ty->builtin && !ty->lookup(dunder));
    }
    // unpacking: a non-iterable is reported as "cannot unpack non-iterable T object"
    Value iter(const Value& v, bool unpacking = false);
    bool next(const Value& it, Value& out);
    template <class F> void iterate(const Value& iterable, F&& fn);
    std::vector<Value> to_vector(const Value& iterable);
    int64_t to_index(const Value& v, const char* what = nullptr); // __index__ semantics
    double to_double(const Value& v);                             // float() of numbers
    std::string format(const Value& v, std::string_view spec);

    // ---- running code
    Value run_code(Code* code, const Value& globals, const Value& locals_dict);
    Value call_function(Function* f, Args& a);
    [[gnu::noinline]] void next_stack_chunk(size_t need);
    Value import_module(std::string_view name);
    using ModuleInit = void (*)(VM&, const Value& module);
    std::vector<std::pair<std::string, ModuleInit>> native_modules;
    void register_module(const char* name, ModuleInit init) {
        native_modules.push_back({name, init});
    }

    void write(std::string_view s) {
        if (out)
            out(s);
        else
            outbuf.append(s);
    }
    void check_interrupt();
    void note_alloc(int64_t bytes);

    std::unique_ptr<struct VMState> st; // private state of vm.cpp
};

// Iterate any iterable, with fast paths for list and tuple. fn(const Value&) -> void.
template <class F> void VM::iterate(const Value& iterable, F&& fn) {
    if (iterable.is_obj()) {
        Type* ty = iterable.o->type;
        if (ty == t.tuple) {
            Value keep = iterable;
            auto* tu = iterable.as<Tuple>();
            for (size_t k = 0; k < tu->items.size(); ++k) fn(tu->items[k]);
            return;
        }
        if (ty == t.list) {
            Value keep = iterable;
            auto* l = iterable.as<List>();
            for (size_t k = 0; k < l->items.size(); ++k) {
                Value v = l->items[k];
                fn(v);
            }
            return;
        }
    }
    Value it = iter(iterable);
    Value v;
    while (next(it, v)) {
        fn(v);
        if ((++tick & 0x3FFF) == 0) check_interrupt(); // native loops must stay interruptible
    }
}

// Argument helpers for natives.
void check_nargs(VM& vm, const char* fname, Args& a, int min, int max);
void no_kwargs(VM& vm, const char* fname, Args& a);

// Exceptions thrown by pure-C++ libraries (bigint, numfmt, np) converted into Python ones.
Type* exc_type_by_name(VM& vm, std::string_view name);

// CPython's Py_EnterRecursiveCall for native recursion (nested comparisons, deepcopy): each
// level counts `cost` frames against the same 1000-frame limit as Python calls. A depth count,
// not only the C-stack probe, because in WebAssembly the engine's own stack (which holds the
// wasm frames) can run out long before the linear-memory stack that check_stack measures.
struct RecursionGuard {
    VM& vm;
    int cost;
    RecursionGuard(VM& v, const char* where, int c = 1) : vm(v), cost(c) {
        if (vm.depth + cost > kMaxDepth)
            vm.raise(vm.t.RecursionError, std::string("maximum recursion depth exceeded") + where);
        vm.check_stack(where);
        vm.depth += cost;
    }
    ~RecursionGuard() { vm.depth -= cost; }
    RecursionGuard(const RecursionGuard&) = delete;
    RecursionGuard& operator=(const RecursionGuard&) = delete;
};

} // namespace lmpy
