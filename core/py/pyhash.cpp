// Implementation of pyhash.h. Numeric hashes reduce modulo P = 2**61 - 1 using
// 2**61 == 1 (mod P): multiplying by 2**k is a 61-bit rotation, which also handles the
// negative binary exponents of floats (2**-k == 2**(61 - k mod 61)).
#include "py/pyhash.h"

#include <cmath>
#include <cstring>
#include <vector>

namespace lmpy {

namespace {
constexpr int kBits = 61;

// x * 2**k mod P for x < P and 0 <= k < 61.
uint64_t rot61(uint64_t x, int k) {
    if (k == 0) return x;
    return ((x << k) & kHashModulus) | (x >> (kBits - k));
}

uint64_t add_mod(uint64_t a, uint64_t b) {
    uint64_t s = a + b; // both < 2**61, no overflow
    return s >= kHashModulus ? s - kHashModulus : s;
}

int64_t finish(uint64_t mag, bool neg) {
    int64_t x = neg ? -int64_t(mag) : int64_t(mag);
    return x == -1 ? -2 : x;
}

[[gnu::always_inline]] inline uint64_t rotl(uint64_t x, int b) {
    return (x << b) | (x >> (64 - b));
}

uint64_t load_le(const unsigned char* p, size_t n) {
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) v |= uint64_t(p[i]) << (8 * i);
    return v;
}
} // namespace

int64_t hash_int(int64_t v) {
    uint64_t m = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    return finish(m % kHashModulus, v < 0);
}

int64_t hash_bigint(const BigInt& v) {
    const auto& limbs = v.limbs();
    uint64_t x = 0;
    for (size_t i = limbs.size(); i-- > 0;) {
        // x = x * 2**32 + limb, all mod P
        x = add_mod(rot61(x, 32), limbs[i] % kHashModulus);
    }
    return finish(x, v.is_negative());
}

int64_t hash_pointer(uint64_t addr) {
    uint64_t y = (addr >> 4) | (addr << 60);
    int64_t x = int64_t(y);
    return x == -1 ? -2 : x;
}

int64_t hash_double(double v, uint64_t identity) {
    if (std::isinf(v)) return v > 0 ? kHashInf : -kHashInf;
    if (std::isnan(v)) return hash_pointer(identity);
    if (v == 0) return 0;
    int e;
    double m = std::frexp(std::fabs(v), &e);     // |v| = m * 2**e, m in [0.5, 1)
    uint64_t mant = uint64_t(std::ldexp(m, 53)); // |v| = mant * 2**(e - 53)
    int64_t exp = e - 53;
    uint64_t x = mant % kHashModulus;
    int k = int(((exp % kBits) + kBits) % kBits);
    x = rot61(x, k);
    return finish(x, v < 0);
}

uint64_t siphash13(uint64_t k0, uint64_t k1, const void* data, size_t len) {
    const unsigned char* p = static_cast<const unsigned char*>(data);
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL, v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL, v3 = k1 ^ 0x7465646279746573ULL;
    // inlined even in this size-optimised file: as a call, v0..v3 lived in memory (words:
    // 5 % of its wasm profile was this lambda)
    auto round = [&]() __attribute__((always_inline)) {
        v0 += v1;
        v1 = rotl(v1, 13);
        v1 ^= v0;
        v0 = rotl(v0, 32);
        v2 += v3;
        v3 = rotl(v3, 16);
        v3 ^= v2;
        v0 += v3;
        v3 = rotl(v3, 21);
        v3 ^= v0;
        v2 += v1;
        v1 = rotl(v1, 17);
        v1 ^= v2;
        v2 = rotl(v2, 32);
    };
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t m = load_le(p + i, 8);
        v3 ^= m;
        round();
        v0 ^= m;
    }
    uint64_t b = (uint64_t(len) << 56) | load_le(p + i, len - i);
    v3 ^= b;
    round();
    v0 ^= b;
    v2 ^= 0xff;
    for (int r = 0; r < 3; ++r) round();
    return v0 ^ v1 ^ v2 ^ v3;
}

int64_t hash_bytes(const void* data, size_t len) {
    if (len == 0) return 0;
    int64_t x = int64_t(siphash13(0, 0, data, len));
    return x == -1 ? -2 : x;
}

int64_t hash_str(std::string_view s) {
    bool ascii = true;
    for (unsigned char c : s)
        if (c >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii) return hash_bytes(s.data(), s.size());
    std::vector<char32_t> cps;
    char32_t maxcp = 0;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = s[i++];
        char32_t cp = c;
        if (c >= 0x80) {
            int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
            cp = c & (0x3f >> extra);
            for (int k = 0; k < extra && i < s.size(); k++) cp = (cp << 6) | (s[i++] & 0x3f);
        }
        cps.push_back(cp);
        if (cp > maxcp) maxcp = cp;
    }
    size_t width = maxcp < 0x100 ? 1 : maxcp < 0x10000 ? 2 : 4;
    std::vector<unsigned char> buf(cps.size() * width);
    for (size_t i = 0; i < cps.size(); i++)
        for (size_t b = 0; b < width; b++) buf[i * width + b] = (unsigned char)(cps[i] >> (8 * b));
    return hash_bytes(buf.data(), buf.size());
}

int64_t hash_tuple(const int64_t* h, size_t n) {
    const uint64_t p1 = 11400714785074694791ULL, p2 = 14029467366897019727ULL,
                   p5 = 2870177450012600261ULL;
    uint64_t acc = p5;
    for (size_t i = 0; i < n; i++) {
        acc += uint64_t(h[i]) * p2;
        acc = (acc << 31) | (acc >> 33);
        acc *= p1;
    }
    acc += uint64_t(n) ^ (p5 ^ 3527539ULL);
    if (acc == ~uint64_t(0)) return 1546275796;
    return int64_t(acc);
}

int64_t hash_frozenset(const int64_t* h, size_t n) {
    auto shuffle = [](uint64_t x) { return ((x ^ 89869747ULL) ^ (x << 16)) * 3644798167ULL; };
    uint64_t acc = 0;
    for (size_t i = 0; i < n; i++) acc ^= shuffle(uint64_t(h[i]));
    acc ^= (uint64_t(n) + 1) * 1927868237ULL;
    acc ^= (acc >> 11) ^ (acc >> 25);
    acc = acc * 69069U + 907133923ULL;
    if (acc == ~uint64_t(0)) acc = 590923713ULL;
    return int64_t(acc);
}

} // namespace lmpy
