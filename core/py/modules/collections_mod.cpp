// The `collections` module, part 1: Counter, defaultdict and OrderedDict, plus the module's
// init (deque lives in collections_deque.cpp, namedtuple in collections_namedtuple.cpp).
//
// The three mappings are subtypes of dict whose instances are ordinary Dict objects, so every
// dict fast path of the VM (subscripts, `in`, len, iteration, dict methods) applies to them.
// What differs is expressed the way CPython's collections/__init__.py does it: `__missing__`
// (Counter returns 0 without inserting, defaultdict calls its factory and inserts), a
// `__repr__`, and the extra methods. Counter's algorithms (update/subtract/most_common and the
// multiset operators) follow CPython's line by line so orders and results agree.
#include "py/modules/modutil.h"

namespace lmpy {

void init_deque(VM& vm, const Value& m);
void init_namedtuple(VM& vm, const Value& m);

namespace {

struct CollTypes {
    Type *counter = nullptr, *defaultdict = nullptr, *ordereddict = nullptr;
};
#define ct per_vm<CollTypes>(vm)

#define NATIVE(name) Value name(VM& vm, Args& a)

Dict* self_dict(VM& vm, Args& a, Type* t, const char* meth) {
    if (a.n < 1 || !a[0].is_obj() || !type_named(a[0].o->type, t->name.c_str()))
        vm.type_error(std::string("descriptor '") + meth + "' for '" + t->name +
                      "' objects doesn't apply to a '" +
                      (a.n ? vm.type_name(a[0]) : std::string("NoneType")) + "' object");
    return a[0].as<Dict>();
}

Value new_dict_of(Type* t) { return Value(new Dict(t)); }

bool is_mapping(VM& vm, const Value& v) {
    if (v.is_obj() && v.o->type->is_subtype(vm.t.dict)) return true;
    Value k;
    return vm.type_of(v)->lookup(vm.n.keys) && vm.type_of(v)->lookup(vm.n.__getitem__);
}

// Items of any mapping as (key, value) pairs, in its iteration order.
std::vector<std::pair<Value, Value>> mapping_items(VM& vm, const Value& m) {
    std::vector<std::pair<Value, Value>> out;
    if (m.is_obj() && m.o->type->is_subtype(vm.t.dict)) {
        dict_each(m.as<Dict>(), [&](const Value& k, const Value& v) { out.push_back({k, v}); });
        return out;
    }
    Value keys = vm.call_method(m, vm.n.keys, {});
    vm.iterate(keys, [&](const Value& k) { out.push_back({k, vm.getitem(m, k)}); });
    return out;
}

Value dict_get0(VM& vm, Dict* d, const Value& k) {
    Value* v = dict_find(vm, d, k);
    return v ? *v : Value::integer(0);
}

// ----------------------------------------------------------------------------------- Counter
void counter_update_impl(VM& vm, Dict* d, Args& a, int first, bool subtract) {
    if (a.n > first + 1)
        vm.type_error("expected at most 1 argument, got " + std::to_string(a.n - first));
    auto add_kw = [&]() {
        for (int k = 0; k < a.nkw; ++k) {
            Value key(a.kwn[k]);
            BinOp op = subtract ? BinOp::Sub : BinOp::Add;
            dict_set(vm, d, key, vm.binop(op, dict_get0(vm, d, key), a.kwv[k]));
        }
    };
    if (a.n > first && !a[first].is_none()) {
        const Value& src = a[first];
        if (is_mapping(vm, src)) {
            auto items = mapping_items(vm, src);
            if (!subtract && d->used == 0) {
                for (auto& [k, v] : items) dict_set(vm, d, k, v);
            } else {
                for (auto& [k, v] : items)
                    dict_set(vm, d, k,
                             subtract ? vm.binop(BinOp::Sub, dict_get0(vm, d, k), v)
                                      : vm.binop(BinOp::Add, v, dict_get0(vm, d, k)));
            }
        } else {
            vm.iterate(src, [&](const Value& k) {
                int64_t h = vm.hash(k);
                Value* cur = dict_find(vm, d, k, h);
                Value nv;
                if (!cur)
                    nv = Value::integer(subtract ? -1 : 1);
                else if (cur->tag == Tag::Int && cur->i > INT64_MIN + 1 && cur->i < INT64_MAX - 1)
                    nv = Value::integer(cur->i + (subtract ? -1 : 1));
                else
                    nv = vm.binop(subtract ? BinOp::Sub : BinOp::Add, *cur, Value::integer(1));
                dict_set(vm, d, k, nv, h);
            });
        }
    }
    add_kw();
}

NATIVE(counter_ctor) {
    Value r = new_dict_of(ct.counter);
    counter_update_impl(vm, r.as<Dict>(), a, 0, false);
    return r;
}
NATIVE(counter_update) {
    counter_update_impl(vm, self_dict(vm, a, ct.counter, "update"), a, 1, false);
    return Value();
}
NATIVE(counter_subtract) {
    counter_update_impl(vm, self_dict(vm, a, ct.counter, "subtract"), a, 1, true);
    return Value();
}
NATIVE(counter_missing) { return Value::integer(0); }

std::vector<Value> counter_sorted_items(VM& vm, Dict* d) {
    std::vector<Value> items;
    dict_each(d, [&](const Value& k, const Value& v) { items.push_back(vm.new_tuple({k, v})); });
    // sorted(items, key=itemgetter(1), reverse=True)
    Value key = vm.new_native("itemgetter1", [](VM& vm, Args& a) -> Value {
        (void)vm;
        return a[0].as<Tuple>()->items[1];
    });
    sort_values(vm, items, &key, true);
    return items;
}
NATIVE(counter_most_common) {
    Dict* d = self_dict(vm, a, ct.counter, "most_common");
    const Value* nv = arg_at(vm, a, 1, "n");
    std::vector<Value> items = counter_sorted_items(vm, d);
    if (nv && !nv->is_none()) {
        int64_t n = vm.to_index(*nv);
        if (n < 0) n = 0;
        if (size_t(n) < items.size()) items.resize(size_t(n));
    }
    return vm.new_list(std::move(items));
}
NATIVE(counter_elements) {
    Dict* d = self_dict(vm, a, ct.counter, "elements");
    std::vector<Value> out;
    dict_each(d, [&](const Value& k, const Value& v) {
        int64_t n = vm.to_index(v);
        for (int64_t i = 0; i < n; ++i) out.push_back(k);
    });
    return vm.iter(vm.new_list(std::move(out)));
}
NATIVE(counter_total) {
    Dict* d = self_dict(vm, a, ct.counter, "total");
    Value s = Value::integer(0);
    dict_each(d, [&](const Value&, const Value& v) { s = vm.binop(BinOp::Add, s, v); });
    return s;
}
NATIVE(counter_copy) {
    Dict* d = self_dict(vm, a, ct.counter, "copy");
    Value r = new_dict_of(a[0].o->type);
    dict_each(d, [&](const Value& k, const Value& v) { dict_set(vm, r.as<Dict>(), k, v); });
    return r;
}
NATIVE(counter_repr) {
    Dict* d = self_dict(vm, a, ct.counter, "__repr__");
    const std::string& name = a[0].o->type->name;
    if (d->used == 0) return vm.str(name + "()");
    std::vector<Value> items;
    try {
        items = counter_sorted_items(vm, d);
    } catch (PyExc& e) {
        if (!vm.isinstance(e.exc, vm.t.TypeError)) throw;
        items.clear();
        dict_each(d, [&](const Value& k, const Value& v) {
            items.push_back(vm.new_tuple({k, v}));
        });
    }
    std::string s = name + "({";
    for (size_t i = 0; i < items.size(); ++i) {
        auto& t = items[i].as<Tuple>()->items;
        if (i) s += ", ";
        s += vm.repr(t[0]) + ": " + vm.repr(t[1]);
    }
    return vm.str(s + "})");
}

bool is_counter(const Value& v) { return v.is_obj() && type_named(v.o->type, "Counter"); }
bool positive(VM& vm, const Value& v) { return vm.less(Value::integer(0), v); }
bool negative(VM& vm, const Value& v) { return vm.less(v, Value::integer(0)); }

// Counter + - | & (CPython's __add__ ... : keep only positive counts).
Value counter_binop(VM& vm, Args& a, int op) {
    if (a.n != 2 || !is_counter(a[0]) || !is_counter(a[1])) return vm.NotImplemented;
    Dict* x = a[0].as<Dict>();
    Dict* y = a[1].as<Dict>();
    Value r = new_dict_of(ct.counter);
    Dict* rd = r.as<Dict>();
    dict_each(x, [&](const Value& k, const Value& c) {
        Value oc = dict_get0(vm, y, k);
        Value nc;
        switch (op) {
        case 0: nc = vm.binop(BinOp::Add, c, oc); break;
        case 1: nc = vm.binop(BinOp::Sub, c, oc); break;
        case 2: nc = vm.less(c, oc) ? oc : c; break;
        default: nc = vm.less(c, oc) ? c : oc; break;
        }
        if (positive(vm, nc)) dict_set(vm, rd, k, nc);
    });
    if (op == 3) return r;
    dict_each(y, [&](const Value& k, const Value& c) {
        if (dict_find(vm, x, k)) return;
        if (op == 1) {
            if (negative(vm, c)) dict_set(vm, rd, k, vm.binop(BinOp::Sub, Value::integer(0), c));
        } else if (positive(vm, c)) {
            dict_set(vm, rd, k, c);
        }
    });
    return r;
}
NATIVE(counter_add) { return counter_binop(vm, a, 0); }
NATIVE(counter_sub) { return counter_binop(vm, a, 1); }
NATIVE(counter_or) { return counter_binop(vm, a, 2); }
NATIVE(counter_and) { return counter_binop(vm, a, 3); }
Value counter_unary(VM& vm, Args& a, bool neg) {
    Dict* d = self_dict(vm, a, ct.counter, neg ? "__neg__" : "__pos__");
    Value r = new_dict_of(ct.counter);
    dict_each(d, [&](const Value& k, const Value& c) {
        if (!neg && positive(vm, c)) dict_set(vm, r.as<Dict>(), k, c);
        if (neg && negative(vm, c))
            dict_set(vm, r.as<Dict>(), k, vm.binop(BinOp::Sub, Value::integer(0), c));
    });
    return r;
}
NATIVE(counter_pos) { return counter_unary(vm, a, false); }
NATIVE(counter_neg) { return counter_unary(vm, a, true); }
NATIVE(counter_eq) {
    if (a.n != 2 || !is_counter(a[0]) || !is_counter(a[1])) return vm.NotImplemented;
    Dict* x = a[0].as<Dict>();
    Dict* y = a[1].as<Dict>();
    bool same = true;
    for (auto pq : {std::pair{x, y}, std::pair{y, x}}) {
        Dict* q = pq.second; // clang 14 cannot capture structured bindings
        dict_each(pq.first, [&](const Value& k, const Value& c) {
            if (same && !vm.eq(c, dict_get0(vm, q, k))) same = false;
        });
    }
    return Value::boolean(same);
}
NATIVE(counter_ne) {
    Value r = counter_eq(vm, a);
    if (r.is_bool()) return Value::boolean(!r.b);
    return r;
}
NATIVE(counter_delitem) {
    Dict* d = self_dict(vm, a, ct.counter, "__delitem__");
    dict_del(vm, d, a[1]);
    return Value();
}
NATIVE(counter_fromkeys) {
    vm.raise(vm.t.NotImplementedError,
             "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.");
}

// -------------------------------------------------------------------------------- defaultdict
NATIVE(defaultdict_ctor) {
    Value r = new_dict_of(ct.defaultdict);
    Dict* d = r.as<Dict>();
    if (a.n >= 1) {
        const Value& f = a[0];
        bool callable = f.is_obj() &&
                        (f.o->type == vm.t.function || f.o->type == vm.t.native ||
                         f.o->type == vm.t.bound || f.o->type == vm.t.type ||
                         f.o->type->is_subtype(vm.t.type) || vm.type_of(f)->lookup(vm.n.__call__));
        if (!f.is_none() && !callable) vm.type_error("first argument must be callable or None");
        d->default_factory = f;
    }
    if (a.n > 2) vm.type_error("dict expected at most 1 argument, got " + std::to_string(a.n - 1));
    if (a.n == 2) dict_update_from(vm, d, a[1]);
    for (int k = 0; k < a.nkw; ++k) dict_set(vm, d, Value(a.kwn[k]), a.kwv[k]);
    return r;
}
NATIVE(defaultdict_missing) {
    Dict* d = self_dict(vm, a, ct.defaultdict, "__missing__");
    if (d->default_factory.is_none()) raise_key_error(vm, a[1]);
    Value v = vm.call(d->default_factory, {});
    dict_set(vm, d, a[1], v);
    return v;
}
std::string dict_body_repr(VM& vm, Dict* d) {
    std::string s = "{";
    bool first = true;
    dict_each(d, [&](const Value& k, const Value& v) {
        if (!first) s += ", ";
        first = false;
        s += vm.repr(k) + ": " + vm.repr(v);
    });
    return s + "}";
}
NATIVE(defaultdict_repr) {
    Dict* d = self_dict(vm, a, ct.defaultdict, "__repr__");
    return vm.str(a[0].o->type->name + "(" + vm.repr(d->default_factory) + ", " +
                  dict_body_repr(vm, d) + ")");
}
NATIVE(defaultdict_copy) {
    Dict* d = self_dict(vm, a, ct.defaultdict, "copy");
    Value r = new_dict_of(a[0].o->type);
    r.as<Dict>()->default_factory = d->default_factory;
    dict_each(d, [&](const Value& k, const Value& v) { dict_set(vm, r.as<Dict>(), k, v); });
    return r;
}
NATIVE(defaultdict_factory) {
    return self_dict(vm, a, ct.defaultdict, "default_factory")->default_factory;
}

// -------------------------------------------------------------------------------- OrderedDict
NATIVE(odict_ctor) {
    Value r = new_dict_of(ct.ordereddict);
    if (a.n > 1) vm.type_error("expected at most 1 arguments, got " + std::to_string(a.n));
    if (a.n == 1) dict_update_from(vm, r.as<Dict>(), a[0]);
    for (int k = 0; k < a.nkw; ++k) dict_set(vm, r.as<Dict>(), Value(a.kwn[k]), a.kwv[k]);
    return r;
}
NATIVE(odict_repr) {
    Dict* d = self_dict(vm, a, ct.ordereddict, "__repr__");
    const std::string& name = a[0].o->type->name;
    if (d->used == 0) return vm.str(name + "()");
    std::string s = name + "([";
    bool first = true;
    dict_each(d, [&](const Value& k, const Value& v) {
        if (!first) s += ", ";
        first = false;
        s += "(" + vm.repr(k) + ", " + vm.repr(v) + ")";
    });
    return vm.str(s + "])");
}
NATIVE(odict_move_to_end) {
    Dict* d = self_dict(vm, a, ct.ordereddict, "move_to_end");
    if (a.n < 2) vm.type_error("move_to_end() missing required argument 'key' (pos 1)");
    const Value* lastv = arg_at(vm, a, 2, "last");
    bool last = lastv ? vm.truthy(*lastv) : true;
    Value key = a[1];
    Value* v = dict_find(vm, d, key);
    if (!v) raise_key_error(vm, key);
    Value val = *v;
    dict_del(vm, d, key);
    if (last) {
        dict_set(vm, d, key, val);
        return Value();
    }
    std::vector<std::pair<Value, Value>> rest;
    dict_each(d, [&](const Value& k, const Value& x) { rest.push_back({k, x}); });
    dict_clear(d);
    dict_set(vm, d, key, val);
    for (auto& [k, x] : rest) dict_set(vm, d, k, x);
    return Value();
}
NATIVE(odict_popitem) {
    Dict* d = self_dict(vm, a, ct.ordereddict, "popitem");
    const Value* lastv = arg_at(vm, a, 1, "last");
    bool last = lastv ? vm.truthy(*lastv) : true;
    if (d->used == 0) raise_key_error(vm, vm.str("dictionary is empty"));
    Value key, val;
    bool got = false;
    dict_each(d, [&](const Value& k, const Value& v) {
        if (!last && got) return;
        key = k;
        val = v;
        got = true;
    });
    dict_del(vm, d, key);
    return vm.new_tuple({key, val});
}
NATIVE(odict_copy) {
    Dict* d = self_dict(vm, a, ct.ordereddict, "copy");
    Value r = new_dict_of(a[0].o->type);
    dict_each(d, [&](const Value& k, const Value& v) { dict_set(vm, r.as<Dict>(), k, v); });
    return r;
}
NATIVE(odict_eq) {
    if (a.n != 2) return vm.NotImplemented;
    if (!a[1].is_obj() || !a[1].o->type->is_subtype(vm.t.dict)) return vm.NotImplemented;
    Dict* x = a[0].as<Dict>();
    Dict* y = a[1].as<Dict>();
    if (x->used != y->used) return Value::boolean(false);
    if (a[1].o->type->is_subtype(ct.ordereddict)) {
        std::vector<std::pair<Value, Value>> p, q;
        dict_each(x, [&](const Value& k, const Value& v) { p.push_back({k, v}); });
        dict_each(y, [&](const Value& k, const Value& v) { q.push_back({k, v}); });
        for (size_t i = 0; i < p.size(); ++i)
            if (!vm.eq(p[i].first, q[i].first) || !vm.eq(p[i].second, q[i].second))
                return Value::boolean(false);
        return Value::boolean(true);
    }
    bool same = true;
    dict_each(x, [&](const Value& k, const Value& v) {
        if (!same) return;
        Value* o = dict_find(vm, y, k);
        if (!o || !vm.eq(v, *o)) same = false;
    });
    return Value::boolean(same);
}

void init_collections(VM& vm, const Value& m) {
    ct.counter = module_type(vm, "Counter", "collections", vm.t.dict, counter_ctor);
    Type* c = ct.counter;
    static const VM::MethodDef kCounterMethods[] = {
        {"update", counter_update},       {"subtract", counter_subtract},
        {"__missing__", counter_missing}, {"most_common", counter_most_common},
        {"elements", counter_elements},   {"total", counter_total},
        {"copy", counter_copy},           {"__repr__", counter_repr},
        {"__add__", counter_add},         {"__sub__", counter_sub},
        {"__or__", counter_or},           {"__and__", counter_and},
        {"__pos__", counter_pos},         {"__neg__", counter_neg},
        {"__eq__", counter_eq},           {"__ne__", counter_ne},
        {"__delitem__", counter_delitem},
    };
    vm.add_methods(c, kCounterMethods);
    vm.add_attr(
        c, "fromkeys",
        Value(new ClassMethod(vm.t.classmethod, vm.new_native("fromkeys", counter_fromkeys))));
    vm.set_global(m, "Counter", Value(static_cast<Obj*>(c)));

    ct.defaultdict =
        module_type(vm, "defaultdict", "collections", vm.t.dict, defaultdict_ctor, true);
    Type* dd = ct.defaultdict;
    vm.add_method(dd, "__missing__", defaultdict_missing);
    vm.add_method(dd, "__repr__", defaultdict_repr);
    vm.add_method(dd, "copy", defaultdict_copy);
    add_getter(vm, dd, "default_factory", defaultdict_factory);
    vm.set_global(m, "defaultdict", Value(static_cast<Obj*>(dd)));

    ct.ordereddict = module_type(vm, "OrderedDict", "collections", vm.t.dict, odict_ctor, true);
    Type* od = ct.ordereddict;
    static const VM::MethodDef kOrderedDictMethods[] = {
        {"__repr__", odict_repr},   {"move_to_end", odict_move_to_end},
        {"popitem", odict_popitem}, {"copy", odict_copy},
        {"__eq__", odict_eq},
    };
    vm.add_methods(od, kOrderedDictMethods);
    vm.set_global(m, "OrderedDict", Value(static_cast<Obj*>(od)));

    init_deque(vm, m);
    init_namedtuple(vm, m);
}

} // namespace

void register_collections_module(VM& vm) { vm.register_module("collections", init_collections); }

} // namespace lmpy
