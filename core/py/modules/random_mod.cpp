// The `random` module: random.Random objects over pyrandom_core (CPython's algorithms,
// bit-exact), and the module-level functions bound to one hidden instance as in random.py.
// This layer only converts arguments (ints, floats, sequences, big ints as 32-bit words) and
// maps the indices the core returns back onto the caller's objects; errors thrown by the core
// as pyrandom::Error become the Python exception they name.
#include "py/modules/modutil.h"
#include "py/modules/pyrandom_core.h"
#include "py/pyhash.h"
#include <cmath>

namespace lmpy {

namespace {

namespace pr = pyrandom;

struct RandomObj : Obj {
    MT19937 mt;
    std::optional<double> gauss_next;
    explicit RandomObj(Type* t) : Obj(t) {}
};

struct RandTypes {
    Type* random = nullptr;
};
#define RTY per_vm<RandTypes>(vm)
#define NATIVE(name) Value name(VM& vm, Args& a)

template <class F> auto guard(VM& vm, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (pr::Error& e) {
        vm.raise(exc_type_by_name(vm, e.py_type), e.what());
    }
}

RandomObj* self_r(VM& vm, Args& a) {
    if (a.n < 1 || !a[0].is_obj() || !type_named(a[0].o->type, "Random"))
        vm.type_error("descriptor requires a 'random.Random' object");
    return a[0].as<RandomObj>();
}

std::vector<uint32_t> abs_words(VM& vm, const Value& v) {
    BigInt b = to_bigint(vm, v);
    return b.limbs();
}
Value from_words(VM& vm, const std::vector<uint32_t>& w) {
    BigInt r(0);
    for (size_t i = w.size(); i-- > 0;) r = BigInt::shl(r, BigInt(32)) + BigInt::from_u64(w[i]);
    return make_int(vm, r);
}

void do_seed(VM& vm, RandomObj* r, const Value* s) {
    r->gauss_next.reset();
    if (!s || s->is_none()) {
        pr::seed_entropy(r->mt);
        return;
    }
    const Value& v = *s;
    if (v.tag == Tag::Int) {
        pr::seed_int(r->mt, v.i == INT64_MIN ? 0 : v.i);
        if (v.i == INT64_MIN) pr::seed_words(r->mt, abs_words(vm, v));
    } else if (v.tag == Tag::Bool) {
        pr::seed_int(r->mt, v.b);
    } else if (is_int(vm, v)) {
        pr::seed_words(r->mt, abs_words(vm, v));
    } else if (v.tag == Tag::Float) {
        pr::seed_u64(r->mt, uint64_t(vm.hash(v)));
    } else if (v.is_obj() && v.o->type == vm.t.str) {
        pr::seed_bytes(r->mt, v.as<Str>()->s);
    } else {
        vm.type_error("The only supported seed types are: None,\nint, float, str, bytes, and "
                      "bytearray.");
    }
}

NATIVE(r_ctor) {
    auto* r = new RandomObj(RTY.random);
    Value rv(r);
    do_seed(vm, r, a.n > 0 ? &a[0] : nullptr);
    return rv;
}
NATIVE(r_seed) {
    RandomObj* r = self_r(vm, a);
    do_seed(vm, r, arg_at(vm, a, 1, "a"));
    return Value();
}
NATIVE(r_random) { return Value::flt(pr::random(self_r(vm, a)->mt)); }

// An int argument of randrange (floats with integral values are accepted, as 3.11 does with
// a DeprecationWarning).
int64_t int_arg(VM& vm, const Value& v, const char* what) {
    if (v.tag == Tag::Float) {
        if (v.f != std::floor(v.f) || !std::isfinite(v.f))
            vm.value_error(std::string("non-integer ") + what + " for randrange()");
        return int64_t(v.f);
    }
    if (!is_int(vm, v))
        vm.type_error("'" + vm.type_name(v) + "' object cannot be interpreted as an integer");
    return vm.to_index(v);
}

NATIVE(r_randrange) {
    RandomObj* r = self_r(vm, a);
    if (a.n < 2)
        vm.type_error("Random.randrange() missing 1 required positional argument: 'start'");
    const Value* stopv = arg_at(vm, a, 2, "stop");
    const Value* stepv = arg_at(vm, a, 3, "step");
    if (!stopv || stopv->is_none()) {
        if (stepv && !(stepv->tag == Tag::Int && stepv->i == 1))
            vm.type_error("Missing a non-None stop argument");
        int64_t stop = int_arg(vm, a[1], "arg 1");
        return Value::integer(guard(vm, [&] { return pr::randrange(r->mt, stop); }));
    }
    int64_t start = int_arg(vm, a[1], "arg 1");
    int64_t stop = int_arg(vm, *stopv, "stop");
    int64_t step = stepv ? int_arg(vm, *stepv, "step") : 1;
    return Value::integer(guard(vm, [&] { return pr::randrange(r->mt, start, stop, step); }));
}
NATIVE(r_randint) {
    RandomObj* r = self_r(vm, a);
    if (a.n != 3)
        vm.type_error("Random.randint() missing " + std::to_string(3 - a.n) +
                      " required positional argument" + (a.n == 1 ? "s: 'a' and 'b'" : ": 'b'"));
    int64_t lo = int_arg(vm, a[1], "arg 1"), hi = int_arg(vm, a[2], "stop");
    return Value::integer(guard(vm, [&] { return pr::randint(r->mt, lo, hi); }));
}
NATIVE(r_getrandbits) {
    RandomObj* r = self_r(vm, a);
    check_nargs(vm, "getrandbits", a, 2, 2);
    int64_t k = vm.to_index(a[1]);
    if (k <= 63 && k >= 0) return Value::integer(int64_t(pr::getrandbits64(r->mt, int(k))));
    return from_words(vm, guard(vm, [&] { return pr::getrandbits_words(r->mt, k); }));
}
NATIVE(r_choice) {
    RandomObj* r = self_r(vm, a);
    check_nargs(vm, "choice", a, 2, 2);
    int64_t n = vm.len(a[1]);
    uint64_t i = guard(vm, [&] { return pr::choice_index(r->mt, uint64_t(n)); });
    return vm.getitem(a[1], Value::integer(int64_t(i)));
}
NATIVE(r_shuffle) {
    RandomObj* r = self_r(vm, a);
    check_nargs(vm, "shuffle", a, 2, 2);
    const Value& x = a[1];
    if (x.is_obj() && x.o->type->layout == Layout::List) { // list or a class derived from it
        pr::shuffle(r->mt, x.as<List>()->items);
        return Value();
    }
    int64_t n = vm.len(x);
    for (int64_t i = n - 1; i > 0; --i) {
        Value I = Value::integer(i);
        Value J = Value::integer(int64_t(pr::randbelow(r->mt, uint64_t(i + 1))));
        Value xi = vm.getitem(x, I), xj = vm.getitem(x, J);
        vm.setitem(x, I, xj);
        vm.setitem(x, J, xi);
    }
    return Value();
}
NATIVE(r_sample) {
    RandomObj* r = self_r(vm, a);
    check_kwargs(vm, "sample", a, {"counts", "k", "population"});
    const Value* popv = arg_at(vm, a, 1, "population");
    const Value* kv = arg_at(vm, a, 2, "k");
    if (!popv || !kv) vm.type_error("Random.sample() missing required argument");
    const Value& pop = *popv;
    Type* pt = vm.type_of(pop);
    bool seq =
        pt == vm.t.list || pt == vm.t.tuple || pt == vm.t.str || pt == vm.t.range ||
        (pt->lookup(vm.n.__getitem__) && pt->lookup(vm.n.__len__) && !pt->is_subtype(vm.t.dict));
    if (!seq) vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).");
    int64_t k = vm.to_index(*kv);
    const Value* counts = a.kw(vm, "counts");
    std::vector<uint64_t> idx;
    if (counts && !counts->is_none()) {
        std::vector<int64_t> cs;
        vm.iterate(*counts, [&](const Value& c) { cs.push_back(vm.to_index(c)); });
        if (int64_t(cs.size()) != vm.len(pop))
            vm.value_error("The number of counts does not match the population");
        idx = guard(vm, [&] { return pr::sample_counts(r->mt, cs, k); });
    } else {
        int64_t n = vm.len(pop);
        idx = guard(vm, [&] { return pr::sample_indices(r->mt, uint64_t(n), k); });
    }
    std::vector<Value> out;
    out.reserve(idx.size());
    for (uint64_t i : idx) out.push_back(vm.getitem(pop, Value::integer(int64_t(i))));
    return vm.new_list(std::move(out));
}
NATIVE(r_choices) {
    RandomObj* r = self_r(vm, a);
    check_kwargs(vm, "choices", a, {"population", "weights", "cum_weights", "k"});
    const Value* popv = arg_at(vm, a, 1, "population");
    if (!popv)
        vm.type_error("Random.choices() missing 1 required positional argument: 'population'");
    const Value* wv = arg_at(vm, a, 2, "weights");
    const Value* cwv = a.kw(vm, "cum_weights");
    const Value* kv = a.kw(vm, "k");
    int64_t k = kv ? vm.to_index(*kv) : 1;
    const Value& pop = *popv;
    int64_t n = vm.len(pop);
    bool has_w = wv && !wv->is_none(), has_cw = cwv && !cwv->is_none();
    std::vector<uint64_t> idx;
    if (!has_w && !has_cw) {
        idx = guard(vm, [&] { return pr::choices_uniform(r->mt, uint64_t(n), k); });
    } else {
        if (has_w && has_cw) vm.type_error("Cannot specify both weights and cumulative weights");
        std::vector<double> cum;
        if (has_w) {
            Value acc = Value::undef();
            vm.iterate(*wv, [&](const Value& w) {
                acc = acc.is_undef() ? w : vm.binop(BinOp::Add, acc, w);
                cum.push_back(vm.to_double(acc));
            });
        } else {
            vm.iterate(*cwv, [&](const Value& w) { cum.push_back(vm.to_double(w)); });
        }
        if (int64_t(cum.size()) != n)
            vm.value_error("The number of weights does not match the population");
        idx = guard(vm, [&] { return pr::choices_cum(r->mt, cum, k); });
    }
    std::vector<Value> out;
    out.reserve(idx.size());
    for (uint64_t i : idx) out.push_back(vm.getitem(pop, Value::integer(int64_t(i))));
    return vm.new_list(std::move(out));
}

double darg(VM& vm, Args& a, int i, const char* kw, double dflt) {
    const Value* v = arg_at(vm, a, i, kw);
    if (!v) return dflt;
    if (!is_int(vm, *v) && v->tag != Tag::Float && !vm.type_of(*v)->lookup(vm.n.__float__))
        vm.type_error("must be real number, not " + vm.type_name(*v));
    return vm.to_double(*v);
}
double dreq(VM& vm, Args& a, int i, const char* kw, const char* fname) {
    if (!arg_at(vm, a, i, kw))
        vm.type_error(std::string("Random.") + fname +
                      "() missing 1 required positional argument: '" + kw + "'");
    return darg(vm, a, i, kw, 0);
}

NATIVE(r_uniform) {
    RandomObj* r = self_r(vm, a);
    double lo = dreq(vm, a, 1, "a", "uniform"), hi = dreq(vm, a, 2, "b", "uniform");
    return Value::flt(pr::uniform(r->mt, lo, hi));
}
NATIVE(r_triangular) {
    RandomObj* r = self_r(vm, a);
    double lo = darg(vm, a, 1, "low", 0.0), hi = darg(vm, a, 2, "high", 1.0);
    const Value* m = arg_at(vm, a, 3, "mode");
    std::optional<double> mode;
    if (m && !m->is_none()) mode = vm.to_double(*m);
    return Value::flt(guard(vm, [&] { return pr::triangular(r->mt, lo, hi, mode); }));
}
NATIVE(r_gauss) {
    RandomObj* r = self_r(vm, a);
    double mu = darg(vm, a, 1, "mu", 0.0), sigma = darg(vm, a, 2, "sigma", 1.0);
    return Value::flt(pr::gauss(r->mt, r->gauss_next, mu, sigma));
}
NATIVE(r_normalvariate) {
    RandomObj* r = self_r(vm, a);
    double mu = darg(vm, a, 1, "mu", 0.0), sigma = darg(vm, a, 2, "sigma", 1.0);
    return Value::flt(pr::normalvariate(r->mt, mu, sigma));
}
NATIVE(r_lognormvariate) {
    RandomObj* r = self_r(vm, a);
    double mu = dreq(vm, a, 1, "mu", "lognormvariate");
    double sigma = dreq(vm, a, 2, "sigma", "lognormvariate");
    return Value::flt(guard(vm, [&] { return pr::lognormvariate(r->mt, mu, sigma); }));
}
NATIVE(r_expovariate) {
    RandomObj* r = self_r(vm, a);
    double l = darg(vm, a, 1, "lambd", 1.0);
    return Value::flt(guard(vm, [&] { return pr::expovariate(r->mt, l); }));
}
#define TWO_PARAM(fn, p1, p2)                                                                      \
    NATIVE(r_##fn) {                                                                               \
        RandomObj* r = self_r(vm, a);                                                              \
        double x = dreq(vm, a, 1, p1, #fn), y = dreq(vm, a, 2, p2, #fn);                           \
        return Value::flt(guard(vm, [&] { return pr::fn(r->mt, x, y); }));                         \
    }
TWO_PARAM(vonmisesvariate, "mu", "kappa")
TWO_PARAM(gammavariate, "alpha", "beta")
TWO_PARAM(betavariate, "alpha", "beta")
TWO_PARAM(weibullvariate, "alpha", "beta")
NATIVE(r_paretovariate) {
    RandomObj* r = self_r(vm, a);
    double al = dreq(vm, a, 1, "alpha", "paretovariate");
    return Value::flt(guard(vm, [&] { return pr::paretovariate(r->mt, al); }));
}
NATIVE(r_getstate) {
    RandomObj* r = self_r(vm, a);
    MT19937::State s = r->mt.get_state();
    std::vector<Value> words;
    for (uint32_t w : s.key) words.push_back(Value::integer(w));
    words.push_back(Value::integer(s.pos));
    return vm.new_tuple({Value::integer(3), vm.new_tuple(std::move(words)),
                         r->gauss_next ? Value::flt(*r->gauss_next) : Value()});
}
NATIVE(r_setstate) {
    RandomObj* r = self_r(vm, a);
    check_nargs(vm, "setstate", a, 2, 2);
    std::vector<Value> st = vm.to_vector(a[1]);
    if (st.size() != 3 || !vm.eq(st[0], Value::integer(3)))
        vm.value_error("state with version " + (st.empty() ? "?" : vm.repr(st[0])) +
                       " passed to Random.setstate() of version 3");
    std::vector<Value> words = vm.to_vector(st[1]);
    if (words.size() != MT19937::N + 1) vm.value_error("state vector is the wrong size");
    MT19937::State s;
    for (int i = 0; i < MT19937::N; ++i) s.key[size_t(i)] = uint32_t(vm.to_index(words[size_t(i)]));
    int64_t pos = vm.to_index(words[MT19937::N]);
    if (pos < 0 || pos > MT19937::N) vm.value_error("invalid state");
    s.pos = int(pos);
    r->mt.set_state(s);
    if (st[2].is_none())
        r->gauss_next.reset();
    else
        r->gauss_next = vm.to_double(st[2]);
    return Value();
}

void init_random(VM& vm, const Value& m) {
    Type* t = module_type(vm, "Random", "random", nullptr, r_ctor);
    RTY.random = t;
    struct M {
        const char* name;
        NativeFn fn;
    };
    std::initializer_list<M> ms = {{"seed", r_seed},
                                   {"random", r_random},
                                   {"randrange", r_randrange},
                                   {"randint", r_randint},
                                   {"getrandbits", r_getrandbits},
                                   {"choice", r_choice},
                                   {"shuffle", r_shuffle},
                                   {"sample", r_sample},
                                   {"choices", r_choices},
                                   {"uniform", r_uniform},
                                   {"triangular", r_triangular},
                                   {"gauss", r_gauss},
                                   {"normalvariate", r_normalvariate},
                                   {"lognormvariate", r_lognormvariate},
                                   {"expovariate", r_expovariate},
                                   {"vonmisesvariate", r_vonmisesvariate},
                                   {"gammavariate", r_gammavariate},
                                   {"betavariate", r_betavariate},
                                   {"weibullvariate", r_weibullvariate},
                                   {"paretovariate", r_paretovariate},
                                   {"getstate", r_getstate},
                                   {"setstate", r_setstate}};
    for (auto& x : ms) vm.add_method(t, x.name, x.fn);
    vm.set_global(m, "Random", Value(static_cast<Obj*>(t)));
    auto* inst = new RandomObj(t);
    Value iv(inst);
    pr::seed_entropy(inst->mt);
    for (auto& x : ms)
        vm.set_global(m, x.name,
                      Value(new BoundMethod(vm.t.bound, iv, *t->lookup(vm.intern(x.name)))));
}

} // namespace

void register_random_module(VM& vm) { vm.register_module("random", init_random); }

} // namespace lmpy
