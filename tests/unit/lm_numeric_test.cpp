// The numeric explorers (core/lm numeric, sampling, progress) against the oracle
// (gen/lm_numeric_cases.inc, printed by gen/lm_numeric_gen.py from NumPy, scikit-learn and
// matplotlib running the slides' code) and against the interpreter running the same code:
// the sampling explorer and np.random.choice must draw the same counts, and the progress
// chart must be the figure slide 13's cell shows.
#include "lm/numeric.h"
#include "lm/progress.h"
#include "lm/sampling.h"
#include "plot/figure.h"
#include "py/api.h"
#include "py/json_out.h"
#include "py/numfmt.h"
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

using namespace lmpy;
using Rows = std::vector<std::vector<double>>;

namespace {

lm::RowMat M(const Rows& rows) { return lm::matrix_param(rows, 1000, 1000, "test"); }

Rows explained(const lm::Embeddings& e) { return {{e.explained[0], e.explained[1]}}; }
Rows rows_of(const lm::RowMat& m) {
    Rows r(static_cast<size_t>(m.rows()));
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        for (Eigen::Index j = 0; j < m.cols(); ++j) r[size_t(i)].push_back(m(i, j));
    return r;
}
Rows rows_of(const Rows& m) { return m; }

bool same_double(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

// 1e-12 relative, with a floor at 1e-14 of the largest expected magnitude (entries that
// cancel to ~0).
bool near(double got, double want, double scale, double rel = 1e-12, double norm = 1e-14) {
    if (same_double(got, want)) return true;
    return std::fabs(got - want) <= rel * std::fabs(want) + norm * scale;
}
double scale_of(const Rows& m) {
    double s = 0;
    for (auto& r : m)
        for (double v : r) s = std::max(s, std::fabs(v));
    return s;
}

template <class A> void exact_m(const A& got_in, const Rows& want) {
    Rows got = rows_of(got_in);
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
        REQUIRE(got[i].size() == want[i].size());
        for (size_t j = 0; j < want[i].size(); ++j) {
            INFO("entry (" << i << ", " << j << ")");
            CHECK(float_repr(got[i][j]) == float_repr(want[i][j]));
        }
    }
}
// rel: tolerance relative to each entry; norm: relative to the largest expected magnitude.
template <class A>
void near_m(const A& got_in, const Rows& want, double rel = 1e-12, double norm = 1e-14) {
    Rows got = rows_of(got_in);
    REQUIRE(got.size() == want.size());
    double scale = scale_of(want);
    for (size_t i = 0; i < want.size(); ++i) {
        REQUIRE(got[i].size() == want[i].size());
        for (size_t j = 0; j < want[i].size(); ++j) {
            INFO("entry (" << i << ", " << j << "): " << float_repr(got[i][j]) << " vs "
                           << float_repr(want[i][j]));
            CHECK(near(got[i][j], want[i][j], scale, rel, norm));
        }
    }
}

} // namespace

#define NEAR(got, want)                                                                            \
    do {                                                                                           \
        INFO(float_repr(got) << " vs " << float_repr(want));                                       \
        CHECK(near(got, want, 0));                                                                 \
    } while (0)
// Variadic: the expected values are braced lists, whose commas the preprocessor would split.
#define EXACT_V(got, ...) exact_m(Rows{got}, Rows{__VA_ARGS__})
#define NEAR_V(got, ...) near_m(Rows{got}, Rows{__VA_ARGS__})
#define EXACT_M(got, ...) exact_m(got, __VA_ARGS__)
#define NEAR_M(got, ...) near_m(got, __VA_ARGS__)
#define NORM_M(got, ...) near_m(got, __VA_ARGS__, 0, 1e-12)

#include "gen/lm_numeric_cases.inc"

namespace {

std::string error_json(const char* message) {
    std::string s = "{\"error\":";
    json::str(s, message);
    return s + "}";
}

// stdout of a fresh interpreter running code (and its figures, when asked).
std::string run_python(const std::string& code, std::string* figures = nullptr) {
    Interpreter py;
    RunResult r = py.run(code);
    INFO(code << r.error.traceback);
    REQUIRE(r.ok);
    if (figures) *figures = py.figures_json();
    return r.out;
}

std::string py_floats(const std::vector<double>& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + float_repr(v[i]);
    return s + "]";
}

} // namespace

TEST_CASE("lm_numeric: errors in Python's words, as {\"error\"}", "[lm][lm_numeric]") {
    CHECK(lm::embeddings_json({"same", "same"}, 3, 1) == error_json(kPcaTooFew));
    CHECK(lm::attention_json({{1, 0, 1}}, {{1, 1}, {0, 1}}, {{1, 0}, {0, 1}}, 1) ==
          error_json(kAttnKeysMisaligned));
    CHECK(lm::attention_json({{1, 0, 1}}, {{1, 1, 0}, {0, 1, 1}, {1, 1, 1}}, {{1, 0}, {0, 1}}, 1) ==
          error_json(kAttnValuesMisaligned));
    CHECK(lm::attention_json({{1, 2}, {3}}, {{1, 1}}, {{1}}, 1) == error_json(kRagged));
    CHECK(lm::multi_head_json(4, 12, 5, 0, false) == error_json(kSplitUnequal));
    CHECK(lm::sampling_json({0.5, -1.0}, 1, 3, 0) == error_json(kChoiceNaN));
    CHECK(lm::progress_chart_json({1, 2, 3}, {1, 2}) == error_json(kPlotShapes));
    // NaN where an integer is expected: Python's int(nan)
    CHECK(lm::gradient_descent_json(0.01, NAN, 0) ==
          error_json("cannot convert float NaN to integer"));
    CHECK(lm::gradient_descent_json(NAN, 10, 0) == error_json("learning rate must be a number"));
    CHECK(lm::perplexity_json({}) == error_json("need at least one probability"));
    CHECK(lm::perplexity_json({0.5, 0}) == error_json("probabilities must be in (0, 1], got 0.0"));
    CHECK(lm::attention_json({}, {{1}}, {{1}}, 1) ==
          error_json("query must be a non-empty matrix (an array of rows)"));
}

TEST_CASE("lm_numeric: JSON adapters carry the typed results", "[lm][lm_numeric]") {
    std::vector<double> p = {0.1, 0.2, 0.05, 0.3, 0.15};
    lm::Perplexity r = lm::perplexity(p);
    CHECK(lm::perplexity_json(p) == "{\"perplexity\":" + json::num(r.perplexity) +
                                        ",\"crossEntropy\":" + json::num(r.cross_entropy) +
                                        ",\"n\":5,\"uniformPerplexity\":5}");
    lm::Sampling s = lm::sampling(p, 0.5, 20, 3);
    std::string counts;
    for (auto c : s.counts) counts += (counts.empty() ? "" : ",") + std::to_string(c);
    std::string tempered;
    json::nums(tempered, s.tempered);
    CHECK(lm::sampling_json(p, 0.5, 20, 3) ==
          "{\"tempered\":" + tempered + ",\"counts\":[" + counts + "],\"draws\":20}");
    std::string mh = lm::multi_head_json(3, 4, 2, 0, true);
    CHECK(mh.rfind("{\"heads\":[{\"weights\":[[", 0) == 0);
    CHECK(mh.find("],\"dHead\":2,\"outputShape\":[1,3,4]}") != std::string::npos);
    std::string gd = lm::gradient_descent_json(2, 5000, 1);
    CHECK(gd.find("\"diverged\":true,\"divergedAt\":11}") != std::string::npos);
    gd = lm::gradient_descent_json(0.01, 3, 1);
    CHECK(gd.find("\"diverged\":false,\"divergedAt\":null}") != std::string::npos);
    lm::Progress pc = lm::progress_chart({2018, 2019}, {70, 75});
    CHECK(lm::progress_chart_json({2018, 2019}, {70, 75}) ==
          "{\"figure\":" + plot::to_json(pc.figure) + ",\"trend\":{\"slope\":" +
              json::num(pc.slope) + ",\"intercept\":" + json::num(pc.intercept) + "}}");
    CHECK(lm::progress_chart_json({2020}, {5})
              .find("\"trend\":{\"slope\":null,\"intercept\":null}") != std::string::npos);
}

// The interpreter running slide 9's tempering and np.random.choice draws what the explorer
// draws (both go through np::RandomState::choice).
TEST_CASE("lm_numeric: sampling equals the interpreter's np.random.choice", "[lm][lm_numeric]") {
    struct Case {
        std::vector<double> probs;
        double temperature;
        int samples;
        long long seed;
    };
    const Case cases[] = {{{0.1, 0.2, 0.05, 0.4, 0.25}, 0.5, 1000, 42},
                          {{0.1, 0.2, 0.05, 0.4, 0.25}, 2.0, 5, 0},
                          {{0.3, 0.3, 0.1, 0.05, 0.05, 0.05, 0.05, 0.04, 0.03, 0.03}, 0.7, 5000, 7},
                          {{1.0}, 1.0, 10, 4294967295LL}};
    for (const Case& c : cases) {
        lm::Sampling s = lm::sampling(c.probs, c.temperature, c.samples, double(c.seed));
        std::string code = "import numpy as np\n"
                           "def tempered(probabilities, temperature):\n"
                           "    probabilities = np.asarray(probabilities).astype('float64')\n"
                           "    probabilities = np.log(probabilities) / temperature\n"
                           "    probabilities = np.exp(probabilities) / "
                           "np.sum(np.exp(probabilities))\n"
                           "    return probabilities\n"
                           "p = tempered(" +
                           py_floats(c.probs) + ", " + float_repr(c.temperature) +
                           ")\n"
                           "np.random.seed(" +
                           std::to_string(c.seed) +
                           ")\n"
                           "d = np.random.choice(len(p), size=" +
                           std::to_string(c.samples) +
                           ", p=p)\n"
                           "print([float(x) for x in p])\n"
                           "print([int((d == i).sum()) for i in range(len(p))])\n";
        std::string out = run_python(code);
        std::string counts = "[";
        for (size_t i = 0; i < s.counts.size(); ++i)
            counts += (i ? ", " : "") + std::to_string(s.counts[i]);
        CHECK(out == py_floats(s.tempered) + "\n" + counts + "]\n");
    }
}

// Slide 13's cell, run by the interpreter, shows the figure the explorer builds.
TEST_CASE("lm_numeric: progress chart equals slide 13's figure from the interpreter",
          "[lm][lm_numeric]") {
    const std::vector<std::pair<std::vector<double>, std::vector<double>>> cases = {
        {{2018, 2019, 2020, 2021, 2022, 2023}, {70, 75, 82, 88, 92, 95}},
        {{1999.5, 2004.25, 2010}, {12.5, 40, 97.125}},
        {{2024}, {50}}};
    for (const auto& c : cases) {
        const std::vector<double>& years = c.first;
        const std::vector<double>& scores = c.second;
        std::string code = "import matplotlib.pyplot as plt\n"
                           "import numpy as np\n"
                           "\n"
                           "# Simulated data for language model progress\n"
                           "years = np.array(" +
                           py_floats(years) +
                           ")\n"
                           "performance = np.array(" +
                           py_floats(scores) +
                           ")\n"
                           "\n"
                           "plt.figure(figsize=(10, 6))\n"
                           "plt.plot(years, performance, marker='o')\n"
                           "plt.title(\"Simulated Language Model Performance Over Time\")\n"
                           "plt.xlabel(\"Year\")\n"
                           "plt.ylabel(\"Performance Score\")\n"
                           "plt.ylim(0, 100)\n"
                           "plt.grid(True)\n"
                           "plt.show()\n";
        std::string figures;
        run_python(code, &figures);
        lm::Progress p = lm::progress_chart(years, scores);
        CHECK(figures == "[" + plot::to_json(p.figure) + "]");
    }
}

TEST_CASE("lm_numeric: parameters are clamped to the README's limits", "[lm][lm_numeric]") {
    CHECK(lm::int_param(-5, 1, 12) == 1);
    CHECK(lm::int_param(1e300, 1, 12) == 12);
    CHECK(lm::int_param(INFINITY, 0, 4294967295LL) == 4294967295LL);
    CHECK(lm::int_param(7.9, 1, 12) == 7);
    CHECK(lm::real_param(-1, 0.05, 10, "t") == 0.05);
    lm::MultiHead m = lm::multi_head(99, 99, 99, -3, false); // 12 x 48, 48 heads, seed 0
    CHECK(m.seq_len == 12);
    CHECK(m.d_model == 48);
    CHECK(m.weights.size() == 48);
    CHECK(lm::sampling({0.5, 0.5}, 1, 1e9, 0).draws == 100000);
    CHECK(lm::gradient_descent(0.01, 1e9, 0).m.size() == 5001);
    CHECK(lm::embeddings({"a", "b"}, 1000, 0).vectors.cols() == 64);
}
