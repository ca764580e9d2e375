// Public entry point of the interpreter: everything outside core/ (the CLI, the Embind
// bindings, the explorers) talks to Python through this header only.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace lmpy {

struct ErrorInfo {
    std::string type;      // "ValueError"
    std::string message;   // "the final uncaught error"
    std::string traceback; // CPython-shaped, ends with "Type: message\n"
    int line = 0;          // line in the run's source where it was raised (0 if unknown)
};

struct RunResult {
    bool ok = true;
    std::string out;   // program stdout when no output sink is set
    ErrorInfo error;   // meaningful when !ok
    int exit_code = 0; // what `python3 FILE.py` would exit with (SystemExit(n) gives n)
};

class Interpreter {
  public:
    Interpreter();
    ~Interpreter();
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;

    // Runs source in the persistent __main__ namespace (notebook semantics).
    RunResult run(std::string_view source, std::string_view filename = "<cell>");
    // Stream stdout to a sink instead of buffering it into RunResult::out.
    void set_output(std::function<void(std::string_view)> sink);
    // Clear __main__ and imported modules.
    void reset();
    // May be called from another thread/signal handler: the running program raises
    // KeyboardInterrupt at its next check.
    void request_interrupt();
    // Charts produced by plt.show() during the last run, as a JSON array.
    std::string figures_json() const;

    struct Impl;

  private:
    std::unique_ptr<Impl> impl_;
};

} // namespace lmpy
