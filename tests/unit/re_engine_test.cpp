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
    // catastrophic-looking patterns terminate (their speed is a bench matter, not a unit test's)
    auto p3 = re::compile(U"(?:(?:a+)+)+x", 0);
    CHECK(!re::match(*p3, std::u32string(30, U'a'), 0, LONG_MAX, re::Mode::Search));
    auto p4 = re::compile(U"(a*)*b", 0);
    CHECK(!re::match(*p4, std::u32string(30, U'a'), 0, LONG_MAX, re::Mode::Match));
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

TEST_CASE("re engine: CountVectorizer token pattern on a long text and on Unicode words", "[re]") {
    auto p = re::compile(U"(?u)\\b\\w\\w+\\b", 0);
    std::u32string doc;
    for (int i = 0; i < 20000; ++i) doc += U"the quick brown fox, jumps over 1 lazy dog! ";
    auto rows = re::findall(*p, doc);
    CHECK(rows.size() == 20000u * 8);
    CHECK(rows[0][0] == U"the");
    auto words = re::findall(*p, U"Ünïcödé wörds: naïve café, Δέλτα, Москва, 東京, ١٢٣ x");
    REQUIRE(words.size() == 8);
    CHECK(words[5][0] == U"Москва");
    CHECK(words[6][0] == U"東京");
}

TEST_CASE("re engine: API helpers", "[re]") {
    auto p = re::compile(U"(?P<word>\\w+)-(?P<num>\\d+)?", 0);
    CHECK(p->groups() == 2);
    CHECK(p->group_index(U"num") == 2);
    CHECK(p->group_index(U"nope") == -1);
    REQUIRE(p->group_name(1));
    CHECK(*p->group_name(1) == U"word");
    CHECK(p->flags() == re::UNICODE);
    CHECK(re::compile(U"(?P<word>\\w+)-(?P<num>\\d+)?", 0) == p); // cached
    CHECK(re::compile(U"(?P<word>\\w+)-(?P<num>\\d+)?", re::IGNORECASE) != p);

    std::u32string s = U"ab-12 cd- ef-3";
    int seen = 0;
    re::scan(*p, s, 0, LONG_MAX, [&](const re::Match& m) {
        ++seen;
        CHECK(m.pos == 0);
        return seen < 2; // stop early
    });
    CHECK(seen == 2);

    re::Scanner sc(p, s);
    auto m1 = sc.next(re::Mode::Match);
    REQUIRE(m1);
    CHECK(m1->group(s, 2) == U"12");
    CHECK(!sc.next(re::Mode::Match)); // " cd-" does not match at 5

    auto t = re::parse_template(*p, U"\\g<num>:\\1");
    CHECK(!t.literal_only());
    CHECK(re::parse_template(*p, U"plain").literal_only());
    auto [out, n] = re::subn(*p, t, s);
    CHECK(out == U"12:ab :cd 3:ef");
    CHECK(n == 3);
    auto [out2, n2] = re::subn(
        *p, s, 1, [&](const re::Match& m) { return std::u32string(m.group(s, 1)) + U"!"; });
    CHECK(out2 == U"ab! cd- ef-3");
    CHECK(n2 == 1);

    auto parts = re::split(*re::compile(U"(-)|(,)", 0), U"a-b,c");
    REQUIRE(parts.size() == 7);
    CHECK(*parts[1] == U"-");
    CHECK(!parts[2]);
    CHECK(re::escape(U"a.b c") == U"a\\.b\\ c");

    CHECK(re::is_word(U'ж'));
    CHECK(re::is_digit(U'٣'));
    CHECK(re::is_space(U'\u3000'));
    CHECK(re::fold(U'\u212a') == U'k');
    CHECK(re::fold(U'Σ') == re::fold(U'ς'));

    try {
        re::parse_template(*p, U"\\g<missing>");
        FAIL("no error");
    } catch (const re::Error& e) {
        CHECK(e.kind == re::ErrorKind::Index);
        CHECK(e.message == "unknown group name 'missing'");
    }
}
