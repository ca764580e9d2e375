// pyhash against CPython 3.11 with PYTHONHASHSEED=0 (tests/unit/gen/pyhash_gen.py).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "py/pyhash.h"

using namespace lmpy;

namespace {
struct Case {
    const char* kind;
    const char* a;
    const char* expect;
};
const Case kCases[] = {
#include "gen/pyhash_cases.inc"
};

int64_t hash_of_int_text(const std::string& s) {
    BigInt v = BigInt::parse(s);
    return v.fits_int64() ? hash_int(v.to_int64()) : hash_bigint(v);
}

std::vector<int64_t> item_hashes(const std::string& text) {
    std::vector<int64_t> r;
    std::istringstream in(text);
    std::string tok;
    while (in >> tok) r.push_back(hash_of_int_text(tok));
    return r;
}

int64_t run(const Case& k) {
    std::string kind = k.kind;
    if (kind == "int") {
        BigInt v = BigInt::parse(k.a);
        int64_t h = hash_bigint(v);
        if (v.fits_int64() && hash_int(v.to_int64()) != h) return 12345;
        return h;
    }
    if (kind == "float") return hash_double(std::strtod(k.a, nullptr), 0);
    if (kind == "str") return hash_str(k.a);
    if (kind == "bytes") return hash_bytes(k.a, std::string(k.a).size());
    std::vector<int64_t> h = item_hashes(k.a);
    if (kind == "tuple") return hash_tuple(h.data(), h.size());
    if (kind == "frozenset") return hash_frozenset(h.data(), h.size());
    return 999;
}
} // namespace

TEST_CASE("hashes match CPython 3.11 (PYTHONHASHSEED=0)", "[pyhash]") {
    int failures = 0;
    for (const Case& k : kCases) {
        std::string got = std::to_string(run(k));
        if (got != k.expect && failures++ < 30) {
            INFO(k.kind << " " << k.a);
            CHECK(got == k.expect);
        }
    }
    CHECK(failures == 0);
}

TEST_CASE("hash special values", "[pyhash]") {
    CHECK(hash_int(-1) == -2);
    CHECK(hash_double(-1.0, 0) == -2);
    CHECK(hash_double(1.0, 0) == hash_int(1));
    CHECK(hash_double(INFINITY, 0) == 314159);
    CHECK(hash_double(NAN, 0x7f0000001230ULL) == hash_pointer(0x7f0000001230ULL));
    CHECK(hash_bool(true) == 1);
    CHECK(hash_str("") == 0);
}
