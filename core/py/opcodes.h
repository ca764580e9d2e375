// The opcode table, one X-macro: name, stack effect (for the compiler's stack-size estimate;
// ARG means it depends on the argument and is computed in stack_effect()), and a comment with
// the stack picture before -- after. An instruction is a 32-bit word: opcode in the low 8 bits,
// argument in the high 24.
#pragma once
#include <cstdint>

namespace lmpy {

#define LMPY_OPCODES(X)                                                                            \
    X(NOP, 0)                /* --                                          */                     \
    X(LOAD_CONST, 1)         /* -- consts[arg]                              */                     \
    X(LOAD_FAST, 1)          /* -- locals[arg]                              */                     \
    X(STORE_FAST, -1)        /* v --                                        */                     \
    X(DELETE_FAST, 0)        /* --                                          */                     \
    X(LOAD_DEREF, 1)         /* -- cells[arg].value                         */                     \
    X(STORE_DEREF, -1)       /* v --                                        */                     \
    X(DELETE_DEREF, 0)       /* --                                          */                     \
    X(LOAD_CLOSURE, 1)       /* -- cells[arg]                               */                     \
    X(LOAD_CLASSDEREF, 1)    /* -- ns[name] or cells[arg>>12]; arg&0xfff = name */                 \
    X(LOAD_GLOBAL, 1)        /* -- globals/builtins[names[arg]]             */                     \
    X(STORE_GLOBAL, -1)      /* v --                                        */                     \
    X(DELETE_GLOBAL, 0)      /* --                                          */                     \
    X(LOAD_NAME, 1)          /* -- ns/globals/builtins[names[arg]]          */                     \
    X(STORE_NAME, -1)        /* v --                                        */                     \
    X(DELETE_NAME, 0)        /* --                                          */                     \
    X(LOAD_ATTR, 0)          /* o -- o.names[arg]                           */                     \
    X(STORE_ATTR, -2)        /* v o --                                      */                     \
    X(DELETE_ATTR, -1)       /* o --                                        */                     \
    X(LOAD_METHOD, 1)        /* o -- func self|NULL                         */                     \
    X(CALL_METHOD, ARG)      /* func self|NULL a1..an -- result             */                     \
    X(CALL, ARG)             /* f a1..an -- result                          */                     \
    X(CALL_KW, ARG)          /* f a1..an kwnames -- result (n includes kw values) */               \
    X(CALL_EX, ARG)          /* f argstuple [kwdict] -- result (arg&1: kwdict)  */                 \
    X(POP_TOP, -1)           /* v --                                        */                     \
    X(DUP_TOP, 1)            /* a -- a a                                    */                     \
    X(DUP_TOP_TWO, 2)        /* a b -- a b a b                              */                     \
    X(ROT_TWO, 0)            /* a b -- b a                                  */                     \
    X(ROT_THREE, 0)          /* a b c -- c a b                              */                     \
    X(ROT_FOUR, 0)           /* a b c d -- d a b c                          */                     \
    X(BINARY, -1)            /* a b -- a op b  (arg = BinOp)                */                     \
    X(INPLACE, -1)           /* a b -- a op= b                              */                     \
    X(COMPARE, -1)           /* a b -- a cmp b (arg = CmpOp, or 6 in, 7 not in, 8 is, 9 is not) */ \
    X(UNARY_NEG, 0)          /* a -- -a                                     */                     \
    X(UNARY_POS, 0)          /* a -- +a                                     */                     \
    X(UNARY_NOT, 0)          /* a -- not a                                  */                     \
    X(UNARY_INVERT, 0)       /* a -- ~a                                     */                     \
    X(BINARY_SUBSCR, -1)     /* o k -- o[k]                                 */                     \
    X(STORE_SUBSCR, -3)      /* v o k --                                    */                     \
    X(DELETE_SUBSCR, -2)     /* o k --                                      */                     \
    X(BUILD_TUPLE, ARG)      /* a1..an -- (a1..an)                          */                     \
    X(BUILD_LIST, ARG)       /* a1..an -- [a1..an]                          */                     \
    X(BUILD_SET, ARG)        /* a1..an -- {a1..an}                          */                     \
    X(BUILD_MAP, ARG)        /* k1 v1 .. kn vn -- {k1: v1 ..}               */                     \
    X(BUILD_SLICE, ARG)      /* a b [c] -- slice                            */                     \
    X(BUILD_STRING, ARG)     /* s1..sn -- s1+..+sn                          */                     \
    X(FORMAT_VALUE, ARG)     /* v [spec] -- str (arg: conv char | 0x100 has spec) */               \
    X(LIST_APPEND, -1)       /* list ..(arg-1 items).. v -- list ..         */                     \
    X(SET_ADD, -1)           /* set .. v -- set ..                          */                     \
    X(MAP_ADD, -2)           /* map .. k v -- map ..                        */                     \
    X(LIST_EXTEND, -1)       /* list it -- list                             */                     \
    X(SET_UPDATE, -1)        /* set it -- set                               */                     \
    X(DICT_UPDATE, -1)       /* dict m -- dict                              */                     \
    X(LIST_TO_TUPLE, 0)      /* list -- tuple                               */                     \
    X(JUMP, 0)               /* --                                          */                     \
    X(POP_JUMP_IF_FALSE, -1) /* v --                                        */                     \
    X(POP_JUMP_IF_TRUE, -1)  /* v --                                        */                     \
    X(JUMP_IF_FALSE_OR_POP, -1) /* v -- v (jump) | -- (fall through)          */                   \
    X(JUMP_IF_TRUE_OR_POP, -1)  /* v -- v (jump) | --                          */                  \
    X(GET_ITER, 0)              /* o -- iter(o)                                */                  \
    X(FOR_ITER, 1)              /* it -- it v | -- (exhausted: jump to arg)    */                  \
    X(UNPACK_SEQUENCE, ARG)     /* seq -- vn..v1                               */                  \
    X(UNPACK_EX, ARG)           /* seq -- (after) list (before); arg = before | after<<8 */        \
    X(RETURN_VALUE, -1)         /* v --                                        */                  \
    X(MAKE_FUNCTION, ARG)     /* code [defaults] [kwdefaults] [closure] -- fn (arg flags 1,2,4) */ \
    X(BUILD_CLASS, ARG)       /* body name b1..bn -- cls                     */                    \
    X(SETUP_EXCEPT, 0)        /* -- (handler at arg gets exc pushed)         */                    \
    X(POP_BLOCK, 0)           /* --                                          */                    \
    X(POP_EXCEPT, 0)          /* -- (leaves the handled exception)           */                    \
    X(CHECK_EXC_MATCH, 0)     /* exc type -- exc bool                        */                    \
    X(RAISE, ARG)             /* [exc [cause]] --                            */                    \
    X(RERAISE, -1)            /* exc --                                      */                    \
    X(IMPORT_NAME, 1)         /* -- module (arg: name; top package for dotted) */                  \
    X(IMPORT_FROM, 1)         /* module -- module attr                       */                    \
    X(IMPORT_STAR, -1)        /* module --                                   */                    \
    X(YIELD_VALUE, 0)         /* v -- sent                                   */                    \
    X(YIELD_FROM, -1)         /* it sent -- result (loops while delegating)  */                    \
    X(GET_YIELD_FROM_ITER, 0) /* o -- it                                     */                    \
    X(LOAD_ASSERTION_ERROR, 1) /* -- AssertionError                           */                   \
    X(WITH_ENTER, 1)           /* mgr -- exit_bound value                     */                   \
    X(WITH_EXIT, -1)           /* exit_bound -- (normal exit: calls exit(None,None,None)) */       \
    X(WITH_EXCEPT, -1) /* exit_bound exc -- exc (calls exit; swallows if true → pushes None) */  \
    X(SETUP_ANNOTATIONS, 0) /* --                                          */                      \
    /* Superinstructions, written over the first of a pair by fuse_pairs() once a code object      \
       is complete; the second instruction stays in place (a jump may land on it). The fast        \
       path does both and skips the second; the slow path does only the first. */                  \
    X(LOAD_FAST__LOAD_FAST, 2)        /* -- locals[arg] locals[next.arg]        */                 \
    X(LOAD_FAST__LOAD_CONST, 2)       /* -- locals[arg] consts[next.arg]        */                 \
    X(STORE_FAST__LOAD_FAST, 0)       /* v -- locals[next.arg]                  */                 \
    X(LOAD_CONST__BINARY, 0)          /* a -- a op consts[arg] (next: BINARY/INPLACE) */           \
    X(COMPARE__POP_JUMP_IF_FALSE, -2) /* a b -- (jump to next.arg unless a cmp b) */               \
    X(COMPARE__POP_JUMP_IF_TRUE, -2)  /* a b -- (jump to next.arg if a cmp b)     */               \
    X(FOR_ITER__STORE_FAST, 0)        /* it -- it (locals[next.arg] = next(it)) | -- (jump) */     \
    X(FOR_ITER__STORE_GLOBAL, 0)      /* it -- it (global names[next.arg] = ...) | -- (jump) */    \
    X(LOAD_GLOBAL__LOAD_GLOBAL, 2)    /* -- g[names[arg]] g[names[next.arg]]      */               \
    X(STORE_GLOBAL__LOAD_GLOBAL, 0)   /* v -- g[names[next.arg]]                  */               \
    /* (over UNPACK_SEQUENCE n and the n STORE_FASTs after it; the slow path pushes, as            \
       UNPACK_SEQUENCE, and the stores run) */                                                     \
    X(UNPACK_SEQUENCE__STORE_FAST, ARG) /* seq -- (locals[next k's arg] = seq[k]) */

enum class OpCode : uint8_t {
#define LMPY_OP_ENUM(name, eff) name,
    LMPY_OPCODES(LMPY_OP_ENUM)
#undef LMPY_OP_ENUM
        COUNT
};

constexpr int ARG = 1000; // marker: effect depends on the argument

inline int stack_effect(OpCode op, uint32_t arg) {
    static const int table[] = {
#define LMPY_OP_EFF(name, eff) eff,
        LMPY_OPCODES(LMPY_OP_EFF)
#undef LMPY_OP_EFF
    };
    int e = table[int(op)];
    if (e != ARG) return e;
    switch (op) {
    case OpCode::CALL_METHOD: return -int(arg) - 1;
    case OpCode::CALL: return -int(arg);
    case OpCode::CALL_KW: return -int(arg) - 1;
    case OpCode::CALL_EX: return (arg & 1) ? -2 : -1;
    case OpCode::BUILD_TUPLE:
    case OpCode::BUILD_LIST:
    case OpCode::BUILD_SET:
    case OpCode::BUILD_STRING: return 1 - int(arg);
    case OpCode::BUILD_MAP: return 1 - 2 * int(arg);
    case OpCode::BUILD_SLICE: return 1 - int(arg);
    case OpCode::FORMAT_VALUE: return (arg & 0x100) ? -1 : 0;
    case OpCode::UNPACK_SEQUENCE:
    case OpCode::UNPACK_SEQUENCE__STORE_FAST: return int(arg) - 1;
    case OpCode::UNPACK_EX: return int(arg & 0xff) + int(arg >> 8);
    case OpCode::MAKE_FUNCTION: return -(int(arg & 1) + int((arg >> 1) & 1) + int((arg >> 2) & 1));
    case OpCode::BUILD_CLASS: return -1 - int(arg);
    case OpCode::RAISE: return -int(arg);
    default: return 0;
    }
}

const char* opcode_name(OpCode op);

} // namespace lmpy
