// MT19937 engine; see mt19937.h for why one engine serves both RNG front ends.
#include "py/mt19937.h"

#include <random>

namespace lmpy {

namespace {
constexpr int M = 397;
constexpr uint32_t MATRIX_A = 0x9908b0dfu;
constexpr uint32_t UPPER_MASK = 0x80000000u;
constexpr uint32_t LOWER_MASK = 0x7fffffffu;
} // namespace

void MT19937::init_genrand(uint32_t s) {
    mt_[0] = s;
    for (int i = 1; i < N; i++) {
        mt_[i] = 1812433253u * (mt_[i - 1] ^ (mt_[i - 1] >> 30)) + static_cast<uint32_t>(i);
    }
    mti_ = N;
}

void MT19937::init_by_array(const uint32_t* key, size_t len) {
    init_genrand(19650218u);
    size_t i = 1, j = 0;
    size_t k = (static_cast<size_t>(N) > len ? N : len);
    for (; k; k--) {
        mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525u)) + key[j] +
                 static_cast<uint32_t>(j);
        i++;
        j++;
        if (i >= N) {
            mt_[0] = mt_[N - 1];
            i = 1;
        }
        if (j >= len) j = 0;
    }
    for (k = N - 1; k; k--) {
        mt_[i] =
            (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941u)) - static_cast<uint32_t>(i);
        i++;
        if (i >= N) {
            mt_[0] = mt_[N - 1];
            i = 1;
        }
    }
    mt_[0] = 0x80000000u; // guarantees a non-zero initial state
    mti_ = N;
}

// 256 bits of entropy through init_by_array, as NumPy's SeedSequence takes 128: CPython's 624
// words buy nothing a student can observe, and in WebAssembly every word of std::random_device
// is four calls out to crypto.getRandomValues (Emscripten's getentropy reads byte by byte):
// 624 words cost 2496 JS calls, 20 ms of every Node run that imports numpy or random.
void MT19937::seed_from_entropy() {
    std::random_device rd;
    uint32_t key[8];
    for (auto& w : key) w = rd();
    init_by_array(key, 8);
}

void MT19937::generate() {
    int kk = 0;
    uint32_t y;
    for (; kk < N - M; kk++) {
        y = (mt_[kk] & UPPER_MASK) | (mt_[kk + 1] & LOWER_MASK);
        mt_[kk] = mt_[kk + M] ^ (y >> 1) ^ ((y & 1u) ? MATRIX_A : 0u);
    }
    for (; kk < N - 1; kk++) {
        y = (mt_[kk] & UPPER_MASK) | (mt_[kk + 1] & LOWER_MASK);
        mt_[kk] = mt_[kk + (M - N)] ^ (y >> 1) ^ ((y & 1u) ? MATRIX_A : 0u);
    }
    y = (mt_[N - 1] & UPPER_MASK) | (mt_[0] & LOWER_MASK);
    mt_[N - 1] = mt_[M - 1] ^ (y >> 1) ^ ((y & 1u) ? MATRIX_A : 0u);
    mti_ = 0;
}

} // namespace lmpy
