// TEMPORARY: replaced by the real interpreter (vm.cpp). Lets the build pipeline stand.
#include "py/api.h"
namespace lmpy {
struct Interpreter::Impl {
    std::function<void(std::string_view)> sink;
};
Interpreter::Interpreter() : impl_(new Impl) {}
Interpreter::~Interpreter() = default;
RunResult Interpreter::run(std::string_view, std::string_view) {
    RunResult r;
    r.ok = false;
    r.error.type = "NotImplementedError";
    r.error.message = "interpreter not built yet";
    r.error.traceback = "NotImplementedError: interpreter not built yet\n";
    return r;
}
void Interpreter::set_output(std::function<void(std::string_view)> s) { impl_->sink = std::move(s); }
void Interpreter::reset() {}
void Interpreter::request_interrupt() {}
std::string Interpreter::figures_json() const { return "[]"; }
} // namespace lmpy
