// What the bytecode loop (eval.cpp) shares with its cold half (eval_cold.cpp): the operand
// stack macros over a local `sp`, the rare opcodes, and the unpacking error both raise.
// eval_cold.cpp is compiled for size (it is not in CMakeLists' LMPY_WASM_HOT list).
#pragma once
#include "py/frame.h"
#include <new>

// The slots above the top hold no references (every pop moves its value out or clears the
// slot; the unit test "the value stack is clean above its top" checks it), so a push constructs
// in place: no release of the slot's old value to test for, at each of the loop's pushes.
#define PUSH(v) (new (sp++) Value(v))
#define POP() (std::move(*--sp))
// Pops and releases the value: `(void)POP()` would only name the slot (std::move moves
// nothing by itself) and leave the reference there until the frame ends.
#define DROP() (*--sp = Value())
#define TOP() (sp[-1])
#define SECOND() (sp[-2])

namespace lmpy {

// Runs one of the opcodes run_slice sends out of line; takes and returns the stack pointer.
// Null: RAISE or RERAISE left their exception in vm.pending for the loop to unwind.
[[gnu::noinline]] Value* run_cold(VM& vm, Frame& f, Value* sp, uint32_t w);
[[noreturn]] void unpack_error(VM& vm, int64_t got, int64_t want, bool ex);

} // namespace lmpy
