// core/ml: L-BFGS, logistic regression against scikit-learn 1.2's fitted numbers,
// CountVectorizer's vocabulary order and pruning, train_test_split's sizes and permutation.
#include "ml/lbfgs.h"
#include "ml/logistic.h"
#include "ml/split.h"
#include "ml/text.h"
#include <catch2/catch.hpp>

using namespace lmpy::ml;

TEST_CASE("lbfgs minimises the Rosenbrock function", "[ml]") {
    Objective rosen = [](const Eigen::VectorXd& x, Eigen::VectorXd& g) {
        double a = 1 - x[0], b = x[1] - x[0] * x[0];
        g.resize(2);
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    };
    LbfgsOptions o;
    o.max_iter = 200;
    o.gtol = 1e-8;
    o.ftol = 0;
    LbfgsResult r = lbfgs_minimize(rosen, Eigen::Vector2d(-1.2, 1), o);
    REQUIRE(r.converged);
    CHECK(r.x[0] == Approx(1).margin(1e-6));
    CHECK(r.x[1] == Approx(1).margin(1e-6));
}

TEST_CASE("lbfgs stops at max_iter", "[ml]") {
    Objective q = [](const Eigen::VectorXd& x, Eigen::VectorXd& g) {
        g = 2 * x.cwiseProduct(Eigen::Vector3d(1, 10, 100));
        return x.cwiseProduct(x).dot(Eigen::Vector3d(1, 10, 100));
    };
    LbfgsOptions o;
    o.max_iter = 2;
    LbfgsResult r = lbfgs_minimize(q, Eigen::Vector3d(1, 1, 1), o);
    CHECK(r.n_iter == 2);
    CHECK_FALSE(r.converged);
}

// Numbers printed by scikit-learn 1.2.1 (LogisticRegression().fit) for the same data.
TEST_CASE("binary logistic regression matches scikit-learn", "[ml]") {
    // Slide 12's training rows (vocabulary of 12 words) after train_test_split(random_state=42).
    Eigen::MatrixXd X = Eigen::MatrixXd::Zero(4, 12);
    for (int c : {3, 8}) X(0, c) = 1;          // highly recommended
    for (int c : {2, 1}) X(1, c) = 1;          // great experience
    for (int c : {5, 10, 6}) X(2, c) = 1;      // love this product
    for (int c : {11, 7, 0}) X(3, c) = 1;      // worst purchase ever
    LogisticModel m = fit_logistic(X, {1, 1, 1, 0}, 2);
    CHECK(m.n_iter == 7);
    CHECK(m.intercept[0] == Approx(1.3118377533026577).epsilon(1e-9));
    CHECK(m.coef(0, 0) == Approx(-0.47314247).epsilon(1e-7));
    CHECK(m.coef(0, 1) == Approx(0.16281682).epsilon(1e-7));
    CHECK(m.coef(0, 4) == 0.0);
    Eigen::MatrixXd P = predict_proba(m, X);
    CHECK(P(0, 0) + P(0, 1) == Approx(1));
    CHECK(predict(m, X) == std::vector<int>{1, 1, 1, 0});
}

TEST_CASE("multinomial logistic regression matches scikit-learn", "[ml]") {
    Eigen::MatrixXd Z(6, 2);
    Z << 0, 0, 1, 0, 0, 1, 1, 1, 2, 0, 0, 2;
    LogisticModel m = fit_logistic(Z, {0, 1, 2, 1, 1, 2}, 3);
    CHECK(m.n_iter == 10);
    CHECK(m.coef(0, 0) == Approx(-0.41698533).epsilon(1e-6));
    CHECK(m.coef(1, 0) == Approx(0.90876245).epsilon(1e-6));
    CHECK(m.coef(2, 1) == Approx(0.69916250).epsilon(1e-6));
    CHECK(m.intercept[2] == Approx(-0.17258683).epsilon(1e-6));
}

TEST_CASE("CountVectorizer keeps first-appearance key order and scipy entry order", "[ml]") {
    CountVectorizerCore cv({});
    Csr X = cv.fit_transform({U"i love this product", U"this is terrible"});
    REQUIRE(cv.vocabulary().size() == 5);
    CHECK(cv.vocabulary()[0] == std::make_pair(std::u32string(U"love"), int64_t(1)));
    CHECK(cv.vocabulary()[1] == std::make_pair(std::u32string(U"this"), int64_t(4)));
    CHECK(cv.feature_names()[0] == U"is");
    CHECK(X.rows == 2);
    CHECK(X.cols == 5);
    CHECK(X.nnz() == 6);
    CHECK(X.indices == std::vector<int64_t>{1, 4, 2, 4, 0, 3});
    Csr T = cv.transform({U"this this unknown"});
    CHECK(T.dense() == std::vector<int64_t>{0, 0, 0, 0, 2});
}

TEST_CASE("CountVectorizer n-grams, stop words and document-frequency pruning", "[ml]") {
    CountVectorizerParams p;
    p.min_n = 1;
    p.max_n = 2;
    p.has_stop_words = true;
    p.stop_words = {U"the"};
    p.min_df = int64_t(2);
    CountVectorizerCore cv(p);
    cv.fit_transform({U"the cat sat", U"the cat ran", U"a dog"});
    REQUIRE(cv.vocabulary().size() == 1);
    CHECK(cv.vocabulary()[0].first == U"cat");
    CHECK(cv.stop_words_removed().size() == 5);
    CountVectorizerParams q;
    q.max_df = 0.5;
    q.min_df = 0.9;
    CountVectorizerCore bad(q);
    CHECK_THROWS_AS(bad.fit_transform({U"aa bb", U"bb"}), VectorizerError);
}

TEST_CASE("train_test_split sizes and the legacy RandomState permutation", "[ml]") {
    SplitSize test{SplitSize::Float, 0, 0.25, "0.25"};
    auto [ntr, nte] = split_sizes(12, test, {});
    CHECK(ntr == 9);
    CHECK(nte == 3);
    lmpy::np::RandomState rs(0);
    SplitIndices idx = split_indices(12, ntr, nte, true, &rs);
    CHECK(idx.test == std::vector<int64_t>{6, 11, 4});
    CHECK(idx.train == std::vector<int64_t>{10, 2, 8, 1, 7, 9, 3, 0, 5});
    CHECK_THROWS_AS(split_sizes(5, {SplitSize::Float, 0, 1.5, "1.5"}, {}), SplitError);
    CHECK_THROWS_AS(split_sizes(5, {SplitSize::Int, 3, 0, "3"}, {SplitSize::Int, 3, 0, "3"}), SplitError);
    auto [a, b] = split_sizes(10, {}, {SplitSize::Int, 7, 0, "7"});
    CHECK(a == 7);
    CHECK(b == 3);
}
