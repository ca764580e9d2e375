// libFuzzer target: any byte string is a Python program. The interpreter must return a
// RunResult for every input — parse errors, runtime errors and limits are results, never crashes
// or sanitizer reports. Built and run by tests/fuzz/run.sh (clang, -fsanitize=fuzzer,address).
#include "py/api.h"
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static lmpy::Interpreter* interp = new lmpy::Interpreter();
    std::string src(reinterpret_cast<const char*>(data), size);
    interp->set_output([](std::string_view) {});
    lmpy::RunResult r = interp->run(src, "<fuzz>");
    (void)r;
    static int runs = 0;
    if (++runs % 256 == 0) interp->reset(); // keep the namespace from growing without bound
    return 0;
}
