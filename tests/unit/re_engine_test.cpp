// Tests for lmpy::re. Most cases are generated from CPython 3.11's re by
// tests/unit/gen/re_gen_cases.py into tests/unit/gen/re_cases.inc: each case runs one
// operation and renders the result in a canonical text form that the generator computes
// the same way from CPython, so any difference (spans, lastindex, error text) fails.
#include <catch2/catch.hpp>

#include "gen/re_render.h"

#include <chrono>
#include <string>

namespace re = lmpy::re;

namespace {

using re_render::Case;
using re_render::run_case;
using re_render::u8;

#include "gen/re_cases.inc"

} // namespace

TEST_CASE("re engine agrees with CPython on generated cases", "[re]") {
    int failures = 0;
    for (const Case& c : kCases) {
        std::string got = run_case(c);
        if (got != c.expected) {
            ++failures;
            if (failures <= 40) {
                INFO("pattern=" << u8(c.pattern) << " flags=" << c.flags << " op=" << c.op
                                << " subject=" << u8(c.subject) << " arg=" << u8(c.arg)
                                << " n1=" << c.n1 << " n2=" << c.n2);
                CHECK(got == std::string(c.expected));
            }
        }
    }
    CHECK(failures == 0);
    CHECK(sizeof(kCases) / sizeof(kCases[0]) > 5000);
}

TEST_CASE("re error fields", "[re]") {
    try {
        re::compile(U"(ab", 0);
        FAIL("no error");
    } catch (const re::Error& e) {
        CHECK(e.kind == re::ErrorKind::Re);
        CHECK(e.msg == "missing ), unterminated subpattern");
        CHECK(e.pos == 0);
        CHECK(e.lineno == 1);
        CHECK(e.colno == 1);
        CHECK(std::string(e.what()) == "missing ), unterminated subpattern at position 0");
    }
}

TEST_CASE("re engine: no stack overflow on long subjects and nested repeats", "[re]") {
    std::u32string big(100000, U'a');
    auto p = re::compile(U"(a|b)*c|(?:a)*$", 0);
    auto m = re::match(*p, big, 0, LONG_MAX, re::Mode::Match);
    REQUIRE(m);
    CHECK(m->end() == 100000);
    auto p2 = re::compile(U"((a)|b)+", 0);
    auto m2 = re::match(*p2, big, 0, LONG_MAX, re::Mode::Match);
    REQUIRE(m2);
    CHECK(m2->end() == 100000);
    CHECK(m2->start(2) == 99999);
    auto p3 = re::compile(U"(?:(?:a+)+)+x", 0);
    auto t0 = std::chrono::steady_clock::now();
    CHECK(!re::match(*p3, std::u32string(30, U'a'), 0, LONG_MAX, re::Mode::Search));
    auto p4 = re::compile(U"(a*)*b", 0);
    CHECK(!re::match(*p4, std::u32string(30, U'a'), 0, LONG_MAX, re::Mode::Match));
    auto dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(dt < 2.0);
    std::u32string deep;
    for (int i = 0; i < 1000; ++i) deep += U"(";
    CHECK_THROWS_AS(re::compile(deep, 0), re::Error);
    std::u32string ok = std::u32string(400, U'(') + U"a" + std::u32string(400, U')');
    auto p5 = re::compile(ok, 0);
    auto m5 = re::match(*p5, U"a", 0, LONG_MAX, re::Mode::Match);
    REQUIRE(m5);
    CHECK(m5->groups() == 400);
    CHECK(m5->lastindex == 1);
}

TEST_CASE("re engine: poll hook and step budget", "[re]") {
    re::Limits saved = re::limits();
    re::Limits l;
    int polls = 0;
    l.poll = [&] {
        if (++polls == 3) throw std::runtime_error("interrupted");
    };
    l.poll_interval = 10000;
    re::set_limits(l);
    auto p = re::compile(U"(a|aa)*c", 0);
    CHECK_THROWS_AS(re::match(*p, std::u32string(40, U'a') + U"c" + std::u32string(1, U'b'), 0,
                              LONG_MAX, re::Mode::FullMatch),
                    std::runtime_error);
    re::Limits b;
    b.max_steps = 100000;
    re::set_limits(b);
    try {
        re::match(*p, std::u32string(40, U'a') + U"cb", 0, LONG_MAX, re::Mode::FullMatch);
        FAIL("no budget error");
    } catch (const re::Error& e) {
        CHECK(e.kind == re::ErrorKind::Budget);
    }
    re::set_limits(saved);
    // the engine is still usable after an exception escaped mid-match
    CHECK(re::match(*p, U"aac", 0, LONG_MAX, re::Mode::FullMatch));
}

TEST_CASE("re engine: CountVectorizer token pattern is fast", "[re]") {
    auto p = re::compile(U"(?u)\\b\\w\\w+\\b", 0);
    std::u32string doc;
    for (int i = 0; i < 20000; ++i) doc += U"the quick brown fox, jumps over 1 lazy dog! ";
    auto t0 = std::chrono::steady_clock::now();
    auto rows = re::findall(*p, doc);
    auto dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(rows.size() == 20000u * 8);
    CHECK(rows[0][0] == U"the");
    CHECK(dt < 1.0);
    auto words = re::findall(*p, U"Ünïcödé wörds: naïve café, Δέλτα, Москва, 東京, ١٢٣ x");
    REQUIRE(words.size() == 8);
    CHECK(words[5][0] == U"Москва");
    CHECK(words[6][0] == U"東京");
}
