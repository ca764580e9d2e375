// The bytecode loop: one switch over the opcode table of opcodes.h, fast paths for small-int
// and float arithmetic, exception handling by block stack (a raised PyExc unwinds to the
// innermost SETUP_EXCEPT handler of the frame, or adds the frame to the traceback and leaves).
#include "py/frame.h"
#include "py/seqiter.h"
#include <algorithm>
#include <cmath>
#include <new>

namespace lmpy {

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

// The error paths of the hot loads, out of line: building the message inline would put a
// string concatenation (and its unwinding code) into every copy of the loop's fast path.
[[noreturn]] [[gnu::noinline]] [[gnu::cold]] static void raise_unbound_local(VM& vm, Str* name) {
    vm.raise(vm.t.UnboundLocalError, "cannot access local variable '" + name->s +
                                         "' where it is not associated with a value");
}
[[noreturn]] [[gnu::noinline]] [[gnu::cold]] static void raise_unbound_free(VM& vm, Str* name) {
    vm.raise(vm.t.NameError, "cannot access free variable '" + name->s +
                                 "' where it is not associated with a value in enclosing scope");
}
[[noreturn]] [[gnu::noinline]] [[gnu::cold]] static void raise_undefined(VM& vm, Str* name) {
    vm.raise(vm.t.NameError, "name '" + name->s + "' is not defined");
}

[[gnu::noinline]] static Value* run_cold(VM& vm, Frame& f, Value* sp, uint32_t w);

// One run of the loop, until the frame returns or yields (the result; paused stays false)
// or until a loop back-edge that ticks the interrupt counter (paused is set; f.ip and f.sp
// hold where to resume). run_frame calls it again at once. Why slices: WebAssembly engines
// have no on-stack replacement, so an activation that starts in the baseline tier (V8's
// Liftoff) stays there however hot its loop gets; a top-level `for` loop of a cell would run
// unoptimised to the end. Re-entering every 1024 back-edges picks up the optimised code
// as soon as the engine has it (measured in `npm run bench`: the loop benchmark 741-754 ->
// 375-444 ms in Node). Natively the re-entry costs one call per 1024 iterations.
static Value run_slice(VM& vm, Frame& f, size_t handling_base, bool& paused) {
    Code* code = f.code;
    const uint32_t* ops = code->ops.data();
    Value* locals = f.base;
    Value* cells = f.base + code->nlocals;
    Value* stack_base = cells + code->ncells();
    Dict* globals = f.globals;
    Dict* builtins = vm.builtins.as<Dict>();
    Value* sp = f.sp;
#define PUSH(v) (*sp++ = (v))
#define POP() (std::move(*--sp))
// Pops and releases the value: `(void)POP()` would only name the slot (std::move moves
// nothing by itself) and leave the reference there until the frame ends.
#define DROP() (*--sp = Value())
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
                    if (v.is_undef()) raise_unbound_local(vm, code->varnames[arg]);
                    PUSH(v);
                    break;
                }
                case OpCode::STORE_FAST: locals[arg] = POP(); break;
                case OpCode::DELETE_FAST:
                case OpCode::DELETE_DEREF:
                case OpCode::LOAD_CLASSDEREF:
                case OpCode::DELETE_GLOBAL:
                case OpCode::DELETE_NAME:
                case OpCode::DELETE_ATTR:
                case OpCode::CALL_EX:
                case OpCode::ROT_FOUR:
                case OpCode::UNARY_POS:
                case OpCode::UNARY_INVERT:
                case OpCode::DELETE_SUBSCR:
                case OpCode::BUILD_SET:
                case OpCode::BUILD_MAP:
                case OpCode::BUILD_SLICE:
                case OpCode::BUILD_STRING:
                case OpCode::FORMAT_VALUE:
                case OpCode::MAP_ADD:
                case OpCode::LIST_EXTEND:
                case OpCode::SET_UPDATE:
                case OpCode::DICT_UPDATE:
                case OpCode::LIST_TO_TUPLE:
                case OpCode::UNPACK_EX:
                case OpCode::MAKE_FUNCTION:
                case OpCode::BUILD_CLASS:
                case OpCode::CHECK_EXC_MATCH:
                case OpCode::RAISE:
                case OpCode::RERAISE:
                case OpCode::IMPORT_NAME:
                case OpCode::IMPORT_FROM:
                case OpCode::IMPORT_STAR:
                case OpCode::LOAD_ASSERTION_ERROR:
                case OpCode::WITH_ENTER:
                case OpCode::WITH_EXIT:
                case OpCode::WITH_EXCEPT:
                case OpCode::SETUP_ANNOTATIONS: sp = run_cold(vm, f, sp, w); break;
                case OpCode::LOAD_DEREF: {
                    Cell* c = cells[arg].as<Cell>();
                    if (c->empty) {
                        size_t nc = code->cellnames.size();
                        if (arg < nc) raise_unbound_local(vm, code->cellnames[arg]);
                        raise_unbound_free(vm, code->freenames[arg - nc]);
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
                case OpCode::LOAD_CLOSURE: PUSH(cells[arg]); break;
                case OpCode::LOAD_GLOBAL: {
                    Str* name = code->names[arg];
                    Value* v = dict_find_str(globals, name);
                    if (!v) v = dict_find_str(builtins, name);
                    if (!v) raise_undefined(vm, name);
                    PUSH(*v);
                    break;
                }
                case OpCode::STORE_GLOBAL: {
                    Value v = POP();
                    dict_set(vm, globals, Value(code->names[arg]), v);
                    break;
                }
                case OpCode::LOAD_NAME: {
                    Str* name = code->names[arg];
                    Value* v = f.ns.is_obj() ? dict_find_str(f.ns.as<Dict>(), name) : nullptr;
                    if (!v) v = dict_find_str(globals, name);
                    if (!v) v = dict_find_str(builtins, name);
                    if (!v) raise_undefined(vm, name);
                    PUSH(*v);
                    break;
                }
                case OpCode::STORE_NAME: {
                    Value v = POP();
                    dict_set(vm, f.ns.is_obj() ? f.ns.as<Dict>() : globals, Value(code->names[arg]),
                             v);
                    break;
                }
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
                case OpCode::POP_TOP:
                    --sp;
                    *sp = Value();
                    break;
                case OpCode::DUP_TOP: {
                    Value v = TOP();
                    PUSH(std::move(v));
                    break;
                }
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
                case OpCode::BINARY:
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
                    // the in-place form differs only in the slow path (__iadd__, list +=, ...)
                    Value r = OpCode(w & 0xff) == OpCode::BINARY ? vm.binop(BinOp(arg), a, b)
                                                                 : vm.inplace(BinOp(arg), a, b);
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
                case OpCode::UNARY_NOT: TOP() = Value::boolean(!vm.truthy(TOP())); break;
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
                case OpCode::JUMP:
                    if (int(arg) < f.ip && (++vm.tick & 0x3FF) == 0) {
                        f.sp = sp;
                        vm.check_interrupt();
                        f.ip = int(arg);
                        paused = true;
                        return Value();
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
                        DROP();
                    break;
                case OpCode::JUMP_IF_TRUE_OR_POP:
                    if (vm.truthy(TOP()))
                        f.ip = int(arg);
                    else
                        DROP();
                    break;
                case OpCode::GET_ITER: TOP() = vm.iter(TOP()); break;
                case OpCode::FOR_ITER: {
                    Value v;
                    f.sp = sp;
                    int step = TOP().is_obj() && TOP().o->type == vm.t.iter
                                   ? seq_iter_step(TOP().o, v)
                                   : -1;
                    if (step == 1)
                        PUSH(std::move(v));
                    else if (step == 0) {
                        DROP();
                        f.ip = int(arg);
                    } else if (vm.next(TOP(), v))
                        PUSH(std::move(v));
                    else {
                        DROP();
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
                case OpCode::RETURN_VALUE: {
                    Value r = POP();
                    f.sp = sp;
                    vm.handling.resize(std::min(vm.handling.size(), handling_base));
                    return r;
                }
                case OpCode::SETUP_EXCEPT:
                    f.blocks.push_back({int(arg), int(sp - stack_base), int(vm.handling.size())});
                    break;
                case OpCode::POP_BLOCK: f.blocks.pop_back(); break;
                case OpCode::POP_EXCEPT:
                    if (vm.handling.size() > handling_base) vm.handling.pop_back();
                    break;
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
                f.sp = sp;
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

// Opcodes that are rare in hot loops, out of line (their cases moved here verbatim): the
// main loop stays small, so V8's optimising tier compiles it sooner and has fewer values to
// keep in registers. Measured in wasm: run_slice 44 -> 16 KB of code (TurboFan output 149 ->
// 50 KB, its compile 52 -> 39 ms); warm runs in Node fib 60-62 -> 53-56 ms, loop 266-279 ->
// 223-231 ms, words 155-165 -> 136-146 ms; natively unchanged. It takes and returns the operand
// stack pointer. When one of these raises, run_slice's handler unwinds from its own pointer, from
// before the call: slots this function popped are already empty, and anything it pushed is
// overwritten or cleared with the frame later.
static Value* run_cold(VM& vm, Frame& f, Value* sp, uint32_t w) {
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
    case OpCode::CHECK_EXC_MATCH: {
        Value spec = POP();
        bool m = exc_matches(vm, TOP(), spec);
        PUSH(Value::boolean(m));
        break;
    }
    case OpCode::RAISE: {
        if (arg == 0) {
            if (vm.handling.empty()) vm.raise(vm.t.RuntimeError, "No active exception to reraise");
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
    case OpCode::SETUP_ANNOTATIONS: break;
    default: break;
    }
    return sp;
}

Value run_frame(VM& vm, Frame& f) {
    VMState& st = *vm.st;
    ++vm.depth;
    st.frames.push_back({f.func, f.code, f.base, &f.ip, f.ns});
    struct DepthGuard {
        VM& vm;
        VMState& st;
        ~DepthGuard() {
            --vm.depth;
            st.frames.pop_back();
        }
    } guard{vm, st};
    size_t handling_base = vm.handling.size();
    for (;;) {
        bool paused = false;
        Value r = run_slice(vm, f, handling_base, paused);
        if (!paused) return r;
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
