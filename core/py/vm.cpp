// The VM proper: the type registry's constructors, interning, errors, and the attribute
// protocol (lookup, binding of functions/static/class methods and properties, __getattr__).
// Calls and classes live in call.cpp, the bytecode loop in eval.cpp.
#include "py/frame.h"
#include "size_fn.h"
#include <algorithm>
#include <cmath>
#include <cstring>
#include <new>

namespace lmpy {

// ------------------------------------------------------------------------------------ basics
Str::Str(Type* t, std::string v) : Obj(t), s(std::move(v)) {
    int64_t n = 0;
    bool asc = true;
    for (unsigned char c : s) {
        if ((c & 0xC0) != 0x80) ++n;
        if (c >= 0x80) asc = false;
    }
    len = n;
    ascii = asc;
}

Module::Module(Type* t, Str* n, Dict* g) : Obj(t), name(n), globals(g) {
    incref(n);
    incref(g);
}
Module::~Module() {
    decref(name);
    decref(globals);
}
Function::Function(Type* t, Code* c) : Obj(t), code(c) { incref(c); }
Function::~Function() { decref(code); }

Range::Range(Type* t, int64_t a, int64_t b, int64_t c) : Obj(t), start(a), stop(b), step(c) {
    if (step > 0)
        len = start < stop ? (stop - start - 1) / step + 1 : 0;
    else
        len = start > stop ? (start - stop - 1) / (-step) + 1 : 0;
}

Str* VM::intern(std::string_view s) {
    auto it = st->interned.find(s);
    if (it != st->interned.end()) return it->second;
    Str* o = new Str(t.str, std::string(s));
    o->interned = true;
    st->keep.push_back(Value(o));
    hash(st->keep.back());
    st->interned.emplace(std::string_view(o->s), o);
    return o;
}
Value VM::str(std::string s) {
    if (s.size() <= 1) return Value(intern(s));
    return Value(new Str(t.str, std::move(s)));
}
// One allocation and two copies (libc++'s operator+ and append are out-of-line calls that
// call size() out of line again), and the length and ASCII flag from the parts.
Value VM::str_concat(const Str* a, const Str* b) {
    size_t na = a->s.size(), nb = b->s.size();
    if (na + nb <= 1) return str(a->s + b->s);
    std::string s(na + nb, '\0');
    std::memcpy(s.data(), a->s.data(), na);
    std::memcpy(s.data() + na, b->s.data(), nb);
    return Value(new Str(t.str, std::move(s), a->len + b->len, a->ascii && b->ascii));
}
Value VM::str_part(const Str* whole, size_t b, size_t n) {
    if (n <= 1 || !whole->ascii) return str(whole->s.substr(b, n));
    return Value(new Str(t.str, whole->s.substr(b, n), int64_t(n), true));
}
Value VM::new_list(std::vector<Value> items) {
    auto* l = new List(t.list);
    l->items = std::move(items);
    return Value(l);
}
Value VM::new_tuple(std::vector<Value> items) {
    auto* tu = new Tuple(t.tuple);
    tu->items = std::move(items);
    return Value(tu);
}
Value VM::pair_reusing(Value& last, Value a, Value b) {
    if (last.is_obj() && last.o->rc == 1) {
        auto& items = last.as<Tuple>()->items;
        items[0] = std::move(a);
        items[1] = std::move(b);
    } else {
        std::vector<Value> items;
        items.reserve(2);
        items.push_back(std::move(a));
        items.push_back(std::move(b));
        last = new_tuple(std::move(items));
    }
    return last;
}
Value VM::new_dict() { return Value(new Dict(t.dict)); }
Value VM::new_set(bool frozen) { return Value(new Set(frozen ? t.frozenset : t.set)); }
Value VM::new_native(const char* name, NativeFn fn, Value self) {
    auto* nf = new NativeFunc(t.native, name, fn);
    nf->self = std::move(self);
    return Value(nf);
}
LMPY_SIZE_FN Value VM::new_module(std::string_view name) {
    Value g = new_dict();
    auto* m = new Module(t.module, intern(name), g.as<Dict>());
    Value mv(m);
    dict_set(*this, g.as<Dict>(), Value(n.__name__), str(std::string(name)));
    return mv;
}
Value VM::new_exc(Type* ty, std::string msg) {
    auto* e = new ExcObj(ty);
    Value ev(e);
    e->args = new_tuple({str(std::move(msg))});
    return ev;
}
LMPY_SIZE_FN Type* VM::new_type(std::string name, Type* base, Layout layout, NativeFn ctor) {
    Type* ty = new Type(t.type, std::move(name));
    incref(ty);
    st->keep.push_back(Value(ty));
    decref(ty);
    ty->base = base;
    ty->mro.push_back(ty);
    if (base) {
        for (Type* b : base->mro) ty->mro.push_back(b);
        ty->is_exception = base->is_exception;
        if (layout == Layout::Other) layout = base->layout;
    }
    ty->layout = layout;
    ty->ctor = ctor;
    return ty;
}
void VM::add_method(Type* ty, const char* name, NativeFn fn, ArityCode arity) {
    Value m = new_native(name, fn);
    auto* nf = m.as<NativeFunc>();
    nf->owner = ty;
    nf->arity = {ArgStyle(arity & 0xff), uint8_t(arity >> 8), uint8_t(arity >> 16),
                 bool(arity >> 24 & 1), uint8_t(arity >> 25)};
    ty->attrs[intern(name)] = std::move(m);
}
void VM::add_methods(Type* ty, const MethodDef* defs, size_t n) {
    for (size_t i = 0; i < n; ++i) add_method(ty, defs[i].name, defs[i].fn, defs[i].arity);
}
void VM::add_attr(Type* ty, const char* name, Value v) { ty->attrs[intern(name)] = std::move(v); }
void VM::set_global(const Value& m, const char* name, Value v) {
    Dict* d = m.o->type == t.module ? m.as<Module>()->globals : m.as<Dict>();
    dict_set(*this, d, Value(intern(name)), v);
}

LMPY_SIZE_FN Value VM::new_key_error(const Value& key) {
    Value e = new_exc(t.KeyError, "");
    static_cast<ExcObj*>(e.o)->args = new_tuple({key});
    return e;
}
void VM::raise(Type* ty, std::string msg) { throw PyExc{new_exc(ty, std::move(msg))}; }
void VM::raise_value(Value exc) { throw PyExc{std::move(exc)}; }

void VM::stack_overflow(const char* where) {
    raise(t.RecursionError, std::string("maximum recursion depth exceeded") + where);
}

LMPY_SIZE_FN void check_nargs(VM& vm, const char* fname, Args& a, int min, int max) {
    if (a.n < min || a.n > max) {
        if (min == max) {
            if (min == 0)
                vm.type_error(std::string(fname) + "() takes no arguments (" + std::to_string(a.n) +
                              " given)");
            if (min == 1)
                vm.type_error(std::string(fname) + "() takes exactly one argument (" +
                              std::to_string(a.n) + " given)");
            vm.type_error(std::string(fname) + " expected " + std::to_string(min) +
                          " arguments, got " + std::to_string(a.n));
        }
        if (a.n < min)
            vm.type_error(std::string(fname) + " expected at least " + std::to_string(min) +
                          " argument" + (min == 1 ? "" : "s") + ", got " + std::to_string(a.n));
        vm.type_error(std::string(fname) + " expected at most " + std::to_string(max) +
                      " argument" + (max == 1 ? "" : "s") + ", got " + std::to_string(a.n));
    }
}
void no_kwargs(VM& vm, const char* fname, Args& a) {
    if (a.nkw) vm.type_error(std::string(fname) + "() takes no keyword arguments");
}

const Value* Args::kw(VM& vm, const char* name) const {
    return nkw ? kw(vm.intern(name)) : nullptr;
}

void VM::check_interrupt() {
    if (interrupt) {
        interrupt = 0;
        raise(t.KeyboardInterrupt, "");
    }
}
void VM::note_alloc(int64_t bytes) {
    if (bytes > mem_budget) raise(t.MemoryError, "");
}

// ------------------------------------------------------------------------------ attributes
static Value bind(VM& vm, const Value& attr, const Value& obj) {
    if (attr.is_obj()) {
        Type* at = attr.o->type;
        if (at == vm.t.function || at == vm.t.native)
            return Value(new BoundMethod(vm.t.bound, obj, attr));
        if (at == vm.t.staticmethod) return attr.as<StaticMethod>()->func;
        if (at == vm.t.classmethod)
            return Value(
                new BoundMethod(vm.t.bound, Value(vm.type_of(obj)), attr.as<ClassMethod>()->func));
        if (at == vm.t.property) {
            Property* p = attr.as<Property>();
            if (p->fget.is_none()) vm.raise(vm.t.AttributeError, "property has no getter");
            return vm.call(p->fget, {obj});
        }
    }
    return attr;
}

bool VM::getattr_opt(const Value& obj, Str* name, Value& out) {
    Type* tp = type_of(obj);
    if (tp == t.type || (obj.is_obj() && obj.o->type->is_subtype(t.type))) {
        Type* ty = obj.as<Type>();
        Value* a = ty->lookup(name);
        if (a) {
            if (a->is_obj() && a->o->type == t.classmethod) {
                out = Value(new BoundMethod(t.bound, obj, a->as<ClassMethod>()->func));
                return true;
            }
            if (a->is_obj() && a->o->type == t.staticmethod) {
                out = a->as<StaticMethod>()->func;
                return true;
            }
            out = *a;
            return true;
        }
        if (name == n.__name__) {
            out = str(ty->name);
            return true;
        }
        if (name == n.__qualname__) {
            out = str(ty->name);
            return true;
        }
        if (name == n.__module__) {
            out = str(ty->module);
            return true;
        }
        if (name == n.__class__) {
            out = Value(t.type);
            return true;
        }
        if (name->s == "__mro__") {
            std::vector<Value> m;
            for (Type* x : ty->mro) m.push_back(Value(x));
            if (ty->mro.back() != t.object) m.push_back(Value(t.object));
            out = new_tuple(std::move(m));
            return true;
        }
        if (name->s == "__bases__") {
            out = new_tuple({Value(ty->base ? ty->base : t.object)});
            return true;
        }
        if (name == n.__doc__) {
            out = None;
            return true;
        }
        // methods of `type` itself
        Value* ma = t.type->lookup(name);
        if (ma) {
            out = bind(*this, *ma, obj);
            return true;
        }
        return false;
    }
    if (tp == t.module) {
        Value* v = dict_find_str(obj.as<Module>()->globals, name);
        if (v) {
            out = *v;
            return true;
        }
        return false;
    }
    Value* cls_attr = tp->lookup(name);
    if (cls_attr && cls_attr->is_obj() && cls_attr->o->type == t.property) {
        out = bind(*this, *cls_attr, obj);
        return true;
    }
    if (obj.is_obj()) {
        if (tp->layout == Layout::Object || tp->layout == Layout::Exception || !tp->builtin) {
            if (AttrMap* attrs = (obj.o)->own_attrs()) {
                auto it = attrs->find(name);
                if (it != attrs->end()) {
                    out = it->second;
                    return true;
                }
            }
        }
        if (tp == t.function) {
            Function* f = obj.as<Function>();
            if (name == n.__name__) {
                out = f->name;
                return true;
            }
            if (name == n.__qualname__) {
                out = f->qualname;
                return true;
            }
            if (name == n.__doc__) {
                out = None;
                return true;
            }
            if (name == n.__module__) {
                out = str("__main__");
                return true;
            }
            auto it = f->attrs.find(name);
            if (it != f->attrs.end()) {
                out = it->second;
                return true;
            }
        }
        if (tp == t.native && name == n.__name__) {
            out = str(obj.as<NativeFunc>()->name);
            return true;
        }
        if (tp == t.bound) {
            BoundMethod* bm = obj.as<BoundMethod>();
            if (name->s == "__self__") {
                out = bm->self;
                return true;
            }
            if (name->s == "__func__") {
                out = bm->func;
                return true;
            }
            if (name == n.__name__) return getattr_opt(bm->func, name, out);
        }
        if (tp->is_exception) {
            ExcObj* e = static_cast<ExcObj*>(obj.o);
            if (name == n.args) {
                out = e->args;
                return true;
            }
            if (name->s == "__context__") {
                out = e->context;
                return true;
            }
            if (name->s == "__cause__") {
                out = e->cause;
                return true;
            }
            if (name->s == "__suppress_context__") {
                out = Value::boolean(e->suppress_context);
                return true;
            }
            // StopIteration.value: the generator's return value (its first argument)
            if (name->s == "value" && tp->is_subtype(t.StopIteration)) {
                const auto& items = e->args.as<Tuple>()->items;
                out = items.empty() ? Value() : items[0];
                return true;
            }
        }
    }
    if (cls_attr) {
        out = bind(*this, *cls_attr, obj);
        return true;
    }
    if (name == n.__class__) {
        out = Value(tp);
        return true;
    }
    if (name == n.__dict__ && obj.is_obj()) {
        if (AttrMap* attrs = (obj.o)->own_attrs()) {
            Value d = new_dict();
            for (auto& kv : *attrs) dict_set(*this, d.as<Dict>(), Value(kv.first), kv.second);
            out = d;
            return true;
        }
    }
    if (!tp->builtin || tp->attrs.count(n.__getattr__)) {
        Value* ga = tp->lookup(n.__getattr__);
        if (ga) {
            out = call(bind(*this, *ga, obj), {Value(name)});
            return true;
        }
    }
    return false;
}

Value VM::getattr(const Value& obj, Str* name) {
    Value out;
    if (getattr_opt(obj, name, out)) return out;
    Type* tp = type_of(obj);
    if (tp == t.type || tp->is_subtype(t.type))
        raise(t.AttributeError,
              "type object '" + obj.as<Type>()->display() + "' has no attribute '" + name->s + "'");
    if (tp == t.module)
        raise(t.AttributeError,
              "module '" + obj.as<Module>()->name->s + "' has no attribute '" + name->s + "'");
    raise(t.AttributeError, "'" + tp->display() + "' object has no attribute '" + name->s + "'");
}

// A user class's own __setattr__/__delattr__ (a Python function somewhere in its MRO).
static Value* user_hook(VM& vm, Type* tp, Str* dunder) {
    if (tp->builtin) return nullptr;
    Value* h = tp->lookup(dunder);
    return h && h->is_obj() && h->o->type == vm.t.function ? h : nullptr;
}

void VM::setattr(const Value& obj, Str* name, const Value& v, bool hooks) {
    Type* tp = type_of(obj);
    if (hooks && attr_hooks) {
        if (Value* h = user_hook(*this, tp, n.__setattr__)) {
            call(*h, {obj, Value(name), v});
            return;
        }
    }
    Value* cls_attr = tp->lookup(name);
    if (cls_attr && cls_attr->is_obj() && cls_attr->o->type == t.property) {
        Property* p = cls_attr->as<Property>();
        if (p->fset.is_none()) raise(t.AttributeError, "can't set attribute '" + name->s + "'");
        call(p->fset, {obj, v});
        return;
    }
    if (obj.is_obj()) {
        if (tp == t.type || tp->is_subtype(t.type)) {
            Type* ty = obj.as<Type>();
            if (ty->builtin)
                type_error("cannot set '" + name->s + "' attribute of immutable type '" + ty->name +
                           "'");
            ty->attrs[name] = v;
            note_class_attr(name);
            return;
        }
        if (tp == t.module) {
            dict_set(*this, obj.as<Module>()->globals, Value(name), v);
            return;
        }
        if (tp == t.function) {
            Function* f = obj.as<Function>();
            if (name == n.__name__)
                f->name = v;
            else if (name == n.__qualname__)
                f->qualname = v;
            else
                f->attrs[name] = v;
            return;
        }
        if (!tp->builtin || tp->layout == Layout::Object || tp->is_exception) {
            if (AttrMap* attrs = (obj.o)->own_attrs()) {
                attrs->set(name, v);
                return;
            }
        }
    }
    if (tp->lookup(name))
        raise(t.AttributeError,
              "'" + tp->display() + "' object attribute '" + name->s + "' is read-only");
    raise(t.AttributeError, "'" + tp->display() + "' object has no attribute '" + name->s + "'");
}

LMPY_SIZE_FN void VM::delattr(const Value& obj, Str* name, bool hooks) {
    if (hooks && attr_hooks) {
        if (Value* h = user_hook(*this, type_of(obj), n.__delattr__)) {
            call(*h, {obj, Value(name)});
            return;
        }
    }
    if (obj.is_obj()) {
        if (AttrMap* attrs = (obj.o)->own_attrs()) {
            if (attrs->erase(name)) return;
        }
        if (obj.o->type == t.module && dict_del(*this, obj.as<Module>()->globals, Value(name)))
            return;
        // a class's own attribute (del C.x, delattr(C, 'x')); builtin types are read-only
        if (obj.o->type->is_subtype(t.type) && !obj.as<Type>()->builtin &&
            obj.as<Type>()->attrs.erase(name))
            return;
    }
    raise(t.AttributeError, "'" + type_name(obj) + "' object has no attribute '" + name->s + "'");
}

bool VM::lookup_method(const Value& obj, Str* name, Value& func, bool& self_needed) {
    Type* tp = type_of(obj);
    if (tp != t.type && tp != t.module) {
        Value* a = tp->lookup(name);
        if (a && a->is_obj() && (a->o->type == t.function || a->o->type == t.native)) {
            // an instance attribute of the same name shadows the method
            if (obj.is_obj() && !tp->builtin) {
                if (AttrMap* attrs = (obj.o)->own_attrs()) {
                    auto it = attrs->find(name);
                    if (it != attrs->end()) {
                        func = it->second;
                        self_needed = false;
                        return true;
                    }
                }
            }
            func = *a;
            self_needed = true;
            return true;
        }
    }
    self_needed = false;
    return getattr_opt(obj, name, func);
}

bool VM::call_dunder(const Value& obj, Str* name, const Value* args, int nargs, Value& out) {
    Type* tp = type_of(obj);
    Value* a = tp->lookup(name);
    if (!a) return false;
    Value stackargs[4];
    stackargs[0] = obj;
    for (int i = 0; i < nargs; ++i) stackargs[i + 1] = args[i];
    if (a->is_obj() && (a->o->type == t.function || a->o->type == t.native)) {
        out = call_args(*a, stackargs, nargs + 1);
        return true;
    }
    Value bound = bind(*this, *a, obj);
    out = call_args(bound, args, nargs);
    return true;
}

Value VM::call_method(const Value& obj, Str* name, std::initializer_list<Value> args) {
    Value f;
    bool self_needed;
    if (!lookup_method(obj, name, f, self_needed)) getattr(obj, name); // raises
    std::vector<Value> v;
    if (self_needed) v.push_back(obj);
    for (auto& x : args) v.push_back(x);
    return call_args(f, v.data(), int(v.size()));
}

const Frame* current_frame(VM& vm) { return vm.st->top_frame; }

} // namespace lmpy
