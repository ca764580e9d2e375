// CPython 3.11's `random` module algorithms, bit-exact, independent of the object model.
//
// random.py is mostly Python on top of three C primitives (seed, random, getrandbits); we
// reproduce those primitives and then each Python-level method literally, because the
// exact sequence of MT19937 draws is what makes seeded streams identical to CPython. Results
// are indices and doubles: the module layer maps indices to the caller's objects (choice,
// sample, shuffle) and builds big ints from the 32-bit little-endian words we return.
//
// Errors are thrown as pyrandom::Error carrying the Python exception type name and CPython's
// message, so the interpreter can raise the matching exception.
#pragma once

#include "py/mt19937.h"

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace lmpy::pyrandom {

struct Error : std::runtime_error {
    std::string py_type; // "ValueError", "IndexError", "TypeError", "ZeroDivisionError"
    Error(std::string type, const std::string& msg)
        : std::runtime_error(msg), py_type(std::move(type)) {}
};

// SHA-512 (FIPS 180-4); random.seed(str/bytes) appends the digest of the seed bytes.
std::array<uint8_t, 64> sha512(const uint8_t* data, size_t len);

// ---- seeding (the C-level Random.seed) ----
// Seeds from the absolute value of an int given as little-endian 32-bit words of |n|
// (high zero words are ignored; an empty vector means 0).
void seed_words(MT19937& mt, std::vector<uint32_t> abs_words);
void seed_int(MT19937& mt, int64_t n); // uses |n|
// For seeds that CPython hashes (e.g. float): pass (uint64_t)hash(x); CPython does NOT take
// the absolute value of the hash, it reinterprets it as size_t.
void seed_u64(MT19937& mt, uint64_t n);
// random.seed(str_or_bytes) with version=2: str is passed as its UTF-8 bytes.
void seed_bytes(MT19937& mt, const std::string& bytes);
// random.seed(None) / a fresh Random(): OS entropy.
void seed_entropy(MT19937& mt);

// ---- primitives ----
inline double random(MT19937& mt) { return mt.genrand_res53(); }
// getrandbits(k) as ceil(k/32) little-endian 32-bit words (k == 0 -> empty vector, meaning 0).
// Throws ValueError for k < 0.
std::vector<uint32_t> getrandbits_words(MT19937& mt, int64_t k);
// getrandbits(k) for 0 <= k <= 64.
uint64_t getrandbits64(MT19937& mt, int k);
// randbytes(n): getrandbits(n * 8) as n little-endian bytes. Throws ValueError for n < 0.
std::string randbytes(MT19937& mt, int64_t n);
// _randbelow(n) for 1 <= n < 2^64.
uint64_t randbelow(MT19937& mt, uint64_t n);
// _randbelow(n) for an arbitrary positive int given as little-endian 32-bit words.
std::vector<uint32_t> randbelow_words(MT19937& mt, std::vector<uint32_t> n);

// ---- integer methods (int64 range; errors carry CPython's messages) ----
int64_t randrange(MT19937& mt, int64_t stop);
int64_t randrange(MT19937& mt, int64_t start, int64_t stop, int64_t step = 1);
int64_t randint(MT19937& mt, int64_t a, int64_t b); // randrange(a, b + 1); needs b < INT64_MAX

// ---- sequence methods: return indices into the population ----
// (64-bit sizes: populations such as range(2**40) are legal even where size_t is 32-bit.)
uint64_t choice_index(MT19937& mt, uint64_t n); // IndexError on n == 0
// shuffle: result[i] is the original index of the element that ends up at position i.
std::vector<size_t> shuffle_order(MT19937& mt, size_t n);
template <class T> void shuffle(MT19937& mt, std::vector<T>& x) {
    for (size_t i = x.size(); i-- > 1;) {
        size_t j = static_cast<size_t>(randbelow(mt, i + 1));
        std::swap(x[i], x[j]);
    }
}
// sample(population of size n, k): indices in selection order (pool or set algorithm,
// chosen by CPython's size rule).
std::vector<uint64_t> sample_indices(MT19937& mt, uint64_t n, int64_t k);
// sample(population, k, counts=counts): indices into the population.
std::vector<uint64_t> sample_counts(MT19937& mt, const std::vector<int64_t>& counts, int64_t k);
// choices(population of size n, k=k) without weights.
std::vector<uint64_t> choices_uniform(MT19937& mt, uint64_t n, int64_t k);
// choices(..., cum_weights=cum, k=k); with weights=w pass the running sums of w.
std::vector<uint64_t> choices_cum(MT19937& mt, const std::vector<double>& cum_weights, int64_t k);

// ---- real-valued distributions ----
double uniform(MT19937& mt, double a, double b);
double triangular(MT19937& mt, double low = 0.0, double high = 1.0,
                  std::optional<double> mode = std::nullopt);
double normalvariate(MT19937& mt, double mu = 0.0, double sigma = 1.0);
// gauss keeps its second value in gauss_next (reset it to nullopt when re-seeding).
double gauss(MT19937& mt, std::optional<double>& gauss_next, double mu = 0.0, double sigma = 1.0);
double lognormvariate(MT19937& mt, double mu, double sigma);
double expovariate(MT19937& mt, double lambd);
double vonmisesvariate(MT19937& mt, double mu, double kappa);
double gammavariate(MT19937& mt, double alpha, double beta);
double betavariate(MT19937& mt, double alpha, double beta);
double paretovariate(MT19937& mt, double alpha);
double weibullvariate(MT19937& mt, double alpha, double beta);

// Convenience bundle mirroring random.Random's state (generator + cached gauss value).
struct Random {
    MT19937 mt;
    std::optional<double> gauss_next;
    Random() { seed_entropy(mt); }
    explicit Random(int64_t seed) { seed_int(mt, seed); }
};

} // namespace lmpy::pyrandom
