// Embind surface of the numeric explorers (core/lm numeric, sampling, progress): each JS
// function takes plain JS values and returns JSON text (see core/lm/README.md).
//
// Every parameter arrives as an emscripten::val and is converted here, not by Embind's typed
// wire conversion, because a typed `double` parameter throws a JS TypeError on a string or
// undefined: here a wrong type is an {"error"} and NaN is rejected by core/lm in Python's
// words (int(nan)), so nothing thrown crosses into JS.
#include "lm/common.h"
#include "lm/numeric.h"
#include "lm/progress.h"
#include "lm/sampling.h"
#include <algorithm>
#include <cmath>
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <string>
#include <vector>

using emscripten::val;

namespace {

// A scalar parameter: a JS number (NaN included: core/lm rejects it in Python's words).
double number(const val& v, const char* name) {
    if (v.isNumber()) return v.as<double>();
    throw lmpy::lm::Error(std::string(name) + " must be a number");
}

// An array element: anything but a number is NaN, which core/lm rejects.
double element(const val& v) { return v.isNumber() ? v.as<double>() : NAN; }

// JS truthiness (!!v).
bool truthy(const val& v) {
    if (v.isNumber()) {
        double d = v.as<double>();
        return d != 0 && !std::isnan(d);
    }
    if (v.isString()) return !v.as<std::string>().empty();
    return !(v.isNull() || v.isUndefined() || v.isFalse());
}

bool is_array(const val& v) {
    return v.isArray() ||
           (!v.isNull() && !v.isUndefined() && val::global("ArrayBuffer").call<bool>("isView", v));
}

// A JS array (or typed array) of numbers; non-numbers become NaN. Reading stops at 4096
// elements, far past every limit, so a pathological array costs nothing (core/lm truncates).
std::vector<double> numbers(const val& v, const char* name) {
    if (!is_array(v)) throw lmpy::lm::Error(std::string(name) + " must be an array of numbers");
    unsigned n = std::min(v["length"].as<unsigned>(), 4096u);
    std::vector<double> out(n);
    for (unsigned i = 0; i < n; ++i) out[i] = element(v[i]);
    return out;
}

// A JS array of rows; stops reading past max_rows x max_cols (the explorer truncates there).
std::vector<std::vector<double>> rows(const val& v, const char* name) {
    if (!is_array(v)) throw lmpy::lm::Error(std::string(name) + " must be an array of rows");
    unsigned n = std::min(v["length"].as<unsigned>(), 8u);
    std::vector<std::vector<double>> out(n);
    for (unsigned i = 0; i < n; ++i) out[i] = numbers(v[i], name);
    return out;
}

std::vector<std::string> strings(const val& v, const char* name) {
    if (!is_array(v)) throw lmpy::lm::Error(std::string(name) + " must be an array of strings");
    unsigned n = std::min(v["length"].as<unsigned>(), 12u);
    std::vector<std::string> out(n);
    for (unsigned i = 0; i < n; ++i) {
        val s = v[i];
        if (!s.isString()) throw lmpy::lm::Error(std::string(name) + " must be strings");
        out[i] = s.as<std::string>();
    }
    return out;
}

// Conversion errors become {"error"} like the explorers' own.
template <class F> std::string call(F&& f) { return lmpy::lm::guard_json(std::forward<F>(f)); }

std::string perplexity(val probs) {
    return call([&] { return lmpy::lm::perplexity_json(numbers(probs, "probs")); });
}

std::string embeddings(val words, val dim, val seed) {
    return call([&] {
        return lmpy::lm::embeddings_json(strings(words, "words"), number(dim, "dim"),
                                         number(seed, "seed"));
    });
}

std::string attention(val query, val keys, val values, val temperature) {
    return call([&] {
        return lmpy::lm::attention_json(rows(query, "query"), rows(keys, "keys"),
                                        rows(values, "values"), number(temperature, "temperature"));
    });
}

std::string multi_head(val seq_len, val d_model, val heads, val seed, val scaled) {
    return call([&] {
        return lmpy::lm::multi_head_json(number(seq_len, "seqLen"), number(d_model, "dModel"),
                                         number(heads, "heads"), number(seed, "seed"),
                                         truthy(scaled));
    });
}

std::string gradient_descent(val rate, val epochs, val seed) {
    return call([&] {
        return lmpy::lm::gradient_descent_json(number(rate, "learningRate"),
                                               number(epochs, "epochs"), number(seed, "seed"));
    });
}

std::string sampling(val probs, val temperature, val samples, val seed) {
    return call([&] {
        return lmpy::lm::sampling_json(numbers(probs, "probs"), number(temperature, "temperature"),
                                       number(samples, "samples"), number(seed, "seed"));
    });
}

std::string progress_chart(val years, val scores) {
    return call([&] {
        return lmpy::lm::progress_chart_json(numbers(years, "years"), numbers(scores, "scores"));
    });
}

} // namespace

EMSCRIPTEN_BINDINGS(lm_numeric) {
    emscripten::function("perplexity", &perplexity);
    emscripten::function("embeddings", &embeddings);
    emscripten::function("attention", &attention);
    emscripten::function("multiHead", &multi_head);
    emscripten::function("gradientDescent", &gradient_descent);
    emscripten::function("sampling", &sampling);
    emscripten::function("progressChart", &progress_chart);
}
