// Tests for lmpy::re. Most cases are generated from CPython 3.11's re by
// tests/unit/gen/re_gen_cases.py into tests/unit/gen/re_cases.inc: each case runs one
// operation and renders the result in a canonical text form that the generator computes
// the same way from CPython, so any difference (spans, lastindex, error text) fails.
#include <catch2/catch.hpp>

#include "py/modules/re_engine.h"

#include <chrono>
#include <string>

namespace re = lmpy::re;

namespace {

struct Case {
    const char32_t* pattern;
    int flags;
    const char* op;
    const char32_t* subject;
    const char32_t* arg;
    int n1, n2;
    const char* expected;
};

#include "gen/re_cases.inc"

std::string u8(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) {
        if (c < 0x80)
            out += char(c);
        else if (c < 0x800)
            out += char(0xC0 | (c >> 6)), out += char(0x80 | (c & 63));
        else if (c < 0x10000)
            out += char(0xE0 | (c >> 12)), out += char(0x80 | ((c >> 6) & 63)),
                out += char(0x80 | (c & 63));
        else
            out += char(0xF0 | (c >> 18)), out += char(0x80 | ((c >> 12) & 63)),
                out += char(0x80 | ((c >> 6) & 63)), out += char(0x80 | (c & 63));
    }
    return out;
}

std::string kind_name(const re::Error& e) {
    switch (e.kind) {
    case re::ErrorKind::Re: return "re.error";
    case re::ErrorKind::Overflow: return "OverflowError";
    case re::ErrorKind::Index: return "IndexError";
    case re::ErrorKind::Value: return "ValueError";
    case re::ErrorKind::Memory: return "MemoryError";
    case re::ErrorKind::Recursion: return "RecursionError";
    case re::ErrorKind::Budget: return "Budget";
    }
    return "?";
}

std::string render_match(const std::optional<re::Match>& m, const re::Program& p) {
    if (!m) return "None";
    std::string out;
    for (int g = 0; g <= m->groups(); ++g)
        out += "(" + std::to_string(m->start(g)) + "," + std::to_string(m->end(g)) + ")";
    out += ";li=" + (m->lastindex < 0 ? std::string("None") : std::to_string(m->lastindex));
    const std::u32string* name = m->lastindex < 0 ? nullptr : p.group_name(m->lastindex);
    out += ";lg=" + (name ? u8(*name) : std::string("None"));
    return out;
}

std::string run_case_raw(const Case& c);

// The canonical rendering shared with re_gen_cases.py (NUL shown as \0).
std::string run_case(const Case& c) {
    std::string raw = run_case_raw(c), out;
    for (char ch : raw) {
        if (ch == 0)
            out += "\\0";
        else
            out += ch;
    }
    return out;
}

std::string run_case_raw(const Case& c) {
    try {
        auto prog = re::compile(c.pattern, c.flags);
        std::u32string_view s = c.subject;
        std::string op = c.op;
        long endpos = c.n2 < 0 ? LONG_MAX : c.n2;
        if (op == "compile") {
            std::string out = "flags=" + std::to_string(prog->flags()) +
                              ";groups=" + std::to_string(prog->groups()) + ";names=";
            for (auto& [n, g] : prog->group_names()) out += u8(n) + ":" + std::to_string(g) + ",";
            return out;
        }
        if (op == "search")
            return render_match(re::match(*prog, s, c.n1, endpos, re::Mode::Search), *prog);
        if (op == "match")
            return render_match(re::match(*prog, s, c.n1, endpos, re::Mode::Match), *prog);
        if (op == "fullmatch")
            return render_match(re::match(*prog, s, c.n1, endpos, re::Mode::FullMatch), *prog);
        if (op == "findall") {
            std::string out;
            for (auto& row : re::findall(*prog, s, c.n1, endpos)) {
                out += "[";
                for (size_t i = 0; i < row.size(); ++i) out += (i ? "\037" : "") + u8(row[i]);
                out += "]";
            }
            return out;
        }
        if (op == "finditer") {
            std::string out;
            re::Scanner sc(prog, s, c.n1, endpos);
            while (auto m = sc.next())
                out += render_match(m, *prog) + ";pos=" + std::to_string(m->pos) + "\036";
            return out;
        }
        if (op == "sub") {
            auto t = re::parse_template(*prog, c.arg);
            auto [r, n] = re::subn(*prog, t, s, c.n1);
            return u8(r) + "\036" + std::to_string(n);
        }
        if (op == "split") {
            std::string out;
            for (auto& piece : re::split(*prog, s, c.n1))
                out += (piece ? u8(*piece) : std::string("<None>")) + "\036";
            return out;
        }
        if (op == "escape") return u8(re::escape(s));
        return "bad op";
    } catch (const re::Error& e) {
        return kind_name(e) + ":" + e.message;
    }
}

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
