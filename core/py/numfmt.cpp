// Implementation of numfmt.h. Layout follows CPython's formatter_unicode.c /
// pystrtod.c behaviour: a number is rendered as [sign][prefix][digits][.fraction][exponent]
// pieces so that '=' alignment, zero padding and thousands grouping can be applied to the
// integer digits alone, exactly where CPython applies them.
#include "py/numfmt.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace lmpy {

// ---------------------------------------------------------------- UTF-8 helpers

namespace {
// Decodes one code point at s[i] (advancing i); invalid bytes decode as themselves.
char32_t utf8_next(std::string_view s, size_t& i) {
    unsigned char c = s[i++];
    if (c < 0x80) return c;
    int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
    char32_t cp = c & (0x3f >> extra);
    for (int k = 0; k < extra && i < s.size(); k++) cp = (cp << 6) | (s[i++] & 0x3f);
    return cp;
}
} // namespace

size_t utf8_length(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xc0) != 0x80;
    return n;
}

std::string utf8_truncate(std::string_view s, size_t max_cp) {
    size_t i = 0, n = 0;
    while (i < s.size() && n < max_cp) {
        utf8_next(s, i);
        n++;
    }
    return std::string(s.substr(0, i));
}

void utf8_append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xc0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xe0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3f)));
        out.push_back(char(0x80 | (cp & 0x3f)));
    } else {
        out.push_back(char(0xf0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3f)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3f)));
        out.push_back(char(0x80 | (cp & 0x3f)));
    }
}

namespace {
// First code point (the digit zero) of each run of ten Unicode decimal digits (category Nd)
// outside ASCII, from Python 3.11's unicodedata.
const char32_t kDigitZeros[] = {
    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,   0xbe6,   0xc66,
    0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,  0x1090,  0x17e0,  0x1810,
    0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,  0xa8d0,
    0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066, 0x110f0,
    0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950,
    0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec,
    0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0};

bool is_unicode_space(char32_t cp) {
    return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 0x1c && cp <= 0x1f) || cp == 0x85 ||
           cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000;
}
} // namespace

std::string transform_decimal_and_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        if ((unsigned char)s[i] < 0x80) {
            out.push_back(s[i++]);
            continue;
        }
        char32_t cp = utf8_next(s, i);
        char r = '?';
        if (is_unicode_space(cp)) r = ' ';
        for (char32_t z : kDigitZeros)
            if (cp >= z && cp < z + 10) r = char('0' + (cp - z));
        out.push_back(r);
    }
    return out;
}

std::string py_str_repr(std::string_view s) {
    bool has_sq = s.find('\'') != std::string_view::npos;
    bool has_dq = s.find('"') != std::string_view::npos;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    std::string out(1, q);
    char buf[16];
    for (size_t i = 0; i < s.size();) {
        char32_t c = utf8_next(s, i);
        if (c == char32_t(q) || c == '\\') {
            out.push_back('\\');
            out.push_back(char(c));
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0xa0) || c == 0xad) {
            // Non-printable in the Latin-1 range; beyond it every code point is taken as
            // printable (a full Unicode table belongs to the str implementation).
            snprintf(buf, sizeof buf, "\\x%02x", unsigned(c));
            out += buf;
        } else {
            utf8_append(out, c);
        }
    }
    out.push_back(q);
    return out;
}

// ---------------------------------------------------------------- float repr

namespace {
// "%.{p-1}e" of |x| split into digits and decimal exponent (x = d.ddd * 10**exp).
void sci_digits(double x, int p, std::string& digits, int& exp10) {
    char buf[64];
    snprintf(buf, sizeof buf, "%.*e", p - 1, std::fabs(x));
    digits.clear();
    const char* c = buf;
    for (; *c && *c != 'e'; c++)
        if (*c != '.') digits.push_back(*c);
    exp10 = atoi(c + 1);
}

double strtod_digits(const std::string& digits, int exp10) {
    std::string s = digits.substr(0, 1) + "." + digits.substr(1) + "e" + std::to_string(exp10);
    return strtod(s.c_str(), nullptr);
}

// Adds one unit in the last place to a digit string (may carry into a new digit).
void bump(std::string& digits, int& exp10) {
    size_t i = digits.size();
    while (i > 0) {
        if (digits[i - 1] == '9') {
            digits[--i] = '0';
        } else {
            digits[i - 1]++;
            return;
        }
    }
    digits.insert(digits.begin(), '1');
    digits.pop_back();
    exp10++;
}
} // namespace

void float_shortest_digits(double x, std::string& digits, int& decpt) {
    double ax = std::fabs(x);
    int exp10 = 0;
    int m;
    std::frexp(ax, &m);
    bool pow2 = std::ldexp(0.5, m) == ax && ax >= 4.450147717014403e-308;
    int lo = 1, hi = 17;
    if (!pow2) {
        // The correctly rounded p-digit value round-trips for every p >= the answer.
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            sci_digits(ax, mid, digits, exp10);
            if (strtod_digits(digits, exp10) == ax)
                hi = mid;
            else
                lo = mid + 1;
        }
        sci_digits(ax, lo, digits, exp10);
    } else {
        for (int p = 1; p <= 17; p++) {
            sci_digits(ax, p, digits, exp10);
            if (strtod_digits(digits, exp10) == ax) break;
            std::string up = digits;
            int e2 = exp10;
            bump(up, e2);
            if (strtod_digits(up, e2) == ax) {
                digits = up;
                exp10 = e2;
                break;
            }
        }
    }
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    decpt = exp10 + 1;
}

namespace {
std::string exp_suffix(int e, char ch) {
    char buf[16];
    snprintf(buf, sizeof buf, "%c%c%02d", ch, e < 0 ? '-' : '+', e < 0 ? -e : e);
    return buf;
}

// Repr-style layout of shortest digits (CPython's format_float_short with mode 0).
std::string layout_repr(double x, DtoaFlags f) {
    std::string digits;
    int decpt;
    if (x == 0) {
        digits = "0";
        decpt = 1;
    } else {
        float_shortest_digits(x, digits, decpt);
    }
    std::string out;
    bool use_exp = decpt <= -4 || decpt > 16;
    if (use_exp) {
        out = digits.substr(0, 1);
        if (digits.size() > 1 || f.alt) out += "." + digits.substr(1);
        out += exp_suffix(decpt - 1, 'e');
    } else if (decpt <= 0) {
        out = "0." + std::string(size_t(-decpt), '0') + digits;
    } else if (size_t(decpt) >= digits.size()) {
        out = digits + std::string(size_t(decpt) - digits.size(), '0');
        if (f.add_dot_0)
            out += ".0";
        else if (f.alt)
            out += ".";
    } else {
        out = digits.substr(0, size_t(decpt)) + "." + digits.substr(size_t(decpt));
    }
    return out;
}
} // namespace

std::string double_to_string(double x, char type, int precision, DtoaFlags f) {
    bool upper = type == 'E' || type == 'F' || type == 'G';
    bool neg = std::signbit(x);
    std::string body;
    if (std::isnan(x)) {
        body = upper ? "NAN" : "nan";
        neg = false;
    } else if (std::isinf(x)) {
        body = upper ? "INF" : "inf";
    } else if (type == 'r') {
        body = layout_repr(x, f);
    } else {
        char lt = char(type | 0x20);
        if (lt == 'g' && precision == 0) precision = 1;
        std::string fmt =
            std::string("%") + (f.alt ? "#" : "") + ".*" + (upper ? char(lt - 32) : lt);
        int n = snprintf(nullptr, 0, fmt.c_str(), precision, std::fabs(x));
        body.resize(size_t(n) + 1);
        snprintf(body.data(), body.size(), fmt.c_str(), precision, std::fabs(x));
        body.pop_back();
        if (lt == 'g' && f.add_dot_0 && body.find_first_of(".eE") == std::string::npos)
            body += ".0";
    }
    if (neg && f.no_neg_0 && body.find_first_of("123456789") == std::string::npos &&
        !std::isnan(x) && !std::isinf(x))
        neg = false;
    if (neg) return "-" + body;
    if (f.sign) return "+" + body;
    return body;
}

std::string float_repr(double x) {
    DtoaFlags f;
    f.add_dot_0 = true;
    return double_to_string(x, 'r', 0, f);
}

// ---------------------------------------------------------------- float parsing

namespace {
bool is_py_space(std::string_view s, size_t i, size_t& len) {
    unsigned char c = s[i];
    len = 1;
    if (c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f)) return true;
    if (c < 0x80) return false;
    size_t j = i;
    char32_t cp = utf8_next(s, j);
    len = j - i;
    return cp == 0x85 || cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

bool ieq(std::string_view a, const char* b) {
    if (a.size() != strlen(b)) return false;
    for (size_t i = 0; i < a.size(); i++)
        if ((a[i] | 0x20) != b[i]) return false;
    return true;
}
} // namespace

bool try_parse_float(std::string_view s_in, double& out) {
    std::string tmp;
    std::string_view s = s_in;
    for (unsigned char c : s_in)
        if (c >= 0x80) {
            tmp = transform_decimal_and_space(s_in);
            s = tmp;
            break;
        }
    size_t b = 0, e = s.size(), len;
    while (b < e && is_py_space(s, b, len)) b += len;
    while (e > b) {
        size_t k = e - 1;
        while (k > b && (s[k] & 0xc0) == 0x80) k--;
        if (!is_py_space(s, k, len) || k + len != e) break;
        e = k;
    }
    std::string_view t = s.substr(b, e - b);
    size_t i = 0;
    bool neg = false;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) neg = t[i++] == '-';
    std::string_view w = t.substr(i);
    if (ieq(w, "inf") || ieq(w, "infinity")) {
        out = neg ? -HUGE_VAL : HUGE_VAL;
        return true;
    }
    if (ieq(w, "nan")) {
        out = neg ? -NAN : NAN;
        return true;
    }
    std::string clean = neg ? "-" : "";
    auto isd = [](char c) { return c >= '0' && c <= '9'; };
    // digits with single underscores between digits
    auto digits = [&](size_t& j) {
        size_t start = j;
        while (j < w.size()) {
            if (isd(w[j])) {
                clean.push_back(w[j++]);
            } else if (w[j] == '_' && j > start && isd(w[j - 1]) && j + 1 < w.size() &&
                       isd(w[j + 1])) {
                j++;
            } else {
                break;
            }
        }
        return j - start;
    };
    size_t j = 0;
    size_t nint = digits(j), nfrac = 0;
    if (j < w.size() && w[j] == '.') {
        clean.push_back('.');
        j++;
        nfrac = digits(j);
    }
    if (nint + nfrac == 0) return false;
    if (j < w.size() && (w[j] == 'e' || w[j] == 'E')) {
        clean.push_back('e');
        j++;
        if (j < w.size() && (w[j] == '+' || w[j] == '-')) clean.push_back(w[j++]);
        if (digits(j) == 0) return false;
    }
    if (j != w.size()) return false;
    out = strtod(clean.c_str(), nullptr);
    return true;
}

double parse_float(std::string_view s) {
    double d;
    if (!try_parse_float(s, d))
        throw NumError{"ValueError", "could not convert string to float: " + py_str_repr(s)};
    return d;
}

} // namespace lmpy
