// train_test_split sizes and indices (see split.h).
#include "ml/split.h"
#include "py/numfmt.h"
#include <cmath>

namespace lmpy::ml {

std::pair<int64_t, int64_t> split_sizes(int64_t n, SplitSize test, SplitSize train,
                                        double default_test) {
    if (test.kind == SplitSize::None && train.kind == SplitSize::None) {
        test.kind = SplitSize::Float;
        test.f = default_test;
        test.repr = "0.25";
    }
    auto bad = [&](const SplitSize& s) {
        return (s.kind == SplitSize::Int && (s.i >= n || s.i <= 0)) ||
               (s.kind == SplitSize::Float && (s.f <= 0 || s.f >= 1));
    };
    const std::string range = " should be either positive and smaller than the number of samples " +
                              std::to_string(n) + " or a float in the (0, 1) range";
    if (bad(test)) throw SplitError{"test_size=" + test.repr + range};
    if (bad(train)) throw SplitError{"train_size=" + train.repr + range};
    if (train.kind == SplitSize::Float && test.kind == SplitSize::Float && train.f + test.f > 1)
        throw SplitError{"The sum of test_size and train_size = " + float_repr(train.f + test.f) +
                         ", should be in the (0, 1) range. Reduce test_size and/or train_size."};
    double n_test = 0, n_train = 0;
    if (test.kind == SplitSize::Float) n_test = std::ceil(test.f * double(n));
    if (test.kind == SplitSize::Int) n_test = double(test.i);
    if (train.kind == SplitSize::Float) n_train = std::floor(train.f * double(n));
    if (train.kind == SplitSize::Int) n_train = double(train.i);
    if (train.kind == SplitSize::None)
        n_train = double(n) - n_test;
    else if (test.kind == SplitSize::None)
        n_test = double(n) - n_train;
    if (n_train + n_test > double(n))
        throw SplitError{
            "The sum of train_size and test_size = " + std::to_string(int64_t(n_train + n_test)) +
            ", should be smaller than the number of samples " + std::to_string(n) +
            ". Reduce test_size and/or train_size."};
    if (int64_t(n_train) == 0)
        throw SplitError{"With n_samples=" + std::to_string(n) + ", test_size=" +
                         (test.kind == SplitSize::None ? "None" : test.repr) + " and train_size=" +
                         (train.kind == SplitSize::None ? "None" : train.repr) +
                         ", the resulting train set will be empty. Adjust any of the "
                         "aforementioned parameters."};
    return {int64_t(n_train), int64_t(n_test)};
}

SplitIndices split_indices(int64_t n, int64_t n_train, int64_t n_test, bool shuffle,
                           np::RandomState* rng) {
    SplitIndices out;
    if (!shuffle) {
        for (int64_t i = 0; i < n_train; ++i) out.train.push_back(i);
        for (int64_t i = n_train; i < n_train + n_test; ++i) out.test.push_back(i);
        return out;
    }
    std::vector<int64_t> perm = rng->permutation(n);
    out.test.assign(perm.begin(), perm.begin() + n_test);
    out.train.assign(perm.begin() + n_test, perm.begin() + n_test + n_train);
    return out;
}

} // namespace lmpy::ml
