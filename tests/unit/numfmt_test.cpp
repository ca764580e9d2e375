// numfmt against CPython 3.11: cases come from tests/unit/gen/numfmt_gen.py.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "py/numfmt.h"

using namespace lmpy;

namespace {
struct Case {
    const char* kind;
    const char* a;
    const char* b;
    const char* expect;
};
const Case kCases[] = {
#include "gen/numfmt_cases.inc"
};

double hexd(const char* s) { return std::strtod(s, nullptr); }

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> r;
    size_t start = 0;
    while (true) {
        size_t p = s.find(sep, start);
        r.push_back(s.substr(start, p - start));
        if (p == std::string::npos) break;
        start = p + 1;
    }
    return r;
}

// A tagged Python value of the generator ("i:5", "f:0x1.8p+0", "s:abc", "B:1", "n:").
struct Val {
    char tag;
    std::string text;
};

std::string ascii_of(const std::string& repr) {
    std::string out;
    for (size_t i = 0; i < repr.size();) {
        unsigned char c = repr[i];
        if (c < 0x80) {
            out.push_back(char(c));
            i++;
            continue;
        }
        int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
        char32_t cp = c & (0x3f >> extra);
        for (int k = 1; k <= extra; k++) cp = (cp << 6) | (repr[i + k] & 0x3f);
        i += extra + 1;
        char buf[16];
        if (cp < 0x100)
            snprintf(buf, sizeof buf, "\\x%02x", unsigned(cp));
        else if (cp < 0x10000)
            snprintf(buf, sizeof buf, "\\u%04x", unsigned(cp));
        else
            snprintf(buf, sizeof buf, "\\U%08x", unsigned(cp));
        out += buf;
    }
    return out;
}

std::string val_str(const Val& v) {
    switch (v.tag) {
    case 'i': return v.text;
    case 'f': return float_repr(hexd(v.text.c_str()));
    case 's': return v.text;
    case 'B': return v.text == "1" ? "True" : "False";
    default: return "None";
    }
}
std::string val_repr(const Val& v) { return v.tag == 's' ? py_str_repr(v.text) : val_str(v); }

PercentNumber val_number(const Val& v) {
    PercentNumber n;
    if (v.tag == 'i' || v.tag == 'B') {
        BigInt b = BigInt::parse(v.text);
        if (b.fits_int64()) {
            n.kind = PercentNumber::Int;
            n.i = b.to_int64();
        } else {
            n.kind = PercentNumber::Big;
            n.big = b;
        }
        n.type_name = v.tag == 'i' ? "int" : "bool";
    } else if (v.tag == 'f') {
        n.kind = PercentNumber::Float;
        n.f = hexd(v.text.c_str());
        n.type_name = "float";
    } else if (v.tag == 's') {
        n.type_name = "str";
        n.is_str = true;
        n.str_value = v.text;
    } else {
        n.type_name = "NoneType";
    }
    return n;
}

std::string run_percent(const std::string& fmt, std::string spec) {
    PercentArgs args;
    std::vector<Val> vals;
    std::map<std::string, size_t> keys;
    bool mapping = !spec.empty() && spec[0] == 'M';
    bool tuple = !spec.empty() && spec[0] == 'T';
    if (mapping || tuple) spec.erase(0, 1);
    if (mapping) vals.push_back(Val{'s', "{...}"}); // handle 0: the dict itself
    if (!spec.empty() || !tuple)
        for (const std::string& item : split(spec, '\x1e')) {
            if (item.empty()) continue;
            std::string it = item;
            if (mapping) {
                size_t eq = it.find('=');
                keys[it.substr(0, eq)] = vals.size();
                it = it.substr(eq + 1);
            }
            vals.push_back(Val{it[0], it.substr(2)});
        }
    args.is_tuple = tuple;
    args.is_mapping = mapping;
    args.nargs = tuple ? vals.size() : 1;
    args.lookup = [&](std::string_view k) -> size_t {
        auto it = keys.find(std::string(k));
        if (it == keys.end()) throw NumError{"KeyError", "'" + std::string(k) + "'"};
        return it->second;
    };
    auto at = [&](size_t h) -> const Val& { return vals.at(h); };
    args.str = [&](size_t h) { return val_str(at(h)); };
    args.repr = [&](size_t h) { return val_repr(at(h)); };
    args.ascii = [&](size_t h) { return ascii_of(val_repr(at(h))); };
    args.number = [&](size_t h) { return val_number(at(h)); };
    return percent_format(fmt, args);
}

std::string run(const Case& k) {
    std::string kind = k.kind;
    try {
        if (kind == "repr") return float_repr(hexd(k.a));
        if (kind == "parse") return float_repr(parse_float(k.a));
        if (kind == "fmt_int") {
            BigInt v = BigInt::parse(k.a);
            std::string r1 = format_int(v, k.b);
            if (v.fits_int64()) {
                std::string r2 = format_int(v.to_int64(), k.b);
                if (r1 != r2) return "int64/BigInt mismatch: " + r2 + " vs " + r1;
            }
            return r1;
        }
        if (kind == "fmt_float") return format_float(hexd(k.a), k.b);
        if (kind == "fmt_str") return format_str(k.a, k.b);
        double a = hexd(k.a), b = hexd(k.b);
        if (kind == "round0") return round_to_int(a).to_string();
        if (kind == "round") return float_repr(round_double(a, std::atoi(k.b)));
        if (kind == "floordiv") return float_repr(float_floordiv(a, b));
        if (kind == "mod") return float_repr(float_mod(a, b));
        if (kind == "truediv") return float_repr(float_truediv(a, b));
        if (kind == "divmod") {
            double q, r;
            float_divmod(a, b, q, r);
            return float_repr(q) + "," + float_repr(r);
        }
        if (kind == "pow") {
            bool cplx = false;
            double r = float_pow(a, b, &cplx);
            return cplx ? "complex" : float_repr(r);
        }
        if (kind == "percent") return run_percent(k.a, k.b);
        return "?kind " + kind;
    } catch (const NumError& e) {
        return "!" + e.type + ": " + e.message;
    }
}
} // namespace

TEST_CASE("numfmt matches CPython on generated cases", "[numfmt]") {
    int failures = 0;
    for (const Case& k : kCases) {
        std::string got = run(k);
        for (size_t p; (p = got.find('\0')) != std::string::npos;) got.replace(p, 1, "<NUL>");
        if (got != k.expect && failures++ < 40) {
            INFO(k.kind << " a=" << k.a << " b=" << k.b);
            CHECK(got == k.expect);
        }
    }
    CHECK(failures == 0);
}

TEST_CASE("float_repr basics", "[numfmt]") {
    CHECK(float_repr(0.1) == "0.1");
    CHECK(float_repr(1e16) == "1e+16");
    CHECK(float_repr(-0.0) == "-0.0");
    CHECK(float_repr(1e-5) == "1e-05");
    CHECK(float_repr(NAN) == "nan");
    CHECK(float_repr(-INFINITY) == "-inf");
    double d;
    CHECK(try_parse_float(" 1_0.5 ", d));
    CHECK(d == 10.5);
    CHECK_FALSE(try_parse_float("0x10", d));
}
