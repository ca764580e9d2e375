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
// BEGIN generated table (str.isprintable() == False)
// clang-format off
// 701 ranges, generated by tests/unit/gen/np_format_printable.py
const uint32_t NONPRINTABLE[][2] = {
    {0x0, 0x1F}, {0x7F, 0xA0}, {0xAD, 0xAD}, {0x378, 0x379}, {0x380, 0x383}, {0x38B, 0x38B},
    {0x38D, 0x38D}, {0x3A2, 0x3A2}, {0x530, 0x530}, {0x557, 0x558}, {0x58B, 0x58C}, {0x590, 0x590},
    {0x5C8, 0x5CF}, {0x5EB, 0x5EE}, {0x5F5, 0x605}, {0x61C, 0x61C}, {0x6DD, 0x6DD}, {0x70E, 0x70F},
    {0x74B, 0x74C}, {0x7B2, 0x7BF}, {0x7FB, 0x7FC}, {0x82E, 0x82F}, {0x83F, 0x83F}, {0x85C, 0x85D},
    {0x85F, 0x85F}, {0x86B, 0x86F}, {0x88F, 0x897}, {0x8E2, 0x8E2}, {0x984, 0x984}, {0x98D, 0x98E},
    {0x991, 0x992}, {0x9A9, 0x9A9}, {0x9B1, 0x9B1}, {0x9B3, 0x9B5}, {0x9BA, 0x9BB}, {0x9C5, 0x9C6},
    {0x9C9, 0x9CA}, {0x9CF, 0x9D6}, {0x9D8, 0x9DB}, {0x9DE, 0x9DE}, {0x9E4, 0x9E5}, {0x9FF, 0xA00},
    {0xA04, 0xA04}, {0xA0B, 0xA0E}, {0xA11, 0xA12}, {0xA29, 0xA29}, {0xA31, 0xA31}, {0xA34, 0xA34},
    {0xA37, 0xA37}, {0xA3A, 0xA3B}, {0xA3D, 0xA3D}, {0xA43, 0xA46}, {0xA49, 0xA4A}, {0xA4E, 0xA50},
    {0xA52, 0xA58}, {0xA5D, 0xA5D}, {0xA5F, 0xA65}, {0xA77, 0xA80}, {0xA84, 0xA84}, {0xA8E, 0xA8E},
    {0xA92, 0xA92}, {0xAA9, 0xAA9}, {0xAB1, 0xAB1}, {0xAB4, 0xAB4}, {0xABA, 0xABB}, {0xAC6, 0xAC6},
    {0xACA, 0xACA}, {0xACE, 0xACF}, {0xAD1, 0xADF}, {0xAE4, 0xAE5}, {0xAF2, 0xAF8}, {0xB00, 0xB00},
    {0xB04, 0xB04}, {0xB0D, 0xB0E}, {0xB11, 0xB12}, {0xB29, 0xB29}, {0xB31, 0xB31}, {0xB34, 0xB34},
    {0xB3A, 0xB3B}, {0xB45, 0xB46}, {0xB49, 0xB4A}, {0xB4E, 0xB54}, {0xB58, 0xB5B}, {0xB5E, 0xB5E},
    {0xB64, 0xB65}, {0xB78, 0xB81}, {0xB84, 0xB84}, {0xB8B, 0xB8D}, {0xB91, 0xB91}, {0xB96, 0xB98},
    {0xB9B, 0xB9B}, {0xB9D, 0xB9D}, {0xBA0, 0xBA2}, {0xBA5, 0xBA7}, {0xBAB, 0xBAD}, {0xBBA, 0xBBD},
    {0xBC3, 0xBC5}, {0xBC9, 0xBC9}, {0xBCE, 0xBCF}, {0xBD1, 0xBD6}, {0xBD8, 0xBE5}, {0xBFB, 0xBFF},
    {0xC0D, 0xC0D}, {0xC11, 0xC11}, {0xC29, 0xC29}, {0xC3A, 0xC3B}, {0xC45, 0xC45}, {0xC49, 0xC49},
    {0xC4E, 0xC54}, {0xC57, 0xC57}, {0xC5B, 0xC5C}, {0xC5E, 0xC5F}, {0xC64, 0xC65}, {0xC70, 0xC76},
    {0xC8D, 0xC8D}, {0xC91, 0xC91}, {0xCA9, 0xCA9}, {0xCB4, 0xCB4}, {0xCBA, 0xCBB}, {0xCC5, 0xCC5},
    {0xCC9, 0xCC9}, {0xCCE, 0xCD4}, {0xCD7, 0xCDC}, {0xCDF, 0xCDF}, {0xCE4, 0xCE5}, {0xCF0, 0xCF0},
    {0xCF3, 0xCFF}, {0xD0D, 0xD0D}, {0xD11, 0xD11}, {0xD45, 0xD45}, {0xD49, 0xD49}, {0xD50, 0xD53},
    {0xD64, 0xD65}, {0xD80, 0xD80}, {0xD84, 0xD84}, {0xD97, 0xD99}, {0xDB2, 0xDB2}, {0xDBC, 0xDBC},
    {0xDBE, 0xDBF}, {0xDC7, 0xDC9}, {0xDCB, 0xDCE}, {0xDD5, 0xDD5}, {0xDD7, 0xDD7}, {0xDE0, 0xDE5},
    {0xDF0, 0xDF1}, {0xDF5, 0xE00}, {0xE3B, 0xE3E}, {0xE5C, 0xE80}, {0xE83, 0xE83}, {0xE85, 0xE85},
    {0xE8B, 0xE8B}, {0xEA4, 0xEA4}, {0xEA6, 0xEA6}, {0xEBE, 0xEBF}, {0xEC5, 0xEC5}, {0xEC7, 0xEC7},
    {0xECE, 0xECF}, {0xEDA, 0xEDB}, {0xEE0, 0xEFF}, {0xF48, 0xF48}, {0xF6D, 0xF70}, {0xF98, 0xF98},
    {0xFBD, 0xFBD}, {0xFCD, 0xFCD}, {0xFDB, 0xFFF}, {0x10C6, 0x10C6}, {0x10C8, 0x10CC}, {0x10CE, 0x10CF},
    {0x1249, 0x1249}, {0x124E, 0x124F}, {0x1257, 0x1257}, {0x1259, 0x1259}, {0x125E, 0x125F}, {0x1289, 0x1289},
    {0x128E, 0x128F}, {0x12B1, 0x12B1}, {0x12B6, 0x12B7}, {0x12BF, 0x12BF}, {0x12C1, 0x12C1}, {0x12C6, 0x12C7},
    {0x12D7, 0x12D7}, {0x1311, 0x1311}, {0x1316, 0x1317}, {0x135B, 0x135C}, {0x137D, 0x137F}, {0x139A, 0x139F},
    {0x13F6, 0x13F7}, {0x13FE, 0x13FF}, {0x1680, 0x1680}, {0x169D, 0x169F}, {0x16F9, 0x16FF}, {0x1716, 0x171E},
    {0x1737, 0x173F}, {0x1754, 0x175F}, {0x176D, 0x176D}, {0x1771, 0x1771}, {0x1774, 0x177F}, {0x17DE, 0x17DF},
    {0x17EA, 0x17EF}, {0x17FA, 0x17FF}, {0x180E, 0x180E}, {0x181A, 0x181F}, {0x1879, 0x187F}, {0x18AB, 0x18AF},
    {0x18F6, 0x18FF}, {0x191F, 0x191F}, {0x192C, 0x192F}, {0x193C, 0x193F}, {0x1941, 0x1943}, {0x196E, 0x196F},
    {0x1975, 0x197F}, {0x19AC, 0x19AF}, {0x19CA, 0x19CF}, {0x19DB, 0x19DD}, {0x1A1C, 0x1A1D}, {0x1A5F, 0x1A5F},
    {0x1A7D, 0x1A7E}, {0x1A8A, 0x1A8F}, {0x1A9A, 0x1A9F}, {0x1AAE, 0x1AAF}, {0x1ACF, 0x1AFF}, {0x1B4D, 0x1B4F},
    {0x1B7F, 0x1B7F}, {0x1BF4, 0x1BFB}, {0x1C38, 0x1C3A}, {0x1C4A, 0x1C4C}, {0x1C89, 0x1C8F}, {0x1CBB, 0x1CBC},
    {0x1CC8, 0x1CCF}, {0x1CFB, 0x1CFF}, {0x1F16, 0x1F17}, {0x1F1E, 0x1F1F}, {0x1F46, 0x1F47}, {0x1F4E, 0x1F4F},
    {0x1F58, 0x1F58}, {0x1F5A, 0x1F5A}, {0x1F5C, 0x1F5C}, {0x1F5E, 0x1F5E}, {0x1F7E, 0x1F7F}, {0x1FB5, 0x1FB5},
    {0x1FC5, 0x1FC5}, {0x1FD4, 0x1FD5}, {0x1FDC, 0x1FDC}, {0x1FF0, 0x1FF1}, {0x1FF5, 0x1FF5}, {0x1FFF, 0x200F},
    {0x2028, 0x202F}, {0x205F, 0x206F}, {0x2072, 0x2073}, {0x208F, 0x208F}, {0x209D, 0x209F}, {0x20C1, 0x20CF},
    {0x20F1, 0x20FF}, {0x218C, 0x218F}, {0x2427, 0x243F}, {0x244B, 0x245F}, {0x2B74, 0x2B75}, {0x2B96, 0x2B96},
    {0x2CF4, 0x2CF8}, {0x2D26, 0x2D26}, {0x2D28, 0x2D2C}, {0x2D2E, 0x2D2F}, {0x2D68, 0x2D6E}, {0x2D71, 0x2D7E},
    {0x2D97, 0x2D9F}, {0x2DA7, 0x2DA7}, {0x2DAF, 0x2DAF}, {0x2DB7, 0x2DB7}, {0x2DBF, 0x2DBF}, {0x2DC7, 0x2DC7},
    {0x2DCF, 0x2DCF}, {0x2DD7, 0x2DD7}, {0x2DDF, 0x2DDF}, {0x2E5E, 0x2E7F}, {0x2E9A, 0x2E9A}, {0x2EF4, 0x2EFF},
    {0x2FD6, 0x2FEF}, {0x2FFC, 0x3000}, {0x3040, 0x3040}, {0x3097, 0x3098}, {0x3100, 0x3104}, {0x3130, 0x3130},
    {0x318F, 0x318F}, {0x31E4, 0x31EF}, {0x321F, 0x321F}, {0xA48D, 0xA48F}, {0xA4C7, 0xA4CF}, {0xA62C, 0xA63F},
    {0xA6F8, 0xA6FF}, {0xA7CB, 0xA7CF}, {0xA7D2, 0xA7D2}, {0xA7D4, 0xA7D4}, {0xA7DA, 0xA7F1}, {0xA82D, 0xA82F},
    {0xA83A, 0xA83F}, {0xA878, 0xA87F}, {0xA8C6, 0xA8CD}, {0xA8DA, 0xA8DF}, {0xA954, 0xA95E}, {0xA97D, 0xA97F},
    {0xA9CE, 0xA9CE}, {0xA9DA, 0xA9DD}, {0xA9FF, 0xA9FF}, {0xAA37, 0xAA3F}, {0xAA4E, 0xAA4F}, {0xAA5A, 0xAA5B},
    {0xAAC3, 0xAADA}, {0xAAF7, 0xAB00}, {0xAB07, 0xAB08}, {0xAB0F, 0xAB10}, {0xAB17, 0xAB1F}, {0xAB27, 0xAB27},
    {0xAB2F, 0xAB2F}, {0xAB6C, 0xAB6F}, {0xABEE, 0xABEF}, {0xABFA, 0xABFF}, {0xD7A4, 0xD7AF}, {0xD7C7, 0xD7CA},
    {0xD7FC, 0xF8FF}, {0xFA6E, 0xFA6F}, {0xFADA, 0xFAFF}, {0xFB07, 0xFB12}, {0xFB18, 0xFB1C}, {0xFB37, 0xFB37},
    {0xFB3D, 0xFB3D}, {0xFB3F, 0xFB3F}, {0xFB42, 0xFB42}, {0xFB45, 0xFB45}, {0xFBC3, 0xFBD2}, {0xFD90, 0xFD91},
    {0xFDC8, 0xFDCE}, {0xFDD0, 0xFDEF}, {0xFE1A, 0xFE1F}, {0xFE53, 0xFE53}, {0xFE67, 0xFE67}, {0xFE6C, 0xFE6F},
    {0xFE75, 0xFE75}, {0xFEFD, 0xFF00}, {0xFFBF, 0xFFC1}, {0xFFC8, 0xFFC9}, {0xFFD0, 0xFFD1}, {0xFFD8, 0xFFD9},
    {0xFFDD, 0xFFDF}, {0xFFE7, 0xFFE7}, {0xFFEF, 0xFFFB}, {0xFFFE, 0xFFFF}, {0x1000C, 0x1000C}, {0x10027, 0x10027},
    {0x1003B, 0x1003B}, {0x1003E, 0x1003E}, {0x1004E, 0x1004F}, {0x1005E, 0x1007F}, {0x100FB, 0x100FF}, {0x10103, 0x10106},
    {0x10134, 0x10136}, {0x1018F, 0x1018F}, {0x1019D, 0x1019F}, {0x101A1, 0x101CF}, {0x101FE, 0x1027F}, {0x1029D, 0x1029F},
    {0x102D1, 0x102DF}, {0x102FC, 0x102FF}, {0x10324, 0x1032C}, {0x1034B, 0x1034F}, {0x1037B, 0x1037F}, {0x1039E, 0x1039E},
    {0x103C4, 0x103C7}, {0x103D6, 0x103FF}, {0x1049E, 0x1049F}, {0x104AA, 0x104AF}, {0x104D4, 0x104D7}, {0x104FC, 0x104FF},
    {0x10528, 0x1052F}, {0x10564, 0x1056E}, {0x1057B, 0x1057B}, {0x1058B, 0x1058B}, {0x10593, 0x10593}, {0x10596, 0x10596},
    {0x105A2, 0x105A2}, {0x105B2, 0x105B2}, {0x105BA, 0x105BA}, {0x105BD, 0x105FF}, {0x10737, 0x1073F}, {0x10756, 0x1075F},
    {0x10768, 0x1077F}, {0x10786, 0x10786}, {0x107B1, 0x107B1}, {0x107BB, 0x107FF}, {0x10806, 0x10807}, {0x10809, 0x10809},
    {0x10836, 0x10836}, {0x10839, 0x1083B}, {0x1083D, 0x1083E}, {0x10856, 0x10856}, {0x1089F, 0x108A6}, {0x108B0, 0x108DF},
    {0x108F3, 0x108F3}, {0x108F6, 0x108FA}, {0x1091C, 0x1091E}, {0x1093A, 0x1093E}, {0x10940, 0x1097F}, {0x109B8, 0x109BB},
    {0x109D0, 0x109D1}, {0x10A04, 0x10A04}, {0x10A07, 0x10A0B}, {0x10A14, 0x10A14}, {0x10A18, 0x10A18}, {0x10A36, 0x10A37},
    {0x10A3B, 0x10A3E}, {0x10A49, 0x10A4F}, {0x10A59, 0x10A5F}, {0x10AA0, 0x10ABF}, {0x10AE7, 0x10AEA}, {0x10AF7, 0x10AFF},
    {0x10B36, 0x10B38}, {0x10B56, 0x10B57}, {0x10B73, 0x10B77}, {0x10B92, 0x10B98}, {0x10B9D, 0x10BA8}, {0x10BB0, 0x10BFF},
    {0x10C49, 0x10C7F}, {0x10CB3, 0x10CBF}, {0x10CF3, 0x10CF9}, {0x10D28, 0x10D2F}, {0x10D3A, 0x10E5F}, {0x10E7F, 0x10E7F},
    {0x10EAA, 0x10EAA}, {0x10EAE, 0x10EAF}, {0x10EB2, 0x10EFF}, {0x10F28, 0x10F2F}, {0x10F5A, 0x10F6F}, {0x10F8A, 0x10FAF},
    {0x10FCC, 0x10FDF}, {0x10FF7, 0x10FFF}, {0x1104E, 0x11051}, {0x11076, 0x1107E}, {0x110BD, 0x110BD}, {0x110C3, 0x110CF},
    {0x110E9, 0x110EF}, {0x110FA, 0x110FF}, {0x11135, 0x11135}, {0x11148, 0x1114F}, {0x11177, 0x1117F}, {0x111E0, 0x111E0},
    {0x111F5, 0x111FF}, {0x11212, 0x11212}, {0x1123F, 0x1127F}, {0x11287, 0x11287}, {0x11289, 0x11289}, {0x1128E, 0x1128E},
    {0x1129E, 0x1129E}, {0x112AA, 0x112AF}, {0x112EB, 0x112EF}, {0x112FA, 0x112FF}, {0x11304, 0x11304}, {0x1130D, 0x1130E},
    {0x11311, 0x11312}, {0x11329, 0x11329}, {0x11331, 0x11331}, {0x11334, 0x11334}, {0x1133A, 0x1133A}, {0x11345, 0x11346},
    {0x11349, 0x1134A}, {0x1134E, 0x1134F}, {0x11351, 0x11356}, {0x11358, 0x1135C}, {0x11364, 0x11365}, {0x1136D, 0x1136F},
    {0x11375, 0x113FF}, {0x1145C, 0x1145C}, {0x11462, 0x1147F}, {0x114C8, 0x114CF}, {0x114DA, 0x1157F}, {0x115B6, 0x115B7},
    {0x115DE, 0x115FF}, {0x11645, 0x1164F}, {0x1165A, 0x1165F}, {0x1166D, 0x1167F}, {0x116BA, 0x116BF}, {0x116CA, 0x116FF},
    {0x1171B, 0x1171C}, {0x1172C, 0x1172F}, {0x11747, 0x117FF}, {0x1183C, 0x1189F}, {0x118F3, 0x118FE}, {0x11907, 0x11908},
    {0x1190A, 0x1190B}, {0x11914, 0x11914}, {0x11917, 0x11917}, {0x11936, 0x11936}, {0x11939, 0x1193A}, {0x11947, 0x1194F},
    {0x1195A, 0x1199F}, {0x119A8, 0x119A9}, {0x119D8, 0x119D9}, {0x119E5, 0x119FF}, {0x11A48, 0x11A4F}, {0x11AA3, 0x11AAF},
    {0x11AF9, 0x11BFF}, {0x11C09, 0x11C09}, {0x11C37, 0x11C37}, {0x11C46, 0x11C4F}, {0x11C6D, 0x11C6F}, {0x11C90, 0x11C91},
    {0x11CA8, 0x11CA8}, {0x11CB7, 0x11CFF}, {0x11D07, 0x11D07}, {0x11D0A, 0x11D0A}, {0x11D37, 0x11D39}, {0x11D3B, 0x11D3B},
    {0x11D3E, 0x11D3E}, {0x11D48, 0x11D4F}, {0x11D5A, 0x11D5F}, {0x11D66, 0x11D66}, {0x11D69, 0x11D69}, {0x11D8F, 0x11D8F},
    {0x11D92, 0x11D92}, {0x11D99, 0x11D9F}, {0x11DAA, 0x11EDF}, {0x11EF9, 0x11FAF}, {0x11FB1, 0x11FBF}, {0x11FF2, 0x11FFE},
    {0x1239A, 0x123FF}, {0x1246F, 0x1246F}, {0x12475, 0x1247F}, {0x12544, 0x12F8F}, {0x12FF3, 0x12FFF}, {0x1342F, 0x143FF},
    {0x14647, 0x167FF}, {0x16A39, 0x16A3F}, {0x16A5F, 0x16A5F}, {0x16A6A, 0x16A6D}, {0x16ABF, 0x16ABF}, {0x16ACA, 0x16ACF},
    {0x16AEE, 0x16AEF}, {0x16AF6, 0x16AFF}, {0x16B46, 0x16B4F}, {0x16B5A, 0x16B5A}, {0x16B62, 0x16B62}, {0x16B78, 0x16B7C},
    {0x16B90, 0x16E3F}, {0x16E9B, 0x16EFF}, {0x16F4B, 0x16F4E}, {0x16F88, 0x16F8E}, {0x16FA0, 0x16FDF}, {0x16FE5, 0x16FEF},
    {0x16FF2, 0x16FFF}, {0x187F8, 0x187FF}, {0x18CD6, 0x18CFF}, {0x18D09, 0x1AFEF}, {0x1AFF4, 0x1AFF4}, {0x1AFFC, 0x1AFFC},
    {0x1AFFF, 0x1AFFF}, {0x1B123, 0x1B14F}, {0x1B153, 0x1B163}, {0x1B168, 0x1B16F}, {0x1B2FC, 0x1BBFF}, {0x1BC6B, 0x1BC6F},
    {0x1BC7D, 0x1BC7F}, {0x1BC89, 0x1BC8F}, {0x1BC9A, 0x1BC9B}, {0x1BCA0, 0x1CEFF}, {0x1CF2E, 0x1CF2F}, {0x1CF47, 0x1CF4F},
    {0x1CFC4, 0x1CFFF}, {0x1D0F6, 0x1D0FF}, {0x1D127, 0x1D128}, {0x1D173, 0x1D17A}, {0x1D1EB, 0x1D1FF}, {0x1D246, 0x1D2DF},
    {0x1D2F4, 0x1D2FF}, {0x1D357, 0x1D35F}, {0x1D379, 0x1D3FF}, {0x1D455, 0x1D455}, {0x1D49D, 0x1D49D}, {0x1D4A0, 0x1D4A1},
    {0x1D4A3, 0x1D4A4}, {0x1D4A7, 0x1D4A8}, {0x1D4AD, 0x1D4AD}, {0x1D4BA, 0x1D4BA}, {0x1D4BC, 0x1D4BC}, {0x1D4C4, 0x1D4C4},
    {0x1D506, 0x1D506}, {0x1D50B, 0x1D50C}, {0x1D515, 0x1D515}, {0x1D51D, 0x1D51D}, {0x1D53A, 0x1D53A}, {0x1D53F, 0x1D53F},
    {0x1D545, 0x1D545}, {0x1D547, 0x1D549}, {0x1D551, 0x1D551}, {0x1D6A6, 0x1D6A7}, {0x1D7CC, 0x1D7CD}, {0x1DA8C, 0x1DA9A},
    {0x1DAA0, 0x1DAA0}, {0x1DAB0, 0x1DEFF}, {0x1DF1F, 0x1DFFF}, {0x1E007, 0x1E007}, {0x1E019, 0x1E01A}, {0x1E022, 0x1E022},
    {0x1E025, 0x1E025}, {0x1E02B, 0x1E0FF}, {0x1E12D, 0x1E12F}, {0x1E13E, 0x1E13F}, {0x1E14A, 0x1E14D}, {0x1E150, 0x1E28F},
    {0x1E2AF, 0x1E2BF}, {0x1E2FA, 0x1E2FE}, {0x1E300, 0x1E7DF}, {0x1E7E7, 0x1E7E7}, {0x1E7EC, 0x1E7EC}, {0x1E7EF, 0x1E7EF},
    {0x1E7FF, 0x1E7FF}, {0x1E8C5, 0x1E8C6}, {0x1E8D7, 0x1E8FF}, {0x1E94C, 0x1E94F}, {0x1E95A, 0x1E95D}, {0x1E960, 0x1EC70},
    {0x1ECB5, 0x1ED00}, {0x1ED3E, 0x1EDFF}, {0x1EE04, 0x1EE04}, {0x1EE20, 0x1EE20}, {0x1EE23, 0x1EE23}, {0x1EE25, 0x1EE26},
    {0x1EE28, 0x1EE28}, {0x1EE33, 0x1EE33}, {0x1EE38, 0x1EE38}, {0x1EE3A, 0x1EE3A}, {0x1EE3C, 0x1EE41}, {0x1EE43, 0x1EE46},
    {0x1EE48, 0x1EE48}, {0x1EE4A, 0x1EE4A}, {0x1EE4C, 0x1EE4C}, {0x1EE50, 0x1EE50}, {0x1EE53, 0x1EE53}, {0x1EE55, 0x1EE56},
    {0x1EE58, 0x1EE58}, {0x1EE5A, 0x1EE5A}, {0x1EE5C, 0x1EE5C}, {0x1EE5E, 0x1EE5E}, {0x1EE60, 0x1EE60}, {0x1EE63, 0x1EE63},
    {0x1EE65, 0x1EE66}, {0x1EE6B, 0x1EE6B}, {0x1EE73, 0x1EE73}, {0x1EE78, 0x1EE78}, {0x1EE7D, 0x1EE7D}, {0x1EE7F, 0x1EE7F},
    {0x1EE8A, 0x1EE8A}, {0x1EE9C, 0x1EEA0}, {0x1EEA4, 0x1EEA4}, {0x1EEAA, 0x1EEAA}, {0x1EEBC, 0x1EEEF}, {0x1EEF2, 0x1EFFF},
    {0x1F02C, 0x1F02F}, {0x1F094, 0x1F09F}, {0x1F0AF, 0x1F0B0}, {0x1F0C0, 0x1F0C0}, {0x1F0D0, 0x1F0D0}, {0x1F0F6, 0x1F0FF},
    {0x1F1AE, 0x1F1E5}, {0x1F203, 0x1F20F}, {0x1F23C, 0x1F23F}, {0x1F249, 0x1F24F}, {0x1F252, 0x1F25F}, {0x1F266, 0x1F2FF},
    {0x1F6D8, 0x1F6DC}, {0x1F6ED, 0x1F6EF}, {0x1F6FD, 0x1F6FF}, {0x1F774, 0x1F77F}, {0x1F7D9, 0x1F7DF}, {0x1F7EC, 0x1F7EF},
    {0x1F7F1, 0x1F7FF}, {0x1F80C, 0x1F80F}, {0x1F848, 0x1F84F}, {0x1F85A, 0x1F85F}, {0x1F888, 0x1F88F}, {0x1F8AE, 0x1F8AF},
    {0x1F8B2, 0x1F8FF}, {0x1FA54, 0x1FA5F}, {0x1FA6E, 0x1FA6F}, {0x1FA75, 0x1FA77}, {0x1FA7D, 0x1FA7F}, {0x1FA87, 0x1FA8F},
    {0x1FAAD, 0x1FAAF}, {0x1FABB, 0x1FABF}, {0x1FAC6, 0x1FACF}, {0x1FADA, 0x1FADF}, {0x1FAE8, 0x1FAEF}, {0x1FAF7, 0x1FAFF},
    {0x1FB93, 0x1FB93}, {0x1FBCB, 0x1FBEF}, {0x1FBFA, 0x1FFFF}, {0x2A6E0, 0x2A6FF}, {0x2B739, 0x2B73F}, {0x2B81E, 0x2B81F},
    {0x2CEA2, 0x2CEAF}, {0x2EBE1, 0x2F7FF}, {0x2FA1E, 0x2FFFF}, {0x3134B, 0xE00FF}, {0xE01F0, 0x10FFFF},
};
// clang-format on
// END generated table

bool printable(char32_t c) {
    uint32_t u = static_cast<uint32_t>(c);
    if (u >= 0x20 && u < 0x7F) return true;
    size_t lo = 0, hi = sizeof NONPRINTABLE / sizeof NONPRINTABLE[0];
    while (lo < hi) { // first range whose end is >= u
        size_t mid = (lo + hi) / 2;
        if (NONPRINTABLE[mid][1] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return !(lo < sizeof NONPRINTABLE / sizeof NONPRINTABLE[0] && NONPRINTABLE[lo][0] <= u);
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
