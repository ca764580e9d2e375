// The numeric explorers. The loops below are written out rather than left to Eigen's
// products on purpose: Eigen vectorises and reorders sums, while the slides' np.dot and
// np.mean have a fixed order (sequential over k; pairwise) that decides the last digits.
// Eigen is the storage and, for the PCA, the SVD.
#include "lm/numeric.h"
#include "lm/common.h"
#include "np/random_state.h"
#include "np/reduce.h"
#include "py/json_out.h"
#include "size_fn.h"
#include <Eigen/SVD>
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace lmpy::lm {

long long int_param(double v, long long lo, long long hi) {
    if (std::isnan(v)) throw Error("cannot convert float NaN to integer");
    if (v <= double(lo)) return lo;
    if (v >= double(hi)) return hi;
    return clamp(static_cast<long long>(v), lo, hi);
}

double real_param(double v, double lo, double hi, const char* name) {
    if (std::isnan(v)) throw Error(std::string(name) + " must be a number");
    return clamp(v, lo, hi);
}

namespace {

constexpr long long kMaxSeed = 4294967295LL;

// np.dot of two 1-D float vectors: one sequential sum (reference ddot).
double dot(const double* a, const double* b, Eigen::Index n) {
    double s = 0;
    for (Eigen::Index k = 0; k < n; ++k) s += a[k] * b[k];
    return s;
}

// a @ b.T, each entry dot() of two rows.
RowMat dot_transposed(const RowMat& a, const RowMat& b) {
    RowMat c(a.rows(), b.rows());
    for (Eigen::Index i = 0; i < a.rows(); ++i)
        for (Eigen::Index j = 0; j < b.rows(); ++j)
            c(i, j) = dot(a.row(i).data(), b.row(j).data(), a.cols());
    return c;
}

// a @ b, each entry a sequential sum over k.
RowMat matmul(const RowMat& a, const RowMat& b) {
    RowMat c = RowMat::Zero(a.rows(), b.cols());
    for (Eigen::Index i = 0; i < a.rows(); ++i)
        for (Eigen::Index k = 0; k < a.cols(); ++k)
            for (Eigen::Index j = 0; j < b.cols(); ++j) c(i, j) += a(i, k) * b(k, j);
    return c;
}

RowMat softmax_rows(const RowMat& s) {
    RowMat w(s.rows(), s.cols());
    std::vector<double> e(static_cast<size_t>(s.cols()));
    for (Eigen::Index i = 0; i < s.rows(); ++i) {
        double mx = s.row(i).maxCoeff();
        for (Eigen::Index j = 0; j < s.cols(); ++j) e[size_t(j)] = std::exp(s(i, j) - mx);
        double total = np::pairwise_sum(e.data(), s.cols());
        for (Eigen::Index j = 0; j < s.cols(); ++j) w(i, j) = e[size_t(j)] / total;
    }
    return w;
}

std::string shape2(Eigen::Index r, Eigen::Index c) {
    return "(" + std::to_string(r) + "," + std::to_string(c) + ")";
}

// NumPy's np.dot shape check for (r1 x c1) . (r2 x c2).
void check_aligned(Eigen::Index r1, Eigen::Index c1, Eigen::Index r2, Eigen::Index c2) {
    if (c1 != r2)
        throw Error("shapes " + shape2(r1, c1) + " and " + shape2(r2, c2) + " not aligned: " +
                    std::to_string(c1) + " (dim 1) != " + std::to_string(r2) + " (dim 0)");
}

// "key": [[row], [row], ...]
void write_matrix(json::Writer& w, const char* key, const RowMat& m) {
    w.key(key).begin_array();
    std::vector<double> row(static_cast<size_t>(m.cols()));
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        for (Eigen::Index j = 0; j < m.cols(); ++j) row[size_t(j)] = m(i, j);
        w.numbers(row);
    }
    w.end_array();
}

} // namespace

// Explorers 3-6 are far inside their 5 ms budget: optimised for size (gradient descent, below,
// is not: 1.3 ms per update at -O3, 3.8-4.7 ms at -Oz).
LMPY_SIZE_BEGIN
// ---------------------------------------------------------------- 3: perplexity

Perplexity perplexity(std::vector<double> probs) {
    if (probs.size() > 20) probs.resize(20);
    if (probs.empty()) throw Error("need at least one probability");
    for (double p : probs)
        if (!(p > 0 && p <= 1)) throw Error("probabilities must be in (0, 1], got " + json::num(p));
    std::vector<double> logs(probs.size());
    for (size_t i = 0; i < probs.size(); ++i) logs[i] = std::log(probs[i]);
    Perplexity r;
    r.n = int(probs.size());
    double mean = np::pairwise_sum(logs.data(), int64_t(logs.size())) / double(r.n);
    r.cross_entropy = -mean;
    r.perplexity = std::exp(-mean);
    r.uniform_perplexity = r.n;
    return r;
}

std::string perplexity_json(const std::vector<double>& probs) {
    return guard_json([&] {
        Perplexity p = perplexity(probs);
        json::Writer w;
        w.begin_object();
        w.key("perplexity").value(p.perplexity);
        w.key("crossEntropy").value(p.cross_entropy);
        w.key("n").value(p.n);
        w.key("uniformPerplexity").value(p.n); // = n, written as the integer it is
        w.end_object();
        return w.take();
    });
}

// ---------------------------------------------------------------- 4: embeddings

Embeddings embeddings(std::vector<std::string> words, double dim_in, double seed_in) {
    if (words.size() > 12) words.resize(12);
    int dim = int(int_param(dim_in, 2, 64));
    long long seed = int_param(seed_in, 0, kMaxSeed);
    // {word: np.random.rand(dim) for word in vocab}: one draw per word in order; a repeated
    // word keeps its first place and its last vector.
    np::RandomState rs(seed);
    Embeddings e;
    std::vector<std::vector<double>> vecs;
    for (const std::string& w : words) {
        std::vector<double> v(static_cast<size_t>(dim));
        rs.random_sample(v.data(), v.size());
        auto it = std::find(e.words.begin(), e.words.end(), w);
        if (it == e.words.end()) {
            e.words.push_back(w);
            vecs.push_back(std::move(v));
        } else {
            vecs[size_t(it - e.words.begin())] = std::move(v);
        }
    }
    Eigen::Index n = Eigen::Index(e.words.size());
    if (n < 2) // sklearn's PCA(n_components=2) on fewer than two samples
        throw Error("n_components=2 must be between 0 and min(n_samples, n_features)=" +
                    std::to_string(n) + " with svd_solver='full'");
    e.vectors.resize(n, dim);
    for (Eigen::Index i = 0; i < n; ++i)
        for (int k = 0; k < dim; ++k) e.vectors(i, k) = vecs[size_t(i)][size_t(k)];

    // cosine_similarity(v1, v2) = np.dot(v1, v2) / (norm(v1) * norm(v2)), norm = sqrt(v.v)
    std::vector<double> norms(static_cast<size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
        const double* v = e.vectors.row(i).data();
        norms[size_t(i)] = std::sqrt(dot(v, v, dim));
    }
    e.cosine.resize(n, n);
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index j = 0; j < n; ++j)
            e.cosine(i, j) = dot(e.vectors.row(i).data(), e.vectors.row(j).data(), dim) /
                             (norms[size_t(i)] * norms[size_t(j)]);

    // PCA as scikit-learn's (full SVD of the centred data, svd_flip on U, X_new = U * S).
    RowMat centred = e.vectors;
    for (int k = 0; k < dim; ++k) {
        double s = 0;
        for (Eigen::Index i = 0; i < n; ++i) s += e.vectors(i, k);
        double mean = s / double(n);
        for (Eigen::Index i = 0; i < n; ++i) centred(i, k) -= mean;
    }
    // Row-major, the type np.linalg.svd instantiates: one copy of Eigen's SVD (and of its QR
    // preconditioner) in the wasm instead of one per storage order (about 35 KB of code).
    Eigen::JacobiSVD<RowMat> svd(centred, Eigen::ComputeThinU);
    const Eigen::VectorXd& sv = svd.singularValues();
    RowMat u = svd.matrixU();
    double total = 0;
    for (Eigen::Index c = 0; c < sv.size(); ++c) total += sv(c) * sv(c);
    e.pca.resize(n, 2);
    for (int c = 0; c < 2; ++c) {
        Eigen::Index arg = 0; // first row of the largest |u|, as np.argmax
        for (Eigen::Index i = 1; i < n; ++i)
            if (std::fabs(u(i, c)) > std::fabs(u(arg, c))) arg = i;
        double sign = u(arg, c) < 0 ? -1.0 : 1.0;
        for (Eigen::Index i = 0; i < n; ++i) e.pca(i, c) = sign * u(i, c) * sv(c);
        e.explained[c] = total > 0 ? sv(c) * sv(c) / total : 0.0;
    }
    return e;
}

std::string embeddings_json(const std::vector<std::string>& words, double dim, double seed) {
    return guard_json([&] {
        Embeddings e = embeddings(words, dim, seed);
        json::Writer w;
        w.begin_object();
        w.key("words").begin_array();
        for (const std::string& s : e.words) w.value(s);
        w.end_array();
        write_matrix(w, "vectors", e.vectors);
        write_matrix(w, "cosine", e.cosine);
        write_matrix(w, "pca", e.pca);
        w.key("explained").numbers({e.explained[0], e.explained[1]});
        w.end_object();
        return w.take();
    });
}

// ---------------------------------------------------------------- 5: attention

RowMat matrix_param(const std::vector<std::vector<double>>& rows, int max_rows, int max_cols,
                    const char* name) {
    size_t r = std::min(rows.size(), size_t(max_rows));
    if (r == 0 || rows[0].empty())
        throw Error(std::string(name) + " must be a non-empty matrix (an array of rows)");
    for (size_t i = 1; i < r; ++i)
        if (rows[i].size() != rows[0].size())
            throw Error("setting an array element with a sequence. The requested array has an "
                        "inhomogeneous shape after 1 dimensions. The detected shape was (" +
                        std::to_string(r) + ",) + inhomogeneous part.");
    size_t c = std::min(rows[0].size(), size_t(max_cols));
    RowMat m(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
    for (size_t i = 0; i < r; ++i)
        for (size_t j = 0; j < c; ++j) {
            double v = rows[i][j];
            if (std::isnan(v)) throw Error(std::string(name) + " must contain numbers only");
            m(Eigen::Index(i), Eigen::Index(j)) = v;
        }
    return m;
}

Attention attention(const RowMat& query, const RowMat& keys, const RowMat& values,
                    double temperature) {
    double t = real_param(temperature, 0.05, 10, "temperature");
    check_aligned(query.rows(), query.cols(), keys.cols(), keys.rows());
    check_aligned(query.rows(), keys.rows(), values.rows(), values.cols());
    Attention a;
    a.scores = dot_transposed(query, keys);
    a.scores /= t;
    a.weights = softmax_rows(a.scores);
    a.output = matmul(a.weights, values);
    return a;
}

std::string attention_json(const std::vector<std::vector<double>>& query,
                           const std::vector<std::vector<double>>& keys,
                           const std::vector<std::vector<double>>& values, double temperature) {
    return guard_json([&] {
        Attention a =
            attention(matrix_param(query, 8, 8, "query"), matrix_param(keys, 8, 8, "keys"),
                      matrix_param(values, 8, 8, "values"), temperature);
        json::Writer w;
        w.begin_object();
        write_matrix(w, "scores", a.scores);
        write_matrix(w, "weights", a.weights);
        write_matrix(w, "output", a.output);
        w.end_object();
        return w.take();
    });
}

// ---------------------------------------------------------------- 6: multi-head attention

MultiHead multi_head(double seq_len_in, double d_model_in, double heads_in, double seed_in,
                     bool scaled) {
    MultiHead r;
    r.seq_len = int(int_param(seq_len_in, 1, 12));
    r.d_model = int(int_param(d_model_in, 1, 48));
    int heads = int(int_param(heads_in, 1, r.d_model));
    long long seed = int_param(seed_in, 0, kMaxSeed);
    if (r.d_model % heads != 0) throw Error("array split does not result in an equal division");
    r.d_head = r.d_model / heads;
    np::RandomState rs(seed);
    std::vector<double> x(size_t(r.seq_len) * size_t(r.d_model));
    rs.standard_normal(x.data(), x.size());
    Eigen::Map<const RowMat> query(x.data(), r.seq_len, r.d_model);
    double root = std::sqrt(double(r.d_head));
    for (int h = 0; h < heads; ++h) {
        // np.split(query, heads, axis=-1)[h]; key = value = query
        RowMat q = query.middleCols(Eigen::Index(h) * r.d_head, r.d_head);
        RowMat scores = dot_transposed(q, q);
        if (scaled) scores /= root;
        r.weights.push_back(softmax_rows(scores));
    }
    return r;
}

std::string multi_head_json(double seq_len, double d_model, double heads, double seed,
                            bool scaled) {
    return guard_json([&] {
        MultiHead m = multi_head(seq_len, d_model, heads, seed, scaled);
        json::Writer w;
        w.begin_object();
        w.key("heads").begin_array();
        for (const RowMat& h : m.weights) {
            w.begin_object();
            write_matrix(w, "weights", h);
            w.end_object();
        }
        w.end_array();
        w.key("dHead").value(m.d_head);
        w.key("outputShape").begin_array().value(1).value(m.seq_len).value(m.d_model).end_array();
        w.end_object();
        return w.take();
    });
}

LMPY_SIZE_END

// ---------------------------------------------------------------- 7: gradient descent

Descent gradient_descent(double learning_rate, double epochs_in, double seed_in) {
    double lr = real_param(learning_rate, 0.0001, 2, "learning rate");
    long long epochs = int_param(epochs_in, 1, 5000);
    long long seed = int_param(seed_in, 0, kMaxSeed);
    constexpr size_t kN = 100;
    Descent d;
    // X = 2 * np.random.rand(100, 1); y = 4 + 3 * X + np.random.randn(100, 1)
    np::RandomState rs(seed);
    d.x.resize(kN);
    rs.random_sample(d.x.data(), kN);
    for (double& v : d.x) v = 2 * v;
    std::vector<double> noise(kN);
    rs.standard_normal(noise.data(), kN);
    d.y.resize(kN);
    for (size_t i = 0; i < kN; ++i) d.y[i] = (4 + 3 * d.x[i]) + noise[i];

    double m = 0, b = 0;
    std::vector<double> err(kN), prod(kN);
    d.m.reserve(size_t(epochs) + 1);
    d.b.reserve(size_t(epochs) + 1);
    d.loss.reserve(size_t(epochs) + 1);
    for (long long e = 0;; ++e) {
        for (size_t i = 0; i < kN; ++i) err[i] = (m * d.x[i] + b) - d.y[i];
        for (size_t i = 0; i < kN; ++i) prod[i] = err[i] * err[i];
        double loss = np::pairwise_sum(prod.data(), kN) / double(kN);
        d.m.push_back(m);
        d.b.push_back(b);
        d.loss.push_back(loss);
        if (!std::isfinite(loss) || loss > 1e12) {
            d.diverged = true;
            d.diverged_at = int(e);
            break;
        }
        if (e == epochs) break;
        for (size_t i = 0; i < kN; ++i) prod[i] = err[i] * d.x[i];
        double grad_m = np::pairwise_sum(prod.data(), kN) / double(kN);
        double grad_b = np::pairwise_sum(err.data(), kN) / double(kN);
        m -= lr * grad_m;
        b -= lr * grad_b;
    }
    return d;
}

LMPY_SIZE_FN std::string gradient_descent_json(double learning_rate, double epochs, double seed) {
    return guard_json([&] {
        Descent d = gradient_descent(learning_rate, epochs, seed);
        json::Writer w;
        w.begin_object();
        // Up to 3 x 5001 numbers: packed, or writing them as text would take most of an update.
        w.key("x").packed(d.x);
        w.key("y").packed(d.y);
        w.key("m").packed(d.m);
        w.key("b").packed(d.b);
        w.key("loss").packed(d.loss);
        w.key("diverged").value(d.diverged);
        w.key("divergedAt");
        if (d.diverged)
            w.value(d.diverged_at);
        else
            w.null();
        w.end_object();
        return w.take();
    });
}

} // namespace lmpy::lm
