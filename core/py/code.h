// Compiled code objects and the compiler entry point.
#pragma once
#include "py/ast.h"
#include "py/object.h"
#include "py/opcodes.h"
#include <string>
#include <vector>

namespace lmpy {

// What LOAD_GLOBAL found for one name, valid while neither dict changed shape: dict versions
// are unique across all dicts and bumped on every insert/delete (entries never move
// otherwise), so a matching (globals, versions) pair means the cached slot is still the
// name's value, whatever was assigned to it since.
struct GlobalCache {
    Dict* globals = nullptr;
    int64_t gver = -1, bver = -1;
    Value* slot = nullptr;
    bool in_globals = false; // the slot is in globals (not builtins): stores may use it
};

// LOAD_METHOD's cache, per name: the method a builtin type's lookup found last. Builtin
// types cannot be changed from Python (setattr raises) and live as long as the VM, and their
// attribute maps are filled when they are made, so (type, slot) stays right once found.
struct MethodCache {
    Type* type = nullptr;
    Value* slot = nullptr;
};

struct Code : Obj {
    std::vector<uint32_t> ops;
    std::vector<int> lines; // source line per instruction
    std::vector<Value> consts;
    std::vector<Str*> names;         // interned (kept alive by the intern table)
    std::vector<GlobalCache> gcache; // per name, for LOAD_GLOBAL (sized with names)
    std::vector<MethodCache> mcache; // per name, for LOAD_METHOD (sized with names)
    std::vector<Str*> varnames;      // local slot names; params first
    std::vector<Str*> cellnames, freenames;
    std::vector<int> cell_param; // per cellvar: the parameter slot it starts from, or -1
    int nargs = 0;               // positional parameters
    int nposonly = 0;
    int nkwonly = 0;
    bool varargs = false, varkw = false;
    bool generator = false;
    bool is_class_body = false;
    bool is_module = false;
    int nlocals = 0;
    int stacksize = 0;
    int firstline = 0;
    std::string name, qualname, filename;
    Value name_str, qualname_str; // name and qualname as str, made by the first MAKE_FUNCTION
    explicit Code(Type* t) : Obj(t) {}
    // set when the unit is finished (compiler): the slots of a frame (locals, cells, operand
    // stack), and whether a call that binds its positional parameters (from the arguments,
    // then the defaults) may run inline in the loop (push_frame: not a generator, no
    // *args/**kwargs/keyword-only)
    int nslots = 0;
    bool plain = false;
    int ncellvars = 0; // cellnames then freenames: the cell slots (set with them)
    int ncells() const { return ncellvars; }
};

inline OpCode op_of(uint32_t w) { return OpCode(w & 0xff); }
inline uint32_t arg_of(uint32_t w) { return w >> 8; }

struct VM;
// Compiles a parsed module; throws SyntaxErr for errors found at compile time.
Code* compile_module(VM& vm, Ast& ast, const std::string& filename);
// The same for exec() text, and for eval() text (one expression, whose value the code
// returns): their top level looks names up in a locals dict when the frame has one.
Code* compile_exec(VM& vm, Ast& ast, const std::string& filename);
Code* compile_eval(VM& vm, Ast& ast, const std::string& filename);

} // namespace lmpy
