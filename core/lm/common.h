// What every explorer shares: the error a bad parameter raises, the guard that turns any
// exception into {"error": message} (nothing may throw across the Embind boundary), and the
// clamping of inputs to the limits in README.md (clamped, not rejected, so a slider or a
// pasted text always redraws something).
#pragma once
#include <stdexcept>
#include <string>

namespace lmpy::lm {

// A parameter the explorer cannot use; the message is Python's wording where Python has one.
struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// {"error": message} as JSON text.
std::string error_json(const std::string& message);

// Runs f (which returns JSON text) and reports any exception as error_json instead.
template <class F> std::string guard_json(F&& f) noexcept {
    try {
        return f();
    } catch (const std::bad_alloc&) {
        return error_json("MemoryError");
    } catch (const std::exception& e) {
        return error_json(e.what());
    } catch (...) {
        return error_json("internal error");
    }
}

inline int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }
inline long long clamp(long long v, long long lo, long long hi) {
    return v < lo ? lo : v > hi ? hi : v;
}
inline double clamp(double v, double lo, double hi) {
    return v < lo ? lo : v > hi ? hi : v; // NaN stays NaN: callers reject it
}

// The first max_chars code points of UTF-8 text (never cuts a character in two).
std::string clamp_text(const std::string& s, size_t max_chars);

} // namespace lmpy::lm
