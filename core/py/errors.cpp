// The exception hierarchy (CPython's names and parents) and traceback formatting.
#include "py/runtime.h"

namespace lmpy {

NativeFn exc_init_native();

static Value exc_init(VM& vm, Args& a) {
    ExcObj* e = static_cast<ExcObj*>(a[0].o);
    e->args = vm.new_tuple(std::vector<Value>(a.pos + 1, a.pos + a.n));
    return Value();
}
static Value exc_with_traceback(VM&, Args& a) { return a[0]; }

void init_exceptions(VM& vm) {
    auto& t = vm.t;
    Dict* b = vm.builtins.as<Dict>();
    auto mk = [&](const char* name, Type* base) {
        Type* ty = vm.new_type(name, base, Layout::Exception);
        ty->is_exception = true;
        dict_set(vm, b, Value(vm.intern(name)), Value(static_cast<Obj*>(ty)));
        return ty;
    };
    t.BaseException = mk("BaseException", t.object);
    vm.add_method(t.BaseException, "__init__", exc_init);
    vm.add_method(t.BaseException, "with_traceback", exc_with_traceback);
    t.SystemExit = mk("SystemExit", t.BaseException);
    t.KeyboardInterrupt = mk("KeyboardInterrupt", t.BaseException);
    t.GeneratorExit = mk("GeneratorExit", t.BaseException);
    t.Exception = mk("Exception", t.BaseException);
    t.StopIteration = mk("StopIteration", t.Exception);
    t.StopAsyncIteration = mk("StopAsyncIteration", t.Exception);
    t.ArithmeticError = mk("ArithmeticError", t.Exception);
    t.FloatingPointError = mk("FloatingPointError", t.ArithmeticError);
    t.OverflowError = mk("OverflowError", t.ArithmeticError);
    t.ZeroDivisionError = mk("ZeroDivisionError", t.ArithmeticError);
    t.AssertionError = mk("AssertionError", t.Exception);
    t.AttributeError = mk("AttributeError", t.Exception);
    t.BufferError = mk("BufferError", t.Exception);
    t.EOFError = mk("EOFError", t.Exception);
    t.ImportError = mk("ImportError", t.Exception);
    t.ModuleNotFoundError = mk("ModuleNotFoundError", t.ImportError);
    t.LookupError = mk("LookupError", t.Exception);
    t.IndexError = mk("IndexError", t.LookupError);
    t.KeyError = mk("KeyError", t.LookupError);
    t.MemoryError = mk("MemoryError", t.Exception);
    t.NameError = mk("NameError", t.Exception);
    t.UnboundLocalError = mk("UnboundLocalError", t.NameError);
    t.OSError = mk("OSError", t.Exception);
    t.FileNotFoundError = mk("FileNotFoundError", t.OSError);
    t.ReferenceError = mk("ReferenceError", t.Exception);
    t.RuntimeError = mk("RuntimeError", t.Exception);
    t.NotImplementedError = mk("NotImplementedError", t.RuntimeError);
    t.RecursionError = mk("RecursionError", t.RuntimeError);
    t.SyntaxError = mk("SyntaxError", t.Exception);
    t.IndentationError = mk("IndentationError", t.SyntaxError);
    mk("TabError", t.IndentationError);
    t.SystemError = mk("SystemError", t.Exception);
    t.TypeError = mk("TypeError", t.Exception);
    t.ValueError = mk("ValueError", t.Exception);
    t.UnicodeError = mk("UnicodeError", t.ValueError);
    mk("UnicodeDecodeError", t.UnicodeError);
    mk("UnicodeEncodeError", t.UnicodeError);
    t.Warning = mk("Warning", t.Exception);
    t.UserWarning = mk("UserWarning", t.Warning);
    t.DeprecationWarning = mk("DeprecationWarning", t.Warning);
    t.RuntimeWarning = mk("RuntimeWarning", t.Warning);
    mk("FutureWarning", t.Warning);
    t.LinAlgError = vm.new_type("LinAlgError", t.ValueError, Layout::Exception);
    t.LinAlgError->is_exception = true;
    t.LinAlgError->module = "numpy.linalg";
    dict_set(vm, b, Value(vm.intern("IOError")), Value(static_cast<Obj*>(t.OSError)));
    dict_set(vm, b, Value(vm.intern("EnvironmentError")), Value(static_cast<Obj*>(t.OSError)));
}

static std::string type_label(VM& vm, Type* ty) {
    if (ty->module == "builtins" || ty->module == "__main__") return ty->name;
    return ty->module + "." + ty->name;
}

std::string source_line(std::string_view src, int line) {
    int cur = 1;
    size_t i = 0;
    while (cur < line && i < src.size()) {
        if (src[i] == '\n') ++cur;
        ++i;
    }
    size_t e = src.find('\n', i);
    return std::string(src.substr(i, e == std::string_view::npos ? std::string_view::npos : e - i));
}

// plain string building: an ostringstream here would pull libc++'s iostreams and locales into
// the wasm module (issue 8: download size)
std::string syntax_location(std::string_view file, int line, int col, std::string_view text) {
    std::string out = "  File \"";
    out.append(file).append("\", line ").append(std::to_string(line)).append("\n");
    size_t lead = text.find_first_not_of(" \t");
    if (lead == std::string_view::npos) return out;
    std::string_view shown = text.substr(lead);
    while (!shown.empty() && (shown.back() == ' ' || shown.back() == '\r')) shown.remove_suffix(1);
    if (shown.empty()) return out;
    int caret = std::max(col - int(lead), 1);
    out.append("    ")
        .append(shown)
        .append("\n    ")
        .append(std::string(caret - 1, ' '))
        .append("^\n");
    return out;
}

bool syntax_details(VM& vm, const Value& exc, std::string& file, int& line) {
    if (!vm.type_of(exc)->is_subtype(vm.t.SyntaxError)) return false;
    const auto& a = static_cast<ExcObj*>(exc.o)->args.as<Tuple>()->items;
    if (a.size() != 2 || !a[1].is_obj() || a[1].o->type != vm.t.tuple) return false;
    const auto& d = a[1].as<Tuple>()->items;
    if (d.size() != 4 || !d[0].is_obj() || d[0].o->type != vm.t.str || !d[1].is_int()) return false;
    file = d[0].as<Str>()->s;
    line = int(d[1].i);
    return true;
}

static void format_one(VM& vm, const Value& exc, std::string& out, int depth) {
    ExcObj* e = static_cast<ExcObj*>(exc.o);
    if (depth < 8) {
        if (e->cause.is_obj()) {
            format_one(vm, e->cause, out, depth + 1);
            out += "\nThe above exception was the direct cause of the following exception:\n\n";
        } else if (e->context.is_obj() && !e->suppress_context) {
            format_one(vm, e->context, out, depth + 1);
            out += "\nDuring handling of the above exception, another exception occurred:\n\n";
        }
    }
    if (!e->tb.empty()) {
        out += "Traceback (most recent call last):\n";
        for (size_t i = e->tb.size(); i-- > 0;) {
            auto& f = e->tb[i];
            out += "  File \"" + f.file + "\", line " + std::to_string(f.line) + ", in " + f.func +
                   "\n";
        }
    }
    std::string msg, file;
    int line;
    if (syntax_details(vm, exc, file, line)) {
        // where the text failed to compile, then the bare message (CPython's layout)
        const auto& a = static_cast<ExcObj*>(exc.o)->args.as<Tuple>()->items;
        const auto& d = a[1].as<Tuple>()->items;
        std::string text = d[3].is_obj() && d[3].o->type == vm.t.str ? d[3].as<Str>()->s : "";
        out += syntax_location(file, line, d[2].is_int() ? int(d[2].i) : 1, text);
        msg = vm.to_str(a[0]);
    } else {
        try {
            msg = exc_message(vm, exc);
        } catch (PyExc&) {
            msg = "<exception str() failed>";
        }
    }
    out += type_label(vm, vm.type_of(exc));
    if (!msg.empty()) out += ": " + msg;
    out += "\n";
}

std::string format_traceback(VM& vm, const Value& exc) {
    std::string out;
    format_one(vm, exc, out, 0);
    return out;
}

} // namespace lmpy
