// The `heapq` module: CPython's sift-up/sift-down algorithms (heapq.py / _heapqmodule.c)
// comparing with `<` only, so the heap layout, tie order and which __lt__ calls happen are
// CPython's. nlargest/nsmallest follow heapq.py exactly: the n == 1 shortcut through max/min,
// sorted() when n >= len, and otherwise a heap of decorated tuples (elem, order) or
// (key, order, elem) -- decorations make ties resolve by input order as in CPython.
#include "py/modules/modutil.h"

namespace lmpy {

namespace {

#define NATIVE(name) Value name(VM& vm, Args& a)

std::vector<Value>& heap_arg(VM& vm, Args& a, const char* fname, int nargs) {
    check_nargs(vm, fname, a, nargs, nargs);
    if (!a[0].is_obj() || !a[0].o->type->is_subtype(vm.t.list))
        vm.type_error(std::string(fname) + "() argument 1 must be list, not " + vm.type_name(a[0]));
    return a[0].as<List>()->items;
}

bool lt(VM& vm, const Value& x, const Value& y, bool max) {
    return max ? vm.less(y, x) : vm.less(x, y);
}

// The list may change size under a comparison that runs Python code; index checks keep us safe.
void check_size(VM& vm, std::vector<Value>& h, size_t need) {
    if (h.size() < need) vm.raise(vm.t.RuntimeError, "list changed size during iteration");
}

void siftdown(VM& vm, std::vector<Value>& h, size_t start, size_t pos, bool max) {
    check_size(vm, h, pos + 1);
    Value item = h[pos];
    while (pos > start) {
        size_t parentpos = (pos - 1) >> 1;
        Value parent = h[parentpos];
        bool less = lt(vm, item, parent, max);
        check_size(vm, h, pos + 1);
        if (!less) break;
        h[pos] = parent;
        pos = parentpos;
    }
    h[pos] = item;
}

void siftup(VM& vm, std::vector<Value>& h, size_t pos, bool max) {
    size_t end = h.size(), start = pos;
    check_size(vm, h, pos + 1);
    Value item = h[pos];
    size_t child = 2 * pos + 1;
    while (child < end) {
        size_t right = child + 1;
        if (right < end) {
            Value c = h[child], r = h[right];
            bool less = lt(vm, c, r, max);
            check_size(vm, h, end);
            if (!less) child = right;
        }
        h[pos] = h[child];
        pos = child;
        child = 2 * pos + 1;
    }
    h[pos] = item;
    siftdown(vm, h, start, pos, max);
}

void heapify_impl(VM& vm, std::vector<Value>& h, bool max) {
    for (size_t i = h.size() / 2; i-- > 0;) siftup(vm, h, i, max);
}

NATIVE(hq_heappush) {
    auto& h = heap_arg(vm, a, "heappush", 2);
    h.push_back(a[1]);
    siftdown(vm, h, 0, h.size() - 1, false);
    return Value();
}
Value pop_impl(VM& vm, std::vector<Value>& h, bool max) {
    if (h.empty()) vm.index_error("index out of range");
    Value last = h.back();
    h.pop_back();
    if (h.empty()) return last;
    Value ret = h[0];
    h[0] = last;
    siftup(vm, h, 0, max);
    return ret;
}
NATIVE(hq_heappop) { return pop_impl(vm, heap_arg(vm, a, "heappop", 1), false); }
NATIVE(hq_heapify) {
    heapify_impl(vm, heap_arg(vm, a, "heapify", 1), false);
    return Value();
}
NATIVE(hq_heapify_max) {
    heapify_impl(vm, heap_arg(vm, a, "_heapify_max", 1), true);
    return Value();
}
NATIVE(hq_heappop_max) { return pop_impl(vm, heap_arg(vm, a, "_heappop_max", 1), true); }
Value replace_impl(VM& vm, std::vector<Value>& h, const Value& item, bool max) {
    if (h.empty()) vm.index_error("index out of range");
    Value ret = h[0];
    h[0] = item;
    siftup(vm, h, 0, max);
    return ret;
}
NATIVE(hq_heapreplace) {
    auto& h = heap_arg(vm, a, "heapreplace", 2);
    return replace_impl(vm, h, a[1], false);
}
NATIVE(hq_heapreplace_max) {
    auto& h = heap_arg(vm, a, "_heapreplace_max", 2);
    return replace_impl(vm, h, a[1], true);
}
NATIVE(hq_heappushpop) {
    auto& h = heap_arg(vm, a, "heappushpop", 2);
    Value item = a[1];
    if (h.empty()) return item;
    Value top = h[0];
    if (!vm.less(top, item)) return item;
    check_size(vm, h, 1);
    h[0] = item;
    siftup(vm, h, 0, false);
    return top;
}

// max()/min() with an optional key; `found` false when the iterable is empty.
Value extreme(VM& vm, const Value& iterable, const Value* key, bool largest, bool& found) {
    Value best, bestk;
    found = false;
    vm.iterate(iterable, [&](const Value& x) {
        Value k = key ? vm.call(*key, {x}) : x;
        if (!found) {
            best = x;
            bestk = k;
            found = true;
            return;
        }
        if (vm.truthy(vm.compare(largest ? CmpOp::Gt : CmpOp::Lt, k, bestk))) {
            best = x;
            bestk = k;
        }
    });
    return best;
}

Value nbest(VM& vm, Args& a, bool largest) {
    const char* fname = largest ? "nlargest" : "nsmallest";
    check_kwargs(vm, fname, a, {"key"});
    if (a.n < 2) vm.type_error(std::string(fname) + "() missing required argument");
    int64_t n = vm.to_index(a[0]);
    const Value& iterable = a[1];
    const Value* keyp = a.n > 2 ? &a[2] : a.kw(vm.n.key);
    const Value* key = keyp && !keyp->is_none() ? keyp : nullptr;
    if (n == 1) {
        bool found;
        Value r = extreme(vm, iterable, key, largest, found);
        return found ? vm.new_list({r}) : vm.new_list();
    }
    int64_t size = -1;
    try {
        size = vm.len(iterable);
    } catch (PyExc& e) {
        if (!vm.isinstance(e.exc, vm.t.TypeError) && !vm.isinstance(e.exc, vm.t.AttributeError))
            throw;
    }
    if (size >= 0 && n >= size) {
        std::vector<Value> items = vm.to_vector(iterable);
        sort_values(vm, items, key, largest);
        if (int64_t(items.size()) > n) items.resize(size_t(n));
        return vm.new_list(std::move(items));
    }
    Value it = vm.iter(iterable);
    std::vector<Value> result;
    int64_t order = 0;
    Value elem;
    for (int64_t i = 0; i < n; ++i) {
        if (!vm.next(it, elem)) break;
        Value ord = Value::integer(largest ? -i : i);
        result.push_back(key ? vm.new_tuple({vm.call(*key, {elem}), ord, elem})
                             : vm.new_tuple({elem, ord}));
    }
    if (result.empty()) return vm.new_list();
    heapify_impl(vm, result, !largest);
    Value top = result[0].as<Tuple>()->items[0];
    order = largest ? -n : n;
    while (vm.next(it, elem)) {
        Value k = key ? vm.call(*key, {elem}) : elem;
        bool better = largest ? vm.less(top, k) : vm.less(k, top);
        if (better) {
            Value ord = Value::integer(order);
            replace_impl(vm, result, key ? vm.new_tuple({k, ord, elem}) : vm.new_tuple({k, ord}),
                         !largest);
            top = result[0].as<Tuple>()->items[0];
            order += largest ? -1 : 1;
        }
    }
    sort_values(vm, result, nullptr, largest);
    std::vector<Value> out;
    for (auto& t : result) out.push_back(t.as<Tuple>()->items[key ? 2 : 0]);
    return vm.new_list(std::move(out));
}
NATIVE(hq_nlargest) { return nbest(vm, a, true); }
NATIVE(hq_nsmallest) { return nbest(vm, a, false); }

NATIVE(hq_merge) {
    check_kwargs(vm, "merge", a, {"key", "reverse"});
    const Value* keyp = a.kw(vm.n.key);
    const Value* key = keyp && !keyp->is_none() ? keyp : nullptr;
    const Value* rev = a.kw(vm.n.reverse);
    bool reverse = rev && vm.truthy(*rev);
    // k-way merge: repeatedly take the smallest head; ties go to the earlier iterable.
    std::vector<Value> its, heads, keys;
    std::vector<bool> live;
    for (int i = 0; i < a.n; ++i) {
        its.push_back(vm.iter(a[i]));
        Value v;
        bool ok = vm.next(its.back(), v);
        live.push_back(ok);
        heads.push_back(v);
        keys.push_back(ok && key ? vm.call(*key, {v}) : v);
    }
    std::vector<Value> out;
    while (true) {
        int best = -1;
        for (int i = 0; i < a.n; ++i) {
            if (!live[size_t(i)]) continue;
            if (best < 0 || (reverse ? vm.less(keys[size_t(best)], keys[size_t(i)])
                                     : vm.less(keys[size_t(i)], keys[size_t(best)])))
                best = i;
        }
        if (best < 0) break;
        out.push_back(heads[size_t(best)]);
        Value v;
        if (vm.next(its[size_t(best)], v)) {
            heads[size_t(best)] = v;
            keys[size_t(best)] = key ? vm.call(*key, {v}) : v;
        } else {
            live[size_t(best)] = false;
        }
    }
    return vm.iter(vm.new_list(std::move(out)));
}

void init_heapq(VM& vm, const Value& m) {
    struct {
        const char* name;
        NativeFn fn;
    } fns[] = {{"heappush", hq_heappush},
               {"heappop", hq_heappop},
               {"heapify", hq_heapify},
               {"heapreplace", hq_heapreplace},
               {"heappushpop", hq_heappushpop},
               {"nlargest", hq_nlargest},
               {"nsmallest", hq_nsmallest},
               {"merge", hq_merge},
               {"_heapify_max", hq_heapify_max},
               {"_heappop_max", hq_heappop_max},
               {"_heapreplace_max", hq_heapreplace_max}};
    for (auto& f : fns) vm.set_global(m, f.name, vm.new_native(f.name, f.fn));
}

} // namespace

void register_heapq_module(VM& vm) { vm.register_module("heapq", init_heapq); }

} // namespace lmpy
