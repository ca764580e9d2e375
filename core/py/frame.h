// Internal to the VM's .cpp files: the frame of a running function, suspended generator
// frames, and the entry points shared by the call machinery (call.cpp) and the bytecode loop
// (eval.cpp). Frames of ordinary calls live on one preallocated value stack (locals, cells,
// operand stack contiguous); generator frames own their storage so they can be suspended.
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
    const Frame* prev = nullptr; // the frame that was running when this one started
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
        if (!r.is_undef()) return r; // (undef: paused at a back-edge, to be re-entered)
    }
}

void init_cells(VM& vm, Function* fn, Code* c, Value* base);
Value build_class(VM& vm, const Value& body, const Value& name, const Value* bases, int nbases);

} // namespace lmpy
