// Recursive-descent parser for the Python subset: statements, expressions with Python's
// precedence, comprehensions, f-strings (split here into literal parts and sub-expressions that
// are parsed recursively) and CPython 3.11's wording for the common syntax errors.
#include "py/ast.h"
#include "py/lexer.h"
#include <cstring>
#include <functional>

namespace lmpy {

namespace {

struct Parser {
    std::vector<Token> toks;
    size_t p = 0;
    Ast& ast;
    int fdepth = 0; // function nesting, for return/yield checks
    int loop_depth = 0;

    Parser(std::vector<Token> t, Ast& a) : toks(std::move(t)), ast(a) {}

    const Token& cur() const { return toks[p]; }
    const Token& peek(int k = 1) const { return toks[std::min(p + k, toks.size() - 1)]; }
    bool is_op(const char* s) const { return cur().k == TK::Op && cur().s == s; }
    bool is_kw(const char* s) const { return cur().k == TK::Name && cur().s == s; }
    bool accept_op(const char* s) {
        if (is_op(s)) {
            ++p;
            return true;
        }
        return false;
    }
    bool accept_kw(const char* s) {
        if (is_kw(s)) {
            ++p;
            return true;
        }
        return false;
    }
    [[noreturn]] void fail(const std::string& msg, const Token& t) {
        throw SyntaxErr{msg, t.line, t.col + 1};
    }
    [[noreturn]] void fail_here(const std::string& msg = "invalid syntax") { fail(msg, cur()); }
    void expect_op(const char* s) {
        if (!accept_op(s)) {
            if (std::strcmp(s, ":") == 0) fail("expected ':'", cur());
            if (std::strcmp(s, "(") == 0) fail("expected '('", cur());
            fail_here();
        }
    }
    NodeP mk(NK k, const Token& t) { return ast.make(k, t.line, t.col); }

    static bool is_keyword(const std::string& s) {
        static const char* kws[] = {"False",  "None",     "True",  "and",    "as",       "assert",
                                    "async",  "await",    "break", "class",  "continue", "def",
                                    "del",    "elif",     "else",  "except", "finally",  "for",
                                    "from",   "global",   "if",    "import", "in",       "is",
                                    "lambda", "nonlocal", "not",   "or",     "pass",     "raise",
                                    "return", "try",      "while", "with",   "yield",    nullptr};
        for (int i = 0; kws[i]; ++i)
            if (s == kws[i]) return true;
        return false;
    }
    std::string expect_name() {
        if (cur().k != TK::Name || is_keyword(cur().s)) fail_here();
        return toks[p++].s;
    }

    // ------------------------------------------------------------------ statements
    void parse_file() {
        while (cur().k != TK::End) {
            if (cur().k == TK::Newline) {
                ++p;
                continue;
            }
            if (cur().k == TK::Indent)
                throw SyntaxErr{"unexpected indent", cur().line, cur().col + 1, true};
            statement(ast.body);
        }
    }

    void block(std::vector<NodeP>& out, const char* what, int hdr_line) {
        if (cur().k == TK::Newline) {
            ++p;
            if (cur().k != TK::Indent)
                throw SyntaxErr{std::string("expected an indented block after ") + what +
                                    " on line " + std::to_string(hdr_line),
                                cur().line, cur().col + 1, true};
            ++p;
            while (cur().k != TK::Dedent && cur().k != TK::End) {
                if (cur().k == TK::Newline) {
                    ++p;
                    continue;
                }
                statement(out);
            }
            if (cur().k == TK::Dedent) ++p;
        } else {
            simple_stmts(out);
        }
    }

    void statement(std::vector<NodeP>& out) {
        const Token& t = cur();
        if (t.k == TK::Indent) throw SyntaxErr{"unexpected indent", t.line, t.col + 1, true};
        if (t.k == TK::Op && t.s == "@") {
            out.push_back(decorated());
            return;
        }
        if (t.k == TK::Name) {
            const std::string& s = t.s;
            if (s == "if") {
                out.push_back(if_stmt());
                return;
            }
            if (s == "while") {
                out.push_back(while_stmt());
                return;
            }
            if (s == "for") {
                out.push_back(for_stmt());
                return;
            }
            if (s == "def") {
                out.push_back(funcdef({}));
                return;
            }
            if (s == "class") {
                out.push_back(classdef({}));
                return;
            }
            if (s == "try") {
                out.push_back(try_stmt());
                return;
            }
            if (s == "with") {
                out.push_back(with_stmt());
                return;
            }
        }
        simple_stmts(out);
    }

    void simple_stmts(std::vector<NodeP>& out) {
        for (;;) {
            out.push_back(simple_stmt());
            if (accept_op(";")) {
                if (cur().k == TK::Newline) break;
                continue;
            }
            break;
        }
        if (cur().k != TK::Newline) {
            // a common mistake: two expressions on a line
            fail_here();
        }
        ++p;
    }

    NodeP decorated() {
        std::vector<NodeP> decs;
        while (accept_op("@")) {
            decs.push_back(namedexpr());
            if (cur().k != TK::Newline) fail_here();
            ++p;
        }
        if (is_kw("def")) return funcdef(std::move(decs));
        if (is_kw("class")) return classdef(std::move(decs));
        fail_here();
    }

    // An optional `else:` block (if/elif, while, for, try).
    void else_clause(std::vector<NodeP>& out) {
        if (!is_kw("else")) return;
        int l = cur().line;
        ++p;
        expect_op(":");
        block(out, "'else' statement", l);
    }

    // `if` and each `elif` (a nested If in the else branch); kw names the block in errors.
    NodeP if_stmt(const char* kw = "'if' statement") {
        const Token& t = toks[p++]; // 'if' or 'elif'
        NodeP n = mk(NK::If, t);
        n->x = namedexpr();
        expect_op(":");
        block(n->a, kw, t.line);
        if (is_kw("elif"))
            n->b.push_back(if_stmt("'elif' statement"));
        else
            else_clause(n->b);
        return n;
    }

    NodeP while_stmt() {
        const Token& t = toks[p++];
        NodeP n = mk(NK::While, t);
        n->x = namedexpr();
        expect_op(":");
        ++loop_depth;
        block(n->a, "'while' statement", t.line);
        --loop_depth;
        else_clause(n->b);
        return n;
    }

    NodeP for_stmt() {
        const Token& t = toks[p++];
        NodeP n = mk(NK::For, t);
        n->x = target_list();
        if (!accept_kw("in")) fail_here();
        n->y = testlist_star();
        expect_op(":");
        ++loop_depth;
        block(n->a, "'for' statement", t.line);
        --loop_depth;
        else_clause(n->b);
        return n;
    }

    NodeP with_stmt() {
        const Token& t = toks[p++];
        NodeP n = mk(NK::With, t);
        do {
            NodeP item = expr();
            n->a.push_back(item);
            NodeP tgt = nullptr;
            if (accept_kw("as")) tgt = target();
            n->c.push_back(tgt);
        } while (accept_op(","));
        expect_op(":");
        block(n->b, "'with' statement", t.line);
        return n;
    }

    NodeP try_stmt() {
        const Token& t = toks[p++];
        NodeP n = mk(NK::Try, t);
        expect_op(":");
        block(n->a, "'try' statement", t.line);
        while (is_kw("except")) {
            Handler h;
            h.line = cur().line;
            ++p;
            if (!is_op(":")) {
                h.type = expr();
                if (is_op(",")) {
                    // except A, B:  -> CPython: "multiple exception types must be parenthesized"
                    fail("multiple exception types must be parenthesized", cur());
                }
                if (accept_kw("as")) h.name = expect_name();
            }
            expect_op(":");
            block(h.body, "'except' statement", h.line);
            n->handlers.push_back(std::move(h));
        }
        else_clause(n->b);
        if (is_kw("finally")) {
            int l = cur().line;
            ++p;
            expect_op(":");
            block(n->c, "'finally' statement", l);
            n->op = 1; // has finally
        }
        if (n->handlers.empty() && n->op == 0) fail("expected 'except' or 'finally' block", cur());
        return n;
    }

    NodeP funcdef(std::vector<NodeP> decs) {
        const Token& t = toks[p++];
        NodeP n = mk(NK::FunctionDef, t);
        n->s = expect_name();
        n->decorators = std::move(decs);
        expect_op("(");
        n->params = params(")");
        expect_op(")");
        if (accept_op("->")) expr();
        expect_op(":");
        ++fdepth;
        int saved_loop = loop_depth;
        loop_depth = 0;
        block(n->a, ("function definition"), t.line);
        loop_depth = saved_loop;
        --fdepth;
        return n;
    }

    NodeP classdef(std::vector<NodeP> decs) {
        const Token& t = toks[p++];
        NodeP n = mk(NK::ClassDef, t);
        n->s = expect_name();
        n->decorators = std::move(decs);
        if (accept_op("(")) {
            if (!is_op(")")) call_args(n->b, n->c);
            expect_op(")");
        }
        expect_op(":");
        int saved_f = fdepth, saved_loop = loop_depth;
        fdepth = 0;
        loop_depth = 0;
        block(n->a, "class definition", t.line);
        fdepth = saved_f;
        loop_depth = saved_loop;
        return n;
    }

    std::unique_ptr<Params> params(const char* close) {
        auto ps = std::make_unique<Params>();
        bool seen_star = false, seen_default = false;
        while (!is_op(close)) {
            if (accept_op("**")) {
                ps->kwarg = expect_name();
                if (std::strcmp(close, ")") == 0 && accept_op(":")) expr();
                accept_op(",");
                break;
            }
            if (accept_op("*")) {
                seen_star = true;
                if (cur().k == TK::Name) {
                    ps->vararg = expect_name();
                    if (std::strcmp(close, ")") == 0 && accept_op(":")) expr();
                }
            } else if (accept_op("/")) {
                ps->posonly = int(ps->pos.size());
            } else {
                const Token& nt = cur();
                std::string name = expect_name();
                if (std::strcmp(close, ")") == 0 && accept_op(":")) expr();
                NodeP def = nullptr;
                if (accept_op("=")) def = expr();
                if (seen_star) {
                    ps->kwonly.push_back(name);
                    ps->kwdefaults.push_back(def);
                } else {
                    if (def) {
                        seen_default = true;
                        ps->defaults.push_back(def);
                    } else if (seen_default) {
                        fail("non-default argument follows default argument", nt);
                    }
                    ps->pos.push_back(name);
                }
            }
            if (!accept_op(",")) break;
        }
        return ps;
    }

    NodeP simple_stmt() {
        const Token& t = cur();
        if (t.k == TK::Name) {
            const std::string& s = t.s;
            if (s == "pass") {
                ++p;
                return mk(NK::Pass, t);
            }
            if (s == "break") {
                if (loop_depth == 0) fail("'break' outside loop", t);
                ++p;
                return mk(NK::Break, t);
            }
            if (s == "continue") {
                if (loop_depth == 0) fail("'continue' not properly in loop", t);
                ++p;
                return mk(NK::Continue, t);
            }
            if (s == "return") {
                if (fdepth == 0) fail("'return' outside function", t);
                ++p;
                NodeP n = mk(NK::Return, t);
                if (cur().k != TK::Newline && !is_op(";")) n->x = testlist_star();
                return n;
            }
            if (s == "raise") {
                ++p;
                NodeP n = mk(NK::Raise, t);
                if (cur().k != TK::Newline && !is_op(";")) {
                    n->x = expr();
                    if (accept_kw("from")) n->y = expr();
                }
                return n;
            }
            if (s == "global" || s == "nonlocal") {
                ++p;
                NodeP n = mk(s == "global" ? NK::Global : NK::Nonlocal, t);
                do n->names.push_back({expect_name(), ""});
                while (accept_op(","));
                return n;
            }
            if (s == "del") {
                ++p;
                NodeP n = mk(NK::Delete, t);
                do n->a.push_back(target());
                while (accept_op(",") && cur().k != TK::Newline);
                return n;
            }
            if (s == "assert") {
                ++p;
                NodeP n = mk(NK::Assert, t);
                n->x = expr();
                if (accept_op(",")) n->y = expr();
                return n;
            }
            if (s == "import") {
                ++p;
                NodeP n = mk(NK::Import, t);
                do {
                    std::string name = dotted_name();
                    std::string as;
                    if (accept_kw("as")) as = expect_name();
                    n->names.push_back({name, as});
                } while (accept_op(","));
                return n;
            }
            if (s == "from") {
                ++p;
                NodeP n = mk(NK::ImportFrom, t);
                int level = 0;
                while (is_op(".") || is_op("...")) {
                    level += int(cur().s.size());
                    ++p;
                }
                n->i = level;
                if (!is_kw("import")) n->s = dotted_name();
                if (!accept_kw("import")) fail_here();
                if (accept_op("*")) {
                    n->names.push_back({"*", ""});
                    return n;
                }
                bool paren = accept_op("(");
                do {
                    if (paren && is_op(")")) break;
                    std::string name = expect_name();
                    std::string as;
                    if (accept_kw("as")) as = expect_name();
                    n->names.push_back({name, as});
                } while (accept_op(","));
                if (paren) expect_op(")");
                return n;
            }
        }
        // expression statement / assignment
        NodeP e = testlist_star(true);
        if (is_op("=")) {
            NodeP n = mk(NK::Assign, t);
            n->a.push_back(check_target(e));
            while (accept_op("=")) {
                NodeP rhs = is_kw("yield") ? yield_expr() : testlist_star(true);
                if (is_op("="))
                    n->a.push_back(check_target(rhs));
                else {
                    n->x = rhs;
                    return n;
                }
            }
            fail_here();
        }
        if (cur().k == TK::Op && cur().s.size() >= 2 && cur().s.back() == '=' && cur().s != "==" &&
            cur().s != "<=" && cur().s != ">=" && cur().s != "!=") {
            static const char* aug[] = {
                "+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "<<=", ">>=", "&=", "|=", "^="};
            static const int augop[] = {OP_ADD,    OP_SUB,   OP_MUL,    OP_DIV,    OP_FLOORDIV,
                                        OP_MOD,    OP_POW,   OP_MATMUL, OP_LSHIFT, OP_RSHIFT,
                                        OP_BITAND, OP_BITOR, OP_BITXOR};
            for (int k = 0; k < 13; ++k) {
                if (cur().s == aug[k]) {
                    if (e->k != NK::Name && e->k != NK::Attribute && e->k != NK::Subscript)
                        fail("'" + describe(e) +
                                 "' is an illegal expression for augmented assignment",
                             t);
                    ++p;
                    NodeP n = mk(NK::AugAssign, t);
                    n->op = augop[k];
                    n->x = e;
                    n->y = is_kw("yield") ? yield_expr() : testlist_star();
                    return n;
                }
            }
        }
        if (is_op(":")) {
            // annotated assignment
            ++p;
            NodeP n = mk(NK::AnnAssign, t);
            n->x = e;
            n->z = expr();
            if (accept_op("=")) n->y = testlist_star();
            return n;
        }
        NodeP n = mk(NK::ExprStmt, t);
        n->x = e;
        return n;
    }

    static std::string describe(NodeP e) {
        switch (e->k) {
        case NK::Call: return "function call";
        case NK::Int:
        case NK::Float:
        case NK::Str:
        case NK::None:
        case NK::True:
        case NK::False: return "literal";
        case NK::Tuple: return "tuple";
        case NK::List: return "list";
        case NK::BinOp: return "expression";
        case NK::Compare: return "comparison";
        default: return "expression";
        }
    }

    NodeP check_target(NodeP e) {
        switch (e->k) {
        case NK::Name:
        case NK::Attribute:
        case NK::Subscript: return e;
        case NK::Tuple:
        case NK::List:
            for (NodeP x : e->a) check_target(x);
            return e;
        case NK::Starred: check_target(e->x); return e;
        case NK::Call:
            throw SyntaxErr{
                "cannot assign to function call here. Maybe you meant '==' instead of '='?",
                e->line, e->col + 1};
        case NK::Int:
        case NK::Float:
        case NK::Str:
        case NK::None:
        case NK::True:
        case NK::False:
            throw SyntaxErr{"cannot assign to literal here. Maybe you meant '==' instead of '='?",
                            e->line, e->col + 1};
        default:
            throw SyntaxErr{
                "cannot assign to expression here. Maybe you meant '==' instead of '='?", e->line,
                e->col + 1};
        }
    }

    std::string dotted_name() {
        std::string s = expect_name();
        while (accept_op(".")) s += "." + expect_name();
        return s;
    }

    // ------------------------------------------------------------------ expressions
    NodeP target() {
        NodeP e = or_expr_star();
        return check_target(e);
    }
    NodeP or_expr_star() {
        if (is_op("*")) {
            const Token& t = toks[p++];
            NodeP n = mk(NK::Starred, t);
            n->x = bitor_expr();
            return n;
        }
        return bitor_expr();
    }
    NodeP target_list() {
        const Token& t = cur();
        NodeP first = or_expr_star();
        if (!is_op(",")) return check_target(first);
        NodeP tup = mk(NK::Tuple, t);
        tup->a.push_back(first);
        while (accept_op(",")) {
            if (is_kw("in") || is_op("=")) break;
            tup->a.push_back(or_expr_star());
        }
        return check_target(tup);
    }

    NodeP testlist_star(bool allow_yield = false) {
        if (allow_yield && is_kw("yield")) return yield_expr();
        const Token& t = cur();
        NodeP first = star_or_named();
        if (!is_op(",")) return first;
        NodeP tup = mk(NK::Tuple, t);
        tup->a.push_back(first);
        while (accept_op(",")) {
            if (ends_expr()) break;
            tup->a.push_back(star_or_named());
        }
        return tup;
    }
    bool ends_expr() const {
        if (cur().k == TK::Newline || cur().k == TK::End) return true;
        if (cur().k == TK::Op) {
            const std::string& s = cur().s;
            return s == "=" || s == ")" || s == "]" || s == "}" || s == ":" || s == ";" ||
                   (s.size() >= 2 && s.back() == '=' && s != "==" && s != "<=" && s != ">=" &&
                    s != "!=");
        }
        return cur().k == TK::Name && (cur().s == "in");
    }
    NodeP star_or_named() {
        if (is_op("*")) {
            const Token& t = toks[p++];
            NodeP n = mk(NK::Starred, t);
            n->x = bitor_expr();
            return n;
        }
        return namedexpr();
    }

    NodeP yield_expr() {
        const Token& t = toks[p++];
        if (fdepth == 0) fail("'yield' outside function", t);
        if (accept_kw("from")) {
            NodeP n = mk(NK::YieldFrom, t);
            n->x = expr();
            return n;
        }
        NodeP n = mk(NK::Yield, t);
        if (!ends_expr() && !is_op(")")) n->x = testlist_star();
        return n;
    }

    NodeP namedexpr() {
        if (cur().k == TK::Name && peek().k == TK::Op && peek().s == ":=") {
            const Token& t = cur();
            NodeP n = mk(NK::NamedExpr, t);
            NodeP target = mk(NK::Name, t);
            target->s = expect_name();
            ++p;
            n->x = target;
            n->y = expr();
            return n;
        }
        return expr();
    }

    NodeP expr() {
        if (is_kw("lambda")) return lambda();
        const Token& t = cur();
        NodeP e = or_test();
        if (is_kw("if")) {
            ++p;
            NodeP n = mk(NK::IfExp, t);
            n->x = or_test(); // condition
            n->y = e;         // body
            if (!accept_kw("else")) fail("expected 'else' after 'if' expression", cur());
            n->z = expr();
            return n;
        }
        return e;
    }
    NodeP expr_nocond() {
        if (is_kw("lambda")) return lambda(true);
        return or_test();
    }

    NodeP lambda(bool nocond = false) {
        const Token& t = toks[p++];
        NodeP n = mk(NK::Lambda, t);
        n->params = params(":");
        expect_op(":");
        ++fdepth;
        n->x = nocond ? expr_nocond() : expr();
        --fdepth;
        return n;
    }

    NodeP or_test() {
        const Token& t = cur();
        NodeP e = and_test();
        if (!is_kw("or")) return e;
        NodeP n = mk(NK::BoolOp, t);
        n->op = OP_OR;
        n->a.push_back(e);
        while (accept_kw("or")) n->a.push_back(and_test());
        return n;
    }
    NodeP and_test() {
        const Token& t = cur();
        NodeP e = not_test();
        if (!is_kw("and")) return e;
        NodeP n = mk(NK::BoolOp, t);
        n->op = OP_AND;
        n->a.push_back(e);
        while (accept_kw("and")) n->a.push_back(not_test());
        return n;
    }
    NodeP not_test() {
        if (is_kw("not")) {
            const Token& t = toks[p++];
            NodeP n = mk(NK::UnaryOp, t);
            n->op = OP_NOT;
            n->x = not_test();
            return n;
        }
        return comparison();
    }
    NodeP comparison() {
        const Token& t = cur();
        NodeP e = bitor_expr();
        NodeP n = nullptr;
        for (;;) {
            int op = -1;
            if (cur().k == TK::Op) {
                const std::string& s = cur().s;
                if (s == "<")
                    op = CMP_LT;
                else if (s == "<=")
                    op = CMP_LE;
                else if (s == "==")
                    op = CMP_EQ;
                else if (s == "!=")
                    op = CMP_NE;
                else if (s == ">")
                    op = CMP_GT;
                else if (s == ">=")
                    op = CMP_GE;
                if (op >= 0) ++p;
            } else if (is_kw("in")) {
                op = CMP_IN;
                ++p;
            } else if (is_kw("not") && peek().k == TK::Name && peek().s == "in") {
                op = CMP_NOTIN;
                p += 2;
            } else if (is_kw("is")) {
                ++p;
                op = accept_kw("not") ? CMP_ISNOT : CMP_IS;
            }
            if (op < 0) break;
            if (!n) {
                n = mk(NK::Compare, t);
                n->x = e;
            }
            n->ops.push_back(op);
            n->a.push_back(bitor_expr());
        }
        return n ? n : e;
    }
    NodeP binary(NodeP (Parser::*sub)(), std::initializer_list<std::pair<const char*, int>> ops) {
        NodeP e = (this->*sub)();
        for (;;) {
            int found = -1;
            if (cur().k == TK::Op)
                for (auto& o : ops)
                    if (cur().s == o.first) found = o.second;
            if (found < 0) return e;
            const Token& t = toks[p++];
            NodeP n = mk(NK::BinOp, t);
            n->line = e->line;
            n->col = e->col;
            n->op = found;
            n->x = e;
            n->y = (this->*sub)();
            e = n;
        }
    }
    NodeP bitor_expr() { return binary(&Parser::bitxor_expr, {{"|", OP_BITOR}}); }
    NodeP bitxor_expr() { return binary(&Parser::bitand_expr, {{"^", OP_BITXOR}}); }
    NodeP bitand_expr() { return binary(&Parser::shift_expr, {{"&", OP_BITAND}}); }
    NodeP shift_expr() {
        return binary(&Parser::arith_expr, {{"<<", OP_LSHIFT}, {">>", OP_RSHIFT}});
    }
    NodeP arith_expr() { return binary(&Parser::term, {{"+", OP_ADD}, {"-", OP_SUB}}); }
    NodeP term() {
        return binary(
            &Parser::factor,
            {{"*", OP_MUL}, {"/", OP_DIV}, {"//", OP_FLOORDIV}, {"%", OP_MOD}, {"@", OP_MATMUL}});
    }
    NodeP factor() {
        if (cur().k == TK::Op && (cur().s == "-" || cur().s == "+" || cur().s == "~")) {
            const Token& t = toks[p++];
            NodeP n = mk(NK::UnaryOp, t);
            n->op = t.s == "-" ? OP_NEG : t.s == "+" ? OP_POS : OP_INVERT;
            n->x = factor();
            // fold -<number> into a constant, as CPython's optimizer does (set displays depend on
            // it)
            if (n->op == OP_NEG && n->x->k == NK::Int && n->x->i != INT64_MIN) {
                n->x->i = -n->x->i;
                n->x->line = n->line;
                n->x->col = n->col;
                return n->x;
            }
            if (n->op == OP_NEG && n->x->k == NK::Float) {
                n->x->f = -n->x->f;
                n->x->line = n->line;
                n->x->col = n->col;
                return n->x;
            }
            return n;
        }
        return power();
    }
    NodeP power() {
        NodeP e = primary();
        if (is_op("**")) {
            const Token& t = toks[p++];
            NodeP n = mk(NK::BinOp, t);
            n->line = e->line;
            n->col = e->col;
            n->op = OP_POW;
            n->x = e;
            n->y = factor();
            return n;
        }
        return e;
    }

    NodeP primary() {
        NodeP e = atom();
        for (;;) {
            if (is_op("(")) {
                const Token& t = toks[p++];
                NodeP n = mk(NK::Call, t);
                n->line = e->line;
                n->col = e->col;
                n->x = e;
                if (!is_op(")")) call_args(n->a, n->b);
                if (!accept_op(")")) fail_here();
                e = n;
            } else if (is_op("[")) {
                const Token& t = toks[p++];
                NodeP n = mk(NK::Subscript, t);
                n->line = e->line;
                n->col = e->col;
                n->x = e;
                n->y = subscript_list();
                expect_op("]");
                e = n;
            } else if (is_op(".")) {
                ++p;
                const Token& t = cur();
                NodeP n = mk(NK::Attribute, t);
                n->line = e->line;
                n->col = e->col;
                n->x = e;
                n->s = expect_name();
                e = n;
            } else
                return e;
        }
    }

    // positional args into pos, keyword args (Keyword / DoubleStar nodes) into kws
    void call_args(std::vector<NodeP>& pos, std::vector<NodeP>& kws) {
        for (;;) {
            if (is_op(")")) break;
            const Token& t = cur();
            if (accept_op("**")) {
                NodeP n = mk(NK::DoubleStar, t);
                n->x = expr();
                kws.push_back(n);
            } else if (accept_op("*")) {
                NodeP n = mk(NK::Starred, t);
                n->x = expr();
                pos.push_back(n);
            } else if (cur().k == TK::Name && peek().k == TK::Op && peek().s == "=") {
                NodeP n = mk(NK::Keyword, t);
                n->s = expect_name();
                ++p;
                n->x = expr();
                kws.push_back(n);
            } else {
                NodeP e = namedexpr();
                if (is_kw("for")) {
                    NodeP g = mk(NK::GenExp, t);
                    g->x = e;
                    comp_for(g);
                    e = g;
                }
                if (!kws.empty() && kws.back()->k == NK::Keyword)
                    fail("positional argument follows keyword argument", t);
                pos.push_back(e);
            }
            if (!accept_op(",")) break;
        }
    }

    NodeP subscript_list() {
        const Token& t = cur();
        NodeP first = subscript();
        if (!is_op(",")) return first;
        NodeP tup = mk(NK::Tuple, t);
        tup->a.push_back(first);
        while (accept_op(",")) {
            if (is_op("]")) break;
            tup->a.push_back(subscript());
        }
        return tup;
    }
    NodeP subscript() {
        const Token& t = cur();
        NodeP lo = nullptr;
        if (!is_op(":")) {
            lo = star_or_named();
            if (!is_op(":")) return lo;
        }
        NodeP n = mk(NK::Slice, t);
        n->x = lo;
        expect_op(":");
        if (!is_op("]") && !is_op(",") && !is_op(":")) n->y = expr();
        if (accept_op(":")) {
            if (!is_op("]") && !is_op(",")) n->z = expr();
        }
        return n;
    }

    void comp_for(NodeP n) {
        while (is_kw("for")) {
            ++p;
            Comprehension c;
            c.target = target_list();
            if (!accept_kw("in")) fail_here();
            c.iter = or_test();
            while (is_kw("if")) {
                ++p;
                c.ifs.push_back(expr_nocond());
            }
            n->gens.push_back(std::move(c));
        }
    }

    NodeP atom() {
        const Token& t = cur();
        switch (t.k) {
        case TK::Name: {
            const std::string& s = t.s;
            if (s == "None") {
                ++p;
                return mk(NK::None, t);
            }
            if (s == "True") {
                ++p;
                return mk(NK::True, t);
            }
            if (s == "False") {
                ++p;
                return mk(NK::False, t);
            }
            if (s == "yield") {
                NodeP y = yield_expr();
                return y;
            }
            if (is_keyword(s)) fail_here();
            ++p;
            NodeP n = mk(NK::Name, t);
            n->s = s;
            return n;
        }
        case TK::Number: {
            ++p;
            return number(t);
        }
        case TK::String: return strings();
        case TK::Op: {
            if (t.s == "(") {
                ++p;
                if (accept_op(")")) return mk(NK::Tuple, t);
                if (is_kw("yield")) {
                    NodeP y = yield_expr();
                    expect_op(")");
                    return y;
                }
                NodeP first = star_or_named();
                if (is_kw("for")) {
                    NodeP g = mk(NK::GenExp, t);
                    g->x = first;
                    comp_for(g);
                    expect_op(")");
                    return g;
                }
                if (accept_op(")")) {
                    if (first->k == NK::Starred) fail("cannot use starred expression here", t);
                    return first;
                }
                NodeP tup = mk(NK::Tuple, t);
                tup->a.push_back(first);
                while (accept_op(",")) {
                    if (is_op(")")) break;
                    tup->a.push_back(star_or_named());
                }
                if (!accept_op(")")) {
                    if (cur().k != TK::Op) fail("invalid syntax. Perhaps you forgot a comma?", t);
                    fail_here();
                }
                return tup;
            }
            if (t.s == "[") {
                ++p;
                NodeP n = mk(NK::List, t);
                if (accept_op("]")) return n;
                NodeP first = star_or_named();
                if (is_kw("for")) {
                    NodeP c = mk(NK::ListComp, t);
                    c->x = first;
                    comp_for(c);
                    expect_op("]");
                    return c;
                }
                n->a.push_back(first);
                while (accept_op(",")) {
                    if (is_op("]")) break;
                    n->a.push_back(star_or_named());
                }
                if (!accept_op("]")) {
                    if (cur().k != TK::Op) fail("invalid syntax. Perhaps you forgot a comma?", t);
                    fail_here();
                }
                return n;
            }
            if (t.s == "{") {
                ++p;
                if (accept_op("}")) return mk(NK::Dict, t);
                // dict or set
                if (accept_op("**")) {
                    NodeP d = mk(NK::Dict, t);
                    d->a.push_back(nullptr);
                    d->b.push_back(bitor_expr());
                    dict_rest(d);
                    return d;
                }
                NodeP first = star_or_named();
                if (accept_op(":")) {
                    NodeP v = expr();
                    if (is_kw("for")) {
                        NodeP c = mk(NK::DictComp, t);
                        c->x = first;
                        c->y = v;
                        comp_for(c);
                        expect_op("}");
                        return c;
                    }
                    NodeP d = mk(NK::Dict, t);
                    d->a.push_back(first);
                    d->b.push_back(v);
                    dict_rest(d);
                    return d;
                }
                if (is_kw("for")) {
                    NodeP c = mk(NK::SetComp, t);
                    c->x = first;
                    comp_for(c);
                    expect_op("}");
                    return c;
                }
                NodeP s = mk(NK::Set, t);
                s->a.push_back(first);
                while (accept_op(",")) {
                    if (is_op("}")) break;
                    s->a.push_back(star_or_named());
                }
                expect_op("}");
                return s;
            }
            if (t.s == "...") {
                ++p;
                return mk(NK::Ellipsis, t);
            }
            break;
        }
        case TK::Indent: throw SyntaxErr{"unexpected indent", t.line, t.col + 1, true};
        default: break;
        }
        if (t.k == TK::Newline || t.k == TK::End) fail("invalid syntax", t);
        fail_here();
    }

    void dict_rest(NodeP d) {
        while (accept_op(",")) {
            if (is_op("}")) break;
            if (accept_op("**")) {
                d->a.push_back(nullptr);
                d->b.push_back(bitor_expr());
                continue;
            }
            d->a.push_back(expr());
            expect_op(":");
            d->b.push_back(expr());
        }
        expect_op("}");
    }

    NodeP number(const Token& t) {
        std::string s;
        for (char c : t.s)
            if (c != '_') s += c;
        if (!s.empty() && (s.back() == 'j' || s.back() == 'J')) {
            NodeP n = mk(NK::Imag, t);
            n->f = strtod(s.c_str(), nullptr);
            return n;
        }
        bool is_float = false;
        if (s.size() < 2 || !(s[0] == '0' && strchr("xXoObB", s[1])))
            for (char c : s)
                if (c == '.' || c == 'e' || c == 'E') is_float = true;
        if (is_float) {
            NodeP n = mk(NK::Float, t);
            n->f = strtod(s.c_str(), nullptr);
            return n;
        }
        int base = 10;
        std::string digits = s;
        if (s.size() > 1 && s[0] == '0' && strchr("xXoObB", s[1])) {
            char k = tolower(s[1]);
            base = k == 'x' ? 16 : k == 'o' ? 8 : 2;
            digits = s.substr(2);
        } else if (s.size() > 1 && s[0] == '0') {
            for (char c : s)
                if (c != '0')
                    fail("leading zeros in decimal integer literals are not permitted; use an 0o "
                         "prefix for octal integers",
                         t);
        }
        // fits in int64?
        unsigned __int128 v = 0;
        bool big = false;
        for (char c : digits) {
            int d = isdigit((unsigned char)c) ? c - '0' : (c | 32) - 'a' + 10;
            v = v * base + d;
            if (v > (unsigned __int128)INT64_MAX) {
                big = true;
                break;
            }
        }
        if (big) {
            NodeP n = mk(NK::BigInt, t);
            n->s = s; // with prefix; the compiler parses it via BigInt
            return n;
        }
        NodeP n = mk(NK::Int, t);
        n->i = int64_t(v);
        return n;
    }

    // Adjacent string literals concatenate; f-strings split into parts.
    NodeP strings() {
        const Token& t0 = cur();
        bool any_f = false, bytes = t0.bytes;
        size_t q = p;
        while (toks[q].k == TK::String) {
            if (toks[q].fstring) any_f = true;
            if (toks[q].bytes != bytes) fail("cannot mix bytes and nonbytes literals", toks[q]);
            ++q;
        }
        if (!any_f) {
            NodeP n = mk(bytes ? NK::Bytes : NK::Str, t0);
            while (p < q) n->s += toks[p++].s;
            return n;
        }
        NodeP n = mk(NK::FString, t0);
        std::string lit;
        auto flush = [&]() {
            if (!lit.empty()) {
                NodeP s = mk(NK::Str, t0);
                s->s = lit;
                n->a.push_back(s);
                lit.clear();
            }
        };
        while (p < q) {
            const Token& t = toks[p++];
            if (!t.fstring) {
                lit += t.s;
                continue;
            }
            fstring_parts(t, t.s, n, lit, flush, 0);
        }
        flush();
        return n;
    }

    void fstring_parts(const Token& t, const std::string& body, NodeP n, std::string& lit,
                       const std::function<void()>& flush, int depth) {
        size_t i = 0;
        std::string raw_lit;
        auto lit_done = [&]() {
            if (!raw_lit.empty()) {
                lit += t.raw ? raw_lit : decode_escapes(raw_lit, false, t.line, t.col);
                raw_lit.clear();
            }
        };
        while (i < body.size()) {
            char c = body[i];
            if (c == '{') {
                if (i + 1 < body.size() && body[i + 1] == '{') {
                    raw_lit += '{';
                    i += 2;
                    continue;
                }
                lit_done();
                // find the end of the expression: matching brackets, strings, stopping at ! : = }
                // at depth 0
                size_t j = i + 1;
                int nest = 0;
                char inq = 0;
                size_t expr_end = std::string::npos;
                while (j < body.size()) {
                    char d = body[j];
                    if (inq) {
                        if (d == inq) inq = 0;
                        ++j;
                        continue;
                    }
                    if (d == '\'' || d == '"') {
                        inq = d;
                        ++j;
                        continue;
                    }
                    if (d == '(' || d == '[' || d == '{')
                        ++nest;
                    else if (d == ')' || d == ']' || d == '}') {
                        if (nest == 0) break;
                        --nest;
                    } else if (nest == 0 && (d == '!' && j + 1 < body.size() && body[j + 1] != '='))
                        break;
                    else if (nest == 0 && d == ':')
                        break;
                    else if (nest == 0 && d == '=' && j + 1 < body.size() && body[j + 1] != '=' &&
                             (j == 0 || (body[j - 1] != '=' && body[j - 1] != '!' &&
                                         body[j - 1] != '<' && body[j - 1] != '>'))) {
                        expr_end = j;
                    }
                    ++j;
                }
                if (j >= body.size()) throw SyntaxErr{"f-string: expecting '}'", t.line, t.col + 1};
                std::string expr_src =
                    body.substr(i + 1, (expr_end != std::string::npos ? expr_end : j) - i - 1);
                bool self_doc = expr_end != std::string::npos;
                size_t k = j;
                // trailing whitespace after '=' belongs to the debug text
                std::string debug_text;
                if (self_doc) debug_text = body.substr(i + 1, j - i - 1);
                {
                    std::string trimmed = expr_src;
                    size_t a = trimmed.find_first_not_of(" \t\n");
                    if (a == std::string::npos)
                        throw SyntaxErr{"f-string: empty expression not allowed", t.line,
                                        t.col + 1};
                }
                NodeP fv = mk(NK::FormattedValue, t);
                fv->x = parse_sub_expression(expr_src, t);
                fv->op = 0;
                if (self_doc) {
                    lit += debug_text;
                    fv->op = 'r';
                }
                if (k < body.size() && body[k] == '!') {
                    if (k + 1 >= body.size())
                        throw SyntaxErr{"f-string: expecting '}'", t.line, t.col + 1};
                    char conv = body[k + 1];
                    if (conv != 'r' && conv != 's' && conv != 'a')
                        throw SyntaxErr{
                            "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                            t.line, t.col + 1};
                    fv->op = conv;
                    k += 2;
                }
                if (k < body.size() && body[k] == ':') {
                    // format spec up to the matching '}' (may contain nested fields)
                    size_t m = k + 1;
                    int nest2 = 0;
                    while (m < body.size()) {
                        if (body[m] == '{')
                            ++nest2;
                        else if (body[m] == '}') {
                            if (nest2 == 0) break;
                            --nest2;
                        }
                        ++m;
                    }
                    std::string spec = body.substr(k + 1, m - k - 1);
                    NodeP specn = mk(NK::FString, t);
                    std::string slit;
                    auto sflush = [&]() {
                        if (!slit.empty()) {
                            NodeP s = mk(NK::Str, t);
                            s->s = slit;
                            specn->a.push_back(s);
                            slit.clear();
                        }
                    };
                    fstring_parts(t, spec, specn, slit, sflush, depth + 1);
                    sflush();
                    fv->y = specn;
                    if (self_doc && fv->op == 'r' && k < body.size())
                        fv->op = 0; // with a spec, '=' uses format()
                    k = m;
                }
                if (k >= body.size() || body[k] != '}')
                    throw SyntaxErr{"f-string: expecting '}'", t.line, t.col + 1};
                flush();
                n->a.push_back(fv);
                i = k + 1;
                continue;
            }
            if (c == '}') {
                if (i + 1 < body.size() && body[i + 1] == '}') {
                    raw_lit += '}';
                    i += 2;
                    continue;
                }
                throw SyntaxErr{"f-string: single '}' is not allowed", t.line, t.col + 1};
            }
            raw_lit += c;
            ++i;
        }
        lit_done();
    }

    NodeP parse_sub_expression(const std::string& src, const Token& t) {
        std::vector<Token> sub;
        try {
            sub = tokenize("(" + src + ")");
        } catch (SyntaxErr& e) {
            throw SyntaxErr{"f-string: " + e.msg, t.line, t.col + 1};
        }
        for (auto& tk : sub) {
            tk.line = t.line;
            tk.col = t.col;
        }
        Parser sp(std::move(sub), ast);
        sp.fdepth = fdepth;
        NodeP e = sp.testlist_star();
        while (sp.cur().k == TK::Newline) ++sp.p;
        if (sp.cur().k != TK::End) throw SyntaxErr{"f-string: invalid syntax", t.line, t.col + 1};
        return e;
    }
};

} // namespace

void parse_module(const std::string& src, Ast& ast) {
    Parser ps(tokenize(src), ast);
    ps.parse_file();
}

} // namespace lmpy
