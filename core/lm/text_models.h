// The text explorers of issue 7 (README.md in this folder is the contract with the page):
// n-gram tables (slide 1), character entropy (slide 2), vocabulary and token ids (slide 8),
// beam search (slide 10) and trie autocomplete (slide 11).
//
// Each typed function computes what the slide's Python computes, in the same order, with
// the interpreter's own text primitives (py/strtext.h: str.split(), str.lower(); re's \w),
// so the explorer and the slide's cell agree on any input. Each *_json adapter clamps its
// inputs to the limits below and never throws: errors come back as {"error": message}.
#pragma once
#include <string>
#include <vector>

namespace lmpy::lm {

// Input limits (README.md's table); longer texts are cut, numbers clamped.
inline constexpr size_t kMaxText = 20000;     // ngramTable, charEntropy, vocabulary, autocomplete
inline constexpr size_t kMaxSentence = 2000;  // vocabulary's sentence
inline constexpr size_t kMaxWordChars = 1000; // beam search words and initial state
inline constexpr size_t kMaxPrefix = 100;     // autocomplete prefix

// ---- 1. n-grams: words = text.split(); contexts and next words in first-seen order
struct NextWord {
    std::string word;
    long long count = 0;
    double p = 0; // count / context total
};
struct NgramContext {
    std::string context; // the n-1 words joined by one space ("" for n = 1)
    long long total = 0;
    std::vector<NextWord> next;
};
struct NgramTable {
    int n = 0;
    long long tokens = 0; // number of words
    std::vector<NgramContext> contexts;
};
NgramTable ngram_table(const std::string& text, int n);
std::string ngram_table_json(const std::string& text, int n);

// ---- 2. character entropy: code points in first-seen order, entropy summed in that order
struct CharCount {
    std::string ch; // one code point, UTF-8
    long long count = 0;
    double p = 0;
};
struct CharEntropy {
    long long length = 0; // len(text), in code points
    std::vector<CharCount> chars;
    double entropy = 0;     // bits per character
    double max_entropy = 0; // log2(alphabet), 0 when the alphabet has at most one character
};
CharEntropy char_entropy(const std::string& text);
std::string char_entropy_json(const std::string& text);

// ---- 8. vocabulary: lowercase + split, Counter order, ids enumerate all counted words
struct WordCount {
    std::string word;
    long long count = 0;
};
struct WordId {
    std::string word;
    long long id = 0;
};
struct TokenId {
    std::string word;
    long long id = 0;
    bool unknown = false; // not in the vocabulary (its id is then unknown_id)
};
struct Vocabulary {
    std::vector<WordCount> counts;
    std::vector<WordId> vocab;
    std::vector<TokenId> tokens;
    long long unknown_id = 0; // len(vocab), which may equal a known word's id, as on the slide
};
// texts: one text per line.
Vocabulary vocabulary(const std::string& texts, int min_freq, const std::string& sentence);
std::string vocabulary_json(const std::string& texts, int min_freq, const std::string& sentence);

// ---- 10. beam search: score(state) = len(state.split()), heapq.nlargest order
struct ScoredState {
    std::string state;
    long long score = 0;
};
struct BeamStep {
    std::vector<ScoredState> candidates; // in generation order
    std::vector<ScoredState> kept;       // the beam after the step, best first
};
struct BeamSearch {
    std::vector<BeamStep> steps;
    std::string result; // beam[0][1]
};
// Throws Error("list index out of range") when the vocabulary is empty, as the slide does.
BeamSearch beam_search(const std::vector<std::string>& vocab, const std::string& initial, int width,
                       int steps);
std::string beam_search_json(const std::vector<std::string>& vocab, const std::string& initial,
                             int width, int steps);

// ---- 11. autocomplete: re.findall(r'\w+', corpus.lower()) into a trie, ranked by (freq, word)
struct Suggestion {
    std::string word;
    long long freq = 0;
};
struct Autocomplete {
    std::vector<Suggestion> suggestions; // first k, by (freq, word) descending
    long long matches = 0;               // distinct words under the prefix
    long long distinct = 0;              // distinct words in the corpus
};
Autocomplete autocomplete(const std::string& corpus, const std::string& prefix, int k);
std::string autocomplete_json(const std::string& corpus, const std::string& prefix, int k);

} // namespace lmpy::lm
