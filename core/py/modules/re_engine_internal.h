// Internals of lmpy::re shared by the parser (re_engine_parse.cpp), the code generator
// (re_engine_compile.cpp) and the matcher (re_engine.cpp). Not part of the public API.
//
// The parser produces a Node tree in which every node already carries the flags in effect
// where it was written (scoped (?i:...) groups are resolved at parse time), so the code
// generator and the VM never track flag scopes.
#pragma once

#include "re_engine.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace lmpy::re {

constexpr uint32_t kMaxRepeat = 4294967295u; // _sre.MAXREPEAT: "unbounded"
constexpr int kMaxGroups = 1073741823;       // _sre.MAXGROUPS

// Categories inside a class (\d \D \w \W \s \S), ASCII or Unicode by the node's flags.
enum Category : uint8_t {
    CAT_DIGIT = 1,
    CAT_NOT_DIGIT = 2,
    CAT_WORD = 4,
    CAT_NOT_WORD = 8,
    CAT_SPACE = 16,
    CAT_NOT_SPACE = 32,
};

struct CharSet {
    std::vector<std::pair<char32_t, char32_t>> ranges; // sorted, merged; folded if icase
    uint8_t cats = 0;
    bool negate = false;
    bool icase = false;
    bool ascii = false;            // ASCII flag: categories and folding are ASCII-only
    std::array<uint64_t, 4> low{}; // the final answer for code points < 256

    void finish(); // sorts/merges ranges, adds case variants, fills `low`
    bool slow_contains(char32_t c) const;
    bool contains(char32_t c) const {
        if (c < 256) return (low[c >> 6] >> (c & 63)) & 1;
        return slow_contains(c);
    }
};

enum AtKind : uint8_t {
    AT_BEGIN,        // ^
    AT_BEGIN_LINE,   // ^ with MULTILINE
    AT_END,          // $
    AT_END_LINE,     // $ with MULTILINE
    AT_BEGIN_STRING, // \A
    AT_END_STRING,   // \Z
    AT_BOUNDARY,     // \b
    AT_NON_BOUNDARY, // \B
};

enum class NK : uint8_t {
    Empty,
    Char,
    Any,
    Set,
    At,
    Seq,
    Alt,
    Group,
    Repeat,
    Backref,
    Look,
    Atomic,
    Cond
};
enum class RK : uint8_t { Greedy, Lazy, Possessive };

struct Node {
    NK kind = NK::Empty;
    int flags = 0;   // flags in effect at this node
    char32_t ch = 0; // Char
    int index = -1;  // Set: index into Code::sets; Group/Backref/Cond: group number
    AtKind at = AT_BEGIN;
    uint32_t min = 0, max = 0; // Repeat
    RK rk = RK::Greedy;
    bool behind = false, negate = false; // Look
    std::vector<Node> kids; // Seq/Alt: items; Group/Repeat/Look/Atomic: kids[0]; Cond: yes, no
};

enum Op : uint8_t {
    OP_CHAR,       // a = code point
    OP_CHAR_FOLD,  // a = folded code point (Unicode folding)
    OP_CHAR_AFOLD, // a = folded code point (ASCII folding)
    OP_ANY,        // any but \n
    OP_ANY_ALL,    // any (DOTALL)
    OP_SET,        // a = set index
    OP_AT,         // a = AtKind, f = 1 for ASCII word boundaries
    OP_SPLIT,      // try pc+1, on failure y
    OP_JMP,        // x
    OP_SAVE,       // a = slot (odd slot also sets lastindex)
    OP_BACKREF,    // a = group, f = 0 exact / 1 Unicode fold / 2 ASCII fold
    OP_REP_INIT,   // a = register: count = x, last = -1 (undo-logged)
    OP_REP_LOOP,   // a = register, mn/mx, f = 1 lazy; body at pc+1, exit at y
    OP_STAR,       // single-item repeat: item at pc+1, continue at pc+2; mn/mx; f = RK
    OP_LOOK,       // f: 1 = behind, 2 = negate; a = width; continue at x after success
    OP_LOOK_END,
    OP_ATOMIC,
    OP_ATOMIC_END,
    OP_POSS_LOOP, // possessive repeat: a = register, mn/mx; body at pc+1, exit at y
    OP_POSS_END,  // end of one possessive iteration: commit it, back to x
    OP_COND,      // a = group; if unmatched go to y
    OP_MATCH,
};

struct Inst {
    Op op;
    uint8_t f = 0;
    int32_t a = 0;
    int32_t x = 0, y = 0;
    uint32_t mn = 0, mx = 0;
};

struct Code {
    std::vector<Inst> insts;
    std::vector<CharSet> sets;
    int nregs = 0;
    int nslots = 0; // 2 * (groups + 1)
    // Search prefilter: a match can only start at a char with bit set (c < 256) or, for
    // c >= 256, when one of `first_items` (single-item instructions) accepts it.
    bool use_prefilter = false;
    std::array<uint64_t, 4> first_low{};
    bool first_high_any = false;
    std::vector<Inst> first_items;
    bool anchored = false; // starts with \A or non-MULTILINE ^: only the first position
    // A literal every match must contain (checked lazily to cut hopeless backtracking).
    bool has_required = false;
    char32_t required = 0;
    uint8_t required_fold = 0; // 0 exact, 1 Unicode fold, 2 ASCII fold
};

// Parser output.
struct Parsed {
    Node root;
    int flags = 0;
    int groups = 0;
    std::vector<std::pair<std::u32string, int>> names;
    std::vector<CharSet> sets;
    std::vector<std::pair<uint64_t, uint64_t>> group_widths; // per group, for lookbehind
};
Parsed parse_pattern(std::u32string_view pattern, int flags);
using Width = std::pair<uint64_t, uint64_t>; // (min, max) chars, saturating like _parser
Width node_width(const Node& n, const std::vector<Width>& group_widths);
std::shared_ptr<Code> generate(Parsed& parsed);

// Builds an Error with CPython's "msg at position N (line L, column C)" formatting.
Error make_error(std::string msg, std::u32string_view pattern, int pos);
Error make_plain_error(ErrorKind kind, std::string msg);

// Helpers shared by the parser and the template parser.
std::string to_utf8(std::u32string_view s);
std::string py_repr(std::u32string_view s); // Python's repr() of a str
bool is_identifier(std::u32string_view s);
bool py_int(std::u32string_view s, int64_t& out); // Python's int(str) (whitespace, _, sign)
bool is_word_ascii(char32_t c);
char32_t fold_ascii(char32_t c);
bool item_matches(const Inst& in, const std::vector<CharSet>& sets, char32_t c);

} // namespace lmpy::re
