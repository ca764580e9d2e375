// Code generation for lmpy::re: parsed Node tree -> Code (instructions, character sets,
// search prefilter), plus character classification and error formatting.
//
// Single-character repeats (x*, [a-z]+?, \w{2,5}) become one OP_STAR instruction that the
// VM runs as a counted loop with a single backtrack entry, like _sre's REPEAT_ONE; other
// repeats use a counter register (OP_REP_INIT/OP_REP_LOOP) whose changes are undo-logged on
// the backtrack stack. Case-insensitive classes are pre-folded here so the VM folds the
// subject character once and does one lookup.
#include "re_engine_internal.h"
#include "re_engine_tables.h"

#include <algorithm>
#include <deque>
#include <map>

namespace lmpy::re {

namespace {

template <class R> bool in_ranges(const R* table, int n, char32_t c) {
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (c < table[mid].lo)
            hi = mid - 1;
        else if (c > table[mid].hi)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

bool is_space_ascii(char32_t c) { return c == ' ' || (c >= 9 && c <= 13); }
bool is_digit_ascii(char32_t c) { return c >= '0' && c <= '9'; }

bool in_sorted(const std::vector<std::pair<char32_t, char32_t>>& rs, char32_t c) {
    size_t lo = 0, hi = rs.size();
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < rs[mid].first)
            hi = mid;
        else if (c > rs[mid].second)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

void sort_merge(std::vector<std::pair<char32_t, char32_t>>& rs) {
    std::sort(rs.begin(), rs.end());
    std::vector<std::pair<char32_t, char32_t>> out;
    for (auto& r : rs) {
        if (!out.empty() && r.first <= out.back().second + 1)
            out.back().second = std::max(out.back().second, r.second);
        else
            out.push_back(r);
    }
    rs.swap(out);
}

// True when some other character folds to `f` (so a literal f needs a folding compare).
bool has_fold_partner(char32_t f) {
    for (int i = 0; i < tables::kFold_size; ++i) {
        const auto& r = tables::kFold[i];
        int64_t x = int64_t(f) - r.delta;
        if (x >= r.first && x <= r.last && (x - r.first) % r.stride == 0) return true;
    }
    return false;
}

} // namespace

bool is_word_ascii(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
char32_t fold_ascii(char32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

bool is_word(char32_t c) {
    if (c < 128) return is_word_ascii(c);
    return in_ranges(tables::kWord, tables::kWord_size, c);
}
bool is_digit(char32_t c) {
    if (c < 128) return is_digit_ascii(c);
    return in_ranges(tables::kDigit, tables::kDigit_size, c);
}
bool is_space(char32_t c) {
    if (c < 128) return is_space_ascii(c) || (c >= 28 && c <= 31);
    return in_ranges(tables::kSpace, tables::kSpace_size, c);
}
char32_t fold(char32_t c) {
    if (c < 128) return fold_ascii(c);
    int lo = 0, hi = tables::kFold_size - 1, found = -1;
    while (lo <= hi) { // last run with first <= c
        int mid = (lo + hi) / 2;
        if (tables::kFold[mid].first <= c)
            found = mid, lo = mid + 1;
        else
            hi = mid - 1;
    }
    if (found < 0) return c;
    const auto& r = tables::kFold[found];
    if (c <= r.last && (c - r.first) % r.stride == 0) return char32_t(int64_t(c) + r.delta);
    return c;
}

char32_t lower_for_backref(char32_t c) {
    if (c < 128) return fold_ascii(c);
    int lo = 0, hi = tables::kLowerNotFold_size - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (tables::kLowerNotFold[mid][0] < c)
            lo = mid + 1;
        else if (tables::kLowerNotFold[mid][0] > c)
            hi = mid - 1;
        else
            return tables::kLowerNotFold[mid][1];
    }
    return fold(c);
}

static bool cat_match(uint8_t cats, bool ascii, char32_t c) {
    if (cats & (CAT_DIGIT | CAT_NOT_DIGIT)) {
        bool d = ascii ? is_digit_ascii(c) : is_digit(c);
        if ((cats & CAT_DIGIT) && d) return true;
        if ((cats & CAT_NOT_DIGIT) && !d) return true;
    }
    if (cats & (CAT_WORD | CAT_NOT_WORD)) {
        bool w = ascii ? is_word_ascii(c) : is_word(c);
        if ((cats & CAT_WORD) && w) return true;
        if ((cats & CAT_NOT_WORD) && !w) return true;
    }
    if (cats & (CAT_SPACE | CAT_NOT_SPACE)) {
        bool s = ascii ? is_space_ascii(c) : is_space(c);
        if ((cats & CAT_SPACE) && s) return true;
        if ((cats & CAT_NOT_SPACE) && !s) return true;
    }
    return false;
}

bool CharSet::slow_contains(char32_t c) const {
    char32_t k = icase ? (ascii ? fold_ascii(c) : fold(c)) : c;
    bool hit = in_sorted(ranges, k) || (cats && cat_match(cats, ascii, c));
    return hit != negate;
}

void CharSet::finish() {
    sort_merge(ranges);
    if (icase) {
        std::vector<std::pair<char32_t, char32_t>> extra;
        if (ascii) {
            for (char32_t x = 'A'; x <= 'Z'; ++x)
                if (in_sorted(ranges, x)) extra.push_back({x + 32, x + 32});
        } else {
            for (int i = 0; i < tables::kFold_size; ++i) {
                const auto& r = tables::kFold[i];
                for (char32_t x = r.first; x <= r.last; x += r.stride)
                    if (in_sorted(ranges, x)) {
                        char32_t f = char32_t(int64_t(x) + r.delta);
                        extra.push_back({f, f});
                    }
            }
        }
        ranges.insert(ranges.end(), extra.begin(), extra.end());
        sort_merge(ranges);
    }
    low = {};
    for (char32_t c = 0; c < 256; ++c)
        if (slow_contains(c)) low[c >> 6] |= uint64_t(1) << (c & 63);
}

bool item_matches(const Inst& in, const std::vector<CharSet>& sets, char32_t c) {
    switch (in.op) {
    case OP_CHAR: return c == char32_t(in.a);
    case OP_CHAR_FOLD: return fold(c) == char32_t(in.a);
    case OP_CHAR_AFOLD: return fold_ascii(c) == char32_t(in.a);
    case OP_ANY: return c != '\n';
    case OP_ANY_ALL: return true;
    case OP_SET: return sets[in.a].contains(c);
    default: return false;
    }
}

// ---- errors and text helpers ----

std::string to_utf8(std::u32string_view s) {
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

std::string py_repr(std::u32string_view s) {
    bool sq = s.find(U'\'') != std::u32string_view::npos,
         dq = s.find(U'"') != std::u32string_view::npos;
    char q = (sq && !dq) ? '"' : '\'';
    std::string out(1, q);
    static const char* hex = "0123456789abcdef";
    for (char32_t c : s) {
        if (c == char32_t(q) || c == '\\')
            out += '\\', out += char(c);
        else if (c == '\t')
            out += "\\t";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c == 0xad) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else if ((c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) || c == 0x205f ||
                   c == 0x3000 || c == 0x1680 || c == 0xfeff || (c >= 0xd800 && c <= 0xdfff)) {
            out += "\\u";
            for (int k = 12; k >= 0; k -= 4) out += hex[(c >> k) & 15];
        } else {
            out += to_utf8(std::u32string_view(&c, 1));
        }
    }
    out += q;
    return out;
}

bool is_identifier(std::u32string_view s) {
    if (s.empty()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        char32_t c = s[i];
        bool ok = c == '_' || (c < 128 ? is_word_ascii(c) && (i > 0 || !is_digit_ascii(c))
                                       : is_word(c) && (i > 0 || !is_digit(c)));
        if (!ok) return false;
    }
    return true;
}

bool py_int(std::u32string_view s, int64_t& out) {
    size_t a = 0, b = s.size();
    while (a < b && is_space(s[a])) ++a;
    while (b > a && is_space(s[b - 1])) --b;
    bool neg = false;
    if (a < b && (s[a] == '+' || s[a] == '-')) neg = s[a++] == '-';
    if (a == b) return false;
    int64_t v = 0;
    bool prev_digit = false;
    for (size_t i = a; i < b; ++i) {
        char32_t c = s[i];
        if (c == '_') {
            if (!prev_digit || i + 1 == b) return false;
            prev_digit = false;
            continue;
        }
        int d = -1;
        if (c >= '0' && c <= '9')
            d = int(c - '0');
        else
            for (int k = 0; k < tables::kDigit_size; ++k)
                if (c >= tables::kDigit[k].lo && c <= tables::kDigit[k].hi)
                    d = int((c - tables::kDigit[k].lo) % 10);
        if (d < 0) return false;
        if (v < (int64_t(1) << 40)) v = v * 10 + d;
        prev_digit = true;
    }
    out = neg ? -v : v;
    return true;
}

Error make_error(std::string msg, std::u32string_view pattern, int pos) {
    Error e;
    e.kind = ErrorKind::Re;
    e.msg = msg;
    e.pos = pos;
    int line = 1, last_nl = -1;
    for (int i = 0; i < pos && i < int(pattern.size()); ++i)
        if (pattern[i] == '\n') ++line, last_nl = i;
    e.lineno = line;
    e.colno = pos - last_nl;
    e.message = msg + " at position " + std::to_string(pos);
    if (pattern.find(U'\n') != std::u32string_view::npos)
        e.message += " (line " + std::to_string(line) + ", column " + std::to_string(e.colno) + ")";
    return e;
}

Error make_plain_error(ErrorKind kind, std::string msg) {
    Error e;
    e.kind = kind;
    e.msg = msg;
    e.message = std::move(msg);
    return e;
}

// ---- code generation ----

namespace {

class Gen {
  public:
    Gen(Parsed& p, Code& c) : p_(p), c_(c) {}

    int emit(Inst in) {
        c_.insts.push_back(in);
        return int(c_.insts.size()) - 1;
    }
    int here() const { return int(c_.insts.size()); }

    static const Node* single_item(const Node& n) {
        if (n.kind == NK::Char || n.kind == NK::Any || n.kind == NK::Set) return &n;
        if (n.kind == NK::Seq && n.kids.size() == 1) return single_item(n.kids[0]);
        return nullptr;
    }

    Inst item_inst(const Node& n) {
        Inst in{OP_CHAR};
        if (n.kind == NK::Any) {
            in.op = (n.flags & DOTALL) ? OP_ANY_ALL : OP_ANY;
        } else if (n.kind == NK::Set) {
            in.op = OP_SET;
            in.a = n.index;
        } else {
            in.a = int32_t(n.ch);
            if (n.flags & IGNORECASE) {
                if (n.flags & ASCII) {
                    if (fold_ascii(n.ch) != n.ch || (n.ch >= 'a' && n.ch <= 'z')) {
                        in.op = OP_CHAR_AFOLD;
                        in.a = int32_t(fold_ascii(n.ch));
                    }
                } else {
                    char32_t f = fold(n.ch);
                    if (f != n.ch || has_fold_partner(f)) {
                        in.op = OP_CHAR_FOLD;
                        in.a = int32_t(f);
                    }
                }
            }
        }
        return in;
    }

    void gen(const Node& n) {
        switch (n.kind) {
        case NK::Empty: return;
        case NK::Char:
        case NK::Any:
        case NK::Set: emit(item_inst(n)); return;
        case NK::At: {
            Inst in{OP_AT};
            in.a = n.at;
            in.f = (n.flags & ASCII) ? 1 : 0;
            emit(in);
            return;
        }
        case NK::Seq:
            for (auto& k : n.kids) gen(k);
            return;
        case NK::Alt: {
            std::vector<int> jumps;
            for (size_t i = 0; i < n.kids.size(); ++i) {
                int split = -1;
                if (i + 1 < n.kids.size()) split = emit(Inst{OP_SPLIT});
                gen(n.kids[i]);
                if (i + 1 < n.kids.size()) {
                    jumps.push_back(emit(Inst{OP_JMP}));
                    c_.insts[split].y = here();
                }
            }
            for (int j : jumps) c_.insts[j].x = here();
            return;
        }
        case NK::Group: {
            Inst s{OP_SAVE};
            s.a = 2 * n.index;
            emit(s);
            gen(n.kids[0]);
            s.a = 2 * n.index + 1;
            emit(s);
            return;
        }
        case NK::Repeat: gen_repeat(n); return;
        case NK::Backref: {
            Inst in{OP_BACKREF};
            in.a = n.index;
            if (n.flags & IGNORECASE) in.f = (n.flags & ASCII) ? 2 : 1;
            emit(in);
            return;
        }
        case NK::Look: {
            Inst in{OP_LOOK};
            in.f = (n.behind ? 1 : 0) | (n.negate ? 2 : 0);
            if (n.behind) {
                Width w = node_width(n.kids[0], p_.group_widths);
                if (w.first != w.second)
                    throw make_plain_error(ErrorKind::Re,
                                           "look-behind requires fixed-width pattern");
                in.a = int32_t(std::min<uint64_t>(w.first, 0x7fffffff));
            }
            int at = emit(in);
            gen(n.kids[0]);
            emit(Inst{OP_LOOK_END});
            c_.insts[at].x = here();
            return;
        }
        case NK::Atomic:
            emit(Inst{OP_ATOMIC});
            gen(n.kids[0]);
            emit(Inst{OP_ATOMIC_END});
            return;
        case NK::Cond: {
            Inst in{OP_COND};
            in.a = n.index;
            int at = emit(in);
            gen(n.kids[0]);
            int j = emit(Inst{OP_JMP});
            c_.insts[at].y = here();
            gen(n.kids[1]);
            c_.insts[j].x = here();
            return;
        }
        }
    }

    void gen_repeat(const Node& n) {
        const Node& body = n.kids[0];
        if (n.max == 0) { // never runs, but CPython still compiles (and validates) it
            int mark = here();
            gen(body);
            c_.insts.resize(mark);
            return;
        }
        if (const Node* item = single_item(body)) {
            Inst in{OP_STAR};
            in.mn = n.min;
            in.mx = n.max;
            in.f = uint8_t(n.rk);
            emit(in);
            emit(item_inst(*item));
            return;
        }
        if (n.rk == RK::Possessive) {
            gen_possessive(n);
            return;
        }
        if (n.min == 1 && n.max == 1) {
            gen(body);
            return;
        }
        gen_loop(n, n.rk == RK::Lazy);
    }

    // _sre's POSSESSIVE_REPEAT: every iteration is atomic on its own (so x{2}+ differs from
    // (?>x{2})), an empty iteration ends the loop once the minimum is reached.
    void gen_possessive(const Node& n) {
        int r = c_.nregs++;
        Inst init{OP_REP_INIT};
        init.a = r;
        init.x = 0;
        emit(init);
        Inst loop{OP_POSS_LOOP};
        loop.a = r;
        loop.mn = n.min;
        loop.mx = n.max;
        int at = emit(loop);
        gen(n.kids[0]);
        Inst end{OP_POSS_END};
        end.a = r;
        end.x = at;
        emit(end);
        c_.insts[at].y = here();
    }

    void gen_loop(const Node& n, bool lazy) {
        int r = c_.nregs++;
        Inst init{OP_REP_INIT};
        init.a = r;
        init.x = -1;
        emit(init);
        Inst loop{OP_REP_LOOP};
        loop.a = r;
        loop.mn = n.min;
        loop.mx = n.max;
        loop.f = lazy ? 1 : 0;
        int at = emit(loop);
        gen(n.kids[0]);
        Inst j{OP_JMP};
        j.x = at;
        emit(j);
        c_.insts[at].y = here();
    }

    // ---- search helpers ----

    // Collects the single-item nodes a match can start with; false if unknown.
    bool first(const Node& n, std::vector<const Node*>& items, bool& nullable) {
        switch (n.kind) {
        case NK::Char:
        case NK::Any:
        case NK::Set:
            items.push_back(&n);
            nullable = false;
            return true;
        case NK::Empty:
        case NK::At:
        case NK::Look: nullable = true; return true;
        case NK::Seq:
            nullable = true;
            for (auto& k : n.kids) {
                bool kn;
                if (!first(k, items, kn)) return false;
                if (!kn) {
                    nullable = false;
                    break;
                }
            }
            return true;
        case NK::Alt:
            nullable = false;
            for (auto& k : n.kids) {
                bool kn;
                if (!first(k, items, kn)) return false;
                nullable = nullable || kn;
            }
            return true;
        case NK::Group:
        case NK::Atomic: return first(n.kids[0], items, nullable);
        case NK::Repeat: {
            bool kn;
            if (!first(n.kids[0], items, kn)) return false;
            nullable = kn || n.min == 0;
            return true;
        }
        default: return false;
        }
    }

    static bool starts_anchored(const Node& n) {
        switch (n.kind) {
        case NK::At: return n.at == AT_BEGIN || n.at == AT_BEGIN_STRING;
        case NK::Seq: return !n.kids.empty() && starts_anchored(n.kids[0]);
        case NK::Group:
        case NK::Atomic: return starts_anchored(n.kids[0]);
        default: return false;
        }
    }

    void required(const Node& n) {
        switch (n.kind) {
        case NK::Char: {
            Inst in = item_inst(n);
            c_.has_required = true;
            c_.required = char32_t(in.a);
            c_.required_fold = in.op == OP_CHAR_FOLD ? 1 : in.op == OP_CHAR_AFOLD ? 2 : 0;
            return;
        }
        case NK::Seq:
            for (auto& k : n.kids) required(k);
            return;
        case NK::Group:
        case NK::Atomic: required(n.kids[0]); return;
        case NK::Repeat:
            if (n.min >= 1) required(n.kids[0]);
            return;
        default: return;
        }
    }

    void analyse(const Node& root) {
        c_.anchored = starts_anchored(root);
        required(root);
        std::vector<const Node*> items;
        bool nullable = true;
        if (!first(root, items, nullable) || nullable) return;
        c_.use_prefilter = true;
        for (const Node* it : items) c_.first_items.push_back(item_inst(*it));
        for (char32_t ch = 0; ch < 256; ++ch)
            for (auto& in : c_.first_items)
                if (item_matches(in, c_.sets, ch)) {
                    c_.first_low[ch >> 6] |= uint64_t(1) << (ch & 63);
                    break;
                }
        if (c_.first_items.size() > 8) c_.first_high_any = true;
    }

  private:
    Parsed& p_;
    Code& c_;
};

} // namespace

std::shared_ptr<Code> generate(Parsed& parsed) {
    auto code = std::make_shared<Code>();
    code->sets = std::move(parsed.sets);
    code->nslots = 2 * (parsed.groups + 1);
    Gen g(parsed, *code);
    g.gen(parsed.root);
    g.emit(Inst{OP_MATCH});
    g.analyse(parsed.root);
    return code;
}

namespace {

// Like re._cache: compiled programs are immutable, so repeated re.findall(pattern, ...)
// calls share one. When full, the oldest entry goes (CPython 3.11's policy).
constexpr size_t kCacheMax = 512;
std::map<std::pair<std::u32string, int>, ProgramPtr> g_cache;
std::deque<std::pair<std::u32string, int>> g_cache_order;

} // namespace

void purge() {
    g_cache.clear();
    g_cache_order.clear();
}

ProgramPtr compile(std::u32string_view pattern, int flags) {
    std::pair<std::u32string, int> key{std::u32string(pattern), flags};
    auto it = g_cache.find(key);
    if (it != g_cache.end()) return it->second;
    Parsed parsed = parse_pattern(pattern, flags);
    auto prog = std::make_shared<Program>();
    prog->code_ = generate(parsed);
    prog->pattern_ = std::u32string(pattern);
    prog->flags_ = parsed.flags;
    prog->groups_ = parsed.groups;
    prog->names_ = std::move(parsed.names);
    if (g_cache.size() >= kCacheMax) {
        g_cache.erase(g_cache_order.front());
        g_cache_order.pop_front();
    }
    g_cache.emplace(key, prog);
    g_cache_order.push_back(std::move(key));
    return prog;
}

int Program::group_index(std::u32string_view name) const {
    for (auto& [n, g] : names_)
        if (n == name) return g;
    return -1;
}

const std::u32string* Program::group_name(int index) const {
    for (auto& [n, g] : names_)
        if (g == index) return &n;
    return nullptr;
}

} // namespace lmpy::re
