// The public Interpreter (api.h): parse, compile, run in the persistent __main__ namespace, and
// turn every failure (Python exception, syntax error, C++ allocation failure) into a RunResult.
#include "py/api.h"
#include "py/runtime.h"
#include <new>
#include <string>

namespace lmpy {

struct Interpreter::Impl {
    std::unique_ptr<VM> vm;
    std::function<void(std::string_view)> sink;
    Impl() : vm(new VM) {}
};

Interpreter::Interpreter() : impl_(new Impl) {}
Interpreter::~Interpreter() = default;

void Interpreter::set_output(std::function<void(std::string_view)> sink) {
    impl_->sink = sink;
    impl_->vm->out = std::move(sink);
}

void Interpreter::reset() {
    impl_->vm.reset(new VM);
    impl_->vm->out = impl_->sink;
}

void Interpreter::request_interrupt() { impl_->vm->interrupt = 1; }

std::string Interpreter::figures_json() const { return impl_->vm->figures; }

RunResult Interpreter::run(std::string_view source, std::string_view filename) {
    VM& vm = *impl_->vm;
    RunResult r;
    r.exit_code = 0;
    char stack_probe;
    bool outermost = vm.stack_base == 0;
    if (outermost) vm.stack_base = uintptr_t(&stack_probe);
    struct ResetBase {
        VM& vm;
        bool on;
        ~ResetBase() {
            if (on) vm.stack_base = 0;
        }
    } reset_base{vm, outermost};
    vm.outbuf.clear();
    vm.figures = "[]";
    vm.interrupt = 0;
    std::string src(source);
    Ast ast;
    Code* code = nullptr;
    try {
        parse_module(src, ast);
        code = compile_module(vm, ast, std::string(filename));
    } catch (SyntaxErr& e) {
        r.ok = false;
        r.exit_code = 1;
        r.error.type = e.indentation ? "IndentationError" : "SyntaxError";
        r.error.message = e.msg;
        r.error.line = e.line;
        std::string tb = syntax_location(filename, e.line, e.col, source_line(source, e.line));
        tb.append(r.error.type).append(": ").append(e.msg).append("\n");
        r.error.traceback = std::move(tb);
        return r;
    }
    Value codev(static_cast<Obj*>(code));
    decref(code);
    Dict* globals = vm.main_module.as<Module>()->globals;
    Value g(static_cast<Obj*>(globals));
    if (!dict_find_str(globals, vm.n.__builtins__))
        dict_set(vm, globals, Value(vm.n.__builtins__), vm.builtins);
    try {
        try {
            vm.run_code(code, g, Value());
        } catch (std::bad_alloc&) {
            vm.raise(vm.t.MemoryError, "");
        }
    } catch (PyExc& e) {
        r.ok = false;
        r.exit_code = 1;
        Type* ty = vm.type_of(e.exc);
        if (ty->is_subtype(vm.t.SystemExit)) {
            // sys.exit(): no traceback; None/0 is a clean exit, an int is the status, else printed
            const auto& items = static_cast<ExcObj*>(e.exc.o)->args.as<Tuple>()->items;
            Value code = items.empty()       ? Value()
                         : items.size() == 1 ? items[0]
                                             : static_cast<ExcObj*>(e.exc.o)->args;
            vm.handling.clear();
            r.out = std::move(vm.outbuf);
            vm.outbuf.clear();
            if (code.is_none() || (code.tag == Tag::Int && code.i == 0)) {
                r.ok = true;
                r.exit_code = 0;
                return r;
            }
            r.error.type = "SystemExit";
            if (code.tag == Tag::Int || code.tag == Tag::Bool) {
                r.exit_code = int(code.tag == Tag::Int ? code.i : code.b);
                r.error.message = std::to_string(r.exit_code);
                r.error.traceback = "";
            } else {
                r.error.message = vm.to_str(code);
                r.error.traceback = r.error.message + "\n";
            }
            return r;
        }
        r.error.type = ty->name;
        try {
            r.error.message = exc_message(vm, e.exc);
        } catch (...) {
            r.error.message = "";
        }
        ExcObj* eo = static_cast<ExcObj*>(e.exc.o);
        for (auto& f : eo->tb)
            if (f.file == filename) {
                r.error.line = f.line;
                break;
            }
        r.error.traceback = format_traceback(vm, e.exc);
    }
    vm.handling.clear();
    r.out = std::move(vm.outbuf);
    vm.outbuf.clear();
    return r;
}

} // namespace lmpy
