// Unseeded generators (random.random() without seed(), np.random without seed) draw their
// state from std::random_device: two of them must not share a stream, and a stream must look
// uniform (a key that was too short or left zero would give a fixed or degenerate state).
#include <catch2/catch.hpp>
#include "py/mt19937.h"
#include <cmath>

using lmpy::MT19937;

TEST_CASE("MT19937 seeded from entropy: distinct, uniform streams", "[random]") {
    MT19937 a, b, fixed;
    a.seed_from_entropy();
    b.seed_from_entropy();
    int same = 0, same_fixed = 0;
    for (int i = 0; i < 8; ++i) {
        uint32_t x = a.genrand_uint32();
        same += x == b.genrand_uint32();
        same_fixed += x == fixed.genrand_uint32();
    }
    CHECK(same < 8);
    CHECK(same_fixed < 8);
    double sum = 0, sq = 0;
    const int n = 20000;
    int outside = 0;
    for (int i = 0; i < n; ++i) {
        double u = a.genrand_res53();
        outside += !(u >= 0.0 && u < 1.0);
        sum += u;
        sq += u * u;
    }
    CHECK(outside == 0);
    double mean = sum / n, var = sq / n - mean * mean;
    CHECK(std::fabs(mean - 0.5) < 0.02);       // sd of the mean: 0.002
    CHECK(std::fabs(var - 1.0 / 12.0) < 0.01); // uniform variance 1/12
}
