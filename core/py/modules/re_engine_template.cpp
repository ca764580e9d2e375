// Replacement templates for lmpy::re (re._parser.parse_template / expand_template rules):
// \1 \g<1> \g<name> group references, \0 and \ooo octal, \n-style escapes, and CPython's
// error messages and positions (the replacement string plays the role of the pattern).
#include "re_engine_internal.h"

namespace lmpy::re {

namespace {

bool is_digit_c(char32_t c) { return c >= '0' && c <= '9'; }
bool is_oct_c(char32_t c) { return c >= '0' && c <= '7'; }

} // namespace

Template parse_template(const Program& prog, std::u32string_view r) {
    Template t;
    std::u32string lit;
    int n = int(r.size());
    int i = 0;
    auto flush = [&] {
        if (!lit.empty()) {
            t.pieces.push_back({lit, -1});
            lit.clear();
        }
    };
    // Positions follow re._parser.Tokenizer: tell() is the start of the next token. A
    // trailing lone backslash is reported as soon as the tokenizer looks at it.
    auto check_tail = [&](int at) {
        if (at < n && r[at] == '\\' && at + 1 >= n)
            throw make_error("bad escape (end of pattern)", r, n - 1);
    };
    check_tail(0);
    auto addgroup = [&](int64_t index, int tell, int offset) {
        if (index > prog.groups())
            throw make_error("invalid group reference " + std::to_string(index), r, tell - offset);
        flush();
        t.pieces.push_back({U"", int(index)});
    };
    while (i < n) {
        char32_t c = r[i];
        if (c != '\\') {
            lit += c;
            ++i;
            check_tail(i);
            continue;
        }
        char32_t e = r[i + 1];
        i += 2;
        check_tail(i);
        if (e == 'g') {
            if (i >= n || r[i] != '<') throw make_error("missing <", r, i);
            ++i;
            check_tail(i);
            std::u32string name;
            for (;;) {
                if (i >= n) {
                    if (name.empty()) throw make_error("missing group name", r, n);
                    throw make_error("missing >, unterminated name", r, n - int(name.size()));
                }
                int tok = r[i] == '\\' ? 2 : 1;
                if (tok == 1 && r[i] == '>') {
                    i += 1;
                    check_tail(i);
                    if (name.empty()) throw make_error("missing group name", r, i - 1);
                    break;
                }
                name.append(r.substr(i, tok));
                i += tok;
                check_tail(i);
            }
            int64_t index;
            if (is_identifier(name)) {
                index = prog.group_index(name);
                if (index < 0)
                    throw make_plain_error(ErrorKind::Index, "unknown group name " + py_repr(name));
            } else {
                int64_t v = 0;
                bool ok = py_int(name, v) && v >= 0;
                if (!ok)
                    throw make_error("bad character in group name " + py_repr(name), r,
                                     i - int(name.size()) - 1);
                if (v >= kMaxGroups)
                    throw make_error("invalid group reference " + std::to_string(v), r,
                                     i - int(name.size()) - 1);
                index = v;
            }
            addgroup(index, i, int(name.size()) + 1);
        } else if (e == '0') {
            int v = 0;
            for (int k = 0; k < 2 && i < n && is_oct_c(r[i]); ++k) v = v * 8 + (r[i++] - '0');
            check_tail(i);
            lit += char32_t(v & 0xff);
        } else if (is_digit_c(e)) {
            std::u32string digits(1, e);
            bool octal = false;
            if (i < n && is_digit_c(r[i])) {
                digits += r[i++];
                check_tail(i);
                if (is_oct_c(e) && is_oct_c(digits[1]) && i < n && is_oct_c(r[i])) {
                    digits += r[i++];
                    check_tail(i);
                    octal = true;
                    int v = (digits[0] - '0') * 64 + (digits[1] - '0') * 8 + (digits[2] - '0');
                    if (v > 0377)
                        throw make_error("octal escape value \\" + to_utf8(digits) +
                                             " outside of range 0-0o377",
                                         r, i - 4);
                    lit += char32_t(v);
                }
            }
            if (!octal) {
                int64_t g = 0;
                for (char32_t d : digits) g = g * 10 + (d - '0');
                addgroup(g, i, int(digits.size()));
            }
        } else {
            switch (e) {
            case 'a': lit += char32_t(7); break;
            case 'b': lit += char32_t(8); break;
            case 'f': lit += char32_t(12); break;
            case 'n': lit += char32_t(10); break;
            case 'r': lit += char32_t(13); break;
            case 't': lit += char32_t(9); break;
            case 'v': lit += char32_t(11); break;
            case '\\': lit += char32_t('\\'); break;
            default:
                if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z'))
                    throw make_error("bad escape \\" + to_utf8(std::u32string_view(&e, 1)), r,
                                     i - 2);
                lit += char32_t('\\');
                lit += e;
            }
        }
    }
    flush();
    return t;
}

std::u32string expand(const Template& t, const Match& m, std::u32string_view subject) {
    std::u32string out;
    for (auto& p : t.pieces) {
        if (p.group < 0)
            out += p.text;
        else
            out.append(m.group(subject, p.group));
    }
    return out;
}

} // namespace lmpy::re
