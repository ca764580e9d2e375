// train_test_split's index arithmetic (scikit-learn 1.2 _validate_shuffle_split + ShuffleSplit).
// Sizes: a float test_size takes ceil(test_size * n), a float train_size floor(train_size * n),
// an int is a count, the missing one is the rest (default test_size 0.25). With shuffle the
// permutation is NumPy's legacy RandomState(seed).permutation(n): test = perm[:n_test],
// train = perm[n_test:n_test + n_train]; without, train = [0, n_train), test after it.
#pragma once
#include "np/random_state.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lmpy::ml {

// A size argument as given: absent (None), an int, or a float.
struct SplitSize {
    enum Kind { None, Int, Float } kind = None;
    int64_t i = 0;
    double f = 0;
    std::string repr; // Python repr, for error messages
};

struct SplitError {
    std::string message; // ValueError text
};

// (n_train, n_test), with scikit-learn's ValueError texts.
std::pair<int64_t, int64_t> split_sizes(int64_t n_samples, SplitSize test, SplitSize train,
                                        double default_test = 0.25);

struct SplitIndices {
    std::vector<int64_t> train, test;
};
// rng is used (and advanced) only when shuffle is true.
SplitIndices split_indices(int64_t n_samples, int64_t n_train, int64_t n_test, bool shuffle,
                           np::RandomState* rng);

} // namespace lmpy::ml
