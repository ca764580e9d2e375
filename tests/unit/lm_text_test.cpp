// The text explorers (core/lm/text_models.h, core/lm/sentiment.h) against CPython running the
// deck's own slide code (tests/unit/gen/lm_text_gen.py -> gen/lm_text_cases.inc), and against
// the interpreter running the same slides, so that an explorer and its cell provably agree.
#include "lm/sentiment.h"
#include "lm/text_models.h"
#include "py/api.h"
#include "py/numfmt.h"
#include "py/strtext.h"
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

using namespace lmpy;

namespace {
struct NgramCase {
    const char* text;
    int n;
    const char* json;
};
struct EntropyCase {
    const char* text;
    const char* json;
};
struct VocabCase {
    const char* texts;
    int min_freq;
    const char* sentence;
    const char* json;
};
struct BeamCase {
    std::vector<std::string> vocab;
    const char* initial;
    int width, steps;
    const char* json;
};
struct AutocompleteCase {
    const char* corpus;
    const char* prefix;
    int k;
    const char* json;
};
struct SentimentWordCase {
    const char* word;
    long long count;
    double coef;
    bool known;
};
struct SentimentCase {
    const char* sentence;
    double probability;
    int label;
    double intercept;
    std::vector<SentimentWordCase> words;
};
#include "gen/lm_text_cases.inc"

// The deck's code block of a slide, as the page runs it.
std::string slide_code(int slide) {
    for (auto& [n, code] : kSlideCode)
        if (n == slide) return code;
    FAIL("slide " << slide << " is not in lm_text_cases.inc");
    return "";
}

// Runs Python through the interpreter; the test fails with the traceback if it raised.
std::string run_python(const std::string& src) {
    Interpreter interp;
    RunResult r = interp.run(src, "<test>");
    INFO(r.error.traceback);
    REQUIRE(r.ok);
    return r.out;
}

// A Python str literal of s.
std::string py_str(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\\' || c == '\'') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "'";
}
} // namespace

TEST_CASE("ngramTable matches slide 1 under CPython", "[lm]") {
    for (const NgramCase& c : kNgramCases) {
        INFO(std::string(c.text).substr(0, 80) << " n=" << c.n);
        CHECK(lm::ngram_table_json(c.text, c.n) == c.json);
    }
}

TEST_CASE("charEntropy matches slide 2 under CPython", "[lm]") {
    for (const EntropyCase& c : kEntropyCases) {
        INFO(std::string(c.text).substr(0, 80));
        CHECK(lm::char_entropy_json(c.text) == c.json);
    }
    lm::CharEntropy e = lm::char_entropy("hello world");
    CHECK(e.chars.size() == 8);
    CHECK(e.entropy < e.max_entropy);
}

TEST_CASE("vocabulary matches slide 8 under CPython", "[lm]") {
    for (const VocabCase& c : kVocabCases) {
        INFO(std::string(c.texts).substr(0, 80) << " min_freq=" << c.min_freq);
        CHECK(lm::vocabulary_json(c.texts, c.min_freq, c.sentence) == c.json);
    }
}

TEST_CASE("beamSearch matches slide 10 under CPython", "[lm]") {
    for (const BeamCase& c : kBeamCases) {
        INFO(c.initial << " width=" << c.width << " steps=" << c.steps);
        CHECK(lm::beam_search_json(c.vocab, c.initial, c.width, c.steps) == c.json);
    }
}

TEST_CASE("autocomplete matches slide 11 under CPython", "[lm]") {
    for (const AutocompleteCase& c : kAutocompleteCases) {
        INFO(std::string(c.corpus).substr(0, 80) << " prefix=" << c.prefix << " k=" << c.k);
        CHECK(lm::autocomplete_json(c.corpus, c.prefix, c.k) == c.json);
    }
}

TEST_CASE("sentiment matches slide 12 under scikit-learn", "[lm]") {
    for (const SentimentCase& c : kSentimentCases) {
        INFO(std::string(c.sentence).substr(0, 80));
        lm::Sentiment s = lm::sentiment(std::string(c.sentence).substr(0, lm::kMaxSentimentText));
        // The L-BFGS iterates agree with SciPy's to about 1e-8 (core/ml/README.md).
        CHECK(s.probability == Approx(c.probability).epsilon(1e-7));
        CHECK(s.label == c.label);
        CHECK(s.intercept == Approx(c.intercept).epsilon(1e-7));
        REQUIRE(s.words.size() == c.words.size());
        for (size_t i = 0; i < s.words.size(); ++i) {
            CHECK(s.words[i].word == c.words[i].word);
            CHECK(s.words[i].count == c.words[i].count);
            CHECK(s.words[i].known == c.words[i].known);
            CHECK(s.words[i].coef == Approx(c.words[i].coef).margin(1e-7));
            CHECK(s.words[i].contribution ==
                  Approx(c.words[i].coef * c.words[i].count).margin(1e-6));
        }
    }
}

TEST_CASE("explorers report bad input as JSON errors", "[lm]") {
    CHECK(lm::beam_search_json({}, "the", 2, 3) == R"({"error":"list index out of range"})");
    CHECK(lm::autocomplete_json("the then", "the$t", 3) ==
          R"({"error":"string indices must be integers, not 'str'"})");
    // Out-of-range numbers are clamped, not rejected.
    CHECK(lm::ngram_table_json("a b c", -5) == lm::ngram_table_json("a b c", 1));
    CHECK(lm::vocabulary_json("a a b", 1000, "a") == lm::vocabulary_json("a a b", 10, "a"));
}

// ---- the explorers and the interpreter running the same slide agree

TEST_CASE("vocabulary agrees with slide 8 run by the interpreter", "[lm]") {
    const std::string texts = "Zebra zebra ÉTÉ été\u00a0été ant\nant\u3000ant bee  Bee";
    const std::string sentence = "ZEBRA été  ant cat";
    std::string src = slide_code(8) + "\ntexts = " + py_str(texts) + ".split('\\n')\n" +
                      "vocab = build_vocab(texts)\n" + "for w, i in vocab.items(): print(w, i)\n" +
                      "print(*[vocab.get(w, len(vocab)) for w in tokenize(" + py_str(sentence) +
                      ")])\n";
    std::string out = run_python(src);
    // The slide prints two lines of its own first.
    out = out.substr(out.find('\n', out.find('\n') + 1) + 1);

    lm::Vocabulary v = lm::vocabulary(texts, 2, sentence);
    std::string mine;
    for (auto& e : v.vocab) mine += e.word + " " + std::to_string(e.id) + "\n";
    for (size_t i = 0; i < v.tokens.size(); ++i)
        mine += (i ? " " : "") + std::to_string(v.tokens[i].id);
    CHECK(out == mine + "\n");
}

TEST_CASE("autocomplete agrees with slide 11 run by the interpreter", "[lm]") {
    const std::string corpus = "The then THEME théâtre the_1 the THEN ünder under";
    for (std::string prefix : {"th", "", "ü", "x"}) {
        std::string src = slide_code(11) + "\nac = Autocomplete()\n" +
                          "for w in re.findall(r'\\w+', " + py_str(corpus) +
                          ".lower()): ac.add_word(w)\n" + "for f, w in sorted(ac.find_words(" +
                          py_str(prefix) + "), reverse=True)[:4]: print(w, f)\n";
        std::string out = run_python(src);
        const std::string slide_output_end = "\n  the (frequency: 2)\n";
        out = out.substr(out.find(slide_output_end) + slide_output_end.size());

        std::string mine;
        for (auto& s : lm::autocomplete(corpus, prefix, 4).suggestions)
            mine += s.word + " " + std::to_string(s.freq) + "\n";
        INFO("prefix " << prefix);
        CHECK(out == mine);
    }
}

TEST_CASE("sentiment agrees with slide 12 run by the interpreter", "[lm]") {
    const std::string sentence = "Great product, terrible ending: I love it";
    std::string src = slide_code(12) + "\np = model.predict_proba(vectorizer.transform([" +
                      py_str(sentence) + "]))[0, 1]\nprint(repr(float(p)))\n" +
                      "print(*[repr(float(c)) for c in model.coef_[0]])\n";
    std::string out = run_python(src);
    out = out.substr(out.find("Positive\n") + 9);

    lm::Sentiment s = lm::sentiment(sentence);
    // The same code fits both, so the numbers are identical, not merely close.
    CHECK(out.substr(0, out.find('\n')) == float_repr(s.probability));
    for (const lm::SentimentWord& w : s.words)
        if (w.known) CHECK(out.find(float_repr(w.coef)) != std::string::npos);
}

TEST_CASE("str.split() and str.lower() helpers behave as CPython's", "[lm]") {
    // CPython: 'a\xa0b\u3000c\x1cd\x85e  '.split() == ['a', 'b', 'c', 'd', 'e']
    CHECK(str_split_whitespace("a\u00a0b\u3000c\x1c"
                               "d\u0085e  ") == std::vector<std::string>{"a", "b", "c", "d", "e"});
    // CPython: ' a b  c '.split(None, 1) == ['a', 'b  c '] (the rest keeps its trailing spaces)
    CHECK(str_split_whitespace(" a b  c ", 1) == std::vector<std::string>{"a", "b  c "});
    CHECK(run_python("print('x\\u2003y z\\xa0'.split(None, 1), ' a '.split(None, 0))\n") ==
          "['x', 'y z\\xa0'] ['a ']\n");
    CHECK(run_python("print('  a b c  '.rsplit(None, 1), ' a '.rsplit(None, 0))\n") ==
          "['  a b', 'c'] [' a']\n");
    CHECK(str_lower("ÉTÉ Ωmega") == "été ωmega");
}

TEST_CASE("str.lower() maps every code point as CPython does", "[lm]") {
    CHECK(str_lower(kUpperSweep) == kLowerSweep);
    // Final sigma: ς at a word's end (after a cased letter), σ elsewhere; U+0130 gains a dot.
    CHECK(run_python("print('ΟΔΟΣ ΣΑΣ Σ ΣΣ.'.lower(), len('İ'.lower()), 'ǅ'.lower())\n") ==
          "οδος σας σ σς. 2 ǆ\n");
}
