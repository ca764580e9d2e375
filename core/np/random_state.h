// NumPy 1.24's legacy RandomState (np.random.* and np.random.RandomState), bit-exact.
//
// The legacy generator is MT19937 plus a cached polar-method Gaussian, seeded with the
// reference init_genrand (int seed) or init_by_array (array seed). Everything here follows
// the order of draws of NumPy's legacy code paths (masked bounded integers, random_interval
// for shuffles, cdf + searchsorted for weighted choice), because that order, not just the
// distribution, is what makes seeded programs print NumPy's numbers.
//
// No dependency on the ndarray or the object model: results are scalars or flat C-order
// vectors; the numpy module reshapes them. Errors are np::RandomError carrying the Python
// exception type name and NumPy's message.
#pragma once

#include "py/mt19937.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace lmpy::np {

struct RandomError : std::runtime_error {
    std::string py_type; // "ValueError", "OverflowError", ...
    RandomError(std::string type, const std::string& msg)
        : std::runtime_error(msg), py_type(std::move(type)) {}
};

class RandomState {
  public:
    RandomState() { seed(); }
    explicit RandomState(int64_t s) { seed(s); }

    // ---- seeding (np.random.seed) ----
    void seed(); // None: OS entropy
    // int seed; ValueError "Seed must be between 0 and 2**32 - 1" outside [0, 2^32).
    void seed(int64_t s);
    // array seed (1-D sequence of ints); ValueError "Seed must be non-empty" / bounds as above.
    void seed_array(const std::vector<int64_t>& key);

    // ---- state (np.random.get_state / set_state: ('MT19937', key, pos, has_gauss, gauss)) ----
    struct State {
        MT19937::State mt;
        bool has_gauss = false;
        double gauss = 0.0;
    };
    State get_state() const { return {mt_.get_state(), has_gauss_, gauss_}; }
    void set_state(const State& s) {
        mt_.set_state(s.mt);
        has_gauss_ = s.has_gauss;
        gauss_ = s.gauss;
    }
    MT19937& engine() { return mt_; }

    // ---- floats ----
    double random_sample() { return mt_.genrand_res53(); } // rand / random / random_sample
    void random_sample(double* out, size_t n); // fills out[0..n) (an array's own buffer)
    std::vector<double> random_sample(size_t n) {
        std::vector<double> v(n);
        random_sample(v.data(), n);
        return v;
    }
    double standard_normal(); // legacy polar method with cached second value (randn)
    void standard_normal(double* out, size_t n);
    std::vector<double> standard_normal(size_t n) {
        std::vector<double> v(n);
        standard_normal(v.data(), n);
        return v;
    }
    double normal(double loc, double scale); // ValueError "scale < 0"
    std::vector<double> normal(double loc, double scale, size_t n);
    double uniform(double low, double high); // OverflowError "Range exceeds valid bounds"
    std::vector<double> uniform(double low, double high, size_t n);
    double standard_exponential();
    double exponential(double scale); // ValueError "scale < 0"
    std::vector<double> exponential(double scale, size_t n);

    // ---- integers ----
    // randint(low, high) for dtype int64: values in [low, high). Use randint_high(high) for
    // the one-argument form, which has its own error text ("high <= 0").
    int64_t randint(int64_t low, int64_t high);
    std::vector<int64_t> randint(int64_t low, int64_t high, size_t n);
    std::vector<int64_t> randint_high(int64_t high, size_t n);
    // randint(low, high, dtype=bool); low/high in {0, 1, 2}.
    std::vector<bool> randint_bool(int64_t low, int64_t high, size_t n);
    // NumPy's random_interval: uniform in [0, max] by masked rejection (used by shuffles).
    uint64_t random_interval(uint64_t max);

    // ---- permutations ----
    // The order shuffle() leaves a length-n sequence in: result[i] is the original index of
    // the element now at position i (rows, for an N-D array's first axis).
    std::vector<int64_t> shuffle_order(int64_t n);
    std::vector<int64_t> permutation(int64_t n) { return shuffle_order(n); }

    // choice(a, size, replace, p) returning indices into a (or values in range(a) when a is
    // an int). pop_size is a (int form) or len(a); a_is_int selects the error wording;
    // size is the number of samples (1 for size=None). p may be null.
    std::vector<int64_t> choice(int64_t pop_size, bool a_is_int, int64_t size, bool replace,
                                const std::vector<double>* p);

    // ---- discrete distributions ----
    int64_t poisson(double lam); // ValueError "lam < 0 or lam is NaN", "lam value too large"
    std::vector<int64_t> poisson(double lam, size_t n);
    int64_t binomial(int64_t n, double p); // inversion and BTPE, as NumPy's legacy path
    std::vector<int64_t> binomial(int64_t n, double p, size_t count);

  private:
    uint64_t bounded(uint64_t rng); // masked rejection in [0, rng], 32- or 64-bit draws
    MT19937 mt_;
    bool has_gauss_ = false;
    double gauss_ = 0.0;
    // binomial's cached set-up (NumPy keeps it between calls with the same n, p; it only
    // saves work, the draws are the same either way).
};

} // namespace lmpy::np
