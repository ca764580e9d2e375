// CPython 3.11 random-module algorithms; see pyrandom_core.h for the design.
// Each function follows Lib/random.py (or _randommodule.c for the primitives) step by step:
// the order and number of generator draws is the contract, not just the distribution.
#include "py/modules/pyrandom_core.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace lmpy::pyrandom {

// ---------------------------------------------------------------- SHA-512
namespace {

constexpr uint64_t K512[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL};

inline uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

void sha512_block(uint64_t h[8], const uint8_t* p) {
    uint64_t w[80];
    for (int t = 0; t < 16; t++) {
        uint64_t v = 0;
        for (int b = 0; b < 8; b++) v = (v << 8) | p[t * 8 + b];
        w[t] = v;
    }
    for (int t = 16; t < 80; t++) {
        uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
        uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 80; t++) {
        uint64_t S1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41);
        uint64_t ch = (e & f) ^ (~e & g);
        uint64_t t1 = hh + S1 + ch + K512[t] + w[t];
        uint64_t S0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39);
        uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint64_t t2 = S0 + maj;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
}

} // namespace

std::array<uint8_t, 64> sha512(const uint8_t* data, size_t len) {
    uint64_t h[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                     0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                     0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
    size_t full = len / 128;
    for (size_t i = 0; i < full; i++) sha512_block(h, data + i * 128);
    // Padding: 0x80, zeros, then the 128-bit big-endian bit length (high 64 bits are 0 here).
    uint8_t tail[256] = {0};
    size_t rem = len - full * 128;
    for (size_t i = 0; i < rem; i++) tail[i] = data[full * 128 + i];
    tail[rem] = 0x80;
    size_t tail_len = (rem + 1 + 16 <= 128) ? 128 : 256;
    uint64_t bits = static_cast<uint64_t>(len) * 8;
    for (int b = 0; b < 8; b++) tail[tail_len - 1 - b] = static_cast<uint8_t>(bits >> (8 * b));
    tail[tail_len - 9] |= 0; // high half of the length: lengths here never reach 2^64 bits
    for (size_t off = 0; off < tail_len; off += 128) sha512_block(h, tail + off);
    std::array<uint8_t, 64> out{};
    for (int i = 0; i < 8; i++)
        for (int b = 0; b < 8; b++) out[i * 8 + b] = static_cast<uint8_t>(h[i] >> (56 - 8 * b));
    return out;
}

// ---------------------------------------------------------------- seeding
namespace {
void trim(std::vector<uint32_t>& w) {
    while (!w.empty() && w.back() == 0) w.pop_back();
}
} // namespace

void seed_words(MT19937& mt, std::vector<uint32_t> abs_words) {
    trim(abs_words);
    if (abs_words.empty()) abs_words.push_back(0); // CPython uses one zero word for 0
    mt.init_by_array(abs_words);
}

void seed_u64(MT19937& mt, uint64_t n) {
    seed_words(mt, {static_cast<uint32_t>(n), static_cast<uint32_t>(n >> 32)});
}

void seed_int(MT19937& mt, int64_t n) {
    uint64_t a = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
    seed_u64(mt, a);
}

void seed_bytes(MT19937& mt, const std::string& bytes) {
    // int.from_bytes(a + sha512(a).digest(), 'big'): the last byte is the least significant.
    std::vector<uint8_t> all(bytes.begin(), bytes.end());
    auto dig = sha512(all.data(), all.size());
    all.insert(all.end(), dig.begin(), dig.end());
    std::vector<uint32_t> words((all.size() + 3) / 4, 0);
    for (size_t i = 0; i < all.size(); i++) {
        size_t pos = all.size() - 1 - i; // byte significance
        words[pos / 4] |= static_cast<uint32_t>(all[i]) << (8 * (pos % 4));
    }
    seed_words(mt, std::move(words));
}

void seed_entropy(MT19937& mt) { mt.seed_from_entropy(); }

// ---------------------------------------------------------------- primitives
std::vector<uint32_t> getrandbits_words(MT19937& mt, int64_t k) {
    if (k < 0) throw Error("ValueError", "number of bits must be non-negative");
    std::vector<uint32_t> out;
    if (k == 0) return out;
    if (k <= 32) {
        out.push_back(mt.genrand_uint32() >> (32 - k));
        return out;
    }
    size_t words = static_cast<size_t>((k - 1) / 32 + 1);
    out.reserve(words);
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t r = mt.genrand_uint32();
        if (k < 32) r >>= (32 - k);
        out.push_back(r);
    }
    return out;
}

std::string randbytes(MT19937& mt, int64_t n) {
    if (n < 0) throw Error("ValueError", "number of bits must be non-negative");
    auto words = getrandbits_words(mt, n * 8);
    std::string out;
    for (int64_t i = 0; i < n; i++)
        out += static_cast<char>(words[static_cast<size_t>(i / 4)] >> (8 * (i % 4)));
    return out;
}

uint64_t getrandbits64(MT19937& mt, int k) {
    if (k < 0) throw Error("ValueError", "number of bits must be non-negative");
    if (k == 0) return 0;
    if (k <= 32) return mt.genrand_uint32() >> (32 - k);
    uint64_t lo = mt.genrand_uint32();
    uint64_t hi = mt.genrand_uint32() >> (64 - k);
    return lo | (hi << 32);
}

namespace {
int bit_length(uint64_t n) {
    int k = 0;
    while (n) k++, n >>= 1;
    return k;
}
} // namespace

uint64_t randbelow(MT19937& mt, uint64_t n) {
    int k = bit_length(n); // n, not n-1: CPython wastes a bit for powers of two
    uint64_t r = getrandbits64(mt, k);
    while (r >= n) r = getrandbits64(mt, k);
    return r;
}

std::vector<uint32_t> randbelow_words(MT19937& mt, std::vector<uint32_t> n) {
    trim(n);
    if (n.empty()) return {};
    int64_t k = static_cast<int64_t>(n.size() - 1) * 32 + bit_length(n.back());
    auto less = [&](std::vector<uint32_t> r) { // r < n, r has n.size() words at most
        trim(r);
        if (r.size() != n.size()) return r.size() < n.size();
        for (size_t i = r.size(); i-- > 0;)
            if (r[i] != n[i]) return r[i] < n[i];
        return false;
    };
    for (;;) {
        auto r = getrandbits_words(mt, k);
        if (less(r)) {
            trim(r);
            return r;
        }
    }
}

// ---------------------------------------------------------------- integers
int64_t randrange(MT19937& mt, int64_t stop) {
    if (stop > 0) return static_cast<int64_t>(randbelow(mt, static_cast<uint64_t>(stop)));
    throw Error("ValueError", "empty range for randrange()");
}

int64_t randrange(MT19937& mt, int64_t start, int64_t stop, int64_t step) {
    // Arithmetic in uint64 so that widths up to 2^64-1 are exact; results fit in int64.
    uint64_t ustart = static_cast<uint64_t>(start);
    if (step == 1) {
        if (stop > start) {
            uint64_t width = static_cast<uint64_t>(stop) - ustart;
            return static_cast<int64_t>(ustart + randbelow(mt, width));
        }
        uint64_t neg = ustart - static_cast<uint64_t>(stop); // start - stop >= 0, exact
        std::string ws = neg == 0 ? "0" : "-" + std::to_string(neg);
        throw Error("ValueError", "empty range for randrange() (" + std::to_string(start) + ", " +
                                      std::to_string(stop) + ", " + ws + ")");
    }
    if (step == 0) throw Error("ValueError", "zero step for randrange()");
    uint64_t n;
    if (step > 0) {
        if (stop <= start) throw Error("ValueError", "empty range for randrange()");
        uint64_t width = static_cast<uint64_t>(stop) - ustart;
        n = (width - 1) / static_cast<uint64_t>(step) + 1; // ceil(width / step)
    } else {
        if (stop >= start) throw Error("ValueError", "empty range for randrange()");
        uint64_t width = ustart - static_cast<uint64_t>(stop);
        uint64_t astep = 0 - static_cast<uint64_t>(step);
        n = (width - 1) / astep + 1;
    }
    uint64_t r = randbelow(mt, n);
    return static_cast<int64_t>(ustart + static_cast<uint64_t>(step) * r);
}

int64_t randint(MT19937& mt, int64_t a, int64_t b) { return randrange(mt, a, b + 1, 1); }

// ---------------------------------------------------------------- sequences
uint64_t choice_index(MT19937& mt, uint64_t n) {
    if (n == 0) throw Error("IndexError", "Cannot choose from an empty sequence");
    return randbelow(mt, n);
}

std::vector<size_t> shuffle_order(MT19937& mt, size_t n) {
    std::vector<size_t> idx(n);
    for (size_t i = 0; i < n; i++) idx[i] = i;
    shuffle(mt, idx);
    return idx;
}

std::vector<uint64_t> sample_indices(MT19937& mt, uint64_t n, int64_t k) {
    if (k < 0 || static_cast<uint64_t>(k) > n)
        throw Error("ValueError", "Sample larger than population or is negative");
    std::vector<uint64_t> result(static_cast<size_t>(k));
    double setsize = 21;
    if (k > 5) {
        // 4 ** ceil(log(k * 3, 4)); math.log(x, base) is log(x) / log(base) in doubles.
        double e = std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0));
        setsize += std::pow(4.0, e);
    }
    if (static_cast<double>(n) <= setsize) {
        std::vector<uint64_t> pool(static_cast<size_t>(n)); // n <= setsize: small
        for (size_t i = 0; i < pool.size(); i++) pool[i] = i;
        for (size_t i = 0; i < result.size(); i++) {
            size_t j = static_cast<size_t>(randbelow(mt, n - i));
            result[i] = pool[j];
            pool[j] = pool[static_cast<size_t>(n - i - 1)];
        }
    } else {
        std::unordered_set<uint64_t> selected;
        for (size_t i = 0; i < result.size(); i++) {
            uint64_t j = randbelow(mt, n);
            while (selected.count(j)) j = randbelow(mt, n);
            selected.insert(j);
            result[i] = j;
        }
    }
    return result;
}

std::vector<uint64_t> sample_counts(MT19937& mt, const std::vector<int64_t>& counts, int64_t k) {
    std::vector<int64_t> cum;
    int64_t s = 0;
    for (auto c : counts) cum.push_back(s += c);
    if (cum.empty()) throw Error("IndexError", "pop from empty list");
    int64_t total = cum.back();
    cum.pop_back();
    if (total <= 0) throw Error("ValueError", "Total of counts must be greater than zero");
    auto sel = sample_indices(mt, static_cast<uint64_t>(total), k);
    std::vector<uint64_t> out;
    out.reserve(sel.size());
    for (auto v : sel) {
        auto it = std::upper_bound(cum.begin(), cum.end(), static_cast<int64_t>(v));
        out.push_back(static_cast<uint64_t>(it - cum.begin()));
    }
    return out;
}

std::vector<uint64_t> choices_uniform(MT19937& mt, uint64_t n, int64_t k) {
    std::vector<uint64_t> out;
    double nf = static_cast<double>(n);
    for (int64_t i = 0; i < k; i++)
        out.push_back(static_cast<uint64_t>(std::floor(random(mt) * nf)));
    return out;
}

std::vector<uint64_t> choices_cum(MT19937& mt, const std::vector<double>& cum, int64_t k) {
    if (cum.empty()) throw Error("IndexError", "list index out of range");
    double total = cum.back() + 0.0;
    if (total <= 0.0) throw Error("ValueError", "Total of weights must be greater than zero");
    if (!std::isfinite(total)) throw Error("ValueError", "Total of weights must be finite");
    std::vector<uint64_t> out;
    auto hi = cum.begin() + static_cast<std::ptrdiff_t>(cum.size() - 1);
    for (int64_t i = 0; i < k; i++) {
        double x = random(mt) * total;
        out.push_back(static_cast<uint64_t>(std::upper_bound(cum.begin(), hi, x) - cum.begin()));
    }
    return out;
}

// ---------------------------------------------------------------- distributions
namespace {
constexpr double PI = 3.141592653589793;
constexpr double TWOPI = 6.283185307179586;
constexpr double E = 2.718281828459045;

double py_fmod(double x, double y) { // Python's float %, for y > 0
    double m = std::fmod(x, y);
    if (m != 0.0) {
        if ((y < 0) != (m < 0)) m += y;
    } else {
        m = std::copysign(0.0, y);
    }
    return m;
}
} // namespace

double uniform(MT19937& mt, double a, double b) { return a + (b - a) * random(mt); }

double triangular(MT19937& mt, double low, double high, std::optional<double> mode) {
    double u = random(mt);
    double c = 0.5;
    if (mode) {
        if (high - low == 0.0) return low; // ZeroDivisionError is caught by random.py
        c = (*mode - low) / (high - low);
    }
    if (u > c) {
        u = 1.0 - u;
        c = 1.0 - c;
        std::swap(low, high);
    }
    return low + (high - low) * std::sqrt(u * c);
}

double normalvariate(MT19937& mt, double mu, double sigma) {
    const double NV_MAGICCONST = 4 * std::exp(-0.5) / std::sqrt(2.0);
    double z;
    for (;;) {
        double u1 = random(mt);
        double u2 = 1.0 - random(mt);
        z = NV_MAGICCONST * (u1 - 0.5) / u2;
        double zz = z * z / 4.0;
        if (zz <= -std::log(u2)) break;
    }
    return mu + z * sigma;
}

double gauss(MT19937& mt, std::optional<double>& gauss_next, double mu, double sigma) {
    std::optional<double> z = gauss_next;
    gauss_next.reset();
    if (!z) {
        double x2pi = random(mt) * TWOPI;
        double g2rad = std::sqrt(-2.0 * std::log(1.0 - random(mt)));
        z = std::cos(x2pi) * g2rad;
        gauss_next = std::sin(x2pi) * g2rad;
    }
    return mu + *z * sigma;
}

double lognormvariate(MT19937& mt, double mu, double sigma) {
    return std::exp(normalvariate(mt, mu, sigma));
}

double expovariate(MT19937& mt, double lambd) {
    double v = -std::log(1.0 - random(mt));
    if (lambd == 0.0) throw Error("ZeroDivisionError", "float division by zero");
    return v / lambd;
}

double vonmisesvariate(MT19937& mt, double mu, double kappa) {
    if (kappa <= 1e-6) return TWOPI * random(mt);
    double s = 0.5 / kappa;
    double r = s + std::sqrt(1.0 + s * s);
    double z;
    for (;;) {
        double u1 = random(mt);
        z = std::cos(PI * u1);
        double d = z / (r + z);
        double u2 = random(mt);
        if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * std::exp(d)) break;
    }
    double q = 1.0 / r;
    double f = (q + z) / (1.0 + q * z);
    double u3 = random(mt);
    if (u3 > 0.5) return py_fmod(mu + std::acos(f), TWOPI);
    return py_fmod(mu - std::acos(f), TWOPI);
}

double gammavariate(MT19937& mt, double alpha, double beta) {
    if (alpha <= 0.0 || beta <= 0.0)
        throw Error("ValueError", "gammavariate: alpha and beta must be > 0.0");
    if (alpha > 1.0) {
        const double LOG4 = std::log(4.0);
        const double SG_MAGICCONST = 1.0 + std::log(4.5);
        double ainv = std::sqrt(2.0 * alpha - 1.0);
        double bbb = alpha - LOG4;
        double ccc = alpha + ainv;
        for (;;) {
            double u1 = random(mt);
            if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
            double u2 = 1.0 - random(mt);
            double v = std::log(u1 / (1.0 - u1)) / ainv;
            double x = alpha * std::exp(v);
            double z = u1 * u1 * u2;
            double r = bbb + ccc * v - x;
            if (r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= std::log(z)) return x * beta;
        }
    }
    if (alpha == 1.0) return -std::log(1.0 - random(mt)) * beta;
    double x;
    for (;;) {
        double u = random(mt);
        double b = (E + alpha) / E;
        double p = b * u;
        if (p <= 1.0)
            x = std::pow(p, 1.0 / alpha);
        else
            x = -std::log((b - p) / alpha);
        double u1 = random(mt);
        if (p > 1.0) {
            if (u1 <= std::pow(x, alpha - 1.0)) break;
        } else if (u1 <= std::exp(-x)) {
            break;
        }
    }
    return x * beta;
}

double betavariate(MT19937& mt, double alpha, double beta) {
    double y = gammavariate(mt, alpha, 1.0);
    if (y != 0.0) return y / (y + gammavariate(mt, beta, 1.0));
    return 0.0;
}

double paretovariate(MT19937& mt, double alpha) {
    double u = 1.0 - random(mt);
    return std::pow(u, -1.0 / alpha);
}

double weibullvariate(MT19937& mt, double alpha, double beta) {
    double u = 1.0 - random(mt);
    return alpha * std::pow(-std::log(u), 1.0 / beta);
}

} // namespace lmpy::pyrandom
