// collections.deque: a double-ended queue over std::deque<Value> with an optional maxlen
// (appending to a full deque drops from the other end, as CPython). Iterators remember the
// deque's mutation count and raise "deque mutated during iteration" like CPython's.
#include "py/modules/modutil.h"
#include <deque>

namespace lmpy {

namespace {

struct DequeObj : Obj {
    std::deque<Value> items;
    int64_t maxlen = -1; // -1 = unbounded
    uint64_t state = 0;  // bumped on every mutation (iterators check it)
    explicit DequeObj(Type* t) : Obj(t) {}
};

struct DequeIter : Iter {
    Value dq;
    size_t i = 0;
    uint64_t state;
    bool reverse;
    DequeIter(Type* t, Value d, bool rev)
        : Iter(t), dq(std::move(d)), state(dq.as<DequeObj>()->state), reverse(rev) {}
    bool next(VM& vm, Value& out) override {
        DequeObj* d = dq.as<DequeObj>();
        if (d->state != state) vm.raise(vm.t.RuntimeError, "deque mutated during iteration");
        if (i >= d->items.size()) return false;
        out = reverse ? d->items[d->items.size() - 1 - i] : d->items[i];
        ++i;
        return true;
    }
};

struct DequeTypes {
    Type *deque = nullptr, *iter = nullptr, *riter = nullptr;
};
#define DT per_vm<DequeTypes>(vm)

#define NATIVE(name) Value name(VM& vm, Args& a)

DequeObj* self_dq(VM& vm, Args& a, const char* meth) {
    if (a.n < 1 || !a[0].is_obj() || !type_named(a[0].o->type, "deque"))
        vm.type_error(std::string("descriptor '") + meth +
                      "' for 'collections.deque' objects doesn't apply to a '" +
                      (a.n ? vm.type_name(a[0]) : std::string("NoneType")) + "' object");
    return a[0].as<DequeObj>();
}

void push_back(DequeObj* d, const Value& v) {
    if (d->maxlen == 0) return;
    d->items.push_back(v);
    if (d->maxlen >= 0 && int64_t(d->items.size()) > d->maxlen) d->items.pop_front();
    ++d->state;
}
void push_front(DequeObj* d, const Value& v) {
    if (d->maxlen == 0) return;
    d->items.push_front(v);
    if (d->maxlen >= 0 && int64_t(d->items.size()) > d->maxlen) d->items.pop_back();
    ++d->state;
}

NATIVE(deque_ctor) {
    check_kwargs(vm, "deque", a, {"iterable", "maxlen"});
    if (a.n > 2)
        vm.type_error("deque() takes at most 2 arguments (" + std::to_string(a.n) + " given)");
    auto* d = new DequeObj(DT.deque);
    Value r(d);
    const Value* ml = arg_at(vm, a, 1, "maxlen");
    if (ml && !ml->is_none()) {
        if (!is_int(vm, *ml)) vm.type_error("an integer is required");
        d->maxlen = vm.to_index(*ml);
        if (d->maxlen < 0) vm.value_error("maxlen must be non-negative");
    }
    const Value* it = arg_at(vm, a, 0, "iterable");
    if (it && !it->is_none()) vm.iterate(*it, [&](const Value& v) { push_back(d, v); });
    return r;
}
NATIVE(deque_append) {
    check_nargs(vm, "append", a, 2, 2);
    push_back(self_dq(vm, a, "append"), a[1]);
    return Value();
}
NATIVE(deque_appendleft) {
    check_nargs(vm, "appendleft", a, 2, 2);
    push_front(self_dq(vm, a, "appendleft"), a[1]);
    return Value();
}
NATIVE(deque_pop) {
    DequeObj* d = self_dq(vm, a, "pop");
    if (d->items.empty()) vm.index_error("pop from an empty deque");
    Value v = d->items.back();
    d->items.pop_back();
    ++d->state;
    return v;
}
NATIVE(deque_popleft) {
    DequeObj* d = self_dq(vm, a, "popleft");
    if (d->items.empty()) vm.index_error("pop from an empty deque");
    Value v = d->items.front();
    d->items.pop_front();
    ++d->state;
    return v;
}
NATIVE(deque_extend) {
    DequeObj* d = self_dq(vm, a, "extend");
    check_nargs(vm, "extend", a, 2, 2);
    std::vector<Value> src = vm.to_vector(a[1]);
    for (auto& v : src) push_back(d, v);
    return Value();
}
NATIVE(deque_extendleft) {
    DequeObj* d = self_dq(vm, a, "extendleft");
    check_nargs(vm, "extendleft", a, 2, 2);
    std::vector<Value> src = vm.to_vector(a[1]);
    for (auto& v : src) push_front(d, v);
    return Value();
}
NATIVE(deque_rotate) {
    DequeObj* d = self_dq(vm, a, "rotate");
    int64_t n = a.n > 1 ? vm.to_index(a[1]) : 1;
    int64_t len = int64_t(d->items.size());
    if (len <= 1) return Value();
    n %= len;
    if (n < 0) n += len;
    std::rotate(d->items.begin(), d->items.begin() + (len - n), d->items.end());
    ++d->state;
    return Value();
}
NATIVE(deque_clear) {
    DequeObj* d = self_dq(vm, a, "clear");
    d->items.clear();
    ++d->state;
    return Value();
}
NATIVE(deque_count) {
    DequeObj* d = self_dq(vm, a, "count");
    check_nargs(vm, "count", a, 2, 2);
    int64_t c = 0;
    std::vector<Value> items(d->items.begin(), d->items.end());
    for (auto& v : items)
        if (v.same(a[1]) || vm.eq(v, a[1])) ++c;
    return Value::integer(c);
}
NATIVE(deque_index) {
    DequeObj* d = self_dq(vm, a, "index");
    if (a.n < 2) vm.type_error("index expected at least 1 argument, got 0");
    int64_t len = int64_t(d->items.size());
    int64_t start = a.n > 2 ? vm.to_index(a[2]) : 0, stop = a.n > 3 ? vm.to_index(a[3]) : len;
    if (start < 0) start = std::max<int64_t>(0, start + len);
    if (stop < 0) stop = std::max<int64_t>(0, stop + len);
    stop = std::min(stop, len);
    for (int64_t i = start; i < stop; ++i) {
        Value v = d->items[size_t(i)];
        if (v.same(a[1]) || vm.eq(v, a[1])) return Value::integer(i);
    }
    vm.value_error(vm.repr(a[1]) + " is not in deque");
}
NATIVE(deque_remove) {
    DequeObj* d = self_dq(vm, a, "remove");
    check_nargs(vm, "remove", a, 2, 2);
    for (size_t i = 0; i < d->items.size(); ++i) {
        Value v = d->items[i];
        if (v.same(a[1]) || vm.eq(v, a[1])) {
            d->items.erase(d->items.begin() + long(i));
            ++d->state;
            return Value();
        }
    }
    vm.value_error(vm.repr(a[1]) + " is not in deque");
}
NATIVE(deque_insert) {
    DequeObj* d = self_dq(vm, a, "insert");
    check_nargs(vm, "insert", a, 3, 3);
    int64_t len = int64_t(d->items.size());
    if (d->maxlen >= 0 && len >= d->maxlen) vm.index_error("deque already at its maximum size");
    int64_t i = vm.to_index(a[1]);
    if (i < 0) i = std::max<int64_t>(0, i + len);
    i = std::min(i, len);
    d->items.insert(d->items.begin() + long(i), a[2]);
    ++d->state;
    return Value();
}
NATIVE(deque_reverse) {
    DequeObj* d = self_dq(vm, a, "reverse");
    std::reverse(d->items.begin(), d->items.end());
    ++d->state;
    return Value();
}
NATIVE(deque_copy) {
    DequeObj* d = self_dq(vm, a, "copy");
    auto* c = new DequeObj(a[0].o->type);
    Value r(c);
    c->items = d->items;
    c->maxlen = d->maxlen;
    return r;
}
NATIVE(deque_maxlen) {
    DequeObj* d = self_dq(vm, a, "maxlen");
    return d->maxlen < 0 ? Value() : Value::integer(d->maxlen);
}
NATIVE(deque_len) { return Value::integer(int64_t(self_dq(vm, a, "__len__")->items.size())); }
NATIVE(deque_bool) { return Value::boolean(!self_dq(vm, a, "__bool__")->items.empty()); }
size_t deque_pos(VM& vm, DequeObj* d, const Value& key) {
    if (!is_int(vm, key) && !(key.is_obj() && vm.type_of(key)->lookup(vm.n.__index__)))
        vm.type_error("sequence index must be integer, not '" + vm.type_name(key) + "'");
    int64_t i = vm.to_index(key);
    int64_t len = int64_t(d->items.size());
    if (i < 0) i += len;
    if (i < 0 || i >= len) vm.index_error("deque index out of range");
    return size_t(i);
}
NATIVE(deque_getitem) {
    DequeObj* d = self_dq(vm, a, "__getitem__");
    return d->items[deque_pos(vm, d, a[1])];
}
NATIVE(deque_setitem) {
    DequeObj* d = self_dq(vm, a, "__setitem__");
    d->items[deque_pos(vm, d, a[1])] = a[2];
    return Value();
}
NATIVE(deque_delitem) {
    DequeObj* d = self_dq(vm, a, "__delitem__");
    d->items.erase(d->items.begin() + long(deque_pos(vm, d, a[1])));
    ++d->state;
    return Value();
}
NATIVE(deque_contains) {
    DequeObj* d = self_dq(vm, a, "__contains__");
    std::vector<Value> items(d->items.begin(), d->items.end());
    for (auto& v : items)
        if (v.same(a[1]) || vm.eq(v, a[1])) return Value::boolean(true);
    return Value::boolean(false);
}
NATIVE(deque_iter) { return Value(new DequeIter(DT.iter, a[0], false)); }
NATIVE(deque_reversed) { return Value(new DequeIter(DT.riter, a[0], true)); }
NATIVE(deque_repr) {
    DequeObj* d = self_dq(vm, a, "__repr__");
    std::string s = a[0].o->type->name + "([";
    std::vector<Value> items(d->items.begin(), d->items.end());
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) s += ", ";
        s += vm.repr(items[i]);
    }
    s += "]";
    if (d->maxlen >= 0) s += ", maxlen=" + std::to_string(d->maxlen);
    return vm.str(s + ")");
}
Value deque_cmp(VM& vm, Args& a, CmpOp op) {
    if (a.n != 2 || !a[1].is_obj() || !type_named(a[1].o->type, "deque")) return vm.NotImplemented;
    DequeObj* x = a[0].as<DequeObj>();
    DequeObj* y = a[1].as<DequeObj>();
    Value l = vm.new_list(std::vector<Value>(x->items.begin(), x->items.end()));
    Value r = vm.new_list(std::vector<Value>(y->items.begin(), y->items.end()));
    return vm.compare(op, l, r);
}
NATIVE(deque_eq) { return deque_cmp(vm, a, CmpOp::Eq); }
NATIVE(deque_ne) { return deque_cmp(vm, a, CmpOp::Ne); }
NATIVE(deque_lt) { return deque_cmp(vm, a, CmpOp::Lt); }
NATIVE(deque_le) { return deque_cmp(vm, a, CmpOp::Le); }
NATIVE(deque_gt) { return deque_cmp(vm, a, CmpOp::Gt); }
NATIVE(deque_ge) { return deque_cmp(vm, a, CmpOp::Ge); }
NATIVE(deque_iadd) {
    DequeObj* d = self_dq(vm, a, "__iadd__");
    std::vector<Value> src = vm.to_vector(a[1]);
    for (auto& v : src) push_back(d, v);
    return a[0];
}

} // namespace

void init_deque(VM& vm, const Value& m) {
    Type* t = module_type(vm, "deque", "collections", nullptr, deque_ctor, true);
    DT.deque = t;
    DT.iter = module_type(vm, "_deque_iterator", "builtins");
    DT.riter = module_type(vm, "_deque_reverse_iterator", "builtins");
    struct {
        const char* name;
        NativeFn fn;
    } ms[] = {{"append", deque_append},
              {"appendleft", deque_appendleft},
              {"pop", deque_pop},
              {"popleft", deque_popleft},
              {"extend", deque_extend},
              {"extendleft", deque_extendleft},
              {"rotate", deque_rotate},
              {"clear", deque_clear},
              {"count", deque_count},
              {"index", deque_index},
              {"remove", deque_remove},
              {"insert", deque_insert},
              {"reverse", deque_reverse},
              {"copy", deque_copy},
              {"__copy__", deque_copy},
              {"__len__", deque_len},
              {"__bool__", deque_bool},
              {"__getitem__", deque_getitem},
              {"__setitem__", deque_setitem},
              {"__delitem__", deque_delitem},
              {"__contains__", deque_contains},
              {"__iter__", deque_iter},
              {"__reversed__", deque_reversed},
              {"__repr__", deque_repr},
              {"__eq__", deque_eq},
              {"__ne__", deque_ne},
              {"__lt__", deque_lt},
              {"__le__", deque_le},
              {"__gt__", deque_gt},
              {"__ge__", deque_ge},
              {"__iadd__", deque_iadd}};
    for (auto& x : ms) vm.add_method(t, x.name, x.fn);
    vm.add_attr(t, "__hash__", Value());
    add_getter(vm, t, "maxlen", deque_maxlen);
    vm.set_global(m, "deque", Value(static_cast<Obj*>(t)));
}

} // namespace lmpy
