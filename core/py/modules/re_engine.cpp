// Matching VM and successive-match helpers for lmpy::re (see re_engine.h for the design).
//
// The VM keeps one explicit backtrack stack holding both choice points and undo records
// (old capture slots, old loop counters). Failing pops entries, undoing state until a choice
// point resumes, so captures after backtracking are exactly those of the successful path,
// as in _sre. Lookarounds and atomic groups push a MARK; on success the choice points above
// it are cut while its undo records stay (captures made inside a positive lookahead survive
// and are still undone if matching backtracks past it).
//
// Exponential patterns are CPython's behaviour too (re.match('(a*)*b', 'a'*30) takes tens of
// seconds there). Two guards keep that humane without changing results: after 64K steps the
// VM checks once whether a literal that every match needs still occurs (giving up if not),
// and Limits provides a poll hook (host interrupts) and an optional step budget.
#include "re_engine_internal.h"

#include <algorithm>

namespace lmpy::re {

namespace {

Limits g_limits;

enum BtKind : int32_t { BT_CHOICE, BT_SLOT, BT_REG, BT_STAR, BT_LAZY_STAR, BT_LAZY_REP, BT_MARK };
struct Bt {
    int32_t kind, a, b, c;
};

constexpr uint64_t kTickMask = 0xFFF;
constexpr uint64_t kRequiredAfter = 1 << 16;

class Vm {
  public:
    const Code* code = nullptr;
    const char32_t* s = nullptr;
    int len = 0; // whole subject (lookbehind and ^ see before pos)
    int end = 0; // endpos
    int pos = 0; // where this search started
    bool fullmatch = false;
    bool must_advance = false;
    bool hopeless = false; // the required literal is absent: no attempt can succeed
    uint64_t steps = 0, next_poll = 0;
    int req_last = -2; // -2: not computed; else last index of the required literal (or -1)
    std::vector<int> slots;
    std::vector<std::pair<int, int>> regs; // loop registers: (count, last position)
    std::vector<Bt> stack;

    void reset(const Code& c, std::u32string_view subject, int p, int e) {
        code = &c;
        s = subject.data();
        len = int(subject.size());
        pos = p;
        end = e;
        hopeless = false;
        steps = 0;
        next_poll = g_limits.poll_interval;
        req_last = -2;
        slots.assign(c.nslots + 1, -1);
        regs.assign(c.nregs, {-1, -1});
        stack.clear();
    }

    bool run(int start);

  private:
    void push(int32_t kind, int32_t a, int32_t b, int32_t c = 0) {
        if (stack.size() >= g_limits.max_stack) {
            stack.clear();
            stack.shrink_to_fit();
            throw make_plain_error(ErrorKind::Memory, "");
        }
        stack.push_back(Bt{kind, a, b, c});
    }
    void set_slot(int i, int v) {
        push(BT_SLOT, i, slots[i]);
        slots[i] = v;
    }
    void set_reg(int r, int count, int last) {
        push(BT_REG, r, regs[r].first, regs[r].second);
        regs[r] = {count, last};
    }
    int top_mark() const {
        for (int i = int(stack.size()) - 1; i >= 0; --i)
            if (stack[i].kind == BT_MARK) return i;
        return -1;
    }
    // Drops choice points from `m` up (the mark included), keeping undo records.
    void cut(int m) {
        size_t w = size_t(m);
        for (size_t i = size_t(m) + 1; i < stack.size(); ++i)
            if (stack[i].kind == BT_SLOT || stack[i].kind == BT_REG) stack[w++] = stack[i];
        stack.resize(w);
    }
    bool item(const Inst& in, char32_t c) const {
        switch (in.op) {
        case OP_CHAR: return c == char32_t(in.a);
        case OP_SET: return code->sets[in.a].contains(c);
        case OP_ANY: return c != '\n';
        default: return item_matches(in, code->sets, c);
        }
    }
    int count_items(const Inst& in, int sp, int limit) const {
        int n = 0;
        switch (in.op) {
        case OP_ANY_ALL: return limit;
        case OP_ANY:
            while (n < limit && s[sp + n] != '\n') ++n;
            return n;
        case OP_CHAR:
            while (n < limit && s[sp + n] == char32_t(in.a)) ++n;
            return n;
        case OP_SET: {
            const CharSet& cs = code->sets[in.a];
            while (n < limit && cs.contains(s[sp + n])) ++n;
            return n;
        }
        default:
            while (n < limit && item_matches(in, code->sets, s[sp + n])) ++n;
            return n;
        }
    }
    // _sre's REPEAT_ONE shortcut: when a literal follows, only stop where it can match.
    int fit_next_literal(const Inst* next, int base, int n, int mn) const {
        while (next->op == OP_SAVE) ++next; // group ends consume nothing
        if (next->op != OP_CHAR) return n;
        while (n >= mn && (base + n >= end || s[base + n] != char32_t(next->a))) --n;
        return n;
    }
    bool at_ok(const Inst& in, int sp) const {
        switch (in.a) {
        case AT_BEGIN:
        case AT_BEGIN_STRING: return sp == 0;
        case AT_BEGIN_LINE: return sp == 0 || s[sp - 1] == '\n';
        case AT_END: return sp == end || (sp + 1 == end && s[sp] == '\n');
        case AT_END_LINE: return sp == end || (sp < end && s[sp] == '\n');
        case AT_END_STRING: return sp == end;
        case AT_BOUNDARY:
        case AT_NON_BOUNDARY: {
            if (sp == 0 && sp == end) return false;
            auto w = [&](char32_t c) { return in.f ? is_word_ascii(c) : is_word(c); };
            bool before = sp > 0 && sp - 1 < len && w(s[sp - 1]);
            bool after = sp < end && w(s[sp]);
            return (before != after) == (in.a == AT_BOUNDARY);
        }
        }
        return false;
    }
    bool literal_at(int i) const {
        char32_t c = s[i];
        if (code->required_fold == 1)
            c = fold(c);
        else if (code->required_fold == 2)
            c = fold_ascii(c);
        return c == code->required;
    }
    void tick() {
        if (g_limits.max_steps && steps > g_limits.max_steps)
            throw make_plain_error(ErrorKind::Budget, "regular expression step budget exceeded");
        if (g_limits.poll && steps >= next_poll) {
            next_poll = steps + g_limits.poll_interval;
            g_limits.poll();
        }
        if (req_last == -2 && steps >= kRequiredAfter && code->has_required) {
            req_last = -1;
            for (int i = end - 1; i >= pos; --i)
                if (literal_at(i)) {
                    req_last = i;
                    break;
                }
        }
    }
};

bool Vm::run(int start) {
    stack.clear();
    std::fill(slots.begin(), slots.end(), -1);
    const Inst* insts = code->insts.data();
    const int lastindex_slot = code->nslots;
    int pc = 0, sp = start;
    for (;;) {
        if ((++steps & kTickMask) == 0) {
            tick();
            if (req_last != -2 && req_last < start) {
                hopeless = true;
                return false;
            }
        }
        const Inst& in = insts[pc];
        switch (in.op) {
        case OP_CHAR:
            if (sp < end && s[sp] == char32_t(in.a)) {
                ++sp, ++pc;
                continue;
            }
            goto fail;
        case OP_CHAR_FOLD:
            if (sp < end && fold(s[sp]) == char32_t(in.a)) {
                ++sp, ++pc;
                continue;
            }
            goto fail;
        case OP_CHAR_AFOLD:
            if (sp < end && fold_ascii(s[sp]) == char32_t(in.a)) {
                ++sp, ++pc;
                continue;
            }
            goto fail;
        case OP_ANY:
            if (sp < end && s[sp] != '\n') {
                ++sp, ++pc;
                continue;
            }
            goto fail;
        case OP_ANY_ALL:
            if (sp < end) {
                ++sp, ++pc;
                continue;
            }
            goto fail;
        case OP_SET:
            if (sp < end && code->sets[in.a].contains(s[sp])) {
                ++sp, ++pc;
                continue;
            }
            goto fail;
        case OP_AT:
            if (at_ok(in, sp)) {
                ++pc;
                continue;
            }
            goto fail;
        case OP_SPLIT:
            push(BT_CHOICE, in.y, sp);
            ++pc;
            continue;
        case OP_JMP: pc = in.x; continue;
        case OP_SAVE:
            set_slot(in.a, sp);
            if (in.a & 1) set_slot(lastindex_slot, in.a / 2);
            ++pc;
            continue;
        case OP_BACKREF: {
            int a = slots[2 * in.a], b = slots[2 * in.a + 1];
            if (a < 0 || b < 0) goto fail;
            int n = b - a;
            if (sp > end || n > end - sp) goto fail;
            for (int i = 0; i < n; ++i) {
                char32_t x = s[a + i], y = s[sp + i];
                if (x == y) continue;
                if (in.f == 1 && lower_for_backref(x) == lower_for_backref(y)) continue;
                if (in.f == 2 && fold_ascii(x) == fold_ascii(y)) continue;
                goto fail;
            }
            sp += n;
            ++pc;
            continue;
        }
        case OP_REP_INIT:
            set_reg(in.a, in.x, -1);
            ++pc;
            continue;
        case OP_REP_LOOP: {
            auto [count, last] = regs[in.a];
            int64_t c = int64_t(count) + 1;
            if (c < int64_t(in.mn)) {
                set_reg(in.a, int(c), last);
                ++pc;
                continue;
            }
            if (in.f) { // lazy: try the tail first
                push(BT_LAZY_REP, pc, sp);
                pc = in.y;
                continue;
            }
            if ((in.mx == kMaxRepeat || c < int64_t(in.mx)) && sp != last) {
                push(BT_CHOICE, in.y, sp);
                set_reg(in.a, int(c), sp);
                ++pc;
                continue;
            }
            pc = in.y;
            continue;
        }
        case OP_STAR: {
            const Inst& it = insts[pc + 1];
            int avail = sp < end ? end - sp : 0;
            int limit = (in.mx != kMaxRepeat && int64_t(in.mx) < avail) ? int(in.mx) : avail;
            int mn = int(in.mn);
            if (mn > avail || sp > end) goto fail; // _sre's REPEAT_ONE fails past endpos
            if (in.f == uint8_t(RK::Lazy)) {
                for (int i = 0; i < mn; ++i)
                    if (!item(it, s[sp + i])) goto fail;
                push(BT_LAZY_STAR, pc, sp, mn);
                sp += mn;
                pc += 2;
                continue;
            }
            int n = count_items(it, sp, limit);
            if (n < mn) goto fail;
            if (in.f == uint8_t(RK::Greedy)) {
                n = fit_next_literal(&insts[pc + 2], sp, n, mn);
                if (n < mn) goto fail;
                if (n > mn) push(BT_STAR, pc, sp, n);
            }
            sp += n;
            pc += 2;
            continue;
        }
        case OP_LOOK: {
            bool behind = in.f & 1, neg = in.f & 2;
            if (behind && sp - in.a < 0) {
                if (neg) {
                    pc = in.x;
                    continue;
                }
                goto fail;
            }
            push(BT_MARK, pc, sp);
            if (behind) sp -= in.a;
            ++pc;
            continue;
        }
        case OP_LOOK_END: {
            int m = top_mark();
            Bt mark = stack[m];
            const Inst& li = insts[mark.a];
            if (li.f & 2) { // negative assertion whose body matched: undo it, then fail
                while (int(stack.size()) > m) {
                    Bt e = stack.back();
                    stack.pop_back();
                    if (e.kind == BT_SLOT)
                        slots[e.a] = e.b;
                    else if (e.kind == BT_REG)
                        regs[e.a] = {e.b, e.c};
                }
                goto fail;
            }
            cut(m);
            sp = mark.b;
            pc = li.x;
            continue;
        }
        case OP_ATOMIC:
            push(BT_MARK, pc, sp);
            ++pc;
            continue;
        case OP_ATOMIC_END:
            cut(top_mark());
            ++pc;
            continue;
        case OP_POSS_LOOP: {
            auto [count, last] = regs[in.a];
            if (int64_t(count) < int64_t(in.mn)) {
                push(BT_MARK, pc, sp); // failure here fails the whole repeat
                ++pc;
                continue;
            }
            if ((in.mx == kMaxRepeat || int64_t(count) < int64_t(in.mx)) && sp != last) {
                push(BT_MARK, pc, sp); // failure here ends the loop
                set_reg(in.a, count, sp);
                ++pc;
                continue;
            }
            pc = in.y;
            continue;
        }
        case OP_POSS_END:
            cut(top_mark());
            set_reg(in.a, regs[in.a].first + 1, regs[in.a].second);
            pc = in.x;
            continue;
        case OP_COND:
            if (slots[2 * in.a] >= 0 && slots[2 * in.a + 1] >= 0)
                ++pc;
            else
                pc = in.y;
            continue;
        case OP_MATCH:
            if ((fullmatch && sp != end) || (must_advance && sp == pos)) goto fail;
            slots[0] = start;
            slots[1] = sp;
            return true;
        }
    fail:
        for (;;) {
            if (stack.empty()) return false;
            Bt e = stack.back();
            stack.pop_back();
            switch (e.kind) {
            case BT_SLOT: slots[e.a] = e.b; continue;
            case BT_REG: regs[e.a] = {e.b, e.c}; continue;
            case BT_CHOICE:
                pc = e.a;
                sp = e.b;
                goto resume;
            case BT_STAR: {
                const Inst& st = insts[e.a];
                int mn = int(st.mn);
                int n = fit_next_literal(&insts[e.a + 2], e.b, e.c - 1, mn);
                if (n < mn) continue;
                if (n > mn) push(BT_STAR, e.a, e.b, n);
                sp = e.b + n;
                pc = e.a + 2;
                goto resume;
            }
            case BT_LAZY_STAR: {
                const Inst& st = insts[e.a];
                int n = e.c, at = e.b + n;
                if ((st.mx == kMaxRepeat || int64_t(n) < int64_t(st.mx)) && at < end &&
                    item(insts[e.a + 1], s[at])) {
                    push(BT_LAZY_STAR, e.a, e.b, n + 1);
                    sp = at + 1;
                    pc = e.a + 2;
                    goto resume;
                }
                continue;
            }
            case BT_LAZY_REP: {
                const Inst& lp = insts[e.a];
                auto [count, last] = regs[lp.a];
                int64_t c = int64_t(count) + 1;
                if ((lp.mx != kMaxRepeat && c >= int64_t(lp.mx)) || e.b == last) continue;
                set_reg(lp.a, int(c), e.b);
                sp = e.b;
                pc = e.a + 1;
                goto resume;
            }
            case BT_MARK: {
                const Inst& mi = insts[e.a];
                if (mi.op == OP_LOOK && (mi.f & 2)) { // negative assertion's body failed
                    sp = e.b;
                    pc = mi.x;
                    goto resume;
                }
                if (mi.op == OP_POSS_LOOP && int64_t(regs[mi.a].first) >= int64_t(mi.mn)) {
                    sp = e.b; // an optional possessive iteration failed: continue after the loop
                    pc = mi.y;
                    goto resume;
                }
                continue;
            }
            }
        }
    resume:;
    }
}

// One reusable VM avoids three allocations per call in findall loops; a nested call (from
// a poll hook) gets its own.
Vm g_vm;
bool g_vm_busy = false;

struct VmLease {
    Vm* vm;
    std::unique_ptr<Vm> own;
    VmLease() {
        if (g_vm_busy) {
            own = std::make_unique<Vm>();
            vm = own.get();
        } else {
            g_vm_busy = true;
            vm = &g_vm;
        }
    }
    ~VmLease() {
        if (own) return;
        g_vm_busy = false;
        if (g_vm.stack.capacity() > (size_t(1) << 16)) { // give back memory after a huge match
            g_vm.stack.clear();
            g_vm.stack.shrink_to_fit();
        }
    }
};

int clamp(long v, int n) { return v < 0 ? 0 : v > n ? n : int(v); }

bool prefilter_ok(const Code& c, char32_t ch) {
    if (ch < 256) return (c.first_low[ch >> 6] >> (ch & 63)) & 1;
    if (c.first_high_any) return true;
    for (auto& in : c.first_items)
        if (item_matches(in, c.sets, ch)) return true;
    return false;
}

} // namespace

void set_limits(Limits l) { g_limits = std::move(l); }
const Limits& limits() { return g_limits; }

std::optional<Match> match(const Program& prog, std::u32string_view subject, long pos_in,
                           long endpos_in, Mode mode, bool must_advance) {
    int n = int(subject.size());
    int pos = clamp(pos_in, n), endpos = clamp(endpos_in, n);
    const Code& code = prog.code();
    VmLease lease;
    Vm& vm = *lease.vm;
    vm.reset(code, subject, pos, endpos);
    vm.fullmatch = mode == Mode::FullMatch;
    vm.must_advance = must_advance;
    bool found = false;
    if (mode != Mode::Search) {
        if (mode == Mode::FullMatch && pos > endpos) return std::nullopt;
        found = vm.run(pos);
    } else if (pos <= endpos) {
        const char32_t* s = subject.data();
        for (int start = pos; start <= endpos; ++start) {
            if (code.use_prefilter) {
                while (start < endpos && !prefilter_ok(code, s[start])) ++start;
                if (start == endpos) break;
            }
            if (vm.req_last != -2 && start > vm.req_last) break;
            if (vm.run(start)) {
                found = true;
                break;
            }
            if (vm.hopeless || code.anchored) break;
        }
    }
    if (!found) return std::nullopt;
    Match m;
    m.spans.assign(vm.slots.begin(), vm.slots.begin() + code.nslots);
    for (int g = 1; g < code.nslots / 2; ++g)
        if (m.spans[2 * g] < 0 || m.spans[2 * g + 1] < 0) m.spans[2 * g] = m.spans[2 * g + 1] = -1;
    m.lastindex = vm.slots[code.nslots];
    m.pos = pos;
    m.endpos = endpos;
    return m;
}

// ---- successive matches ----

Scanner::Scanner(ProgramPtr prog, std::u32string_view subject, long pos, long endpos)
    : prog_(std::move(prog)), subject_(subject) {
    int n = int(subject.size());
    pos_ = orig_pos_ = clamp(pos, n);
    endpos_ = clamp(endpos, n);
}

std::optional<Match> Scanner::next() { return next(Mode::Search); }

std::optional<Match> Scanner::next(Mode mode) {
    if (done_) return std::nullopt;
    auto m = match(*prog_, subject_, pos_, endpos_, mode, must_advance_);
    if (!m) {
        done_ = true;
        return m;
    }
    must_advance_ = m->end() == m->start();
    pos_ = m->end();
    m->pos = orig_pos_;
    return m;
}

void scan(const Program& prog, std::u32string_view subject, long pos, long endpos,
          const std::function<bool(const Match&)>& f) {
    int n = int(subject.size());
    int p = clamp(pos, n), e = clamp(endpos, n), orig = p;
    bool adv = false;
    for (;;) {
        auto m = match(prog, subject, p, e, Mode::Search, adv);
        if (!m) return;
        m->pos = orig;
        if (!f(*m)) return;
        adv = m->end() == m->start();
        p = m->end();
    }
}

std::vector<std::vector<std::u32string>> findall(const Program& prog, std::u32string_view subject,
                                                 long pos, long endpos) {
    std::vector<std::vector<std::u32string>> out;
    int groups = prog.groups();
    scan(prog, subject, pos, endpos, [&](const Match& m) {
        std::vector<std::u32string> row;
        if (groups == 0)
            row.emplace_back(m.group(subject, 0));
        else
            for (int g = 1; g <= groups; ++g) row.emplace_back(m.group(subject, g));
        out.push_back(std::move(row));
        return true;
    });
    return out;
}

std::pair<std::u32string, long> subn(const Program& prog, std::u32string_view subject, long count,
                                     const std::function<std::u32string(const Match&)>& repl) {
    std::u32string out;
    long n = 0;
    int last = 0, p = 0, len = int(subject.size());
    bool adv = false;
    while (count == 0 || n < count) {
        auto m = match(prog, subject, p, len, Mode::Search, adv);
        if (!m) break;
        out.append(subject.substr(last, m->start() - last));
        out += repl(*m);
        last = m->end();
        ++n;
        adv = m->end() == m->start();
        p = m->end();
    }
    out.append(subject.substr(last));
    return {out, n};
}

std::pair<std::u32string, long> subn(const Program& prog, const Template& t,
                                     std::u32string_view subject, long count) {
    return subn(prog, subject, count, [&](const Match& m) { return expand(t, m, subject); });
}

std::vector<std::optional<std::u32string>> split(const Program& prog, std::u32string_view subject,
                                                 long maxsplit) {
    std::vector<std::optional<std::u32string>> out;
    long n = 0;
    int last = 0, p = 0, len = int(subject.size());
    bool adv = false;
    while (maxsplit == 0 || n < maxsplit) {
        auto m = match(prog, subject, p, len, Mode::Search, adv);
        if (!m) break;
        out.emplace_back(std::u32string(subject.substr(last, m->start() - last)));
        for (int g = 1; g <= prog.groups(); ++g) {
            if (m->matched(g))
                out.emplace_back(std::u32string(m->group(subject, g)));
            else
                out.emplace_back(std::nullopt);
        }
        ++n;
        adv = m->end() == m->start();
        last = p = m->end();
    }
    out.emplace_back(std::u32string(subject.substr(last)));
    return out;
}

std::u32string escape(std::u32string_view s) {
    static const std::u32string special = U"()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
    std::u32string out;
    out.reserve(s.size());
    for (char32_t c : s) {
        if (special.find(c) != std::u32string::npos) out += U'\\';
        out += c;
    }
    return out;
}

} // namespace lmpy::re
