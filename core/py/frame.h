// Internal to the VM's .cpp files: the frame of a running function, suspended generator
// frames, and the entry points shared by the call machinery (call.cpp) and the bytecode loop
// (eval.cpp). Frames of ordinary calls live on one preallocated value stack (locals, cells,
// operand stack contiguous); generator frames own their storage so they can be suspended.
// A call from bytecode of a plain Python function (positional arguments matching its
// parameters or left to their defaults, not a generator) does not recurse into C++: the
// loop switches to a frame from VMState's pool and back on return (push_frame/pop_frame),
// as CPython 3.11 does; other calls go through VM::call_function, whose Frame lives on the
// C++ stack.
#pragma once
#include "py/runtime.h"

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
    Frame* prev = nullptr;   // the frame that was running when this one started
    size_t hbase = 0;        // vm.handling's size when it started (its handlers are above)
    Frame* resume = nullptr; // a slice's entry frame: the inlined frame it paused in
    // a frame pushed by the loop: where its caller's CALL began (the result goes there)
    // and the value stack's position to restore
    Value* ret_sp = nullptr;
    size_t saved_chunk = 0, saved_top = 0;
};

struct Generator final : Iter {
    std::vector<Value> storage;
    Frame frame;
    Value keep_func;
    bool started = false, finished = false, running = false;
    explicit Generator(Type* t) : Iter(t) {}
    bool next(VM& vm, Value& out) override { return next_inline(vm, out); }
    // next() without the virtual call, for VM::next
    [[gnu::always_inline]] bool next_inline(VM& vm, Value& out) {
        Value r; // (out stays as it was when the generator finishes)
        if (!step(vm, Value(), r)) return false;
        out = std::move(r);
        return true;
    }
    // Resumes with `sent` as the value of the paused yield: true with the next yielded value
    // in out; false when the generator has finished (out: its return value). VM::next calls
    // it directly (no virtual call for the commonest iterator after the sequences').
    bool step(VM& vm, const Value& sent, Value& out);
};

// StopIteration carrying a generator's return value (none when it is None), as CPython's.
[[noreturn]] void raise_stop_iteration(VM& vm, const Value& value);

// One run of the bytecode loop (eval.cpp): see there.
Value run_slice(VM& vm, Frame& f, size_t handling_base);

// Runs f to its return (or its next yield). Inline: a call and a generator's resume each
// reach the loop through one C++ call fewer.
inline Value run_frame(VM& vm, Frame& f) {
    VMState& st = *vm.st;
    ++vm.depth;
    f.prev = st.top_frame;
    st.top_frame = &f;
    struct DepthGuard {
        VM& vm;
        VMState& st;
        ~DepthGuard() {
            --vm.depth;
            st.top_frame = st.top_frame->prev;
        }
    } guard{vm, st};
    size_t handling_base = vm.handling.size();
    for (;;) {
        Value r = run_slice(vm, f, handling_base);
        if (!r.is_undef()) return r; // (undef: paused at a back-edge or a call, to resume)
    }
}

// The frame of a call of fn with the n values at args (moved into its locals, defaults after
// them) that the loop runs in place of a C++ call (inline in the loop: a call of fib(n) -11 %
// native instructions, wasm -15 % against out-of-line helpers -3 %), linked as the innermost
// frame; nullptr when the call needs VM::call_function (see above). Raises RecursionError
// past the depth limit.
[[gnu::always_inline]] inline Frame* push_frame(VM& vm, Function* fn, Value* args, int n) {
    Code* c = fn->code;
    if (!c->plain) return nullptr;
    // the positional parameters past n come from the defaults (the last ones given)
    if (n != c->nargs && (n > c->nargs || c->nargs - n > int(fn->defaults.size()))) return nullptr;
    if (vm.depth >= kMaxDepth) vm.raise(vm.t.RecursionError, "maximum recursion depth exceeded");
    VMState& st = *vm.st;
    if (st.nframes == st.frames.size()) st.frames.emplace_back(new Frame);
    ValueStack& s = st.stack;
    size_t need = size_t(c->nslots);
    size_t saved_chunk = s.chunk, saved_top = s.top;
    if (s.top + need > ValueStack::kChunk) vm.next_stack_chunk(need);
    Frame* f = st.frames[st.nframes++].get();
    Value* base = s.chunks[s.chunk].get() + s.top;
    s.top += need;
    // (free slots hold no references: see call_function)
    for (int i = 0; i < n; ++i) new (&base[i]) Value(std::move(args[i]));
    for (int i = n; i < c->nargs; ++i)
        new (&base[i]) Value(fn->defaults[fn->defaults.size() - size_t(c->nargs - i)]);
    for (int i = c->nargs; i < c->nlocals; ++i) base[i].tag = Tag::Undef;
    f->code = c;
    f->func = fn;
    f->globals = fn->globals.as<Dict>();
    f->base = base;
    f->sp = base + c->nlocals + c->ncells();
    f->ip = 0;
    f->hbase = vm.handling.size();
    f->saved_chunk = saved_chunk;
    f->saved_top = saved_top;
    f->prev = st.top_frame;
    st.top_frame = f;
    ++vm.depth;
    return f;
}

// Unlinks the innermost frame f (pushed by push_frame) and releases its slots: those below
// `top`, or all of them when top is null (after an exception: an opcode may have pushed
// above sp).
[[gnu::always_inline]] inline void pop_frame(VM& vm, Frame* f, Value* top) {
    VMState& st = *vm.st;
    if (!top) top = f->base + f->code->nslots;
    for (Value* p = f->base; p < top; ++p) *p = Value();
    f->blocks.clear();
    if (vm.handling.size() > f->hbase) vm.handling.resize(f->hbase);
    st.stack.chunk = f->saved_chunk;
    st.stack.top = f->saved_top;
    st.top_frame = f->prev;
    --vm.depth;
    --st.nframes;
}

void init_cells(VM& vm, Function* fn, Code* c, Value* base);
Value build_class(VM& vm, const Value& body, const Value& name, const Value* bases, int nbases);

} // namespace lmpy
