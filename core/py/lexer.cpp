// Tokenizer. Works on UTF-8 bytes; identifiers may contain non-ASCII letters (any byte >= 0x80
// is accepted as an identifier character, which is what students' programs need). Columns are
// byte offsets, which equals CPython's caret position for ASCII lines.
#include "py/lexer.h"
#include <cstring>

namespace lmpy {

static bool is_id_start(unsigned char c) { return c == '_' || (c | 32) - 'a' < 26u || c >= 0x80; }
static bool is_id_char(unsigned char c) { return is_id_start(c) || (c - '0') < 10u; }

static void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80)
        out += char(cp);
    else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

std::string decode_escapes(const std::string& body, bool bytes, int line, int col) {
    std::string out;
    out.reserve(body.size());
    for (size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (c != '\\' || i + 1 >= body.size()) {
            out += c;
            continue;
        }
        char e = body[++i];
        auto hex = [&](int n) -> uint32_t {
            uint32_t v = 0;
            for (int k = 0; k < n; ++k) {
                if (i + 1 >= body.size() || !isxdigit((unsigned char)body[i + 1])) {
                    const char* kind = n == 2 ? "\\xXX" : n == 4 ? "\\uXXXX" : "\\UXXXXXXXX";
                    throw SyntaxErr{
                        std::string("(unicode error) 'unicodeescape' codec can't decode bytes in "
                                    "position 0-1: truncated ") +
                            kind + " escape",
                        line, col + 1};
                }
                char h = body[++i];
                v = v * 16 + (isdigit((unsigned char)h) ? h - '0' : (h | 32) - 'a' + 10);
            }
            return v;
        };
        switch (e) {
        case '\n': break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case 'x': {
            uint32_t v = hex(2);
            if (bytes)
                out += char(v);
            else
                append_utf8(out, v);
            break;
        }
        case 'u':
            if (bytes) {
                out += "\\u";
                break;
            }
            append_utf8(out, hex(4));
            break;
        case 'U':
            if (bytes) {
                out += "\\U";
                break;
            }
            append_utf8(out, hex(8));
            break;
        case 'N': out += "\\N"; break;
        default:
            if (e >= '0' && e <= '7') {
                uint32_t v = e - '0';
                for (int k = 0;
                     k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k)
                    v = v * 8 + (body[++i] - '0');
                if (bytes)
                    out += char(v & 0xFF);
                else
                    append_utf8(out, v);
            } else {
                out += '\\';
                out += e;
            }
        }
    }
    return out;
}

namespace {

struct Lexer {
    const std::string& src;
    size_t p = 0;
    int line = 1;
    size_t line_start = 0;
    std::vector<Token> toks;
    std::vector<int> indents{0};
    std::vector<std::pair<char, std::pair<int, int>>> brackets; // open bracket and its position

    explicit Lexer(const std::string& s) : src(s) {}

    [[noreturn]] void err(const std::string& m, int l, int c) { throw SyntaxErr{m, l, c + 1}; }
    int col() const { return int(p - line_start); }

    void push(TK k, std::string s, int l, int c, int ec) {
        Token t;
        t.k = k;
        t.s = std::move(s);
        t.line = l;
        t.col = c;
        t.end_col = ec;
        toks.push_back(std::move(t));
    }

    void run() {
        bool at_line_start = true;
        while (p < src.size()) {
            if (at_line_start && brackets.empty()) {
                // measure indentation
                int width = 0;
                size_t q = p;
                while (q < src.size() && (src[q] == ' ' || src[q] == '\t' || src[q] == '\f')) {
                    if (src[q] == '\t')
                        width = (width / 8 + 1) * 8;
                    else if (src[q] == ' ')
                        ++width;
                    ++q;
                }
                if (q >= src.size()) {
                    p = q;
                    break;
                }
                if (src[q] == '\n' || src[q] == '#' || src[q] == '\r' ||
                    (src[q] == '\\' && q + 1 < src.size() && src[q + 1] == '\n' && false)) {
                    // blank or comment-only line
                    p = q;
                    while (p < src.size() && src[p] != '\n') ++p;
                    if (p < src.size()) {
                        ++p;
                        ++line;
                        line_start = p;
                    }
                    continue;
                }
                p = q;
                if (width > indents.back()) {
                    if (toks.empty() || toks.back().k != TK::Newline) {
                        // indentation on the first line
                        if (toks.empty())
                            throw SyntaxErr{"unexpected indent", line, col() + 1, true};
                    }
                    if (indents.size() >= 100)
                        throw SyntaxErr{"too many levels of indentation", line, col() + 1, true};
                    indents.push_back(width);
                    push(TK::Indent, "", line, 0, col());
                } else {
                    while (width < indents.back()) {
                        indents.pop_back();
                        push(TK::Dedent, "", line, col(), col());
                    }
                    if (width != indents.back())
                        throw SyntaxErr{"unindent does not match any outer indentation level", line,
                                        col() + 1, true};
                }
                at_line_start = false;
            }
            char c = src[p];
            if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
                ++p;
                continue;
            }
            if (c == '#') {
                while (p < src.size() && src[p] != '\n') ++p;
                continue;
            }
            if (c == '\\') {
                if (p + 1 < src.size() &&
                    (src[p + 1] == '\n' ||
                     (src[p + 1] == '\r' && p + 2 < src.size() && src[p + 2] == '\n'))) {
                    p += src[p + 1] == '\r' ? 3 : 2;
                    ++line;
                    line_start = p;
                    if (p >= src.size()) err("unexpected EOF while parsing", line, 0);
                    continue;
                }
                err("unexpected character after line continuation character", line, col());
            }
            if (c == '\n') {
                if (brackets.empty()) {
                    push(TK::Newline, "", line, col(), col() + 1);
                    at_line_start = true;
                }
                ++p;
                ++line;
                line_start = p;
                continue;
            }
            int l0 = line, c0 = col();
            // string prefixes
            if (is_id_start((unsigned char)c)) {
                size_t q = p;
                while (q < src.size() && is_id_char((unsigned char)src[q])) ++q;
                std::string word = src.substr(p, q - p);
                if (q < src.size() && (src[q] == '\'' || src[q] == '"') && word.size() <= 2) {
                    std::string lw;
                    for (char ch : word) lw += char(tolower(ch));
                    if (lw == "r" || lw == "b" || lw == "f" || lw == "u" || lw == "rb" ||
                        lw == "br" || lw == "fr" || lw == "rf") {
                        p = q;
                        lex_string(lw, l0, c0);
                        continue;
                    }
                }
                p = q;
                push(TK::Name, word, l0, c0, col());
                continue;
            }
            if (isdigit((unsigned char)c) ||
                (c == '.' && p + 1 < src.size() && isdigit((unsigned char)src[p + 1]))) {
                lex_number(l0, c0);
                continue;
            }
            if (c == '\'' || c == '"') {
                lex_string("", l0, c0);
                continue;
            }
            // operators
            static const char* ops3[] = {"**=", "//=", ">>=", "<<=", "...", "!=", nullptr};
            static const char* ops2[] = {
                "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=",
                "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":=", nullptr};
            std::string op;
            for (int k = 0; ops3[k]; ++k)
                if (src.compare(p, 3, ops3[k]) == 0 && strlen(ops3[k]) == 3) {
                    op = ops3[k];
                    break;
                }
            if (op.empty())
                for (int k = 0; ops2[k]; ++k)
                    if (src.compare(p, 2, ops2[k]) == 0) {
                        op = ops2[k];
                        break;
                    }
            if (op.empty()) {
                if (strchr("()[]{}:,;.+-*/%<>=&|^~@", c))
                    op = std::string(1, c);
                else if (c == '!')
                    err("invalid syntax", line, col());
                else if (c == '$' || c == '?' || c == '`')
                    err("invalid syntax", line, col());
                else
                    err(std::string("invalid character '") + c + "' (U+" + hexcp((unsigned char)c) +
                            ")",
                        line, col());
            }
            if (op == "(" || op == "[" || op == "{") {
                // CPython's tokenizer limit (MAXLEVEL); it also bounds the parser's recursion
                if (brackets.size() >= 200) err("too many nested parentheses", line, col());
                brackets.push_back({op[0], {line, col()}});
            } else if (op == ")" || op == "]" || op == "}") {
                char open = op == ")" ? '(' : op == "]" ? '[' : '{';
                if (brackets.empty()) err("unmatched '" + op + "'", line, col());
                if (brackets.back().first != open)
                    err(std::string("closing parenthesis '") + op +
                            "' does not match opening parenthesis '" + brackets.back().first + "'" +
                            (brackets.back().second.first != line
                                 ? " on line " + std::to_string(brackets.back().second.first)
                                 : ""),
                        line, col());
                brackets.pop_back();
            }
            p += op.size();
            push(TK::Op, op, l0, c0, col());
        }
        if (!brackets.empty()) {
            auto& b = brackets.back();
            err(std::string("'") + b.first + "' was never closed", b.second.first, b.second.second);
        }
        if (!toks.empty() && toks.back().k != TK::Newline && toks.back().k != TK::Dedent)
            push(TK::Newline, "", line, col(), col());
        while (indents.size() > 1) {
            indents.pop_back();
            push(TK::Dedent, "", line, 0, 0);
        }
        push(TK::End, "", line, 0, 0);
    }

    static std::string hexcp(unsigned c) {
        char b[16];
        snprintf(b, sizeof b, "%04X", c);
        return b;
    }

    void lex_number(int l0, int c0) {
        size_t q = p;
        auto digits = [&](auto pred) {
            while (q < src.size() &&
                   (pred((unsigned char)src[q]) ||
                    (src[q] == '_' && q + 1 < src.size() && pred((unsigned char)src[q + 1]))))
                ++q;
        };
        auto isdig = [](unsigned char ch) { return ch >= '0' && ch <= '9'; };
        if (src[q] == '0' && q + 1 < src.size() && strchr("xXoObB", src[q + 1])) {
            char kind = tolower(src[q + 1]);
            q += 2;
            if (kind == 'x')
                digits([](unsigned char ch) { return isxdigit(ch) != 0; });
            else if (kind == 'o')
                digits([](unsigned char ch) { return ch >= '0' && ch <= '7'; });
            else
                digits([](unsigned char ch) { return ch == '0' || ch == '1'; });
        } else {
            digits(isdig);
            if (q < src.size() && src[q] == '.') {
                ++q;
                digits(isdig);
            }
            if (q < src.size() && (src[q] == 'e' || src[q] == 'E')) {
                size_t r = q + 1;
                if (r < src.size() && (src[r] == '+' || src[r] == '-')) ++r;
                if (r < src.size() && isdig((unsigned char)src[r])) {
                    q = r;
                    digits(isdig);
                }
            }
            if (q < src.size() && (src[q] == 'j' || src[q] == 'J')) ++q;
        }
        if (q < src.size() && is_id_start((unsigned char)src[q])) {
            err("invalid decimal literal", line, int(q - line_start));
        }
        push(TK::Number, src.substr(p, q - p), l0, c0, c0 + int(q - p));
        p = q;
    }

    void lex_string(const std::string& prefix, int l0, int c0) {
        char quote = src[p];
        bool triple = src.compare(p, 3, std::string(3, quote)) == 0;
        bool raw = prefix.find('r') != std::string::npos;
        bool bytes = prefix.find('b') != std::string::npos;
        bool fstr = prefix.find('f') != std::string::npos;
        p += triple ? 3 : 1;
        size_t start = p;
        int start_line = line;
        for (;;) {
            if (p >= src.size()) {
                if (triple)
                    err("unterminated triple-quoted string literal (detected at line " +
                            std::to_string(line) + ")",
                        l0, c0);
                err("unterminated string literal (detected at line " + std::to_string(line) + ")",
                    l0, c0);
            }
            char ch = src[p];
            if (ch == '\\') {
                if (p + 1 < src.size() && src[p + 1] == '\n') {
                    ++line;
                    line_start = p + 2;
                }
                p += 2;
                continue;
            }
            if (ch == '\n') {
                if (!triple)
                    err("unterminated string literal (detected at line " + std::to_string(line) +
                            ")",
                        l0, c0);
                ++line;
                line_start = p + 1;
            }
            if (ch == quote) {
                if (!triple) break;
                if (src.compare(p, 3, std::string(3, quote)) == 0) break;
            }
            ++p;
        }
        std::string body = src.substr(start, p - start);
        p += triple ? 3 : 1;
        Token t;
        t.k = TK::String;
        t.line = l0;
        t.col = c0;
        t.end_col = col();
        t.fstring = fstr;
        t.bytes = bytes;
        t.raw = raw;
        t.str_line = start_line;
        if (fstr)
            t.s = body; // the parser splits and decodes f-strings
        else if (raw)
            t.s = body;
        else
            t.s = decode_escapes(body, bytes, l0, c0);
        toks.push_back(std::move(t));
    }
};

} // namespace

std::vector<Token> tokenize(const std::string& src) {
    Lexer lx(src);
    lx.run();
    return std::move(lx.toks);
}

} // namespace lmpy
