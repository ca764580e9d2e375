// The bytecode loop: one switch over the opcode table of opcodes.h, fast paths for small-int
// and float arithmetic, exception handling by block stack (a raised PyExc unwinds to the
// innermost SETUP_EXCEPT handler of the frame, or adds the frame to the traceback and leaves).
// What the loop raises itself (raise, re-raise, a dict's missing key) goes straight to that
// unwinding (`goto raised`) without a C++ throw; natives still throw.
#include "py/eval_cold.h"
#include "py/frame.h"
#include "py/seqiter.h"
#include "size_fn.h"
#include <algorithm>
#include <cmath>
#include <cstring>
#include <new>

namespace lmpy {

// ------------------------------------------------------------------------------ the loop
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

// a cmp b for two ints (arg < 6, a CmpOp); false when either is not an int.
static inline bool int_compare(uint32_t arg, const Value& a, const Value& b, bool& res) {
    if (a.tag != Tag::Int || b.tag != Tag::Int) return false;
    switch (CmpOp(arg)) {
    case CmpOp::Lt: res = a.i < b.i; break;
    case CmpOp::Le: res = a.i <= b.i; break;
    case CmpOp::Eq: res = a.i == b.i; break;
    case CmpOp::Ne: res = a.i != b.i; break;
    case CmpOp::Gt: res = a.i > b.i; break;
    default: res = a.i >= b.i; break;
    }
    return true;
}
// COMPARE's general case: rich comparisons, in / not in, is / is not (arg 6..9).
static Value compare(VM& vm, uint32_t arg, const Value& a, const Value& b) {
    if (arg < 6) return vm.compare(CmpOp(arg), a, b);
    if (arg == 6) return Value::boolean(vm.contains(b, a));
    if (arg == 7) return Value::boolean(!vm.contains(b, a));
    if (arg == 8) return Value::boolean(a.same(b));
    return Value::boolean(!a.same(b));
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

// The n values from p on move up one slot and the top one goes under them (ROT_TWO,
// ROT_THREE): Values are relocated as bytes (no reference count changes; a Value holds no
// pointer into itself), where moves would test each moved-from slot for a release.
static inline void rotate_top(Value* p, int n) {
    alignas(Value) unsigned char top[sizeof(Value)];
    std::memcpy(top, static_cast<void*>(p + n - 1), sizeof(Value));
    std::memmove(static_cast<void*>(p + 1), static_cast<void*>(p), sizeof(Value) * size_t(n - 1));
    std::memcpy(static_cast<void*>(p), top, sizeof(Value));
}

// o[k] for an exact list and an int k in range: the list, with k made non-negative in i.
static inline List* list_index(VM& vm, const Value& o, const Value& k, int64_t& i) {
    if (k.tag != Tag::Int || !o.is_obj() || o.o->type != vm.t.list) return nullptr;
    List* l = o.as<List>();
    int64_t n = int64_t(l->items.size());
    i = k.i < 0 ? k.i + n : k.i;
    return uint64_t(i) < uint64_t(n) ? l : nullptr;
}

// Whether a global name's cache (see GlobalCache in code.h) still holds for these dicts.
static inline bool cache_fresh(const GlobalCache& gc, const Dict* globals, const Dict* builtins) {
    return gc.globals == globals && gc.gver == globals->version && gc.bver == builtins->version;
}

// A global name's slot through the code's cache: globals first, then builtins; NameError when
// neither has it.
static inline Value* global_slot(VM& vm, GlobalCache& gc, Dict* globals, Dict* builtins,
                                 Str* name) {
    if (cache_fresh(gc, globals, builtins)) return gc.slot;
    Value* v = dict_find_str(globals, name);
    bool in_globals = v != nullptr;
    if (!v) v = dict_find_str(builtins, name);
    if (!v) raise_undefined(vm, name);
    gc = {globals, globals->version, builtins->version, v, in_globals};
    return v;
}

// Assigning a global: an existing entry of globals is overwritten in place (the dict keeps its
// shape, so the cache stays valid); else dict_set (a new name changes the version, so every
// cache of this dict refreshes) and the cache takes the entry.
static void store_global_slow(VM& vm, GlobalCache& gc, Dict* globals, Dict* builtins, Str* name,
                              Value& v) {
    dict_set(vm, globals, Value(name), v);
    // the name's entry is the cache from now on: a name a loop stores but never loads (`for
    // p, q in ...` at module level) would otherwise be hashed and looked up on every store
    gc = {globals, globals->version, builtins->version, dict_find_str(globals, name), true};
}
[[gnu::always_inline]] static inline void store_global(VM& vm, GlobalCache& gc, Dict* globals,
                                                       Dict* builtins, Str* name, Value& v) {
    if (gc.in_globals && cache_fresh(gc, globals, builtins)) {
        *gc.slot = std::move(v);
        return;
    }
    store_global_slow(vm, gc, globals, builtins, name, v);
}

// Where the loop goes on after an exception: the handler's operand stack top and ip.
struct Resume {
    Value* sp;
    int ip;
};
// An exception raised in frame f at ip (sp its stack top then): the frame's line joins the
// traceback (a bare `raise` re-raising in its handler adds none), the exception being handled
// becomes its __context__, and the innermost handler of the frame takes it, with the
// exception pushed. No handler: the frame's operand stack is cleared and sp is null (the
// caller re-raises). Out of the loop, and values in and out, so that the loop's own sp and ip
// stay in registers.
LMPY_SIZE_FN static Resume unwind(VM& vm, Frame& f, const Value& exc, Value* sp, int ip,
                                  size_t handling_base) {
    Code* code = f.code;
    Value* stack_base = f.base + code->nlocals + code->ncells();
    ExcObj* eo = static_cast<ExcObj*>(exc.o);
    // a re-raise (the end of a finally, with or unmatched except; a bare `raise` of the
    // exception being handled) adds no line: the frame's line is already there
    uint32_t w = ip > 0 ? code->ops[ip - 1] : 0;
    bool reraise = OpCode(w & 0xff) == OpCode::RERAISE ||
                   (OpCode(w & 0xff) == OpCode::RAISE && (w >> 8) == 0 && !vm.handling.empty() &&
                    vm.handling.back().same(exc));
    if (!reraise) eo->tb.push_back({code->filename, code->name, code->lines[std::max(0, ip - 1)]});
    if (!vm.handling.empty() && eo->context.is_none() && !vm.handling.back().same(exc))
        eo->context = vm.handling.back();
    if (f.blocks.empty()) {
        while (sp > stack_base) *--sp = Value();
        f.sp = sp;
        vm.handling.resize(std::min(vm.handling.size(), handling_base));
        return {nullptr, 0};
    }
    Block b = f.blocks.back();
    f.blocks.pop_back();
    while (sp > stack_base + b.level) *--sp = Value();
    // an opcode of run_cold may have pushed above this sp before it raised: the slots
    // above the top must hold no references (call_function's cleanup relies on it)
    for (Value* p = sp; p < stack_base + code->stacksize; ++p) *p = Value();
    vm.handling.resize(std::min<size_t>(vm.handling.size(), size_t(b.handling)));
    vm.handling.push_back(exc);
    PUSH(exc);
    return {sp, b.handler};
}

// unwind() through the frames the loop runs inline, from the innermost (cf) out to the
// slice's entry frame: each one without a handler adds its line and is popped. A handler
// found: cf is its frame. None: sp is null and cf the entry frame (the caller re-raises).
LMPY_SIZE_FN static Resume unwind_frames(VM& vm, Frame& entry, Frame*& cf, const Value& exc,
                                         Value* sp, int ip) {
    for (;;) {
        Resume r = unwind(vm, *cf, exc, sp, ip, cf->hbase);
        if (r.sp || cf == &entry) return r;
        Frame* caller = cf->prev;
        pop_frame(vm, cf, nullptr);
        cf = caller;
        sp = cf->sp;
        ip = cf->ip;
    }
}

// One run of the loop, until the frame returns or yields (the result) or until a loop
// back-edge or a call that ticks the interrupt counter (undef, which no return or yield
// gives; f.resume is the frame to resume in, f itself or an inlined callee, and its ip and sp
// say where: the loop keeps ip in a local and stores it only there, at a call and at a
// yield). run_frame calls it again at once. Calls of plain Python functions switch frames in
// the loop (push_frame, frame.h): cf is the frame running, f the entry frame.
// Why slices: WebAssembly engines have no on-stack replacement, so an activation that starts
// in the baseline tier (V8's Liftoff) stays there however hot its loop gets; a top-level
// `for` loop of a cell would run unoptimised to the end. Re-entering every 1024 back-edges
// picks up the optimised code as soon as the engine has it (measured in `npm run bench`: the
// loop benchmark 741-754 -> 375-444 ms in Node); every 1024 calls too, since a recursion
// whose calls run inline has no back-edge. Natively a re-entry costs one call.
Value run_slice(VM& vm, Frame& f, size_t handling_base) {
    f.hbase = handling_base;
    Frame* cf = f.resume ? f.resume : &f;
    f.resume = nullptr;
    Code* code;
    const uint32_t* ops;
    Value *locals, *cells, *stack_base;
    Dict* globals;
    Dict* builtins = vm.builtins.as<Dict>();
    Value* sp;
    int ip; // in a local: cf->ip is stored only where the frame is left
#define LOAD_FRAME()                                                                               \
    (code = cf->code, ops = code->ops.data(), locals = cf->base, cells = locals + code->nlocals,   \
     stack_base = cells + code->ncells(), globals = cf->globals, sp = cf->sp, ip = cf->ip)
    LOAD_FRAME();
    Value exc; // the exception being unwound (between `raised:` and its handler)
    for (;;) {
        try {
            for (;;) {
                uint32_t w = ops[ip++];
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
                case OpCode::LOAD_FAST__LOAD_FAST: {
                    const Value& v = locals[arg];
                    if (v.is_undef()) raise_unbound_local(vm, code->varnames[arg]);
                    PUSH(v);
                    const Value& v2 = locals[ops[ip] >> 8];
                    if (!v2.is_undef()) { // (unbound: the LOAD_FAST itself raises, on its line)
                        PUSH(v2);
                        ++ip;
                    }
                    break;
                }
                case OpCode::LOAD_FAST__LOAD_CONST: {
                    const Value& v = locals[arg];
                    if (v.is_undef()) raise_unbound_local(vm, code->varnames[arg]);
                    PUSH(v);
                    PUSH(code->consts[ops[ip++] >> 8]);
                    break;
                }
                case OpCode::STORE_FAST__LOAD_FAST: {
                    locals[arg] = POP();
                    const Value& v2 = locals[ops[ip] >> 8];
                    if (!v2.is_undef()) {
                        PUSH(v2);
                        ++ip;
                    }
                    break;
                }
                case OpCode::LOAD_CONST__BINARY: {
                    // top op constant for two ints / two floats in place; else LOAD_CONST alone
                    const Value& c = code->consts[arg];
                    Value& a = sp[-1];
                    BinOp op = BinOp(ops[ip] >> 8);
                    if (a.tag == Tag::Int && c.tag == Tag::Int) {
                        if (fast_int_binop(op, a.i, c.i, a.i)) {
                            ++ip;
                            break;
                        }
                    } else if (a.tag == Tag::Float && c.tag == Tag::Float) {
                        if (fast_float_binop(op, a.f, c.f, a.f)) {
                            ++ip;
                            break;
                        }
                    }
                    PUSH(c);
                    break;
                }
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
                case OpCode::SETUP_ANNOTATIONS: {
                    Value* r = run_cold(vm, *cf, sp, w);
                    if (__builtin_expect(!r, 0)) {
                        exc = std::move(vm.pending);
                        goto raised;
                    }
                    sp = r;
                    break;
                }
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
                    PUSH(*global_slot(vm, code->gcache[arg], globals, builtins, code->names[arg]));
                    break;
                }
                case OpCode::STORE_GLOBAL: {
                    Value v = POP();
                    store_global(vm, code->gcache[arg], globals, builtins, code->names[arg], v);
                    break;
                }
                case OpCode::LOAD_GLOBAL__LOAD_GLOBAL:
                case OpCode::STORE_GLOBAL__LOAD_GLOBAL: {
                    if (OpCode(w & 0xff) == OpCode::LOAD_GLOBAL__LOAD_GLOBAL) {
                        PUSH(*global_slot(vm, code->gcache[arg], globals, builtins,
                                          code->names[arg]));
                    } else {
                        Value v = POP();
                        store_global(vm, code->gcache[arg], globals, builtins, code->names[arg], v);
                    }
                    // the second load only through a valid cache (a miss, or a NameError on
                    // its own line, is the LOAD_GLOBAL's to handle)
                    const GlobalCache& gc = code->gcache[ops[ip] >> 8];
                    if (cache_fresh(gc, globals, builtins)) {
                        PUSH(*gc.slot);
                        ++ip;
                    }
                    break;
                }
                case OpCode::LOAD_NAME: {
                    // module level (no namespace dict of its own): the globals, with the cache
                    if (!cf->ns.is_obj()) {
                        PUSH(*global_slot(vm, code->gcache[arg], globals, builtins,
                                          code->names[arg]));
                        break;
                    }
                    Str* name = code->names[arg];
                    Value* v = dict_find_str(cf->ns.as<Dict>(), name);
                    if (!v) v = dict_find_str(globals, name);
                    if (!v) v = dict_find_str(builtins, name);
                    if (!v) raise_undefined(vm, name);
                    PUSH(*v);
                    break;
                }
                case OpCode::STORE_NAME: {
                    Value v = POP();
                    if (!cf->ns.is_obj())
                        store_global(vm, code->gcache[arg], globals, builtins, code->names[arg], v);
                    else
                        dict_set(vm, cf->ns.as<Dict>(), Value(code->names[arg]), v);
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
                    MethodCache& mc = code->mcache[arg];
                    if (o.is_obj() && o.o->type == mc.type) { // a builtin type's method
                        PUSH(*mc.slot);
                        PUSH(std::move(o));
                        break;
                    }
                    Value fn;
                    bool self_needed;
                    if (!vm.lookup_method(o, code->names[arg], fn, self_needed))
                        vm.getattr(o, code->names[arg]);
                    if (self_needed && o.is_obj() && o.o->type->builtin)
                        mc = {o.o->type, o.o->type->lookup(code->names[arg])};
                    PUSH(fn);
                    if (self_needed)
                        PUSH(o);
                    else
                        PUSH(Value::undef());
                    break;
                }
                case OpCode::CALL_METHOD:
                case OpCode::CALL: {
                    // func self|NULL args (CALL_METHOD) or func args (CALL): the arguments
                    // from `args` on, n of them (with self when it is there)
                    bool method = OpCode(w & 0xff) == OpCode::CALL_METHOD;
                    Value* fp = sp - arg - 1 - method;
                    Value* args = fp + 1 + (method && fp[1].is_undef());
                    int n = int(sp - args);
                    bool tick = (++vm.tick & 0x3FF) == 0;
                    if (tick) vm.check_interrupt();
                    if (fp[0].is_obj() && fp[0].o->type == vm.t.function) {
                        if (Frame* nf = push_frame(vm, fp[0].as<Function>(), args, n)) {
                            // the callee runs in this loop; its RETURN_VALUE comes back here
                            cf->sp = sp;
                            cf->ip = ip;
                            nf->ret_sp = fp;
                            cf = nf;
                            LOAD_FRAME();
                            // (cells made in the callee's frame: what they raise is its own)
                            if (code->ncells()) init_cells(vm, cf->func, code, locals);
                            if (tick) { // a slice ends every 1024 calls too (recursion)
                                f.resume = cf;
                                return Value::undef();
                            }
                            break;
                        }
                    }
                    cf->sp = sp;
                    Value r = vm.call_args(fp[0], args, n);
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
                case OpCode::DUP_TOP:
                    new (sp) Value(sp[-1]);
                    ++sp;
                    break;
                case OpCode::DUP_TOP_TWO:
                    new (sp) Value(sp[-2]);
                    new (sp + 1) Value(sp[-1]);
                    sp += 2;
                    break;
                case OpCode::ROT_TWO: rotate_top(sp - 2, 2); break;
                case OpCode::ROT_THREE: rotate_top(sp - 3, 3); break;
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
                    bool res;
                    Value r = arg < 6 && int_compare(arg, a, b, res) ? Value::boolean(res)
                                                                     : compare(vm, arg, a, b);
                    --sp;
                    *sp = Value();
                    sp[-1] = std::move(r);
                    break;
                }
                case OpCode::COMPARE__POP_JUMP_IF_FALSE:
                case OpCode::COMPARE__POP_JUMP_IF_TRUE: {
                    // two ints: compare and jump without the bool on the stack (ints hold no
                    // references, so the slots need no clearing); else COMPARE alone
                    Value& a = sp[-2];
                    Value& b = sp[-1];
                    bool res;
                    if (arg < 6 && int_compare(arg, a, b, res)) {
                        sp -= 2;
                        bool jump_if = OpCode(w & 0xff) == OpCode::COMPARE__POP_JUMP_IF_TRUE;
                        ip = res == jump_if ? int(ops[ip] >> 8) : ip + 1;
                        break;
                    }
                    Value r = compare(vm, arg, a, b);
                    --sp;
                    *sp = Value();
                    sp[-1] = std::move(r);
                    break;
                }
                case OpCode::UNARY_NEG: TOP() = vm.unary_neg(TOP()); break;
                case OpCode::UNARY_NOT: TOP() = Value::boolean(!vm.truthy(TOP())); break;
                case OpCode::BINARY_SUBSCR: {
                    // a list indexed by an int in range, here (CPython 3.11's
                    // BINARY_SUBSCR_LIST_INT); the int slot needs no clearing
                    Value& o = sp[-2];
                    int64_t i;
                    if (List* l = list_index(vm, o, sp[-1], i)) {
                        Value r = l->items[size_t(i)];
                        --sp;
                        o = std::move(r);
                        break;
                    }
                    // a dict (BINARY_SUBSCR_DICT): a missing key raises here without a throw,
                    // the `try: d[k] except KeyError:` idiom's cost
                    if (o.is_obj() && o.o->type == vm.t.dict) {
                        Dict* d = o.as<Dict>();
                        if (Value* v = dict_find(vm, d, sp[-1])) {
                            Value r = *v;
                            DROP();
                            o = std::move(r);
                            break;
                        }
                        if (d->default_factory.is_none()) {
                            exc = vm.new_key_error(sp[-1]);
                            goto raised;
                        }
                    }
                    Value k = POP();
                    Value ob = POP();
                    PUSH(vm.getitem(ob, k));
                    break;
                }
                case OpCode::STORE_SUBSCR: {
                    int64_t i;
                    if (List* l = list_index(vm, sp[-2], sp[-1], i)) {
                        l->items[size_t(i)] = std::move(sp[-3]);
                        sp -= 3;
                        sp[1] = Value();
                        break;
                    }
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
                    if (int(arg) < ip && (++vm.tick & 0x3FF) == 0) {
                        cf->sp = sp;
                        vm.check_interrupt();
                        cf->ip = int(arg);
                        f.resume = cf;
                        return Value::undef();
                    }
                    ip = int(arg);
                    break;
                case OpCode::POP_JUMP_IF_FALSE: {
                    Value v = POP();
                    bool t = v.tag == Tag::Bool ? v.b : vm.truthy(v);
                    if (!t) ip = int(arg);
                    break;
                }
                case OpCode::POP_JUMP_IF_TRUE: {
                    Value v = POP();
                    bool t = v.tag == Tag::Bool ? v.b : vm.truthy(v);
                    if (t) ip = int(arg);
                    break;
                }
                case OpCode::JUMP_IF_FALSE_OR_POP:
                    if (!vm.truthy(TOP()))
                        ip = int(arg);
                    else
                        DROP();
                    break;
                case OpCode::JUMP_IF_TRUE_OR_POP:
                    if (vm.truthy(TOP()))
                        ip = int(arg);
                    else
                        DROP();
                    break;
                case OpCode::GET_ITER: TOP() = vm.iter(TOP()); break;
                case OpCode::FOR_ITER:
                case OpCode::FOR_ITER__STORE_FAST:
                case OpCode::FOR_ITER__STORE_GLOBAL: {
                    Value v;
                    cf->sp = sp;
                    int step;
                    if (TOP().is_obj() && TOP().o->type->is_iter) {
                        // an Iter (Type::is_iter): a sequence's stepped here, the others' next()
                        step = seq_iter_step(TOP().o, v);
                        if (step < 0) step = static_cast<Iter*>(TOP().o)->next(vm, v);
                    } else
                        step = vm.next(TOP(), v);
                    if (step == 0) {
                        DROP();
                        ip = int(arg);
                        break;
                    }
                    // fused with the loop variable's store: the value goes straight there
                    OpCode op = OpCode(w & 0xff);
                    if (op == OpCode::FOR_ITER__STORE_FAST) {
                        locals[ops[ip++] >> 8] = std::move(v);
                    } else if (op == OpCode::FOR_ITER__STORE_GLOBAL) {
                        uint32_t a2 = ops[ip++] >> 8;
                        store_global(vm, code->gcache[a2], globals, builtins, code->names[a2], v);
                    } else {
                        PUSH(std::move(v));
                    }
                    break;
                }
                case OpCode::UNPACK_SEQUENCE__STORE_FAST:
                case OpCode::UNPACK_SEQUENCE: {
                    // an exact tuple or list of the right length here; anything else (and
                    // every error) in run_cold. The sequence is popped (its slot cleared: the
                    // fused form and UNPACK_SEQUENCE 0 push nothing over it) before the items go
                    // to their slots or the stack.
                    Value& s = TOP();
                    const std::vector<Value>* items =
                        !s.is_obj()               ? nullptr
                        : s.o->type == vm.t.tuple ? &s.as<Tuple>()->items
                        : s.o->type == vm.t.list  ? &s.as<List>()->items
                                                  : nullptr;
                    if (!items || items->size() != arg) { // (the stores after it then run)
                        sp =
                            run_cold(vm, *cf, sp, (w & ~0xffu) | uint32_t(OpCode::UNPACK_SEQUENCE));
                        break;
                    }
                    Value seq = POP();
                    if (OpCode(w & 0xff) == OpCode::UNPACK_SEQUENCE__STORE_FAST) {
                        for (size_t i = 0; i < arg; ++i) locals[ops[ip + i] >> 8] = (*items)[i];
                        ip += int(arg);
                    } else {
                        for (size_t i = arg; i-- > 0;) PUSH((*items)[i]);
                    }
                    break;
                }
                case OpCode::RETURN_VALUE: {
                    Value r = POP();
                    if (cf != &f) { // back to the caller in this loop, the result on its stack
                        Frame* caller = cf->prev;
                        Value* ret = cf->ret_sp;
                        pop_frame(vm, cf, sp);
                        cf = caller;
                        LOAD_FRAME();
                        while (sp > ret) *--sp = Value();
                        PUSH(std::move(r));
                        break;
                    }
                    cf->sp = sp;
                    if (vm.handling.size() > handling_base) vm.handling.resize(handling_base);
                    return r;
                }
                case OpCode::SETUP_EXCEPT:
                    cf->blocks.push_back({int(arg), int(sp - stack_base), int(vm.handling.size())});
                    break;
                case OpCode::POP_BLOCK: cf->blocks.pop_back(); break;
                case OpCode::POP_EXCEPT:
                    if (vm.handling.size() > cf->hbase) vm.handling.pop_back();
                    break;
                case OpCode::YIELD_VALUE: {
                    Value v = POP();
                    cf->sp = sp;
                    cf->ip = ip;
                    cf->yielded = true;
                    return v;
                }
                case OpCode::GET_YIELD_FROM_ITER: TOP() = vm.iter(TOP()); break;
                case OpCode::YIELD_FROM: {
                    // a generator gets the value sent and ends with its return value, the
                    // value of the `yield from`; any other iterator is stepped (and gives None)
                    Value sent = POP();
                    Value v;
                    cf->sp = sp;
                    bool more = TOP().is_obj() && TOP().o->type == vm.t.generator
                                    ? static_cast<Generator*>(TOP().o)->step(vm, sent, v)
                                    : vm.next(TOP(), v);
                    if (more) {
                        // re-execute this instruction when resumed
                        cf->ip = ip - 1;
                        cf->sp = sp;
                        cf->yielded = true;
                        return v;
                    }
                    TOP() = std::move(v);
                    break;
                }
                default:
                    vm.raise(vm.t.SystemError,
                             std::string("bad opcode ") + opcode_name(OpCode(w & 0xff)));
                }
            }
        } catch (PyExc& e) {
            exc = std::move(e.exc);
        } catch (std::bad_alloc&) {
            // a C++ allocation that failed is Python's MemoryError
            exc = vm.new_exc(vm.t.MemoryError, "");
            static_cast<ExcObj*>(exc.o)->args = vm.new_tuple();
        } catch (...) {
            // (no other exception should reach the loop; the inlined frames go all the same)
            while (cf != &f) {
                Frame* caller = cf->prev;
                pop_frame(vm, cf, nullptr);
                cf = caller;
            }
            throw;
        }
    raised:
        // (sp and ip: where the raising opcode started; the handler clears above the level)
        Resume r = unwind_frames(vm, f, cf, exc, sp, ip);
        if (!r.sp) throw PyExc{std::move(exc)};
        exc = Value();
        LOAD_FRAME();
        sp = r.sp;
        ip = r.ip;
    }
#undef LOAD_FRAME
}

LMPY_SIZE_FN Value VM::run_code(Code* code, const Value& globals, const Value& ns) {
    std::vector<Value> storage(size_t(code->nslots));
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
