// call_function releases, on a normal return, only the slots below the frame's final stack
// pointer; that is right only if every opcode leaves the slots it pops without an object
// reference. These programs go through the opcodes that pop (loops left by return, break and
// exceptions, generators, comprehensions, with, unpacking, calls of every shape, classes),
// then every slot of the value stack must hold no object.
#include <catch2/catch.hpp>

#include "py/runtime.h"

using namespace lmpy;

static std::string run_and_check(const char* src, size_t& dirty, size_t* pool = nullptr) {
    VM vm;
    Ast ast;
    parse_module(src, ast);
    Code* code = compile_module(vm, ast, "t.py");
    Value codev(static_cast<Obj*>(code));
    decref(code);
    Dict* globals = vm.main_module.as<Module>()->globals;
    Value g(static_cast<Obj*>(globals));
    dict_set(vm, globals, Value(vm.n.__builtins__), vm.builtins);
    std::string err;
    try {
        vm.run_code(code, g, Value());
    } catch (PyExc& e) {
        err = exc_message(vm, e.exc);
    }
    dirty = 0;
    for (auto& chunk : vm.st->stack.chunks)
        for (size_t i = 0; i < ValueStack::kChunk; ++i) dirty += chunk[i].is_obj();
    // every frame the loop pushed for an inline call is gone, and the depth with it
    dirty += vm.st->nframes + size_t(vm.depth) + (vm.st->top_frame != nullptr);
    dirty += vm.st->stack.chunk + vm.st->stack.top + vm.handling.size();
    dirty += vm.pending.is_obj(); // a raise the loop unwound itself left nothing behind
    if (pool) *pool = vm.st->frames.size();
    return err;
}

TEST_CASE("the value stack is clean above its top after every kind of frame exit", "[vm]") {
    const char* programs[] = {
        // return from inside nested loops, with iterators still on the stack
        "def f(xs):\n"
        "    for a in xs:\n"
        "        for b in [a, str(a), (a,)]:\n"
        "            if b == 2: return [b, 'x' + str(b)]\n"
        "    return None\n"
        "for i in range(50): f(range(5)); f([])\n",
        // exceptions raised and caught at several depths, finally blocks, with blocks
        "class C:\n"
        "    def __enter__(self): return [1]\n"
        "    def __exit__(self, *a): return False\n"
        "def g(n):\n"
        "    if n == 0: raise ValueError('v' + str(n))\n"
        "    with C() as c:\n"
        "        try:\n"
        "            return g(n - 1) + [c]\n"
        "        finally:\n"
        "            s = 'done' + str(n)\n"
        "def h():\n"
        "    try: g(5)\n"
        "    except ValueError as e: return str(e)\n"
        "for i in range(20): h()\n",
        // generators left suspended or exhausted, comprehensions, unpacking, star calls
        "def gen(n):\n"
        "    for i in range(n): yield [i, str(i)]\n"
        "def k(*a, **kw):\n"
        "    x, *y = [list(a), dict(kw), 'z']\n"
        "    return {str(q): q for q in a}, [p for p in gen(3)], sum(len(str(v)) for v in y)\n"
        "for i in range(30):\n"
        "    it = gen(5); next(it)\n"
        "    k(*[str(i), 'a'], **{'b': [i]})\n"
        "    k(i, key=str(i))\n",
        // errors raised by rarer opcodes and caught in the same frame
        "def r(xs):\n"
        "    out = []\n"
        "    for x in xs:\n"
        "        try:\n"
        "            a, *b, c = x\n"
        "            out.append([a, b, c])\n"
        "        except ValueError as e:\n"
        "            out.append(str(e))\n"
        "        try:\n"
        "            from math import nothing_here\n"
        "        except ImportError as e:\n"
        "            out.append([str(e)])\n"
        "        try:\n"
        "            del undefined_local\n"
        "            undefined_local = 1\n"
        "        except NameError as e:\n"
        "            out.append({'e': str(e)})\n"
        "    return out\n"
        "for i in range(20): r([[1], 'ab', [str(i), 2, 3, 4], (5,)])\n",
        // unpacking into locals (UNPACK_SEQUENCE fused with its stores), into the stack and
        // of nothing, in a function and in a generator that zips
        "def u(ps):\n"
        "    for p, q in zip(ps, [str(x) for x in ps]):\n"
        "        a, b = [p, q]\n"
        "        () = []\n"
        "        [] = ()\n"
        "        c, (d, e) = (a, (b, [a]))\n"
        "    return sum(len(s) * n for n, s in zip(ps, [str(x) for x in ps]))\n"
        "def v(ps):\n"
        "    for p, q in zip(ps, ps):\n"
        "        pass\n"
        "    return None\n"
        "for i in range(20): u(list(range(i)))\n"
        "v([[1], [2]])\n",
        // raises the loop unwinds without a C++ throw: a dict's missing key, raise, bare
        // raise, raise from, re-raise at the end of finally, in frames with values stacked
        "def m(d, k):\n"
        "    try:\n"
        "        return [str(k), d[k]]\n"
        "    except KeyError:\n"
        "        try: raise\n"
        "        except KeyError as e: raise ValueError(str(k)) from e\n"
        "def w(d, k):\n"
        "    try: return m(d, k) + [k]\n"
        "    finally: t = [str(k)]\n"
        "for i in range(30):\n"
        "    try: w({1: 'a'}, i % 3)\n"
        "    except ValueError as e: s = [str(e)]\n",
        // a program that ends with an uncaught exception deep in calls
        "def deep(n):\n"
        "    xs = [str(n)] * 3\n"
        "    return deep(n - 1) if n else xs[5]\n"
        "deep(30)\n",
    };
    for (const char* p : programs) {
        size_t dirty = 1;
        std::string err = run_and_check(p, dirty);
        CAPTURE(p, err);
        CHECK(dirty == 0);
    }
}

TEST_CASE("calls that run inline give back their frames on every way out", "[vm]") {
    // (run_and_check counts frames still linked, the depth, the stack's position and the
    // exceptions being handled as dirty)
    const char* programs[] = {
        // returns, exceptions caught three frames up, finally blocks on the way
        "def a(n):\n"
        "    if n == 0: raise KeyError(str(n))\n"
        "    return [a(n - 1)]\n"
        "def b(n):\n"
        "    try: return a(n)\n"
        "    finally: s = str(n)\n"
        "def c():\n"
        "    try: return b(3)\n"
        "    except KeyError: return 'k'\n"
        "for i in range(50): c(); b(0) if False else None\n",
        // the recursion limit reached and caught, a return from an except block
        "def d(n): return d(n + 1)\n"
        "def e():\n"
        "    try: raise ValueError()\n"
        "    except ValueError: return 1\n"
        "for i in range(2):\n"
        "    try: d(0)\n"
        "    except RecursionError: e()\n",
        // functions with cells and defaults, an exception raised inside a comprehension
        "def mk(n, d=[0]):\n"
        "    k = [n] + d\n"
        "    return [x + k[0] for x in range(3)] if n else [k[5] for x in k]\n"
        "for i in range(30):\n"
        "    try: mk(i % 3)\n"
        "    except IndexError: pass\n",
        // an exception out of inline frames through sorted()'s key, uncaught at the end
        "def f(v): return g(v)\n"
        "def g(v): return [v][v]\n"
        "sorted([0, 0, 3], key=f)\n",
    };
    for (const char* p : programs) {
        size_t dirty = 1, pool = 0;
        std::string err = run_and_check(p, dirty, &pool);
        CAPTURE(p, err);
        CHECK(dirty == 0);
        CHECK(pool >= 1); // (calls did run inline)
    }
}
