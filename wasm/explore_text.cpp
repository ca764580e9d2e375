// Embind surface of the text explorers (core/lm/text_models.h, core/lm/sentiment.h): each JS
// function takes plain JS values and returns JSON text (see core/lm/README.md).
// Arguments are read by js_args.h (a missing text reads as "", a wrong type is an {"error"}).
#include "lm/common.h"
#include "lm/sentiment.h"
#include "lm/text_models.h"
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
        return lmpy::lm::beam_search_json(strings(vocab, "vocab", 20), text(initial, "initial"),
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
