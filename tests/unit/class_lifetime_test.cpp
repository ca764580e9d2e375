// Instances and subclasses keep their user class alive: rebinding a class's name (a notebook
// cell that defines the class again) must not free a class whose instances or subclasses are
// still reachable. (Found by the fuzzer as a use-after-free: a class without methods, so
// without the method<->class cycle that had kept classes alive, freed under its instance.)
#include <catch2/catch.hpp>
#include "py/runtime.h"
using namespace lmpy;

namespace {
struct Session {
    VM vm;
    Value globals;
    Session() {
        globals = Value(static_cast<Obj*>(vm.main_module.as<Module>()->globals));
        dict_set(vm, globals.as<Dict>(), Value(vm.n.__builtins__), vm.builtins);
    }
    void run(const char* src) {
        Ast ast;
        parse_module(src, ast);
        Code* code = compile_module(vm, ast, "t.py");
        Value codev(static_cast<Obj*>(code));
        decref(code);
        vm.run_code(code, globals, Value());
    }
    Value get(const char* name) {
        Value* v = dict_find_str(globals.as<Dict>(), vm.intern(name));
        return v ? *v : Value::undef();
    }
};
} // namespace

TEST_CASE("instances and subclasses hold a reference to their user class", "[vm]") {
    Session s;
    s.run("class A:\n    x = 1\n");
    Type* a = s.get("A").as<Type>();
    int32_t alone = a->rc;
    s.run("i = A()\n");
    CHECK(a->rc == alone + 1);
    s.run("class B(A):\n    pass\n");
    CHECK(a->rc == alone + 2);
    s.run("d = {'k': [A(), A()]}\n");
    CHECK(a->rc == alone + 4);
    s.run("del d\n");
    CHECK(a->rc == alone + 2);
    // the name goes; the instance and the subclass keep the class
    s.run("A = None\nj = B()\nout = [type(i).__name__, i.x, j.x, B.__mro__[1].__name__]\n");
    CHECK(a->rc == 2);
    Value out = s.get("out");
    REQUIRE(out.is_obj());
    CHECK(s.vm.repr(out) == "['A', 1, 1, 'A']");
}

TEST_CASE("dict and list subclasses and exception subclasses keep their class", "[vm]") {
    Session s;
    s.run("class D(dict):\n    pass\nclass L(list):\n    pass\nclass E(Exception):\n    pass\n");
    Type* d = s.get("D").as<Type>();
    Type* l = s.get("L").as<Type>();
    Type* e = s.get("E").as<Type>();
    int32_t d0 = d->rc, l0 = l->rc, e0 = e->rc;
    s.run("x, y, z = D(a=1), L([2]), E('m')\n");
    CHECK(d->rc == d0 + 1);
    CHECK(l->rc == l0 + 1);
    CHECK(e->rc == e0 + 1);
    s.run("D = L = E = None\nout = [type(x).__name__, x, type(y).__name__, y, repr(z)]\n");
    CHECK(s.vm.repr(s.get("out")) == "['D', {'a': 1}, 'L', [2], \"E('m')\"]");
}
