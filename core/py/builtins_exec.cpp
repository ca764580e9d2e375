// eval() and exec(): source text compiled at run time and run in the caller's namespaces or in
// the dicts given, as CPython does. Without dicts, a function's locals are a snapshot (a dict
// built from its slots), so names assigned by exec() inside a function are not seen by the
// function afterwards: CPython 3.11 behaves the same. A syntax error in the text is a
// SyntaxError whose args carry (filename, line, column, text), which str() and the
// traceback show as CPython does.
#include "py/ast.h"
#include "py/code.h"
#include "py/frame.h"
#include "py/runtime.h"

namespace lmpy {

// The bound locals and closure variables of a function frame, by name.
static Value locals_snapshot(VM& vm, const Frame* f) {
    Value d = vm.new_dict();
    Dict* dd = d.as<Dict>();
    const Code* c = f->code;
    for (int i = 0; i < c->nlocals; ++i)
        if (!f->base[i].is_undef()) dict_set(vm, dd, Value(c->varnames[i]), f->base[i]);
    const Value* cells = f->base + c->nlocals;
    size_t nc = c->cellnames.size();
    for (size_t i = 0; i < nc + c->freenames.size(); ++i) {
        const Cell* cell = cells[i].as<Cell>();
        if (cells[i].is_obj() && !cell->empty)
            dict_set(vm, dd, Value(i < nc ? c->cellnames[i] : c->freenames[i - nc]), cell->v);
    }
    return d;
}

[[noreturn]] static void raise_syntax(VM& vm, const SyntaxErr& e, const std::string& src) {
    std::string text = source_line(src, e.line);
    Value details = vm.new_tuple(
        {vm.str("<string>"), Value::integer(e.line), Value::integer(e.col), vm.str(text)});
    Value exc = vm.new_exc(e.indentation ? vm.t.IndentationError : vm.t.SyntaxError, e.msg);
    static_cast<ExcObj*>(exc.o)->args = vm.new_tuple({vm.str(e.msg), details});
    throw PyExc{exc};
}

static Value run_string(VM& vm, Args& a, bool is_eval) {
    const char* name = is_eval ? "eval" : "exec";
    if (a.nkw) vm.type_error(std::string(name) + "() takes no keyword arguments");
    check_nargs(vm, name, a, 1, 3);
    if (!a[0].is_obj() || a[0].o->type != vm.t.str)
        vm.type_error(std::string(name) + "() arg 1 must be a string, bytes or code object");
    Value globals = a.n > 1 ? a[1] : Value();
    Value locals = a.n > 2 ? a[2] : Value();
    bool gdict = globals.is_obj() && vm.type_of(globals)->is_subtype(vm.t.dict);
    if (!globals.is_none() && !gdict) {
        if (is_eval) vm.type_error("globals must be a dict");
        vm.type_error("exec() globals must be a dict, not " + vm.type_of(globals)->display());
    }
    if (!locals.is_none() && !(locals.is_obj() && vm.type_of(locals)->is_subtype(vm.t.dict)))
        vm.type_error("locals must be a mapping");
    const Frame* f = current_frame(vm);
    Value g = globals, ns = locals;
    if (globals.is_none()) {
        g = f ? Value(static_cast<Obj*>(f->globals))
              : Value(static_cast<Obj*>(vm.main_module.as<Module>()->globals));
        if (locals.is_none() && f) {
            if (f->func)
                ns = locals_snapshot(vm, f);
            else if (f->ns.is_obj())
                ns = f->ns; // a class body
        }
    }
    Dict* gd = g.as<Dict>();
    if (!dict_find_str(gd, vm.n.__builtins__))
        dict_set(vm, gd, Value(vm.n.__builtins__), vm.builtins);
    std::string src = a[0].as<Str>()->s;
    if (is_eval) src.erase(0, src.find_first_not_of(" \t"));
    Ast ast;
    Code* code = nullptr;
    try {
        parse_module(src, ast);
        code = is_eval ? compile_eval(vm, ast, "<string>") : compile_exec(vm, ast, "<string>");
    } catch (SyntaxErr& e) {
        raise_syntax(vm, e, src);
    }
    Value codev(static_cast<Obj*>(code));
    decref(code);
    Value r = vm.run_code(code, g, ns);
    return is_eval ? r : Value();
}

static Value b_eval(VM& vm, Args& a) { return run_string(vm, a, true); }
static Value b_exec(VM& vm, Args& a) { return run_string(vm, a, false); }

void add_exec_builtins(VM& vm) {
    Dict* b = vm.builtins.as<Dict>();
    dict_set(vm, b, Value(vm.intern("eval")), vm.new_native("eval", b_eval));
    dict_set(vm, b, Value(vm.intern("exec")), vm.new_native("exec", b_exec));
}

} // namespace lmpy
