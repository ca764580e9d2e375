// CountVectorizer's analyzer, vocabulary building and pruning (see text.h).
#include "ml/text.h"
#include "py/modules/re_engine.h"
#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

namespace lmpy::ml {

std::vector<int64_t> Csr::dense() const {
    std::vector<int64_t> out(size_t(rows * cols), 0);
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t k = indptr[r]; k < indptr[r + 1]; ++k) out[r * cols + indices[k]] += data[k];
    return out;
}

Csr Csr::take_rows(const std::vector<int64_t>& which) const {
    Csr out;
    out.rows = int64_t(which.size());
    out.cols = cols;
    for (int64_t r : which) {
        for (int64_t k = indptr[r]; k < indptr[r + 1]; ++k) {
            out.indices.push_back(indices[k]);
            out.data.push_back(data[k]);
        }
        out.indptr.push_back(out.nnz());
    }
    return out;
}

std::vector<std::u32string> CountVectorizerCore::analyze(const std::u32string& doc) const {
    if (!prog_) {
        try {
            prog_ = re::compile(p_.token_pattern);
        } catch (re::Error& e) {
            throw VectorizerError{"error", e.message};
        }
    }
    const re::ProgramPtr& prog = prog_;
    if (prog->groups() > 1)
        throw VectorizerError{"ValueError", "More than 1 capturing group in token pattern. Only a "
                                            "single group should be captured."};
    std::vector<std::u32string> tokens;
    for (auto& m : re::findall(*prog, doc)) {
        const std::u32string& t = m[0];
        if (p_.has_stop_words &&
            std::find(p_.stop_words.begin(), p_.stop_words.end(), t) != p_.stop_words.end())
            continue;
        tokens.push_back(t);
    }
    if (p_.max_n == 1 && p_.min_n == 1) return tokens;
    std::vector<std::u32string> out;
    int min_n = p_.min_n;
    if (min_n == 1) {
        out = tokens;
        min_n = 2;
    }
    const int n_tok = int(tokens.size());
    for (int n = min_n; n < std::min(p_.max_n + 1, n_tok + 1); ++n)
        for (int i = 0; i + n <= n_tok; ++i) {
            std::u32string g = tokens[i];
            for (int j = 1; j < n; ++j) g += U' ' + tokens[i + j];
            out.push_back(std::move(g));
        }
    return out;
}

namespace {

// Counts one document's features into the row (columns in ascending order).
void add_row(Csr& X, const std::vector<int64_t>& feats) {
    std::map<int64_t, int64_t> counter;
    for (int64_t f : feats) ++counter[f];
    for (auto& [c, n] : counter) {
        X.indices.push_back(c);
        X.data.push_back(n);
    }
    X.indptr.push_back(X.nnz());
    ++X.rows;
}

// Renumbers columns through map (-1 drops the column). Entries keep their order, as scipy's
// index remapping does: a fitted matrix lists each row in first-appearance order of the terms.
Csr remap_columns(const Csr& X, const std::vector<int64_t>& map, int64_t new_cols) {
    Csr out;
    out.rows = X.rows;
    out.cols = new_cols;
    for (int64_t r = 0; r < X.rows; ++r) {
        std::vector<std::pair<int64_t, int64_t>> row;
        for (int64_t k = X.indptr[r]; k < X.indptr[r + 1]; ++k)
            if (map[X.indices[k]] >= 0) row.push_back({map[X.indices[k]], X.data[k]});
        for (auto& [c, v] : row) {
            out.indices.push_back(c);
            out.data.push_back(v);
        }
        out.indptr.push_back(out.nnz());
    }
    return out;
}

double bound_value(const DfBound& b, int64_t n_doc) {
    if (auto* i = std::get_if<int64_t>(&b)) return double(*i);
    return std::get<double>(b) * double(n_doc);
}

// Both orders of the columns below in one comparator type: one stable sort instantiated
// (the terms are distinct, so sorting them stably orders them as std::sort did).
struct ColumnOrder {
    const std::vector<std::u32string>* terms; // by term, when set
    const std::vector<int64_t>* tf;           // else by descending term frequency
    bool operator()(int64_t a, int64_t b) const {
        return terms ? (*terms)[size_t(a)] < (*terms)[size_t(b)]
                     : (*tf)[size_t(a)] > (*tf)[size_t(b)];
    }
};

} // namespace

Csr CountVectorizerCore::fit_transform(const std::vector<std::u32string>& docs) {
    std::unordered_map<std::u32string, int64_t> index;
    std::vector<std::u32string> terms; // by first appearance
    Csr X;
    for (auto& doc : docs) {
        std::vector<int64_t> feats;
        for (auto& t : analyze(doc)) {
            auto [it, fresh] = index.emplace(t, int64_t(terms.size()));
            if (fresh) terms.push_back(t);
            feats.push_back(it->second);
        }
        add_row(X, feats);
    }
    if (terms.empty())
        throw VectorizerError{"ValueError",
                              "empty vocabulary; perhaps the documents only contain stop words"};
    X.cols = int64_t(terms.size());
    if (p_.binary)
        for (auto& v : X.data) v = 1;
    const int64_t n_doc = X.rows;
    const double high = bound_value(p_.max_df, n_doc), low = bound_value(p_.min_df, n_doc);
    if (high < low)
        throw VectorizerError{"ValueError", "max_df corresponds to < documents than min_df"};

    // value[old] = current column of the term first seen old-th.
    std::vector<int64_t> value(terms.size());
    std::iota(value.begin(), value.end(), 0);
    auto sort_features = [&] {
        std::vector<int64_t> order(terms.size());
        std::iota(order.begin(), order.end(), 0);
        std::vector<int64_t> live;
        for (int64_t o : order)
            if (value[o] >= 0) live.push_back(o);
        std::stable_sort(live.begin(), live.end(), ColumnOrder{&terms, nullptr});
        std::vector<int64_t> colmap(X.cols, -1);
        for (size_t r = 0; r < live.size(); ++r) {
            colmap[value[live[r]]] = int64_t(r);
            value[live[r]] = int64_t(r);
        }
        X = remap_columns(X, colmap, X.cols);
    };
    if (p_.max_features) sort_features();

    // Document frequencies and the keep mask, by current column.
    std::vector<int64_t> df(X.cols, 0), tf(X.cols, 0);
    for (int64_t k = 0; k < X.nnz(); ++k) {
        ++df[X.indices[k]];
        tf[X.indices[k]] += X.data[k];
    }
    std::vector<bool> keep(X.cols);
    for (int64_t c = 0; c < X.cols; ++c) keep[c] = double(df[c]) <= high && double(df[c]) >= low;
    if (p_.max_features) {
        std::vector<int64_t> kept;
        for (int64_t c = 0; c < X.cols; ++c)
            if (keep[c]) kept.push_back(c);
        if (int64_t(kept.size()) > *p_.max_features) {
            std::stable_sort(kept.begin(), kept.end(), ColumnOrder{nullptr, &tf});
            std::fill(keep.begin(), keep.end(), false);
            for (int64_t i = 0; i < *p_.max_features; ++i) keep[kept[i]] = true;
        }
    }
    std::vector<int64_t> colmap(X.cols, -1);
    int64_t next = 0;
    for (int64_t c = 0; c < X.cols; ++c)
        if (keep[c]) colmap[c] = next++;
    removed_.clear();
    for (size_t o = 0; o < terms.size(); ++o) {
        if (colmap[value[o]] < 0) {
            removed_.push_back(terms[o]);
            value[o] = -1;
        } else {
            value[o] = colmap[value[o]];
        }
    }
    if (next == 0)
        throw VectorizerError{"ValueError", "After pruning, no terms remain. Try a lower min_df or "
                                            "a higher max_df."};
    X = remap_columns(X, colmap, next);
    if (!p_.max_features) sort_features();
    X.cols = next;
    vocab_.clear();
    for (size_t o = 0; o < terms.size(); ++o)
        if (value[o] >= 0) vocab_.push_back({terms[o], value[o]});
    fitted_ = true;
    return X;
}

Csr CountVectorizerCore::transform(const std::vector<std::u32string>& docs) const {
    std::unordered_map<std::u32string, int64_t> index;
    for (auto& [t, i] : vocab_) index.emplace(t, i);
    Csr X;
    X.cols = int64_t(vocab_.size());
    for (auto& doc : docs) {
        std::vector<int64_t> feats;
        for (auto& t : analyze(doc)) {
            auto it = index.find(t);
            if (it != index.end()) feats.push_back(it->second);
        }
        add_row(X, feats);
    }
    if (p_.binary)
        for (auto& v : X.data) v = 1;
    return X;
}

std::vector<std::u32string> CountVectorizerCore::feature_names() const {
    std::vector<std::u32string> out(vocab_.size());
    for (auto& [t, i] : vocab_) out[size_t(i)] = t;
    return out;
}

} // namespace lmpy::ml
