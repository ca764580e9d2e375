// Syntax tree produced by the parser and consumed once by the compiler. One generic node type
// keeps the parser and compiler short; nodes live in an arena owned by the Ast.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lmpy {

enum class NK : uint8_t {
    // expressions
    Name,
    Int,
    BigInt,
    Float,
    Imag,
    Str,
    Bytes,
    None,
    True,
    False,
    Ellipsis,
    FString,
    FormattedValue,
    BinOp,
    UnaryOp,
    BoolOp,
    Compare,
    Call,
    Attribute,
    Subscript,
    Slice,
    List,
    Tuple,
    Dict,
    Set,
    ListComp,
    SetComp,
    DictComp,
    GenExp,
    Lambda,
    IfExp,
    Starred,
    NamedExpr,
    Yield,
    YieldFrom,
    Keyword,
    DoubleStar,
    // statements
    ExprStmt,
    Assign,
    AugAssign,
    AnnAssign,
    If,
    While,
    For,
    Break,
    Continue,
    Pass,
    Return,
    FunctionDef,
    ClassDef,
    Try,
    Raise,
    Assert,
    Global,
    Nonlocal,
    Delete,
    Import,
    ImportFrom,
    With,
};

struct Node;
using NodeP = Node*;

struct Params {
    std::vector<std::string> pos;    // positional (incl. positional-only)
    std::vector<NodeP> defaults;     // for the last defaults.size() positional params
    std::string vararg;              // *args ("" if none)
    std::vector<std::string> kwonly; // keyword-only
    std::vector<NodeP> kwdefaults;   // same size as kwonly; nullptr = required
    std::string kwarg;               // **kwargs
    int posonly = 0;
};

struct Comprehension {
    NodeP target;
    NodeP iter;
    std::vector<NodeP> ifs;
};

struct Handler {
    NodeP type = nullptr;
    std::string name;
    std::vector<NodeP> body;
    int line = 0;
};

struct Node {
    NK k;
    int line = 0, col = 0, end_col = 0;
    int op = 0;    // operator id (BinOp/UnaryOp/BoolOp/AugAssign), conversion char
    std::string s; // identifier, string value (UTF-8), attribute name, bigint digits
    int64_t i = 0;
    double f = 0;
    NodeP x = nullptr, y = nullptr, z = nullptr; // generic children (e.g. left/right, test/body)
    std::vector<NodeP> a, b, c;                  // generic lists
    std::vector<int> ops;                        // Compare operators
    std::vector<Comprehension> gens;
    std::vector<Handler> handlers;
    std::vector<std::pair<std::string, std::string>> names; // import names (name, asname)
    std::unique_ptr<Params> params;
    std::vector<NodeP> decorators;
};

// Operator ids shared by parser and compiler.
enum Op : int {
    OP_ADD,
    OP_SUB,
    OP_MUL,
    OP_DIV,
    OP_FLOORDIV,
    OP_MOD,
    OP_POW,
    OP_MATMUL,
    OP_LSHIFT,
    OP_RSHIFT,
    OP_BITAND,
    OP_BITOR,
    OP_BITXOR, // binary (same order as BinOp)
    OP_NOT,
    OP_NEG,
    OP_POS,
    OP_INVERT, // unary
    OP_AND,
    OP_OR, // bool
    CMP_LT,
    CMP_LE,
    CMP_EQ,
    CMP_NE,
    CMP_GT,
    CMP_GE,
    CMP_IN,
    CMP_NOTIN,
    CMP_IS,
    CMP_ISNOT,
};

struct Ast {
    std::vector<std::unique_ptr<Node>> arena;
    std::vector<NodeP> body;
    NodeP make(NK k, int line, int col) {
        arena.push_back(std::make_unique<Node>());
        Node* n = arena.back().get();
        n->k = k;
        n->line = line;
        n->col = col;
        return n;
    }
};

struct SyntaxErr {
    std::string msg;
    int line = 0, col = 0; // col is 1-based as CPython prints the caret
    bool indentation = false;
};

// Parses a module; throws SyntaxErr.
void parse_module(const std::string& src, Ast& ast);

} // namespace lmpy
