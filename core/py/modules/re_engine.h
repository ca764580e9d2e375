// lmpy::re — a regular-expression engine with CPython 3.11 `re` syntax and semantics.
//
// Pure C++ (no dependency on the Python object model): the interpreter's `re` module wraps
// it, converting results to Python objects. Strings are UTF-32 because Python's str is
// indexed by code point; all positions are code-point indices.
//
// Design:
//  * compile() parses the pattern with the same rules and error messages as CPython's
//    re._parser (errors are lmpy::re::Error, whose `kind` says which Python exception to
//    raise), then emits a small instruction program.
//  * Matching is a backtracking VM with an explicit backtrack stack that also logs undo
//    records for captures and loop counters, so no C++ recursion happens per character:
//    deep nesting or 100k-character subjects cannot overflow the C++ stack. Repeat
//    semantics (including CPython's "stop iterating after an empty iteration" rule) follow
//    _sre so that group captures agree with CPython.
//  * Character classes use tables generated from CPython's own Unicode database
//    (re_engine_tables.cpp, full Unicode 14.0 coverage for \w \d \s and case folding).
//  * Searching skips impossible start positions with a first-character prefilter (a
//    bitmap for chars < 256), which keeps CountVectorizer's `(?u)\b\w\w+\b` findall fast.
//  * The successive-match helpers (Scanner, subn, split) implement CPython 3.7+'s
//    empty-match rules so the module layer only converts results.
//
// Known deviations from CPython 3.11 (all rare in practice):
//  * \N{NAME} escapes: there is no Unicode name database, so every name is reported as
//    "undefined character name".
//  * Possessive quantifiers on groups, e.g. (a|b)*+, follow the intended _sre semantics
//    (each iteration atomic); CPython 3.11.2 itself returns odd spans or SystemError for
//    some of these with captures or lookbehinds.
//  * Group names: non-ASCII identifiers are approximated (letters/digits/'_' of \w)
//    rather than full XID_Start/XID_Continue.
//  * Only str patterns (no bytes, no LOCALE). Positions are int (subjects < 2^31).
//  * Process-wide state (Limits, a reusable VM) assumes one thread, like the interpreter.
#pragma once

#include <climits>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lmpy::re {

// Flag values are CPython's (re.I == 2 ...), so the module can pass ints through.
enum Flag : int {
    TEMPLATE = 1,
    IGNORECASE = 2,
    LOCALE = 4,
    MULTILINE = 8,
    DOTALL = 16,
    UNICODE = 32,
    VERBOSE = 64,
    DEBUG = 128,
    ASCII = 256,
};

// Which Python exception an Error stands for.
enum class ErrorKind {
    Re,        // re.error (msg, pos; str() is `message`)
    Overflow,  // OverflowError
    Index,     // IndexError
    Value,     // ValueError
    Memory,    // MemoryError (backtrack stack budget exhausted)
    Recursion, // RecursionError (pattern nested too deeply)
    Budget,    // the step budget in Limits was exhausted (not a CPython behaviour)
};

struct Error : std::exception {
    ErrorKind kind = ErrorKind::Re;
    std::string msg;     // bare message, like re.error.msg
    int pos = -1;        // like re.error.pos (-1 = None)
    int lineno = -1;     // like re.error.lineno (-1 = None)
    int colno = -1;      // like re.error.colno (-1 = None)
    std::string message; // full text, like str(exc): "msg at position N (line L, column C)"
    const char* what() const noexcept override { return message.c_str(); }
};

struct Code; // the compiled instructions (internal, see re_engine_internal.h)

class Program {
  public:
    const std::u32string& pattern() const { return pattern_; }
    // Final flags as CPython reports them (inline global flags included; UNICODE added
    // unless ASCII).
    int flags() const { return flags_; }
    int groups() const { return groups_; } // number of capturing groups
    // Named groups in definition order (Python's groupindex).
    const std::vector<std::pair<std::u32string, int>>& group_names() const { return names_; }
    int group_index(std::u32string_view name) const;   // -1 if unknown
    const std::u32string* group_name(int index) const; // nullptr if unnamed
    const Code& code() const { return *code_; }

    // internal: filled in by compile()
    std::u32string pattern_;
    int flags_ = 0;
    int groups_ = 0;
    std::vector<std::pair<std::u32string, int>> names_;
    std::shared_ptr<const Code> code_;
};
using ProgramPtr = std::shared_ptr<const Program>;

// Throws Error (kind Re for re.error, Value for bad flag combinations, Overflow for huge
// repeat counts, Recursion for absurd nesting).
// Results are cached (512 entries, like re._cache); purge() empties the cache.
ProgramPtr compile(std::u32string_view pattern, int flags = 0);
void purge();

enum class Mode { Match, Search, FullMatch };

struct Match {
    // spans[2*g], spans[2*g+1] = start/end of group g (g = 0 is the whole match); -1 when
    // the group did not participate.
    std::vector<int> spans;
    int lastindex = -1; // -1 = None
    int pos = 0;        // pos/endpos as CPython reports them (clamped to the subject)
    int endpos = 0;

    int groups() const { return int(spans.size() / 2) - 1; }
    bool matched(int g) const { return spans[2 * g] >= 0; }
    int start(int g = 0) const { return spans[2 * g]; }
    int end(int g = 0) const { return spans[2 * g + 1]; }
    std::u32string_view group(std::u32string_view subject, int g = 0) const {
        return matched(g) ? subject.substr(start(g), end(g) - start(g)) : std::u32string_view{};
    }
};

// Interrupt and budget hooks, process-wide (the interpreter is single-threaded).
struct Limits {
    std::function<void()> poll;         // called every `poll_interval` VM steps; may throw
    uint64_t poll_interval = 1 << 16;   // steps
    uint64_t max_steps = 0;             // per match() call; 0 = unlimited (CPython has none)
    size_t max_stack = size_t(1) << 26; // backtrack entries (16 bytes each) before MemoryError
};
void set_limits(Limits limits);
const Limits& limits();

// pos/endpos are clamped like CPython (negative -> 0, past the end -> len). must_advance
// rejects an empty match at pos (used for successive matches; leave false otherwise).
std::optional<Match> match(const Program& prog, std::u32string_view subject, long pos = 0,
                           long endpos = LONG_MAX, Mode mode = Mode::Search,
                           bool must_advance = false);

// Successive non-overlapping matches (finditer/findall/scanner), CPython 3.7+ rules: an
// empty match is allowed right after a non-empty one, but never twice at one position.
// Keeps a view of `subject`: the caller keeps the string alive.
class Scanner {
  public:
    Scanner(ProgramPtr prog, std::u32string_view subject, long pos = 0, long endpos = LONG_MAX);
    std::optional<Match> next();          // next search() match
    std::optional<Match> next(Mode mode); // Match mode: scanner().match() semantics
  private:
    ProgramPtr prog_;
    std::u32string_view subject_;
    int pos_, endpos_, orig_pos_;
    bool must_advance_ = false;
    bool done_ = false;
};

// Replacement templates for sub()/subn()/Match.expand(): literal text and group references.
struct Template {
    struct Piece {
        std::u32string text; // used when group < 0
        int group = -1;
    };
    std::vector<Piece> pieces;
    bool literal_only() const {
        return pieces.empty() || (pieces.size() == 1 && pieces[0].group < 0);
    }
};
// Parses \1 \g<1> \g<name> \n \0.. escapes with CPython's errors (Error kind Re with the
// replacement string as the pattern; kind Index for "unknown group name 'x'").
Template parse_template(const Program& prog, std::u32string_view repl);
// Unmatched groups expand to "" (CPython 3.5+).
std::u32string expand(const Template& t, const Match& m, std::u32string_view subject);

// sub/subn with a template or a callback; count 0 = all. Returns (result, substitutions).
std::pair<std::u32string, long> subn(const Program& prog, const Template& repl,
                                     std::u32string_view subject, long count = 0);
std::pair<std::u32string, long> subn(const Program& prog, std::u32string_view subject, long count,
                                     const std::function<std::u32string(const Match&)>& repl);

// split(): pieces and, between them, every group's text (nullopt = None); maxsplit 0 = all.
std::vector<std::optional<std::u32string>> split(const Program& prog, std::u32string_view subject,
                                                 long maxsplit = 0);

// Calls `f` for each successive match (finditer order, same rules as Scanner) without
// building containers; `f` returns false to stop early.
void scan(const Program& prog, std::u32string_view subject, long pos, long endpos,
          const std::function<bool(const Match&)>& f);

// findall(): for each match, the whole match (no groups), group 1 (one group) or all groups
// (unmatched -> ""). Outer vector: matches; inner: 1 item, or groups() items (make a tuple).
std::vector<std::vector<std::u32string>> findall(const Program& prog, std::u32string_view subject,
                                                 long pos = 0, long endpos = LONG_MAX);

// re.escape() (3.7+: escapes only regex-special characters and whitespace).
std::u32string escape(std::u32string_view s);

// Character classification as re uses it (exposed for tests and for the module).
bool is_word(char32_t c);  // Unicode \w
bool is_digit(char32_t c); // Unicode \d
bool is_space(char32_t c); // Unicode \s
char32_t fold(char32_t c); // IGNORECASE equivalence: a and b match iff fold(a) == fold(b)
// Simple lowercase mapping (_sre's unicode_tolower), also the core of str.lower().
char32_t lower_for_backref(char32_t c);

} // namespace lmpy::re
