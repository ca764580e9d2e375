// Pattern parser for lmpy::re: CPython 3.11's re syntax, with its error messages and error
// positions (the rules of re/_parser.py, re-implemented here in C++).
//
// CPython reports errors at "tokenizer position minus an offset", where a token is a
// single character or a backslash pair; the Source class below keeps the same token model
// so positions agree. Nodes record the flags in effect where they were written, and
// global inline flags may only appear at the very start, so flags are final at parse time.
#include "re_engine_internal.h"

#include <algorithm>

namespace lmpy::re {

namespace {

struct Tok {
    int len = 0; // 0 = end of pattern, 1 = plain char, 2 = backslash + char
    char32_t c0 = 0, c1 = 0;
    bool none() const { return len == 0; }
    bool is(char32_t c) const { return len == 1 && c0 == c; }
    bool esc() const { return len == 2; }
    std::u32string str() const {
        if (len == 0) return U"";
        if (len == 1) return std::u32string(1, c0);
        return std::u32string{c0, c1};
    }
};

bool in(const char* set, const Tok& t) {
    if (t.len != 1 || t.c0 > 127) return false;
    for (const char* p = set; *p; ++p)
        if (char32_t(*p) == t.c0) return true;
    return false;
}

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_oct(char32_t c) { return c >= '0' && c <= '7'; }
bool is_hex(char32_t c) {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

int flag_of(char32_t c) {
    switch (c) {
    case 'i': return IGNORECASE;
    case 'L': return LOCALE;
    case 'm': return MULTILINE;
    case 's': return DOTALL;
    case 'x': return VERBOSE;
    case 'a': return ASCII;
    case 't': return TEMPLATE;
    case 'u': return UNICODE;
    default: return 0;
    }
}
constexpr int kTypeFlags = ASCII | LOCALE | UNICODE;
constexpr int kGlobalFlags = DEBUG | TEMPLATE;

int combine_flags(int flags, int add, int del) {
    if (add & kTypeFlags) flags &= ~kTypeFlags;
    return (flags | add) & ~del;
}

std::string u8(std::u32string_view s) { return to_utf8(s); }

class Parser {
  public:
    Parser(std::u32string_view pattern, int flags) : s_(pattern) {
        out_.flags = flags;
        widths_.push_back({0, 0}); // group 0
        closed_.push_back(true);
        advance();
    }

    Parsed run() {
        Node root = parse_sub(out_.flags & VERBOSE, 0, out_.flags);
        int flags = out_.flags;
        if (flags & LOCALE)
            throw make_plain_error(ErrorKind::Value, "cannot use LOCALE flag with a str pattern");
        if (!(flags & ASCII))
            flags |= UNICODE;
        else if (flags & UNICODE)
            throw make_plain_error(ErrorKind::Value, "ASCII and UNICODE flags are incompatible");
        out_.flags = flags;
        if (!next_.none()) throw error("unbalanced parenthesis");
        for (auto& [g, pos] : grouprefpos_)
            if (g >= groups())
                throw make_error("invalid group reference " + std::to_string(g), s_, pos);
        out_.root = std::move(root);
        out_.groups = groups() - 1;
        out_.group_widths = widths_;
        return std::move(out_);
    }

  private:
    std::u32string_view s_;
    int index_ = 0;
    Tok next_;
    Parsed out_;
    std::vector<Width> widths_; // per group (index 0 = whole pattern)
    std::vector<bool> closed_;
    int lookbehind_groups_ = -1; // -1 = not inside a lookbehind
    std::vector<std::pair<int, int>> grouprefpos_;
    int depth_ = 0;

    // ---- tokenizer (same token model as re._parser.Tokenizer) ----
    void advance() {
        int i = index_;
        if (i >= int(s_.size())) {
            next_ = Tok{};
            return;
        }
        char32_t c = s_[i];
        if (c == '\\') {
            ++i;
            if (i >= int(s_.size()))
                throw make_error("bad escape (end of pattern)", s_, int(s_.size()) - 1);
            next_ = Tok{2, c, s_[i]};
        } else {
            next_ = Tok{1, c, 0};
        }
        index_ = i + 1;
    }
    bool match(char32_t c) {
        if (next_.is(c)) {
            advance();
            return true;
        }
        return false;
    }
    Tok get() {
        Tok t = next_;
        advance();
        return t;
    }
    int tell() const { return index_ - next_.len; }
    void seek(int index) {
        index_ = index;
        advance();
    }
    Error error(const std::string& msg, int offset = 0) const {
        return make_error(msg, s_, tell() - offset);
    }
    std::u32string getwhile(int n, bool (*pred)(char32_t)) {
        std::u32string r;
        for (int k = 0; k < n; ++k) {
            if (next_.len != 1 || !pred(next_.c0)) break;
            r += next_.c0;
            advance();
        }
        return r;
    }
    std::u32string getuntil(char32_t term, const char* name) {
        std::u32string r;
        for (;;) {
            Tok c = get();
            if (c.none()) {
                if (r.empty()) throw error(std::string("missing ") + name);
                throw error(std::string("missing ") + char(term) + ", unterminated name",
                            int(r.size()));
            }
            if (c.is(term)) {
                if (r.empty()) throw error(std::string("missing ") + name, 1);
                break;
            }
            r += c.str();
        }
        return r;
    }

    // ---- group bookkeeping (re._parser.State) ----
    int groups() const { return int(widths_.size()); }
    bool checkgroup(int g) const { return g < groups() && closed_[g]; }
    void checklookbehindgroup(int g) {
        if (lookbehind_groups_ < 0) return;
        if (!checkgroup(g)) throw error("cannot refer to an open group");
        if (g >= lookbehind_groups_)
            throw error("cannot refer to group defined in the same lookbehind subpattern");
    }
    void checkgroupname(const std::u32string& name, int offset) {
        if (!is_identifier(name))
            throw error("bad character in group name " + py_repr(name), int(name.size()) + offset);
    }
    int find_name(const std::u32string& name) const {
        for (auto& [n, g] : out_.names)
            if (n == name) return g;
        return -1;
    }

    Node make(NK kind, int flags) {
        Node n;
        n.kind = kind;
        n.flags = flags;
        return n;
    }
    Node make_char(char32_t c, int flags) {
        Node n = make(NK::Char, flags);
        n.ch = c;
        return n;
    }
    Node make_cat(uint8_t cat, int flags) {
        CharSet cs;
        cs.cats = cat;
        return make_set(std::move(cs), flags);
    }
    Node make_set(CharSet cs, int flags) {
        cs.icase = flags & IGNORECASE;
        cs.ascii = flags & ASCII;
        cs.finish();
        Node n = make(NK::Set, flags);
        n.index = int(out_.sets.size());
        out_.sets.push_back(std::move(cs));
        return n;
    }

    // ---- escapes ----
    // Shared numeric escapes (\x \u \U \N); returns true and sets `c` if handled.
    bool numeric_escape(std::u32string& esc, char32_t& c) {
        char32_t k = esc[1];
        int want = k == 'x' ? 2 : k == 'u' ? 4 : k == 'U' ? 8 : 0;
        if (want) {
            esc += getwhile(want, is_hex);
            if (int(esc.size()) != want + 2)
                throw error("incomplete escape " + u8(esc), int(esc.size()));
            uint64_t v = 0;
            for (size_t i = 2; i < esc.size(); ++i) {
                char32_t h = esc[i];
                v = v * 16 + (is_ascii_digit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
            }
            if (v > 0x10ffff) throw error("bad escape " + u8(esc), int(esc.size()));
            c = char32_t(v);
            return true;
        }
        if (k == 'N') {
            // No Unicode name database in the core: every name is reported as unknown.
            if (!match('{')) throw error("missing {");
            std::u32string name = getuntil('}', "character name");
            throw error("undefined character name " + py_repr(name), int(name.size()) + 4);
        }
        return false;
    }

    // re._parser._class_escape: returns a literal (cat == 0) or a category.
    std::pair<char32_t, uint8_t> class_escape(const Tok& t) {
        char32_t c = t.c1;
        switch (c) {
        case 'a': return {7, 0};
        case 'b': return {8, 0};
        case 'f': return {12, 0};
        case 'n': return {10, 0};
        case 'r': return {13, 0};
        case 't': return {9, 0};
        case 'v': return {11, 0};
        case '\\': return {'\\', 0};
        case 'd': return {0, CAT_DIGIT};
        case 'D': return {0, CAT_NOT_DIGIT};
        case 's': return {0, CAT_SPACE};
        case 'S': return {0, CAT_NOT_SPACE};
        case 'w': return {0, CAT_WORD};
        case 'W': return {0, CAT_NOT_WORD};
        default: break;
        }
        std::u32string esc = t.str();
        char32_t v;
        if (numeric_escape(esc, v)) return {v, 0};
        if (is_oct(c)) {
            esc += getwhile(2, is_oct);
            uint32_t o = 0;
            for (size_t i = 1; i < esc.size(); ++i) o = o * 8 + (esc[i] - '0');
            if (o > 0377)
                throw error("octal escape value " + u8(esc) + " outside of range 0-0o377",
                            int(esc.size()));
            return {o, 0};
        }
        if (is_ascii_digit(c) || is_ascii_letter(c))
            throw error("bad escape " + u8(esc), int(esc.size()));
        return {c, 0};
    }

    // re._parser._escape (outside classes).
    Node escape(const Tok& t, int flags) {
        char32_t c = t.c1;
        switch (c) {
        case 'A': return at(AT_BEGIN_STRING, flags);
        case 'Z': return at(AT_END_STRING, flags);
        case 'b': return at(AT_BOUNDARY, flags);
        case 'B': return at(AT_NON_BOUNDARY, flags);
        case 'd': return make_cat(CAT_DIGIT, flags);
        case 'D': return make_cat(CAT_NOT_DIGIT, flags);
        case 's': return make_cat(CAT_SPACE, flags);
        case 'S': return make_cat(CAT_NOT_SPACE, flags);
        case 'w': return make_cat(CAT_WORD, flags);
        case 'W': return make_cat(CAT_NOT_WORD, flags);
        case 'a': return make_char(7, flags);
        case 'f': return make_char(12, flags);
        case 'n': return make_char(10, flags);
        case 'r': return make_char(13, flags);
        case 't': return make_char(9, flags);
        case 'v': return make_char(11, flags);
        case '\\': return make_char('\\', flags);
        default: break;
        }
        std::u32string esc = t.str();
        char32_t v;
        if (numeric_escape(esc, v)) return make_char(v, flags);
        if (c == '0') {
            esc += getwhile(2, is_oct);
            uint32_t o = 0;
            for (size_t i = 1; i < esc.size(); ++i) o = o * 8 + (esc[i] - '0');
            return make_char(o, flags);
        }
        if (is_ascii_digit(c)) {
            if (next_.len == 1 && is_ascii_digit(next_.c0)) {
                esc += get().c0;
                if (is_oct(esc[1]) && is_oct(esc[2]) && next_.len == 1 && is_oct(next_.c0)) {
                    esc += get().c0;
                    uint32_t o = (esc[1] - '0') * 64 + (esc[2] - '0') * 8 + (esc[3] - '0');
                    if (o > 0377)
                        throw error("octal escape value " + u8(esc) + " outside of range 0-0o377",
                                    int(esc.size()));
                    return make_char(o, flags);
                }
            }
            int g = 0;
            for (size_t i = 1; i < esc.size(); ++i) g = g * 10 + (esc[i] - '0');
            if (g < groups()) {
                if (!checkgroup(g)) throw error("cannot refer to an open group", int(esc.size()));
                checklookbehindgroup(g);
                Node n = make(NK::Backref, flags);
                n.index = g;
                return n;
            }
            throw error("invalid group reference " + std::to_string(g), int(esc.size()) - 1);
        }
        if (is_ascii_letter(c)) throw error("bad escape " + u8(esc), int(esc.size()));
        return make_char(c, flags);
    }

    Node at(AtKind k, int flags) {
        Node n = make(NK::At, flags);
        n.at = k;
        return n;
    }

    // ---- grammar ----
    Node parse_sub(bool verbose, int nested, int flags) {
        // 496 levels is where CPython, called from a script's top level, hits its recursion limit.
        if (++depth_ > 496)
            throw make_plain_error(ErrorKind::Recursion, "maximum recursion depth exceeded");
        std::vector<Node> items;
        for (;;) {
            items.push_back(parse(verbose, nested + 1, nested == 0 && items.empty(), flags));
            if (!match('|')) break;
            if (nested == 0) {
                flags = out_.flags;
                verbose = flags & VERBOSE;
            }
        }
        --depth_;
        if (items.size() == 1) return std::move(items[0]);
        Node alt = make(NK::Alt, flags);
        alt.kids = std::move(items);
        return alt;
    }

    Node parse_class(int flags) {
        int here = tell() - 1;
        CharSet cs;
        int count = 0;
        cs.negate = match('^');
        char32_t single = 0;
        for (;;) {
            Tok t = get();
            if (t.none()) throw error("unterminated character set", tell() - here);
            if (t.is(']') && count) break;
            std::pair<char32_t, uint8_t> c1;
            if (t.esc())
                c1 = class_escape(t);
            else
                c1 = {t.c0, 0};
            if (match('-')) {
                Tok t2 = get();
                if (t2.none()) throw error("unterminated character set", tell() - here);
                if (t2.is(']')) {
                    add_item(cs, c1, count, single);
                    add_item(cs, {'-', 0}, count, single);
                    break;
                }
                std::pair<char32_t, uint8_t> c2;
                if (t2.esc())
                    c2 = class_escape(t2);
                else
                    c2 = {t2.c0, 0};
                int len = t.len + 1 + t2.len;
                if (c1.second || c2.second || c2.first < c1.first)
                    throw error("bad character range " + u8(t.str()) + "-" + u8(t2.str()), len);
                cs.ranges.push_back({c1.first, c2.first});
                count += 2; // a range never collapses to a single literal
            } else {
                add_item(cs, c1, count, single);
            }
        }
        if (count == 1 && !cs.negate) return make_char(single, flags);
        return make_set(std::move(cs), flags);
    }
    // `count` tracks distinct items so "[a]" and "[aa]" become a plain literal like CPython.
    void add_item(CharSet& cs, std::pair<char32_t, uint8_t> item, int& count, char32_t& single) {
        if (item.second) {
            count += 2; // a category never collapses to a literal
            cs.cats |= item.second;
            return;
        }
        bool dup = false;
        for (auto& r : cs.ranges)
            if (r.first == item.first && r.second == item.first) dup = true;
        if (!dup) {
            cs.ranges.push_back({item.first, item.first});
            ++count;
            single = item.first;
        }
    }

    static bool is_repeat_start(const Tok& t) { return in("*+?{", t); }

    Node parse(bool verbose, int nested, bool first, int flags) {
        Node seq = make(NK::Seq, flags);
        auto& items = seq.kids;
        for (;;) {
            if (next_.none() || next_.is('|') || next_.is(')')) break;
            Tok t = get();
            if (verbose) {
                if (in(" \t\n\r\v\f", t)) continue;
                if (t.is('#')) {
                    for (;;) {
                        Tok c = get();
                        if (c.none() || c.is('\n')) break;
                    }
                    continue;
                }
            }
            if (t.esc()) {
                items.push_back(escape(t, flags));
            } else if (!in(".[{()*+?^$|", t)) {
                items.push_back(make_char(t.c0, flags));
            } else if (t.is('[')) {
                items.push_back(parse_class(flags));
            } else if (is_repeat_start(t)) {
                int here = tell();
                uint32_t mn = 0, mx = kMaxRepeat;
                if (t.is('?'))
                    mx = 1;
                else if (t.is('+'))
                    mn = 1;
                else if (t.is('{')) {
                    if (next_.is('}')) {
                        items.push_back(make_char('{', flags));
                        continue;
                    }
                    std::u32string lo = getwhile(1 << 30, is_ascii_digit), hi;
                    if (match(','))
                        hi = getwhile(1 << 30, is_ascii_digit);
                    else
                        hi = lo;
                    if (!match('}')) {
                        items.push_back(make_char('{', flags));
                        seek(here);
                        continue;
                    }
                    if (!lo.empty()) mn = parse_count(lo);
                    if (!hi.empty()) {
                        mx = parse_count(hi);
                        if (mx < mn)
                            throw error("min repeat greater than max repeat", tell() - here);
                    }
                }
                if (items.empty() || items.back().kind == NK::At)
                    throw error("nothing to repeat", tell() - here + 1);
                if (items.back().kind == NK::Repeat)
                    throw error("multiple repeat", tell() - here + 1);
                Node rep = make(NK::Repeat, flags);
                rep.min = mn;
                rep.max = mx;
                rep.rk = match('?') ? RK::Lazy : match('+') ? RK::Possessive : RK::Greedy;
                rep.kids.push_back(std::move(items.back()));
                items.back() = std::move(rep);
            } else if (t.is('.')) {
                items.push_back(make(NK::Any, flags));
            } else if (t.is('(')) {
                bool global = false;
                Node g = parse_group(verbose, nested, flags, first && items.empty(), global);
                if (global) {
                    flags = out_.flags;
                    seq.flags = flags;
                    verbose = flags & VERBOSE;
                    continue;
                }
                if (g.kind != NK::Empty) items.push_back(std::move(g));
            } else if (t.is('^')) {
                items.push_back(at(flags & MULTILINE ? AT_BEGIN_LINE : AT_BEGIN, flags));
            } else if (t.is('$')) {
                items.push_back(at(flags & MULTILINE ? AT_END_LINE : AT_END, flags));
            }
        }
        return seq;
    }

    uint32_t parse_count(const std::u32string& digits) {
        uint64_t v = 0;
        for (char32_t d : digits) {
            v = v * 10 + (d - '0');
            if (v >= kMaxRepeat)
                throw make_plain_error(ErrorKind::Overflow, "the repetition number is too large");
        }
        return uint32_t(v);
    }

    // Returns an Empty node for comments; sets `global` for (?flags) at the start.
    Node parse_group(bool verbose, int nested, int flags, bool may_be_global, bool& global) {
        int start = tell() - 1;
        bool capture = true, atomic = false;
        std::u32string name;
        bool named = false;
        int add = 0, del = 0;
        if (match('?')) {
            Tok c = get();
            if (c.none()) throw error("unexpected end of pattern");
            if (c.is('P')) {
                if (match('<')) {
                    name = getuntil('>', "group name");
                    checkgroupname(name, 1);
                    named = true;
                } else if (match('=')) {
                    name = getuntil(')', "group name");
                    checkgroupname(name, 1);
                    int gid = find_name(name);
                    if (gid < 0)
                        throw error("unknown group name " + py_repr(name), int(name.size()) + 1);
                    if (!checkgroup(gid))
                        throw error("cannot refer to an open group", int(name.size()) + 1);
                    checklookbehindgroup(gid);
                    Node n = make(NK::Backref, flags);
                    n.index = gid;
                    return n;
                } else {
                    Tok c2 = get();
                    if (c2.none()) throw error("unexpected end of pattern");
                    throw error("unknown extension ?P" + u8(c2.str()), c2.len + 2);
                }
            } else if (c.is(':')) {
                capture = false;
            } else if (c.is('#')) {
                for (;;) {
                    if (next_.none())
                        throw error("missing ), unterminated comment", tell() - start);
                    if (get().is(')')) break;
                }
                return Node{};
            } else if (in("=!<", c)) {
                bool behind = false;
                int saved_lb = lookbehind_groups_;
                if (c.is('<')) {
                    c = get();
                    if (c.none()) throw error("unexpected end of pattern");
                    if (!in("=!", c)) throw error("unknown extension ?<" + u8(c.str()), c.len + 2);
                    behind = true;
                    if (lookbehind_groups_ < 0) lookbehind_groups_ = groups();
                }
                Node body = parse_sub(verbose, nested + 1, flags);
                if (behind) lookbehind_groups_ = saved_lb;
                if (!match(')')) throw error("missing ), unterminated subpattern", tell() - start);
                Node n = make(NK::Look, flags);
                n.behind = behind;
                n.negate = c.is('!');
                n.kids.push_back(std::move(body));
                return n;
            } else if (c.is('(')) {
                return parse_conditional(verbose, nested, flags, start);
            } else if (c.is('>')) {
                capture = false;
                atomic = true;
            } else if ((c.len == 1 && flag_of(c.c0)) || c.is('-')) {
                bool is_global = parse_flags(c, add, del);
                if (is_global) {
                    if (!may_be_global)
                        throw error("global flags not at the start of the expression",
                                    tell() - start);
                    global = true;
                    return Node{};
                }
                capture = false;
            } else {
                throw error("unknown extension ?" + u8(c.str()), c.len + 1);
            }
        }
        int gid = -1;
        if (capture) {
            gid = groups();
            if (gid >= kMaxGroups) throw error("too many groups");
            if (named) {
                int old = find_name(name);
                if (old >= 0)
                    throw error("redefinition of group name " + py_repr(name) + " as group " +
                                    std::to_string(gid) + "; was group " + std::to_string(old),
                                int(name.size()) + 1);
                out_.names.push_back({name, gid});
            }
            widths_.push_back({0, 0});
            closed_.push_back(false);
        }
        bool sub_verbose = (verbose || (add & VERBOSE)) && !(del & VERBOSE);
        int sub_flags = combine_flags(flags, add, del);
        Node body = parse_sub(sub_verbose, nested + 1, sub_flags);
        if (!match(')')) throw error("missing ), unterminated subpattern", tell() - start);
        if (gid >= 0) {
            widths_[gid] = node_width(body, widths_);
            closed_[gid] = true;
        }
        if (atomic) {
            Node n = make(NK::Atomic, flags);
            n.kids.push_back(std::move(body));
            return n;
        }
        if (gid >= 0) {
            Node n = make(NK::Group, flags);
            n.index = gid;
            n.kids.push_back(std::move(body));
            return n;
        }
        // A non-capturing group stays one node so a following quantifier applies to it all.
        if (body.kind != NK::Seq) {
            Node seq = make(NK::Seq, sub_flags);
            seq.kids.push_back(std::move(body));
            return seq;
        }
        return body;
    }

    Node parse_conditional(bool verbose, int nested, int flags, int start) {
        std::u32string cond = getuntil(')', "group name");
        int g = -1;
        if (is_identifier(cond)) {
            g = find_name(cond);
            if (g < 0) throw error("unknown group name " + py_repr(cond), int(cond.size()) + 1);
        } else {
            int64_t v = 0;
            bool ok = py_int(cond, v) && v >= 0;
            if (!ok)
                throw error("bad character in group name " + py_repr(cond), int(cond.size()) + 1);
            if (v == 0) throw error("bad group number", int(cond.size()) + 1);
            if (v >= int64_t(kMaxGroups))
                throw error("invalid group reference " + std::to_string(v), int(cond.size()) + 1);
            g = int(v);
            bool seen = false;
            for (auto& p : grouprefpos_) seen |= p.first == g;
            if (!seen) grouprefpos_.push_back({g, tell() - int(cond.size()) - 1});
        }
        checklookbehindgroup(g);
        Node yes = parse(verbose, nested + 1, false, flags);
        Node no = make(NK::Seq, flags);
        bool has_no = match('|');
        if (has_no) {
            no = parse(verbose, nested + 1, false, flags);
            if (next_.is('|')) throw error("conditional backref with more than two branches");
        }
        if (!match(')')) throw error("missing ), unterminated subpattern", tell() - start);
        Node n = make(NK::Cond, flags);
        n.index = g;
        n.negate = has_no;
        n.kids.push_back(std::move(yes));
        n.kids.push_back(std::move(no));
        return n;
    }

    // re._parser._parse_flags; returns true for global flags "(?i)".
    bool parse_flags(Tok c, int& add, int& del) {
        if (!c.is('-')) {
            for (;;) {
                int f = flag_of(c.c0);
                if (c.c0 == 'L')
                    throw error("bad inline flags: cannot use 'L' flag with a str pattern");
                add |= f;
                if ((f & kTypeFlags) && (add & kTypeFlags) != f)
                    throw error("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
                c = get();
                if (c.none()) throw error("missing -, : or )");
                if (in(")-:", c)) break;
                if (!(c.len == 1 && flag_of(c.c0))) {
                    bool alpha = c.len == 1 && (is_word(c.c0) && !is_digit(c.c0) && c.c0 != '_');
                    throw error(alpha ? "unknown flag" : "missing -, : or )", c.len);
                }
            }
        }
        if (c.is(')')) {
            out_.flags |= add;
            return true;
        }
        if (add & kGlobalFlags) throw error("bad inline flags: cannot turn on global flag", 1);
        if (c.is('-')) {
            c = get();
            if (c.none()) throw error("missing flag");
            if (!(c.len == 1 && flag_of(c.c0))) {
                bool alpha = c.len == 1 && (is_word(c.c0) && !is_digit(c.c0) && c.c0 != '_');
                throw error(alpha ? "unknown flag" : "missing flag", c.len);
            }
            for (;;) {
                int f = flag_of(c.c0);
                if (f & kTypeFlags)
                    throw error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
                del |= f;
                c = get();
                if (c.none()) throw error("missing :");
                if (c.is(':')) break;
                if (!(c.len == 1 && flag_of(c.c0))) {
                    bool alpha = c.len == 1 && (is_word(c.c0) && !is_digit(c.c0) && c.c0 != '_');
                    throw error(alpha ? "unknown flag" : "missing :", c.len);
                }
            }
        }
        if (del & kGlobalFlags) throw error("bad inline flags: cannot turn off global flag", 1);
        if (add & del) throw error("bad inline flags: flag turned on and off", 1);
        return false;
    }
};

} // namespace

// re._parser.SubPattern.getwidth
Width node_width(const Node& n, const std::vector<Width>& widths_) {
    auto width = [&](const Node& k) { return node_width(k, widths_); };
    auto cap = [](Width w) {
        return Width{std::min<uint64_t>(w.first, kMaxRepeat - 1),
                     std::min<uint64_t>(w.second, kMaxRepeat)};
    };
    switch (n.kind) {
    case NK::Char:
    case NK::Any:
    case NK::Set: return {1, 1};
    case NK::Empty:
    case NK::At:
    case NK::Look: return {0, 0};
    case NK::Seq: {
        Width w{0, 0};
        for (auto& k : n.kids) {
            Width x = width(k);
            w.first += x.first;
            w.second += x.second;
        }
        return cap(w);
    }
    case NK::Alt: {
        Width w{kMaxRepeat - 1, 0};
        for (auto& k : n.kids) {
            Width x = width(k);
            w.first = std::min(w.first, x.first);
            w.second = std::max(w.second, x.second);
        }
        return cap(w);
    }
    case NK::Group:
    case NK::Atomic: return width(n.kids[0]);
    case NK::Repeat: {
        Width x = width(n.kids[0]);
        auto mul = [](uint64_t a, uint64_t b) {
            if (a && b > uint64_t(kMaxRepeat) * 4 / a) return uint64_t(kMaxRepeat) * 4;
            return a * b;
        };
        return cap({mul(x.first, n.min), mul(x.second, n.max)});
    }
    case NK::Backref: return widths_[n.index];
    case NK::Cond: {
        Width y = width(n.kids[0]);
        if (n.negate) { // has a "no" branch
            Width o = width(n.kids[1]);
            y.first = std::min(y.first, o.first);
            y.second = std::max(y.second, o.second);
        } else {
            y.first = 0;
        }
        return cap(y);
    }
    }
    return {0, 0};
}

Parsed parse_pattern(std::u32string_view pattern, int flags) {
    Parser p(pattern, flags);
    return p.run();
}

} // namespace lmpy::re
