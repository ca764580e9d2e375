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

Value run_frame(VM& vm, Frame& f);

void init_cells(VM& vm, Function* fn, Code* c, Value* base);
Value build_class(VM& vm, const Value& body, const Value& name, const Value* bases, int nbases);

} // namespace lmpy
