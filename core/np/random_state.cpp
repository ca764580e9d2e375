// NumPy 1.24 legacy RandomState; see random_state.h for the design. Each routine follows the
// legacy code path in NumPy (mtrand.pyx, legacy-distributions.c, distributions.c and
// _bounded_integers.pyx), keeping its exact sequence of generator draws.
#include "np/random_state.h"

#include <algorithm>
#include <cmath>

namespace lmpy::np {

namespace {
[[noreturn]] void value_error(const std::string& msg) { throw RandomError("ValueError", msg); }

uint64_t mask_for(uint64_t rng) {
    uint64_t m = rng;
    m |= m >> 1;
    m |= m >> 2;
    m |= m >> 4;
    m |= m >> 8;
    m |= m >> 16;
    m |= m >> 32;
    return m;
}
} // namespace

// ---------------------------------------------------------------- seeding
void RandomState::seed() {
    mt_.seed_from_entropy();
    has_gauss_ = false;
    gauss_ = 0.0;
}

void RandomState::seed(int64_t s) {
    if (s < 0 || s > 0xFFFFFFFFLL) value_error("Seed must be between 0 and 2**32 - 1");
    mt_.init_genrand(static_cast<uint32_t>(s));
    has_gauss_ = false;
    gauss_ = 0.0;
}

void RandomState::seed_array(const std::vector<int64_t>& key) {
    if (key.empty()) value_error("Seed must be non-empty");
    std::vector<uint32_t> k;
    for (auto v : key) {
        if (v < 0 || v > 0xFFFFFFFFLL) value_error("Seed must be between 0 and 2**32 - 1");
        k.push_back(static_cast<uint32_t>(v));
    }
    mt_.init_by_array(k);
    has_gauss_ = false;
    gauss_ = 0.0;
}

// ---------------------------------------------------------------- floats
void RandomState::random_sample(double* out, size_t n) {
    for (size_t i = 0; i < n; ++i) out[i] = random_sample();
}

double RandomState::standard_normal() {
    if (has_gauss_) {
        has_gauss_ = false;
        double t = gauss_;
        gauss_ = 0.0;
        return t;
    }
    double x1, x2, r2;
    do {
        x1 = 2.0 * random_sample() - 1.0;
        x2 = 2.0 * random_sample() - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = std::sqrt(-2.0 * std::log(r2) / r2);
    gauss_ = f * x1;
    has_gauss_ = true;
    return f * x2;
}

void RandomState::standard_normal(double* out, size_t n) {
    for (size_t i = 0; i < n; ++i) out[i] = standard_normal();
}

double RandomState::normal(double loc, double scale) {
    if (scale < 0) value_error("scale < 0");
    return loc + scale * standard_normal();
}

std::vector<double> RandomState::normal(double loc, double scale, size_t n) {
    if (scale < 0) value_error("scale < 0");
    std::vector<double> v(n);
    for (auto& x : v) x = loc + scale * standard_normal();
    return v;
}

double RandomState::uniform(double low, double high) {
    double range = high - low;
    if (!std::isfinite(range)) throw RandomError("OverflowError", "Range exceeds valid bounds");
    return low + range * random_sample();
}

std::vector<double> RandomState::uniform(double low, double high, size_t n) {
    double range = high - low;
    if (!std::isfinite(range)) throw RandomError("OverflowError", "Range exceeds valid bounds");
    std::vector<double> v(n);
    for (auto& x : v) x = low + range * random_sample();
    return v;
}

double RandomState::standard_exponential() { return -std::log(1.0 - random_sample()); }

double RandomState::exponential(double scale) {
    if (scale < 0) value_error("scale < 0");
    return scale * standard_exponential();
}

std::vector<double> RandomState::exponential(double scale, size_t n) {
    if (scale < 0) value_error("scale < 0");
    std::vector<double> v(n);
    for (auto& x : v) x = scale * standard_exponential();
    return v;
}

// ---------------------------------------------------------------- integers
uint64_t RandomState::bounded(uint64_t rng) {
    // Legacy RandomState uses masked rejection sampling (not Lemire); ranges that fit in 32
    // bits draw one 32-bit word per attempt.
    if (rng == 0) return 0;
    if (rng <= 0xFFFFFFFFULL) {
        if (rng == 0xFFFFFFFFULL) return mt_.genrand_uint32();
        uint32_t mask = static_cast<uint32_t>(mask_for(rng));
        uint32_t v;
        while ((v = (mt_.genrand_uint32() & mask)) > rng) {
        }
        return v;
    }
    if (rng == ~0ULL) return mt_.genrand_uint64();
    uint64_t mask = mask_for(rng), v;
    while ((v = (mt_.genrand_uint64() & mask)) > rng) {
    }
    return v;
}

uint64_t RandomState::random_interval(uint64_t max) {
    if (max == 0) return 0;
    uint64_t mask = mask_for(max), v;
    if (max <= 0xFFFFFFFFULL) {
        while ((v = (mt_.genrand_uint32() & mask)) > max) {
        }
    } else {
        while ((v = (mt_.genrand_uint64() & mask)) > max) {
        }
    }
    return v;
}

int64_t RandomState::randint(int64_t low, int64_t high) { return randint(low, high, 1)[0]; }

std::vector<int64_t> RandomState::randint(int64_t low, int64_t high, size_t n) {
    if (low >= high) value_error("low >= high");
    uint64_t rng = static_cast<uint64_t>(high) - static_cast<uint64_t>(low) - 1;
    std::vector<int64_t> v(n);
    for (auto& x : v) x = static_cast<int64_t>(static_cast<uint64_t>(low) + bounded(rng));
    return v;
}

std::vector<int64_t> RandomState::randint_high(int64_t high, size_t n) {
    if (high <= 0) value_error("high <= 0");
    return randint(0, high, n);
}

std::vector<bool> RandomState::randint_bool(int64_t low, int64_t high, size_t n) {
    if (low < 0) value_error("low is out of bounds for bool");
    if (high > 2) value_error("high is out of bounds for bool");
    if (low >= high) value_error("low >= high");
    bool rng = (high - low - 1) != 0;
    std::vector<bool> v(n);
    // NumPy buffers one 32-bit word and hands out its bits, lowest first.
    uint32_t buf = 0;
    int bcnt = 0;
    for (size_t i = 0; i < n; i++) {
        if (!rng) {
            v[i] = low != 0;
            continue;
        }
        if (bcnt == 0) {
            buf = mt_.genrand_uint32();
            bcnt = 31;
        } else {
            buf >>= 1;
            bcnt--;
        }
        v[i] = (buf & 1u) != 0;
    }
    return v;
}

// ---------------------------------------------------------------- permutations
std::vector<int64_t> RandomState::shuffle_order(int64_t n) {
    std::vector<int64_t> idx(n > 0 ? static_cast<size_t>(n) : 0);
    for (size_t i = 0; i < idx.size(); i++) idx[i] = static_cast<int64_t>(i);
    for (size_t i = idx.size(); i-- > 1;) {
        size_t j = static_cast<size_t>(random_interval(i));
        std::swap(idx[i], idx[j]);
    }
    return idx;
}

namespace {
double kahan_sum(const std::vector<double>& a) {
    if (a.empty()) return 0.0;
    double sum = a[0], c = 0.0;
    for (size_t i = 1; i < a.size(); i++) {
        double y = a[i] - c;
        double t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    return sum;
}

std::vector<double> normalized_cdf(const std::vector<double>& p) {
    std::vector<double> cdf(p.size());
    double s = 0.0;
    for (size_t i = 0; i < p.size(); i++) cdf[i] = (s += p[i]);
    double last = cdf.back();
    for (auto& c : cdf) c /= last;
    return cdf;
}

int64_t search_right(const std::vector<double>& cdf, double x) {
    return static_cast<int64_t>(std::upper_bound(cdf.begin(), cdf.end(), x) - cdf.begin());
}
} // namespace

std::vector<int64_t> RandomState::choice(int64_t pop_size, bool a_is_int, int64_t size,
                                         bool replace, const std::vector<double>* p) {
    if (a_is_int) {
        if (pop_size <= 0 && size != 0)
            value_error("a must be greater than 0 unless no samples are taken");
    } else if (pop_size == 0 && size != 0) {
        value_error("'a' cannot be empty unless no samples are taken");
    }
    if (p) {
        if (static_cast<int64_t>(p->size()) != pop_size)
            value_error("'a' and 'p' must have same size");
        double psum = kahan_sum(*p);
        if (std::isnan(psum)) value_error("probabilities contain NaN");
        for (double v : *p)
            if (v < 0) value_error("probabilities are not non-negative");
        const double atol = 1.4901161193847656e-08; // sqrt(finfo(float64).eps)
        if (std::fabs(psum - 1.0) > atol) value_error("probabilities do not sum to 1");
    }
    std::vector<int64_t> out;
    if (replace) {
        if (p) {
            auto cdf = normalized_cdf(*p);
            for (int64_t i = 0; i < size; i++) out.push_back(search_right(cdf, random_sample()));
            return out;
        }
        if (size <= 0) return out; // NumPy's randint skips validation for empty sizes here
        return randint(0, pop_size, static_cast<size_t>(size));
    }
    if (size > pop_size)
        value_error("Cannot take a larger sample than population when 'replace=False'");
    if (size < 0) value_error("negative dimensions are not allowed");
    if (p) {
        int64_t nonzero = 0;
        for (double v : *p) nonzero += v > 0;
        if (nonzero < size) value_error("Fewer non-zero entries in p than size");
        std::vector<double> pp = *p;
        std::vector<int64_t> found;
        while (static_cast<int64_t>(found.size()) < size) {
            std::vector<double> x(static_cast<size_t>(size - static_cast<int64_t>(found.size())));
            random_sample(x.data(), x.size());
            for (auto f : found) pp[static_cast<size_t>(f)] = 0;
            auto cdf = normalized_cdf(pp);
            // np.unique(..., return_index=True) + sort of the indices: the distinct values
            // of this round, in order of first appearance.
            std::vector<int64_t> fresh;
            for (double xv : x) {
                int64_t k = search_right(cdf, xv);
                if (std::find(fresh.begin(), fresh.end(), k) == fresh.end()) fresh.push_back(k);
            }
            found.insert(found.end(), fresh.begin(), fresh.end());
        }
        found.resize(static_cast<size_t>(size));
        return found;
    }
    auto perm = shuffle_order(pop_size);
    perm.resize(static_cast<size_t>(size));
    return perm;
}

// ---------------------------------------------------------------- discrete distributions
namespace {
double loggam(double x) {
    static const double a[10] = {8.333333333333333e-02, -2.777777777777778e-03,
                                 7.936507936507937e-04, -5.952380952380952e-04,
                                 8.417508417508418e-04, -1.917526917526918e-03,
                                 6.410256410256410e-03, -2.955065359477124e-02,
                                 1.796443723688307e-01, -1.39243221690590e+00};
    if (x == 1.0 || x == 2.0) return 0.0;
    int64_t n = x < 7.0 ? static_cast<int64_t>(7 - x) : 0;
    double x0 = x + static_cast<double>(n);
    double x2 = (1.0 / x0) * (1.0 / x0);
    const double lg2pi = 1.8378770664093453e+00;
    double gl0 = a[9];
    for (int k = 8; k >= 0; k--) {
        gl0 *= x2;
        gl0 += a[k];
    }
    double gl = gl0 / x0 + 0.5 * lg2pi + (x0 - 0.5) * std::log(x0) - x0;
    if (x < 7.0) {
        for (int64_t k = 1; k <= n; k++) {
            gl -= std::log(x0 - 1.0);
            x0 -= 1.0;
        }
    }
    return gl;
}
} // namespace

int64_t RandomState::poisson(double lam) {
    if (!(lam >= 0)) value_error("lam < 0 or lam is NaN");
    if (lam > 9.223372006484771e+18) value_error("lam value too large");
    if (lam >= 10) {
        // PTRS (Hormann's transformed rejection with squeeze)
        double slam = std::sqrt(lam), loglam = std::log(lam);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        for (;;) {
            double U = random_sample() - 0.5;
            double V = random_sample();
            double us = 0.5 - std::fabs(U);
            int64_t k = static_cast<int64_t>(std::floor((2 * a / us + b) * U + lam + 0.43));
            if (us >= 0.07 && V <= vr) return k;
            if (k < 0 || (us < 0.013 && V > us)) continue;
            if (std::log(V) + std::log(invalpha) - std::log(a / (us * us) + b) <=
                -lam + static_cast<double>(k) * loglam - loggam(static_cast<double>(k + 1)))
                return k;
        }
    }
    if (lam == 0) return 0;
    double enlam = std::exp(-lam), prod = 1.0;
    int64_t X = 0;
    for (;;) {
        prod *= random_sample();
        if (prod > enlam)
            X += 1;
        else
            return X;
    }
}

std::vector<int64_t> RandomState::poisson(double lam, size_t n) {
    if (!(lam >= 0)) value_error("lam < 0 or lam is NaN");
    std::vector<int64_t> v(n);
    for (auto& x : v) x = poisson(lam);
    return v;
}

namespace {
int64_t binomial_inversion(MT19937& mt, int64_t n, double p) {
    double q = 1.0 - p;
    double qn = std::exp(static_cast<double>(n) * std::log(q));
    double np = static_cast<double>(n) * p;
    int64_t bound =
        static_cast<int64_t>(std::min(static_cast<double>(n), np + 10.0 * std::sqrt(np * q + 1)));
    int64_t X = 0;
    double px = qn;
    double U = mt.genrand_res53();
    while (U > px) {
        X++;
        if (X > bound) {
            X = 0;
            px = qn;
            U = mt.genrand_res53();
        } else {
            U -= px;
            px = (static_cast<double>(n - X + 1) * p * px) / (static_cast<double>(X) * q);
        }
    }
    return X;
}

double stirling_tail(double v2, double v) {
    return (13680. - (462. - (132. - (99. - 140. / v2) / v2) / v2) / v2) / v / 166320.;
}

int64_t binomial_btpe(MT19937& mt, int64_t n, double p) {
    double r = std::min(p, 1.0 - p);
    double q = 1.0 - r;
    double fm = static_cast<double>(n) * r + r;
    int64_t m = static_cast<int64_t>(std::floor(fm));
    double md = static_cast<double>(m);
    double p1 = std::floor(2.195 * std::sqrt(static_cast<double>(n) * r * q) - 4.6 * q) + 0.5;
    double xm = md + 0.5;
    double xl = xm - p1;
    double xr = xm + p1;
    double c = 0.134 + 20.5 / (15.3 + md);
    double a = (fm - xl) / (fm - xl * r);
    double laml = a * (1.0 + a / 2.0);
    a = (xr - fm) / (xr * q);
    double lamr = a * (1.0 + a / 2.0);
    double p2 = p1 * (1.0 + 2.0 * c);
    double p3 = p2 + c / laml;
    double p4 = p3 + c / lamr;
    double nd = static_cast<double>(n);
    for (;;) { // Step 10
        double nrq = nd * r * q;
        double u = mt.genrand_res53() * p4;
        double v = mt.genrand_res53();
        int64_t y;
        if (u <= p1) {
            y = static_cast<int64_t>(std::floor(xm - p1 * v + u));
            return y;
        }
        if (u <= p2) { // Step 20
            double x = xl + (u - p1) / c;
            v = v * c + 1.0 - std::fabs(md - x + 0.5) / p1;
            if (v > 1.0) continue;
            y = static_cast<int64_t>(std::floor(x));
        } else if (u <= p3) { // Step 30
            if (v == 0.0) continue;
            y = static_cast<int64_t>(std::floor(xl + std::log(v) / laml));
            if (y < 0) continue;
            v = v * (u - p2) * laml;
        } else { // Step 40
            if (v == 0.0) continue;
            y = static_cast<int64_t>(std::floor(xr - std::log(v) / lamr));
            if (y > n) continue;
            v = v * (u - p3) * lamr;
        }
        // Step 50
        int64_t k = y > m ? y - m : m - y;
        if (!(k > 20 && static_cast<double>(k) < nrq / 2.0 - 1)) {
            double s = r / q;
            double aa = s * (nd + 1);
            double F = 1.0;
            if (m < y) {
                for (int64_t i = m + 1; i <= y; i++) F *= (aa / static_cast<double>(i) - s);
            } else if (m > y) {
                for (int64_t i = y + 1; i <= m; i++) F /= (aa / static_cast<double>(i) - s);
            }
            if (v > F) continue;
            return y;
        }
        // Step 52
        double kd = static_cast<double>(k);
        double rho = (kd / nrq) * ((kd * (kd / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
        double t = static_cast<double>(-k * k) / (2 * nrq);
        double A = std::log(v);
        if (A < t - rho) return y;
        if (A > t + rho) continue;
        double x1 = static_cast<double>(y + 1);
        double f1 = md + 1;
        double z = nd + 1 - md;
        double w = nd - static_cast<double>(y) + 1;
        double x2 = x1 * x1, f2 = f1 * f1, z2 = z * z, w2 = w * w;
        double bound = xm * std::log(f1 / x1) + (nd - md + 0.5) * std::log(z / w) +
                       static_cast<double>(y - m) * std::log(w * r / (x1 * q)) +
                       stirling_tail(f2, f1) + stirling_tail(z2, z) + stirling_tail(x2, x1) +
                       stirling_tail(w2, w);
        if (A > bound) continue;
        return y;
    }
}
} // namespace

int64_t RandomState::binomial(int64_t n, double p) {
    if (n < 0) value_error("n < 0");
    if (!(p >= 0 && p <= 1)) value_error("p < 0, p > 1 or p is NaN");
    if (p <= 0.5) {
        if (p * static_cast<double>(n) <= 30.0) return binomial_inversion(mt_, n, p);
        return binomial_btpe(mt_, n, p);
    }
    double q = 1.0 - p;
    if (q * static_cast<double>(n) <= 30.0) return n - binomial_inversion(mt_, n, q);
    return n - binomial_btpe(mt_, n, q);
}

std::vector<int64_t> RandomState::binomial(int64_t n, double p, size_t count) {
    std::vector<int64_t> v(count);
    for (auto& x : v) x = binomial(n, p);
    return v;
}

} // namespace lmpy::np
