// build/native/lmpy FILE.py — runs FILE like `python3 FILE.py`: stdout streamed,
// traceback on stderr and exit status 1 on an uncaught exception.
// `--figures OUT.json` writes the matplotlib chart descriptions.
// `--inproc` runs FILE twice, each in a fresh interpreter with its output discarded, and prints
// {"first": ms, "second": ms, "ok": bool}: the native side of tests/bench/inproc.mjs, so the
// bench can compare the NumPy kernels without either process's start-up.
#include "py/api.h"
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int main(int argc, char** argv) {
#if defined(__GLIBC__)
    // Keep freed array memory in the heap instead of handing it back to the kernel: NumPy-style
    // loops free and reallocate same-sized large buffers, and glibc's defaults (mmap above a
    // dynamic threshold, trimming a free top of the heap) made each new array fault its pages
    // in again (np_ufunc 515-562 ms with the defaults, 385-463 ms with these).
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
    const char* path = nullptr;
    const char* figures = nullptr;
    bool inproc = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--figures") == 0 && i + 1 < argc)
            figures = argv[++i];
        else if (std::strcmp(argv[i], "--inproc") == 0)
            inproc = true;
        else if (!path)
            path = argv[i];
    }
    if (!path) {
        std::fprintf(stderr, "usage: lmpy [--figures OUT.json | --inproc] FILE.py\n");
        return 2;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "lmpy: can't open file '%s': [Errno 2] No such file or directory\n",
                     path);
        return 2;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    if (inproc) {
        double ms[2];
        bool ok = true;
        for (double& t : ms) {
            lmpy::Interpreter interp;
            interp.set_output([](std::string_view) {});
            auto t0 = std::chrono::steady_clock::now();
            ok = interp.run(ss.str(), path).ok && ok;
            t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                    .count();
        }
        std::printf("{\"first\": %.3f, \"second\": %.3f, \"ok\": %s}\n", ms[0], ms[1],
                    ok ? "true" : "false");
        return ok ? 0 : 1;
    }
    lmpy::Interpreter interp;
    interp.set_output([](std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); });
    lmpy::RunResult r = interp.run(ss.str(), path);
    std::fflush(stdout);
    if (figures) {
        std::ofstream f(figures);
        f << interp.figures_json();
    }
    if (!r.ok) {
        std::fputs(r.error.traceback.c_str(), stderr);
        return r.exit_code ? r.exit_code : 1;
    }
    return 0;
}
