// The sentiment explorer (slide 12, issue 7): the slide's bag-of-words model, fitted once
// with the same code as the interpreter's sklearn (ml::CountVectorizerCore,
// ml::split_indices on NumPy's legacy permutation, ml::fit_logistic), then each sentence
// scored with its per-word contributions.
#pragma once
#include <string>
#include <vector>

namespace lmpy::lm {

inline constexpr size_t kMaxSentimentText = 2000;

struct SentimentWord {
    std::string word; // a CountVectorizer token of the sentence (lowercased, 2+ word chars)
    long long count = 0;
    double coef = 0;         // the model's coefficient, 0 for a word outside the vocabulary
    double contribution = 0; // coef * count
    bool known = false;
};
struct Sentiment {
    double probability = 0; // predict_proba(...)[0, 1]
    int label = 0;          // predict(...)[0]: 1 positive, 0 negative
    double intercept = 0;
    std::vector<SentimentWord> words; // distinct tokens in the sentence's order
};

Sentiment sentiment(const std::string& sentence);
std::string sentiment_json(const std::string& sentence);

} // namespace lmpy::lm
