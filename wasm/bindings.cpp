// Embind surface of the core, kept thin: a Session wraps one Interpreter and returns
// plain JS objects {ok, stdout, error: {type, message, line, traceback} | null, figures}.
// No C++ exception crosses into JS: Interpreter::run reports errors as values.
#include "py/api.h"
#include <emscripten/bind.h>
#include <emscripten/val.h>

using emscripten::val;

namespace {

class Session {
  public:
    val run(const std::string& code, const std::string& filename) {
        lmpy::RunResult r;
        try {
            r = interp_.run(code, filename.empty() ? "<cell>" : filename);
        } catch (...) {
            r.ok = false;
            r.error.type = "SystemError";
            r.error.message = "internal error in the interpreter";
            r.error.traceback = "SystemError: internal error in the interpreter\n";
        }
        val o = val::object();
        o.set("ok", r.ok);
        o.set("exitCode", r.exit_code);
        o.set("stdout", r.out);
        if (r.ok) {
            o.set("error", val::null());
        } else {
            val e = val::object();
            e.set("type", r.error.type);
            e.set("message", r.error.message);
            e.set("line", r.error.line);
            e.set("traceback", r.error.traceback);
            o.set("error", e);
        }
        o.set("figures", interp_.figures_json());
        return o;
    }
    void reset() { interp_.reset(); }
    void interrupt() { interp_.request_interrupt(); }

  private:
    lmpy::Interpreter interp_;
};

} // namespace

EMSCRIPTEN_BINDINGS(lmpy) {
    emscripten::class_<Session>("Session")
        .constructor<>()
        .function("run", &Session::run)
        .function("reset", &Session::reset)
        .function("interrupt", &Session::interrupt);
}
