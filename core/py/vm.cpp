// The VM proper: the type registry, attribute lookup and binding, the call protocol with
// CPython's argument-binding errors, class creation, generators, and the bytecode loop.
// Frames of ordinary calls live on one preallocated value stack (locals, cells, operand stack
// contiguous); generator frames own their storage so they can be suspended.
#include "py/runtime.h"
#include <algorithm>
#include <cmath>
#include <new>

namespace lmpy {

struct Generator;

struct Block {
    int handler;
    int level;
    int handling;
};

struct Frame {
    Code* code = nullptr;
    Function* func = nullptr;
    Dict* globals = nullptr;
    Value ns;              // namespace dict for class bodies / module-level LOAD_NAME
    Value* base = nullptr; // locals, then cells, then the operand stack
    Value* sp = nullptr;
    int ip = 0;
    std::vector<Block> blocks;
    Generator* gen = nullptr;
    bool yielded = false;
};

struct Generator : Iter {
    std::vector<Value> storage;
    Frame frame;
    Value keep_func;
    bool started = false, finished = false, running = false;
    explicit Generator(Type* t) : Iter(t) {}
    bool next(VM& vm, Value& out) override;
    Value send(VM& vm, const Value& v, bool& done);
};

FrameInfo* current_frame(VM& vm) { return vm.st->frames.empty() ? nullptr : &vm.st->frames.back(); }

Value run_frame(VM& vm, Frame& f);

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
    auto it = st->interned.find(std::string(s));
    if (it != st->interned.end()) return it->second;
    Str* o = new Str(t.str, std::string(s));
    o->interned = true;
    st->keep.push_back(Value(o));
    hash(st->keep.back());
    st->interned.emplace(std::string(s), o);
    return o;
}
Value VM::str(std::string s) {
    if (s.size() <= 1) return Value(intern(s));
    return Value(new Str(t.str, std::move(s)));
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
Value VM::new_dict() { return Value(new Dict(t.dict)); }
Value VM::new_set(bool frozen) { return Value(new Set(frozen ? t.frozenset : t.set)); }
Value VM::new_native(const char* name, NativeFn fn, Value self) {
    auto* nf = new NativeFunc(t.native, name, fn);
    nf->self = std::move(self);
    return Value(nf);
}
Value VM::new_module(std::string_view name) {
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
Type* VM::new_type(std::string name, Type* base, Layout layout, NativeFn ctor) {
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
void VM::add_method(Type* ty, const char* name, NativeFn fn) {
    ty->attrs[intern(name)] = new_native(name, fn);
}
void VM::add_attr(Type* ty, const char* name, Value v) { ty->attrs[intern(name)] = std::move(v); }
void VM::set_global(const Value& m, const char* name, Value v) {
    Dict* d = m.o->type == t.module ? m.as<Module>()->globals : m.as<Dict>();
    dict_set(*this, d, Value(intern(name)), v);
}

void VM::raise(Type* ty, std::string msg) { throw PyExc{new_exc(ty, std::move(msg))}; }
void VM::raise_value(Value exc) { throw PyExc{std::move(exc)}; }

void check_nargs(VM& vm, const char* fname, Args& a, int min, int max) {
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
            if (auto* inst = (obj.o)->as_instance()) {
                auto it = inst->attrs.find(name);
                if (it != inst->attrs.end()) {
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
        if (auto* inst = (obj.o)->as_instance()) {
            Value d = new_dict();
            for (auto& kv : inst->attrs) dict_set(*this, d.as<Dict>(), Value(kv.first), kv.second);
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
              "type object '" + obj.as<Type>()->name + "' has no attribute '" + name->s + "'");
    if (tp == t.module)
        raise(t.AttributeError,
              "module '" + obj.as<Module>()->name->s + "' has no attribute '" + name->s + "'");
    raise(t.AttributeError, "'" + tp->name + "' object has no attribute '" + name->s + "'");
}

void VM::setattr(const Value& obj, Str* name, const Value& v) {
    Type* tp = type_of(obj);
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
            if (auto* inst = (obj.o)->as_instance()) {
                inst->attrs[name] = v;
                return;
            }
        }
    }
    if (tp->lookup(name))
        raise(t.AttributeError,
              "'" + tp->name + "' object attribute '" + name->s + "' is read-only");
    raise(t.AttributeError, "'" + tp->name + "' object has no attribute '" + name->s + "'");
}

void VM::delattr(const Value& obj, Str* name) {
    if (obj.is_obj()) {
        if (auto* inst = (obj.o)->as_instance()) {
            if (inst->attrs.erase(name)) return;
        }
        if (obj.o->type == t.module && dict_del(*this, obj.as<Module>()->globals, Value(name)))
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
                if (auto* inst = (obj.o)->as_instance()) {
                    auto it = inst->attrs.find(name);
                    if (it != inst->attrs.end()) {
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

// ------------------------------------------------------------------------------------ calls
Value VM::call(const Value& f, std::initializer_list<Value> args) {
    return call_args(f, args.begin(), int(args.size()));
}
Value VM::call_args(const Value& f, const Value* args, int nargs) {
    Args a;
    a.pos = args;
    a.n = nargs;
    return call(f, a);
}

static Value make_instance(VM& vm, Type* ty, Args& a);

Value VM::call(const Value& f, Args& a) {
    if (f.is_obj()) {
        Type* ft = f.o->type;
        if (ft == t.function) return call_function(f.as<Function>(), a);
        if (ft == t.native) {
            NativeFunc* nf = f.as<NativeFunc>();
            Args b = a;
            b.fn = nf;
            return nf->fn(*this, b);
        }
        if (ft == t.bound) {
            BoundMethod* bm = f.as<BoundMethod>();
            Value keep = f;
            Value buf[8];
            std::vector<Value> big;
            Value* p = buf;
            if (a.n + 1 > 8) {
                big.resize(a.n + 1);
                p = big.data();
            }
            p[0] = bm->self;
            for (int i = 0; i < a.n; ++i) p[i + 1] = a.pos[i];
            Args b = a;
            b.pos = p;
            b.n = a.n + 1;
            return call(bm->func, b);
        }
        if (ft == t.type || ft->is_subtype(t.type)) {
            Type* ty = f.as<Type>();
            return make_instance(*this, ty, a);
        }
    }
    Value out;
    Type* tp = type_of(f);
    Value* c = tp->lookup(n.__call__);
    if (c) {
        std::vector<Value> v;
        v.push_back(f);
        for (int i = 0; i < a.n; ++i) v.push_back(a.pos[i]);
        Args b = a;
        b.pos = v.data();
        b.n = int(v.size());
        return call(*c, b);
    }
    type_error("'" + tp->name + "' object is not callable");
}

static Value make_instance(VM& vm, Type* ty, Args& a) {
    if (ty == vm.t.type && a.n == 1 && a.nkw == 0) return Value(vm.type_of(a.pos[0]));
    // find the nearest builtin constructor (for builtin types and subclasses of them)
    Type* builtin_base = nullptr;
    for (Type* b : ty->mro)
        if (b->builtin) {
            builtin_base = b;
            break;
        }
    Value obj;
    if (ty->builtin) {
        if (ty->ctor) return ty->ctor(vm, a);
        if (ty->is_exception) {
            auto* e = new ExcObj(ty);
            obj = Value(e);
            e->args = vm.new_tuple(std::vector<Value>(a.pos, a.pos + a.n));
            return obj;
        }
        vm.type_error("cannot create '" + ty->name + "' instances");
    }
    if (builtin_base && builtin_base->is_exception) {
        auto* e = new ExcObj(ty);
        obj = Value(e);
        e->args = vm.new_tuple(std::vector<Value>(a.pos, a.pos + a.n));
    } else if (builtin_base && builtin_base != vm.t.object && builtin_base->ctor) {
        vm.raise(vm.t.NotImplementedError,
                 "subclassing the builtin type '" + builtin_base->name + "' is not supported");
    } else {
        obj = Value(new Instance(ty));
    }
    Value* init = ty->lookup(vm.n.__init__);
    if (init && init->is_obj() && init->o->type == vm.t.function) {
        std::vector<Value> v;
        v.reserve(a.n + 1);
        v.push_back(obj);
        for (int i = 0; i < a.n; ++i) v.push_back(a.pos[i]);
        Args b = a;
        b.pos = v.data();
        b.n = int(v.size());
        Value r = vm.call(*init, b);
        if (!r.is_none())
            vm.type_error("__init__() should return None, not '" + vm.type_name(r) + "'");
    } else if ((a.n || a.nkw) && !(builtin_base && builtin_base->is_exception)) {
        vm.type_error(ty->name + "() takes no arguments");
    }
    return obj;
}

static std::string join_names(const std::vector<std::string>& names) {
    std::string s;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) s += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        s += "'" + names[i] + "'";
    }
    return s;
}

// Binds call arguments into the frame's local slots (CPython's rules and messages).
static void bind_args(VM& vm, Function* fn, Args& a, Value* locals) {
    Code* c = fn->code;
    const std::string& qn = c->qualname;
    int nargs = c->nargs;
    int npos = std::min(a.n, nargs);
    for (int i = 0; i < npos; ++i) locals[i] = a.pos[i];
    int slot = nargs + c->nkwonly;
    if (c->varargs) {
        std::vector<Value> rest;
        for (int i = nargs; i < a.n; ++i) rest.push_back(a.pos[i]);
        locals[slot++] = vm.new_tuple(std::move(rest));
    } else if (a.n > nargs) {
        int ndef = int(fn->defaults.size());
        int given_kw = 0;
        for (int k = 0; k < a.nkw; ++k)
            for (int i = 0; i < nargs + c->nkwonly; ++i)
                if (c->varnames[i] == a.kwn[k]) ++given_kw;
        std::string takes;
        if (ndef && ndef < nargs)
            takes = "from " + std::to_string(nargs - ndef) + " to " + std::to_string(nargs);
        else
            takes = std::to_string(nargs);
        std::string msg = qn + "() takes " + takes + " positional argument" +
                          (nargs == 1 && !ndef ? "" : "s") + " but " + std::to_string(a.n) +
                          (a.n == 1 ? " was" : " were") + " given";
        if (given_kw)
            msg = qn + "() takes " + takes + " positional argument" + (nargs == 1 ? "" : "s") +
                  " but " + std::to_string(a.n) + " positional argument" + (a.n == 1 ? "" : "s") +
                  " (and " + std::to_string(given_kw) + " keyword-only argument" +
                  (given_kw == 1 ? "" : "s") + ") were given";
        vm.type_error(msg);
    }
    Dict* kwdict = nullptr;
    if (c->varkw) {
        Value d = vm.new_dict();
        kwdict = d.as<Dict>();
        locals[slot++] = d;
    }
    for (int k = 0; k < a.nkw; ++k) {
        Str* name = a.kwn[k];
        int found = -1;
        for (int i = c->nposonly; i < nargs + c->nkwonly; ++i)
            if (c->varnames[i] == name || c->varnames[i]->s == name->s) {
                found = i;
                break;
            }
        if (found < 0) {
            if (kwdict) {
                dict_set(vm, kwdict, Value(name), a.kwv[k]);
                continue;
            }
            vm.type_error(qn + "() got an unexpected keyword argument '" + name->s + "'");
        }
        if (!locals[found].is_undef())
            vm.type_error(qn + "() got multiple values for argument '" + name->s + "'");
        locals[found] = a.kwv[k];
    }
    // defaults and missing
    int ndef = int(fn->defaults.size());
    std::vector<std::string> missing;
    for (int i = npos; i < nargs; ++i) {
        if (!locals[i].is_undef()) continue;
        int di = i - (nargs - ndef);
        if (di >= 0)
            locals[i] = fn->defaults[di];
        else
            missing.push_back(c->varnames[i]->s);
    }
    if (!missing.empty())
        vm.type_error(qn + "() missing " + std::to_string(missing.size()) +
                      " required positional argument" + (missing.size() == 1 ? "" : "s") + ": " +
                      join_names(missing));
    for (int i = nargs; i < nargs + c->nkwonly; ++i) {
        if (!locals[i].is_undef()) continue;
        Value* d = fn->kwdefaults.is_obj()
                       ? dict_find(vm, fn->kwdefaults.as<Dict>(), Value(c->varnames[i]))
                       : nullptr;
        if (d)
            locals[i] = *d;
        else
            missing.push_back(c->varnames[i]->s);
    }
    if (!missing.empty())
        vm.type_error(qn + "() missing " + std::to_string(missing.size()) +
                      " required keyword-only argument" + (missing.size() == 1 ? "" : "s") + ": " +
                      join_names(missing));
}

static void init_cells(VM& vm, Function* fn, Code* c, Value* base) {
    Value* cells = base + c->nlocals;
    size_t nc = c->cellnames.size();
    for (size_t i = 0; i < nc; ++i) {
        auto* cell = new Cell(vm.t.cell);
        cells[i] = Value(cell);
        int p = c->cell_param[i];
        if (p >= 0 && !base[p].is_undef()) {
            cell->v = base[p];
            cell->empty = false;
        }
    }
    for (size_t i = 0; i < c->freenames.size(); ++i) cells[nc + i] = fn->closure[i];
}

Value VM::call_function(Function* fn, Args& a) {
    Code* c = fn->code;
    size_t need = size_t(c->nlocals + c->ncells() + c->stacksize);
    if (c->generator) {
        auto* g = new Generator(t.generator);
        Value gv(g);
        g->storage.resize(need);
        for (int i = 0; i < c->nlocals; ++i) g->storage[i] = Value::undef();
        bind_args(*this, fn, a, g->storage.data());
        init_cells(*this, fn, c, g->storage.data());
        g->keep_func = Value(fn);
        Frame& f = g->frame;
        f.code = c;
        f.func = fn;
        f.globals = fn->globals.as<Dict>();
        f.base = g->storage.data();
        f.sp = f.base + c->nlocals + c->ncells();
        f.gen = g;
        return gv;
    }
    VMState& s = *st;
    if (depth >= kMaxDepth) raise(t.RecursionError, "maximum recursion depth exceeded");
    if (s.top + need > s.stack.size()) raise(t.RecursionError, "maximum recursion depth exceeded");
    Value* base = s.stack.data() + s.top;
    size_t saved_top = s.top;
    s.top += need;
    int nl = c->nlocals;
    for (int i = 0; i < nl; ++i) base[i] = Value::undef();
    Frame f;
    f.code = c;
    f.func = fn;
    f.globals = fn->globals.as<Dict>();
    f.base = base;
    f.sp = base + nl + c->ncells();
    struct Cleanup {
        VMState& s;
        size_t saved;
        Value* base;
        Value* end;
        ~Cleanup() {
            for (Value* p = base; p < end; ++p) *p = Value();
            s.top = saved;
        }
    } cleanup{s, saved_top, base, base + need};
    // fast path: exact positional call
    if (a.nkw == 0 && a.n == c->nargs && !c->varargs && !c->varkw && c->nkwonly == 0) {
        for (int i = 0; i < a.n; ++i) base[i] = a.pos[i];
    } else {
        bind_args(*this, fn, a, base);
    }
    if (c->ncells()) init_cells(*this, fn, c, base);
    return run_frame(*this, f);
}

// ------------------------------------------------------------------------------ generators
Value Generator::send(VM& vm, const Value& v, bool& done) {
    if (finished) {
        done = true;
        return Value();
    }
    if (running) vm.value_error("generator already executing");
    if (started)
        *frame.sp++ = v;
    else if (!v.is_none())
        vm.type_error("can't send non-None value to a just-started generator");
    started = true;
    running = true;
    Value keep(this);
    Value r;
    try {
        if (vm.depth >= kMaxDepth)
            vm.raise(vm.t.RecursionError, "maximum recursion depth exceeded");
        frame.yielded = false;
        r = run_frame(vm, frame);
    } catch (...) {
        running = false;
        finished = true;
        throw;
    }
    running = false;
    if (!frame.yielded) {
        finished = true;
        done = true;
        for (auto& x : storage) x = Value();
        return r;
    }
    done = false;
    return r;
}
bool Generator::next(VM& vm, Value& out) {
    bool done;
    Value r = send(vm, Value(), done);
    if (done) return false;
    out = std::move(r);
    return true;
}

// ------------------------------------------------------------------------------ classes
static Value build_class(VM& vm, const Value& body, const Value& name, const Value* bases,
                         int nbases) {
    Function* fn = body.as<Function>();
    Value ns = vm.new_dict();
    // run the class body with ns as its namespace
    Code* c = fn->code;
    size_t need = size_t(c->nlocals + c->ncells() + c->stacksize);
    std::vector<Value> storage(need);
    Frame f;
    f.code = c;
    f.func = fn;
    f.globals = fn->globals.as<Dict>();
    f.ns = ns;
    f.base = storage.data();
    f.sp = f.base + c->nlocals + c->ncells();
    init_cells(vm, fn, c, f.base);
    dict_set(vm, ns.as<Dict>(), Value(vm.n.__module__), vm.str("__main__"));
    dict_set(vm, ns.as<Dict>(), Value(vm.n.__qualname__), vm.str(c->qualname));
    run_frame(vm, f);
    Type* base = vm.t.object;
    if (nbases >= 1) {
        if (!bases[0].is_obj() ||
            !(bases[0].o->type == vm.t.type || bases[0].o->type->is_subtype(vm.t.type)))
            vm.type_error("bases must be types");
        base = bases[0].as<Type>();
    }
    Type* ty = new Type(vm.t.type, name.as<Str>()->s);
    Value tv(ty);
    ty->builtin = false;
    ty->base = base;
    ty->module = "__main__";
    ty->mro.push_back(ty);
    for (Type* b : base->mro) ty->mro.push_back(b);
    for (int i = 1; i < nbases; ++i) {
        if (!bases[i].is_obj() || bases[i].o->type != vm.t.type)
            vm.type_error("bases must be types");
        for (Type* b : bases[i].as<Type>()->mro)
            if (std::find(ty->mro.begin(), ty->mro.end(), b) == ty->mro.end())
                ty->mro.insert(ty->mro.end() - (base == vm.t.object ? 1 : 0), b);
    }
    if (std::find(ty->mro.begin(), ty->mro.end(), vm.t.object) == ty->mro.end())
        ty->mro.push_back(vm.t.object);
    ty->is_exception = base->is_exception;
    ty->layout = base->layout;
    dict_each(ns.as<Dict>(), [&](const Value& k, const Value& v) {
        if (!k.is_obj() || k.o->type != vm.t.str) return;
        Str* key = vm.intern(k.as<Str>()->s);
        ty->attrs[key] = v;
        Value fnv = v;
        if (fnv.is_obj() && (fnv.o->type == vm.t.staticmethod))
            fnv = fnv.as<StaticMethod>()->func;
        else if (fnv.is_obj() && (fnv.o->type == vm.t.classmethod))
            fnv = fnv.as<ClassMethod>()->func;
        else if (fnv.is_obj() && fnv.o->type == vm.t.property)
            fnv = fnv.as<Property>()->fget;
        if (fnv.is_obj() && fnv.o->type == vm.t.function)
            fnv.as<Function>()->klass = Value(static_cast<Obj*>(ty));
        if (v.is_obj() && v.o->type == vm.t.property) {
            Property* p = v.as<Property>();
            if (p->fset.is_obj() && p->fset.o->type == vm.t.function)
                p->fset.as<Function>()->klass = Value(static_cast<Obj*>(ty));
        }
    });
    // a class that defines __eq__ without __hash__ is unhashable
    if (ty->attrs.count(vm.n.__eq__) && !ty->attrs.count(vm.n.__hash__))
        ty->attrs[vm.n.__hash__] = Value();
    return tv;
}

// ------------------------------------------------------------------------------ the loop
static Type* exc_type_of(VM& vm, const Value& v) {
    if (v.is_obj() && (v.o->type == vm.t.type) && v.as<Type>()->is_exception) return v.as<Type>();
    return nullptr;
}

static bool exc_matches(VM& vm, const Value& exc, const Value& spec) {
    Type* et = vm.type_of(exc);
    if (spec.is_obj() && spec.o->type == vm.t.tuple) {
        for (auto& s : spec.as<Tuple>()->items)
            if (exc_matches(vm, exc, s)) return true;
        return false;
    }
    Type* st = exc_type_of(vm, spec);
    if (!st)
        vm.type_error("catching classes that do not inherit from BaseException is not allowed");
    return et->is_subtype(st);
}

static Value make_raisable(VM& vm, const Value& v) {
    if (Type* t = exc_type_of(vm, v)) return vm.call(Value(static_cast<Obj*>(t)), {});
    if (vm.type_of(v)->is_exception) return v;
    vm.type_error("exceptions must derive from BaseException");
}

static void unpack_error(VM& vm, int64_t got, int64_t want, bool ex) {
    if (got < want) {
        if (ex)
            vm.value_error("not enough values to unpack (expected at least " +
                           std::to_string(want) + ", got " + std::to_string(got) + ")");
        vm.value_error("not enough values to unpack (expected " + std::to_string(want) + ", got " +
                       std::to_string(got) + ")");
    }
    vm.value_error("too many values to unpack (expected " + std::to_string(want) + ")");
}

// Arithmetic on two small ints / two floats without leaving the loop; false = take the slow path
// (overflow, division by zero, negative shifts: the generic code raises or promotes).
static inline bool fast_int_binop(BinOp op, int64_t x, int64_t y, int64_t& out) {
    int64_t r;
    switch (op) {
    case BinOp::Add:
        if (__builtin_add_overflow(x, y, &r)) return false;
        out = r;
        return true;
    case BinOp::Sub:
        if (__builtin_sub_overflow(x, y, &r)) return false;
        out = r;
        return true;
    case BinOp::Mul:
        if (__builtin_mul_overflow(x, y, &r)) return false;
        out = r;
        return true;
    case BinOp::Mod:
        if (y <= 0) return false;
        r = x % y;
        out = r < 0 ? r + y : r;
        return true;
    case BinOp::FloorDiv:
        if (y <= 0) return false;
        r = x / y;
        out = (x % y != 0 && x < 0) ? r - 1 : r;
        return true;
    case BinOp::RShift:
        if (y < 0 || y >= 64) return false;
        out = x >> y;
        return true;
    case BinOp::And: out = x & y; return true;
    case BinOp::Or: out = x | y; return true;
    case BinOp::Xor: out = x ^ y; return true;
    default: return false;
    }
}
static inline bool fast_float_binop(BinOp op, double x, double y, double& out) {
    switch (op) {
    case BinOp::Add: out = x + y; return true;
    case BinOp::Sub: out = x - y; return true;
    case BinOp::Mul: out = x * y; return true;
    case BinOp::TrueDiv:
        if (y == 0) return false;
        out = x / y;
        return true;
    default: return false;
    }
}

Value run_frame(VM& vm, Frame& f) {
    Code* code = f.code;
    const uint32_t* ops = code->ops.data();
    Value* locals = f.base;
    Value* cells = f.base + code->nlocals;
    Value* stack_base = cells + code->ncells();
    Dict* globals = f.globals;
    Dict* builtins = vm.builtins.as<Dict>();
    VMState& st = *vm.st;
    ++vm.depth;
    st.frames.push_back({f.func, code, locals, &f.ip, f.ns});
    size_t handling_base = vm.handling.size();
    struct DepthGuard {
        VM& vm;
        VMState& st;
        ~DepthGuard() {
            --vm.depth;
            st.frames.pop_back();
        }
    } guard{vm, st};
    Value* sp = f.sp;
#define PUSH(v) (*sp++ = (v))
#define POP() (std::move(*--sp))
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
    for (;;) {
        try {
            for (;;) {
                uint32_t w = ops[f.ip++];
                uint32_t arg = w >> 8;
                switch (OpCode(w & 0xff)) {
                case OpCode::NOP: break;
                case OpCode::LOAD_CONST: PUSH(code->consts[arg]); break;
                case OpCode::LOAD_FAST: {
                    const Value& v = locals[arg];
                    if (v.is_undef())
                        vm.raise(vm.t.UnboundLocalError,
                                 "cannot access local variable '" + code->varnames[arg]->s +
                                     "' where it is not associated with a value");
                    PUSH(v);
                    break;
                }
                case OpCode::STORE_FAST: locals[arg] = POP(); break;
                case OpCode::DELETE_FAST:
                    if (locals[arg].is_undef())
                        vm.raise(vm.t.UnboundLocalError,
                                 "cannot access local variable '" + code->varnames[arg]->s +
                                     "' where it is not associated with a value");
                    locals[arg] = Value::undef();
                    break;
                case OpCode::LOAD_DEREF: {
                    Cell* c = cells[arg].as<Cell>();
                    if (c->empty) {
                        size_t nc = code->cellnames.size();
                        Str* nm = arg < nc ? code->cellnames[arg] : code->freenames[arg - nc];
                        if (arg < nc)
                            vm.raise(vm.t.UnboundLocalError,
                                     "cannot access local variable '" + nm->s +
                                         "' where it is not associated with a value");
                        vm.raise(
                            vm.t.NameError,
                            "cannot access free variable '" + nm->s +
                                "' where it is not associated with a value in enclosing scope");
                    }
                    PUSH(c->v);
                    break;
                }
                case OpCode::STORE_DEREF: {
                    Cell* c = cells[arg].as<Cell>();
                    c->v = POP();
                    c->empty = false;
                    break;
                }
                case OpCode::DELETE_DEREF: {
                    Cell* c = cells[arg].as<Cell>();
                    c->v = Value();
                    c->empty = true;
                    break;
                }
                case OpCode::LOAD_CLOSURE: PUSH(cells[arg]); break;
                case OpCode::LOAD_CLASSDEREF: {
                    Str* name = code->names[arg & 0xfff];
                    Value* v = f.ns.is_obj() ? dict_find_str(f.ns.as<Dict>(), name) : nullptr;
                    if (v)
                        PUSH(*v);
                    else {
                        Cell* c = cells[arg >> 12].as<Cell>();
                        if (c->empty)
                            vm.raise(vm.t.NameError, "name '" + name->s + "' is not defined");
                        PUSH(c->v);
                    }
                    break;
                }
                case OpCode::LOAD_GLOBAL: {
                    Str* name = code->names[arg];
                    Value* v = dict_find_str(globals, name);
                    if (!v) v = dict_find_str(builtins, name);
                    if (!v) vm.raise(vm.t.NameError, "name '" + name->s + "' is not defined");
                    PUSH(*v);
                    break;
                }
                case OpCode::STORE_GLOBAL: {
                    Value v = POP();
                    dict_set(vm, globals, Value(code->names[arg]), v);
                    break;
                }
                case OpCode::DELETE_GLOBAL:
                    if (!dict_del(vm, globals, Value(code->names[arg])))
                        vm.raise(vm.t.NameError,
                                 "name '" + code->names[arg]->s + "' is not defined");
                    break;
                case OpCode::LOAD_NAME: {
                    Str* name = code->names[arg];
                    Value* v = f.ns.is_obj() ? dict_find_str(f.ns.as<Dict>(), name) : nullptr;
                    if (!v) v = dict_find_str(globals, name);
                    if (!v) v = dict_find_str(builtins, name);
                    if (!v) vm.raise(vm.t.NameError, "name '" + name->s + "' is not defined");
                    PUSH(*v);
                    break;
                }
                case OpCode::STORE_NAME: {
                    Value v = POP();
                    dict_set(vm, f.ns.is_obj() ? f.ns.as<Dict>() : globals, Value(code->names[arg]),
                             v);
                    break;
                }
                case OpCode::DELETE_NAME:
                    if (!dict_del(vm, f.ns.is_obj() ? f.ns.as<Dict>() : globals,
                                  Value(code->names[arg])))
                        vm.raise(vm.t.NameError,
                                 "name '" + code->names[arg]->s + "' is not defined");
                    break;
                case OpCode::LOAD_ATTR: {
                    Value o = POP();
                    PUSH(vm.getattr(o, code->names[arg]));
                    break;
                }
                case OpCode::STORE_ATTR: {
                    Value o = POP();
                    Value v = POP();
                    vm.setattr(o, code->names[arg], v);
                    break;
                }
                case OpCode::DELETE_ATTR: {
                    Value o = POP();
                    vm.delattr(o, code->names[arg]);
                    break;
                }
                case OpCode::LOAD_METHOD: {
                    Value o = POP();
                    Value fn;
                    bool self_needed;
                    if (!vm.lookup_method(o, code->names[arg], fn, self_needed))
                        vm.getattr(o, code->names[arg]);
                    PUSH(fn);
                    if (self_needed)
                        PUSH(o);
                    else
                        PUSH(Value::undef());
                    break;
                }
                case OpCode::CALL_METHOD: {
                    Value* fp = sp - arg - 2;
                    Value r;
                    f.sp = sp;
                    if (fp[1].is_undef())
                        r = vm.call_args(fp[0], fp + 2, int(arg));
                    else
                        r = vm.call_args(fp[0], fp + 1, int(arg) + 1);
                    while (sp > fp) *--sp = Value();
                    PUSH(std::move(r));
                    break;
                }
                case OpCode::CALL: {
                    Value* fp = sp - arg - 1;
                    if ((++vm.tick & 0x3FF) == 0) vm.check_interrupt();
                    Value r = vm.call_args(fp[0], fp + 1, int(arg));
                    while (sp > fp) *--sp = Value();
                    PUSH(std::move(r));
                    break;
                }
                case OpCode::CALL_KW: {
                    Tuple* names = sp[-1].as<Tuple>();
                    int nkw = int(names->items.size());
                    Value* fp = sp - arg - 2;
                    std::vector<Str*> kwn(nkw);
                    for (int k = 0; k < nkw; ++k) kwn[k] = names->items[k].as<Str>();
                    Args a;
                    a.pos = fp + 1;
                    a.n = int(arg) - nkw;
                    a.kwv = fp + 1 + a.n;
                    a.kwn = kwn.data();
                    a.nkw = nkw;
                    Value r = vm.call(fp[0], a);
                    while (sp > fp) *--sp = Value();
                    PUSH(std::move(r));
                    break;
                }
                case OpCode::CALL_EX: {
                    Value kw = (arg & 1) ? POP() : Value();
                    Value args = POP();
                    Value fn = POP();
                    std::vector<Value> kwv;
                    std::vector<Str*> kwn;
                    if (kw.is_obj()) {
                        dict_each(kw.as<Dict>(), [&](const Value& k, const Value& v) {
                            if (!k.is_obj() || k.o->type != vm.t.str)
                                vm.type_error("keywords must be strings");
                            kwn.push_back(vm.intern(k.as<Str>()->s));
                            kwv.push_back(v);
                        });
                    }
                    Args a;
                    a.pos = args.as<Tuple>()->items.data();
                    a.n = int(args.as<Tuple>()->items.size());
                    a.kwv = kwv.data();
                    a.kwn = kwn.data();
                    a.nkw = int(kwn.size());
                    PUSH(vm.call(fn, a));
                    break;
                }
                case OpCode::POP_TOP:
                    --sp;
                    *sp = Value();
                    break;
                case OpCode::DUP_TOP: PUSH(TOP()); break;
                case OpCode::DUP_TOP_TWO: {
                    Value a = SECOND(), b = TOP();
                    PUSH(a);
                    PUSH(b);
                    break;
                }
                case OpCode::ROT_TWO: std::swap(sp[-1], sp[-2]); break;
                case OpCode::ROT_THREE: {
                    Value t = POP();
                    Value b = POP();
                    Value a = POP();
                    PUSH(t);
                    PUSH(a);
                    PUSH(b);
                    break;
                }
                case OpCode::ROT_FOUR: {
                    Value t = POP();
                    Value c = POP();
                    Value b = POP();
                    Value a = POP();
                    PUSH(t);
                    PUSH(a);
                    PUSH(b);
                    PUSH(c);
                    break;
                }
                case OpCode::BINARY: {
                    Value& a = sp[-2];
                    Value& b = sp[-1];
                    if (a.tag == Tag::Int && b.tag == Tag::Int) {
                        if (fast_int_binop(BinOp(arg), a.i, b.i, a.i)) {
                            --sp;
                            break;
                        }
                    } else if (a.tag == Tag::Float && b.tag == Tag::Float) {
                        if (fast_float_binop(BinOp(arg), a.f, b.f, a.f)) {
                            --sp;
                            break;
                        }
                    }
                    Value r = vm.binop(BinOp(arg), a, b);
                    --sp;
                    *sp = Value();
                    sp[-1] = std::move(r);
                    break;
                }
                case OpCode::INPLACE: {
                    Value& a = sp[-2];
                    Value& b = sp[-1];
                    if (a.tag == Tag::Int && b.tag == Tag::Int) {
                        if (fast_int_binop(BinOp(arg), a.i, b.i, a.i)) {
                            --sp;
                            break;
                        }
                    } else if (a.tag == Tag::Float && b.tag == Tag::Float) {
                        if (fast_float_binop(BinOp(arg), a.f, b.f, a.f)) {
                            --sp;
                            break;
                        }
                    }
                    Value r = vm.inplace(BinOp(arg), a, b);
                    --sp;
                    *sp = Value();
                    sp[-1] = std::move(r);
                    break;
                }
                case OpCode::COMPARE: {
                    Value& a = sp[-2];
                    Value& b = sp[-1];
                    Value r;
                    if (arg < 6 && a.tag == Tag::Int && b.tag == Tag::Int) {
                        bool res;
                        switch (CmpOp(arg)) {
                        case CmpOp::Lt: res = a.i < b.i; break;
                        case CmpOp::Le: res = a.i <= b.i; break;
                        case CmpOp::Eq: res = a.i == b.i; break;
                        case CmpOp::Ne: res = a.i != b.i; break;
                        case CmpOp::Gt: res = a.i > b.i; break;
                        default: res = a.i >= b.i; break;
                        }
                        r = Value::boolean(res);
                    } else if (arg < 6) {
                        r = vm.compare(CmpOp(arg), a, b);
                    } else if (arg == 6) {
                        r = Value::boolean(vm.contains(b, a));
                    } else if (arg == 7) {
                        r = Value::boolean(!vm.contains(b, a));
                    } else if (arg == 8) {
                        r = Value::boolean(a.same(b));
                    } else {
                        r = Value::boolean(!a.same(b));
                    }
                    --sp;
                    *sp = Value();
                    sp[-1] = std::move(r);
                    break;
                }
                case OpCode::UNARY_NEG: TOP() = vm.unary_neg(TOP()); break;
                case OpCode::UNARY_POS: TOP() = vm.unary_pos(TOP()); break;
                case OpCode::UNARY_NOT: TOP() = Value::boolean(!vm.truthy(TOP())); break;
                case OpCode::UNARY_INVERT: TOP() = vm.unary_invert(TOP()); break;
                case OpCode::BINARY_SUBSCR: {
                    Value k = POP();
                    Value o = POP();
                    PUSH(vm.getitem(o, k));
                    break;
                }
                case OpCode::STORE_SUBSCR: {
                    Value k = POP();
                    Value o = POP();
                    Value v = POP();
                    vm.setitem(o, k, v);
                    break;
                }
                case OpCode::DELETE_SUBSCR: {
                    Value k = POP();
                    Value o = POP();
                    vm.delitem(o, k);
                    break;
                }
                case OpCode::BUILD_TUPLE: {
                    std::vector<Value> items(arg);
                    for (uint32_t i = arg; i-- > 0;) items[i] = POP();
                    PUSH(vm.new_tuple(std::move(items)));
                    break;
                }
                case OpCode::BUILD_LIST: {
                    std::vector<Value> items(arg);
                    for (uint32_t i = arg; i-- > 0;) items[i] = POP();
                    PUSH(vm.new_list(std::move(items)));
                    break;
                }
                case OpCode::BUILD_SET: {
                    Value s = vm.new_set();
                    for (uint32_t i = 0; i < arg; ++i)
                        set_add(vm, s.as<Set>(), sp[-int(arg) + int(i)]);
                    for (uint32_t i = 0; i < arg; ++i) (void)POP();
                    PUSH(s);
                    break;
                }
                case OpCode::BUILD_MAP: {
                    Value d = vm.new_dict();
                    Value* b = sp - 2 * arg;
                    for (uint32_t i = 0; i < arg; ++i)
                        dict_set(vm, d.as<Dict>(), b[2 * i], b[2 * i + 1]);
                    while (sp > b) *--sp = Value();
                    PUSH(d);
                    break;
                }
                case OpCode::BUILD_SLICE: {
                    auto* s = new Slice(vm.t.slice);
                    Value sv(s);
                    if (arg == 3) s->step = POP();
                    s->stop = POP();
                    s->start = POP();
                    PUSH(sv);
                    break;
                }
                case OpCode::BUILD_STRING: {
                    std::string out;
                    for (uint32_t i = arg; i > 0; --i) out += sp[-int(i)].as<Str>()->s;
                    for (uint32_t i = 0; i < arg; ++i) (void)POP();
                    PUSH(vm.str(std::move(out)));
                    break;
                }
                case OpCode::FORMAT_VALUE: {
                    Value spec = (arg & 0x100) ? POP() : Value();
                    Value v = POP();
                    char conv = char(arg & 0xff);
                    if (conv == 'r')
                        v = vm.str(vm.repr(v));
                    else if (conv == 's')
                        v = vm.str(vm.to_str(v));
                    else if (conv == 'a')
                        v = vm.str(vm.repr(v));
                    std::string_view sp_ =
                        spec.is_obj() ? std::string_view(spec.as<Str>()->s) : std::string_view();
                    if (sp_.empty() && v.is_obj() && v.o->type == vm.t.str)
                        PUSH(v);
                    else
                        PUSH(vm.str(vm.format(v, sp_)));
                    break;
                }
                case OpCode::LIST_APPEND: {
                    Value v = POP();
                    sp[-int(arg)].as<List>()->items.push_back(std::move(v));
                    break;
                }
                case OpCode::SET_ADD: {
                    Value v = POP();
                    set_add(vm, sp[-int(arg)].as<Set>(), v);
                    break;
                }
                case OpCode::MAP_ADD: {
                    Value v = POP();
                    Value k = POP();
                    dict_set(vm, sp[-int(arg)].as<Dict>(), k, v);
                    break;
                }
                case OpCode::LIST_EXTEND: {
                    Value it = POP();
                    List* l = TOP().as<List>();
                    vm.iterate(it, [&](const Value& x) { l->items.push_back(x); });
                    break;
                }
                case OpCode::SET_UPDATE: {
                    Value it = POP();
                    set_update_from(vm, TOP().as<Set>(), it);
                    break;
                }
                case OpCode::DICT_UPDATE: {
                    Value m = POP();
                    Dict* d = sp[-int(arg)].as<Dict>();
                    if (m.is_obj() && m.o->type->is_subtype(vm.t.dict)) {
                        dict_each(m.as<Dict>(),
                                  [&](const Value& k, const Value& v) { dict_set(vm, d, k, v); });
                    } else {
                        Value keys = vm.call_method(m, vm.n.keys, {});
                        vm.iterate(keys,
                                   [&](const Value& k) { dict_set(vm, d, k, vm.getitem(m, k)); });
                    }
                    break;
                }
                case OpCode::LIST_TO_TUPLE: {
                    Value l = POP();
                    PUSH(vm.new_tuple(l.as<List>()->items));
                    break;
                }
                case OpCode::JUMP:
                    if (int(arg) < f.ip && (++vm.tick & 0x3FF) == 0) {
                        f.sp = sp;
                        vm.check_interrupt();
                    }
                    f.ip = int(arg);
                    break;
                case OpCode::POP_JUMP_IF_FALSE: {
                    Value v = POP();
                    bool t = v.tag == Tag::Bool ? v.b : vm.truthy(v);
                    if (!t) f.ip = int(arg);
                    break;
                }
                case OpCode::POP_JUMP_IF_TRUE: {
                    Value v = POP();
                    bool t = v.tag == Tag::Bool ? v.b : vm.truthy(v);
                    if (t) f.ip = int(arg);
                    break;
                }
                case OpCode::JUMP_IF_FALSE_OR_POP:
                    if (!vm.truthy(TOP()))
                        f.ip = int(arg);
                    else
                        (void)POP();
                    break;
                case OpCode::JUMP_IF_TRUE_OR_POP:
                    if (vm.truthy(TOP()))
                        f.ip = int(arg);
                    else
                        (void)POP();
                    break;
                case OpCode::GET_ITER: TOP() = vm.iter(TOP()); break;
                case OpCode::FOR_ITER: {
                    Value v;
                    f.sp = sp;
                    if (vm.next(TOP(), v))
                        PUSH(std::move(v));
                    else {
                        (void)POP();
                        f.ip = int(arg);
                    }
                    break;
                }
                case OpCode::UNPACK_SEQUENCE: {
                    Value seq = POP();
                    const std::vector<Value>* items = nullptr;
                    std::vector<Value> tmp;
                    if (seq.is_obj() && seq.o->type == vm.t.tuple)
                        items = &seq.as<Tuple>()->items;
                    else if (seq.is_obj() && seq.o->type == vm.t.list)
                        items = &seq.as<List>()->items;
                    else {
                        Value it = vm.iter(seq);
                        Value x;
                        while (tmp.size() <= arg && vm.next(it, x)) tmp.push_back(x);
                        items = &tmp;
                    }
                    if (items->size() != arg) unpack_error(vm, int64_t(items->size()), arg, false);
                    for (size_t i = arg; i-- > 0;) PUSH((*items)[i]);
                    break;
                }
                case OpCode::UNPACK_EX: {
                    uint32_t before = arg & 0xff, after = arg >> 8;
                    Value seq = POP();
                    std::vector<Value> items = vm.to_vector(seq);
                    if (items.size() < before + after)
                        unpack_error(vm, int64_t(items.size()), before + after, true);
                    for (size_t i = 0; i < after; ++i) PUSH(items[items.size() - 1 - i]);
                    std::vector<Value> mid(items.begin() + before, items.end() - after);
                    PUSH(vm.new_list(std::move(mid)));
                    for (size_t i = before; i-- > 0;) PUSH(items[i]);
                    break;
                }
                case OpCode::RETURN_VALUE: {
                    Value r = POP();
                    f.sp = sp;
                    vm.handling.resize(std::min(vm.handling.size(), handling_base));
                    return r;
                }
                case OpCode::MAKE_FUNCTION: {
                    Value cv = POP();
                    auto* fn = new Function(vm.t.function, cv.as<Code>());
                    Value fv(fn);
                    if (arg & 4) fn->closure = POP().as<Tuple>()->items;
                    if (arg & 2) fn->kwdefaults = POP();
                    if (arg & 1) fn->defaults = POP().as<Tuple>()->items;
                    fn->globals = Value(globals);
                    fn->name = vm.str(fn->code->name);
                    fn->qualname = vm.str(fn->code->qualname);
                    PUSH(fv);
                    break;
                }
                case OpCode::BUILD_CLASS: {
                    Value* b = sp - arg;
                    Value name = b[-1];
                    Value body = b[-2];
                    f.sp = sp;
                    Value cls = build_class(vm, body, name, b, int(arg));
                    while (sp > b - 2) *--sp = Value();
                    PUSH(cls);
                    break;
                }
                case OpCode::SETUP_EXCEPT:
                    f.blocks.push_back({int(arg), int(sp - stack_base), int(vm.handling.size())});
                    break;
                case OpCode::POP_BLOCK: f.blocks.pop_back(); break;
                case OpCode::POP_EXCEPT:
                    if (vm.handling.size() > handling_base) vm.handling.pop_back();
                    break;
                case OpCode::CHECK_EXC_MATCH: {
                    Value spec = POP();
                    PUSH(Value::boolean(exc_matches(vm, TOP(), spec)));
                    break;
                }
                case OpCode::RAISE: {
                    if (arg == 0) {
                        if (vm.handling.empty())
                            vm.raise(vm.t.RuntimeError, "No active exception to reraise");
                        throw PyExc{vm.handling.back()};
                    }
                    Value cause = arg == 2 ? POP() : Value();
                    Value e = make_raisable(vm, POP());
                    if (arg == 2) {
                        ExcObj* eo = static_cast<ExcObj*>(e.o);
                        eo->cause = cause.is_none() ? Value() : make_raisable(vm, cause);
                        eo->suppress_context = true;
                    }
                    throw PyExc{e};
                }
                case OpCode::RERAISE: {
                    Value e = POP();
                    static_cast<ExcObj*>(e.o)->tb.push_back({}); // marker: do not re-add this frame
                    static_cast<ExcObj*>(e.o)->tb.pop_back();
                    throw PyExc{e};
                }
                case OpCode::IMPORT_NAME: {
                    f.sp = sp;
                    std::string full = code->names[arg & 0x7fffff]->s;
                    Value m = vm.import_module(full);
                    if (!(arg & (1u << 23)) && full.find('.') != std::string::npos)
                        m = vm.import_module(full.substr(0, full.find('.')));
                    PUSH(m);
                    break;
                }
                case OpCode::IMPORT_FROM: {
                    Value m = TOP();
                    Str* name = code->names[arg];
                    Value v;
                    if (!vm.getattr_opt(m, name, v)) {
                        // a submodule not yet imported
                        std::string modname = m.as<Module>()->name->s;
                        try {
                            v = vm.import_module(modname + "." + name->s);
                        } catch (PyExc&) {
                            vm.raise(vm.t.ImportError, "cannot import name '" + name->s +
                                                           "' from '" + modname +
                                                           "' (unknown location)");
                        }
                    }
                    PUSH(v);
                    break;
                }
                case OpCode::IMPORT_STAR: {
                    Value m = POP();
                    Dict* src = m.as<Module>()->globals;
                    Dict* dst = f.ns.is_obj() ? f.ns.as<Dict>() : globals;
                    dict_each(src, [&](const Value& k, const Value& v) {
                        if (k.is_obj() && k.o->type == vm.t.str && !k.as<Str>()->s.empty() &&
                            k.as<Str>()->s[0] != '_')
                            dict_set(vm, dst, k, v);
                    });
                    break;
                }
                case OpCode::YIELD_VALUE: {
                    Value v = POP();
                    f.sp = sp;
                    f.yielded = true;
                    return v;
                }
                case OpCode::GET_YIELD_FROM_ITER: TOP() = vm.iter(TOP()); break;
                case OpCode::YIELD_FROM: {
                    Value sent = POP();
                    Value v;
                    f.sp = sp;
                    if (vm.next(TOP(), v)) {
                        // re-execute this instruction when resumed
                        f.ip -= 1;
                        f.sp = sp;
                        f.yielded = true;
                        return v;
                    }
                    TOP() = Value();
                    break;
                }
                case OpCode::LOAD_ASSERTION_ERROR:
                    PUSH(Value(static_cast<Obj*>(vm.t.AssertionError)));
                    break;
                case OpCode::WITH_ENTER: {
                    Value mgr = POP();
                    Value exit = vm.getattr(mgr, vm.n.__exit__);
                    Value v = vm.call_method(mgr, vm.n.__enter__, {});
                    PUSH(exit);
                    PUSH(v);
                    break;
                }
                case OpCode::WITH_EXIT: {
                    Value exit = POP();
                    vm.call(exit, {Value(), Value(), Value()});
                    break;
                }
                case OpCode::WITH_EXCEPT: {
                    Value exc = POP();
                    Value exit = POP();
                    Value r = vm.call(exit, {Value(vm.type_of(exc)), exc, Value()});
                    if (vm.truthy(r))
                        PUSH(Value());
                    else
                        PUSH(exc);
                    break;
                }
                case OpCode::SETUP_ANNOTATIONS: break;
                default:
                    vm.raise(vm.t.SystemError,
                             std::string("bad opcode ") + opcode_name(OpCode(w & 0xff)));
                }
            }
        } catch (PyExc& e) {
            ExcObj* eo = static_cast<ExcObj*>(e.exc.o);
            int line = code->lines[std::max(0, f.ip - 1)];
            bool reraise = f.ip > 0 && OpCode(ops[f.ip - 1] & 0xff) == OpCode::RERAISE;
            if (!reraise || eo->tb.empty() || eo->tb.back().func != code->name ||
                eo->tb.back().line != line)
                if (!reraise) eo->tb.push_back({code->filename, code->name, line});
            if (!vm.handling.empty() && eo->context.is_none() && !vm.handling.back().same(e.exc))
                eo->context = vm.handling.back();
            if (f.blocks.empty()) {
                // clear our stack region and propagate
                while (sp > stack_base) *--sp = Value();
                f.sp = sp;
                vm.handling.resize(std::min(vm.handling.size(), handling_base));
                throw;
            }
            Block b = f.blocks.back();
            f.blocks.pop_back();
            while (sp > stack_base + b.level) *--sp = Value();
            vm.handling.resize(std::min<size_t>(vm.handling.size(), size_t(b.handling)));
            vm.handling.push_back(e.exc);
            PUSH(e.exc);
            f.ip = b.handler;
        } catch (std::bad_alloc&) {
            // convert to a Python MemoryError and retry dispatch through the handler path
            Value me = vm.new_exc(vm.t.MemoryError, "");
            static_cast<ExcObj*>(me.o)->args = vm.new_tuple();
            ExcObj* eo = static_cast<ExcObj*>(me.o);
            eo->tb.push_back({code->filename, code->name, code->lines[std::max(0, f.ip - 1)]});
            if (f.blocks.empty()) {
                while (sp > stack_base) *--sp = Value();
                throw PyExc{me};
            }
            Block b = f.blocks.back();
            f.blocks.pop_back();
            while (sp > stack_base + b.level) *--sp = Value();
            vm.handling.push_back(me);
            PUSH(me);
            f.ip = b.handler;
        }
    }
}

Value VM::run_code(Code* code, const Value& globals, const Value& ns) {
    std::vector<Value> storage(size_t(code->nlocals + code->ncells() + code->stacksize));
    Frame f;
    f.code = code;
    f.globals = globals.as<Dict>();
    f.ns = ns;
    f.base = storage.data();
    f.sp = f.base + code->nlocals + code->ncells();
    return run_frame(*this, f);
}

// generator type hookup (used by ops.cpp iter/next through the Iter interface)
Type* make_generator_type(VM& vm) {
    Type* g = vm.new_type("generator", vm.t.object, Layout::Other);
    return g;
}

} // namespace lmpy
