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
    std::string buf(size_t(p) + 32, '\0');
    snprintf(buf.data(), buf.size(), "%.*e", p - 1, std::fabs(x));
    digits.clear();
    const char* c = buf.c_str();
    for (; *c && *c != 'e'; c++)
        if (*c != '.') digits.push_back(*c);
    exp10 = atoi(c + 1);
}

double strtod_digits(const std::string& digits, int exp10) {
    char buf[48];
    snprintf(buf, sizeof buf, "%se%d", digits.c_str(), exp10 - int(digits.size()) + 1);
    return strtod(buf, nullptr);
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
    if (ax >= 2.2250738585072014e-308 && !pow2) {
        // Normal numbers: if the 15-digit rounding, stripped of trailing zeros, round-trips
        // it is the shortest (a shorter round-tripping decimal lies within 2**-53 relative
        // of x, far inside half a 15-digit unit, so it would be that rounding). Otherwise
        // the answer has 16 or 17 digits.
        for (int p = 15; p <= 17; p++) {
            sci_digits(ax, p, digits, exp10);
            while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
            if (p == 17 || strtod_digits(digits, exp10) == ax) break;
        }
    } else if (!pow2) {
        // Subnormals have a wider relative round-trip interval: binary search the length
        // (the correctly rounded p-digit value round-trips for every p >= the answer).
        int lo = 1, hi = 17;
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

// CPython's digit layout for modes 'r' and 'g': digits D with x = 0.D * 10**decpt.
std::string layout_digits(std::string d, int decpt, bool use_exp, bool strip, DtoaFlags f) {
    if (strip)
        while (d.size() > 1 && d.back() == '0') d.pop_back();
    std::string out;
    if (use_exp) {
        out = d.substr(0, 1);
        if (d.size() > 1 || f.alt) out += "." + d.substr(1);
        out += exp_suffix(decpt - 1, 'e');
    } else if (decpt <= 0) {
        out = "0." + std::string(size_t(-decpt), '0') + d;
    } else if (size_t(decpt) >= d.size()) {
        out = d + std::string(size_t(decpt) - d.size(), '0');
        if (f.add_dot_0)
            out += ".0";
        else if (f.alt)
            out += ".";
    } else {
        out = d.substr(0, size_t(decpt)) + "." + d.substr(size_t(decpt));
    }
    return out;
}
} // namespace

std::string double_to_string(double x, char type, int precision, DtoaFlags f) {
    bool upper = type == 'E' || type == 'F' || type == 'G';
    bool neg = std::signbit(x);
    std::string body;
    char lt = char(type | 0x20);
    if (std::isnan(x)) {
        body = upper ? "NAN" : "nan";
        neg = false;
    } else if (std::isinf(x)) {
        body = upper ? "INF" : "inf";
    } else if (type == 'r') {
        std::string d = "0";
        int decpt = 1;
        if (x != 0) float_shortest_digits(x, d, decpt);
        body = layout_digits(d, decpt, decpt <= -4 || decpt > 16, false, f);
    } else if (lt == 'g') {
        if (precision == 0) precision = 1;
        std::string d;
        int e10;
        sci_digits(x, precision, d, e10);
        int decpt = e10 + 1;
        bool use_exp = decpt <= -4 || decpt > (f.add_dot_0 ? precision - 1 : precision);
        body = layout_digits(d, decpt, use_exp, !f.alt, f);
        if (upper)
            for (auto& c : body) c = char(toupper((unsigned char)c));
    } else {
        std::string fmt = std::string("%") + (f.alt ? "#" : "") + ".*" + type;
        int n = snprintf(nullptr, 0, fmt.c_str(), precision, std::fabs(x));
        body.resize(size_t(n) + 1);
        snprintf(body.data(), body.size(), fmt.c_str(), precision, std::fabs(x));
        body.pop_back();
    }
    if (neg && f.no_neg_0 && std::isfinite(x) &&
        body.find_first_of("123456789") >= body.find_first_of("eE"))
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

// ---------------------------------------------------------------- format spec

namespace {
constexpr int64_t kMaxWidth = int64_t(1) << 28; // beyond this the page would run out of memory

[[noreturn]] void value_error(const std::string& m) { throw NumError{"ValueError", m}; }

std::string char_for_error(char32_t c) {
    if (c > 32 && c < 128) return std::string(1, char(c));
    char buf[16];
    snprintf(buf, sizeof buf, "\\x%x", unsigned(c));
    return buf;
}

[[noreturn]] void unknown_code(char32_t type, std::string_view tname) {
    value_error("Unknown format code '" + char_for_error(type) + "' for object of type '" +
                std::string(tname) + "'");
}

bool is_align(char32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; }

// Reads a run of decimal digits; returns how many were read.
size_t read_int(const std::u32string& s, size_t& pos, int64_t& out) {
    size_t start = pos;
    out = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        int d = int(s[pos] - '0');
        if (out > (INT64_MAX - d) / 10) value_error("Too many decimal digits in format string");
        out = out * 10 + d;
        pos++;
    }
    return pos - start;
}

void pad_fill(std::string& out, char32_t fill, int64_t n) {
    if (n <= 0) return;
    if (n > kMaxWidth) throw NumError{"MemoryError", ""};
    if (fill < 0x80) {
        out.append(size_t(n), char(fill));
    } else {
        std::string one;
        utf8_append(one, fill);
        for (int64_t i = 0; i < n; i++) out += one;
    }
}

// A number split the way CPython's calc_number_widths sees it.
struct Parts {
    char sign = 0;      // '-' when negative
    std::string prefix; // "0x" ...
    std::string digits; // integer digits (grouped and zero-padded here)
    std::string rest;   // decimal point, fraction, exponent, '%', or the 'c' character
    bool no_digits = false;
};

// Thousands grouping with CPython's zero-padding rule (_PyUnicode_InsertThousandsGrouping).
std::string group_digits(const std::string& d, int64_t min_width, int group, char sep) {
    std::string out; // built reversed
    int64_t remaining = int64_t(d.size());
    size_t src = d.size();
    auto emit = [&](int64_t l, bool use_sep) {
        int64_t zeros = std::max<int64_t>(0, l - remaining);
        int64_t chars = std::max<int64_t>(0, std::min(remaining, l));
        if (use_sep) out.push_back(sep);
        for (int64_t i = 0; i < chars; i++) out.push_back(d[--src]);
        if (zeros > kMaxWidth) throw NumError{"MemoryError", ""};
        out.append(size_t(zeros), '0');
        remaining -= chars;
    };
    if (group > 0) {
        bool use_sep = false;
        while (true) {
            int64_t l = std::min<int64_t>(group, std::max<int64_t>({remaining, min_width, 1}));
            emit(l, use_sep);
            use_sep = true;
            min_width -= l;
            if (remaining <= 0 && min_width <= 0) break;
            min_width -= 1;
        }
    } else {
        emit(std::max<int64_t>({remaining, min_width, 1}), false);
    }
    return std::string(out.rbegin(), out.rend());
}

std::string render_number(Parts p, const FormatSpec& f, int group, char sep) {
    std::string sign;
    if (f.sign == '+')
        sign = p.sign == '-' ? "-" : "+";
    else if (f.sign == ' ')
        sign = p.sign == '-' ? "-" : " ";
    else if (p.sign == '-')
        sign = "-";
    char align = f.align ? f.align : '>';
    int64_t non_digit = int64_t(sign.size() + p.prefix.size() + utf8_length(p.rest));
    int64_t min_width = (f.fill == '0' && align == '=') ? f.width - non_digit : 0;
    std::string digits = p.no_digits ? "" : group_digits(p.digits, min_width, sep ? group : 0, sep);
    int64_t pad = f.width - (non_digit + int64_t(digits.size()));
    int64_t lpad = 0, rpad = 0, spad = 0;
    if (pad > 0) {
        if (align == '<')
            rpad = pad;
        else if (align == '^')
            lpad = pad / 2, rpad = pad - lpad;
        else if (align == '=')
            spad = pad;
        else
            lpad = pad;
    }
    std::string out;
    pad_fill(out, f.fill, lpad);
    out += sign + p.prefix;
    pad_fill(out, f.fill, spad);
    out += digits + p.rest;
    pad_fill(out, f.fill, rpad);
    return out;
}

void check_int_spec(const FormatSpec& f) {
    if (f.precision != -1) value_error("Precision not allowed in integer format specifier");
    if (f.z) value_error("Negative zero coercion (z) not allowed in integer format specifier");
    if (f.type == 'c') {
        if (f.sign) value_error("Sign not allowed with integer format specifier 'c'");
        if (f.alt) value_error("Alternate form (#) not allowed with integer format specifier 'c'");
    }
}

std::string format_int_digits(bool neg, const std::string& mag_digits, const FormatSpec& f) {
    Parts p;
    p.sign = neg ? '-' : 0;
    p.digits = mag_digits;
    char t = char(f.type);
    if (f.alt && (t == 'b' || t == 'o' || t == 'x' || t == 'X'))
        p.prefix = std::string("0") + (t == 'b' ? 'b' : t == 'o' ? 'o' : t);
    if (t == 'X')
        for (auto& c : p.digits) c = char(toupper((unsigned char)c));
    int group = (t == 'b' || t == 'o' || t == 'x' || t == 'X') ? 4 : 3;
    return render_number(p, f, group, f.grouping);
}

std::string format_char(int64_t v, const FormatSpec& f) {
    if (v < 0 || v > 0x10ffff) throw NumError{"OverflowError", "%c arg not in range(0x110000)"};
    Parts p;
    utf8_append(p.rest, char32_t(v));
    p.no_digits = true;
    return render_number(p, f, 0, 0);
}

bool is_float_type(char32_t t) {
    return t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%';
}

std::string format_float_spec(double x, FormatSpec f) {
    if (f.precision > INT32_MAX) value_error("precision too big");
    DtoaFlags fl;
    fl.alt = f.alt;
    fl.no_neg_0 = f.z;
    char type = char(f.type);
    int default_precision = 6;
    if (type == 0) {
        fl.add_dot_0 = true;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') type = 'g';
    bool pct = false;
    if (type == '%') {
        type = 'f';
        x *= 100;
        pct = true;
    }
    int precision = int(f.precision);
    if (f.precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    std::string s = double_to_string(x, type, precision, fl);
    Parts p;
    size_t i = 0;
    if (!s.empty() && s[0] == '-') p.sign = '-', i = 1;
    size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') j++;
    p.digits = s.substr(i, j - i);
    p.no_digits = p.digits.empty();
    p.rest = s.substr(j) + (pct ? "%" : "");
    return render_number(p, f, 3, f.type == 'n' ? 0 : f.grouping);
}
} // namespace

FormatSpec parse_format_spec(std::string_view spec_utf8, std::string_view tname,
                             char default_align) {
    std::u32string s;
    for (size_t i = 0; i < spec_utf8.size();) s.push_back(utf8_next(spec_utf8, i));
    FormatSpec f;
    size_t pos = 0, end = s.size();
    bool align_given = false;
    if (end - pos >= 2 && is_align(s[pos + 1])) {
        f.fill = s[pos];
        f.align = char(s[pos + 1]);
        f.fill_given = align_given = true;
        pos += 2;
    } else if (end - pos >= 1 && is_align(s[pos])) {
        f.align = char(s[pos++]);
        align_given = true;
    }
    if (pos < end && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) f.sign = char(s[pos++]);
    if (pos < end && s[pos] == 'z') f.z = true, pos++;
    if (pos < end && s[pos] == '#') f.alt = true, pos++;
    if (!f.fill_given && pos < end && s[pos] == '0') {
        f.fill = '0';
        f.zero = true;
        if (!align_given && default_align == '>') f.align = '=';
        pos++;
    }
    if (read_int(s, pos, f.width) == 0) f.width = -1;
    if (pos < end && s[pos] == ',') f.grouping = ',', pos++;
    if (pos < end && s[pos] == '_') {
        if (f.grouping) value_error("Cannot specify both ',' and '_'.");
        f.grouping = '_';
        pos++;
    }
    if (pos < end && s[pos] == ',' && f.grouping == '_')
        value_error("Cannot specify both ',' and '_'.");
    if (pos < end && s[pos] == '.') {
        pos++;
        if (read_int(s, pos, f.precision) == 0) value_error("Format specifier missing precision");
    }
    if (end - pos > 1) {
        std::string rest;
        for (size_t k = 0; k < end; k++) utf8_append(rest, s[k]);
        value_error("Invalid format specifier '" + rest + "' for object of type '" +
                    std::string(tname) + "'");
    }
    if (end - pos == 1) f.type = s[pos];
    if (f.width > kMaxWidth) throw NumError{"MemoryError", ""};
    if (f.grouping) {
        char32_t t = f.type ? f.type : (default_align == '<' ? 's' : 0);
        bool ok = t == 'd' || t == 'e' || t == 'f' || t == 'g' || t == 'E' || t == 'G' ||
                  t == '%' || t == 'F' || t == 0;
        if (!ok && f.grouping == '_' && (t == 'b' || t == 'o' || t == 'x' || t == 'X')) ok = true;
        if (!ok)
            value_error(std::string("Cannot specify '") + f.grouping + "' with '" +
                        char_for_error(t) + "'.");
    }
    return f;
}

std::string format_float(double x, std::string_view spec) {
    if (spec.empty()) return float_repr(x);
    FormatSpec f = parse_format_spec(spec, "float", '>');
    if (!(f.type == 0 || f.type == 'n' || is_float_type(f.type))) unknown_code(f.type, "float");
    return format_float_spec(x, f);
}

std::string format_int(int64_t v, std::string_view spec) {
    if (spec.empty()) return std::to_string(v);
    FormatSpec f = parse_format_spec(spec, "int", '>');
    if (f.type == 0) f.type = 'd';
    if (is_float_type(f.type)) return format_float_spec(int_truediv(v, 1), f);
    char t = char(f.type);
    if (!(t == 'b' || t == 'c' || t == 'd' || t == 'o' || t == 'x' || t == 'X' || t == 'n') ||
        f.type > 127)
        unknown_code(f.type, "int");
    check_int_spec(f);
    if (t == 'c') return format_char(v, f);
    return format_int(BigInt(v), spec);
}

std::string format_int(const BigInt& v, std::string_view spec) {
    if (spec.empty()) return v.to_string();
    FormatSpec f = parse_format_spec(spec, "int", '>');
    if (f.type == 0) f.type = 'd';
    if (is_float_type(f.type)) return format_float_spec(v.to_double(), f);
    char t = char(f.type);
    if (!(t == 'b' || t == 'c' || t == 'd' || t == 'o' || t == 'x' || t == 'X' || t == 'n') ||
        f.type > 127)
        unknown_code(f.type, "int");
    check_int_spec(f);
    if (t == 'c') {
        if (!v.fits_int64())
            throw NumError{"OverflowError", "Python int too large to convert to C long"};
        return format_char(v.to_int64(), f);
    }
    BigInt a = v.abs();
    std::string d = (t == 'd' || t == 'n') ? a.to_string()
                                           : a.to_string_base(t == 'b'   ? 2
                                                              : t == 'o' ? 8
                                                                         : 16);
    return format_int_digits(v.is_negative(), d, f);
}

std::string format_str(std::string_view s, std::string_view spec) {
    if (spec.empty()) return std::string(s);
    FormatSpec f = parse_format_spec(spec, "str", '<');
    if (f.type != 0 && f.type != 's') unknown_code(f.type, "str");
    if (f.sign == ' ') value_error("Space not allowed in string format specifier");
    if (f.sign) value_error("Sign not allowed in string format specifier");
    if (f.z) value_error("Negative zero coercion (z) not allowed in string format specifier");
    if (f.alt) value_error("Alternate form (#) not allowed in string format specifier");
    if (f.align == '=') value_error("'=' alignment not allowed in string format specifier");
    std::string body = f.precision >= 0 ? utf8_truncate(s, size_t(f.precision)) : std::string(s);
    int64_t len = int64_t(utf8_length(body));
    int64_t total = f.width > len ? f.width : len;
    int64_t lpad = f.align == '>' ? total - len : f.align == '^' ? (total - len) / 2 : 0;
    std::string out;
    pad_fill(out, f.fill, lpad);
    out += body;
    pad_fill(out, f.fill, total - len - lpad);
    return out;
}

// ---------------------------------------------------------------- printf-style %

namespace {
[[noreturn]] void type_error(const std::string& m) { throw NumError{"TypeError", m}; }

// Lays out a converted number as unicode_format_arg_output does: sign, "0x"-style prefix,
// then padding with '0' (after the sign) or ' ' (before it).
std::string pad_number(std::string body, bool alt_prefix, bool plus, bool blank, bool zero,
                       bool ljust, int64_t width) {
    std::string sign;
    if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
        sign = body.substr(0, 1);
        body.erase(0, 1);
    } else if (plus) {
        sign = "+";
    } else if (blank) {
        sign = " ";
    }
    std::string prefix;
    if (alt_prefix) {
        prefix = body.substr(0, 2);
        body.erase(0, 2);
    }
    int64_t len = int64_t(utf8_length(body) + sign.size() + prefix.size());
    std::string out;
    if (ljust) {
        out = sign + prefix + body;
        pad_fill(out, ' ', width - len);
    } else if (zero) {
        out = sign + prefix;
        pad_fill(out, '0', width - len);
        out += body;
    } else {
        pad_fill(out, ' ', width - len);
        out += sign + prefix + body;
    }
    return out;
}
} // namespace

std::string percent_format(std::string_view fmt_utf8, const PercentArgs& args) {
    std::u32string fmt;
    for (size_t i = 0; i < fmt_utf8.size();) fmt.push_back(utf8_next(fmt_utf8, i));
    // argidx/arglen as in CPython: a lone non-tuple operand is arglen -1, argidx -2.
    int64_t arglen = args.is_tuple ? int64_t(args.nargs) : -1;
    int64_t argidx = args.is_tuple ? 0 : -2;
    size_t current_single = 0; // handle of the lone operand (0), or of a %(key) value
    auto next_arg = [&]() -> size_t {
        if (argidx < arglen) {
            int64_t i = argidx++;
            return arglen < 0 ? current_single : size_t(i);
        }
        type_error("not enough arguments for format string");
    };
    std::string out;
    size_t pos = 0, n = fmt.size();
    while (pos < n) {
        if (fmt[pos] != '%') {
            utf8_append(out, fmt[pos++]);
            continue;
        }
        pos++;
        if (pos < n && fmt[pos] == '%') {
            out.push_back('%');
            pos++;
            continue;
        }
        if (pos < n && fmt[pos] == '(') {
            if (!args.is_mapping) type_error("format requires a mapping");
            size_t keystart = ++pos;
            int depth = 1;
            while (depth > 0 && pos < n) {
                if (fmt[pos] == '(')
                    depth++;
                else if (fmt[pos] == ')')
                    depth--;
                pos++;
            }
            if (depth > 0) value_error("incomplete format key");
            std::string key;
            for (size_t k = keystart; k < pos - 1; k++) utf8_append(key, fmt[k]);
            current_single = args.lookup(key);
            arglen = -1;
            argidx = -2;
        }
        bool ljust = false, plus = false, blank = false, alt = false, zero = false;
        for (; pos < n; pos++) {
            char32_t c = fmt[pos];
            if (c == '-')
                ljust = true;
            else if (c == '+')
                plus = true;
            else if (c == ' ')
                blank = true;
            else if (c == '#')
                alt = true;
            else if (c == '0')
                zero = true;
            else
                break;
        }
        auto star = [&]() -> int64_t {
            PercentNumber v = args.number(next_arg());
            if (v.kind != PercentNumber::Int) type_error("* wants int");
            return v.i;
        };
        int64_t width = -1, prec = -1;
        if (pos < n && fmt[pos] == '*') {
            width = star();
            if (width < 0) ljust = true, width = -width;
            pos++;
        } else {
            for (width = -1; pos < n && fmt[pos] >= '0' && fmt[pos] <= '9'; pos++) {
                int d = int(fmt[pos] - '0');
                if (width < 0) width = 0;
                if (width > (INT64_MAX - d) / 10) value_error("width too big");
                width = width * 10 + d;
            }
        }
        if (pos < n && fmt[pos] == '.') {
            pos++;
            prec = 0;
            if (pos < n && fmt[pos] == '*') {
                prec = star();
                if (prec < 0) prec = 0;
                pos++;
            } else {
                for (; pos < n && fmt[pos] >= '0' && fmt[pos] <= '9'; pos++) {
                    int d = int(fmt[pos] - '0');
                    if (prec > (INT64_MAX - d) / 10) value_error("precision too big");
                    prec = prec * 10 + d;
                }
            }
        }
        while (pos < n && (fmt[pos] == 'h' || fmt[pos] == 'l' || fmt[pos] == 'L')) pos++;
        if (pos >= n) value_error("incomplete format");
        char32_t c = fmt[pos++];
        if (width > kMaxWidth || prec > kMaxWidth) throw NumError{"MemoryError", ""};
        const size_t h = next_arg(); // CPython fetches the argument before checking the code
        std::string body;
        switch (c) {
        case 's':
        case 'r':
        case 'a': {
            body = c == 's' ? args.str(h) : c == 'r' ? args.repr(h) : args.ascii(h);
            if (prec >= 0) body = utf8_truncate(body, size_t(prec));
            out += pad_number(body, false, false, false, false, ljust, width).substr(0);
            continue;
        }
        case 'c': {
            PercentNumber v = args.number(h);
            if (v.is_str) {
                if (utf8_length(v.str_value) != 1) type_error("%c requires int or char");
                body = v.str_value;
            } else if (v.kind == PercentNumber::Int || v.kind == PercentNumber::Big) {
                if (v.kind == PercentNumber::Big || v.i < 0 || v.i > 0x10ffff)
                    throw NumError{"OverflowError", "%c arg not in range(0x110000)"};
                utf8_append(body, char32_t(v.i));
            } else {
                type_error("%c requires int or char");
            }
            if (prec >= 0) body = utf8_truncate(body, size_t(prec));
            int64_t len = int64_t(utf8_length(body));
            std::string padded;
            if (!ljust) pad_fill(padded, ' ', width - len);
            padded += body;
            if (ljust) pad_fill(padded, ' ', width - len);
            out += padded;
            continue;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X': {
            PercentNumber v = args.number(h);
            bool intlike = c == 'o' || c == 'x' || c == 'X';
            BigInt b;
            if (v.kind == PercentNumber::Int)
                b = BigInt(v.i);
            else if (v.kind == PercentNumber::Big)
                b = v.big;
            else if (v.kind == PercentNumber::Float && !intlike)
                b = BigInt::from_double(v.f);
            else if (intlike)
                type_error(std::string("%") + char(c) + " format: an integer is required, not " +
                           v.type_name);
            else
                type_error(std::string("%") + char(c) + " format: a real number is required, not " +
                           v.type_name);
            BigInt a = b.abs();
            std::string digits = intlike ? a.to_string_base(c == 'o' ? 8 : 16) : a.to_string();
            if (c == 'X')
                for (auto& ch : digits) ch = char(toupper((unsigned char)ch));
            if (prec > int64_t(digits.size())) digits.insert(0, size_t(prec) - digits.size(), '0');
            bool pre = alt && intlike;
            body = std::string(b.is_negative() ? "-" : "") +
                   (pre ? std::string("0") + char(c) : "") + digits;
            out += pad_number(body, pre, plus, blank, zero, ljust, width);
            continue;
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
            PercentNumber v = args.number(h);
            double x;
            if (v.kind == PercentNumber::Float)
                x = v.f;
            else if (v.kind == PercentNumber::Int)
                x = double(v.i);
            else if (v.kind == PercentNumber::Big)
                x = v.big.to_double();
            else
                type_error("must be real number, not " + v.type_name);
            DtoaFlags fl;
            fl.alt = alt;
            if (prec > INT32_MAX) value_error("precision too big");
            body = double_to_string(x, char(c), prec < 0 ? 6 : int(prec), fl);
            out += pad_number(body, false, plus, blank, zero, ljust, width);
            continue;
        }
        default: {
            char buf[96];
            snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu",
                     (c >= 32 && c <= 126) ? char(c) : '?', unsigned(c), pos - 1);
            value_error(buf);
        }
        }
    }
    if (argidx < arglen && !args.is_mapping)
        type_error("not all arguments converted during string formatting");
    return out;
}

// ---------------------------------------------------------------- float arithmetic

double float_truediv(double a, double b) {
    if (b == 0) throw NumError{"ZeroDivisionError", "float division by zero"};
    return a / b;
}

namespace {
// CPython's float_divmod core (floatobject.c), b != 0.
void divmod_core(double vx, double wx, double& floordiv, double& mod) {
    mod = std::fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod != 0) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, wx);
    }
    if (div != 0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = std::copysign(0.0, vx / wx);
    }
}
} // namespace

double float_floordiv(double a, double b) {
    if (b == 0) throw NumError{"ZeroDivisionError", "float floor division by zero"};
    double q, r;
    divmod_core(a, b, q, r);
    return q;
}

double float_mod(double a, double b) {
    if (b == 0) throw NumError{"ZeroDivisionError", "float modulo"};
    double mod = std::fmod(a, b);
    if (mod != 0) {
        if ((b < 0) != (mod < 0)) mod += b;
    } else {
        mod = std::copysign(0.0, b);
    }
    return mod;
}

void float_divmod(double a, double b, double& q, double& r) {
    if (b == 0) throw NumError{"ZeroDivisionError", "float divmod()"};
    divmod_core(a, b, q, r);
}

double float_pow(double iv, double iw, bool* complex_result) {
    if (complex_result) *complex_result = false;
    if (iw == 0) return 1.0;
    if (std::isnan(iv)) return iv;
    if (std::isnan(iw)) return iv == 1.0 ? 1.0 : iw;
    auto is_odd_int = [](double w) { return std::fabs(std::fmod(w, 2.0)) == 1.0; };
    if (std::isinf(iw)) {
        double av = std::fabs(iv);
        if (av == 1.0) return 1.0;
        if ((iw > 0) == (av > 1.0)) return std::fabs(iw);
        return 0.0;
    }
    if (std::isinf(iv)) {
        bool odd = is_odd_int(iw);
        if (iw > 0) return odd ? iv : std::fabs(iv);
        return odd ? std::copysign(0.0, iv) : 0.0;
    }
    if (iv == 0.0) {
        if (iw < 0.0)
            throw NumError{"ZeroDivisionError", "0.0 cannot be raised to a negative power"};
        return is_odd_int(iw) ? iv : 0.0;
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != std::floor(iw)) {
            if (complex_result) {
                *complex_result = true;
                return NAN;
            }
            throw NumError{"ValueError", "math domain error"};
        }
        iv = -iv;
        negate = is_odd_int(iw);
    }
    if (iv == 1.0) return negate ? -1.0 : 1.0;
    double ix = std::pow(iv, iw);
    if (std::isinf(ix)) throw NumError{"OverflowError", "(34, 'Numerical result out of range')"};
    return negate ? -ix : ix;
}

// ---------------------------------------------------------------- round

double round_half_even(double x) {
    double r = std::round(x);
    if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);
    return r;
}

BigInt round_to_int(double x) { return BigInt::from_double(round_half_even(x)); }

double round_double(double x, int64_t ndigits) {
    if (!std::isfinite(x) || x == 0) return x;
    if (ndigits > 323) return x;
    if (ndigits < -308) return 0.0 * x;
    double r;
    if (ndigits >= 0) {
        // "%.Nf" rounds the exact binary value half-even, as dtoa mode 3 does.
        int n = snprintf(nullptr, 0, "%.*f", int(ndigits), x);
        std::string buf(size_t(n) + 1, '\0');
        snprintf(buf.data(), buf.size(), "%.*f", int(ndigits), x);
        r = strtod(buf.c_str(), nullptr);
    } else {
        // Round the exact value to a multiple of 10**-ndigits with integers.
        double t = std::trunc(x);
        double frac = x - t;
        BigInt xi = BigInt::from_double(t).abs();
        BigInt unit = BigInt::pow(10, -ndigits), q, rem;
        BigInt::divmod(xi, unit, q, rem);
        BigInt half = BigInt::floordiv(unit, 2);
        int c = BigInt::cmp(rem, half);
        if (c > 0 || (c == 0 && (frac != 0 || q.is_odd()))) q = q + 1;
        try {
            r = (q * unit).to_double();
        } catch (const NumError&) {
            throw NumError{"OverflowError", "rounded value too large to represent"};
        }
        if (x < 0) r = -r;
    }
    if (std::isinf(r)) throw NumError{"OverflowError", "rounded value too large to represent"};
    return r;
}

} // namespace lmpy
