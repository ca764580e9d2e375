// Tokenizer: Python's indentation rules (INDENT/DEDENT), implicit joining inside brackets,
// backslash continuation, and string/f-string literals with their prefixes.
#pragma once
#include "py/ast.h"
#include <string>
#include <vector>

namespace lmpy {

enum class TK : uint8_t { Name, Number, String, Op, Newline, Indent, Dedent, End };

struct Token {
    TK k;
    std::string
        s; // name, operator text, raw number text, decoded string value (or raw f-string body)
    int line, col; // col 0-based
    int end_col;
    bool fstring = false, bytes = false, raw = false;
    int str_line = 0; // first line of a (multi-line) string
};

std::vector<Token> tokenize(const std::string& src);

// Decodes escape sequences of a (non-raw) string literal body.
std::string decode_escapes(const std::string& body, bool bytes, int line, int col);

} // namespace lmpy
