// Methods of the builtin containers and str. Natives receive self as a[0].
// Compiled for speed (CMakeLists' LMPY_WASM_HOT) for the methods loops call: str split/join/
// strip/replace/startswith, list append/extend/pop, dict get/items/keys/values/
// setdefault, set add; the rest is marked LMPY_SIZE_BEGIN/END (optimised for size).
#include "py/numfmt.h"
#include "py/modules/re_engine.h"
#include "py/runtime.h"
#include "size_fn.h"
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>

namespace lmpy {

void sort_values(VM& vm, std::vector<Value>& items, const Value* key, bool reverse);
void dict_update_from(VM& vm, Dict* d, const Value& src);
Value make_seq_iter(VM& vm, const Value& v, int kind);

#define NATIVE(name) static Value name(VM& vm, Args& a)
#define SELF_STR (a[0].as<Str>()->s)

static Str* arg_str(VM& vm, const Value& v, const char* what) {
    if (!v.is_obj() || v.o->type != vm.t.str)
        vm.type_error(std::string(what) + " arg must be None or str");
    return v.as<Str>();
}
// ------------------------------------------------------------------------------ str
static bool is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x1c ||
           c == 0x1d || c == 0x1e || c == 0x1f;
}

// Length in bytes of the whitespace character at s[i] (str.isspace), 0 when it is not one.
// Non-ASCII whitespace (U+0085, U+00A0, U+2000.., U+3000 ...) counts, as in CPython.
static inline size_t space_at(const std::string& s, size_t i) {
    unsigned char c = s[i];
    if (c < 0x80) return is_space(c) ? 1 : 0;
    size_t n = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    if (i + n > s.size()) return 0;
    char32_t cp = c & (0x7F >> n);
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    return re::is_space(cp) ? n : 0;
}
// The byte offset of the character after the one at s[i].
static inline size_t next_char(const std::string& s, size_t i) {
    if ((unsigned char)s[i++] < 0x80) return i;
    while (i < s.size() && (s[i] & 0xC0) == 0x80) ++i;
    return i;
}

// Calls word(begin, end) with the byte range of each item of s.split(None, maxsplit).
template <class F> static void each_word(const std::string& s, int64_t maxsplit, F&& word) {
    size_t i = 0, n = s.size(), w;
    for (int64_t count = 0;; ++count) {
        while (i < n && (w = space_at(s, i))) i += w;
        if (i >= n) return;
        if (maxsplit >= 0 && count >= maxsplit) { // the rest, trailing whitespace and all
            word(i, n);
            return;
        }
        size_t j = i;
        while (j < n && !space_at(s, j)) j = next_char(s, j);
        word(i, j);
        i = j;
    }
}

std::vector<std::string> str_split_whitespace(const std::string& s, int64_t maxsplit) {
    std::vector<std::string> out;
    each_word(s, maxsplit, [&](size_t b, size_t e) { out.push_back(s.substr(b, e - b)); });
    return out;
}

NATIVE(str_split) {
    const Str* self = a[0].as<Str>();
    const std::string& s = self->s;
    const Value* sepv = a.n > 1 ? &a[1] : a.kw(vm.n.sep);
    const Value* maxv = a.n > 2 ? &a[2] : a.kw(vm, "maxsplit");
    int64_t maxsplit = maxv ? vm.to_index(*maxv) : -1;
    std::vector<Value> out;
    if (!sepv || sepv->is_none()) {
        each_word(s, maxsplit,
                  [&](size_t b, size_t e) { out.push_back(vm.str_part(self, b, e - b)); });
        return vm.new_list(std::move(out));
    }
    const std::string& sep = arg_str(vm, *sepv, "sep")->s;
    if (sep.empty()) vm.value_error("empty separator");
    size_t i = 0;
    while (true) {
        if (maxsplit >= 0 && int64_t(out.size()) >= maxsplit) break;
        size_t j = s.find(sep, i);
        if (j == std::string::npos) break;
        out.push_back(vm.str_part(self, i, j - i));
        i = j + sep.size();
    }
    out.push_back(vm.str_part(self, i, s.size() - i));
    return vm.new_list(std::move(out));
}
LMPY_SIZE_BEGIN
NATIVE(str_rsplit) {
    const std::string& s = SELF_STR;
    const Value* sepv = a.n > 1 ? &a[1] : a.kw(vm.n.sep);
    const Value* maxv = a.n > 2 ? &a[2] : a.kw(vm, "maxsplit");
    int64_t maxsplit = maxv ? vm.to_index(*maxv) : -1;
    if (maxsplit < 0) {
        Args b = a;
        return str_split(vm, b);
    }
    std::vector<Value> out;
    if (!sepv || sepv->is_none()) {
        int64_t e = int64_t(s.size());
        while (true) {
            while (e > 0 && is_space(s[e - 1])) --e;
            if (e <= 0) break;
            if (int64_t(out.size()) >= maxsplit) { // the rest, leading whitespace and all
                out.push_back(vm.str(s.substr(0, e)));
                break;
            }
            int64_t j = e;
            while (j > 0 && !is_space(s[j - 1])) --j;
            out.push_back(vm.str(s.substr(j, e - j)));
            e = j;
        }
    } else {
        const std::string& sep = arg_str(vm, *sepv, "sep")->s;
        if (sep.empty()) vm.value_error("empty separator");
        size_t end = s.size();
        while (int64_t(out.size()) < maxsplit) {
            if (end < sep.size()) break;
            size_t j = s.rfind(sep, end - sep.size());
            if (j == std::string::npos) break;
            out.push_back(vm.str(s.substr(j + sep.size(), end - j - sep.size())));
            end = j;
        }
        out.push_back(vm.str(s.substr(0, end)));
    }
    std::reverse(out.begin(), out.end());
    return vm.new_list(std::move(out));
}
LMPY_SIZE_END
NATIVE(str_join) {
    const std::string& sep = SELF_STR;
    std::string out;
    int64_t i = 0;
    vm.iterate(a[1], [&](const Value& v) {
        if (!v.is_obj() || v.o->type != vm.t.str)
            vm.type_error("sequence item " + std::to_string(i) + ": expected str instance, " +
                          vm.type_name(v) + " found");
        if (i++) out += sep;
        out += v.as<Str>()->s;
    });
    return vm.str(std::move(out));
}
LMPY_SIZE_BEGIN
static std::string map_ascii(const std::string& s, int (*f)(int)) {
    std::string r = s;
    for (auto& c : r)
        if ((unsigned char)c < 0x80) c = char(f(c));
    return r;
}
// Simple lowercase mapping of a code point: CPython's Unicode tables, which re shares.
static char32_t cp_lower(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return re::lower_for_backref(c);
}
// Case mapping for the common non-ASCII ranges (Latin-1, Latin Extended-A, Greek, Cyrillic).
static char32_t cp_upper(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 32;
    if (c == 0xFF) return 0x178;
    if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 &&
        c != 0x17F) {
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
            return (c % 2 == 0) ? c - 1 : c;
        return (c % 2 == 1) ? c - 1 : c;
    }
    if (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2) return c - 32;
    if (c == 0x3C2) return 0x3A3;
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    return c;
}
static bool cp_isalpha(char32_t c) {
    if (c < 0x80) return (c | 32) - 'a' < 26u;
    return cp_lower(c) != c || cp_upper(c) != c || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7A3) || c == 0xDF;
}
static std::string map_cp(const std::string& s, char32_t (*f)(char32_t)) {
    bool ascii = true;
    for (unsigned char c : s)
        if (c >= 0x80) ascii = false;
    if (ascii) {
        std::string r = s;
        for (auto& c : r) c = char(f(char32_t((unsigned char)c)));
        return r;
    }
    std::u32string u = to_u32(s);
    for (auto& c : u) {
        if (c == 0xDF && f == cp_upper) continue;
        c = f(c);
    }
    std::string r = from_u32(u);
    if (f == cp_upper) {
        size_t p;
        while ((p = r.find("\xC3\x9F")) != std::string::npos) r.replace(p, 2, "SS");
    }
    return r;
}
// Unicode's Final_Sigma context of the capital sigma at u[i]: a cased letter before it and
// none after it, skipping case-ignorable characters. "Cased" and "case-ignorable" are
// approximated (letters with a case mapping; combining marks and the common apostrophes and
// dots), which covers Greek text.
static bool final_sigma(const std::u32string& u, size_t i) {
    auto ignorable = [](char32_t c) {
        return c == '\'' || c == '.' || c == ':' || c == '^' || c == '`' || c == 0xAD ||
               c == 0xB7 || c == 0x2018 || c == 0x2019 || (c >= 0x300 && c <= 0x36F);
    };
    auto cased = [](char32_t c) { return cp_lower(c) != c || cp_upper(c) != c; };
    size_t j = i;
    while (j > 0 && ignorable(u[j - 1])) --j;
    if (j == 0 || !cased(u[j - 1])) return false;
    j = i + 1;
    while (j < u.size() && ignorable(u[j])) ++j;
    return j == u.size() || !cased(u[j]);
}

// str.lower(): the simple mapping, plus the two rules of CPython's full lowercasing that need
// no locale: U+0130 becomes "i\u0307", and a capital sigma ending a word becomes final sigma.
std::string str_lower(const std::string& s) {
    if (s.find("\xC4\xB0") == std::string::npos && s.find("\xCE\xA3") == std::string::npos)
        return map_cp(s, cp_lower);
    std::u32string u = to_u32(s), out;
    for (size_t i = 0; i < u.size(); ++i) {
        if (u[i] == 0x130)
            out += U"i\u0307";
        else if (u[i] == 0x3A3)
            out += final_sigma(u, i) ? char32_t(0x3C2) : char32_t(0x3C3);
        else
            out += cp_lower(u[i]);
    }
    return from_u32(out);
}
NATIVE(str_lower) { return vm.str(str_lower(SELF_STR)); }
NATIVE(str_upper) { return vm.str(map_cp(SELF_STR, cp_upper)); }
NATIVE(str_casefold) { return vm.str(map_cp(SELF_STR, cp_lower)); }
NATIVE(str_capitalize) {
    std::u32string u = to_u32(SELF_STR);
    for (size_t i = 0; i < u.size(); ++i) u[i] = i == 0 ? cp_upper(u[i]) : cp_lower(u[i]);
    return vm.str(from_u32(u));
}
NATIVE(str_title) {
    std::u32string u = to_u32(SELF_STR);
    bool prev = false;
    for (auto& c : u) {
        bool alpha = cp_isalpha(c);
        c = alpha ? (prev ? cp_lower(c) : cp_upper(c)) : c;
        prev = alpha;
    }
    return vm.str(from_u32(u));
}
NATIVE(str_swapcase) {
    std::u32string u = to_u32(SELF_STR);
    for (auto& c : u) c = cp_lower(c) != c ? cp_lower(c) : cp_upper(c);
    return vm.str(from_u32(u));
}
LMPY_SIZE_END
static Value strip_impl(VM& vm, Args& a, bool left, bool right) {
    const std::string& s = SELF_STR;
    size_t b = 0, e = s.size();
    if (a.n > 1 && !a[1].is_none()) {
        std::u32string chars = to_u32(arg_str(vm, a[1], "strip")->s);
        std::u32string u = to_u32(s);
        size_t i = 0, j = u.size();
        if (left)
            while (i < j && chars.find(u[i]) != std::u32string::npos) ++i;
        if (right)
            while (j > i && chars.find(u[j - 1]) != std::u32string::npos) --j;
        return vm.str(from_u32(u.substr(i, j - i)));
    }
    if (left)
        while (b < e && is_space(s[b])) ++b;
    if (right)
        while (e > b && is_space(s[e - 1])) --e;
    return vm.str(s.substr(b, e - b));
}
NATIVE(str_strip) { return strip_impl(vm, a, true, true); }
NATIVE(str_lstrip) { return strip_impl(vm, a, true, false); }
NATIVE(str_rstrip) { return strip_impl(vm, a, false, true); }
NATIVE(str_replace) {
    const std::string& s = SELF_STR;
    const std::string& old = arg_str(vm, a[1], "replace")->s;
    const std::string& rep = arg_str(vm, a[2], "replace")->s;
    int64_t count = a.n > 3 ? vm.to_index(a[3]) : -1;
    std::string out;
    if (old.empty()) {
        std::u32string u = to_u32(s);
        int64_t done = 0;
        for (size_t i = 0; i <= u.size(); ++i) {
            if (count < 0 || done < count) {
                out += rep;
                ++done;
            }
            if (i < u.size()) utf8_append(out, u[i]);
        }
        return vm.str(out);
    }
    size_t i = 0;
    int64_t done = 0;
    while (count < 0 || done < count) {
        size_t j = s.find(old, i);
        if (j == std::string::npos) break;
        out.append(s, i, j - i);
        out += rep;
        i = j + old.size();
        ++done;
    }
    out.append(s, i, std::string::npos);
    return vm.str(std::move(out));
}
// find, count, startswith and endswith, compiled for size: none is in a hot loop of the deck.
LMPY_SIZE_BEGIN
// The optional start and end (a[2], a[3]) of find, index, count, startswith and endswith as
// code-point offsets clamped to the string (CPython's ADJUST_INDICES); false when the range
// holds nothing a substring could be found in (start past the end, or end before start).
static bool sub_range(VM& vm, Args& a, int64_t len, int64_t& start, int64_t& end) {
    auto idx = [&](int k, int64_t none) {
        if (a.n <= k || a[k].is_none()) return none;
        return vm.to_index(a[k],
                           "slice indices must be integers or None or have an __index__ method");
    };
    start = idx(2, 0);
    end = idx(3, len);
    if (end > len) end = len;
    if (end < 0) end = std::max<int64_t>(0, end + len);
    if (start < 0) start = std::max<int64_t>(0, start + len);
    return start <= end;
}
// The text of self between a[2] and a[3] (the whole string without copying when there is no
// range), or nullptr when the range is empty as sub_range says.
static const std::string* range_text(VM& vm, Args& a, std::string& buf, int64_t& start) {
    Str* self = a[0].as<Str>();
    int64_t end;
    if (!sub_range(vm, a, self->len, start, end)) return nullptr;
    if (start == 0 && end == self->len) return &self->s;
    buf = str_slice(self, start, end, 1);
    return &buf;
}
static Str* sub_str(VM& vm, const Value& v) {
    if (!v.is_obj() || v.o->type != vm.t.str) vm.type_error("must be str, not " + vm.type_name(v));
    return v.as<Str>();
}
static bool affix(VM& vm, Args& a, bool start) {
    const char* name = start ? "startswith" : "endswith";
    std::string buf;
    int64_t from;
    const std::string* s = range_text(vm, a, buf, from);
    auto test = [&](const Value& p, bool in_tuple) {
        if (!p.is_obj() || p.o->type != vm.t.str)
            vm.type_error(in_tuple ? std::string("tuple for ") + name +
                                         " must only contain str, not " + vm.type_name(p)
                                   : std::string(name) +
                                         " first arg must be str or a tuple of str, not " +
                                         vm.type_name(p));
        const std::string& x = p.as<Str>()->s;
        if (!s || x.size() > s->size()) return false;
        return start ? s->compare(0, x.size(), x) == 0
                     : s->compare(s->size() - x.size(), x.size(), x) == 0;
    };
    if (a[1].is_obj() && a[1].o->type == vm.t.tuple) {
        for (auto& p : a[1].as<Tuple>()->items)
            if (test(p, true)) return true;
        return false;
    }
    return test(a[1], false);
}
NATIVE(str_startswith) { return Value::boolean(affix(vm, a, true)); }
NATIVE(str_endswith) { return Value::boolean(affix(vm, a, false)); }
static int64_t byte_to_cp(const std::string& s, size_t b) {
    int64_t n = 0;
    for (size_t i = 0; i < b && i < s.size(); ++i)
        if ((s[i] & 0xC0) != 0x80) ++n;
    return n;
}
static int64_t find_impl(VM& vm, Args& a, bool rev) {
    const std::string& sub = sub_str(vm, a[1])->s;
    std::string buf;
    int64_t start;
    const std::string* hay = range_text(vm, a, buf, start);
    if (!hay) return -1;
    size_t p = rev ? hay->rfind(sub) : hay->find(sub);
    if (p == std::string::npos) return -1;
    return start + byte_to_cp(*hay, p);
}
NATIVE(str_find) { return Value::integer(find_impl(vm, a, false)); }
NATIVE(str_rfind) { return Value::integer(find_impl(vm, a, true)); }
NATIVE(str_index) {
    int64_t r = find_impl(vm, a, false);
    if (r < 0) vm.value_error("substring not found");
    return Value::integer(r);
}
NATIVE(str_rindex) {
    int64_t r = find_impl(vm, a, true);
    if (r < 0) vm.value_error("substring not found");
    return Value::integer(r);
}
NATIVE(str_count) {
    const std::string& sub = sub_str(vm, a[1])->s;
    std::string buf;
    int64_t start;
    const std::string* hay = range_text(vm, a, buf, start);
    if (!hay) return Value::integer(0);
    if (sub.empty()) return Value::integer(byte_to_cp(*hay, hay->size()) + 1);
    int64_t n = 0;
    size_t i = 0;
    while ((i = hay->find(sub, i)) != std::string::npos) {
        ++n;
        i += sub.size();
    }
    return Value::integer(n);
}
template <class P> static Value str_pred(VM& vm, Args& a, P pred) {
    std::u32string u = to_u32(SELF_STR);
    if (u.empty()) return Value::boolean(false);
    for (char32_t c : u)
        if (!pred(c)) return Value::boolean(false);
    return Value::boolean(true);
}
NATIVE(str_isdigit) {
    return str_pred(vm, a, [](char32_t c) { return c >= '0' && c <= '9'; });
}
NATIVE(str_isalpha) { return str_pred(vm, a, cp_isalpha); }
NATIVE(str_isascii) { return Value::boolean(a[0].as<Str>()->ascii); }
NATIVE(str_isalnum) {
    return str_pred(vm, a, [](char32_t c) { return (c >= '0' && c <= '9') || cp_isalpha(c); });
}
NATIVE(str_isspace) {
    return str_pred(vm, a, [](char32_t c) {
        return c < 0x80 ? is_space((unsigned char)c) : c == 0xA0 || c == 0x3000;
    });
}
NATIVE(str_islower) {
    std::u32string u = to_u32(SELF_STR);
    bool cased = false;
    for (char32_t c : u) {
        if (cp_upper(c) != c) cased = true;
        if (cp_lower(c) != c) return Value::boolean(false);
    }
    return Value::boolean(cased);
}
NATIVE(str_isupper) {
    std::u32string u = to_u32(SELF_STR);
    bool cased = false;
    for (char32_t c : u) {
        if (cp_lower(c) != c) cased = true;
        if (cp_upper(c) != c) return Value::boolean(false);
    }
    return Value::boolean(cased);
}
static Value pad(VM& vm, Args& a, int mode) {
    Str* s = a[0].as<Str>();
    int64_t width = vm.to_index(a[1]);
    std::string fill = a.n > 2 ? arg_str(vm, a[2], "pad")->s : " ";
    if (width <= s->len) return a[0];
    int64_t total = width - s->len;
    int64_t left = mode == 0 ? 0 : mode == 1 ? total : total / 2 + (total & width & 1);
    int64_t right = total - left;
    std::string out;
    for (int64_t i = 0; i < left; ++i) out += fill;
    out += s->s;
    for (int64_t i = 0; i < right; ++i) out += fill;
    return vm.str(out);
}
NATIVE(str_ljust) { return pad(vm, a, 0); }
NATIVE(str_rjust) { return pad(vm, a, 1); }
NATIVE(str_center) { return pad(vm, a, 2); }
NATIVE(str_zfill) {
    Str* s = a[0].as<Str>();
    int64_t width = vm.to_index(a[1]);
    if (width <= s->len) return a[0];
    std::string body = s->s;
    std::string sign;
    if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
        sign = body.substr(0, 1);
        body = body.substr(1);
    }
    return vm.str(sign + std::string(width - s->len, '0') + body);
}
NATIVE(str_splitlines) {
    const std::string& s = SELF_STR;
    bool keep = a.n > 1 && vm.truthy(a[1]);
    std::vector<Value> out;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = i;
        while (j < s.size() && s[j] != '\n' && s[j] != '\r') ++j;
        size_t e = j;
        if (j < s.size()) {
            if (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n')
                j += 2;
            else
                j += 1;
        }
        out.push_back(vm.str(s.substr(i, (keep ? j : e) - i)));
        i = j;
    }
    return vm.new_list(std::move(out));
}
NATIVE(str_partition) {
    const std::string& s = SELF_STR;
    const std::string& sep = arg_str(vm, a[1], "partition")->s;
    if (sep.empty()) vm.value_error("empty separator");
    size_t p = s.find(sep);
    if (p == std::string::npos) return vm.new_tuple({a[0], vm.str(""), vm.str("")});
    return vm.new_tuple({vm.str(s.substr(0, p)), a[1], vm.str(s.substr(p + sep.size()))});
}
NATIVE(str_rpartition) {
    const std::string& s = SELF_STR;
    const std::string& sep = arg_str(vm, a[1], "rpartition")->s;
    if (sep.empty()) vm.value_error("empty separator");
    size_t p = s.rfind(sep);
    if (p == std::string::npos) return vm.new_tuple({vm.str(""), vm.str(""), a[0]});
    return vm.new_tuple({vm.str(s.substr(0, p)), a[1], vm.str(s.substr(p + sep.size()))});
}
NATIVE(str_removeprefix) {
    const std::string& s = SELF_STR;
    const std::string& p = arg_str(vm, a[1], "removeprefix")->s;
    if (s.compare(0, p.size(), p) == 0) return vm.str(s.substr(p.size()));
    return a[0];
}
NATIVE(str_removesuffix) {
    const std::string& s = SELF_STR;
    const std::string& p = arg_str(vm, a[1], "removesuffix")->s;
    if (!p.empty() && s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0)
        return vm.str(s.substr(0, s.size() - p.size()));
    return a[0];
}
NATIVE(str_encode) { return a[0]; }

// str.format: {} {0} {name} {x.attr} {x[0]} with !r/!s and format specs
// str.format, or str.format_map when `mapping` is given (named fields looked up in it one by
// one, as CPython does: any mapping, a dict subclass's __missing__, KeyError for the first
// missing name).
std::string str_format_impl(VM& vm, const std::string& fmt, Args& a, int first, int depth = 0,
                            const Value* mapping = nullptr) {
    std::string out;
    int auto_idx = 0;
    bool used_auto = false, used_manual = false;
    for (size_t i = 0; i < fmt.size(); ++i) {
        char c = fmt[i];
        if (c == '}') {
            if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
                out += '}';
                ++i;
                continue;
            }
            vm.value_error("Single '}' encountered in format string");
        }
        if (c != '{') {
            out += c;
            continue;
        }
        if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        size_t j = i + 1;
        int nest = 0;
        while (j < fmt.size() && (fmt[j] != '}' || nest > 0)) {
            if (fmt[j] == '{') ++nest;
            if (fmt[j] == '}') --nest;
            ++j;
        }
        if (j >= fmt.size()) vm.value_error("expected '}' before end of string");
        std::string field = fmt.substr(i + 1, j - i - 1);
        i = j;
        std::string spec;
        char conv = 0;
        size_t colon = std::string::npos;
        int bn = 0;
        for (size_t k = 0; k < field.size(); ++k) {
            if (field[k] == '[') ++bn;
            if (field[k] == ']') --bn;
            if (field[k] == ':' && bn == 0) {
                colon = k;
                break;
            }
        }
        if (colon != std::string::npos) {
            spec = field.substr(colon + 1);
            field = field.substr(0, colon);
        }
        size_t bang = field.find('!');
        if (bang != std::string::npos) {
            if (bang + 2 != field.size()) vm.value_error("expected ':' after conversion specifier");
            conv = field[bang + 1];
            field = field.substr(0, bang);
        }
        // first part of the field name
        size_t k = 0;
        while (k < field.size() && field[k] != '.' && field[k] != '[') ++k;
        std::string head = field.substr(0, k);
        Value v;
        if (mapping && (head.empty() || isdigit((unsigned char)head[0])))
            vm.value_error("Format string contains positional fields");
        if (mapping) {
            v = vm.getitem(*mapping, vm.str(head));
        } else if (head.empty()) {
            if (used_manual)
                vm.value_error(
                    "cannot switch from manual field specification to automatic field numbering");
            used_auto = true;
            int idx = auto_idx++;
            if (first + idx >= a.n)
                vm.index_error("Replacement index " + std::to_string(idx) +
                               " out of range for positional args tuple");
            v = a[first + idx];
        } else if (isdigit((unsigned char)head[0])) {
            if (used_auto)
                vm.value_error(
                    "cannot switch from automatic field numbering to manual field specification");
            used_manual = true;
            int idx = std::stoi(head);
            if (first + idx >= a.n)
                vm.index_error("Replacement index " + std::to_string(idx) +
                               " out of range for positional args tuple");
            v = a[first + idx];
        } else {
            const Value* kv = a.kw(vm.intern(head));
            if (!kv) {
                vm.raise_value(vm.new_key_error(vm.str(head)));
            }
            v = *kv;
        }
        while (k < field.size()) {
            if (field[k] == '.') {
                size_t e = k + 1;
                while (e < field.size() && field[e] != '.' && field[e] != '[') ++e;
                v = vm.getattr(v, vm.intern(field.substr(k + 1, e - k - 1)));
                k = e;
            } else {
                size_t e = field.find(']', k);
                std::string key = field.substr(k + 1, e - k - 1);
                bool digits = !key.empty() && std::all_of(key.begin(), key.end(), [](char ch) {
                    return isdigit((unsigned char)ch);
                });
                v = vm.getitem(v, digits ? Value::integer(std::stoll(key)) : vm.str(key));
                k = e + 1;
            }
        }
        if (conv == 'r' || conv == 'a')
            v = vm.str(vm.repr(v));
        else if (conv == 's')
            v = vm.str(vm.to_str(v));
        if (spec.find('{') != std::string::npos && depth < 2)
            spec = str_format_impl(vm, spec, a, first, depth + 1, mapping);
        out += vm.format(v, spec);
    }
    return out;
}
NATIVE(str_format) { return vm.str(str_format_impl(vm, SELF_STR, a, 1)); }
NATIVE(str_format_map) { return vm.str(str_format_impl(vm, SELF_STR, a, 1, 0, &a[1])); }
NATIVE(str_maketrans) { vm.raise(vm.t.NotImplementedError, "str.maketrans is not supported"); }

// printf-style formatting
std::string percent_format_value(VM& vm, const std::string& fmt, const Value& args) {
    std::vector<Value> items;
    bool is_tuple = args.is_obj() && args.o->type == vm.t.tuple;
    if (is_tuple)
        items = args.as<Tuple>()->items;
    else
        items.push_back(args);
    Dict* mapping =
        args.is_obj() && args.o->type->is_subtype(vm.t.dict) ? args.as<Dict>() : nullptr;
    PercentArgs pa;
    pa.nargs = items.size();
    pa.is_tuple = is_tuple;
    pa.is_mapping = mapping != nullptr;
    pa.str = [&](size_t i) { return vm.to_str(items[i]); };
    pa.repr = [&](size_t i) { return vm.repr(items[i]); };
    pa.ascii = [&](size_t i) { return vm.repr(items[i]); };
    pa.number = [&](size_t i) {
        PercentNumber n;
        const Value& v = items[i];
        n.type_name = vm.type_name(v);
        if (v.tag == Tag::Int || v.tag == Tag::Bool) {
            n.kind = PercentNumber::Int;
            n.i = v.tag == Tag::Int ? v.i : v.b;
        } else if (v.tag == Tag::Float) {
            n.kind = PercentNumber::Float;
            n.f = v.f;
        } else if (is_int(vm, v)) {
            n.kind = PercentNumber::Big;
            n.big = to_bigint(vm, v);
        } else if (v.is_obj() && v.o->type == vm.t.str) {
            n.is_str = true;
            n.str_value = v.as<Str>()->s;
        } else if (v.is_obj() && v.o->type->lookup(vm.n.__index__)) { // e.g. numpy.int64
            n.kind = PercentNumber::Int;
            n.i = vm.to_index(v);
        } else if (v.is_obj() && v.o->type->lookup(vm.n.__float__)) { // e.g. numpy.float64
            n.kind = PercentNumber::Float;
            n.f = vm.to_double(v);
        }
        return n;
    };
    if (mapping) {
        pa.lookup = [&, mapping](std::string_view key) -> size_t {
            Value* v = dict_find(vm, mapping, vm.str(std::string(key)));
            if (!v) {
                vm.raise_value(vm.new_key_error(vm.str(std::string(key))));
            }
            items.push_back(*v);
            return items.size() - 1;
        };
    }
    try {
        return percent_format(fmt, pa);
    } catch (NumError& e) {
        vm.raise(exc_type_by_name(vm, e.type), e.message);
    }
}

LMPY_SIZE_END
// ------------------------------------------------------------------------------ list
#define SELF_LIST (a[0].as<List>()->items)
NATIVE(list_append) {
    SELF_LIST.push_back(a[1]);
    return Value();
}
NATIVE(list_extend) {
    auto& items = SELF_LIST;
    if (a[1].is_obj() && a[1].o == a[0].o) {
        auto copy = items;
        items.insert(items.end(), copy.begin(), copy.end());
    } else
        vm.iterate(a[1], [&](const Value& v) { items.push_back(v); });
    return Value();
}
NATIVE(list_pop) {
    auto& items = SELF_LIST;
    if (items.empty()) vm.index_error("pop from empty list");
    int64_t i = a.n > 1 ? vm.to_index(a[1]) : -1;
    if (i < 0) i += int64_t(items.size());
    if (i < 0 || i >= int64_t(items.size())) vm.index_error("pop index out of range");
    Value v = items[i];
    items.erase(items.begin() + i);
    return v;
}
LMPY_SIZE_BEGIN
NATIVE(list_insert) {
    auto& items = SELF_LIST;
    int64_t i = vm.to_index(a[1]);
    int64_t n = int64_t(items.size());
    if (i < 0) i = std::max<int64_t>(0, i + n);
    if (i > n) i = n;
    items.insert(items.begin() + i, a[2]);
    return Value();
}
NATIVE(list_remove) {
    auto& items = SELF_LIST;
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].same(a[1]) || vm.eq(items[i], a[1])) {
            items.erase(items.begin() + i);
            return Value();
        }
    vm.value_error("list.remove(x): x not in list");
}
// list.index and tuple.index: the first i in [start, end) (clamped as a slice's bounds, None
// not allowed) with items[i] == x, or -1. The size is read again at each step: __eq__ may
// change the list.
static int64_t seq_index(VM& vm, const std::vector<Value>& items, Args& a) {
    const char* what = "slice indices must be integers or have an __index__ method";
    int64_t n = int64_t(items.size());
    int64_t s = a.n > 2 ? vm.to_index(a[2], what) : 0, e = a.n > 3 ? vm.to_index(a[3], what) : n;
    if (s < 0) s = std::max<int64_t>(0, s + n);
    if (e < 0) e = std::max<int64_t>(0, e + n);
    for (int64_t i = s; i < e && i < int64_t(items.size()); ++i)
        if (items[i].same(a[1]) || vm.eq(items[i], a[1])) return i;
    return -1;
}
NATIVE(list_index) {
    int64_t i = seq_index(vm, SELF_LIST, a);
    if (i < 0) vm.value_error(vm.repr(a[1]) + " is not in list");
    return Value::integer(i);
}
NATIVE(list_count) {
    int64_t c = 0;
    for (auto& v : SELF_LIST)
        if (v.same(a[1]) || vm.eq(v, a[1])) ++c;
    return Value::integer(c);
}
NATIVE(list_sort) {
    const Value* rev = a.kw(vm.n.reverse);
    auto items = SELF_LIST; // sort a copy: mutation during sort must not crash
    sort_values(vm, items, a.kw(vm.n.key), rev && vm.truthy(*rev));
    SELF_LIST = std::move(items);
    return Value();
}
NATIVE(list_reverse) {
    std::reverse(SELF_LIST.begin(), SELF_LIST.end());
    return Value();
}
NATIVE(list_copy) { return vm.new_list(SELF_LIST); }
NATIVE(list_clear) {
    SELF_LIST.clear();
    return Value();
}
NATIVE(tuple_index) {
    int64_t i = seq_index(vm, a[0].as<Tuple>()->items, a);
    if (i < 0) vm.value_error("tuple.index(x): x not in tuple");
    return Value::integer(i);
}
NATIVE(tuple_count) {
    int64_t c = 0;
    for (auto& v : a[0].as<Tuple>()->items)
        if (v.same(a[1]) || vm.eq(v, a[1])) ++c;
    return Value::integer(c);
}

LMPY_SIZE_END
// ------------------------------------------------------------------------------ dict
#define SELF_DICT (a[0].as<Dict>())
struct DictView : Obj {
    Value d;
    int kind; // 3 keys 4 values 5 items
    DictView(Type* t, Value dd, int k) : Obj(t), d(std::move(dd)), kind(k) {}
};
NATIVE(dict_keys) { return Value(new DictView(vm.t.dict_view[0], a[0], 3)); }
NATIVE(dict_values) { return Value(new DictView(vm.t.dict_view[1], a[0], 4)); }
NATIVE(dict_items) { return Value(new DictView(vm.t.dict_view[2], a[0], 5)); }
NATIVE(view_iter) {
    DictView* v = static_cast<DictView*>(a[0].o);
    return make_seq_iter(vm, v->d, v->kind);
}
NATIVE(view_len) { return Value::integer(static_cast<DictView*>(a[0].o)->d.as<Dict>()->used); }
LMPY_SIZE_BEGIN
NATIVE(view_repr) {
    DictView* v = static_cast<DictView*>(a[0].o);
    std::string s = v->kind == 3 ? "dict_keys([" : v->kind == 4 ? "dict_values([" : "dict_items([";
    bool first = true;
    dict_each(v->d.as<Dict>(), [&](const Value& k, const Value& val) {
        if (!first) s += ", ";
        first = false;
        if (v->kind == 3)
            s += vm.repr(k);
        else if (v->kind == 4)
            s += vm.repr(val);
        else
            s += "(" + vm.repr(k) + ", " + vm.repr(val) + ")";
    });
    return vm.str(s + "])");
}
LMPY_SIZE_END
NATIVE(view_contains) {
    DictView* v = static_cast<DictView*>(a[0].o);
    if (v->kind == 3) return Value::boolean(dict_find(vm, v->d.as<Dict>(), a[1]) != nullptr);
    bool found = false;
    dict_each(v->d.as<Dict>(), [&](const Value& k, const Value& val) {
        if (found) return;
        if (v->kind == 4)
            found = vm.eq(val, a[1]);
        else
            found = vm.eq(vm.new_tuple({k, val}), a[1]);
    });
    return Value::boolean(found);
}
NATIVE(dict_get) {
    Value* v = dict_find(vm, SELF_DICT, a[1]);
    if (v) return *v;
    return a.n > 2 ? a[2] : Value();
}
NATIVE(dict_setdefault) {
    Value* v = dict_find(vm, SELF_DICT, a[1]);
    if (v) return *v;
    Value d = a.n > 2 ? a[2] : Value();
    dict_set(vm, SELF_DICT, a[1], d);
    return d;
}
LMPY_SIZE_BEGIN
NATIVE(dict_pop) {
    Value* v = dict_find(vm, SELF_DICT, a[1]);
    if (v) {
        Value r = *v;
        dict_del(vm, SELF_DICT, a[1]);
        return r;
    }
    if (a.n > 2) return a[2];
    vm.raise_value(vm.new_key_error(a[1]));
}
NATIVE(dict_popitem) {
    Dict* d = SELF_DICT;
    for (size_t i = d->entries.size(); i-- > 0;)
        if (dict_entry_live(d->entries[i])) {
            Value k = d->entries[i].key, v = d->entries[i].value;
            dict_del(vm, d, k);
            return vm.new_tuple({k, v});
        }
    Value e = vm.new_exc(vm.t.KeyError, "popitem(): dictionary is empty");
    vm.raise_value(e);
}
NATIVE(dict_update) {
    if (a.n > 1) dict_update_from(vm, SELF_DICT, a[1]);
    for (int k = 0; k < a.nkw; ++k) dict_set(vm, SELF_DICT, Value(a.kwn[k]), a.kwv[k]);
    return Value();
}
NATIVE(dict_copy_m) {
    Value r = dict_copy(vm, SELF_DICT);
    return r;
}
NATIVE(dict_clear_m) {
    dict_clear(SELF_DICT);
    return Value();
}
NATIVE(dict_fromkeys) {
    Value d = vm.new_dict();
    Value v = a.n > 2 ? a[2] : Value();
    vm.iterate(a[1], [&](const Value& k) { dict_set(vm, d.as<Dict>(), k, v); });
    return d;
}

// ------------------------------------------------------------------------------ set
#define SELF_SET (a[0].as<Set>())
LMPY_SIZE_END
NATIVE(set_add_m) {
    set_add(vm, SELF_SET, a[1]);
    return Value();
}
LMPY_SIZE_BEGIN
NATIVE(set_discard_m) {
    set_discard(vm, SELF_SET, a[1]);
    return Value();
}
NATIVE(set_remove_m) {
    if (!set_discard(vm, SELF_SET, a[1])) {
        vm.raise_value(vm.new_key_error(a[1]));
    }
    return Value();
}
NATIVE(set_pop_m) {
    Set* s = SELF_SET;
    for (size_t k = 0; k < s->table.size(); ++k) {
        size_t i = (s->finger + k) & (s->table.size() - 1);
        if (s->table[i].state == 1) {
            Value v = s->table[i].key;
            s->table[i].key = Value();
            s->table[i].state = 2;
            --s->used;
            s->finger = i + 1;
            return v;
        }
    }
    Value e = vm.new_exc(vm.t.KeyError, "pop from an empty set");
    vm.raise_value(e);
}
NATIVE(set_update_m) {
    for (int i = 1; i < a.n; ++i)
        vm.iterate(a[i], [&](const Value& v) { set_add(vm, SELF_SET, v); });
    return Value();
}
NATIVE(set_clear_m) {
    Set* s = SELF_SET;
    s->table.assign(8, SetEntry());
    s->used = s->fill = 0;
    return Value();
}
NATIVE(set_copy_m) {
    Value r = vm.new_set(a[0].o->type == vm.t.frozenset);
    set_merge(vm, r.as<Set>(), SELF_SET);
    return r;
}
static Value set_from(VM& vm, const Value& v) {
    if (v.is_obj() && (v.o->type == vm.t.set || v.o->type == vm.t.frozenset)) return v;
    Value s = vm.new_set();
    vm.iterate(v, [&](const Value& x) { set_add(vm, s.as<Set>(), x); });
    return s;
}
NATIVE(set_union) {
    Value r = set_copy_m(vm, a);
    for (int i = 1; i < a.n; ++i)
        vm.iterate(a[i], [&](const Value& v) { set_add(vm, r.as<Set>(), v); });
    return r;
}
NATIVE(set_intersection) {
    Value r = set_copy_m(vm, a);
    for (int i = 1; i < a.n; ++i) r = vm.binop(BinOp::And, r, set_from(vm, a[i]));
    return r;
}
NATIVE(set_difference) {
    Value r = set_copy_m(vm, a);
    for (int i = 1; i < a.n; ++i) r = vm.binop(BinOp::Sub, r, set_from(vm, a[i]));
    return r;
}
NATIVE(set_symdiff) { return vm.binop(BinOp::Xor, a[0], set_from(vm, a[1])); }
NATIVE(set_issubset) { return vm.compare(CmpOp::Le, a[0], set_from(vm, a[1])); }
NATIVE(set_issuperset) { return vm.compare(CmpOp::Ge, a[0], set_from(vm, a[1])); }
NATIVE(set_isdisjoint) {
    bool dis = true;
    Value o = set_from(vm, a[1]);
    set_each(SELF_SET, [&](const Value& k) {
        if (set_contains(vm, o.as<Set>(), k)) dis = false;
    });
    return Value::boolean(dis);
}
NATIVE(set_intersection_update) {
    Value r = set_intersection(vm, a);
    Set* s = SELF_SET;
    s->table = r.as<Set>()->table;
    s->used = r.as<Set>()->used;
    s->fill = r.as<Set>()->fill;
    return Value();
}
NATIVE(set_difference_update) {
    for (int i = 1; i < a.n; ++i)
        vm.iterate(a[i], [&](const Value& v) { set_discard(vm, SELF_SET, v); });
    return Value();
}

// ---- int / float methods
NATIVE(int_bit_length) { return Value::integer(to_bigint(vm, a[0]).bit_length()); }
NATIVE(float_is_integer) {
    return Value::boolean(std::isfinite(a[0].f) && a[0].f == std::floor(a[0].f));
}
NATIVE(int_conjugate) { return a[0]; }
NATIVE(float_as_integer_ratio) {
    double x = a[0].f;
    if (std::isinf(x)) vm.raise(vm.t.OverflowError, "cannot convert Infinity to integer ratio");
    if (std::isnan(x)) vm.value_error("cannot convert NaN to integer ratio");
    int e;
    double m = std::frexp(x, &e);
    for (int i = 0; i < 300 && m != std::floor(m); ++i) {
        m *= 2;
        --e;
    }
    BigInt num = BigInt::from_double(m), den(1);
    if (e > 0)
        num = num.shl(e);
    else
        den = den.shl(-e);
    return vm.new_tuple({make_int(vm, num), make_int(vm, den)});
}

// float.hex(): CPython's spelling, 13 hex digits after the point, subnormals as 0x0.<...>p-1022.
NATIVE(float_hex) {
    double x = a[0].f;
    if (std::isnan(x)) return vm.str("nan");
    if (std::isinf(x)) return vm.str(x < 0 ? "-inf" : "inf");
    std::string r = std::signbit(x) ? "-0x" : "0x";
    if (x == 0) return vm.str(r + "0.0p+0");
    uint64_t bits;
    std::memcpy(&bits, &x, 8);
    int e = int((bits >> 52) & 0x7ff);
    uint64_t m = bits & ((uint64_t(1) << 52) - 1);
    r += e ? "1." : "0.";
    for (int k = 48; k >= 0; k -= 4) r += "0123456789abcdef"[(m >> k) & 15];
    int exp = e ? e - 1023 : -1022;
    return vm.str(r + (exp < 0 ? "p-" : "p+") + std::to_string(std::abs(exp)));
}

// float.fromhex(s): Python's grammar ([sign] ['0x'] digits ['.' digits] ['p' [sign] digits],
// surrounding whitespace, or inf/infinity/nan) checked here; C's strtod, which reads the same
// hex form with correct rounding, does the arithmetic.
NATIVE(float_fromhex) {
    if (a.n != 2)
        vm.type_error("float.fromhex() takes exactly one argument (" + std::to_string(a.n - 1) +
                      " given)");
    if (!a[1].is_obj() || a[1].o->type != vm.t.str)
        vm.type_error("bad argument type for built-in operation");
    const std::string& s = a[1].as<Str>()->s;
    auto bad = [&]() -> Value {
        vm.value_error("invalid hexadecimal floating-point string");
        return Value();
    };
    size_t i = 0, n = s.size();
    auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    while (i < n && space(s[i])) ++i;
    while (n > i && space(s[n - 1])) --n;
    bool neg = i < n && s[i] == '-';
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    std::string low = map_ascii(s.substr(i, n - i), ::tolower);
    double v;
    if (low == "inf" || low == "infinity") {
        v = INFINITY;
    } else if (low == "nan") {
        v = NAN;
    } else {
        size_t k = low.rfind("0x", 0) == 0 ? 2 : 0, digits = 0;
        auto hex = [&](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
        while (k < low.size() && hex(low[k])) ++k, ++digits;
        if (k < low.size() && low[k] == '.')
            for (++k; k < low.size() && hex(low[k]); ++k) ++digits;
        if (!digits) return bad();
        if (k < low.size() && low[k] == 'p') {
            ++k;
            if (k < low.size() && (low[k] == '+' || low[k] == '-')) ++k;
            size_t e0 = k;
            while (k < low.size() && std::isdigit(static_cast<unsigned char>(low[k]))) ++k;
            if (k == e0) return bad();
        }
        if (k != low.size()) return bad();
        std::string c = low.rfind("0x", 0) == 0 ? low : "0x" + low;
        if (c.find('p') == std::string::npos) c += "p0";
        v = std::strtod(c.c_str(), nullptr);
        if (std::isinf(v)) // finite digits: only an overflow gives inf (musl leaves errno alone)
            vm.raise(vm.t.OverflowError, "hexadecimal value too large to represent as a float");
    }
    if (neg) v = -v;
    if (a[0].is_obj() && a[0].o == vm.t.float_) return Value::flt(v);
    return vm.call(a[0], {Value::flt(v)});
}

static const VM::MethodDef kStrMethods[] = {
    {"split", str_split, parse_args(0, 2, true)},
    {"rsplit", str_rsplit, parse_args(0, 2, true)},
    {"join", str_join, kOneArg},
    {"lower", str_lower, kNoArgs},
    {"upper", str_upper, kNoArgs},
    {"casefold", str_casefold, kNoArgs},
    {"capitalize", str_capitalize, kNoArgs},
    {"title", str_title, kNoArgs},
    {"swapcase", str_swapcase, kNoArgs},
    {"strip", str_strip, pos_args(0, 1)},
    {"lstrip", str_lstrip, pos_args(0, 1)},
    {"rstrip", str_rstrip, pos_args(0, 1)},
    {"replace", str_replace, pos_args(2, 3)},
    {"startswith", str_startswith, parse_args(1, 3, false)},
    {"endswith", str_endswith, parse_args(1, 3, false)},
    {"find", str_find, parse_args(1, 3, false)},
    {"rfind", str_rfind, parse_args(1, 3, false)},
    {"index", str_index, parse_args(1, 3, false)},
    {"rindex", str_rindex, parse_args(1, 3, false)},
    {"count", str_count, parse_args(1, 3, false)},
    {"isdigit", str_isdigit, kNoArgs},
    {"isnumeric", str_isdigit, kNoArgs},
    {"isdecimal", str_isdigit, kNoArgs},
    {"isalpha", str_isalpha, kNoArgs},
    {"isascii", str_isascii, kNoArgs},
    {"isalnum", str_isalnum, kNoArgs},
    {"isspace", str_isspace, kNoArgs},
    {"islower", str_islower, kNoArgs},
    {"isupper", str_isupper, kNoArgs},
    {"ljust", str_ljust, pos_args(1, 2)},
    {"rjust", str_rjust, pos_args(1, 2)},
    {"center", str_center, pos_args(1, 2)},
    {"zfill", str_zfill, kOneArg},
    {"splitlines", str_splitlines, parse_args(0, 1, true)},
    {"partition", str_partition, kOneArg},
    {"rpartition", str_rpartition, kOneArg},
    {"removeprefix", str_removeprefix, kOneArg},
    {"removesuffix", str_removesuffix, kOneArg},
    {"format", str_format, kAnyArgs},
    {"format_map", str_format_map, kOneArg},
    {"encode", str_encode, parse_args(0, 2, true)},
};

void init_str_methods(VM& vm) {
    vm.add_methods(vm.t.str, kStrMethods);
    vm.add_attr(vm.t.str, "maketrans", vm.new_native("maketrans", str_maketrans)); // (static)
}

Value builtin_container_init(VM& vm, Args& a); // call.cpp

static const VM::MethodDef kListMethods[] = {
    {"__init__", builtin_container_init, kAnyArgs},
    {"append", list_append, kOneArg},
    {"extend", list_extend, kOneArg},
    {"pop", list_pop, pos_args(0, 1)},
    {"insert", list_insert, pos_args(2, 2)},
    {"remove", list_remove, kOneArg},
    {"index", list_index, pos_args(1, 3)},
    {"count", list_count, kOneArg},
    {"sort", list_sort, kw_only(2)},
    {"reverse", list_reverse, kNoArgs},
    {"copy", list_copy, kNoArgs},
    {"clear", list_clear, kNoArgs},
};

static const VM::MethodDef kTupleMethods[] = {
    {"index", tuple_index, pos_args(1, 3)},
    {"count", tuple_count, kOneArg},
};

static const VM::MethodDef kDictMethods[] = {
    {"keys", dict_keys, kNoArgs},
    {"values", dict_values, kNoArgs},
    {"items", dict_items, kNoArgs},
    {"get", dict_get, pos_args(1, 2)},
    {"setdefault", dict_setdefault, pos_args(1, 2)},
    {"pop", dict_pop, pos_args(1, 2)},
    {"popitem", dict_popitem, kNoArgs},
    {"update", dict_update, pos_args(0, 1, true)},
    {"copy", dict_copy_m, kNoArgs},
    {"clear", dict_clear_m, kNoArgs},
};

static const VM::MethodDef kSetMethods[] = {
    {"add", set_add_m, kOneArg},
    {"discard", set_discard_m, kOneArg},
    {"remove", set_remove_m, kOneArg},
    {"pop", set_pop_m, kNoArgs},
    {"update", set_update_m, kAnyArgs},
    {"clear", set_clear_m, kNoArgs},
    {"intersection_update", set_intersection_update, kAnyArgs},
    {"difference_update", set_difference_update, kAnyArgs},
};

static const VM::MethodDef kSetLikeMethods[] = {
    {"copy", set_copy_m, kNoArgs},
    {"union", set_union, kAnyArgs},
    {"intersection", set_intersection, kAnyArgs},
    {"difference", set_difference, kAnyArgs},
    {"symmetric_difference", set_symdiff, kOneArg},
    {"issubset", set_issubset, kOneArg},
    {"issuperset", set_issuperset, kOneArg},
    {"isdisjoint", set_isdisjoint, kOneArg},
};

void init_container_methods(VM& vm) {
    Type* l = vm.t.list;
    vm.add_methods(l, kListMethods);
    vm.add_methods(vm.t.tuple, kTupleMethods);
    vm.add_method(vm.t.dict, "__init__", builtin_container_init);
    Type* d = vm.t.dict;
    vm.add_methods(d, kDictMethods);
    vm.add_attr(d, "fromkeys",
                Value(new ClassMethod(vm.t.classmethod, vm.new_native("fromkeys", dict_fromkeys))));
    const char* vnames[3] = {"dict_keys", "dict_values", "dict_items"};
    for (int i = 0; i < 3; ++i) {
        Type* v = vm.t.dict_view[i] = vm.new_type(vnames[i], vm.t.object);
        vm.add_method(v, "__iter__", view_iter);
        vm.add_method(v, "__len__", view_len);
        vm.add_method(v, "__repr__", view_repr);
        vm.add_method(v, "__contains__", view_contains);
    }
    for (Type* s : {vm.t.set, vm.t.frozenset}) vm.add_methods(s, kSetLikeMethods);
    vm.add_methods(vm.t.set, kSetMethods);
    vm.add_method(vm.t.int_, "bit_length", int_bit_length, kNoArgs);
    vm.add_method(vm.t.int_, "conjugate", int_conjugate, kNoArgs);
    vm.add_method(vm.t.float_, "is_integer", float_is_integer, kNoArgs);
    vm.add_method(vm.t.float_, "as_integer_ratio", float_as_integer_ratio, kNoArgs);
    vm.add_method(vm.t.float_, "hex", float_hex, kNoArgs);
    vm.add_attr(vm.t.float_, "fromhex",
                Value(new ClassMethod(vm.t.classmethod, vm.new_native("fromhex", float_fromhex))));
}

LMPY_SIZE_END

} // namespace lmpy
