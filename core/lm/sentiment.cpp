// Slide 12 without the interpreter: the same five texts and labels, CountVectorizer(),
// train_test_split(X, labels, test_size=0.2, random_state=42), LogisticRegression().fit on the
// training rows. The fit runs once, on the first call; later calls only score a sentence.
#include "lm/sentiment.h"
#include "lm/common.h"
#include "ml/logistic.h"
#include "ml/split.h"
#include "ml/text.h"
#include "py/json_out.h"
#include "py/strtext.h"
#include <unordered_map>

namespace lmpy::lm {

namespace {

struct SlideModel {
    ml::CountVectorizerCore vectorizer{ml::CountVectorizerParams{}};
    ml::LogisticModel model;
    std::unordered_map<std::u32string, int64_t> column; // vocabulary_
};

// CountVectorizer(lowercase=True) lowercases with str.lower before tokenizing.
std::u32string document(const std::string& text) { return to_u32(str_lower(text)); }

Eigen::MatrixXd dense(const ml::Csr& m) {
    std::vector<int64_t> d = m.dense();
    Eigen::MatrixXd out(m.rows, m.cols);
    for (int64_t r = 0; r < m.rows; ++r)
        for (int64_t c = 0; c < m.cols; ++c) out(r, c) = double(d[size_t(r * m.cols + c)]);
    return out;
}

SlideModel fit_slide_model() {
    const char* texts[] = {"I love this product", "This is terrible", "Great experience",
                           "Worst purchase ever", "Highly recommended"};
    const int labels[] = {1, 0, 1, 0, 1};
    SlideModel s;
    std::vector<std::u32string> docs;
    for (const char* t : texts) docs.push_back(document(t));
    ml::Csr X = s.vectorizer.fit_transform(docs);
    for (auto& [term, index] : s.vectorizer.vocabulary()) s.column.emplace(term, index);

    ml::SplitSize test{ml::SplitSize::Float, 0, 0.2, "0.2"};
    auto [n_train, n_test] = ml::split_sizes(X.rows, test, ml::SplitSize{});
    np::RandomState rng(42);
    ml::SplitIndices idx = ml::split_indices(X.rows, n_train, n_test, true, &rng);
    // The classes are 0 and 1, so a label is its own class index.
    std::vector<int> y;
    for (int64_t r : idx.train) y.push_back(labels[r]);
    s.model = ml::fit_logistic(dense(X.take_rows(idx.train)), y, 2);
    return s;
}

const SlideModel& slide_model() {
    static const SlideModel model = fit_slide_model();
    return model;
}

} // namespace

Sentiment sentiment(const std::string& sentence) {
    const SlideModel& s = slide_model();
    std::u32string doc = document(sentence);
    Eigen::MatrixXd x = dense(s.vectorizer.transform({doc}));
    Sentiment r;
    r.probability = ml::predict_proba(s.model, x)(0, 1);
    r.label = ml::predict(s.model, x)[0];
    r.intercept = s.model.intercept[0];
    std::unordered_map<std::u32string, size_t> seen;
    for (const std::u32string& token : s.vectorizer.analyze(doc)) {
        auto [it, inserted] = seen.try_emplace(token, r.words.size());
        if (inserted) {
            SentimentWord w;
            w.word = from_u32(token);
            auto col = s.column.find(token);
            w.known = col != s.column.end();
            if (w.known) w.coef = s.model.coef(0, col->second);
            r.words.push_back(w);
        }
        r.words[it->second].count++;
    }
    for (auto& w : r.words) w.contribution = w.coef * double(w.count);
    return r;
}

std::string sentiment_json(const std::string& sentence) {
    return guard_json([&] {
        Sentiment s = sentiment(clamp_text(sentence, kMaxSentimentText));
        json::Writer w;
        w.begin_object()
            .key("probability")
            .value(s.probability)
            .key("label")
            .value(s.label)
            .key("intercept")
            .value(s.intercept);
        w.key("words").begin_array();
        for (auto& x : s.words)
            w.begin_object()
                .key("word")
                .value(x.word)
                .key("count")
                .value(x.count)
                .key("coef")
                .value(x.coef)
                .key("contribution")
                .value(x.contribution)
                .key("known")
                .value(x.known)
                .end_object();
        w.end_array().end_object();
        return w.take();
    });
}

} // namespace lmpy::lm
