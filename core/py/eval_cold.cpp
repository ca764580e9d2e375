// The cold half of the bytecode loop: opcodes that are rare in hot loops (class bodies,
// imports, deletions, with/except machinery, star unpacking, f-string pieces...), moved out
// of run_slice (eval.cpp) and compiled for size.
#include "py/eval_cold.h"
#include <algorithm>
#include <cmath>

namespace lmpy {

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

void unpack_error(VM& vm, int64_t got, int64_t want, bool ex) {
    if (got < want) {
        if (ex)
            vm.value_error("not enough values to unpack (expected at least " +
                           std::to_string(want) + ", got " + std::to_string(got) + ")");
        vm.value_error("not enough values to unpack (expected " + std::to_string(want) + ", got " +
                       std::to_string(got) + ")");
    }
    vm.value_error("too many values to unpack (expected " + std::to_string(want) + ")");
}

// Opcodes that are rare in hot loops, out of line (their cases moved here verbatim): the
// main loop stays small, so V8's optimising tier compiles it sooner and has fewer values to
// keep in registers. Measured in wasm: run_slice 44 -> 16 KB of code (TurboFan output 149 ->
// 50 KB, its compile 52 -> 39 ms); warm runs in Node fib 60-62 -> 53-56 ms, loop 266-279 ->
// 223-231 ms, words 155-165 -> 136-146 ms; natively unchanged. It takes and returns the operand
// stack pointer. When one of these raises, run_slice's handler unwinds from its own pointer, from
// before the call: slots this function popped are already empty, and the handler clears
// anything it pushed above that pointer.
Value* run_cold(VM& vm, Frame& f, Value* sp, uint32_t w) {
    Code* code = f.code;
    [[maybe_unused]] Value* locals = f.base;
    [[maybe_unused]] Value* cells = f.base + code->nlocals;
    [[maybe_unused]] Dict* globals = f.globals;
    uint32_t arg = w >> 8;
    switch (OpCode(w & 0xff)) {
    case OpCode::DELETE_FAST:
        if (locals[arg].is_undef())
            vm.raise(vm.t.UnboundLocalError, "cannot access local variable '" +
                                                 code->varnames[arg]->s +
                                                 "' where it is not associated with a value");
        locals[arg] = Value::undef();
        break;
    case OpCode::DELETE_DEREF: {
        Cell* c = cells[arg].as<Cell>();
        c->v = Value();
        c->empty = true;
        break;
    }
    case OpCode::LOAD_CLASSDEREF: {
        Str* name = code->names[arg & 0xfff];
        Value* v = f.ns.is_obj() ? dict_find_str(f.ns.as<Dict>(), name) : nullptr;
        if (v)
            PUSH(*v);
        else {
            Cell* c = cells[arg >> 12].as<Cell>();
            if (c->empty) vm.raise(vm.t.NameError, "name '" + name->s + "' is not defined");
            PUSH(c->v);
        }
        break;
    }
    case OpCode::DELETE_GLOBAL:
        if (!dict_del(vm, globals, Value(code->names[arg])))
            vm.raise(vm.t.NameError, "name '" + code->names[arg]->s + "' is not defined");
        break;
    case OpCode::DELETE_NAME:
        if (!dict_del(vm, f.ns.is_obj() ? f.ns.as<Dict>() : globals, Value(code->names[arg])))
            vm.raise(vm.t.NameError, "name '" + code->names[arg]->s + "' is not defined");
        break;
    case OpCode::DELETE_ATTR: {
        Value o = POP();
        vm.delattr(o, code->names[arg]);
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
                if (!k.is_obj() || k.o->type != vm.t.str) vm.type_error("keywords must be strings");
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
    case OpCode::UNARY_POS: TOP() = vm.unary_pos(TOP()); break;
    case OpCode::UNARY_INVERT: TOP() = vm.unary_invert(TOP()); break;
    case OpCode::DELETE_SUBSCR: {
        Value k = POP();
        Value o = POP();
        vm.delitem(o, k);
        break;
    }
    case OpCode::BUILD_SET: {
        Value s = vm.new_set();
        for (uint32_t i = 0; i < arg; ++i) set_add(vm, s.as<Set>(), sp[-int(arg) + int(i)]);
        for (uint32_t i = 0; i < arg; ++i) DROP();
        PUSH(s);
        break;
    }
    case OpCode::BUILD_MAP: {
        Value d = vm.new_dict();
        Value* b = sp - 2 * arg;
        for (uint32_t i = 0; i < arg; ++i) dict_set(vm, d.as<Dict>(), b[2 * i], b[2 * i + 1]);
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
        for (uint32_t i = 0; i < arg; ++i) DROP();
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
            dict_each(m.as<Dict>(), [&](const Value& k, const Value& v) { dict_set(vm, d, k, v); });
        } else {
            Value keys = vm.call_method(m, vm.n.keys, {});
            vm.iterate(keys, [&](const Value& k) { dict_set(vm, d, k, vm.getitem(m, k)); });
        }
        break;
    }
    case OpCode::LIST_TO_TUPLE: {
        Value l = POP();
        PUSH(vm.new_tuple(l.as<List>()->items));
        break;
    }
    case OpCode::UNPACK_SEQUENCE: {
        // what run_slice leaves: an exact tuple or list of the wrong length, or any other
        // iterable, of which at most arg + 1 items are taken, as CPython does (a generator is
        // not run to its end to say there were too many).
        Value seq = POP();
        if (seq.is_obj() && (seq.o->type == vm.t.tuple || seq.o->type == vm.t.list))
            unpack_error(vm, vm.len(seq), arg, false);
        std::vector<Value> items;
        Value it = vm.iter(seq, true);
        Value x;
        while (items.size() <= arg && vm.next(it, x)) items.push_back(x);
        if (items.size() != arg) unpack_error(vm, int64_t(items.size()), arg, false);
        for (size_t i = arg; i-- > 0;) PUSH(items[i]);
        break;
    }
    case OpCode::UNPACK_EX: {
        uint32_t before = arg & 0xff, after = arg >> 8;
        Value seq = POP();
        std::vector<Value> items = vm.to_vector(vm.iter(seq, true));
        if (items.size() < before + after)
            unpack_error(vm, int64_t(items.size()), before + after, true);
        for (size_t i = 0; i < after; ++i) PUSH(items[items.size() - 1 - i]);
        std::vector<Value> mid(items.begin() + before, items.end() - after);
        PUSH(vm.new_list(std::move(mid)));
        for (size_t i = before; i-- > 0;) PUSH(items[i]);
        break;
    }
    case OpCode::MAKE_FUNCTION: {
        Value cv = POP();
        auto* fn = new Function(vm.t.function, cv.as<Code>());
        Value fv(fn);
        if (arg & 4) { // the cells' tuple, built for this function alone: its items move
            Value cl = POP();
            Tuple* t = cl.as<Tuple>();
            if (t->rc == 1)
                fn->closure = std::move(t->items);
            else
                fn->closure = t->items;
        }
        if (arg & 2) fn->kwdefaults = POP();
        if (arg & 1) fn->defaults = POP().as<Tuple>()->items;
        fn->globals = Value(globals);
        // every function of this code starts with the same two (immutable) strings: a
        // comprehension or closure made on each call allocated both every time
        Code* c = fn->code;
        if (!c->name_str.is_obj()) {
            c->name_str = vm.str(c->name);
            c->qualname_str = vm.str(c->qualname);
        }
        fn->name = c->name_str;
        fn->qualname = c->qualname_str;
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
    case OpCode::CHECK_EXC_MATCH: {
        Value spec = POP();
        bool m = exc_matches(vm, TOP(), spec);
        PUSH(Value::boolean(m));
        break;
    }
    // A raise goes to run_slice's unwinding as vm.pending (null return), not as a C++ throw:
    // a throw costs 2-8 us natively (libgcc's unwinder) and 4-13 us in V8 (README, Changes).
    case OpCode::RAISE: {
        if (arg == 0) {
            if (vm.handling.empty()) vm.raise(vm.t.RuntimeError, "No active exception to reraise");
            vm.pending = vm.handling.back();
            return nullptr;
        }
        Value cause = arg == 2 ? POP() : Value();
        Value e = make_raisable(vm, POP());
        if (arg == 2) {
            ExcObj* eo = static_cast<ExcObj*>(e.o);
            eo->cause = cause.is_none() ? Value() : make_raisable(vm, cause);
            eo->suppress_context = true;
        }
        vm.pending = std::move(e);
        return nullptr;
    }
    case OpCode::RERAISE: vm.pending = POP(); return nullptr;
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
                vm.raise(vm.t.ImportError, "cannot import name '" + name->s + "' from '" + modname +
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
    case OpCode::LOAD_ASSERTION_ERROR: PUSH(Value(static_cast<Obj*>(vm.t.AssertionError))); break;
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
    case OpCode::SETUP_ANNOTATIONS: {
        // the namespace's __annotations__ dict, created by the first annotated name
        Dict* ns = f.ns.is_obj() ? f.ns.as<Dict>() : globals;
        if (!dict_find_str(ns, vm.n.__annotations__))
            dict_set(vm, ns, Value(vm.n.__annotations__), vm.new_dict());
        break;
    }
    default: break;
    }
    return sp;
}

} // namespace lmpy
