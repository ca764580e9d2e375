// AST -> bytecode. Two passes: a scope analysis that decides, for every name in every scope,
// whether it is a fast local slot, a cell/free variable, a class-namespace name or a global; then
// code generation with those decisions baked in, so the VM never looks locals up by name.
// Comprehensions and generator expressions are nested functions (as in CPython 3.11).
#include "py/code.h"
#include "py/runtime.h"
#include "py/vm.h"
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace lmpy {

namespace {

enum class SK { Module, Function, Class, Comp };

struct Scope {
    SK kind;
    Scope* parent = nullptr;
    NodeP node = nullptr;
    std::vector<std::string> params;
    std::set<std::string> assigned, used, global_decl, nonlocal_decl;
    std::vector<std::string> assigned_order;
    std::vector<Scope*> children;
    std::vector<std::string> cellvars, freevars;
    bool generator = false;
    std::string name;
    void assign(const std::string& n) {
        if (assigned.insert(n).second) assigned_order.push_back(n);
    }
    bool funclike() const { return kind == SK::Function || kind == SK::Comp; }
    void add_cell(const std::string& n) {
        if (std::find(cellvars.begin(), cellvars.end(), n) == cellvars.end()) cellvars.push_back(n);
    }
    void add_free(const std::string& n) {
        if (std::find(freevars.begin(), freevars.end(), n) == freevars.end()) freevars.push_back(n);
    }
    bool binds(const std::string& n) const {
        return (assigned.count(n) || std::find(params.begin(), params.end(), n) != params.end()) &&
               !global_decl.count(n) && !nonlocal_decl.count(n);
    }
};

// ------------------------------------------------------------------------------ scope analysis
struct Analyzer {
    std::vector<std::unique_ptr<Scope>> all;
    std::unordered_map<Node*, Scope*> of;

    Scope* new_scope(SK k, Scope* parent, NodeP n) {
        all.push_back(std::make_unique<Scope>());
        Scope* s = all.back().get();
        s->kind = k;
        s->parent = parent;
        s->node = n;
        if (parent) parent->children.push_back(s);
        if (n) of[n] = s;
        return s;
    }

    void params_of(Scope* s, Params* p) {
        for (auto& n : p->pos) s->params.push_back(n);
        for (auto& n : p->kwonly) s->params.push_back(n);
        if (!p->vararg.empty()) s->params.push_back(p->vararg);
        if (!p->kwarg.empty()) s->params.push_back(p->kwarg);
    }

    void target(Scope* s, NodeP t) {
        if (!t) return;
        switch (t->k) {
        case NK::Name:
            if (s->kind == SK::Comp && s->assigned.count(t->s) == 0 && false) {
            }
            s->assign(t->s);
            break;
        case NK::Tuple:
        case NK::List:
            for (NodeP x : t->a) target(s, x);
            break;
        case NK::Starred: target(s, t->x); break;
        default: expr(s, t); break; // attribute/subscript: evaluates sub-expressions
        }
    }

    void stmts(Scope* s, std::vector<NodeP>& body) {
        for (NodeP n : body) stmt(s, n);
    }

    void stmt(Scope* s, NodeP n) {
        switch (n->k) {
        case NK::ExprStmt: expr(s, n->x); break;
        case NK::Assign:
            expr(s, n->x);
            for (NodeP t : n->a) target(s, t);
            break;
        case NK::AugAssign:
            expr(s, n->y);
            if (n->x->k == NK::Name) {
                s->used.insert(n->x->s);
                s->assign(n->x->s);
            } else
                expr(s, n->x);
            break;
        case NK::AnnAssign:
            if (n->y) expr(s, n->y);
            target(s, n->x);
            // the annotation is evaluated at module and class level only (see Gen), and its
            // comprehensions and lambdas need their scopes like any other expression's
            if (s->kind == SK::Module || s->kind == SK::Class) expr(s, n->z);
            break;
        case NK::If:
        case NK::While:
            expr(s, n->x);
            stmts(s, n->a);
            stmts(s, n->b);
            break;
        case NK::For:
            expr(s, n->y);
            target(s, n->x);
            stmts(s, n->a);
            stmts(s, n->b);
            break;
        case NK::With:
            for (NodeP e : n->a) expr(s, e);
            for (NodeP t : n->c) target(s, t);
            stmts(s, n->b);
            break;
        case NK::Return:
            if (n->x) expr(s, n->x);
            break;
        case NK::Raise:
            if (n->x) expr(s, n->x);
            if (n->y) expr(s, n->y);
            break;
        case NK::Assert:
            expr(s, n->x);
            if (n->y) expr(s, n->y);
            break;
        case NK::Delete:
            for (NodeP t : n->a) target(s, t);
            break;
        case NK::Global:
            for (auto& nm : n->names) s->global_decl.insert(nm.first);
            break;
        case NK::Nonlocal:
            for (auto& nm : n->names) s->nonlocal_decl.insert(nm.first);
            break;
        case NK::Import:
            for (auto& nm : n->names) {
                std::string bound =
                    nm.second.empty() ? nm.first.substr(0, nm.first.find('.')) : nm.second;
                s->assign(bound);
            }
            break;
        case NK::ImportFrom:
            for (auto& nm : n->names)
                if (nm.first != "*") s->assign(nm.second.empty() ? nm.first : nm.second);
            break;
        case NK::Try:
            stmts(s, n->a);
            for (auto& h : n->handlers) {
                if (h.type) expr(s, h.type);
                if (!h.name.empty()) s->assign(h.name);
                stmts(s, h.body);
            }
            stmts(s, n->b);
            stmts(s, n->c);
            break;
        case NK::FunctionDef: {
            for (NodeP d : n->decorators) expr(s, d);
            for (NodeP d : n->params->defaults) expr(s, d);
            for (NodeP d : n->params->kwdefaults)
                if (d) expr(s, d);
            s->assign(n->s);
            Scope* f = new_scope(SK::Function, s, n);
            f->name = n->s;
            params_of(f, n->params.get());
            stmts(f, n->a);
            break;
        }
        case NK::ClassDef: {
            for (NodeP d : n->decorators) expr(s, d);
            for (NodeP b : n->b) expr(s, b);
            for (NodeP k : n->c) expr(s, k->x);
            s->assign(n->s);
            Scope* c = new_scope(SK::Class, s, n);
            c->name = n->s;
            stmts(c, n->a);
            break;
        }
        default: break;
        }
    }

    Scope* enclosing_nonclass(Scope* s) {
        Scope* p = s->parent;
        while (p && p->kind == SK::Class) p = p->parent;
        return p;
    }

    void comp(Scope* s, NodeP n) {
        // the first iterator is evaluated in the enclosing scope
        expr(s, n->gens[0].iter);
        Scope* c = new_scope(SK::Comp, s, n);
        c->name = n->k == NK::GenExp     ? "<genexpr>"
                  : n->k == NK::ListComp ? "<listcomp>"
                  : n->k == NK::SetComp  ? "<setcomp>"
                                         : "<dictcomp>";
        c->generator = n->k == NK::GenExp;
        c->params.push_back(".0");
        for (size_t g = 0; g < n->gens.size(); ++g) {
            if (g > 0) expr(c, n->gens[g].iter);
            target(c, n->gens[g].target);
            for (NodeP i : n->gens[g].ifs) expr(c, i);
        }
        if (n->x) expr(c, n->x);
        if (n->y) expr(c, n->y);
    }

    void expr(Scope* s, NodeP n) {
        if (!n) return;
        switch (n->k) {
        case NK::Name: s->used.insert(n->s); break;
        case NK::NamedExpr: {
            expr(s, n->y);
            // binds in the nearest function/module scope, not in a comprehension
            Scope* t = s;
            while (t->kind == SK::Comp) {
                t->nonlocal_decl.insert(n->x->s);
                t = t->parent;
            }
            if (t->kind == SK::Module) {
                for (Scope* q = s; q != t; q = q->parent) {
                    q->nonlocal_decl.erase(n->x->s);
                    q->global_decl.insert(n->x->s);
                }
            }
            t->assign(n->x->s);
            s->used.insert(n->x->s);
            break;
        }
        case NK::Lambda: {
            for (NodeP d : n->params->defaults) expr(s, d);
            for (NodeP d : n->params->kwdefaults)
                if (d) expr(s, d);
            Scope* f = new_scope(SK::Function, s, n);
            f->name = "<lambda>";
            params_of(f, n->params.get());
            expr(f, n->x);
            break;
        }
        case NK::ListComp:
        case NK::SetComp:
        case NK::DictComp:
        case NK::GenExp: comp(s, n); break;
        case NK::Yield:
        case NK::YieldFrom:
            s->generator = true;
            expr(s, n->x);
            break;
        case NK::FString:
            for (NodeP x : n->a) expr(s, x);
            break;
        case NK::FormattedValue:
            expr(s, n->x);
            expr(s, n->y);
            break;
        case NK::Compare:
            expr(s, n->x);
            for (NodeP x : n->a) expr(s, x);
            break;
        case NK::Dict:
            for (NodeP x : n->a) expr(s, x);
            for (NodeP x : n->b) expr(s, x);
            break;
        case NK::Call:
            expr(s, n->x);
            for (NodeP x : n->a) expr(s, x);
            for (NodeP x : n->b) expr(s, x);
            break;
        default:
            expr(s, n->x);
            expr(s, n->y);
            expr(s, n->z);
            for (NodeP x : n->a) expr(s, x);
            for (NodeP x : n->b) expr(s, x);
            break;
        }
    }

    // Top-down resolution of free variables.
    void resolve(Scope* s, std::map<std::string, Scope*> env) {
        std::set<std::string> names = s->used;
        for (auto& a : s->assigned) names.insert(a);
        for (auto& nl : s->nonlocal_decl) {
            if (s->kind == SK::Comp) continue;
            if (!env.count(nl))
                throw SyntaxErr{"no binding for nonlocal '" + nl + "' found",
                                s->node ? s->node->line : 0, 1};
        }
        for (auto& nm : names) {
            if (s->global_decl.count(nm)) continue;
            bool local = s->funclike() && s->binds(nm);
            if (local) continue;
            if (s->kind == SK::Class && s->assigned.count(nm) && !s->nonlocal_decl.count(nm))
                continue;
            if (s->kind == SK::Module) continue;
            auto it = env.find(nm);
            if (it == env.end()) continue; // global
            Scope* owner = it->second;
            owner->add_cell(nm);
            for (Scope* q = s; q && q != owner; q = q->parent) q->add_free(nm);
        }
        std::map<std::string, Scope*> child_env = env;
        if (s->funclike()) {
            for (auto& nm : s->assigned)
                if (s->binds(nm)) child_env[nm] = s;
            for (auto& nm : s->params)
                if (s->binds(nm)) child_env[nm] = s;
        }
        for (Scope* c : s->children) resolve(c, s->kind == SK::Class ? env : child_env);
    }
};

// ------------------------------------------------------------------------------ code generation
struct Loop {
    int continue_target;
    std::vector<int> break_jumps;
    bool is_for;
    size_t fblock_depth;
};

// Blocks that need cleanup when control leaves them early (return/break/continue).
struct FBlock {
    enum Kind { TryExcept, TryFinally, Handler, With } kind;
    NodeP finally_body_owner = nullptr; // Try node for finally bodies
};

// Superinstructions (opcodes.h): the most frequent adjacent pairs of the benchmarks and the
// deck (counted per pair: LOAD_CONST+BINARY 17-20 % of module-level loops, LOAD_FAST+LOAD_CONST
// 18 % of fib, LOAD_FAST+LOAD_FAST 16 % of matmul, COMPARE+POP_JUMP 9 % of fib; then, with
// those fused, FOR_ITER+STORE_FAST 4.5 % of matmul, STORE_GLOBAL+LOAD_GLOBAL 11.6 % and
// LOAD_GLOBAL+LOAD_GLOBAL 8 % of words) become one dispatch. Only the first word's opcode changes,
// so jump targets, line numbers and the second instruction stay valid; decided on the unfused
// sequence.
static void fuse_pairs(std::vector<uint32_t>& ops) {
    using O = OpCode;
    static const struct {
        O first, second, fused;
    } pairs[] = {
        {O::LOAD_CONST, O::BINARY, O::LOAD_CONST__BINARY},
        {O::LOAD_CONST, O::INPLACE, O::LOAD_CONST__BINARY},
        {O::LOAD_FAST, O::LOAD_FAST, O::LOAD_FAST__LOAD_FAST},
        {O::LOAD_FAST, O::LOAD_CONST, O::LOAD_FAST__LOAD_CONST},
        {O::STORE_FAST, O::LOAD_FAST, O::STORE_FAST__LOAD_FAST},
        {O::COMPARE, O::POP_JUMP_IF_FALSE, O::COMPARE__POP_JUMP_IF_FALSE},
        {O::COMPARE, O::POP_JUMP_IF_TRUE, O::COMPARE__POP_JUMP_IF_TRUE},
        {O::FOR_ITER, O::STORE_FAST, O::FOR_ITER__STORE_FAST},
        {O::FOR_ITER, O::STORE_GLOBAL, O::FOR_ITER__STORE_GLOBAL},
        {O::LOAD_GLOBAL, O::LOAD_GLOBAL, O::LOAD_GLOBAL__LOAD_GLOBAL},
        {O::STORE_GLOBAL, O::LOAD_GLOBAL, O::STORE_GLOBAL__LOAD_GLOBAL},
    };
    std::vector<O> orig(ops.size() + 1, O::NOP); // (a NOP after the last: orig[i + 2] exists)
    for (size_t i = 0; i < ops.size(); ++i) orig[i] = O(ops[i] & 0xff);
    for (size_t i = 0; i + 1 < ops.size(); ++i) {
        // a constant followed by an operator goes to LOAD_CONST__BINARY, not to the load before
        O after = orig[i + 2];
        if (orig[i] == O::LOAD_FAST && orig[i + 1] == O::LOAD_CONST &&
            (after == O::BINARY || after == O::INPLACE))
            continue;
        // `a, b = ...` and `for a, b in ...`: the items go straight to their slots
        if (orig[i] == O::UNPACK_SEQUENCE) {
            size_t n = ops[i] >> 8, k = 0;
            while (k < n && i + 1 + k < ops.size() && orig[i + 1 + k] == O::STORE_FAST) ++k;
            if (n > 0 && k == n)
                ops[i] = (ops[i] & ~0xffu) | uint32_t(O::UNPACK_SEQUENCE__STORE_FAST);
            continue;
        }
        for (const auto& p : pairs)
            if (orig[i] == p.first && orig[i + 1] == p.second) {
                ops[i] = (ops[i] & ~0xffu) | uint32_t(p.fused);
                break;
            }
    }
}

struct Gen {
    VM& vm;
    Analyzer& an;
    std::string filename;
    bool top_level_names = false; // see where()

    struct Unit {
        Code* code;
        Scope* scope;
        std::unordered_map<std::string, int> fast, cell, consts_str;
        std::vector<Loop> loops;
        std::vector<FBlock> fblocks;
        int depth = 0, maxdepth = 0;
        int line = 0;
        std::string qualprefix;
    };
    std::vector<Unit> units;
    Unit& u() { return units.back(); }

    Gen(VM& v, Analyzer& a, std::string fn) : vm(v), an(a), filename(std::move(fn)) {}

    int emit(OpCode op, uint32_t arg = 0) {
        Unit& un = u();
        un.code->ops.push_back(uint32_t(op) | (arg << 8));
        un.code->lines.push_back(un.line);
        int eff = stack_effect(op, arg);
        un.depth += eff;
        if (op == OpCode::FOR_ITER) un.depth += 0;
        if (un.depth < 0) un.depth = 0;
        if (un.depth > un.maxdepth) un.maxdepth = un.depth;
        return int(un.code->ops.size()) - 1;
    }
    int here() { return int(u().code->ops.size()); }
    void patch(int at, int target) {
        uint32_t& w = u().code->ops[at];
        w = (w & 0xff) | (uint32_t(target) << 8);
    }
    void patch_here(int at) { patch(at, here()); }

    int const_index(const Value& v) {
        auto& cs = u().code->consts;
        if (v.is_obj() && v.o->type == vm.t.str) {
            auto* s = v.as<Str>();
            auto it = u().consts_str.find(s->s);
            if (it != u().consts_str.end()) return it->second;
            cs.push_back(v);
            u().consts_str[s->s] = int(cs.size()) - 1;
            return int(cs.size()) - 1;
        }
        for (size_t i = 0; i < cs.size(); ++i)
            if (cs[i].tag == v.tag && cs[i].tag != Tag::Obj && cs[i].i == v.i) return int(i);
        cs.push_back(v);
        return int(cs.size()) - 1;
    }
    void load_const(const Value& v) { emit(OpCode::LOAD_CONST, const_index(v)); }
    int name_index(const std::string& s) {
        Str* in = vm.intern(s);
        auto& ns = u().code->names;
        for (size_t i = 0; i < ns.size(); ++i)
            if (ns[i] == in) return int(i);
        ns.push_back(in);
        return int(ns.size()) - 1;
    }

    // Start a new code unit for a scope.
    void push_unit(Scope* s, const std::string& name, int line) {
        Unit un;
        un.code = new Code(vm.t.code);
        incref(un.code);
        un.scope = s;
        un.code->name = name;
        un.code->filename = filename;
        un.code->firstline = line;
        un.line = line;
        std::string prefix = units.empty() ? "" : u().qualprefix;
        un.code->qualname = prefix + name;
        if (s->kind == SK::Function)
            un.qualprefix = un.code->qualname + ".<locals>.";
        else if (s->kind == SK::Class)
            un.qualprefix = un.code->qualname + ".";
        else
            un.qualprefix = prefix;
        if (s->funclike()) {
            for (auto& p : s->params) {
                un.fast[p] = int(un.code->varnames.size());
                un.code->varnames.push_back(vm.intern(p));
            }
            for (auto& a : s->assigned_order)
                if (s->binds(a) && !un.fast.count(a)) {
                    un.fast[a] = int(un.code->varnames.size());
                    un.code->varnames.push_back(vm.intern(a));
                }
        }
        for (auto& c : s->cellvars) {
            un.cell[c] = int(un.code->cellnames.size());
            un.code->cellnames.push_back(vm.intern(c));
            auto it = std::find(s->params.begin(), s->params.end(), c);
            un.code->cell_param.push_back(it == s->params.end() ? -1 : int(it - s->params.begin()));
        }
        for (auto& f : s->freevars) {
            un.cell[f] = int(s->cellvars.size() + un.code->freenames.size());
            un.code->freenames.push_back(vm.intern(f));
        }
        un.code->nlocals = int(un.code->varnames.size());
        un.code->ncellvars = int(un.code->cellnames.size() + un.code->freenames.size());
        un.code->generator = s->generator;
        un.code->is_class_body = s->kind == SK::Class;
        un.code->is_module = s->kind == SK::Module;
        units.push_back(std::move(un));
    }
    Code* pop_unit() {
        Unit& un = u();
        fuse_pairs(un.code->ops);
        Code* c = un.code;
        c->stacksize = un.maxdepth + 8;
        c->gcache.resize(c->names.size());
        c->mcache.resize(c->names.size());
        c->nslots = c->nlocals + c->ncells() + c->stacksize;
        c->plain = !c->generator && !c->varargs && !c->varkw && !c->nkwonly;
        units.pop_back();
        return c;
    }

    // ---------------------------------------------------------------- names
    enum Access { LOAD, STORE, DELETE };
    enum Where { GLOBAL, NAME, CLASSDEREF, DEREF, FAST };
    // Where a name lives for this access in the current scope, as the scope analysis decided;
    // idx receives the cell or slot index where there is one.
    Where where(const std::string& n, Access acc, int& idx) {
        Scope* s = u().scope;
        if (s->global_decl.count(n)) return GLOBAL;
        // eval()/exec() text may run with a locals dict apart from its globals: its top level
        // uses the NAME opcodes (locals, then globals, then builtins), which without such a
        // dict are the global lookups with the same cache
        if (s->kind == SK::Module) return top_level_names ? NAME : GLOBAL;
        if (s->kind == SK::Class) {
            auto it = u().cell.find(n);
            if (acc == LOAD && it != u().cell.end() && !s->assigned.count(n)) {
                idx = it->second;
                return CLASSDEREF;
            }
            if (acc == STORE && s->nonlocal_decl.count(n)) {
                idx = u().cell.at(n);
                return DEREF;
            }
            return NAME;
        }
        if (auto c = u().cell.find(n); c != u().cell.end()) {
            idx = c->second;
            return DEREF;
        }
        if (auto f = u().fast.find(n); f != u().fast.end()) {
            idx = f->second;
            return FAST;
        }
        return GLOBAL;
    }
    void access_name(const std::string& n, Access acc) {
        static const OpCode ops[3][5] = {{OpCode::LOAD_GLOBAL, OpCode::LOAD_NAME,
                                          OpCode::LOAD_CLASSDEREF, OpCode::LOAD_DEREF,
                                          OpCode::LOAD_FAST},
                                         {OpCode::STORE_GLOBAL, OpCode::STORE_NAME, OpCode::NOP,
                                          OpCode::STORE_DEREF, OpCode::STORE_FAST},
                                         {OpCode::DELETE_GLOBAL, OpCode::DELETE_NAME, OpCode::NOP,
                                          OpCode::DELETE_DEREF, OpCode::DELETE_FAST}};
        int idx = 0;
        Where w = where(n, acc, idx);
        OpCode op = ops[acc][w];
        if (w == GLOBAL || w == NAME)
            emit(op, name_index(n));
        else if (w == CLASSDEREF)
            emit(op, uint32_t(name_index(n)) | (uint32_t(idx) << 12));
        else
            emit(op, uint32_t(idx));
    }
    void load_name(const std::string& n) { access_name(n, LOAD); }
    void store_name(const std::string& n) { access_name(n, STORE); }
    void delete_name(const std::string& n) { access_name(n, DELETE); }

    // ---------------------------------------------------------------- statements
    void body(std::vector<NodeP>& b) {
        for (NodeP n : b) stmt(n);
    }

    void stmt(NodeP n) {
        u().line = n->line;
        switch (n->k) {
        case NK::ExprStmt:
            expr(n->x);
            emit(OpCode::POP_TOP);
            break;
        case NK::Assign:
            expr(n->x);
            for (size_t i = 0; i < n->a.size(); ++i) {
                if (i + 1 < n->a.size()) emit(OpCode::DUP_TOP);
                assign(n->a[i]);
            }
            break;
        case NK::AnnAssign: {
            if (n->y) {
                expr(n->y);
                assign(n->x);
            }
            // at module and class level the annotation is evaluated, and a simple name's is
            // stored in the namespace's __annotations__ (created on first use); in functions
            // it is not evaluated (CPython's rules)
            SK kind = u().scope->kind;
            if (kind != SK::Module && kind != SK::Class) break;
            expr(n->z);
            if (n->x->k == NK::Name) {
                emit(OpCode::SETUP_ANNOTATIONS);
                access_name("__annotations__", LOAD);
                load_const(vm.str(n->x->s));
                emit(OpCode::STORE_SUBSCR);
            } else {
                emit(OpCode::POP_TOP);
            }
            break;
        }
        case NK::AugAssign: aug_assign(n); break;
        case NK::Pass: break;
        case NK::If: {
            int jf = cond_jump(n->x, false);
            body(n->a);
            if (!n->b.empty()) {
                int j = emit(OpCode::JUMP);
                patch_here(jf);
                body(n->b);
                patch_here(j);
            } else
                patch_here(jf);
            break;
        }
        case NK::While: {
            int top = here();
            int jf = cond_jump(n->x, false);
            u().loops.push_back({top, {}, false, u().fblocks.size()});
            body(n->a);
            emit(OpCode::JUMP, top);
            Loop lp = u().loops.back();
            u().loops.pop_back();
            patch_here(jf);
            body(n->b);
            for (int j : lp.break_jumps) patch_here(j);
            break;
        }
        case NK::For: {
            expr(n->y);
            emit(OpCode::GET_ITER);
            int top = here();
            int fi = emit(OpCode::FOR_ITER);
            u().loops.push_back({top, {}, true, u().fblocks.size()});
            assign(n->x);
            body(n->a);
            u().line = n->line;
            emit(OpCode::JUMP, top);
            Loop lp = u().loops.back();
            u().loops.pop_back();
            patch_here(fi);
            u().depth -= 1; // the iterator is popped on exhaustion
            body(n->b);
            for (int j : lp.break_jumps) patch_here(j);
            break;
        }
        case NK::Break: {
            Loop& lp = u().loops.back();
            unwind_fblocks(lp.fblock_depth, false);
            if (lp.is_for) emit(OpCode::POP_TOP);
            lp.break_jumps.push_back(emit(OpCode::JUMP));
            if (lp.is_for) u().depth += 1;
            break;
        }
        case NK::Continue: {
            Loop& lp = u().loops.back();
            unwind_fblocks(lp.fblock_depth, false);
            emit(OpCode::JUMP, lp.continue_target);
            break;
        }
        case NK::Return:
            if (n->x)
                expr(n->x);
            else
                load_const(Value());
            unwind_fblocks(0, true);
            emit(OpCode::RETURN_VALUE);
            break;
        case NK::FunctionDef: funcdef(n); break;
        case NK::ClassDef: classdef(n); break;
        case NK::Try: try_stmt(n); break;
        case NK::With: with_stmt(n, 0); break;
        case NK::Raise:
            if (n->x) expr(n->x);
            if (n->y) expr(n->y);
            emit(OpCode::RAISE, n->y ? 2 : n->x ? 1 : 0);
            break;
        case NK::Assert: {
            int jt = cond_jump(n->x, true);
            emit(OpCode::LOAD_ASSERTION_ERROR);
            if (n->y) {
                expr(n->y);
                emit(OpCode::CALL, 1);
            }
            emit(OpCode::RAISE, 1);
            patch_here(jt);
            break;
        }
        case NK::Global:
        case NK::Nonlocal: break;
        case NK::Delete:
            for (NodeP t : n->a) del_target(t);
            break;
        case NK::Import:
            for (auto& nm : n->names) {
                emit(OpCode::IMPORT_NAME, name_index(nm.first));
                if (!nm.second.empty()) {
                    // import a.b as c binds the submodule
                    size_t dot = 0;
                    std::string rest = nm.first;
                    while ((dot = rest.find('.')) != std::string::npos) {
                        rest = rest.substr(dot + 1);
                        emit(OpCode::IMPORT_FROM, name_index(rest.substr(0, rest.find('.'))));
                        emit(OpCode::ROT_TWO);
                        emit(OpCode::POP_TOP);
                    }
                    store_name(nm.second);
                } else {
                    store_name(nm.first.substr(0, nm.first.find('.')));
                }
            }
            break;
        case NK::ImportFrom: {
            // IMPORT_NAME with the full dotted name and a flag (bit 23) asking for the leaf module
            emit(OpCode::IMPORT_NAME, uint32_t(name_index(n->s)) | (1u << 23));
            if (n->names.size() == 1 && n->names[0].first == "*") {
                emit(OpCode::IMPORT_STAR);
                break;
            }
            for (auto& nm : n->names) {
                emit(OpCode::IMPORT_FROM, name_index(nm.first));
                store_name(nm.second.empty() ? nm.first : nm.second);
            }
            emit(OpCode::POP_TOP);
            break;
        }
        default: throw SyntaxErr{"unsupported statement", n->line, n->col + 1};
        }
    }

    // Emits cleanup for fblocks above `down_to` (for return, also finally bodies).
    void unwind_fblocks(size_t down_to, bool is_return) {
        auto saved = u().fblocks;
        for (size_t i = saved.size(); i-- > down_to;) {
            FBlock fb = saved[i];
            switch (fb.kind) {
            case FBlock::TryExcept: emit(OpCode::POP_BLOCK); break;
            case FBlock::Handler: emit(OpCode::POP_EXCEPT); break;
            case FBlock::With:
                emit(OpCode::POP_BLOCK);
                if (is_return) emit(OpCode::ROT_TWO);
                emit(OpCode::WITH_EXIT);
                break;
            case FBlock::TryFinally:
                emit(OpCode::POP_BLOCK);
                // run the finally body with the fblock stack as it was outside this try
                u().fblocks.resize(i);
                body(fb.finally_body_owner->c);
                u().fblocks = saved;
                break;
            }
        }
    }

    void try_stmt(NodeP n) {
        bool has_finally = n->op == 1;
        int setup_fin = -1;
        if (has_finally) {
            setup_fin = emit(OpCode::SETUP_EXCEPT);
            u().fblocks.push_back({FBlock::TryFinally, n});
        }
        if (!n->handlers.empty()) {
            int setup = emit(OpCode::SETUP_EXCEPT);
            u().fblocks.push_back({FBlock::TryExcept, nullptr});
            body(n->a);
            u().fblocks.pop_back();
            emit(OpCode::POP_BLOCK);
            body(n->b); // else
            int jend = emit(OpCode::JUMP);
            std::vector<int> ends{jend};
            patch_here(setup);
            int base_depth = u().depth;
            u().depth = base_depth + 1; // exception pushed
            for (auto& h : n->handlers) {
                u().line = h.line;
                int jnext = -1;
                if (h.type) {
                    emit(OpCode::DUP_TOP);
                    expr(h.type);
                    emit(OpCode::CHECK_EXC_MATCH);
                    emit(OpCode::ROT_TWO);
                    emit(OpCode::POP_TOP);
                    jnext = emit(OpCode::POP_JUMP_IF_FALSE);
                }
                if (!h.name.empty())
                    store_name(h.name);
                else
                    emit(OpCode::POP_TOP);
                u().fblocks.push_back({FBlock::Handler, nullptr});
                body(h.body);
                u().fblocks.pop_back();
                emit(OpCode::POP_EXCEPT);
                if (!h.name.empty()) {
                    load_const(Value());
                    store_name(h.name);
                    delete_name(h.name);
                }
                ends.push_back(emit(OpCode::JUMP));
                u().depth = base_depth + 1;
                if (jnext >= 0) patch_here(jnext);
            }
            emit(OpCode::RERAISE);
            u().depth = base_depth;
            for (int j : ends) patch_here(j);
        } else {
            body(n->a);
        }
        if (has_finally) {
            u().fblocks.pop_back();
            emit(OpCode::POP_BLOCK);
            body(n->c);
            int jend = emit(OpCode::JUMP);
            patch_here(setup_fin);
            u().depth += 1;
            body(n->c);
            emit(OpCode::RERAISE);
            patch_here(jend);
        }
    }

    void with_stmt(NodeP n, size_t item) {
        if (item >= n->a.size()) {
            body(n->b);
            return;
        }
        expr(n->a[item]);
        emit(OpCode::WITH_ENTER);
        if (n->c[item])
            assign(n->c[item]);
        else
            emit(OpCode::POP_TOP);
        int setup = emit(OpCode::SETUP_EXCEPT);
        u().fblocks.push_back({FBlock::With, nullptr});
        with_stmt(n, item + 1);
        u().fblocks.pop_back();
        emit(OpCode::POP_BLOCK);
        emit(OpCode::WITH_EXIT);
        int jend = emit(OpCode::JUMP);
        patch_here(setup);
        u().depth += 2;
        emit(OpCode::WITH_EXCEPT); // exit exc -- exc|None
        emit(OpCode::DUP_TOP);
        int jnone = emit(OpCode::POP_JUMP_IF_FALSE);
        emit(OpCode::RERAISE);
        patch_here(jnone);
        emit(OpCode::POP_TOP);
        emit(OpCode::POP_EXCEPT);
        patch_here(jend);
    }

    void aug_assign(NodeP n) {
        NodeP t = n->x;
        if (t->k == NK::Name) {
            load_name(t->s);
            expr(n->y);
            emit(OpCode::INPLACE, n->op);
            store_name(t->s);
        } else if (t->k == NK::Attribute) {
            expr(t->x);
            emit(OpCode::DUP_TOP);
            emit(OpCode::LOAD_ATTR, name_index(t->s));
            expr(n->y);
            emit(OpCode::INPLACE, n->op);
            emit(OpCode::ROT_TWO);
            emit(OpCode::STORE_ATTR, name_index(t->s));
        } else if (t->k == NK::Subscript) {
            expr(t->x);
            expr(t->y);
            emit(OpCode::DUP_TOP_TWO);
            emit(OpCode::BINARY_SUBSCR);
            expr(n->y);
            emit(OpCode::INPLACE, n->op);
            emit(OpCode::ROT_THREE);
            emit(OpCode::STORE_SUBSCR);
        }
    }

    void assign(NodeP t) {
        switch (t->k) {
        case NK::Name: store_name(t->s); break;
        case NK::Attribute:
            expr(t->x);
            emit(OpCode::STORE_ATTR, name_index(t->s));
            break;
        case NK::Subscript:
            expr(t->x);
            expr(t->y);
            emit(OpCode::STORE_SUBSCR);
            break;
        case NK::Tuple:
        case NK::List: {
            int star = -1;
            for (size_t i = 0; i < t->a.size(); ++i)
                if (t->a[i]->k == NK::Starred) {
                    if (star >= 0)
                        throw SyntaxErr{"multiple starred expressions in assignment", t->line,
                                        t->col + 1};
                    star = int(i);
                }
            if (star < 0)
                emit(OpCode::UNPACK_SEQUENCE, uint32_t(t->a.size()));
            else
                emit(OpCode::UNPACK_EX, uint32_t(star) | (uint32_t(t->a.size() - star - 1) << 8));
            for (NodeP x : t->a) assign(x->k == NK::Starred ? x->x : x);
            break;
        }
        case NK::Starred:
            throw SyntaxErr{"starred assignment target must be in a list or tuple", t->line,
                            t->col + 1};
        default: throw SyntaxErr{"cannot assign to expression", t->line, t->col + 1};
        }
    }

    void del_target(NodeP t) {
        switch (t->k) {
        case NK::Name: delete_name(t->s); break;
        case NK::Attribute:
            expr(t->x);
            emit(OpCode::DELETE_ATTR, name_index(t->s));
            break;
        case NK::Subscript:
            expr(t->x);
            expr(t->y);
            emit(OpCode::DELETE_SUBSCR);
            break;
        case NK::Tuple:
        case NK::List:
            for (NodeP x : t->a) del_target(x);
            break;
        default: throw SyntaxErr{"cannot delete expression", t->line, t->col + 1};
        }
    }

    // Compiles a function body into a code object and emits MAKE_FUNCTION.
    void make_function(NodeP n, Scope* s, const std::string& name, Params* ps, bool is_lambda) {
        uint32_t flags = 0;
        if (ps && !ps->defaults.empty()) {
            for (NodeP d : ps->defaults) expr(d);
            emit(OpCode::BUILD_TUPLE, uint32_t(ps->defaults.size()));
            flags |= 1;
        }
        if (ps) {
            int nk = 0;
            for (size_t i = 0; i < ps->kwonly.size(); ++i)
                if (ps->kwdefaults[i]) {
                    load_const(vm.str(ps->kwonly[i]));
                    expr(ps->kwdefaults[i]);
                    ++nk;
                }
            if (nk) {
                emit(OpCode::BUILD_MAP, nk);
                flags |= 2;
            }
        }
        push_unit(s, name, n->line);
        Code* c = u().code;
        if (ps) {
            c->nargs = int(ps->pos.size());
            c->nposonly = ps->posonly;
            c->nkwonly = int(ps->kwonly.size());
            c->varargs = !ps->vararg.empty();
            c->varkw = !ps->kwarg.empty();
        }
        if (is_lambda) {
            expr(n->x);
            emit(OpCode::RETURN_VALUE);
        } else {
            body(n->a);
            load_const(Value());
            emit(OpCode::RETURN_VALUE);
        }
        std::vector<std::string> frees = s->freevars;
        pop_unit();
        if (!frees.empty()) {
            for (auto& f : frees) emit(OpCode::LOAD_CLOSURE, closure_index(f));
            emit(OpCode::BUILD_TUPLE, uint32_t(frees.size()));
            flags |= 4;
        }
        Value cv(static_cast<Obj*>(c));
        decref(c);
        load_const(cv);
        emit(OpCode::MAKE_FUNCTION, flags);
    }
    int closure_index(const std::string& name) {
        auto it = u().cell.find(name);
        if (it == u().cell.end()) throw SyntaxErr{"internal: no cell for " + name, 0, 0};
        return it->second;
    }

    void funcdef(NodeP n) {
        for (NodeP d : n->decorators) expr(d);
        make_function(n, an.of.at(n), n->s, n->params.get(), false);
        for (size_t i = 0; i < n->decorators.size(); ++i) emit(OpCode::CALL, 1);
        store_name(n->s);
    }

    void classdef(NodeP n) {
        for (NodeP d : n->decorators) expr(d);
        Scope* s = an.of.at(n);
        push_unit(s, n->s, n->line);
        // class body: returns nothing; the namespace is the frame's locals dict
        body(n->a);
        load_const(Value());
        emit(OpCode::RETURN_VALUE);
        std::vector<std::string> frees = s->freevars;
        Code* c = pop_unit();
        uint32_t flags = 0;
        if (!frees.empty()) {
            for (auto& f : frees) emit(OpCode::LOAD_CLOSURE, closure_index(f));
            emit(OpCode::BUILD_TUPLE, uint32_t(frees.size()));
            flags |= 4;
        }
        Value cv(static_cast<Obj*>(c));
        decref(c);
        load_const(cv);
        emit(OpCode::MAKE_FUNCTION, flags);
        load_const(vm.str(n->s));
        for (NodeP b : n->b) expr(b);
        emit(OpCode::BUILD_CLASS, uint32_t(n->b.size()));
        for (size_t i = 0; i < n->decorators.size(); ++i) emit(OpCode::CALL, 1);
        store_name(n->s);
    }

    // ---------------------------------------------------------------- expressions
    // Emits a conditional jump taken when truthiness of e == when; returns the jump to patch.
    int cond_jump(NodeP e, bool when) {
        if (e->k == NK::UnaryOp && e->op == OP_NOT) return cond_jump(e->x, !when);
        expr(e);
        return emit(when ? OpCode::POP_JUMP_IF_TRUE : OpCode::POP_JUMP_IF_FALSE);
    }

    void expr(NodeP n) {
        int saved_line = u().line;
        if (n->line) u().line = n->line;
        expr_inner(n);
        u().line = saved_line;
    }

    void call_args_emit(NodeP n, bool method) {
        bool has_star = false, has_dstar = false;
        for (NodeP a : n->a)
            if (a->k == NK::Starred) has_star = true;
        for (NodeP k : n->b)
            if (k->k == NK::DoubleStar) has_dstar = true;
        if (has_star || has_dstar) {
            // build an args tuple and a kwargs dict
            emit(OpCode::BUILD_LIST, 0);
            for (NodeP a : n->a) {
                if (a->k == NK::Starred) {
                    expr(a->x);
                    emit(OpCode::LIST_EXTEND);
                } else {
                    expr(a);
                    emit(OpCode::LIST_APPEND, 1);
                }
            }
            emit(OpCode::LIST_TO_TUPLE);
            if (!n->b.empty()) {
                emit(OpCode::BUILD_MAP, 0);
                for (NodeP k : n->b) {
                    if (k->k == NK::DoubleStar) {
                        expr(k->x);
                        emit(OpCode::DICT_UPDATE, 1);
                    } else {
                        load_const(vm.str(k->s));
                        expr(k->x);
                        emit(OpCode::MAP_ADD, 1);
                    }
                }
                emit(OpCode::CALL_EX, 1);
            } else
                emit(OpCode::CALL_EX, 0);
            return;
        }
        for (NodeP a : n->a) expr(a);
        if (!n->b.empty()) {
            std::vector<Value> names;
            for (NodeP k : n->b) {
                expr(k->x);
                names.push_back(Value(vm.intern(k->s)));
            }
            load_const(vm.new_tuple(std::move(names)));
            emit(OpCode::CALL_KW, uint32_t(n->a.size() + n->b.size()));
            return;
        }
        emit(method ? OpCode::CALL_METHOD : OpCode::CALL, uint32_t(n->a.size()));
    }

    void comprehension(NodeP n) {
        Scope* s = an.of.at(n);
        std::vector<std::string> frees = s->freevars;
        // first iterator in the enclosing scope
        push_unit(s, s->name, n->line);
        Code* c = u().code;
        c->nargs = 1;
        if (n->k == NK::ListComp)
            emit(OpCode::BUILD_LIST, 0);
        else if (n->k == NK::SetComp)
            emit(OpCode::BUILD_SET, 0);
        else if (n->k == NK::DictComp)
            emit(OpCode::BUILD_MAP, 0);
        comp_gen(n, 0);
        if (n->k == NK::GenExp) load_const(Value());
        emit(OpCode::RETURN_VALUE);
        pop_unit();
        uint32_t flags = 0;
        if (!frees.empty()) {
            for (auto& f : frees) emit(OpCode::LOAD_CLOSURE, closure_index(f));
            emit(OpCode::BUILD_TUPLE, uint32_t(frees.size()));
            flags |= 4;
        }
        Value cv(static_cast<Obj*>(c));
        decref(c);
        load_const(cv);
        emit(OpCode::MAKE_FUNCTION, flags);
        expr(n->gens[0].iter);
        emit(OpCode::GET_ITER);
        emit(OpCode::CALL, 1);
    }
    void comp_gen(NodeP n, size_t g) {
        auto& gen = n->gens[g];
        if (g == 0)
            emit(OpCode::LOAD_FAST, 0);
        else {
            expr(gen.iter);
            emit(OpCode::GET_ITER);
        }
        int top = here();
        int fi = emit(OpCode::FOR_ITER);
        assign(gen.target);
        std::vector<int> skips;
        for (NodeP cond : gen.ifs) skips.push_back(cond_jump(cond, false));
        if (g + 1 < n->gens.size())
            comp_gen(n, g + 1);
        else {
            int d = int(n->gens.size()) + 1; // list is below the iterators
            switch (n->k) {
            case NK::ListComp:
                expr(n->x);
                emit(OpCode::LIST_APPEND, d);
                break;
            case NK::SetComp:
                expr(n->x);
                emit(OpCode::SET_ADD, d);
                break;
            case NK::DictComp:
                expr(n->x);
                expr(n->y);
                emit(OpCode::MAP_ADD, d);
                break;
            default:
                expr(n->x);
                emit(OpCode::YIELD_VALUE);
                emit(OpCode::POP_TOP);
                break;
            }
        }
        for (int j : skips) patch(j, top);
        emit(OpCode::JUMP, top);
        patch_here(fi);
        u().depth -= 1;
    }

    void expr_inner(NodeP n) {
        switch (n->k) {
        case NK::Name: load_name(n->s); break;
        case NK::Int: load_const(Value::integer(n->i)); break;
        case NK::Float: load_const(Value::flt(n->f)); break;
        case NK::BigInt: {
            // int('...', 0) at run time keeps the compiler free of bigint arithmetic
            emit(OpCode::LOAD_GLOBAL, name_index("int"));
            load_const(vm.str(n->s));
            load_const(Value::integer(0));
            emit(OpCode::CALL, 2);
            break;
        }
        case NK::Imag: throw SyntaxErr{"complex numbers are not supported", n->line, n->col + 1};
        case NK::Str: load_const(vm.str(n->s)); break;
        // no bytes type: a literal must not quietly become a str (iterating it would give
        // characters, not ints), so it is refused as complex literals are
        case NK::Bytes: throw SyntaxErr{"bytes literals are not supported", n->line, n->col + 1};
        case NK::None: load_const(Value()); break;
        case NK::True: load_const(Value::boolean(true)); break;
        case NK::False: load_const(Value::boolean(false)); break;
        case NK::Ellipsis: load_const(vm.Ellipsis); break;
        case NK::FString: {
            int count = 0;
            for (NodeP part : n->a) {
                if (part->k == NK::Str)
                    load_const(vm.str(part->s));
                else {
                    expr(part->x);
                    uint32_t arg = uint32_t(part->op);
                    if (part->y) {
                        expr(part->y);
                        arg |= 0x100;
                    }
                    emit(OpCode::FORMAT_VALUE, arg);
                }
                ++count;
            }
            if (count == 0)
                load_const(vm.str(""));
            else if (count > 1)
                emit(OpCode::BUILD_STRING, count);
            else if (n->a[0]->k == NK::Str) {
            }
            break;
        }
        case NK::BinOp:
            expr(n->x);
            expr(n->y);
            u().line = n->line;
            emit(OpCode::BINARY, n->op);
            break;
        case NK::UnaryOp:
            expr(n->x);
            switch (n->op) {
            case OP_NOT: emit(OpCode::UNARY_NOT); break;
            case OP_NEG: emit(OpCode::UNARY_NEG); break;
            case OP_POS: emit(OpCode::UNARY_POS); break;
            default: emit(OpCode::UNARY_INVERT); break;
            }
            break;
        case NK::BoolOp: {
            std::vector<int> jumps;
            for (size_t i = 0; i < n->a.size(); ++i) {
                expr(n->a[i]);
                if (i + 1 < n->a.size())
                    jumps.push_back(emit(n->op == OP_AND ? OpCode::JUMP_IF_FALSE_OR_POP
                                                         : OpCode::JUMP_IF_TRUE_OR_POP));
            }
            for (int j : jumps) patch_here(j);
            break;
        }
        case NK::Compare: {
            expr(n->x);
            std::vector<int> cleanup;
            for (size_t i = 0; i < n->ops.size(); ++i) {
                expr(n->a[i]);
                bool last = i + 1 == n->ops.size();
                if (!last) {
                    emit(OpCode::DUP_TOP);
                    emit(OpCode::ROT_THREE);
                }
                emit(OpCode::COMPARE, uint32_t(n->ops[i] - CMP_LT));
                if (!last) cleanup.push_back(emit(OpCode::JUMP_IF_FALSE_OR_POP));
            }
            if (!cleanup.empty()) {
                int jend = emit(OpCode::JUMP);
                for (int j : cleanup) patch_here(j);
                u().depth += 1;
                emit(OpCode::ROT_TWO);
                emit(OpCode::POP_TOP);
                patch_here(jend);
            }
            break;
        }
        case NK::Call: {
            if (n->x->k == NK::Attribute) {
                bool simple = true;
                for (NodeP a : n->a)
                    if (a->k == NK::Starred) simple = false;
                if (simple && n->b.empty()) {
                    expr(n->x->x);
                    u().line = n->line;
                    emit(OpCode::LOAD_METHOD, name_index(n->x->s));
                    for (NodeP a : n->a) expr(a);
                    u().line = n->line;
                    emit(OpCode::CALL_METHOD, uint32_t(n->a.size()));
                    break;
                }
            }
            // super() with no arguments: pass __class__ cell and first argument implicitly
            expr(n->x);
            u().line = n->line;
            call_args_emit(n, false);
            break;
        }
        case NK::Attribute:
            expr(n->x);
            u().line = n->line;
            emit(OpCode::LOAD_ATTR, name_index(n->s));
            break;
        case NK::Subscript:
            expr(n->x);
            expr(n->y);
            u().line = n->line;
            emit(OpCode::BINARY_SUBSCR);
            break;
        case NK::Slice: {
            if (n->x)
                expr(n->x);
            else
                load_const(Value());
            if (n->y)
                expr(n->y);
            else
                load_const(Value());
            if (n->z) {
                expr(n->z);
                emit(OpCode::BUILD_SLICE, 3);
            } else
                emit(OpCode::BUILD_SLICE, 2);
            break;
        }
        case NK::Tuple:
        case NK::List:
        case NK::Set: {
            bool star = false;
            for (NodeP x : n->a)
                if (x->k == NK::Starred) star = true;
            auto is_const = [](NodeP x) {
                return x->k == NK::Int || x->k == NK::Float || x->k == NK::Str ||
                       x->k == NK::None || x->k == NK::True || x->k == NK::False;
            };
            if (!star && n->k == NK::Set && n->a.size() > 2 &&
                std::all_of(n->a.begin(), n->a.end(), is_const)) {
                Value fs = vm.new_set(true);
                for (NodeP x : n->a) {
                    Value v = x->k == NK::Int     ? Value::integer(x->i)
                              : x->k == NK::Float ? Value::flt(x->f)
                              : x->k == NK::Str   ? vm.str(x->s)
                              : x->k == NK::True  ? Value::boolean(true)
                              : x->k == NK::False ? Value::boolean(false)
                                                  : Value();
                    set_add(vm, fs.as<Set>(), v);
                }
                emit(OpCode::BUILD_SET, 0);
                load_const(fs);
                emit(OpCode::SET_UPDATE);
                break;
            }
            if (!star) {
                for (NodeP x : n->a) expr(x);
                emit(n->k == NK::Tuple  ? OpCode::BUILD_TUPLE
                     : n->k == NK::List ? OpCode::BUILD_LIST
                                        : OpCode::BUILD_SET,
                     uint32_t(n->a.size()));
                break;
            }
            if (n->k == NK::Set) {
                emit(OpCode::BUILD_SET, 0);
                for (NodeP x : n->a) {
                    if (x->k == NK::Starred) {
                        expr(x->x);
                        emit(OpCode::SET_UPDATE);
                    } else {
                        expr(x);
                        emit(OpCode::SET_ADD, 1);
                    }
                }
                break;
            }
            emit(OpCode::BUILD_LIST, 0);
            for (NodeP x : n->a) {
                if (x->k == NK::Starred) {
                    expr(x->x);
                    emit(OpCode::LIST_EXTEND);
                } else {
                    expr(x);
                    emit(OpCode::LIST_APPEND, 1);
                }
            }
            if (n->k == NK::Tuple) emit(OpCode::LIST_TO_TUPLE);
            break;
        }
        case NK::Dict: {
            bool dstar = false;
            for (NodeP k : n->a)
                if (!k) dstar = true;
            if (!dstar) {
                for (size_t i = 0; i < n->a.size(); ++i) {
                    expr(n->a[i]);
                    expr(n->b[i]);
                }
                emit(OpCode::BUILD_MAP, uint32_t(n->a.size()));
                break;
            }
            emit(OpCode::BUILD_MAP, 0);
            for (size_t i = 0; i < n->a.size(); ++i) {
                if (!n->a[i]) {
                    expr(n->b[i]);
                    emit(OpCode::DICT_UPDATE, 1);
                } else {
                    expr(n->a[i]);
                    expr(n->b[i]);
                    emit(OpCode::MAP_ADD, 1);
                }
            }
            break;
        }
        case NK::ListComp:
        case NK::SetComp:
        case NK::DictComp:
        case NK::GenExp: comprehension(n); break;
        case NK::Lambda: make_function(n, an.of.at(n), "<lambda>", n->params.get(), true); break;
        case NK::IfExp: {
            int jf = cond_jump(n->x, false);
            expr(n->y);
            int jend = emit(OpCode::JUMP);
            patch_here(jf);
            u().depth -= 1;
            expr(n->z);
            patch_here(jend);
            break;
        }
        case NK::NamedExpr:
            expr(n->y);
            emit(OpCode::DUP_TOP);
            store_name(n->x->s);
            break;
        case NK::Starred: throw SyntaxErr{"can't use starred expression here", n->line, n->col + 1};
        case NK::Yield:
            if (n->x)
                expr(n->x);
            else
                load_const(Value());
            emit(OpCode::YIELD_VALUE);
            break;
        case NK::YieldFrom:
            expr(n->x);
            emit(OpCode::GET_YIELD_FROM_ITER);
            load_const(Value());
            emit(OpCode::YIELD_FROM);
            break;
        default: throw SyntaxErr{"unsupported expression", n->line, n->col + 1};
        }
    }
};

} // namespace

// mode: 0 a module, 1 exec() text, 2 eval() text (one expression, whose value is returned)
static Code* compile_unit(VM& vm, Ast& ast, const std::string& filename, int mode) {
    if (mode == 2 && (ast.body.size() != 1 || ast.body[0]->k != NK::ExprStmt)) {
        int line = ast.body.empty() ? 1 : ast.body[0]->line;
        int col = ast.body.empty() ? 1 : ast.body[0]->col + 1;
        throw SyntaxErr{"invalid syntax", line, col};
    }
    Analyzer an;
    Scope* mod = an.new_scope(SK::Module, nullptr, nullptr);
    mod->name = "<module>";
    an.stmts(mod, ast.body);
    an.resolve(mod, {});
    Gen g(vm, an, filename);
    g.top_level_names = mode != 0;
    g.push_unit(mod, "<module>", 1);
    if (mode == 2) {
        g.u().line = ast.body[0]->line;
        g.expr(ast.body[0]->x);
    } else {
        g.body(ast.body);
        g.load_const(Value());
    }
    g.emit(OpCode::RETURN_VALUE);
    return g.pop_unit();
}

Code* compile_module(VM& vm, Ast& ast, const std::string& filename) {
    return compile_unit(vm, ast, filename, 0);
}
Code* compile_exec(VM& vm, Ast& ast, const std::string& filename) {
    return compile_unit(vm, ast, filename, 1);
}
Code* compile_eval(VM& vm, Ast& ast, const std::string& filename) {
    return compile_unit(vm, ast, filename, 2);
}

const char* opcode_name(OpCode op) {
    static const char* names[] = {
#define LMPY_OP_NAME(name, eff) #name,
        LMPY_OPCODES(LMPY_OP_NAME)
#undef LMPY_OP_NAME
    };
    return names[int(op)];
}

} // namespace lmpy
