// The numeric explorers (slides 3-7): perplexity, word embeddings with a PCA view,
// single-query attention, multi-head attention patterns and gradient descent.
//
// Each typed function mirrors its slide's NumPy code in the same order of operations:
// products are sequential sums over k (the reference BLAS loops NumPy calls here), np.sum and
// np.mean are np::pairwise_sum, and random draws come from np::RandomState in the slide's
// order, so the explorer prints the digits the slide's cell prints for the same seed. Only
// the PCA (Eigen's SVD) and the overflow-safe softmax (max subtracted) differ from NumPy by
// rounding.
//
// Parameters outside the README's limits are clamped (arrays truncated), never rejected; a
// parameter no clamping can repair (NaN, an empty or ragged matrix, misaligned shapes)
// throws lm::Error with Python's wording, which the *_json adapters turn into {"error"}.
#pragma once
#include <Eigen/Core>
#include <string>
#include <vector>

namespace lmpy::lm {

// Row-major, as NumPy's arrays of rows (and JS's arrays of arrays).
using RowMat = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// An integer parameter that arrives as a JS number: NaN is Python's int(nan) error, anything
// else is truncated and clamped to [lo, hi].
long long int_param(double v, long long lo, long long hi);
// A real parameter clamped to [lo, hi]; NaN throws "<name> must be a number".
double real_param(double v, double lo, double hi, const char* name);

// ---- 3: perplexity = exp(-mean(log p)) ----
struct Perplexity {
    double perplexity = 0, cross_entropy = 0; // cross entropy in nats
    int n = 0;
    double uniform_perplexity = 0; // the uniform model over n outcomes
};
Perplexity perplexity(std::vector<double> probs);
std::string perplexity_json(const std::vector<double>& probs);

// ---- 4: random embeddings, cosine similarities, PCA to 2-D ----
struct Embeddings {
    std::vector<std::string> words; // distinct, first-seen order (the slide's dict)
    RowMat vectors;                 // one row per word
    RowMat cosine;                  // words x words
    RowMat pca;                     // words x 2
    double explained[2] = {0, 0};   // explained variance ratios
};
Embeddings embeddings(std::vector<std::string> words, double dim, double seed);
std::string embeddings_json(const std::vector<std::string>& words, double dim, double seed);

// ---- 5: attention ----
struct Attention {
    RowMat scores, weights, output;
};
// Rows of a JS matrix (possibly ragged) as a matrix, truncated to max_rows x max_cols; name
// is for messages.
RowMat matrix_param(const std::vector<std::vector<double>>& rows, int max_rows, int max_cols,
                    const char* name);
Attention attention(const RowMat& query, const RowMat& keys, const RowMat& values,
                    double temperature);
std::string attention_json(const std::vector<std::vector<double>>& query,
                           const std::vector<std::vector<double>>& keys,
                           const std::vector<std::vector<double>>& values, double temperature);

// ---- 6: multi-head self-attention on np.random.randn(1, seq_len, d_model) ----
struct MultiHead {
    std::vector<RowMat> weights; // per head, seq_len x seq_len
    int d_head = 0, seq_len = 0, d_model = 0;
};
MultiHead multi_head(double seq_len, double d_model, double heads, double seed, bool scaled);
std::string multi_head_json(double seq_len, double d_model, double heads, double seed, bool scaled);

// ---- 7: gradient descent for y = m x + b on slide 7's synthetic data ----
struct Descent {
    std::vector<double> x, y;       // the 100 data points
    std::vector<double> m, b, loss; // before each epoch, then the final state
    bool diverged = false;
    int diverged_at = -1; // index of the first non-finite or > 1e12 loss (-1: none)
};
Descent gradient_descent(double learning_rate, double epochs, double seed);
std::string gradient_descent_json(double learning_rate, double epochs, double seed);

} // namespace lmpy::lm
