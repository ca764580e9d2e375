// Helpers of modutil.h.
#include "py/modules/modutil.h"

namespace lmpy {

void check_kwargs(VM& vm, const char* fname, Args& a, std::initializer_list<const char*> allowed) {
    for (int k = 0; k < a.nkw; ++k) {
        bool ok = false;
        for (const char* n : allowed)
            if (a.kwn[k]->s == n) ok = true;
        if (!ok)
            vm.type_error(std::string(fname) + "() got an unexpected keyword argument '" +
                          a.kwn[k]->s + "'");
    }
}

void raise_key_error(VM& vm, const Value& key) { vm.raise_value(vm.new_key_error(key)); }

void run_source(VM& vm, const Value& globals, const std::string& src, const std::string& filename) {
    Ast ast;
    Code* code = nullptr;
    try {
        parse_module(src, ast);
        code = compile_module(vm, ast, filename);
    } catch (SyntaxErr& e) {
        vm.raise(vm.t.SyntaxError,
                 e.msg + " (" + filename + ", line " + std::to_string(e.line) + ")");
    }
    Value keep(static_cast<Obj*>(code));
    decref(code);
    vm.run_code(code, globals, Value());
}

} // namespace lmpy
