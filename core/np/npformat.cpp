// NumPy 1.24 array/scalar printing; see npformat.h for the contract.
//
// Digits: instead of porting Dragon4's scaled-bignum loop we compute the exact decimal
// expansion of a double (f * 2^e is a finite decimal: f * 5^-e / 10^-e) with a tiny base-1e9
// bignum, then do all rounding as string operations on that exact expansion. This makes the
// three NumPy cut-off behaviours easy to get exactly right: shortest round-trip digits,
// half-even rounding of the exact value at a precision, and exact extra digits for
// min_digits. The cost (a few hundred limb operations per element) is irrelevant next to the
// interpreter, and printing is bounded by the 1000-element summarisation threshold.
//
// Layout: array printing mirrors numpy/core/arrayprint.py (FloatingFormat, IntegerFormat,
// _formatArray with _extendLine), because NumPy's output is defined by that code's exact
// line-width arithmetic, not by a description of it.
#include "np/npformat.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace lmpy::np {

namespace {

// ------------------------------------------------------------------ exact decimals
// value = 0.d * 10^decpt; d has no leading zeros; d empty means zero.
struct Dec {
    std::string d;
    int decpt = 0;
};

// Base-1e9 little-endian unsigned bignum, just enough for exact double expansion.
struct Big {
    std::vector<uint32_t> limb;
    explicit Big(uint64_t v) {
        while (v) {
            limb.push_back(static_cast<uint32_t>(v % 1000000000u));
            v /= 1000000000u;
        }
    }
    void mul(uint32_t m) {
        uint64_t carry = 0;
        for (auto& l : limb) {
            uint64_t t = static_cast<uint64_t>(l) * m + carry;
            l = static_cast<uint32_t>(t % 1000000000u);
            carry = t / 1000000000u;
        }
        while (carry) {
            limb.push_back(static_cast<uint32_t>(carry % 1000000000u));
            carry /= 1000000000u;
        }
    }
    std::string str() const {
        if (limb.empty()) return "0";
        std::string s = std::to_string(limb.back());
        s.reserve(s.size() + 9 * (limb.size() - 1));
        for (size_t i = limb.size() - 1; i-- > 0;) {
            char buf[9];
            uint32_t v = limb[i];
            for (int k = 8; k >= 0; k--) buf[k] = static_cast<char>('0' + v % 10), v /= 10;
            s.append(buf, 9);
        }
        return s;
    }
};

// 5^k for k = 0..1076, built on first use: every negative binary exponent needs one, and
// reusing them makes an exact expansion a single bignum-by-word product.
const Big& pow5(int k) {
    static std::vector<Big> cache;
    if (cache.empty()) cache.emplace_back(1);
    while (static_cast<int>(cache.size()) <= k) {
        Big b = cache.back();
        b.mul(5);
        cache.push_back(std::move(b));
    }
    return cache[static_cast<size_t>(k)];
}

// Exact decimal expansion of m * 2^e.
Dec exact_of(uint64_t m, int e) {
    if (m == 0) return {};
    Big b(m);
    if (e >= 0) {
        int k = e;
        while (k >= 29) b.mul(1u << 29), k -= 29;
        b.mul(1u << k);
    } else {
        // m * 5^-e: schoolbook product of 5^-e by m's (at most three) base-1e9 limbs
        const Big& p = pow5(-e);
        Big r(0);
        r.limb.assign(p.limb.size() + b.limb.size() + 1, 0);
        for (size_t j = 0; j < b.limb.size(); j++) {
            uint64_t carry = 0;
            for (size_t i = 0; i < p.limb.size(); i++) {
                uint64_t t = static_cast<uint64_t>(p.limb[i]) * b.limb[j] + r.limb[i + j] + carry;
                r.limb[i + j] = static_cast<uint32_t>(t % 1000000000u);
                carry = t / 1000000000u;
            }
            for (size_t i = p.limb.size() + j; carry; i++) {
                uint64_t t = r.limb[i] + carry;
                r.limb[i] = static_cast<uint32_t>(t % 1000000000u);
                carry = t / 1000000000u;
            }
        }
        while (!r.limb.empty() && r.limb.back() == 0) r.limb.pop_back();
        b = std::move(r);
    }
    Dec r;
    r.d = b.str();
    r.decpt = static_cast<int>(r.d.size()) + (e < 0 ? e : 0);
    while (!r.d.empty() && r.d.back() == '0') r.d.pop_back();
    return r;
}

struct Parts {
    uint64_t m;    // integer significand
    int e;         // binary exponent: value = m * 2^e
    bool boundary; // significand is a power of two above the smallest normal: narrow low gap
};

Parts decompose(double a) {
    uint64_t bits;
    std::memcpy(&bits, &a, sizeof bits);
    int ef = static_cast<int>((bits >> 52) & 0x7ff);
    uint64_t frac = bits & ((1ULL << 52) - 1);
    if (ef == 0) return {frac, -1074, false};
    return {frac | (1ULL << 52), ef - 1075, frac == 0 && ef > 1};
}

Dec exact(double a) {
    Parts p = decompose(a);
    return exact_of(p.m, p.e);
}

int cmp(const Dec& a, const Dec& b) { // both non-negative
    if (a.d.empty() || b.d.empty()) return a.d.empty() ? (b.d.empty() ? 0 : -1) : 1;
    if (a.decpt != b.decpt) return a.decpt < b.decpt ? -1 : 1;
    size_t n = std::max(a.d.size(), b.d.size());
    for (size_t i = 0; i < n; i++) {
        char x = i < a.d.size() ? a.d[i] : '0', y = i < b.d.size() ? b.d[i] : '0';
        if (x != y) return x < y ? -1 : 1;
    }
    return 0;
}

// Rounds the digit string `s` (an exact expansion) at position `pos` (digits kept), half to
// even on the exact tail. Returns +1 to round up, 0 to truncate. `last` is the kept digit
// that decides ties ('0' when nothing is kept).
bool rounds_up(const std::string& s, size_t pos, char last) {
    if (pos >= s.size()) return false;
    char c = s[pos];
    if (c != '5') return c > '5';
    for (size_t i = pos + 1; i < s.size(); i++)
        if (s[i] != '0') return true;
    return ((last - '0') & 1) != 0;
}

// Adds one unit in the last place of a digit string; returns true on overflow ("99"->"00").
bool increment(std::string& s) {
    for (size_t i = s.size(); i-- > 0;) {
        if (s[i] == '9') {
            s[i] = '0';
        } else {
            s[i]++;
            return false;
        }
    }
    return true;
}

// Significant-digit cut of an exact expansion, as Dragon4 produces it: exact expansions
// that end earlier stop early; rounding down keeps the generated zeros; rounding up drops the
// digits that carried into zeros.
Dec cut_sig(const Dec& ex, int nsig) {
    if (ex.d.empty() || static_cast<int>(ex.d.size()) <= nsig) return ex;
    Dec r{ex.d.substr(0, static_cast<size_t>(nsig)), ex.decpt};
    if (rounds_up(ex.d, static_cast<size_t>(nsig), r.d.back())) {
        if (increment(r.d)) {
            r.d = "1";
            r.decpt++;
        }
        while (r.d.size() > 1 && r.d.back() == '0') r.d.pop_back();
    }
    return r;
}

Dec shortest(double a) {
    if (a == 0.0) return {};
    Parts p = decompose(a);
    Dec ex = exact_of(p.m, p.e);
    Dec lo = p.boundary ? exact_of(4 * p.m - 1, p.e - 2) : exact_of(2 * p.m - 1, p.e - 1);
    Dec hi = exact_of(2 * p.m + 1, p.e - 1);
    bool incl = (p.m % 2) == 0; // round-half-even readers accept the interval's ends
    auto inside = [&](const Dec& x) {
        int c1 = cmp(x, lo), c2 = cmp(x, hi);
        return (c1 > 0 || (incl && c1 == 0)) && (c2 < 0 || (incl && c2 == 0));
    };
    // While lo and hi agree on their leading digits, no shorter decimal can lie between them
    // (except lo itself, when it is that short), so start where they first differ.
    size_t start = 1;
    if (lo.decpt == hi.decpt && lo.decpt == ex.decpt) {
        size_t j = 0;
        while (j < lo.d.size() && j < hi.d.size() && lo.d[j] == hi.d[j]) j++;
        if (lo.d.size() > j) start = std::max<size_t>(1, j);
    }
    for (size_t n = start; n < ex.d.size(); n++) {
        Dec down{ex.d.substr(0, n), ex.decpt};
        Dec up = down;
        if (increment(up.d)) {
            up.d = "1";
            up.decpt++;
        }
        while (!down.d.empty() && down.d.back() == '0') down.d.pop_back();
        while (!up.d.empty() && up.d.back() == '0') up.d.pop_back();
        bool near_up = rounds_up(ex.d, n, ex.d[n - 1]);
        const Dec& first = near_up ? up : down;
        const Dec& second = near_up ? down : up;
        if (inside(first)) return first;
        if (inside(second)) return second;
    }
    return ex;
}

// Positional digits: integer part and fractional digits (fraction may have trailing zeros).
struct Pos {
    std::string ip, fp;
};

Pos to_pos(const Dec& x) {
    Pos p;
    if (x.d.empty()) return {"0", ""};
    if (x.decpt <= 0) {
        p.ip = "0";
        p.fp = std::string(static_cast<size_t>(-x.decpt), '0') + x.d;
    } else if (static_cast<size_t>(x.decpt) >= x.d.size()) {
        p.ip = x.d + std::string(static_cast<size_t>(x.decpt) - x.d.size(), '0');
    } else {
        p.ip = x.d.substr(0, static_cast<size_t>(x.decpt));
        p.fp = x.d.substr(static_cast<size_t>(x.decpt));
    }
    return p;
}

// Fractional cut at `nfrac` digits after the point (see cut_sig for the Dragon4 rules).
Pos cut_frac(const Dec& ex, int nfrac) {
    Pos e = to_pos(ex);
    if (static_cast<int>(e.fp.size()) <= nfrac) return e;
    std::string all = e.ip + e.fp;
    size_t keep = e.ip.size() + static_cast<size_t>(nfrac);
    std::string kept = all.substr(0, keep);
    bool up = rounds_up(all, keep, kept.back());
    if (up) {
        if (increment(kept)) kept.insert(kept.begin(), '1');
    }
    Pos r;
    size_t il = kept.size() - static_cast<size_t>(nfrac);
    r.ip = kept.substr(0, il);
    r.fp = kept.substr(il);
    size_t nz = r.ip.find_first_not_of('0');
    r.ip = nz == std::string::npos ? "0" : r.ip.substr(nz);
    if (up)
        while (!r.fp.empty() && r.fp.back() == '0') r.fp.pop_back();
    return r;
}

size_t cp_len(const std::string& s) { // length in code points, as Python's len()
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string rstrip(const std::string& s) {
    size_t e = s.find_last_not_of(' ');
    return e == std::string::npos ? std::string() : s.substr(0, e + 1);
}

// Trailing-zero and decimal-point handling shared by both notations (Dragon4's trim modes).
void finish_fraction(std::string& body, size_t& nfrac, char trim, bool unique, int precision,
                     int min_digits, bool scientific) {
    if (trim != '-' && nfrac == 0) body += '.';
    if (trim == '0') {
        if (nfrac == 0) body += '0', nfrac = 1;
    } else if (trim == 'k') {
        int want = unique ? min_digits : precision;
        if (want > static_cast<int>(nfrac)) {
            body.append(static_cast<size_t>(want) - nfrac, '0');
            nfrac = static_cast<size_t>(want);
        }
    }
    if (precision >= 0 && trim != 'k' && nfrac > 0) {
        while (body.back() == '0') body.pop_back(), nfrac--;
        if (body.back() == '.') {
            if (trim == '0')
                body += '0', nfrac = 1;
            else if (trim == '-' && !scientific)
                body.pop_back(); // NumPy keeps it in 1.e-01
        }
    }
}

std::string nonfinite(double x, bool sign) {
    if (std::isnan(x)) return sign ? "+nan" : "nan";
    return x < 0 ? "-inf" : (sign ? "+inf" : "inf");
}

} // namespace

// ------------------------------------------------------------------ Dragon4 front ends
std::string format_float_positional(double x, int precision, bool unique, bool fractional,
                                    char trim, bool sign, int pad_left, int pad_right,
                                    int min_digits) {
    if (!std::isfinite(x)) return nonfinite(x, sign);
    bool neg = std::signbit(x);
    double a = std::fabs(x);
    Pos p;
    if (!fractional) { // precision counts significant digits (rarely used)
        Dec ex = exact(a);
        Dec d = unique ? shortest(a) : cut_sig(ex, std::max(precision, 1));
        if (unique && precision >= 0 && static_cast<int>(d.d.size()) > precision)
            d = cut_sig(ex, std::max(precision, 1));
        if (min_digits > static_cast<int>(d.d.size())) d = cut_sig(ex, min_digits);
        p = to_pos(d);
        if (precision >= 0) precision = std::max(0, precision - static_cast<int>(p.ip.size()));
        if (min_digits >= 0) min_digits = std::max(0, min_digits - static_cast<int>(p.ip.size()));
    } else if (unique) {
        p = to_pos(shortest(a));
        if (precision >= 0 && static_cast<int>(p.fp.size()) > precision)
            p = cut_frac(exact(a), precision);
        if (min_digits > static_cast<int>(p.fp.size())) p = cut_frac(exact(a), min_digits);
    } else {
        p = cut_frac(exact(a), std::max(precision, 0));
    }
    std::string body = p.ip;
    size_t nfrac = p.fp.size();
    if (nfrac) body += '.' + p.fp;
    finish_fraction(body, nfrac, trim, unique, precision, min_digits, false);
    if (pad_right >= 0 && static_cast<size_t>(pad_right) > nfrac)
        body.append(static_cast<size_t>(pad_right) - nfrac, ' ');
    std::string sgn = neg ? "-" : (sign ? "+" : "");
    int whole = static_cast<int>(p.ip.size() + sgn.size());
    std::string pad =
        pad_left > whole ? std::string(static_cast<size_t>(pad_left - whole), ' ') : "";
    return pad + sgn + body;
}

std::string format_float_scientific(double x, int precision, bool unique, char trim, bool sign,
                                    int pad_left, int exp_digits, int min_digits) {
    if (!std::isfinite(x)) return nonfinite(x, sign);
    bool neg = std::signbit(x);
    double a = std::fabs(x);
    Dec d;
    if (unique) {
        d = shortest(a);
        if (precision >= 0 && static_cast<int>(d.d.size()) - 1 > precision)
            d = cut_sig(exact(a), precision + 1);
        if (min_digits > static_cast<int>(d.d.size()) - 1) d = cut_sig(exact(a), min_digits + 1);
    } else {
        d = cut_sig(exact(a), std::max(precision, 0) + 1);
    }
    if (d.d.empty()) d = {"0", 1};
    std::string body(1, d.d[0]);
    size_t nfrac = d.d.size() - 1;
    if (nfrac) body += '.' + d.d.substr(1);
    finish_fraction(body, nfrac, trim, unique, precision, min_digits, true);
    int e = d.decpt - 1;
    std::string es = std::to_string(e < 0 ? -e : e);
    int width = exp_digits >= 0 ? exp_digits : 2;
    if (static_cast<int>(es.size()) < width)
        es.insert(0, static_cast<size_t>(width) - es.size(), '0');
    body += std::string("e") + (e < 0 ? '-' : '+') + es;
    std::string sgn = neg ? "-" : (sign ? "+" : "");
    int whole = 1 + static_cast<int>(sgn.size());
    std::string pad =
        pad_left > whole ? std::string(static_cast<size_t>(pad_left - whole), ' ') : "";
    return pad + sgn + body;
}

// ------------------------------------------------------------------ scalars
std::string float64_repr(double x) {
    if (std::isnan(x)) return "nan";
    if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
    std::string sgn = std::signbit(x) ? "-" : "";
    if (x == 0.0) return sgn + "0.0";
    Dec d = shortest(std::fabs(x));
    if (d.decpt > -4 && d.decpt <= 16) {
        Pos p = to_pos(d);
        return sgn + p.ip + "." + (p.fp.empty() ? "0" : p.fp);
    }
    std::string s = sgn + d.d.substr(0, 1);
    if (d.d.size() > 1) s += "." + d.d.substr(1);
    int e = d.decpt - 1;
    std::string es = std::to_string(e < 0 ? -e : e);
    if (es.size() < 2) es.insert(0, "0");
    return s + "e" + (e < 0 ? "-" : "+") + es;
}

std::string int64_str(int64_t x) { return std::to_string(x); }

std::string utf8_encode(const std::u32string& s) {
    std::string o;
    for (char32_t c : s) {
        uint32_t u = static_cast<uint32_t>(c);
        if (u < 0x80) {
            o += static_cast<char>(u);
        } else if (u < 0x800) {
            o += static_cast<char>(0xC0 | (u >> 6));
            o += static_cast<char>(0x80 | (u & 0x3F));
        } else if (u < 0x10000) {
            o += static_cast<char>(0xE0 | (u >> 12));
            o += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
            o += static_cast<char>(0x80 | (u & 0x3F));
        } else {
            o += static_cast<char>(0xF0 | (u >> 18));
            o += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
            o += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
            o += static_cast<char>(0x80 | (u & 0x3F));
        }
    }
    return o;
}

namespace {
bool printable(char32_t c) {
    uint32_t u = static_cast<uint32_t>(c);
    if (u < 0x20 || u == 0x7F) return false;
    if (u < 0x7F) return true;
    if (u <= 0xA0 || u == 0xAD) return false;                      // C1 controls, NBSP, soft hyphen
    if (u == 0x1680 || (u >= 0x2000 && u <= 0x200F)) return false; // spaces, ZW*, marks
    if (u >= 0x2028 && u <= 0x202F) return false;                  // separators, bidi, NNBSP
    if (u >= 0x205F && u <= 0x206F) return false;
    if (u == 0x3000 || u == 0xFEFF || (u >= 0xFFF9 && u <= 0xFFFB)) return false;
    if (u >= 0xD800 && u <= 0xF8FF) return false; // surrogates, private use
    if (u == 0xFFFE || u == 0xFFFF || u > 0x10FFFF) return false;
    if (u >= 0xF0000) return false; // supplementary private use
    if (u >= 0xE0000 && u <= 0xE0FFF) return u >= 0xE0100 && u <= 0xE01EF;
    return true;
}
} // namespace

std::string py_str_repr(const std::u32string& s) {
    bool has_sq = s.find(U'\'') != std::u32string::npos;
    bool has_dq = s.find(U'"') != std::u32string::npos;
    char32_t q = (has_sq && !has_dq) ? U'"' : U'\'';
    std::string o(1, static_cast<char>(q));
    char buf[16];
    for (char32_t c : s) {
        uint32_t u = static_cast<uint32_t>(c);
        if (c == q || c == U'\\') {
            o += '\\';
            o += static_cast<char>(c);
        } else if (c == U'\t') {
            o += "\\t";
        } else if (c == U'\n') {
            o += "\\n";
        } else if (c == U'\r') {
            o += "\\r";
        } else if (printable(c)) {
            o += utf8_encode(std::u32string(1, c));
        } else {
            if (u < 0x100)
                std::snprintf(buf, sizeof buf, "\\x%02x", u);
            else if (u < 0x10000)
                std::snprintf(buf, sizeof buf, "\\u%04x", u);
            else
                std::snprintf(buf, sizeof buf, "\\U%08x", u);
            o += buf;
        }
    }
    o += static_cast<char>(q);
    return o;
}

// ------------------------------------------------------------------ arrays
namespace {

int64_t size_of(const PrintArray& a) {
    int64_t n = 1;
    for (auto d : a.shape) n *= d;
    return n;
}

// Flat indices of the elements NumPy keeps when summarising (_leading_trailing).
void corner_indices(const PrintArray& a, size_t axis, int64_t base, int edge,
                    std::vector<int64_t>& out) {
    if (axis == a.shape.size()) {
        out.push_back(base);
        return;
    }
    int64_t stride = 1;
    for (size_t k = axis + 1; k < a.shape.size(); k++) stride *= a.shape[k];
    int64_t len = a.shape[axis];
    for (int64_t i = 0; i < len; i++) {
        // edge == 0 keeps everything: NumPy's a[-0:] is the whole axis
        if (edge > 0 && len > 2 * edge && i == edge) i = len - edge;
        corner_indices(a, axis + 1, base + i * stride, edge, out);
    }
}

struct FloatFormat {
    bool exp = false;
    int precision = 8, min_digits = 0, pad_left = 0, pad_right = 0, exp_size = -1;
    char trim = '.';

    FloatFormat(const std::vector<double>& data, const PrintOptions& opt) {
        precision = opt.precision;
        std::vector<double> fin;
        bool nonfin = false, neginf = false;
        for (double v : data) {
            if (std::isfinite(v))
                fin.push_back(v);
            else
                nonfin = true, neginf |= (std::isinf(v) && v < 0);
        }
        double mx = -1, mn = -1;
        for (double v : fin) {
            double av = std::fabs(v);
            if (av == 0) continue;
            if (mx < 0 || av > mx) mx = av;
            if (mn < 0 || av < mn) mn = av;
        }
        if (mx >= 0 && (mx >= 1e8 || (!opt.suppress && (mn < 0.0001 || mx / mn > 1000.))))
            exp = true;
        if (fin.empty()) {
            pad_left = pad_right = 0;
            trim = '.';
            exp_size = -1;
            min_digits = -1;
        } else if (exp) {
            size_t maxexp = 0, maxfrac = 0, maxint = 0;
            for (double v : fin) {
                std::string s = format_float_scientific(v, precision, true, '.', false);
                size_t epos = s.find('e'), dot = s.find('.');
                maxexp = std::max(maxexp, s.size() - epos - 1);
                maxint = std::max(maxint, dot);
                maxfrac = std::max(maxfrac, epos - dot - 1);
            }
            exp_size = static_cast<int>(maxexp) - 1;
            trim = 'k';
            precision = min_digits = static_cast<int>(maxfrac);
            pad_left = static_cast<int>(maxint);
            pad_right = exp_size + 2 + precision;
        } else {
            size_t maxfrac = 0, maxint = 0;
            for (double v : fin) {
                std::string s = format_float_positional(v, precision, true, true, '.', false);
                size_t dot = s.find('.');
                maxint = std::max(maxint, dot);
                maxfrac = std::max(maxfrac, s.size() - dot - 1);
            }
            pad_left = static_cast<int>(maxint);
            pad_right = static_cast<int>(maxfrac);
            trim = '.';
            min_digits = 0;
        }
        if (nonfin) {
            int offset = pad_right + 1;
            pad_left = std::max({pad_left, 3 - offset, 3 + (neginf ? 1 : 0) - offset});
        }
    }

    std::string operator()(double x) const {
        if (!std::isfinite(x)) {
            std::string r = std::isnan(x) ? "nan" : (x < 0 ? "-inf" : "inf");
            int padn = pad_left + pad_right + 1 - static_cast<int>(r.size());
            return std::string(static_cast<size_t>(std::max(padn, 0)), ' ') + r;
        }
        if (exp)
            return format_float_scientific(x, precision, true, trim, false, pad_left, exp_size,
                                           min_digits);
        return format_float_positional(x, precision, true, true, trim, false, pad_left, pad_right,
                                       min_digits);
    }
};

struct Printer {
    const PrintArray& a;
    std::vector<int64_t> shown;     // flat indices of the displayed elements, ascending
    std::vector<std::string> cache; // their formatted text, parallel to `shown`
    std::string sep;
    int edge;
    bool summarize;
    std::vector<int64_t> strides;

    Printer(const PrintArray& arr, const PrintOptions& opt, const std::string& separator)
        : a(arr), sep(separator), edge(opt.edgeitems) {
        int64_t n = size_of(a);
        summarize = n > opt.threshold;
        if (summarize)
            corner_indices(a, 0, 0, edge, shown);
        else
            for (int64_t k = 0; k < n; k++) shown.push_back(k);
        cache.assign(shown.size(), std::string());
        switch (a.kind) {
        case 'f': {
            std::vector<double> d;
            for (auto k : shown) d.push_back(a.f[static_cast<size_t>(k)]);
            FloatFormat ff(d, opt);
            for (size_t j = 0; j < shown.size(); j++) cache[j] = ff(d[j]);
            break;
        }
        case 'i': {
            size_t w = 0;
            for (auto k : shown) w = std::max(w, int64_str(a.i[static_cast<size_t>(k)]).size());
            for (size_t j = 0; j < shown.size(); j++) {
                std::string s = int64_str(a.i[static_cast<size_t>(shown[j])]);
                cache[j] = std::string(w - s.size(), ' ') + s;
            }
            break;
        }
        case 'b': {
            const char* t = a.shape.empty() ? "True" : " True";
            for (size_t j = 0; j < shown.size(); j++)
                cache[j] = a.b[static_cast<size_t>(shown[j])] ? t : "False";
            break;
        }
        default:
            for (size_t j = 0; j < shown.size(); j++)
                cache[j] = py_str_repr(a.u[static_cast<size_t>(shown[j])]);
        }
        strides.assign(a.shape.size(), 1);
        for (size_t k = a.shape.size(); k-- > 1;) strides[k - 1] = strides[k] * a.shape[k];
    }

    static void extend(std::string& s, std::string& line, const std::string& word, size_t width,
                       const std::string& prefix) {
        bool wrap = cp_len(line) + cp_len(word) > width;
        if (cp_len(line) <= cp_len(prefix)) wrap = false;
        if (wrap) {
            s += rstrip(line) + "\n";
            line = prefix;
        }
        line += word;
    }

    std::string rec(size_t axis, int64_t base, const std::string& hang, int64_t width) {
        size_t left = a.shape.size() - axis;
        if (left == 0) {
            auto it = std::lower_bound(shown.begin(), shown.end(), base);
            return cache[static_cast<size_t>(it - shown.begin())];
        }
        std::string next_hang = hang + " ";
        int64_t next_width = width - 1;
        int64_t len = a.shape[axis];
        bool show = summarize && 2 * static_cast<int64_t>(edge) < len;
        int64_t lead = show ? edge : 0, trail = show ? edge : len;
        int64_t st = strides[axis];
        std::string s;
        if (left == 1) {
            int64_t ew = width - std::max<int64_t>(static_cast<int64_t>(rstrip(sep).size()), 1);
            size_t elem_width = ew < 0 ? 0 : static_cast<size_t>(ew);
            std::string line = hang;
            for (int64_t i = 0; i < lead; i++) {
                extend(s, line, rec(axis + 1, base + i * st, next_hang, next_width), elem_width,
                       hang);
                line += sep;
            }
            if (show) {
                extend(s, line, "...", elem_width, hang);
                line += sep;
            }
            for (int64_t i = trail; i > 1; i--) {
                extend(s, line, rec(axis + 1, base + (len - i) * st, next_hang, next_width),
                       elem_width, hang);
                line += sep;
            }
            extend(s, line, rec(axis + 1, base + (len - 1) * st, next_hang, next_width), elem_width,
                   hang);
            s += line;
        } else {
            std::string line_sep = rstrip(sep) + std::string(left - 1, '\n');
            for (int64_t i = 0; i < lead; i++)
                s += hang + rec(axis + 1, base + i * st, next_hang, next_width) + line_sep;
            if (show) s += hang + "..." + line_sep;
            for (int64_t i = trail; i > 1; i--)
                s += hang + rec(axis + 1, base + (len - i) * st, next_hang, next_width) + line_sep;
            s += hang + rec(axis + 1, base + (len - 1) * st, next_hang, next_width);
        }
        return "[" + s.substr(hang.size()) + "]";
    }
};

// numpy's array2string(a, linewidth, ..., separator, prefix, suffix) for non-empty arrays.
std::string array2string(const PrintArray& a, const PrintOptions& opt, const std::string& sep,
                         const std::string& prefix, const std::string& suffix) {
    Printer p(a, opt, sep);
    std::string hang = " " + std::string(cp_len(prefix), ' ');
    return p.rec(0, 0, hang,
                 static_cast<int64_t>(opt.linewidth) - static_cast<int64_t>(suffix.size()));
}

} // namespace

std::string dtype_repr(const PrintArray& a) {
    switch (a.kind) {
    case 'f': return "float64";
    case 'i': return "int64";
    case 'b': return "bool";
    default: return "'<U" + std::to_string(a.u_width) + "'";
    }
}

std::string array_str(const PrintArray& a, const PrintOptions& opt) {
    if (a.shape.empty()) {
        switch (a.kind) {
        case 'f': return float64_str(a.f.at(0));
        case 'i': return int64_str(a.i.at(0));
        case 'b': return bool_str(a.b.at(0) != 0);
        default: return utf8_encode(a.u.at(0));
        }
    }
    if (size_of(a) == 0) return "[]";
    return array2string(a, opt, " ", "", "");
}

std::string array_repr(const PrintArray& a, const PrintOptions& opt) {
    int64_t n = size_of(a);
    bool skipdtype = a.kind != 'U' && n > 0;
    const std::string prefix = "array(";
    std::string suffix = skipdtype ? ")" : ",";
    std::string lst;
    if (n > 0) {
        lst = array2string(a, opt, ", ", prefix, suffix);
    } else if (a.shape.size() == 1) {
        lst = "[]";
    } else {
        lst = "[], shape=(";
        for (size_t k = 0; k < a.shape.size(); k++)
            lst += (k ? ", " : "") + std::to_string(a.shape[k]);
        lst += a.shape.size() == 1 ? ",)" : ")";
    }
    std::string s = prefix + lst + suffix;
    if (skipdtype) return s;
    std::string dt = "dtype=" + dtype_repr(a) + ")";
    size_t nl = s.rfind('\n');
    size_t last = cp_len(nl == std::string::npos ? s : s.substr(nl + 1));
    std::string spacer = " ";
    if (static_cast<int64_t>(last + dt.size() + 1) > opt.linewidth)
        spacer = "\n" + std::string(prefix.size(), ' ');
    return s + spacer + dt;
}

} // namespace lmpy::np
