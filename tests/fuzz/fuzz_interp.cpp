// libFuzzer target: any byte string is a Python program. The interpreter must return a
// RunResult for every input — parse errors, runtime errors and limits are results, never crashes
// or sanitizer reports. A watchdog thread interrupts runs longer than 2 s (as the page's Stop
// does), so a legitimately huge computation (list(product(range(150), repeat=4))) ends in
// KeyboardInterrupt instead of counting as a fuzzer timeout. Built and run by tests/fuzz/run.sh.
#include "py/api.h"
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

namespace {
using Clock = std::chrono::steady_clock;
lmpy::Interpreter* interp = nullptr;
std::atomic<int64_t> run_started{0}; // ms since epoch of the current run, 0 when idle

void watchdog() {
    for (;;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        int64_t t0 = run_started.load();
        int64_t now =
            std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch())
                .count();
        if (t0 && now - t0 > 2000) interp->request_interrupt();
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (!interp) {
        interp = new lmpy::Interpreter();
        interp->set_output([](std::string_view) {});
        std::thread(watchdog).detach();
    }
    std::string src(reinterpret_cast<const char*>(data), size);
    run_started =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch())
            .count();
    lmpy::RunResult r = interp->run(src, "<fuzz>");
    run_started = 0;
    (void)r;
    static int runs = 0;
    if (++runs % 256 == 0) {
        interp->reset(); // keep the namespace from growing without bound
        interp->set_output([](std::string_view) {});
    }
    return 0;
}
