// The `itertools` module. Every iterator is lazy and consumes its input exactly as CPython's
// C implementation does (islice's skip/stop rule, groupby's shared-state groupers, tee's shared
// buffer), because programs observe how far a shared iterator was advanced. Most iterators are
// an FnIter: a closure producing the next value, under a Type named like CPython's so that
// reprs read `<itertools.islice object at 0x...>`. The combinatoric generators follow the
// index algorithms documented for itertools so the output order is CPython's.
#include <optional>
#include "py/modules/modutil.h"
#include <functional>

namespace lmpy {

namespace {

// One class per lambda, not a std::function (see builtins.cpp's FnIter).
template <class F> struct FnIter : Iter {
    std::optional<F> fn;
    FnIter(Type* t, F f) : Iter(t), fn(std::move(f)) {}
    bool next(VM& vm, Value& out) override {
        if (!fn) return false;
        if ((*fn)(vm, out)) return true;
        fn.reset(); // release captured iterators
        return false;
    }
};

struct CountIter : Iter {
    Value cur, step;
    CountIter(Type* t, Value c, Value s) : Iter(t), cur(std::move(c)), step(std::move(s)) {}
    bool next(VM& vm, Value& out) override {
        out = cur;
        cur = vm.binop(BinOp::Add, cur, step);
        return true;
    }
};

struct ItTypes {
    std::unordered_map<std::string, Type*> t;
};
Type* T(VM& vm, const char* name) { return per_vm<ItTypes>(vm).t[name]; }
template <class F> Value make(VM& vm, const char* name, F f) {
    return Value(new FnIter<F>(T(vm, name), std::move(f)));
}

#define NATIVE(name) Value name(VM& vm, Args& a)

NATIVE(it_count) {
    check_kwargs(vm, "count", a, {"start", "step"});
    const Value* s = arg_at(vm, a, 0, "start");
    const Value* st = arg_at(vm, a, 1, "step");
    Value start = s ? *s : Value::integer(0), step = st ? *st : Value::integer(1);
    for (const Value* v : {&start, &step})
        if (!is_int(vm, *v) && v->tag != Tag::Float && !vm.type_of(*v)->lookup(vm.n.__add__))
            vm.type_error("a number is required");
    return Value(new CountIter(T(vm, "count"), start, step));
}
NATIVE(count_repr) {
    auto* c = static_cast<CountIter*>(a[0].o);
    std::string s = "count(" + vm.repr(c->cur);
    bool unit = c->step.tag == Tag::Int && c->step.i == 1;
    if (!unit) s += ", " + vm.repr(c->step);
    return vm.str(s + ")");
}

NATIVE(it_cycle) {
    check_nargs(vm, "cycle", a, 1, 1);
    Value it = vm.iter(a[0]);
    auto saved = std::make_shared<std::vector<Value>>();
    auto pos = std::make_shared<size_t>(0);
    auto first = std::make_shared<bool>(true);
    return make(vm, "cycle", [=](VM& vm, Value& out) {
        if (*first) {
            if (vm.next(it, out)) {
                saved->push_back(out);
                return true;
            }
            *first = false;
        }
        if (saved->empty()) return false;
        out = (*saved)[*pos];
        *pos = (*pos + 1) % saved->size();
        return true;
    });
}

NATIVE(it_repeat) {
    check_kwargs(vm, "repeat", a, {"object", "times"});
    const Value* o = arg_at(vm, a, 0, "object");
    if (!o) vm.type_error("repeat() missing required argument 'object' (pos 1)");
    const Value* t = arg_at(vm, a, 1, "times");
    int64_t times = t ? vm.to_index(*t) : -1;
    if (t && times < 0) times = 0;
    Value obj = *o;
    auto left = std::make_shared<int64_t>(times);
    return make(vm, "repeat", [=](VM&, Value& out) {
        if (*left == 0) return false;
        if (*left > 0) --*left;
        out = obj;
        return true;
    });
}

NATIVE(it_islice) {
    if (a.n < 2 || a.n > 4)
        vm.type_error(a.n < 2 ? "islice expected at least 2 arguments, got " + std::to_string(a.n)
                              : "islice expected at most 4 arguments, got " + std::to_string(a.n));
    no_kwargs(vm, "islice", a);
    auto idx = [&](const Value& v, const char* msg) -> int64_t {
        if (v.is_none()) return -1;
        if (!is_int(vm, v)) vm.value_error(msg);
        int64_t x = vm.to_index(v);
        if (x < 0) vm.value_error(msg);
        return x;
    };
    int64_t start = 0, stop = -1, step = 1;
    if (a.n == 2) {
        stop = idx(a[1], "Stop argument for islice() must be None or an integer: 0 <= x <= "
                         "sys.maxsize.");
    } else {
        const char* m = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        start = idx(a[1], m);
        if (start < 0) start = 0;
        stop = idx(a[2], m);
        if (a.n == 4) {
            if (!a[3].is_none()) {
                if (!is_int(vm, a[3]) || vm.to_index(a[3]) <= 0)
                    vm.value_error("Step for islice() must be a positive integer or None.");
                step = vm.to_index(a[3]);
            }
        }
    }
    Value it = vm.iter(a[0]);
    auto cnt = std::make_shared<int64_t>(0);
    auto nxt = std::make_shared<int64_t>(start);
    return make(vm, "islice", [=](VM& vm, Value& out) {
        Value skip;
        while (*cnt < *nxt) {
            if (!vm.next(it, skip)) return false;
            ++*cnt;
        }
        if (stop != -1 && *cnt >= stop) return false;
        if (!vm.next(it, out)) return false;
        ++*cnt;
        *nxt += step;
        if (stop != -1 && *nxt > stop) *nxt = stop;
        return true;
    });
}

Value chain_of(VM& vm, Value sources) { // sources: an iterator of iterables
    auto cur = std::make_shared<Value>();
    return make(vm, "chain", [=](VM& vm, Value& out) {
        while (true) {
            if (!cur->is_none() && vm.next(*cur, out)) return true;
            Value src;
            if (!vm.next(sources, src)) return false;
            *cur = vm.iter(src);
        }
    });
}
NATIVE(it_chain) {
    no_kwargs(vm, "chain", a);
    return chain_of(vm, vm.iter(vm.new_tuple(std::vector<Value>(a.pos, a.pos + a.n))));
}
NATIVE(it_chain_from_iterable) { // classmethod: a[0] is the class
    check_nargs(vm, "from_iterable", a, 2, 2);
    return chain_of(vm, vm.iter(a[1]));
}

// Emits tuples of pool items selected by `indices` (the combinatoric iterators).
Value pick(VM& vm, const std::vector<Value>& pool, const std::vector<size_t>& idx, size_t r) {
    std::vector<Value> t;
    t.reserve(r);
    for (size_t i = 0; i < r; ++i) t.push_back(pool[idx[i]]);
    return vm.new_tuple(std::move(t));
}

NATIVE(it_product) {
    check_kwargs(vm, "product", a, {"repeat"});
    const Value* rp = a.kw(vm, "repeat");
    int64_t rep = rp ? vm.to_index(*rp) : 1;
    if (rep < 0) vm.value_error("repeat argument cannot be negative");
    std::vector<std::vector<Value>> pools;
    std::vector<std::vector<Value>> base;
    for (int i = 0; i < a.n; ++i) base.push_back(vm.to_vector(a[i]));
    for (int64_t r = 0; r < rep; ++r) pools.insert(pools.end(), base.begin(), base.end());
    bool empty = false;
    for (auto& p : pools)
        if (p.empty()) empty = true;
    auto idx = std::make_shared<std::vector<size_t>>(pools.size(), 0);
    auto started = std::make_shared<bool>(false);
    auto P = std::make_shared<std::vector<std::vector<Value>>>(std::move(pools));
    return make(vm, "product", [=](VM& vm, Value& out) {
        if (empty) return false;
        auto& ix = *idx;
        if (*started) {
            size_t i = ix.size();
            while (i > 0) {
                --i;
                if (++ix[i] < (*P)[i].size()) break;
                ix[i] = 0;
                if (i == 0) return false;
            }
            if (ix.empty()) return false;
        }
        *started = true;
        std::vector<Value> t;
        for (size_t i = 0; i < ix.size(); ++i) t.push_back((*P)[i][ix[i]]);
        out = vm.new_tuple(std::move(t));
        return true;
    });
}

int64_t r_arg(VM& vm, Args& a, const char* fname) {
    const Value* rv = arg_at(vm, a, 1, "r");
    if (!rv) vm.type_error(std::string(fname) + "() missing required argument 'r' (pos 2)");
    int64_t r = vm.to_index(*rv);
    if (r < 0) vm.value_error("r must be non-negative");
    return r;
}

NATIVE(it_combinations) {
    check_kwargs(vm, "combinations", a, {"iterable", "r"});
    const Value* src = arg_at(vm, a, 0, "iterable");
    if (!src) vm.type_error("combinations() missing required argument 'iterable' (pos 1)");
    int64_t r = r_arg(vm, a, "combinations");
    auto pool = std::make_shared<std::vector<Value>>(vm.to_vector(*src));
    size_t n = pool->size(), R = size_t(r);
    auto idx = std::make_shared<std::vector<size_t>>();
    auto started = std::make_shared<bool>(false);
    return make(vm, "combinations", [=](VM& vm, Value& out) {
        if (R > n) return false;
        auto& ix = *idx;
        if (!*started) {
            *started = true;
            for (size_t i = 0; i < R; ++i) ix.push_back(i);
        } else {
            size_t i = R;
            bool found = false;
            while (i-- > 0)
                if (ix[i] != i + n - R) {
                    found = true;
                    break;
                }
            if (!found) return false;
            ++ix[i];
            for (size_t j = i + 1; j < R; ++j) ix[j] = ix[j - 1] + 1;
        }
        out = pick(vm, *pool, ix, R);
        return true;
    });
}

NATIVE(it_cwr) {
    check_kwargs(vm, "combinations_with_replacement", a, {"iterable", "r"});
    const Value* src = arg_at(vm, a, 0, "iterable");
    if (!src)
        vm.type_error(
            "combinations_with_replacement() missing required argument 'iterable' (pos 1)");
    int64_t r = r_arg(vm, a, "combinations_with_replacement");
    auto pool = std::make_shared<std::vector<Value>>(vm.to_vector(*src));
    size_t n = pool->size(), R = size_t(r);
    auto idx = std::make_shared<std::vector<size_t>>(R, 0);
    auto started = std::make_shared<bool>(false);
    return make(vm, "combinations_with_replacement", [=](VM& vm, Value& out) {
        if (n == 0 && R > 0) return false;
        auto& ix = *idx;
        if (*started) {
            size_t i = R;
            bool found = false;
            while (i-- > 0)
                if (ix[i] != n - 1) {
                    found = true;
                    break;
                }
            if (!found) return false;
            size_t v = ix[i] + 1;
            for (size_t j = i; j < R; ++j) ix[j] = v;
        }
        *started = true;
        out = pick(vm, *pool, ix, R);
        return true;
    });
}

NATIVE(it_permutations) {
    check_kwargs(vm, "permutations", a, {"iterable", "r"});
    const Value* src = arg_at(vm, a, 0, "iterable");
    if (!src) vm.type_error("permutations() missing required argument 'iterable' (pos 1)");
    auto pool = std::make_shared<std::vector<Value>>(vm.to_vector(*src));
    size_t n = pool->size();
    const Value* rv = arg_at(vm, a, 1, "r");
    int64_t r = rv && !rv->is_none() ? vm.to_index(*rv) : int64_t(n);
    if (r < 0) vm.value_error("r must be non-negative");
    size_t R = size_t(r);
    auto idx = std::make_shared<std::vector<size_t>>();
    auto cycles = std::make_shared<std::vector<size_t>>();
    for (size_t i = 0; i < n; ++i) idx->push_back(i);
    for (size_t i = 0; i < R && R <= n; ++i) cycles->push_back(n - i);
    auto started = std::make_shared<bool>(false);
    return make(vm, "permutations", [=](VM& vm, Value& out) {
        if (R > n) return false;
        auto& ix = *idx;
        auto& cy = *cycles;
        if (!*started) {
            *started = true;
            out = pick(vm, *pool, ix, R);
            return true;
        }
        if (n == 0) return false;
        size_t i = R;
        while (i-- > 0) {
            if (--cy[i] == 0) {
                size_t first = ix[i];
                for (size_t k = i; k + 1 < n; ++k) ix[k] = ix[k + 1];
                ix[n - 1] = first;
                cy[i] = n - i;
            } else {
                size_t j = cy[i];
                std::swap(ix[i], ix[n - j]);
                out = pick(vm, *pool, ix, R);
                return true;
            }
        }
        return false;
    });
}

NATIVE(it_accumulate) {
    check_kwargs(vm, "accumulate", a, {"iterable", "func", "initial"});
    const Value* src = arg_at(vm, a, 0, "iterable");
    if (!src) vm.type_error("accumulate() missing required argument 'iterable' (pos 1)");
    const Value* f = arg_at(vm, a, 1, "func");
    Value func = f ? *f : Value();
    const Value* init = a.kw(vm, "initial");
    Value it = vm.iter(*src);
    auto total = std::make_shared<Value>(Value::undef());
    if (init && !init->is_none()) *total = *init;
    auto emit_initial = std::make_shared<bool>(init && !init->is_none());
    return make(vm, "accumulate", [=](VM& vm, Value& out) {
        if (*emit_initial) {
            *emit_initial = false;
            out = *total;
            return true;
        }
        Value x;
        if (!vm.next(it, x)) return false;
        if (total->is_undef())
            *total = x;
        else
            *total = func.is_none() ? vm.binop(BinOp::Add, *total, x) : vm.call(func, {*total, x});
        out = *total;
        return true;
    });
}

struct GroupState {
    Value it, keyfunc;
    Value tgtkey = Value::undef(), currkey = Value::undef(), currvalue = Value::undef();
    uint64_t current_grouper = 0, next_id = 1;
    bool step(VM& vm) {
        Value v;
        if (!vm.next(it, v)) return false;
        Value k = keyfunc.is_none() ? v : vm.call(keyfunc, {v});
        currvalue = v;
        currkey = k;
        return true;
    }
};
NATIVE(it_groupby) {
    check_kwargs(vm, "groupby", a, {"iterable", "key"});
    const Value* src = arg_at(vm, a, 0, "iterable");
    if (!src) vm.type_error("groupby() missing required argument 'iterable' (pos 1)");
    const Value* k = arg_at(vm, a, 1, "key");
    auto st = std::make_shared<GroupState>();
    st->it = vm.iter(*src);
    st->keyfunc = k ? *k : Value();
    return make(vm, "groupby", [st](VM& vm, Value& out) {
        st->current_grouper = 0;
        while (true) {
            if (st->currkey.is_undef()) {
            } else if (st->tgtkey.is_undef()) {
                break;
            } else if (!vm.eq(st->tgtkey, st->currkey)) {
                break;
            }
            if (!st->step(vm)) return false;
        }
        st->tgtkey = st->currkey;
        uint64_t id = st->next_id++;
        st->current_grouper = id;
        Value tgt = st->tgtkey;
        Value grouper = make(vm, "_grouper", [st, id, tgt](VM& vm, Value& out) {
            if (st->current_grouper != id) return false;
            if (st->currvalue.is_undef() && !st->step(vm)) return false;
            if (!vm.eq(tgt, st->currkey)) return false;
            out = st->currvalue;
            st->currvalue = Value::undef();
            return true;
        });
        out = vm.new_tuple({st->currkey, grouper});
        return true;
    });
}

NATIVE(it_zip_longest) {
    check_kwargs(vm, "zip_longest", a, {"fillvalue"});
    const Value* fv = a.kw(vm, "fillvalue");
    Value fill = fv ? *fv : Value();
    auto its = std::make_shared<std::vector<Value>>();
    for (int i = 0; i < a.n; ++i) its->push_back(vm.iter(a[i]));
    auto active = std::make_shared<size_t>(its->size());
    auto alive = std::make_shared<std::vector<bool>>(its->size(), true);
    return make(vm, "zip_longest", [=](VM& vm, Value& out) {
        if (its->empty() || *active == 0) return false;
        std::vector<Value> t;
        for (size_t i = 0; i < its->size(); ++i) {
            Value v;
            if ((*alive)[i] && vm.next((*its)[i], v)) {
                t.push_back(v);
                continue;
            }
            if ((*alive)[i]) {
                (*alive)[i] = false;
                if (--*active == 0) return false;
            }
            t.push_back(fill);
        }
        out = vm.new_tuple(std::move(t));
        return true;
    });
}

NATIVE(it_starmap) {
    check_nargs(vm, "starmap", a, 2, 2);
    Value f = a[0], it = vm.iter(a[1]);
    return make(vm, "starmap", [=](VM& vm, Value& out) {
        Value args;
        if (!vm.next(it, args)) return false;
        std::vector<Value> v = vm.to_vector(args);
        out = vm.call_args(f, v.data(), int(v.size()));
        return true;
    });
}
NATIVE(it_takewhile) {
    check_nargs(vm, "takewhile", a, 2, 2);
    Value f = a[0], it = vm.iter(a[1]);
    return make(vm, "takewhile", [=](VM& vm, Value& out) {
        if (!vm.next(it, out)) return false;
        return vm.truthy(vm.call(f, {out}));
    });
}
NATIVE(it_dropwhile) {
    check_nargs(vm, "dropwhile", a, 2, 2);
    Value f = a[0], it = vm.iter(a[1]);
    auto dropping = std::make_shared<bool>(true);
    return make(vm, "dropwhile", [=](VM& vm, Value& out) {
        while (vm.next(it, out)) {
            if (!*dropping) return true;
            if (!vm.truthy(vm.call(f, {out}))) {
                *dropping = false;
                return true;
            }
        }
        return false;
    });
}
NATIVE(it_filterfalse) {
    check_nargs(vm, "filterfalse", a, 2, 2);
    Value f = a[0], it = vm.iter(a[1]);
    return make(vm, "filterfalse", [=](VM& vm, Value& out) {
        while (vm.next(it, out))
            if (!vm.truthy(f.is_none() ? out : vm.call(f, {out}))) return true;
        return false;
    });
}
NATIVE(it_compress) {
    check_kwargs(vm, "compress", a, {"data", "selectors"});
    const Value* d = arg_at(vm, a, 0, "data");
    const Value* s = arg_at(vm, a, 1, "selectors");
    if (!d || !s) vm.type_error("compress() missing required argument");
    Value di = vm.iter(*d), si = vm.iter(*s);
    return make(vm, "compress", [=](VM& vm, Value& out) {
        while (true) {
            Value sel;
            if (!vm.next(di, out) || !vm.next(si, sel)) return false;
            if (vm.truthy(sel)) return true;
        }
    });
}
NATIVE(it_pairwise) {
    check_nargs(vm, "pairwise", a, 1, 1);
    Value it = vm.iter(a[0]);
    auto prev = std::make_shared<Value>(Value::undef());
    return make(vm, "pairwise", [=](VM& vm, Value& out) {
        if (prev->is_undef() && !vm.next(it, *prev)) return false;
        Value cur;
        if (!vm.next(it, cur)) return false;
        out = vm.new_tuple({*prev, cur});
        *prev = cur;
        return true;
    });
}

struct TeeShared {
    Value it;
    std::vector<Value> buf;
    bool exhausted = false;
};
NATIVE(it_tee) {
    check_nargs(vm, "tee", a, 1, 2);
    int64_t n = a.n > 1 ? vm.to_index(a[1]) : 2;
    if (n < 0) vm.value_error("n must be >= 0");
    auto sh = std::make_shared<TeeShared>();
    sh->it = vm.iter(a[0]);
    std::vector<Value> out;
    for (int64_t i = 0; i < n; ++i) {
        auto pos = std::make_shared<size_t>(0);
        out.push_back(make(vm, "_tee", [sh, pos](VM& vm, Value& o) {
            if (*pos >= sh->buf.size()) {
                Value v;
                if (sh->exhausted || !vm.next(sh->it, v)) {
                    sh->exhausted = true;
                    return false;
                }
                sh->buf.push_back(v);
            }
            o = sh->buf[(*pos)++];
            return true;
        }));
    }
    return vm.new_tuple(std::move(out));
}

NATIVE(it_batched) {
    check_nargs(vm, "batched", a, 2, 2);
    int64_t n = vm.to_index(a[1]);
    if (n < 1) vm.value_error("n must be at least one");
    Value it = vm.iter(a[0]);
    return make(vm, "batched", [=](VM& vm, Value& out) {
        std::vector<Value> t;
        Value v;
        while (int64_t(t.size()) < n && vm.next(it, v)) t.push_back(v);
        if (t.empty()) return false;
        out = vm.new_tuple(std::move(t));
        return true;
    });
}

void init_itertools(VM& vm, const Value& m) {
    struct E {
        const char* name;
        NativeFn ctor;
    };
    auto& types = per_vm<ItTypes>(vm).t;
    types.clear();
    for (auto& e : std::initializer_list<E>{{"count", it_count},
                                            {"cycle", it_cycle},
                                            {"repeat", it_repeat},
                                            {"islice", it_islice},
                                            {"chain", it_chain},
                                            {"product", it_product},
                                            {"combinations", it_combinations},
                                            {"combinations_with_replacement", it_cwr},
                                            {"permutations", it_permutations},
                                            {"accumulate", it_accumulate},
                                            {"groupby", it_groupby},
                                            {"zip_longest", it_zip_longest},
                                            {"starmap", it_starmap},
                                            {"takewhile", it_takewhile},
                                            {"dropwhile", it_dropwhile},
                                            {"filterfalse", it_filterfalse},
                                            {"compress", it_compress},
                                            {"pairwise", it_pairwise},
                                            {"_grouper", nullptr},
                                            {"_tee", nullptr}}) {
        Type* t = module_type(vm, e.name, "itertools", nullptr, e.ctor, true);
        types[e.name] = t;
        if (e.ctor) vm.set_global(m, e.name, Value(static_cast<Obj*>(t)));
    }
    vm.add_method(types["count"], "__repr__", count_repr);
    vm.add_attr(types["chain"], "from_iterable",
                Value(new ClassMethod(vm.t.classmethod,
                                      vm.new_native("from_iterable", it_chain_from_iterable))));
    vm.set_global(m, "tee", vm.new_native("tee", it_tee));
    (void)it_batched; // itertools.batched is Python 3.12
}

} // namespace

void register_itertools_module(VM& vm) { vm.register_module("itertools", init_itertools); }

} // namespace lmpy
