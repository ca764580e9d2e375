// destroy(): freeing with a bounded C++ recursion depth (see decref in object.h).
#include "py/object.h"
#include <vector>

namespace lmpy {

namespace {
// The interpreter is single-threaded (one per page worker, one per CLI process).
constexpr int kMaxDestroyDepth = 100;
int g_depth = 0;
std::vector<Obj*>* g_parked = nullptr; // allocated on first use, never freed (no exit-order issues)
} // namespace

void destroy(Obj* o) {
    if (g_depth >= kMaxDestroyDepth) {
        if (!g_parked) g_parked = new std::vector<Obj*>();
        g_parked->push_back(o);
        return;
    }
    ++g_depth;
    delete o;
    --g_depth;
    if (g_depth == 0 && g_parked) {
        // Each delete here may park more objects; the loop takes them as they come.
        while (!g_parked->empty()) {
            Obj* p = g_parked->back();
            g_parked->pop_back();
            ++g_depth;
            delete p;
            --g_depth;
        }
    }
}

} // namespace lmpy
