// Embind surface of the numeric explorers (core/lm numeric, sampling, progress): each JS
// function takes plain JS values and returns JSON text (see core/lm/README.md).
// Arguments are read by js_args.h (a wrong type is an {"error"}; NaN is rejected by core/lm in
// Python's words, int(nan)).
#include "lm/common.h"
#include "lm/numeric.h"
#include "lm/progress.h"
#include "lm/sampling.h"
#include "js_args.h"
#include <algorithm>
#include <cmath>
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <string>
#include <vector>

using emscripten::val;
using namespace lmpy::jsargs;

namespace {

// Conversion errors become {"error"} like the explorers' own.
template <class F> std::string call(F&& f) { return lmpy::lm::guard_json(std::forward<F>(f)); }

std::string perplexity(val probs) {
    return call([&] { return lmpy::lm::perplexity_json(numbers(probs, "probs")); });
}

std::string embeddings(val words, val dim, val seed) {
    return call([&] {
        return lmpy::lm::embeddings_json(strings(words, "words", 12), number(dim, "dim"),
                                         number(seed, "seed"));
    });
}

std::string attention(val query, val keys, val values, val temperature) {
    return call([&] {
        return lmpy::lm::attention_json(rows(query, "query", 8), rows(keys, "keys", 8),
                                        rows(values, "values", 8),
                                        number(temperature, "temperature"));
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
