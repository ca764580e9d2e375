// Small helpers shared by the standard-library modules (random, re, collections, heapq,
// itertools, functools, string, time, sys, copy, statistics): argument access by position or
// keyword, KeyError with the key as its argument, and running Python source inside a module
// (parts of the stdlib that are naturally Python -- namedtuple's generated classes -- are
// compiled by our own compiler, like CPython does with exec).
#pragma once
#include "py/runtime.h"
#include <string>
#include <unordered_map>

namespace lmpy {

// Positional argument i, else keyword `kw` (nullptr when neither was given).
inline const Value* arg_at(VM& vm, Args& a, int i, const char* kw) {
    if (i < a.n) return &a.pos[i];
    return kw ? a.kw(vm, kw) : nullptr;
}

// Rejects keywords not in the null-terminated list `allowed`.
void check_kwargs(VM& vm, const char* fname, Args& a, std::initializer_list<const char*> allowed);

[[noreturn]] void raise_key_error(VM& vm, const Value& key);

// Compiles and runs `src` with `globals` (a Dict) as its module namespace. Returns nothing;
// definitions land in `globals`.
void run_source(VM& vm, const Value& globals, const std::string& src, const std::string& filename);

// Stable sort with key/reverse, exactly the builtin sorted() (defined in builtins.cpp).
void sort_values(VM& vm, std::vector<Value>& items, const Value* key, bool reverse);
// dict.update(src) for a mapping or an iterable of pairs (builtins.cpp).
void dict_update_from(VM& vm, Dict* d, const Value& src);

// A native bound to `self` (stored in NativeFunc::self): the fn reads a.fn->self.
inline Value native_with_self(VM& vm, const char* name, NativeFn fn, const Value& self) {
    return vm.new_native(name, fn, self);
}

// A Type owned by a module: builtin, module name set for its repr.
// A type of a module. c_type: the type is written in C in CPython, so its messages print the
// module-qualified tp_name ('collections.deque' object ...); Python classes (Counter, Random)
// print the bare name.
inline Type* module_type(VM& vm, const char* name, const char* module, Type* base = nullptr,
                         NativeFn ctor = nullptr, bool c_type = false) {
    Type* t = vm.new_type(name, base ? base : vm.t.object, Layout::Other, ctor);
    t->module = module;
    if (c_type) t->tp_name = std::string(module) + "." + name;
    return t;
}

// Property whose getter is a native taking self.
inline void add_getter(VM& vm, Type* t, const char* name, NativeFn fn) {
    auto* p = new Property(vm.t.property);
    Value pv(p);
    p->fget = vm.new_native(name, fn);
    vm.add_attr(t, name, pv);
}

// Per-VM state of a module (its types...): one T per VM, re-filled when the module is
// (re)imported. Several VMs live at once in the unit tests.
template <class T> T& per_vm(VM& vm) {
    static std::unordered_map<VM*, T> states;
    return states[&vm];
}

// True when `t` or one of its bases is named `name` (for checks that must also accept
// subclasses without holding a per-VM type pointer).
inline bool type_named(const Type* t, const char* name) {
    for (const Type* b : t->mro)
        if (b->name == name) return true;
    return false;
}

} // namespace lmpy
