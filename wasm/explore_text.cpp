// Embind surface of the text explorers (core/lm/text_models.h, core/lm/sentiment.h): each JS
// function takes plain JS values and returns JSON text (see core/lm/README.md).
//
// Parameters arrive as emscripten::val and are converted here rather than by Embind's typed
// wire conversion, which throws a JS TypeError on a wrong type: a missing text reads as "",
// a non-number count as an {"error"} in Python's words, so nothing thrown crosses into JS.
#include "lm/common.h"
#include "lm/sentiment.h"
#include "lm/text_models.h"
#include <algorithm>
#include <cmath>
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <string>
#include <vector>

using emscripten::val;
using lmpy::lm::Error;

namespace {

std::string text(const val& v, const char* name) {
    if (v.isString()) return v.as<std::string>();
    if (v.isNull() || v.isUndefined()) return "";
    throw Error(std::string(name) + " must be a string");
}

// A count or a size: JS numbers are doubles; the explorer clamps to its own range.
int integer(const val& v, const char* name) {
    if (!v.isNumber()) throw Error(std::string(name) + " must be a number");
    double d = v.as<double>();
    if (std::isnan(d)) throw Error("cannot convert float NaN to integer");
    return static_cast<int>(std::clamp(d, -1e9, 1e9));
}

// The beam-search vocabulary: reading stops at 20 words, the explorer's limit.
std::vector<std::string> words(const val& v, const char* name) {
    if (!v.isArray()) throw Error(std::string(name) + " must be an array of strings");
    unsigned n = std::min(v["length"].as<unsigned>(), 20u);
    std::vector<std::string> out(n);
    for (unsigned i = 0; i < n; ++i) {
        val s = v[i];
        if (!s.isString()) throw Error(std::string(name) + " must be an array of strings");
        out[i] = s.as<std::string>();
    }
    return out;
}

std::string ngram_table(val t, val n) {
    return lmpy::lm::guard_json(
        [&] { return lmpy::lm::ngram_table_json(text(t, "text"), integer(n, "n")); });
}

std::string char_entropy(val t) {
    return lmpy::lm::guard_json([&] { return lmpy::lm::char_entropy_json(text(t, "text")); });
}

std::string vocabulary(val texts, val min_freq, val sentence) {
    return lmpy::lm::guard_json([&] {
        return lmpy::lm::vocabulary_json(text(texts, "texts"), integer(min_freq, "minFreq"),
                                         text(sentence, "sentence"));
    });
}

std::string beam_search(val vocab, val initial, val width, val steps) {
    return lmpy::lm::guard_json([&] {
        return lmpy::lm::beam_search_json(words(vocab, "vocab"), text(initial, "initial"),
                                          integer(width, "width"), integer(steps, "steps"));
    });
}

std::string autocomplete(val corpus, val prefix, val k) {
    return lmpy::lm::guard_json([&] {
        return lmpy::lm::autocomplete_json(text(corpus, "corpus"), text(prefix, "prefix"),
                                           integer(k, "k"));
    });
}

std::string sentiment(val sentence) {
    return lmpy::lm::guard_json(
        [&] { return lmpy::lm::sentiment_json(text(sentence, "sentence")); });
}

} // namespace

EMSCRIPTEN_BINDINGS(lm_text) {
    emscripten::function("ngramTable", &ngram_table);
    emscripten::function("charEntropy", &char_entropy);
    emscripten::function("vocabulary", &vocabulary);
    emscripten::function("beamSearch", &beam_search);
    emscripten::function("autocomplete", &autocomplete);
    emscripten::function("sentiment", &sentiment);
}
