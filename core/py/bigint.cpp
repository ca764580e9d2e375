// BigInt implementation. Magnitudes are little-endian vectors of 32-bit limbs; all limb
// arithmetic goes through uint64_t. Multiplication switches to Karatsuba above
// kKaratsubaLimbs because 2**N / 10**N style programs build numbers of thousands of limbs;
// division is Knuth's algorithm D. Decimal conversion is quadratic (10**9 chunks), which is
// plenty under the 4300-digit str() limit. A size cap (kMaxBits) turns runaway results such
// as 10**10**10 into MemoryError instead of hanging the page.
#include "py/bigint.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include "py/numfmt.h"

namespace lmpy {

namespace {

using Mag = std::vector<uint32_t>;
constexpr size_t kKaratsubaLimbs = 40;
constexpr int64_t kMaxBits = int64_t(1) << 28;
int g_max_str_digits = 4300;

void trim(Mag& m) {
    while (!m.empty() && m.back() == 0) m.pop_back();
}

[[noreturn]] void memory_error() { throw NumError{"MemoryError", ""}; }

int mag_cmp(const Mag& a, const Mag& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (size_t i = a.size(); i-- > 0;)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

Mag mag_add(const Mag& a, const Mag& b) {
    const Mag& x = a.size() >= b.size() ? a : b;
    const Mag& y = a.size() >= b.size() ? b : a;
    Mag r(x.size() + 1);
    uint64_t carry = 0;
    for (size_t i = 0; i < x.size(); i++) {
        uint64_t s = uint64_t(x[i]) + (i < y.size() ? y[i] : 0) + carry;
        r[i] = uint32_t(s);
        carry = s >> 32;
    }
    r[x.size()] = uint32_t(carry);
    trim(r);
    return r;
}

// a - b, requires a >= b.
Mag mag_sub(const Mag& a, const Mag& b) {
    Mag r(a.size());
    int64_t borrow = 0;
    for (size_t i = 0; i < a.size(); i++) {
        int64_t d = int64_t(a[i]) - (i < b.size() ? b[i] : 0) - borrow;
        borrow = d < 0;
        r[i] = uint32_t(d + (borrow << 32));
    }
    trim(r);
    return r;
}

// r[off..] += x, r must be large enough to absorb the carry.
void add_into(Mag& r, const Mag& x, size_t off) {
    uint64_t carry = 0;
    size_t i = 0;
    for (; i < x.size(); i++) {
        uint64_t s = uint64_t(r[off + i]) + x[i] + carry;
        r[off + i] = uint32_t(s);
        carry = s >> 32;
    }
    for (; carry; i++) {
        uint64_t s = uint64_t(r[off + i]) + carry;
        r[off + i] = uint32_t(s);
        carry = s >> 32;
    }
}

Mag mul_school(const uint32_t* a, size_t na, const uint32_t* b, size_t nb) {
    Mag r(na + nb, 0);
    for (size_t i = 0; i < na; i++) {
        uint64_t carry = 0, ai = a[i];
        if (!ai) continue;
        for (size_t j = 0; j < nb; j++) {
            uint64_t t = ai * b[j] + r[i + j] + carry;
            r[i + j] = uint32_t(t);
            carry = t >> 32;
        }
        r[i + nb] = uint32_t(carry);
    }
    return r;
}

Mag slice(const Mag& a, size_t lo, size_t hi) {
    hi = std::min(hi, a.size());
    if (lo >= hi) return {};
    Mag r(a.begin() + lo, a.begin() + hi);
    trim(r);
    return r;
}

Mag mag_mul(const Mag& a, const Mag& b) {
    if (a.empty() || b.empty()) return {};
    if (a.size() < kKaratsubaLimbs || b.size() < kKaratsubaLimbs) {
        Mag r = mul_school(a.data(), a.size(), b.data(), b.size());
        trim(r);
        return r;
    }
    size_t k = std::max(a.size(), b.size()) / 2;
    Mag r(a.size() + b.size() + 1, 0);
    if (std::min(a.size(), b.size()) <= k) {
        // Unbalanced: split only the long operand.
        const Mag& l = a.size() > b.size() ? a : b;
        const Mag& s = a.size() > b.size() ? b : a;
        add_into(r, mag_mul(slice(l, 0, k), s), 0);
        add_into(r, mag_mul(slice(l, k, l.size()), s), k);
    } else {
        Mag a0 = slice(a, 0, k), a1 = slice(a, k, a.size());
        Mag b0 = slice(b, 0, k), b1 = slice(b, k, b.size());
        Mag z0 = mag_mul(a0, b0), z2 = mag_mul(a1, b1);
        Mag z1 = mag_mul(mag_add(a0, a1), mag_add(b0, b1));
        z1 = mag_sub(mag_sub(z1, z0), z2);
        add_into(r, z0, 0);
        add_into(r, z1, k);
        add_into(r, z2, 2 * k);
    }
    trim(r);
    return r;
}

uint32_t divmod_small(const Mag& a, uint32_t d, Mag& q) {
    q.assign(a.size(), 0);
    uint64_t rem = 0;
    for (size_t i = a.size(); i-- > 0;) {
        uint64_t cur = (rem << 32) | a[i];
        q[i] = uint32_t(cur / d);
        rem = cur % d;
    }
    trim(q);
    return uint32_t(rem);
}

// Knuth, TAOCP vol. 2, 4.3.1 algorithm D, base 2**32.
void mag_divmod(const Mag& u, const Mag& v, Mag& q, Mag& r) {
    if (mag_cmp(u, v) < 0) {
        q.clear();
        r = u;
        return;
    }
    if (v.size() == 1) {
        uint32_t rem = divmod_small(u, v[0], q);
        r.clear();
        if (rem) r.push_back(rem);
        return;
    }
    const size_t n = v.size(), m = u.size() - n;
    const int s = std::countl_zero(v.back());
    Mag vn(n), un(u.size() + 1);
    for (size_t i = n; i-- > 0;)
        vn[i] = (v[i] << s) | (s && i ? uint32_t(uint64_t(v[i - 1]) >> (32 - s)) : 0);
    un[u.size()] = s ? uint32_t(uint64_t(u.back()) >> (32 - s)) : 0;
    for (size_t i = u.size(); i-- > 0;)
        un[i] = (u[i] << s) | (s && i ? uint32_t(uint64_t(u[i - 1]) >> (32 - s)) : 0);
    q.assign(m + 1, 0);
    const uint64_t B = uint64_t(1) << 32;
    for (size_t j = m + 1; j-- > 0;) {
        uint64_t num = (uint64_t(un[j + n]) << 32) | un[j + n - 1];
        uint64_t qhat = num / vn[n - 1], rhat = num % vn[n - 1];
        while (qhat >= B || qhat * vn[n - 2] > ((rhat << 32) | un[j + n - 2])) {
            qhat--;
            rhat += vn[n - 1];
            if (rhat >= B) break;
        }
        int64_t k = 0, t;
        for (size_t i = 0; i < n; i++) {
            uint64_t p = qhat * vn[i];
            t = int64_t(un[i + j]) - k - int64_t(p & 0xffffffffu);
            un[i + j] = uint32_t(t);
            k = int64_t(p >> 32) - (t >> 32);
        }
        t = int64_t(un[j + n]) - k;
        un[j + n] = uint32_t(t);
        if (t < 0) {
            qhat--;
            uint64_t c = 0;
            for (size_t i = 0; i < n; i++) {
                uint64_t s2 = uint64_t(un[i + j]) + vn[i] + c;
                un[i + j] = uint32_t(s2);
                c = s2 >> 32;
            }
            un[j + n] = uint32_t(un[j + n] + c);
        }
        q[j] = uint32_t(qhat);
    }
    trim(q);
    r.assign(n, 0);
    for (size_t i = 0; i < n; i++)
        r[i] = (un[i] >> s) | (s ? uint32_t(uint64_t(un[i + 1]) << (32 - s)) : 0);
    trim(r);
}

Mag mag_shl(const Mag& a, int64_t n) {
    if (a.empty()) return {};
    size_t limbs = size_t(n / 32);
    int bits = int(n % 32);
    Mag r(a.size() + limbs + 1, 0);
    for (size_t i = 0; i < a.size(); i++) {
        uint64_t v = uint64_t(a[i]) << bits;
        r[i + limbs] |= uint32_t(v);
        r[i + limbs + 1] |= uint32_t(v >> 32);
    }
    trim(r);
    return r;
}

// Magnitude shift right (truncating); *lost says whether any one bits fell off.
Mag mag_shr(const Mag& a, int64_t n, bool* lost = nullptr) {
    size_t limbs = size_t(std::min<int64_t>(n / 32, int64_t(a.size())));
    int bits = int(n % 32);
    if (lost) {
        *lost = false;
        for (size_t i = 0; i < limbs && !*lost; i++) *lost = a[i] != 0;
        if (bits && limbs < a.size() && (a[limbs] & ((1u << bits) - 1))) *lost = true;
    }
    if (uint64_t(n) >= uint64_t(a.size()) * 32) return {};
    Mag r(a.size() - limbs);
    for (size_t i = 0; i < r.size(); i++) {
        uint64_t v = a[i + limbs];
        if (i + limbs + 1 < a.size()) v |= uint64_t(a[i + limbs + 1]) << 32;
        r[i] = uint32_t(v >> bits);
    }
    trim(r);
    return r;
}

int64_t mag_bits(const Mag& a) {
    if (a.empty()) return 0;
    return int64_t(a.size() - 1) * 32 + (32 - std::countl_zero(a.back()));
}

void check_bits(int64_t bits) {
    if (bits > kMaxBits) memory_error();
}

uint64_t top64(const Mag& a) { // low 64 bits
    uint64_t v = 0;
    if (a.size() > 0) v = a[0];
    if (a.size() > 1) v |= uint64_t(a[1]) << 32;
    return v;
}

bool is_space_ascii(unsigned char c) {
    return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
}

size_t space_len(std::string_view s, size_t i) {
    return is_space_ascii((unsigned char)s[i]) ? 1 : 0;
}

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

} // namespace

int get_int_max_str_digits() { return g_max_str_digits; }
void set_int_max_str_digits(int n) { g_max_str_digits = n; }

void BigInt::trim() {
    lmpy::trim(mag_);
    if (mag_.empty()) neg_ = false;
}

BigInt BigInt::from_mag(std::vector<uint32_t> m, bool neg) {
    BigInt r;
    r.mag_ = std::move(m);
    r.neg_ = neg;
    r.trim();
    return r;
}

BigInt::BigInt(int64_t v) {
    uint64_t u = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    neg_ = v < 0;
    if (u) mag_.push_back(uint32_t(u));
    if (u >> 32) mag_.push_back(uint32_t(u >> 32));
}

BigInt BigInt::from_u64(uint64_t v) {
    BigInt r;
    if (v) r.mag_.push_back(uint32_t(v));
    if (v >> 32) r.mag_.push_back(uint32_t(v >> 32));
    return r;
}

BigInt BigInt::from_double(double d) {
    if (std::isinf(d)) throw NumError{"OverflowError", "cannot convert float infinity to integer"};
    if (std::isnan(d)) throw NumError{"ValueError", "cannot convert float NaN to integer"};
    d = std::trunc(d);
    if (std::fabs(d) < 9.2e18) return BigInt(int64_t(d));
    int e;
    double f = std::frexp(std::fabs(d), &e);
    BigInt r = from_u64(uint64_t(std::ldexp(f, 53))).shl(e - 53);
    r.neg_ = d < 0;
    return r;
}

bool BigInt::fits_int64() const {
    if (mag_.size() > 2) return false;
    uint64_t u = top64(mag_);
    return neg_ ? u <= (uint64_t(1) << 63) : u < (uint64_t(1) << 63);
}

int64_t BigInt::to_int64() const {
    uint64_t u = top64(mag_);
    return neg_ ? int64_t(uint64_t(0) - u) : int64_t(u);
}

uint64_t BigInt::low_u64() const {
    uint64_t u = top64(mag_);
    return neg_ ? uint64_t(0) - u : u;
}

int64_t BigInt::bit_length() const { return mag_bits(mag_); }

int64_t BigInt::bit_count() const {
    int64_t n = 0;
    for (uint32_t l : mag_) n += std::popcount(l);
    return n;
}

double BigInt::to_double() const {
    int64_t bl = mag_bits(mag_);
    double r;
    if (bl <= 64) {
        uint64_t u = top64(mag_);
        r = double(u); // the cast rounds to nearest even
    } else {
        bool sticky;
        uint64_t m = top64(mag_shr(mag_, bl - 54, &sticky));
        bool round = m & 1;
        m >>= 1;
        if (round && (sticky || (m & 1))) m++;
        int64_t e = bl - 53;
        if (m >> 53) {
            m >>= 1;
            e++;
        }
        if (e + 53 > 1024) throw NumError{"OverflowError", "int too large to convert to float"};
        r = std::ldexp(double(m), int(e));
    }
    return neg_ ? -r : r;
}

std::string BigInt::to_string() const {
    int lim = g_max_str_digits;
    int64_t bl = mag_bits(mag_);
    const char* msg = "Exceeds the limit (4300 digits) for integer string conversion; use "
                      "sys.set_int_max_str_digits() to increase the limit";
    auto fail = [&]() {
        std::string m = msg;
        m.replace(m.find("4300"), 4, std::to_string(lim));
        throw NumError{"ValueError", m};
    };
    if (lim > 0 && bl > 64 && double(bl - 1) * 0.30102999566398119521 > double(lim) + 1) fail();
    std::string s = to_string_base(10);
    if (lim > 0 && int64_t(s.size()) - (neg_ ? 1 : 0) > lim) fail();
    return s;
}

std::string BigInt::to_string_base(int base) const {
    if (mag_.empty()) return "0";
    std::string out;
    if (base == 2 || base == 8 || base == 16) {
        int shift = base == 2 ? 1 : base == 8 ? 3 : 4;
        int64_t bl = mag_bits(mag_);
        for (int64_t pos = (bl + shift - 1) / shift * shift - shift; pos >= 0; pos -= shift) {
            size_t li = size_t(pos / 32);
            int bi = int(pos % 32);
            uint64_t v = mag_[li];
            if (li + 1 < mag_.size()) v |= uint64_t(mag_[li + 1]) << 32;
            out.push_back("0123456789abcdef"[(v >> bi) & uint64_t(base - 1)]);
        }
    } else {
        uint32_t chunk = 1, width = 0;
        while (uint64_t(chunk) * base <= 0xffffffffu / base) chunk *= base, width++;
        Mag cur = mag_, q;
        std::vector<uint32_t> parts;
        while (!cur.empty()) {
            parts.push_back(divmod_small(cur, chunk, q));
            cur.swap(q);
        }
        for (size_t i = parts.size(); i-- > 0;) {
            char buf[40];
            int len = 0;
            uint32_t p = parts[i];
            while (p) buf[len++] = "0123456789abcdefghijklmnopqrstuvwxyz"[p % base], p /= base;
            if (i + 1 != parts.size())
                while (len < int(width)) buf[len++] = '0';
            while (len) out.push_back(buf[--len]);
        }
    }
    if (neg_) out.insert(out.begin(), '-');
    return out;
}

std::string BigInt::to_prefixed_string(int base) const {
    std::string d = abs().to_string_base(base);
    const char* prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
    return (neg_ ? "-" : "") + std::string(prefix) + d;
}

BigInt BigInt::round_ndigits(const BigInt& a, int64_t ndigits) {
    if (ndigits >= 0) return a;
    if (ndigits < -int64_t(kMaxBits)) return BigInt(); // 10**n dwarfs any representable a
    BigInt unit = pow(10, -ndigits), q, r;
    divmod(a, unit, q, r);
    int c = cmp(r.shl(1), unit);
    if (c > 0 || (c == 0 && q.is_odd())) q = q + BigInt(1);
    return q * unit;
}

BigInt BigInt::parse(std::string_view orig, int base) {
    if (base != 0 && (base < 2 || base > 36))
        throw NumError{"ValueError", "int() base must be >= 2 and <= 36, or 0"};
    const int orig_base = base;
    auto fail = [&]() -> BigInt {
        std::string r = py_str_repr(orig);
        throw NumError{"ValueError", "invalid literal for int() with base " +
                                         std::to_string(orig_base) + ": " + utf8_truncate(r, 200)};
    };
    std::string tmp;
    std::string_view s = orig;
    for (unsigned char c : orig)
        if (c >= 0x80) {
            tmp = transform_decimal_and_space(orig);
            s = tmp;
            break;
        }
    size_t i = 0, n = s.size();
    while (i < n && space_len(s, i)) i += space_len(s, i);
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    bool leading_zero_rule = false, after_prefix = false;
    auto lower = [&](size_t k) { return k < n ? char(s[k] | 0x20) : '\0'; };
    if (i < n && s[i] == '0') {
        char p = lower(i + 1);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (base == 0) {
            base = pb ? pb : 10;
            leading_zero_rule = !pb;
        }
        if (pb && pb == base) i += 2, after_prefix = true;
    } else if (base == 0) {
        base = 10;
    }
    // Collect digits, enforcing single underscores between digits.
    std::string digits;
    if (after_prefix && i < n && s[i] == '_') i++;
    while (i < n) {
        char c = s[i];
        if (c == '_') {
            if (digits.empty() || i + 1 >= n || digit_value(s[i + 1]) >= base) return fail();
            i++;
            continue;
        }
        if (digit_value(c) >= base) break;
        digits.push_back(c);
        i++;
    }
    while (i < n && space_len(s, i)) i += space_len(s, i);
    if (i != n || digits.empty()) return fail();
    bool pow2 = (base & (base - 1)) == 0;
    int lim = g_max_str_digits;
    if (!pow2 && lim > 0 && int64_t(digits.size()) > lim)
        throw NumError{"ValueError", "Exceeds the limit (" + std::to_string(lim) +
                                         " digits) for integer string conversion: value has " +
                                         std::to_string(digits.size()) +
                                         " digits; use sys.set_int_max_str_digits() to increase "
                                         "the limit"};
    // Multiply-add in chunks that fit a limb.
    uint32_t chunk_mul = 1;
    int width = 0;
    while (uint64_t(chunk_mul) * base <= 0xffffffffu / base) chunk_mul *= base, width++;
    Mag m;
    size_t pos = 0;
    while (pos < digits.size()) {
        size_t take = std::min<size_t>(width, digits.size() - pos);
        uint32_t mul = 1, val = 0;
        for (size_t k = 0; k < take; k++)
            mul *= base, val = val * base + digit_value(digits[pos + k]);
        pos += take;
        uint64_t carry = val;
        for (auto& limb : m) {
            uint64_t t = uint64_t(limb) * mul + carry;
            limb = uint32_t(t);
            carry = t >> 32;
        }
        if (carry) m.push_back(uint32_t(carry));
    }
    lmpy::trim(m);
    if (leading_zero_rule && !m.empty()) return fail();
    return from_mag(std::move(m), neg);
}

// ---- arithmetic ----

BigInt BigInt::operator-() const {
    BigInt r = *this;
    if (!r.mag_.empty()) r.neg_ = !r.neg_;
    return r;
}

BigInt BigInt::abs() const {
    BigInt r = *this;
    r.neg_ = false;
    return r;
}

BigInt operator+(const BigInt& a, const BigInt& b) {
    if (a.neg_ == b.neg_) return BigInt::from_mag(mag_add(a.mag_, b.mag_), a.neg_);
    int c = mag_cmp(a.mag_, b.mag_);
    if (c == 0) return BigInt();
    if (c > 0) return BigInt::from_mag(mag_sub(a.mag_, b.mag_), a.neg_);
    return BigInt::from_mag(mag_sub(b.mag_, a.mag_), b.neg_);
}

BigInt operator-(const BigInt& a, const BigInt& b) { return a + (-b); }

BigInt operator*(const BigInt& a, const BigInt& b) {
    check_bits(mag_bits(a.mag_) + mag_bits(b.mag_));
    return BigInt::from_mag(mag_mul(a.mag_, b.mag_), a.neg_ != b.neg_);
}

void BigInt::divmod(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r) {
    if (b.is_zero()) throw NumError{"ZeroDivisionError", "integer division or modulo by zero"};
    Mag qm, rm;
    mag_divmod(a.mag_, b.mag_, qm, rm);
    q = from_mag(std::move(qm), a.neg_ != b.neg_);
    r = from_mag(std::move(rm), a.neg_);
    if (!r.is_zero() && r.neg_ != b.neg_) {
        q = q - BigInt(1);
        r = r + b;
    }
}

BigInt BigInt::floordiv(const BigInt& a, const BigInt& b) {
    BigInt q, r;
    divmod(a, b, q, r);
    return q;
}

BigInt BigInt::mod(const BigInt& a, const BigInt& b) {
    if (b.is_zero()) throw NumError{"ZeroDivisionError", "integer modulo by zero"};
    BigInt q, r;
    divmod(a, b, q, r);
    return r;
}

double BigInt::truediv(const BigInt& a, const BigInt& b) {
    if (b.is_zero()) throw NumError{"ZeroDivisionError", "division by zero"};
    const int64_t na = a.bit_length(), nb = b.bit_length();
    bool neg = a.neg_ != b.neg_;
    if (na <= 53 && nb <= 53) return a.to_double() / b.to_double();
    if (a.is_zero()) return neg ? -0.0 : 0.0;
    // Scale so the integer quotient has 55 or 56 bits, then round once by hand, taking the
    // subnormal range into account so that there is no double rounding.
    int64_t s = nb - na + 55;
    if (na - nb > 1025)
        throw NumError{"OverflowError", "integer division result too large for a float"};
    if (s > 1200) return neg ? -0.0 : 0.0;
    Mag num = s >= 0 ? mag_shl(a.mag_, s) : a.mag_;
    Mag den = s >= 0 ? b.mag_ : mag_shl(b.mag_, -s);
    Mag qm, rm;
    mag_divmod(num, den, qm, rm);
    uint64_t q = top64(qm);
    bool sticky = !rm.empty();
    int64_t qb = mag_bits(qm);
    int64_t e = qb - s; // value in [2**(e-1), 2**e)
    if (e > 1024) throw NumError{"OverflowError", "integer division result too large for a float"};
    int64_t low = std::max<int64_t>(e - 53, -1074);
    int64_t drop = low + s;
    uint64_t kept;
    if (drop > 60) {
        kept = 0;
    } else {
        kept = q >> drop;
        uint64_t rem = q & ((uint64_t(1) << drop) - 1), half = uint64_t(1) << (drop - 1);
        if (rem > half || (rem == half && (sticky || (kept & 1)))) kept++;
    }
    double r = std::ldexp(double(kept), int(low));
    if (std::isinf(r))
        throw NumError{"OverflowError", "integer division result too large for a float"};
    return neg ? -r : r;
}

BigInt BigInt::pow(const BigInt& a, const BigInt& b) {
    if (b.is_zero()) return BigInt(1);
    if (a.is_zero()) return BigInt();
    if (a.mag_.size() == 1 && a.mag_[0] == 1)
        return (a.neg_ && b.is_odd()) ? BigInt(-1) : BigInt(1);
    if (!b.fits_int64()) memory_error();
    int64_t e = b.to_int64();
    if (double(a.bit_length() - 1) * double(e) > double(kMaxBits)) memory_error();
    BigInt result(1), base = a;
    while (true) {
        if (e & 1) result = result * base;
        e >>= 1;
        if (!e) break;
        base = base * base;
    }
    return result;
}

namespace {
// Inverse of a modulo m (0 <= a < m), or throw.
BigInt mod_inverse(const BigInt& a, const BigInt& m) {
    BigInt r0 = m, r1 = a, t0(0), t1(1);
    while (!r1.is_zero()) {
        BigInt q, r;
        BigInt::divmod(r0, r1, q, r);
        r0 = r1;
        r1 = r;
        BigInt t = t0 - q * t1;
        t0 = t1;
        t1 = t;
    }
    if (r0 != BigInt(1))
        throw NumError{"ValueError", "base is not invertible for the given modulus"};
    return BigInt::mod(t0, m);
}
} // namespace

BigInt BigInt::pow_mod(const BigInt& a, const BigInt& b, const BigInt& m) {
    if (m.is_zero()) throw NumError{"ValueError", "pow() 3rd argument cannot be 0"};
    BigInt mm = m.abs();
    BigInt base = mod(a, mm), e = b;
    if (b.neg_) {
        base = mod_inverse(base, mm);
        e = -b;
    }
    BigInt result = mod(BigInt(1), mm);
    int64_t bits = e.bit_length();
    for (int64_t i = bits - 1; i >= 0; i--) {
        result = mod(result * result, mm);
        if ((e.mag_[size_t(i / 32)] >> (i % 32)) & 1) result = mod(result * base, mm);
    }
    if (m.neg_ && !result.is_zero()) result = result - mm;
    return result;
}

BigInt BigInt::gcd(const BigInt& a, const BigInt& b) {
    BigInt x = a.abs(), y = b.abs();
    while (!y.is_zero()) {
        if (x.fits_int64() && y.fits_int64()) return BigInt(int_gcd(x.to_int64(), y.to_int64()));
        BigInt r = mod(x, y);
        x = std::move(y);
        y = std::move(r);
    }
    return x;
}

BigInt BigInt::isqrt(const BigInt& a) {
    if (a.neg_) throw NumError{"ValueError", "isqrt() argument must be nonnegative"};
    if (a.is_zero()) return BigInt();
    BigInt x = BigInt(1).shl((a.bit_length() + 1) / 2 + 1);
    while (true) {
        BigInt y = (x + floordiv(a, x)).shr(1);
        if (y >= x) return x;
        x = std::move(y);
    }
}

// ---- bitwise ----

namespace {
Mag to_twos(const Mag& m, bool neg, size_t w) {
    Mag r(w, 0);
    std::copy(m.begin(), m.end(), r.begin());
    if (neg) {
        for (size_t i = 0; i < w; i++) { // subtract 1, then invert
            if (r[i]--) break;
        }
        for (auto& x : r) x = ~x;
    }
    return r;
}
template <class Op>
BigInt bitop(const Mag& am, bool an, const Mag& bm, bool bn, Op op, BigInt (*mk)(Mag, bool)) {
    size_t w = std::max(am.size(), bm.size()) + 1;
    Mag x = to_twos(am, an, w), y = to_twos(bm, bn, w);
    for (size_t i = 0; i < w; i++) x[i] = op(x[i], y[i]);
    bool neg = x.back() >> 31;
    if (neg) {
        for (auto& v : x) v = ~v;
        for (size_t i = 0; i < w; i++)
            if (++x[i]) break;
    }
    return mk(std::move(x), neg);
}
} // namespace

struct BigIntAccess {
    static BigInt mk(Mag m, bool neg) { return BigInt::from_mag(std::move(m), neg); }
    static const Mag& mag(const BigInt& a) { return a.mag_; }
};

BigInt operator&(const BigInt& a, const BigInt& b) {
    return bitop(
        a.mag_, a.neg_, b.mag_, b.neg_, [](uint32_t x, uint32_t y) { return x & y; },
        &BigIntAccess::mk);
}
BigInt operator|(const BigInt& a, const BigInt& b) {
    return bitop(
        a.mag_, a.neg_, b.mag_, b.neg_, [](uint32_t x, uint32_t y) { return x | y; },
        &BigIntAccess::mk);
}
BigInt operator^(const BigInt& a, const BigInt& b) {
    return bitop(
        a.mag_, a.neg_, b.mag_, b.neg_, [](uint32_t x, uint32_t y) { return x ^ y; },
        &BigIntAccess::mk);
}
BigInt BigInt::operator~() const { return -(*this + BigInt(1)); }

BigInt BigInt::shl(int64_t n) const {
    if (is_zero()) return BigInt();
    check_bits(bit_length() + n);
    return from_mag(mag_shl(mag_, n), neg_);
}

BigInt BigInt::shr(int64_t n) const {
    bool lost;
    Mag m = mag_shr(mag_, n, &lost);
    BigInt r = from_mag(std::move(m), neg_);
    if (neg_ && lost) r = r - BigInt(1);
    return r;
}

BigInt BigInt::shl(const BigInt& a, const BigInt& n) {
    if (n.neg_) throw NumError{"ValueError", "negative shift count"};
    if (a.is_zero()) return BigInt();
    if (!n.fits_int64()) throw NumError{"OverflowError", "too many digits in integer"};
    return a.shl(n.to_int64());
}

BigInt BigInt::shr(const BigInt& a, const BigInt& n) {
    if (n.neg_) throw NumError{"ValueError", "negative shift count"};
    if (!n.fits_int64()) return a.neg_ ? BigInt(-1) : BigInt();
    return a.shr(n.to_int64());
}

int BigInt::cmp(const BigInt& a, const BigInt& b) {
    if (a.neg_ != b.neg_) return a.neg_ ? -1 : 1;
    int c = mag_cmp(a.mag_, b.mag_);
    return a.neg_ ? -c : c;
}

int BigInt::cmp_double(const BigInt& a, double d) {
    if (std::isnan(d)) return 2;
    if (std::isinf(d)) return d > 0 ? -1 : 1;
    double t = std::trunc(d);
    int c = cmp(a, from_double(t));
    if (c) return c;
    return d > t ? -1 : d < t ? 1 : 0;
}

// ---- int64 helpers ----

bool checked_pow(int64_t a, int64_t b, int64_t& r) {
    int64_t result = 1, base = a;
    while (b > 0) {
        if (b & 1)
            if (__builtin_mul_overflow(result, base, &result)) return false;
        b >>= 1;
        if (b && __builtin_mul_overflow(base, base, &base)) return false;
    }
    r = result;
    return true;
}

bool checked_shl(int64_t a, int64_t b, int64_t& r) {
    if (a == 0) {
        r = 0;
        return true;
    }
    if (b >= 63) return false;
    int64_t v = int64_t(uint64_t(a) << b);
    if ((v >> b) != a) return false;
    r = v;
    return true;
}

bool checked_floordiv(int64_t a, int64_t b, int64_t& r) {
    if (b == 0) throw NumError{"ZeroDivisionError", "integer division or modulo by zero"};
    if (a == INT64_MIN && b == -1) return false;
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    r = q;
    return true;
}

int64_t int_mod(int64_t a, int64_t b) {
    if (b == 0) throw NumError{"ZeroDivisionError", "integer modulo by zero"};
    if (b == -1) return 0;
    int64_t m = a % b;
    if (m != 0 && ((m < 0) != (b < 0))) m += b;
    return m;
}

double int_truediv(int64_t a, int64_t b) {
    if (b == 0) throw NumError{"ZeroDivisionError", "division by zero"};
    const int64_t lim = int64_t(1) << 53;
    if (a >= -lim && a <= lim && b >= -lim && b <= lim) return double(a) / double(b);
    return BigInt::truediv(BigInt(a), BigInt(b));
}

int64_t int_gcd(int64_t a, int64_t b) {
    uint64_t x = a < 0 ? uint64_t(0) - uint64_t(a) : uint64_t(a);
    uint64_t y = b < 0 ? uint64_t(0) - uint64_t(b) : uint64_t(b);
    while (y) {
        uint64_t t = x % y;
        x = y;
        y = t;
    }
    return int64_t(x);
}

} // namespace lmpy
