// BigInt against CPython 3.11: the cases come from tests/unit/gen/bigint_gen.py.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "py/bigint.h"
#include "py/numfmt.h"

using namespace lmpy;

namespace {
struct Case {
    const char* op;
    const char* a;
    const char* b;
    const char* c;
    const char* d = nullptr;
};
const Case kCases[] = {
#include "gen/bigint_cases.inc"
};

std::string fstr(double d) { return float_repr(d); }

std::string run(const Case& k) {
    std::string op = k.op;
    try {
        if (op == "parse") {
            std::string r;
            try {
                r = BigInt::parse(k.a, std::stoi(k.b)).to_string();
            } catch (const NumError& e) {
                r = "!" + e.type + ": " + e.message;
            }
            if (r.size() >= 200) r = "len" + std::to_string(r.size()) + ":" + r.substr(0, 20);
            return r;
        }
        if (op == "from_double") return BigInt::from_double(std::strtod(k.a, nullptr)).to_string();
        if (op == "strpow10")
            return std::to_string(BigInt::pow(10, std::stoi(k.a)).to_string().size());
        if (op == "cmpd")
            return std::to_string(
                BigInt::cmp_double(BigInt::parse(k.a), std::strtod(k.b, nullptr)));
        BigInt a = BigInt::parse(k.a), b = BigInt::parse(k.b);
        if (op == "bit_count") return std::to_string(a.bit_count());
        if (op == "low_u64") return std::to_string(a.low_u64());
        if (op == "add") return (a + b).to_string();
        if (op == "sub") return (a - b).to_string();
        if (op == "mul") return (a * b).to_string();
        if (op == "floordiv") return BigInt::floordiv(a, b).to_string();
        if (op == "mod") return BigInt::mod(a, b).to_string();
        if (op == "divmod") {
            BigInt q, r;
            BigInt::divmod(a, b, q, r);
            return q.to_string() + "," + r.to_string();
        }
        if (op == "truediv") return fstr(BigInt::truediv(a, b));
        if (op == "and") return (a & b).to_string();
        if (op == "or") return (a | b).to_string();
        if (op == "xor") return (a ^ b).to_string();
        if (op == "cmp") return std::to_string(BigInt::cmp(a, b));
        if (op == "gcd") return BigInt::gcd(a, b).to_string();
        if (op == "shl") return BigInt::shl(a, b).to_string();
        if (op == "shr") return BigInt::shr(a, b).to_string();
        if (op == "powmod") return BigInt::pow_mod(a, b, BigInt::parse(k.c)).to_string();
        if (op == "neg") return (-a).to_string();
        if (op == "invert") return (~a).to_string();
        if (op == "str") return a.to_string();
        if (op == "hex") return a.to_string_base(16);
        if (op == "oct") return a.to_string_base(8);
        if (op == "bin") return a.to_string_base(2);
        if (op == "float") return fstr(a.to_double());
        if (op == "prefixed") return a.to_prefixed_string(std::stoi(k.b));
        if (op == "round") return BigInt::round_ndigits(a, std::stoi(k.b)).to_string();
        if (op == "bit_length") return std::to_string(a.bit_length());
        if (op == "isqrt") return BigInt::isqrt(a).to_string();
        if (op == "fits64") return a.fits_int64() ? "1" : "0";
        if (op == "pow") {
            if (a.abs() >= BigInt(1).shl(200) && BigInt::cmp(b, 4) >= 0) return "skip";
            return BigInt::pow(a, b).to_string();
        }
        return "?op " + op;
    } catch (const NumError& e) {
        return "!" + e.type + ": " + e.message;
    }
}
} // namespace

TEST_CASE("BigInt matches CPython on generated cases", "[bigint]") {
    int failures = 0;
    for (const Case& k : kCases) {
        const char* expect = k.d ? k.d : k.c;
        std::string got = run(k);
        if (got != expect && failures++ < 30) {
            INFO(k.op << " a=" << std::string(k.a).substr(0, 80)
                      << " b=" << std::string(k.b).substr(0, 80));
            CHECK(got == expect);
        }
    }
    CHECK(failures == 0);
}

TEST_CASE("int64 fast-path helpers", "[bigint]") {
    int64_t r;
    CHECK(checked_add(INT64_MAX - 1, 1, r));
    CHECK(r == INT64_MAX);
    CHECK_FALSE(checked_add(INT64_MAX, 1, r));
    CHECK_FALSE(checked_mul(int64_t(1) << 32, int64_t(1) << 31, r));
    CHECK(checked_pow(3, 39, r));
    CHECK(r == 4052555153018976267LL);
    CHECK_FALSE(checked_pow(3, 40, r));
    CHECK(checked_pow(-2, 63, r));
    CHECK(r == INT64_MIN);
    CHECK(checked_shl(-1, 63, r) == false); // conservative: falls back to BigInt
    CHECK(checked_shl(3, 61, r));
    CHECK_FALSE(checked_shl(3, 62, r));
    CHECK(checked_floordiv(-7, 2, r));
    CHECK(r == -4);
    CHECK_FALSE(checked_floordiv(INT64_MIN, -1, r));
    CHECK(int_mod(-7, 2) == 1);
    CHECK(int_mod(7, -2) == -1);
    CHECK(int_mod(INT64_MIN, -1) == 0);
    CHECK(int_truediv(1, 3) == 1.0 / 3);
    CHECK(float_repr(int_truediv(INT64_MAX, 3)) == "3.0744573456182584e+18");
    CHECK(int_gcd(-12, 18) == 6);
    CHECK_THROWS_AS(int_mod(1, 0), NumError);
}

TEST_CASE("BigInt big multiplication is consistent (Karatsuba vs schoolbook)", "[bigint]") {
    BigInt a = BigInt::pow(3, 5000), b = BigInt::pow(7, 3000) - 1;
    BigInt p = a * b;
    CHECK(BigInt::mod(p, a).is_zero());
    CHECK(BigInt::floordiv(p, b) == a);
    CHECK(BigInt::pow(2, 10000).to_string().size() == 3011);
}
