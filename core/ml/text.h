// CountVectorizer (scikit-learn 1.2, analyzer="word") and the CSR matrix it returns, in pure
// C++. Documents arrive already lowercased when lowercase=True (the binding applies Python's
// str.lower so Unicode case rules match CPython); tokens are the regex engine's findall of
// token_pattern (whole match, or group 1 when the pattern has one group).
//
// Vocabulary semantics that show in printed output:
//   * vocabulary_ keys keep first-appearance order (scikit-learn fills a dict while counting,
//     then overwrites the values in place), values are the index in sorted term order;
//   * min_df/max_df prune by document frequency (ints are counts, floats fractions of the
//     number of documents) before the sort; max_features keeps the most frequent terms;
//   * fit_transform's rows list their entries in first-appearance order of the terms (scipy
//     sorts the indices before scikit-learn renumbers them); transform's rows are sorted.
#pragma once
#include "py/modules/re_engine.h"
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lmpy::ml {

struct Csr {
    int64_t rows = 0, cols = 0;
    std::vector<int64_t> indptr{0}, indices, data;
    int64_t nnz() const { return int64_t(indices.size()); }
    std::vector<int64_t> dense() const; // rows * cols, C order
    Csr take_rows(const std::vector<int64_t>& rows) const;
};

struct VectorizerError {
    std::string type; // Python exception name
    std::string message;
};

// A document-frequency bound: an int count or a float fraction of the documents.
using DfBound = std::variant<int64_t, double>;

struct CountVectorizerParams {
    std::u32string token_pattern = U"(?u)\\b\\w\\w+\\b";
    int min_n = 1, max_n = 1;
    DfBound min_df = int64_t(1);
    DfBound max_df = 1.0;
    std::optional<int64_t> max_features;
    std::vector<std::u32string> stop_words;
    bool has_stop_words = false;
    bool binary = false;
};

class CountVectorizerCore {
  public:
    explicit CountVectorizerCore(CountVectorizerParams p) : p_(std::move(p)) {}
    // The analyzer: tokens, stop-word filtering, word n-grams joined by one space.
    std::vector<std::u32string> analyze(const std::u32string& doc) const;
    Csr fit_transform(const std::vector<std::u32string>& docs);
    Csr transform(const std::vector<std::u32string>& docs) const;
    bool fitted() const { return fitted_; }
    // (term, index) in vocabulary_'s key order.
    const std::vector<std::pair<std::u32string, int64_t>>& vocabulary() const { return vocab_; }
    // Terms sorted by index (get_feature_names_out).
    std::vector<std::u32string> feature_names() const;
    // Terms removed by min_df/max_df/max_features (stop_words_).
    const std::vector<std::u32string>& stop_words_removed() const { return removed_; }
    const CountVectorizerParams& params() const { return p_; }

  private:
    CountVectorizerParams p_;
    bool fitted_ = false;
    std::vector<std::pair<std::u32string, int64_t>> vocab_;
    std::vector<std::u32string> removed_;
    mutable re::ProgramPtr prog_; // token_pattern, compiled on first use
};

} // namespace lmpy::ml
