// Canonical text rendering of lmpy::re results, shared by re_engine_test.cpp and the
// differential fuzz driver (re_fuzz_driver.cpp); re_gen_cases.py renders CPython's results
// the same way.
#pragma once

#include "py/modules/re_engine.h"

#include <climits>
#include <string>

namespace re_render {

namespace re = lmpy::re;

struct Case {
    const char32_t* pattern;
    int flags;
    const char* op;
    const char32_t* subject;
    const char32_t* arg;
    int n1, n2;
    const char* expected;
};

inline std::string u8(std::u32string_view s) {
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

inline std::string kind_name(const re::Error& e) {
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

inline std::string render_match(const std::optional<re::Match>& m, const re::Program& p) {
    if (!m) return "None";
    std::string out;
    for (int g = 0; g <= m->groups(); ++g)
        out += "(" + std::to_string(m->start(g)) + "," + std::to_string(m->end(g)) + ")";
    out += ";li=" + (m->lastindex < 0 ? std::string("None") : std::to_string(m->lastindex));
    const std::u32string* name = m->lastindex < 0 ? nullptr : p.group_name(m->lastindex);
    out += ";lg=" + (name ? u8(*name) : std::string("None"));
    return out;
}

inline std::string run_case_raw(const Case& c);

// The canonical rendering shared with re_gen_cases.py (NUL shown as \0).
inline std::string run_case(const Case& c) {
    std::string raw = run_case_raw(c), out;
    for (char ch : raw) {
        if (ch == 0)
            out += "\\0";
        else
            out += ch;
    }
    return out;
}

inline std::string run_case_raw(const Case& c) {
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

} // namespace re_render
