// The `re` module: Python objects around the regex engine of re_engine.h.
//
// re.Pattern holds a compiled engine Program (compile() caches like re._cache); re.Match keeps
// the engine's spans plus the subject as UTF-32 (shared with its finditer siblings), and
// converts groups to str only when asked. Every result form follows CPython 3.11: findall's
// str/tuple shapes, split's None for unmatched groups, sub/subn with template or callable,
// Match's repr (`match=%.50R`), Pattern's repr with flag names, re.error with msg/pattern/pos.
// Engine errors (re::Error) become re.error or the Python exception their `kind` names.
#include "py/modules/modutil.h"
#include "py/modules/re_engine.h"
#include <climits>
#include <memory>

namespace lmpy {

namespace {

using U32 = std::shared_ptr<const std::u32string>;

struct PatternObj : Obj {
    re::ProgramPtr prog;
    Value pattern; // the source str
    PatternObj(Type* t, re::ProgramPtr p, Value s)
        : Obj(t), prog(std::move(p)), pattern(std::move(s)) {}
};

struct MatchObj : Obj {
    re::Match m;
    Value pattern_obj; // PatternObj
    Value string;      // the subject str
    U32 subject;
    MatchObj(Type* t) : Obj(t) {}
};

struct ReTypes {
    Type *pattern = nullptr, *match = nullptr, *error = nullptr, *iter = nullptr;
};
#define RT per_vm<ReTypes>(vm)
#define NATIVE(name) Value name(VM& vm, Args& a)

VM* g_vm = nullptr; // the VM whose program is matching (for the engine's interrupt poll)

// Scopes g_vm to one native call: the engine's poll hook is process-wide, and a VM pointer left
// behind after the call would dangle once that VM is destroyed (Interpreter::reset()).
struct Enter {
    VM* prev;
    explicit Enter(VM& vm) : prev(g_vm) {
        static bool installed = false;
        if (!installed) {
            re::Limits l = re::limits();
            l.poll = [] {
                if (g_vm) g_vm->check_interrupt();
            };
            re::set_limits(l);
            installed = true;
        }
        g_vm = &vm;
    }
    ~Enter() { g_vm = prev; }
    Enter(const Enter&) = delete;
    Enter& operator=(const Enter&) = delete;
};

[[noreturn]] void raise_re(VM& vm, const re::Error& e, const Value& pattern) {
    switch (e.kind) {
    case re::ErrorKind::Re: {
        auto* x = new ExcObj(RT.error);
        Value ev(x);
        x->args = vm.new_tuple({vm.str(e.message)});
        x->attrs[vm.intern("msg")] = vm.str(e.msg);
        x->attrs[vm.intern("pattern")] = pattern;
        x->attrs[vm.intern("pos")] = e.pos < 0 ? Value() : Value::integer(e.pos);
        x->attrs[vm.intern("lineno")] = e.lineno < 0 ? Value() : Value::integer(e.lineno);
        x->attrs[vm.intern("colno")] = e.colno < 0 ? Value() : Value::integer(e.colno);
        vm.raise_value(ev);
    }
    case re::ErrorKind::Overflow: vm.raise(vm.t.OverflowError, e.message);
    case re::ErrorKind::Index: vm.raise(vm.t.IndexError, e.message);
    case re::ErrorKind::Value: vm.raise(vm.t.ValueError, e.message);
    case re::ErrorKind::Memory: vm.raise(vm.t.MemoryError, e.message);
    case re::ErrorKind::Recursion: vm.raise(vm.t.RecursionError, e.message);
    case re::ErrorKind::Budget: vm.raise(vm.t.RuntimeError, e.message);
    }
    vm.raise(vm.t.RuntimeError, e.message);
}

Str* need_str(VM& vm, const Value& v) {
    if (!v.is_obj() || v.o->type != vm.t.str)
        vm.type_error("expected string or bytes-like object, got '" + vm.type_name(v) + "'");
    return v.as<Str>();
}

Value make_pattern(VM& vm, const Value& pat, int flags) {
    if (pat.is_obj() && pat.o->type == RT.pattern) {
        if (flags) vm.value_error("cannot process flags argument with a compiled pattern");
        return pat;
    }
    if (!pat.is_obj() || pat.o->type != vm.t.str)
        vm.type_error("first argument must be string or compiled pattern");
    Enter entered(vm);
    try {
        re::ProgramPtr p = re::compile(to_u32(pat.as<Str>()->s), flags);
        return Value(new PatternObj(RT.pattern, std::move(p), pat));
    } catch (re::Error& e) {
        raise_re(vm, e, pat);
    }
}

int flags_arg(VM& vm, Args& a, int pos) {
    const Value* f = arg_at(vm, a, pos, "flags");
    if (!f) return 0;
    return int(vm.to_index(*f));
}

Value make_match(VM& vm, const Value& pat, const Value& string, const U32& subj, re::Match m) {
    auto* mo = new MatchObj(RT.match);
    Value r(mo);
    mo->m = std::move(m);
    mo->pattern_obj = pat;
    mo->string = string;
    mo->subject = subj;
    return r;
}

std::string slice8(const std::u32string& s, int a, int b) {
    return from_u32(s.substr(size_t(a), size_t(b - a)));
}

// ---------------------------------------------------------------------------- Pattern
PatternObj* self_pat(VM& vm, Args& a) {
    if (a.n < 1 || !a[0].is_obj() || a[0].o->type != RT.pattern)
        vm.type_error("descriptor requires a 're.Pattern' object");
    return a[0].as<PatternObj>();
}

long pos_arg(VM& vm, Args& a, int i, const char* kw, long dflt) {
    const Value* v = arg_at(vm, a, i, kw);
    if (!v || v->is_none()) return dflt;
    int64_t x = vm.to_index(*v);
    if (x > LONG_MAX) return LONG_MAX;
    if (x < LONG_MIN) return LONG_MIN;
    return long(x);
}

// search/match/fullmatch on a Pattern value; args = string[, pos[, endpos]] from index `first`
Value do_match(VM& vm, const Value& pat, const Value& string, long pos, long endpos,
               re::Mode mode) {
    Str* s = need_str(vm, string);
    PatternObj* p = pat.as<PatternObj>();
    auto subj = std::make_shared<const std::u32string>(to_u32(s->s));
    Enter entered(vm);
    try {
        auto m = re::match(*p->prog, *subj, pos, endpos, mode);
        if (!m) return Value();
        return make_match(vm, pat, string, subj, std::move(*m));
    } catch (re::Error& e) {
        raise_re(vm, e, p->pattern);
    }
}

Value pat_match_mode(VM& vm, Args& a, re::Mode mode) {
    self_pat(vm, a);
    const Value* s = arg_at(vm, a, 1, "string");
    if (!s) vm.type_error("missing required argument 'string' (pos 1)");
    return do_match(vm, a[0], *s, pos_arg(vm, a, 2, "pos", 0),
                    pos_arg(vm, a, 3, "endpos", LONG_MAX), mode);
}
NATIVE(pat_search) { return pat_match_mode(vm, a, re::Mode::Search); }
NATIVE(pat_match) { return pat_match_mode(vm, a, re::Mode::Match); }
NATIVE(pat_fullmatch) { return pat_match_mode(vm, a, re::Mode::FullMatch); }

Value do_findall(VM& vm, const Value& pat, const Value& string, long pos, long endpos) {
    Str* s = need_str(vm, string);
    PatternObj* p = pat.as<PatternObj>();
    std::u32string subj = to_u32(s->s);
    Enter entered(vm);
    std::vector<std::vector<std::u32string>> res;
    try {
        res = re::findall(*p->prog, subj, pos, endpos);
    } catch (re::Error& e) {
        raise_re(vm, e, p->pattern);
    }
    std::vector<Value> out;
    out.reserve(res.size());
    for (auto& row : res) {
        if (p->prog->groups() <= 1 && row.size() == 1) {
            out.push_back(vm.str(from_u32(row[0])));
            continue;
        }
        std::vector<Value> t;
        for (auto& g : row) t.push_back(vm.str(from_u32(g)));
        out.push_back(vm.new_tuple(std::move(t)));
    }
    return vm.new_list(std::move(out));
}
NATIVE(pat_findall) {
    self_pat(vm, a);
    const Value* s = arg_at(vm, a, 1, "string");
    if (!s) vm.type_error("missing required argument 'string' (pos 1)");
    return do_findall(vm, a[0], *s, pos_arg(vm, a, 2, "pos", 0),
                      pos_arg(vm, a, 3, "endpos", LONG_MAX));
}

struct FindIter : Iter {
    Value pat, string;
    U32 subj;
    std::unique_ptr<re::Scanner> sc;
    FindIter(Type* t) : Iter(t) {}
    bool next(VM& vm, Value& out) override {
        if (!sc) return false;
        Enter entered(vm);
        std::optional<re::Match> m;
        try {
            m = sc->next();
        } catch (re::Error& e) {
            raise_re(vm, e, pat.as<PatternObj>()->pattern);
        }
        if (!m) {
            sc.reset();
            return false;
        }
        out = make_match(vm, pat, string, subj, std::move(*m));
        return true;
    }
};
Value do_finditer(VM& vm, const Value& pat, const Value& string, long pos, long endpos) {
    Str* s = need_str(vm, string);
    auto* it = new FindIter(RT.iter);
    Value r(it);
    it->pat = pat;
    it->string = string;
    it->subj = std::make_shared<const std::u32string>(to_u32(s->s));
    it->sc = std::make_unique<re::Scanner>(pat.as<PatternObj>()->prog, *it->subj, pos, endpos);
    return r;
}
NATIVE(pat_finditer) {
    self_pat(vm, a);
    const Value* s = arg_at(vm, a, 1, "string");
    if (!s) vm.type_error("missing required argument 'string' (pos 1)");
    return do_finditer(vm, a[0], *s, pos_arg(vm, a, 2, "pos", 0),
                       pos_arg(vm, a, 3, "endpos", LONG_MAX));
}

bool is_callable(VM& vm, const Value& f) {
    if (!f.is_obj()) return false;
    Type* t = f.o->type;
    return t == vm.t.function || t == vm.t.native || t == vm.t.bound || t == vm.t.type ||
           t->is_subtype(vm.t.type) || t->lookup(vm.n.__call__);
}

Value do_sub(VM& vm, const Value& pat, const Value& repl, const Value& string, int64_t count,
             bool with_n) {
    Str* s = need_str(vm, string);
    PatternObj* p = pat.as<PatternObj>();
    auto subj = std::make_shared<const std::u32string>(to_u32(s->s));
    if (count < 0) count = 0;
    Enter entered(vm);
    std::pair<std::u32string, long> r;
    try {
        if (is_callable(vm, repl)) {
            r = re::subn(*p->prog, *subj, long(count), [&](const re::Match& m) -> std::u32string {
                Value mv = make_match(vm, pat, string, subj, m);
                Value out = vm.call(repl, {mv});
                if (!out.is_obj() || out.o->type != vm.t.str)
                    vm.type_error("expected str instance, " + vm.type_name(out) + " found");
                return to_u32(out.as<Str>()->s);
            });
        } else {
            Str* rs = need_str(vm, repl);
            re::Template t = re::parse_template(*p->prog, to_u32(rs->s));
            r = re::subn(*p->prog, t, *subj, long(count));
        }
    } catch (re::Error& e) {
        raise_re(vm, e, e.kind == re::ErrorKind::Re ? repl : p->pattern);
    }
    Value text = vm.str(from_u32(r.first));
    if (!with_n) return text;
    return vm.new_tuple({text, Value::integer(r.second)});
}
Value pat_sub_impl(VM& vm, Args& a, bool with_n) {
    self_pat(vm, a);
    const Value* repl = arg_at(vm, a, 1, "repl");
    const Value* s = arg_at(vm, a, 2, "string");
    if (!repl || !s) vm.type_error("missing required argument");
    const Value* c = arg_at(vm, a, 3, "count");
    return do_sub(vm, a[0], *repl, *s, c ? vm.to_index(*c) : 0, with_n);
}
NATIVE(pat_sub) { return pat_sub_impl(vm, a, false); }
NATIVE(pat_subn) { return pat_sub_impl(vm, a, true); }

Value do_split(VM& vm, const Value& pat, const Value& string, int64_t maxsplit) {
    Str* s = need_str(vm, string);
    PatternObj* p = pat.as<PatternObj>();
    std::u32string subj = to_u32(s->s);
    Enter entered(vm);
    std::vector<std::optional<std::u32string>> parts;
    try {
        if (maxsplit < 0) return vm.new_list({string});
        parts = re::split(*p->prog, subj, long(maxsplit));
    } catch (re::Error& e) {
        raise_re(vm, e, p->pattern);
    }
    std::vector<Value> out;
    for (auto& x : parts) out.push_back(x ? vm.str(from_u32(*x)) : Value());
    return vm.new_list(std::move(out));
}
NATIVE(pat_split) {
    self_pat(vm, a);
    const Value* s = arg_at(vm, a, 1, "string");
    if (!s) vm.type_error("missing required argument 'string' (pos 1)");
    const Value* m = arg_at(vm, a, 2, "maxsplit");
    return do_split(vm, a[0], *s, m ? vm.to_index(*m) : 0);
}

std::string truncated_repr(VM& vm, const Value& v, size_t maxchars) {
    std::u32string r = to_u32(vm.repr(v));
    if (r.size() > maxchars) r.resize(maxchars);
    return from_u32(r);
}

NATIVE(pat_repr) {
    PatternObj* p = self_pat(vm, a);
    std::string s = "re.compile(" + truncated_repr(vm, p->pattern, 200);
    int flags = p->prog->flags();
    if ((flags & (re::LOCALE | re::UNICODE | re::ASCII)) == re::UNICODE) flags &= ~re::UNICODE;
    if (flags) {
        static const std::pair<int, const char*> names[] = {
            {re::TEMPLATE, "re.TEMPLATE"}, {re::IGNORECASE, "re.IGNORECASE"},
            {re::LOCALE, "re.LOCALE"},     {re::MULTILINE, "re.MULTILINE"},
            {re::DOTALL, "re.DOTALL"},     {re::UNICODE, "re.UNICODE"},
            {re::VERBOSE, "re.VERBOSE"},   {re::DEBUG, "re.DEBUG"},
            {re::ASCII, "re.ASCII"}};
        std::string f;
        for (auto& [bit, name] : names)
            if (flags & bit) {
                if (!f.empty()) f += "|";
                f += name;
                flags &= ~bit;
            }
        if (flags) {
            char buf[32];
            snprintf(buf, sizeof buf, "0x%x", flags);
            if (!f.empty()) f += "|";
            f += buf;
        }
        s += ", " + f;
    }
    return vm.str(s + ")");
}
NATIVE(pat_pattern) { return self_pat(vm, a)->pattern; }
NATIVE(pat_flags) { return Value::integer(self_pat(vm, a)->prog->flags()); }
NATIVE(pat_groups) { return Value::integer(self_pat(vm, a)->prog->groups()); }
NATIVE(pat_groupindex) {
    PatternObj* p = self_pat(vm, a);
    Value d = vm.new_dict();
    for (auto& [name, idx] : p->prog->group_names())
        dict_set(vm, d.as<Dict>(), vm.str(from_u32(name)), Value::integer(idx));
    return d;
}
NATIVE(pat_eq) {
    if (a.n != 2 || !a[1].is_obj() || a[1].o->type != RT.pattern) return vm.NotImplemented;
    PatternObj* x = a[0].as<PatternObj>();
    PatternObj* y = a[1].as<PatternObj>();
    return Value::boolean(x->prog->flags() == y->prog->flags() && vm.eq(x->pattern, y->pattern));
}
NATIVE(pat_hash) { return Value::integer(vm.hash(self_pat(vm, a)->pattern)); }

// ------------------------------------------------------------------------------ Match
MatchObj* self_m(VM& vm, Args& a) {
    if (a.n < 1 || !a[0].is_obj() || a[0].o->type != RT.match)
        vm.type_error("descriptor requires a 're.Match' object");
    return a[0].as<MatchObj>();
}

int group_index(VM& vm, MatchObj* m, const Value& g) {
    const re::Program& p = *m->pattern_obj.as<PatternObj>()->prog;
    if (g.is_obj() && g.o->type == vm.t.str) {
        int i = p.group_index(to_u32(g.as<Str>()->s));
        if (i < 0) vm.index_error("no such group");
        return i;
    }
    if (!is_int(vm, g)) vm.index_error("no such group");
    int64_t i = vm.to_index(g);
    if (i < 0 || i > p.groups()) vm.index_error("no such group");
    return int(i);
}

Value group_value(VM& vm, MatchObj* m, int g, const Value& dflt = Value()) {
    if (!m->m.matched(g)) return dflt;
    return vm.str(slice8(*m->subject, m->m.start(g), m->m.end(g)));
}

NATIVE(m_group) {
    MatchObj* m = self_m(vm, a);
    if (a.n <= 1) return group_value(vm, m, 0);
    if (a.n == 2) return group_value(vm, m, group_index(vm, m, a[1]));
    std::vector<Value> out;
    for (int i = 1; i < a.n; ++i) out.push_back(group_value(vm, m, group_index(vm, m, a[i])));
    return vm.new_tuple(std::move(out));
}
NATIVE(m_getitem) {
    MatchObj* m = self_m(vm, a);
    check_nargs(vm, "__getitem__", a, 2, 2);
    return group_value(vm, m, group_index(vm, m, a[1]));
}
NATIVE(m_groups) {
    MatchObj* m = self_m(vm, a);
    const Value* d = arg_at(vm, a, 1, "default");
    Value dflt = d ? *d : Value();
    std::vector<Value> out;
    for (int g = 1; g <= m->m.groups(); ++g) out.push_back(group_value(vm, m, g, dflt));
    return vm.new_tuple(std::move(out));
}
NATIVE(m_groupdict) {
    MatchObj* m = self_m(vm, a);
    const Value* d = arg_at(vm, a, 1, "default");
    Value dflt = d ? *d : Value();
    Value r = vm.new_dict();
    for (auto& [name, idx] : m->pattern_obj.as<PatternObj>()->prog->group_names())
        dict_set(vm, r.as<Dict>(), vm.str(from_u32(name)), group_value(vm, m, idx, dflt));
    return r;
}
int group_of(VM& vm, Args& a, MatchObj* m) { return a.n > 1 ? group_index(vm, m, a[1]) : 0; }
NATIVE(m_start) {
    MatchObj* m = self_m(vm, a);
    return Value::integer(m->m.start(group_of(vm, a, m)));
}
NATIVE(m_end) {
    MatchObj* m = self_m(vm, a);
    return Value::integer(m->m.end(group_of(vm, a, m)));
}
NATIVE(m_span) {
    MatchObj* m = self_m(vm, a);
    int g = group_of(vm, a, m);
    return vm.new_tuple({Value::integer(m->m.start(g)), Value::integer(m->m.end(g))});
}
NATIVE(m_expand) {
    MatchObj* m = self_m(vm, a);
    check_nargs(vm, "expand", a, 2, 2);
    Str* t = need_str(vm, a[1]);
    const re::Program& p = *m->pattern_obj.as<PatternObj>()->prog;
    try {
        re::Template tp = re::parse_template(p, to_u32(t->s));
        return vm.str(from_u32(re::expand(tp, m->m, *m->subject)));
    } catch (re::Error& e) {
        raise_re(vm, e, a[1]);
    }
}
NATIVE(m_repr) {
    MatchObj* m = self_m(vm, a);
    std::string s = "<re.Match object; span=(" + std::to_string(m->m.start(0)) + ", " +
                    std::to_string(m->m.end(0)) + "), match=";
    return vm.str(s + truncated_repr(vm, group_value(vm, m, 0), 50) + ">");
}
NATIVE(m_bool) { return Value::boolean(true); }
NATIVE(m_string) { return self_m(vm, a)->string; }
NATIVE(m_re) { return self_m(vm, a)->pattern_obj; }
NATIVE(m_pos) { return Value::integer(self_m(vm, a)->m.pos); }
NATIVE(m_endpos) { return Value::integer(self_m(vm, a)->m.endpos); }
NATIVE(m_lastindex) {
    MatchObj* m = self_m(vm, a);
    return m->m.lastindex < 0 ? Value() : Value::integer(m->m.lastindex);
}
NATIVE(m_lastgroup) {
    MatchObj* m = self_m(vm, a);
    if (m->m.lastindex < 0) return Value();
    const std::u32string* n = m->pattern_obj.as<PatternObj>()->prog->group_name(m->m.lastindex);
    return n ? vm.str(from_u32(*n)) : Value();
}
NATIVE(m_regs) {
    MatchObj* m = self_m(vm, a);
    std::vector<Value> out;
    for (int g = 0; g <= m->m.groups(); ++g)
        out.push_back(vm.new_tuple({Value::integer(m->m.start(g)), Value::integer(m->m.end(g))}));
    return vm.new_tuple(std::move(out));
}

// ---------------------------------------------------------------------- module functions
const Value& req(VM& vm, Args& a, int i, const char* kw, const char* fname) {
    const Value* v = arg_at(vm, a, i, kw);
    if (!v)
        vm.type_error(std::string(fname) + "() missing required argument '" + kw + "' (pos " +
                      std::to_string(i + 1) + ")");
    return *v;
}
Value mod_match_mode(VM& vm, Args& a, re::Mode mode, const char* fname) {
    Value p = make_pattern(vm, req(vm, a, 0, "pattern", fname), flags_arg(vm, a, 2));
    return do_match(vm, p, req(vm, a, 1, "string", fname), 0, LONG_MAX, mode);
}
NATIVE(re_search) { return mod_match_mode(vm, a, re::Mode::Search, "search"); }
NATIVE(re_match) { return mod_match_mode(vm, a, re::Mode::Match, "match"); }
NATIVE(re_fullmatch) { return mod_match_mode(vm, a, re::Mode::FullMatch, "fullmatch"); }
NATIVE(re_compile) {
    return make_pattern(vm, req(vm, a, 0, "pattern", "compile"), flags_arg(vm, a, 1));
}
NATIVE(re_findall) {
    Value p = make_pattern(vm, req(vm, a, 0, "pattern", "findall"), flags_arg(vm, a, 2));
    return do_findall(vm, p, req(vm, a, 1, "string", "findall"), 0, LONG_MAX);
}
NATIVE(re_finditer) {
    Value p = make_pattern(vm, req(vm, a, 0, "pattern", "finditer"), flags_arg(vm, a, 2));
    return do_finditer(vm, p, req(vm, a, 1, "string", "finditer"), 0, LONG_MAX);
}
Value re_sub_impl(VM& vm, Args& a, bool with_n) {
    const char* fn = with_n ? "subn" : "sub";
    Value p = make_pattern(vm, req(vm, a, 0, "pattern", fn), flags_arg(vm, a, 4));
    const Value* c = arg_at(vm, a, 3, "count");
    return do_sub(vm, p, req(vm, a, 1, "repl", fn), req(vm, a, 2, "string", fn),
                  c ? vm.to_index(*c) : 0, with_n);
}
NATIVE(re_sub) { return re_sub_impl(vm, a, false); }
NATIVE(re_subn) { return re_sub_impl(vm, a, true); }
NATIVE(re_split) {
    Value p = make_pattern(vm, req(vm, a, 0, "pattern", "split"), flags_arg(vm, a, 3));
    const Value* m = arg_at(vm, a, 2, "maxsplit");
    return do_split(vm, p, req(vm, a, 1, "string", "split"), m ? vm.to_index(*m) : 0);
}
NATIVE(re_escape) {
    Str* s = need_str(vm, req(vm, a, 0, "pattern", "escape"));
    return vm.str(from_u32(re::escape(to_u32(s->s))));
}
NATIVE(re_purge) {
    re::purge();
    return Value();
}

void init_re(VM& vm, const Value& m) {
    ReTypes& rt = RT;
    rt.pattern = module_type(vm, "Pattern", "re", nullptr, nullptr, true);
    rt.match = module_type(vm, "Match", "re", nullptr, nullptr, true);
    rt.iter = module_type(vm, "callable_iterator", "builtins");
    rt.error = vm.new_type("error", vm.t.Exception, Layout::Exception);
    rt.error->module = "re";
    struct M {
        const char* name;
        NativeFn fn;
    };
    for (auto& x : std::initializer_list<M>{{"search", pat_search},
                                            {"match", pat_match},
                                            {"fullmatch", pat_fullmatch},
                                            {"findall", pat_findall},
                                            {"finditer", pat_finditer},
                                            {"sub", pat_sub},
                                            {"subn", pat_subn},
                                            {"split", pat_split},
                                            {"__repr__", pat_repr},
                                            {"__eq__", pat_eq},
                                            {"__hash__", pat_hash}})
        vm.add_method(rt.pattern, x.name, x.fn);
    add_getter(vm, rt.pattern, "pattern", pat_pattern);
    add_getter(vm, rt.pattern, "flags", pat_flags);
    add_getter(vm, rt.pattern, "groups", pat_groups);
    add_getter(vm, rt.pattern, "groupindex", pat_groupindex);
    for (auto& x : std::initializer_list<M>{{"group", m_group},
                                            {"__getitem__", m_getitem},
                                            {"groups", m_groups},
                                            {"groupdict", m_groupdict},
                                            {"start", m_start},
                                            {"end", m_end},
                                            {"span", m_span},
                                            {"expand", m_expand},
                                            {"__repr__", m_repr},
                                            {"__bool__", m_bool}})
        vm.add_method(rt.match, x.name, x.fn);
    add_getter(vm, rt.match, "string", m_string);
    add_getter(vm, rt.match, "re", m_re);
    add_getter(vm, rt.match, "pos", m_pos);
    add_getter(vm, rt.match, "endpos", m_endpos);
    add_getter(vm, rt.match, "lastindex", m_lastindex);
    add_getter(vm, rt.match, "lastgroup", m_lastgroup);
    add_getter(vm, rt.match, "regs", m_regs);
    for (auto& x : std::initializer_list<M>{{"compile", re_compile},
                                            {"search", re_search},
                                            {"match", re_match},
                                            {"fullmatch", re_fullmatch},
                                            {"findall", re_findall},
                                            {"finditer", re_finditer},
                                            {"sub", re_sub},
                                            {"subn", re_subn},
                                            {"split", re_split},
                                            {"escape", re_escape},
                                            {"purge", re_purge}})
        vm.set_global(m, x.name, vm.new_native(x.name, x.fn));
    vm.set_global(m, "Pattern", Value(static_cast<Obj*>(rt.pattern)));
    vm.set_global(m, "Match", Value(static_cast<Obj*>(rt.match)));
    vm.set_global(m, "error", Value(static_cast<Obj*>(rt.error)));
    struct F {
        const char *s, *l;
        int v;
    };
    for (auto& f : std::initializer_list<F>{{"I", "IGNORECASE", re::IGNORECASE},
                                            {"M", "MULTILINE", re::MULTILINE},
                                            {"S", "DOTALL", re::DOTALL},
                                            {"X", "VERBOSE", re::VERBOSE},
                                            {"A", "ASCII", re::ASCII},
                                            {"U", "UNICODE", re::UNICODE},
                                            {"L", "LOCALE", re::LOCALE},
                                            {"T", "TEMPLATE", re::TEMPLATE}}) {
        vm.set_global(m, f.s, Value::integer(f.v));
        vm.set_global(m, f.l, Value::integer(f.v));
    }
    vm.set_global(m, "DEBUG", Value::integer(re::DEBUG));
    vm.set_global(m, "NOFLAG", Value::integer(0));
}

} // namespace

void register_re_module(VM& vm) { vm.register_module("re", init_re); }

} // namespace lmpy
