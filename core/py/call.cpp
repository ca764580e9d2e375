// Calls: the call protocol for functions, natives, bound methods and types, CPython's
// argument binding and its error messages, instance creation, generators, and class creation.
#include "py/frame.h"
#include "size_fn.h"
#include <algorithm>
#include <cmath>
#include <new>

namespace lmpy {

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

// The slow half of a builtin method's checks in VM::call: raises CPython's error for a missing
// or foreign receiver and for a wrong count (worded after the method's ArgStyle), or returns
// when all is well after all (a receiver of a subclass).
[[gnu::noinline]] LMPY_SIZE_FN static void method_call_error(VM& vm, NativeFunc* nf, Args& a);
// A builtin type's method: its receiver, then its count. The exact type and a right count pass
// with a few compares; anything else is looked at closely (method_call_error, whose message
// building is most of the 1.7 KB the checks added to VM::call once wasm-opt inlined it there).
[[gnu::noinline]] static void check_method_call(VM& vm, NativeFunc* nf, const Args& a) {
    int n = a.n - 1;
    const Arity& ar = nf->arity;
    if (n < ar.min || n > ar.max || !a.pos[0].is_obj() || a.pos[0].o->type != nf->owner ||
        (a.nkw && ar.no_kw))
        method_call_error(vm, nf, const_cast<Args&>(a));
}
static void method_call_error(VM& vm, NativeFunc* nf, Args& a) {
    // (one message appended to in place: each `+` of temporaries costs code in wasm)
    const std::string& owner = nf->owner->name;
    const Arity& ar = nf->arity;
    int n = a.n - 1;
    Type* self = n < 0 ? nullptr : vm.type_of(a.pos[0]);
    bool kw = a.nkw && ar.no_kw, count = n < ar.min || n > ar.max;
    ArgStyle st = self && !self->is_subtype(nf->owner) ? ArgStyle::Any : ar.style;
    if (self && self->is_subtype(nf->owner) && !kw && !count) return;
    std::string m;
    if (nf->name[0] == '_' &&
        nf->name[1] == '_') { // a slot wrapper (__init__, ...): worded otherwise
        ((m += "descriptor '") += nf->name) += "' ";
        if (!self) (((m += "of '") += owner) += "' object needs an argument");
        if (self && st == ArgStyle::Any)
            (((((m += "requires a '") += owner) += "' object but received a '") += self->name) +=
             "'");
        if (!self || st == ArgStyle::Any) vm.type_error(m);
        m.clear();
    }
    if (!self || st == ArgStyle::Any) m = self ? "descriptor '" : "unbound method ";
    if (!self || kw || st == ArgStyle::NoArgs || st == ArgStyle::One) (m += owner) += '.';
    m += nf->name;
    if (!self) m += "() needs an argument";
    if (!self || st == ArgStyle::Any) {
        if (self)
            (((m += "' for '") += owner) += "' objects doesn't apply to a '") +=
                self->name + "' object";
        vm.type_error(m);
    }
    if (kw) vm.type_error(m + "() takes no keyword arguments");
    int k = n < ar.min ? ar.min : ar.max;
    const char* bound = ar.min == ar.max ? "exactly " : n < ar.min ? "at least " : "at most ";
    if (st == ArgStyle::KwOnly) {
        if (n <= ar.total) vm.type_error(m + "() takes no positional arguments");
        k = ar.total;
        bound = "at most ";
    }
    if (st == ArgStyle::Pos)
        (m += " expected ") += ar.min == ar.max ? "" : bound;
    else
        (m += "() takes ") += st == ArgStyle::NoArgs ? "no"
                              : st == ArgStyle::One  ? "exactly one"
                                                     : bound;
    if (st != ArgStyle::NoArgs && st != ArgStyle::One) m += std::to_string(k);
    m += k == 1 || st == ArgStyle::One ? " argument" : " arguments";
    if (st == ArgStyle::Pos)
        m += ", got ";
    else
        m += " (";
    m += std::to_string(n);
    if (st != ArgStyle::Pos) m += " given)";
    vm.type_error(m);
}

Value VM::call(const Value& f, Args& a) {
    if (f.is_obj()) {
        Type* ft = f.o->type;
        if (ft == t.function) return call_function(f.as<Function>(), a);
        if (ft == t.native) {
            NativeFunc* nf = f.as<NativeFunc>();
            if (nf->owner) check_method_call(*this, nf, a);
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
    type_error("'" + tp->display() + "' object is not callable");
}

// Classes derived from dict (or Counter, defaultdict, OrderedDict) and list: their instances
// are the builtin's object (DictInstance, ListInstance), filled as the builtin's constructor
// fills a new one from the same arguments, with its rules and errors.
static bool builtin_container(Type* base) {
    return base && base->ctor && (base->layout == Layout::Dict || base->layout == Layout::List);
}
static Type* builtin_base_of(Type* ty) {
    for (Type* b : ty->mro)
        if (b->builtin) return b;
    return nullptr;
}
LMPY_SIZE_FN static void init_container(VM& vm, Type* base, const Value& self, Args& a) {
    Value fresh = base->ctor(vm, a);
    if (base->layout == Layout::List) {
        self.as<List>()->items = std::move(fresh.as<List>()->items);
        return;
    }
    Dict* d = self.as<Dict>();
    Dict* f = fresh.as<Dict>();
    d->default_factory = f->default_factory;
    dict_each(f, [&](const Value& k, const Value& v) { dict_set(vm, d, k, v); });
}
// dict.__init__ / list.__init__ (what super().__init__(...) reaches): dict updates, list
// replaces its items, as CPython's do.
LMPY_SIZE_FN Value builtin_container_init(VM& vm, Args& a) {
    // (registered with add_method: a[0] is a list or a dict, of a subclass perhaps)
    Type* base = builtin_base_of(vm.type_of(a[0]));
    Args b = a;
    b.pos = a.pos + 1;
    b.n = a.n - 1;
    b.fn = nullptr;
    init_container(vm, base, a[0], b);
    return Value();
}

static Value make_instance(VM& vm, Type* ty, Args& a) {
    if (ty == vm.t.type && a.n == 1 && a.nkw == 0) return Value(vm.type_of(a.pos[0]));
    // the nearest builtin type (for builtin types and subclasses of them)
    Type* builtin_base = builtin_base_of(ty);
    Value obj;
    if (ty->builtin) {
        if (ty->ctor) return ty->ctor(vm, a);
        if (ty->is_exception) {
            auto* e = new ExcObj(ty);
            obj = Value(e);
            e->args = vm.new_tuple(std::vector<Value>(a.pos, a.pos + a.n));
            return obj;
        }
        vm.type_error("cannot create '" + ty->display() + "' instances");
    }
    if (builtin_base && builtin_base->is_exception) {
        auto* e = new ExcObj(ty);
        obj = Value(e);
        e->args = vm.new_tuple(std::vector<Value>(a.pos, a.pos + a.n));
    } else if (builtin_container(builtin_base)) {
        if (builtin_base->layout == Layout::Dict)
            obj = Value(new DictInstance(ty));
        else
            obj = Value(new ListInstance(ty));
        Value* init = ty->lookup(vm.n.__init__);
        if (!init || !init->is_obj() || init->o->type != vm.t.function) {
            init_container(vm, builtin_base, obj, a);
            return obj;
        }
    } else if (builtin_base && builtin_base != vm.t.object && builtin_base->ctor) {
        vm.raise(vm.t.NotImplementedError,
                 "subclassing the builtin type '" + builtin_base->name + "' is not supported");
    } else {
        obj = Value(new Instance(ty));
    }
    Value* init = ty->lookup(vm.n.__init__);
    // a Python __init__, or whatever a class put there instead (None: not callable)
    if (init && !(init->is_obj() && init->o->type == vm.t.native)) {
        Value keep = *init; // (alive while it runs: it may rebind the class's __init__)
        // self and the arguments on the C++ stack (a vector was a malloc per instance)
        Value buf[8];
        std::vector<Value> big;
        Value* p = buf;
        if (a.n + 1 > 8) {
            big.resize(size_t(a.n) + 1);
            p = big.data();
        }
        p[0] = obj;
        for (int i = 0; i < a.n; ++i) p[i + 1] = a.pos[i];
        Args b = a;
        b.pos = p;
        b.n = a.n + 1;
        Value r = vm.call(keep, b);
        if (!r.is_none())
            vm.type_error("__init__() should return None, not '" + vm.type_name(r) + "'");
    } else if ((a.n || a.nkw) && !(builtin_base && builtin_base->is_exception)) {
        vm.type_error(ty->name + "() takes no arguments");
    }
    return obj;
}

// The errors of bind_args, out of line: building the messages inline made every call's
// argument binding several KB of code (a smaller function also reaches V8's optimising tier
// sooner).
[[noreturn]] [[gnu::noinline]] [[gnu::cold]] static void too_many_positional(VM& vm, Function* fn,
                                                                             Args& a) {
    Code* c = fn->code;
    const std::string& qn = c->qualname;
    int nargs = c->nargs;
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

[[noreturn]] [[gnu::noinline]] [[gnu::cold]] static void bad_keyword(VM& vm, Code* c, Args& a,
                                                                     Str* name, bool multiple) {
    if (multiple)
        vm.type_error(c->qualname + "() got multiple values for argument '" + name->s + "'");
    // keywords naming positional-only parameters are reported together, as CPython does
    std::string posonly;
    for (int k = 0; k < a.nkw; ++k)
        for (int i = 0; i < c->nposonly; ++i)
            if (c->varnames[i]->s == a.kwn[k]->s)
                posonly += (posonly.empty() ? "" : ", ") + a.kwn[k]->s;
    if (!posonly.empty())
        vm.type_error(c->qualname +
                      "() got some positional-only arguments passed as keyword arguments: '" +
                      posonly + "'");
    vm.type_error(c->qualname + "() got an unexpected keyword argument '" + name->s + "'");
}

// Names of the parameters in [from, to) still unbound, CPython's "missing" error.
[[noreturn]] [[gnu::noinline]] [[gnu::cold]] static void
missing_args(VM& vm, Code* c, Value* locals, int from, int to, bool kwonly) {
    std::vector<std::string> names;
    for (int i = from; i < to; ++i)
        if (locals[i].is_undef()) names.push_back(c->varnames[i]->s);
    std::string s;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) s += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        s += "'" + names[i] + "'";
    }
    vm.type_error(c->qualname + "() missing " + std::to_string(names.size()) + " required " +
                  (kwonly ? "keyword-only" : "positional") + " argument" +
                  (names.size() == 1 ? "" : "s") + ": " + s);
}

// Binds call arguments into the frame's local slots (CPython's rules and messages).
static void bind_args(VM& vm, Function* fn, Args& a, Value* locals) {
    Code* c = fn->code;
    int nargs = c->nargs;
    int npos = std::min(a.n, nargs);
    for (int i = 0; i < npos; ++i) locals[i] = a.pos[i];
    int slot = nargs + c->nkwonly;
    if (c->varargs) {
        std::vector<Value> rest;
        for (int i = nargs; i < a.n; ++i) rest.push_back(a.pos[i]);
        locals[slot++] = vm.new_tuple(std::move(rest));
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
            bad_keyword(vm, c, a, name, false);
        }
        if (!locals[found].is_undef()) bad_keyword(vm, c, a, name, true);
        locals[found] = a.kwv[k];
    }
    // after the keywords, as CPython: f(1, 2, 3, y=4) is "multiple values for argument 'y'"
    if (!c->varargs && a.n > nargs) too_many_positional(vm, fn, a);
    // defaults, then what is still missing
    int ndef = int(fn->defaults.size());
    bool missing = false;
    for (int i = npos; i < nargs; ++i) {
        if (!locals[i].is_undef()) continue;
        int di = i - (nargs - ndef);
        if (di >= 0)
            locals[i] = fn->defaults[di];
        else
            missing = true;
    }
    if (missing) missing_args(vm, c, locals, npos, nargs, false);
    for (int i = nargs; i < nargs + c->nkwonly; ++i) {
        if (!locals[i].is_undef()) continue;
        Value* d = fn->kwdefaults.is_obj()
                       ? dict_find(vm, fn->kwdefaults.as<Dict>(), Value(c->varnames[i]))
                       : nullptr;
        if (d)
            locals[i] = *d;
        else
            missing = true;
    }
    if (missing) missing_args(vm, c, locals, nargs, nargs + c->nkwonly, true);
}

void init_cells(VM& vm, Function* fn, Code* c, Value* base) {
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

// A frame that does not fit in the rest of the current chunk starts the next one (allocated
// the first time the recursion gets this deep); past the budget it is Python's RecursionError.
void VM::next_stack_chunk(size_t need) {
    ValueStack& s = st->stack;
    if (need > ValueStack::kChunk || s.chunk + 1 >= ValueStack::kChunks)
        raise(t.RecursionError, "maximum recursion depth exceeded");
    ++s.chunk;
    if (s.chunk == s.chunks.size()) s.chunks.emplace_back(new Value[ValueStack::kChunk]);
    s.top = 0;
}

Value VM::call_function(Function* fn, Args& a) {
    Code* c = fn->code;
    size_t need = size_t(c->nslots);
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
    ValueStack& s = st->stack;
    if (depth >= kMaxDepth) raise(t.RecursionError, "maximum recursion depth exceeded");
    check_stack();
    size_t saved_chunk = s.chunk, saved_top = s.top;
    if (s.top + need > ValueStack::kChunk) next_stack_chunk(need);
    Value* base = s.chunks[s.chunk].get() + s.top;
    s.top += need;
    int nl = c->nlocals;
    // Free stack slots hold no object references (see below), so arguments are constructed
    // in place and the other locals marked unbound without a decref.
    bool exact = a.nkw == 0 && a.n == c->nargs && !c->varargs && !c->varkw && c->nkwonly == 0;
    int first_unbound = 0;
    if (exact) {
        for (; first_unbound < a.n; ++first_unbound)
            new (&base[first_unbound]) Value(a.pos[first_unbound]);
    }
    for (int i = first_unbound; i < nl; ++i) base[i].tag = Tag::Undef;
    Frame f;
    f.code = c;
    f.func = fn;
    f.globals = fn->globals.as<Dict>();
    f.base = base;
    f.sp = base + nl + c->ncells();
    // On the way out the frame's slots are released: after a return only locals, cells and
    // what the operand stack still holds (f.sp; a return from inside a loop leaves its
    // iterator), because every pop moves its value out or clears the slot (the unit test
    // "the value stack is clean above its top" runs programs and checks it); after an
    // exception, every slot. Clearing all `need` slots on every call was a third of a call's
    // instructions (fib, callgrind).
    struct Cleanup {
        ValueStack& s;
        size_t chunk, top;
        Value* base;
        Value* end;
        ~Cleanup() {
            for (Value* p = base; p < end; ++p) *p = Value();
            s.chunk = chunk;
            s.top = top;
        }
    } cleanup{s, saved_chunk, saved_top, base, base + need};
    if (!exact) bind_args(*this, fn, a, base); // (exact positional calls: bound above)
    if (c->ncells()) init_cells(*this, fn, c, base);
    Value r = run_frame(*this, f);
    cleanup.end = f.sp;
    return r;
}

// ------------------------------------------------------------------------------ generators
bool Generator::step(VM& vm, const Value& v, Value& out) {
    if (finished) {
        out = Value();
        return false;
    }
    if (running) vm.value_error("generator already executing");
    if (started) {
        // the yield's value is sent to a POP_TOP at once (a `yield` statement, a generator
        // expression): skip both, a dispatch less per resume
        const uint32_t* ops = frame.code->ops.data();
        if (OpCode(ops[frame.ip] & 0xff) == OpCode::POP_TOP)
            ++frame.ip;
        else
            *frame.sp++ = v;
    } else if (!v.is_none())
        vm.type_error("can't send non-None value to a just-started generator");
    started = true;
    running = true;
    Value keep(this);
    try {
        if (vm.depth >= kMaxDepth)
            vm.raise(vm.t.RecursionError, "maximum recursion depth exceeded");
        frame.yielded = false;
        out = run_frame(vm, frame);
    } catch (...) {
        running = false;
        finished = true;
        throw;
    }
    running = false;
    if (frame.yielded) return true;
    finished = true;
    for (auto& x : storage) x = Value();
    return false;
}
LMPY_SIZE_FN void raise_stop_iteration(VM& vm, const Value& value) {
    Value e = vm.new_exc(vm.t.StopIteration, "");
    static_cast<ExcObj*>(e.o)->args = value.is_none() ? vm.new_tuple() : vm.new_tuple({value});
    vm.raise_value(e);
}

// generator.send(value) and generator.close(). send raises StopIteration (carrying the
// generator's return value) when it finishes, as CPython's does; close finishes it (a
// GeneratorExit is not thrown into the frame: try/finally blocks inside do not run).
LMPY_SIZE_FN static Value generator_send(VM& vm, Args& a) {
    auto* g = static_cast<Generator*>(a[0].o); // (add_method checked the receiver and count)
    Value r;
    if (!g->step(vm, a[1], r)) raise_stop_iteration(vm, r);
    return r;
}
LMPY_SIZE_FN static Value generator_close(VM& vm, Args& a) {
    auto* g = static_cast<Generator*>(a[0].o);
    if (g->running) vm.value_error("generator already executing");
    g->finished = true;
    for (auto& x : g->storage) x = Value();
    return Value();
}
void add_generator_methods(VM& vm) {
    vm.add_method(vm.t.generator, "send", generator_send, kOneArg);
    vm.add_method(vm.t.generator, "close", generator_close, kNoArgs);
}

// ------------------------------------------------------------------------------ classes
LMPY_SIZE_FN Value build_class(VM& vm, const Value& body, const Value& name, const Value* bases,
                               int nbases) {
    Function* fn = body.as<Function>();
    Value ns = vm.new_dict();
    // run the class body with ns as its namespace
    Code* c = fn->code;
    size_t need = size_t(c->nslots);
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
    for (Type* b : ty->mro)
        if (b != ty && !b->builtin) ty->mro_refs.push_back(Value(static_cast<Obj*>(b)));
    ty->is_exception = base->is_exception;
    ty->layout = base->layout;
    dict_each(ns.as<Dict>(), [&](const Value& k, const Value& v) {
        if (!k.is_obj() || k.o->type != vm.t.str) return;
        Str* key = vm.intern(k.as<Str>()->s);
        ty->attrs[key] = v;
        vm.note_class_attr(key);
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

} // namespace lmpy
