// Reading the explorers' JS arguments (wasm/explore_*.cpp), in one place.
//
// Parameters arrive as emscripten::val and are converted here rather than by Embind's typed
// wire conversion, which throws a JS TypeError on a wrong type: here a wrong type throws
// lm::Error, which the binding's guard_json turns into {"error": ...}, so nothing thrown
// crosses into JS. Arrays are read only up to a bound past every explorer's limit, so a
// pathological argument costs nothing (core/lm truncates to its own limits).
#pragma once
#include "lm/common.h"
#include <algorithm>
#include <cmath>
#include <emscripten/val.h>
#include <string>
#include <vector>

namespace lmpy::jsargs {

using emscripten::val;
using lm::Error;

// A string; null/undefined read as "".
inline std::string text(const val& v, const char* name) {
    if (v.isString()) return v.as<std::string>();
    if (v.isNull() || v.isUndefined()) return "";
    throw Error(std::string(name) + " must be a string");
}

// A JS number (NaN included: core/lm rejects it in Python's words).
inline double number(const val& v, const char* name) {
    if (v.isNumber()) return v.as<double>();
    throw Error(std::string(name) + " must be a number");
}

// A count or a size, for functions taking an int: NaN is Python's int(nan) error.
inline int integer(const val& v, const char* name) {
    double d = number(v, name);
    if (std::isnan(d)) throw Error("cannot convert float NaN to integer");
    return static_cast<int>(std::clamp(d, -1e9, 1e9));
}

// JS truthiness (!!v).
inline bool truthy(const val& v) {
    if (v.isNumber()) {
        double d = v.as<double>();
        return d != 0 && !std::isnan(d);
    }
    if (v.isString()) return !v.as<std::string>().empty();
    return !(v.isNull() || v.isUndefined() || v.isFalse());
}

// An Array or a typed array.
inline bool is_array(const val& v) {
    return v.isArray() ||
           (!v.isNull() && !v.isUndefined() && val::global("ArrayBuffer").call<bool>("isView", v));
}

// Numbers (non-numbers become NaN, which core/lm rejects), at most max of them.
inline std::vector<double> numbers(const val& v, const char* name, unsigned max = 4096) {
    if (!is_array(v)) throw Error(std::string(name) + " must be an array of numbers");
    unsigned n = std::min(v["length"].as<unsigned>(), max);
    std::vector<double> out(n);
    for (unsigned i = 0; i < n; ++i) {
        val x = v[i];
        out[i] = x.isNumber() ? x.as<double>() : NAN;
    }
    return out;
}

// Rows of numbers, at most max_rows of them.
inline std::vector<std::vector<double>> rows(const val& v, const char* name, unsigned max_rows) {
    if (!is_array(v)) throw Error(std::string(name) + " must be an array of rows");
    unsigned n = std::min(v["length"].as<unsigned>(), max_rows);
    std::vector<std::vector<double>> out(n);
    for (unsigned i = 0; i < n; ++i) out[i] = numbers(v[i], name);
    return out;
}

// Strings, at most max of them.
inline std::vector<std::string> strings(const val& v, const char* name, unsigned max) {
    if (!is_array(v)) throw Error(std::string(name) + " must be an array of strings");
    unsigned n = std::min(v["length"].as<unsigned>(), max);
    std::vector<std::string> out(n);
    for (unsigned i = 0; i < n; ++i) {
        val s = v[i];
        if (!s.isString()) throw Error(std::string(name) + " must be strings");
        out[i] = s.as<std::string>();
    }
    return out;
}

} // namespace lmpy::jsargs
