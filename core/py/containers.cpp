// Containers: the dict table (insertion-ordered, open-addressed index), the set table (CPython's
// layout and probing so iteration order matches), subscripting, containment, len, the iterator
// objects, and the methods of list, tuple, dict and set.
#include "py/numfmt.h"
#include "py/frame.h"
#include "py/runtime.h"
#include "py/seqiter.h"
#include "size_fn.h"
#include <algorithm>

namespace lmpy {

// ------------------------------------------------------------------------------ dict table
static inline bool key_eq(VM& vm, const Value& a, const Value& b) {
    if (a.same(b)) return true;
    if (a.is_obj() && b.is_obj() && a.o->type == vm.t.str && b.o->type == vm.t.str)
        return a.as<Str>()->s == b.as<Str>()->s;
    if (a.tag == Tag::Int && b.tag == Tag::Int) return a.i == b.i;
    return vm.eq(a, b);
}

static void dict_rebuild(Dict* d, size_t min_size) {
    // compact entries, rebuild index
    std::vector<DictEntry> live;
    live.reserve(d->used);
    for (auto& e : d->entries)
        if (dict_entry_live(e)) live.push_back(std::move(e));
    d->entries = std::move(live);
    size_t n = 8;
    while (n < min_size * 3 / 2 + 1) n <<= 1;
    d->index.assign(n, -1);
    for (size_t i = 0; i < d->entries.size(); ++i) {
        size_t mask = n - 1;
        size_t j = size_t(d->entries[i].hash) & mask;
        uint64_t perturb = uint64_t(d->entries[i].hash);
        while (d->index[j] != -1) {
            perturb >>= 5;
            j = (j * 5 + perturb + 1) & mask;
        }
        d->index[j] = int32_t(i);
    }
}

static int64_t dict_lookup_slot(VM& vm, Dict* d, const Value& key, int64_t h, int64_t* free_slot) {
    if (d->index.empty()) {
        if (free_slot) *free_slot = -1;
        return -1;
    }
    size_t mask = d->index.size() - 1;
    size_t j = size_t(h) & mask;
    uint64_t perturb = uint64_t(h);
    int64_t first_dummy = -1;
    for (;;) {
        int32_t ix = d->index[j];
        if (ix == -1) {
            if (free_slot) *free_slot = first_dummy >= 0 ? first_dummy : int64_t(j);
            return -1;
        }
        if (ix == -2) {
            if (first_dummy < 0) first_dummy = int64_t(j);
        } else {
            DictEntry& e = d->entries[ix];
            if (e.hash == h && key_eq(vm, e.key, key)) return int64_t(j);
        }
        perturb >>= 5;
        j = (j * 5 + perturb + 1) & mask;
    }
}

Value* dict_find(VM& vm, Dict* d, const Value& key, int64_t h) {
    int64_t slot = dict_lookup_slot(vm, d, key, h, nullptr);
    if (slot < 0) return nullptr;
    return &d->entries[d->index[slot]].value;
}

Value* dict_find_str(Dict* d, Str* s) {
    if (d->index.empty()) return nullptr;
    if (s->hash == -1)
        return nullptr; // interned strings always have their hash set on first insert
    int64_t h = s->hash;
    size_t mask = d->index.size() - 1;
    size_t j = size_t(h) & mask;
    uint64_t perturb = uint64_t(h);
    for (;;) {
        int32_t ix = d->index[j];
        if (ix == -1) return nullptr;
        if (ix >= 0) {
            DictEntry& e = d->entries[ix];
            if (e.hash == h && e.key.is_obj() &&
                (e.key.o == s || static_cast<Str*>(e.key.o)->s == s->s))
                return &e.value;
        }
        perturb >>= 5;
        j = (j * 5 + perturb + 1) & mask;
    }
}

void dict_set(VM& vm, Dict* d, const Value& key, const Value& v, int64_t h) {
    if (d->index.empty()) d->index.assign(8, -1);
    int64_t free_slot;
    int64_t slot = dict_lookup_slot(vm, d, key, h, &free_slot);
    if (slot >= 0) {
        d->entries[d->index[slot]].value = v;
        return;
    }
    d->entries.push_back({key, v, h});
    d->index[free_slot] = int32_t(d->entries.size() - 1);
    ++d->used;
    d->version = next_dict_version();
    if (d->entries.size() * 3 >= d->index.size() * 2) dict_rebuild(d, size_t(d->used) * 2);
}

bool dict_del(VM& vm, Dict* d, const Value& key) {
    int64_t h = vm.hash(key);
    int64_t slot = dict_lookup_slot(vm, d, key, h, nullptr);
    if (slot < 0) return false;
    DictEntry& e = d->entries[d->index[slot]];
    e.key = Value();
    e.value = Value::boolean(false);
    e.hash = -1;
    d->index[slot] = -2;
    --d->used;
    d->version = next_dict_version();
    if (d->entries.size() > 16 && size_t(d->used) * 4 < d->entries.size())
        dict_rebuild(d, size_t(d->used));
    return true;
}

void dict_clear(Dict* d) {
    d->entries.clear();
    d->index.clear();
    d->used = 0;
    d->version = next_dict_version();
}

Value dict_copy(VM& vm, Dict* d) {
    Value r = vm.new_dict();
    dict_each(d, [&](const Value& k, const Value& v) { dict_set(vm, r.as<Dict>(), k, v); });
    return r;
}

// ------------------------------------------------------------------------------ set table
// Mirrors CPython's setobject.c: linear probes of up to 9 slots, then perturbed jumps; grows
// to used*4 (used*2 above 50000) when fill*5 >= mask*3.
static constexpr int LINEAR_PROBES = 9;

static SetEntry* set_lookup(VM& vm, Set* s, const Value& key, int64_t h, SetEntry** freeslot) {
    size_t mask = s->table.size() - 1;
    uint64_t perturb = uint64_t(h);
    size_t i = size_t(h) & mask;
    SetEntry* first_dummy = nullptr;
    for (;;) {
        SetEntry* e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        for (;;) {
            if (e->state == 0) {
                if (freeslot) *freeslot = first_dummy ? first_dummy : e;
                return nullptr;
            }
            if (e->state == 1 && e->hash == h && key_eq(vm, e->key, key)) return e;
            if (e->state == 2 && !first_dummy) first_dummy = e;
            if (probes-- <= 0) break;
            ++e;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static void set_resize(VM& vm, Set* s, int64_t minused) {
    size_t newsize = 8;
    while (newsize <= size_t(minused)) newsize <<= 1;
    std::vector<SetEntry> old = std::move(s->table);
    s->table.assign(newsize, SetEntry());
    s->fill = s->used;
    size_t mask = newsize - 1;
    for (auto& e : old) {
        if (e.state != 1) continue;
        uint64_t perturb = uint64_t(e.hash);
        size_t i = size_t(e.hash) & mask;
        for (;;) {
            SetEntry* p = &s->table[i];
            if (p->state == 0) goto found;
            if (i + LINEAR_PROBES <= mask) {
                for (int j = 0; j < LINEAR_PROBES; ++j) {
                    ++p;
                    if (p->state == 0) goto found;
                }
            }
            perturb >>= 5;
            i = (i * 5 + 1 + perturb) & mask;
            continue;
        found:
            p->key = std::move(e.key);
            p->hash = e.hash;
            p->state = 1;
            break;
        }
    }
}

bool set_contains(VM& vm, Set* s, const Value& key) {
    Value k = key;
    if (key.is_obj() && key.o->type == vm.t.set) {
        // set in set: compare as frozenset
        Value fs = vm.new_set(true);
        set_each(key.as<Set>(), [&](const Value& x) { set_add(vm, fs.as<Set>(), x); });
        k = fs;
    }
    return set_lookup(vm, s, k, vm.hash(k), nullptr) != nullptr;
}

void set_add(VM& vm, Set* s, const Value& key) {
    int64_t h = vm.hash(key);
    SetEntry* freeslot = nullptr;
    if (set_lookup(vm, s, key, h, &freeslot)) return;
    bool was_empty = freeslot->state == 0;
    freeslot->key = key;
    freeslot->hash = h;
    freeslot->state = 1;
    ++s->used;
    if (was_empty) {
        ++s->fill;
        size_t mask = s->table.size() - 1;
        if (size_t(s->fill) * 5 >= mask * 3)
            set_resize(vm, s, s->used > 50000 ? s->used * 2 : s->used * 4);
    }
}

// CPython's set_merge: one up-front resize, then a clean insertion in the source's table order
// when the target is empty (this is what makes copies and unions iterate like CPython's).
static void set_insert_clean(Set* s, const Value& key, int64_t h) {
    size_t mask = s->table.size() - 1;
    uint64_t perturb = uint64_t(h);
    size_t i = size_t(h) & mask;
    for (;;) {
        SetEntry* p = &s->table[i];
        if (p->state == 0) {
            p->key = key;
            p->hash = h;
            p->state = 1;
            return;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; ++j) {
                ++p;
                if (p->state == 0) {
                    p->key = key;
                    p->hash = h;
                    p->state = 1;
                    return;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

void set_merge(VM& vm, Set* so, Set* other) {
    if (other == so || other->used == 0) return;
    size_t mask = so->table.size() - 1;
    if (size_t(so->fill + other->used) * 5 >= mask * 3)
        set_resize(vm, so, (so->used + other->used) * 2);
    if (so->fill == 0 && so->table.size() == other->table.size() && other->fill == other->used) {
        so->table = other->table;
        so->fill = other->fill;
        so->used = other->used;
        return;
    }
    if (so->fill == 0) {
        so->fill = other->used;
        so->used = other->used;
        for (auto& e : other->table)
            if (e.state == 1) set_insert_clean(so, e.key, e.hash);
        return;
    }
    std::vector<SetEntry> src = other->table;
    for (auto& e : src)
        if (e.state == 1) set_add(vm, so, e.key);
}

// set.update / set(iterable) as CPython's set_update_internal
void set_update_from(VM& vm, Set* so, const Value& it) {
    if (it.is_obj() && (it.o->type == vm.t.set || it.o->type == vm.t.frozenset)) {
        set_merge(vm, so, it.as<Set>());
        return;
    }
    if (it.is_obj() && it.o->type == vm.t.dict) {
        Dict* d = it.as<Dict>();
        size_t mask = so->table.size() - 1;
        if (size_t(so->fill + d->used) * 5 >= mask * 3)
            set_resize(vm, so, (so->used + d->used) * 2);
        dict_each(d, [&](const Value& k, const Value&) { set_add(vm, so, k); });
        return;
    }
    vm.iterate(it, [&](const Value& v) { set_add(vm, so, v); });
}

bool set_discard(VM& vm, Set* s, const Value& key) {
    SetEntry* e = set_lookup(vm, s, key, vm.hash(key), nullptr);
    if (!e) return false;
    e->key = Value();
    e->state = 2;
    --s->used;
    return true;
}

// ------------------------------------------------------------------------------ slices
void slice_indices(VM& vm, Slice* s, int64_t length, int64_t& start, int64_t& stop, int64_t& step,
                   int64_t& n) {
    auto idx = [&](const Value& v) -> int64_t {
        if (is_int(vm, v) && v.is_obj())
            return to_bigint(vm, v).is_negative() ? INT64_MIN / 2 : INT64_MAX / 2;
        return vm.to_index(v, "slice indices must be integers or None or have an __index__ method");
    };
    step = s->step.is_none() ? 1 : idx(s->step);
    if (step == 0) vm.value_error("slice step cannot be zero");
    int64_t lower = step < 0 ? -1 : 0;
    int64_t upper = step < 0 ? length - 1 : length;
    if (s->start.is_none())
        start = step < 0 ? upper : lower;
    else {
        start = idx(s->start);
        if (start < 0) {
            start += length;
            if (start < lower) start = lower;
        } else if (start > upper)
            start = upper;
    }
    if (s->stop.is_none())
        stop = step < 0 ? lower : upper;
    else {
        stop = idx(s->stop);
        if (stop < 0) {
            stop += length;
            if (stop < lower) stop = lower;
        } else if (stop > upper)
            stop = upper;
    }
    if (step > 0)
        n = stop > start ? (stop - start - 1) / step + 1 : 0;
    else
        n = start > stop ? (start - stop - 1) / (-step) + 1 : 0;
}

// ------------------------------------------------------------------------------ strings
int64_t utf8_len(const std::string& s) {
    int64_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}
std::u32string to_u32(const std::string& s) {
    std::u32string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        unsigned char c = s[i];
        char32_t cp;
        int n;
        if (c < 0x80) {
            cp = c;
            n = 1;
        } else if ((c >> 5) == 6) {
            cp = c & 0x1F;
            n = 2;
        } else if ((c >> 4) == 14) {
            cp = c & 0x0F;
            n = 3;
        } else {
            cp = c & 0x07;
            n = 4;
        }
        for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
        out += cp;
        i += n;
    }
    return out;
}
std::string from_u32(const std::u32string& s) {
    std::string out;
    out.reserve(s.size());
    for (char32_t c : s) utf8_append(out, c);
    return out;
}
static size_t cp_offset(const std::string& s, int64_t cp) {
    size_t i = 0;
    while (cp > 0 && i < s.size()) {
        ++i;
        while (i < s.size() && (s[i] & 0xC0) == 0x80) ++i;
        --cp;
    }
    return i;
}
Value str_index(VM& vm, Str* s, int64_t i) {
    if (s->ascii) return Value(vm.intern(std::string_view(&s->s[i], 1)));
    size_t a = cp_offset(s->s, i);
    size_t b = a + 1;
    while (b < s->s.size() && (s->s[b] & 0xC0) == 0x80) ++b;
    return Value(vm.intern(std::string_view(s->s).substr(a, b - a)));
}
std::string str_slice(Str* s, int64_t start, int64_t stop, int64_t step) {
    if (step == 1) {
        if (stop <= start) return "";
        if (s->ascii) return s->s.substr(start, stop - start);
        size_t a = cp_offset(s->s, start);
        size_t b = a + cp_offset(s->s.substr(a), stop - start);
        return s->s.substr(a, b - a);
    }
    std::string out;
    if (s->ascii) {
        if (step > 0)
            for (int64_t i = start; i < stop; i += step) out += s->s[i];
        else
            for (int64_t i = start; i > stop; i += step) out += s->s[i];
        return out;
    }
    std::u32string u = to_u32(s->s), r;
    if (step > 0)
        for (int64_t i = start; i < stop; i += step) r += u[i];
    else
        for (int64_t i = start; i > stop; i += step) r += u[i];
    return from_u32(r);
}

// ------------------------------------------------------------------------------ subscripting
// (the slow path of indexing: bools, __index__, big ints, out of range). A range compares a
// big int with its bounds (out of range); a sequence cannot take one (`ranged` false).
LMPY_SIZE_FN static int64_t norm_index(VM& vm, const Value& k, int64_t len, const char* what,
                                       bool ranged = false) {
    if (!is_int(vm, k)) {
        Value r;
        if (k.is_obj() && vm.type_of(k)->lookup(vm.n.__index__)) {
            vm.call_dunder(k, vm.n.__index__, nullptr, 0, r);
            return norm_index(vm, r, len, what, ranged);
        }
        vm.type_error(std::string(what) + " indices must be integers or slices, not " +
                      vm.type_name(k));
    }
    if (k.is_obj()) // a big int
        vm.index_error(ranged ? std::string(what) + " index out of range"
                              : "cannot fit 'int' into an index-sized integer");
    int64_t i = k.tag == Tag::Bool ? k.b : k.i;
    if (i < 0) i += len;
    if (i < 0 || i >= len) vm.index_error(std::string(what) + " index out of range");
    return i;
}

Value VM::getitem(const Value& obj, const Value& key) {
    if (obj.is_obj()) {
        Type* ty = obj.o->type;
        bool is_list = listlike(ty, n.__getitem__);
        if (is_list || ty == t.tuple) {
            const auto& items = is_list ? obj.as<List>()->items : obj.as<Tuple>()->items;
            if (key.is_obj() && key.o->type == t.slice) {
                int64_t a, b, s, n;
                slice_indices(*this, key.as<Slice>(), int64_t(items.size()), a, b, s, n);
                std::vector<Value> out;
                out.reserve(n);
                for (int64_t i = 0, j = a; i < n; ++i, j += s) out.push_back(items[j]);
                return is_list ? new_list(std::move(out)) : new_tuple(std::move(out));
            }
            if (key.tag == Tag::Int) {
                int64_t i = key.i;
                int64_t len = int64_t(items.size());
                if (i < 0) i += len;
                if (i >= 0 && i < len) return items[i];
            }
            return items[norm_index(*this, key, int64_t(items.size()), is_list ? "list" : "tuple")];
        }
        if (ty == t.dict) {
            Value* v = dict_find(*this, obj.as<Dict>(), key);
            if (v) return *v;
            Dict* d = obj.as<Dict>();
            if (!d->default_factory.is_none()) {
                Value dv = call(d->default_factory, {});
                dict_set(*this, d, key, dv);
                return dv;
            }
            raise_value(new_key_error(key));
        }
        if (ty == t.str) {
            Str* s = obj.as<Str>();
            if (key.is_obj() && key.o->type == t.slice) {
                int64_t a, b, st_, n;
                slice_indices(*this, key.as<Slice>(), s->len, a, b, st_, n);
                return str(str_slice(s, a, b, st_));
            }
            if (!is_int(*this, key) && !(key.is_obj() && type_of(key)->lookup(n.__index__)))
                type_error("string indices must be integers, not '" + type_name(key) + "'");
            return str_index(*this, s, norm_index(*this, key, s->len, "string"));
        }
        if (ty == t.range) {
            Range* r = obj.as<Range>();
            if (key.is_obj() && key.o->type == t.slice) {
                int64_t a, b, s, n;
                slice_indices(*this, key.as<Slice>(), r->len, a, b, s, n);
                return Value(new Range(t.range, r->start + a * r->step, r->start + b * r->step,
                                       r->step * s));
            }
            return Value::integer(r->start +
                                  norm_index(*this, key, r->len, "range object", true) * r->step);
        }
        Value out;
        if (ty->lookup(n.__getitem__)) {
            call_dunder(obj, n.__getitem__, &key, 1, out);
            return out;
        }
        if (ty->is_subtype(t.dict)) {
            Value* v = dict_find(*this, obj.as<Dict>(), key);
            if (v) return *v;
            if (call_dunder(obj, n.__missing__, &key, 1, out)) return out;
            raise_value(new_key_error(key));
        }
        if (ty == t.type) {
            // typing-style subscription (list[int]) returns the class itself
            return obj;
        }
    }
    type_error("'" + type_name(obj) + "' object is not subscriptable");
}

void VM::setitem(const Value& obj, const Value& key, const Value& v) {
    if (obj.is_obj()) {
        Type* ty = obj.o->type;
        if (listlike(ty, n.__setitem__)) {
            auto& items = obj.as<List>()->items;
            if (key.tag == Tag::Int) { // the common case, as in getitem
                int64_t i = key.i, len = int64_t(items.size());
                if (i < 0) i += len;
                if (i >= 0 && i < len) {
                    items[size_t(i)] = v;
                    return;
                }
            }
            if (key.is_obj() && key.o->type == t.slice) {
                int64_t a, b, s, n;
                slice_indices(*this, key.as<Slice>(), int64_t(items.size()), a, b, s, n);
                std::vector<Value> src = to_vector(v);
                if (s == 1) {
                    if (b < a) b = a;
                    items.erase(items.begin() + a, items.begin() + b);
                    items.insert(items.begin() + a, src.begin(), src.end());
                    return;
                }
                if (int64_t(src.size()) != n)
                    value_error("attempt to assign sequence of size " + std::to_string(src.size()) +
                                " to extended slice of size " + std::to_string(n));
                for (int64_t i = 0, j = a; i < n; ++i, j += s) items[j] = src[i];
                return;
            }
            if (!is_int(*this, key))
                type_error("list indices must be integers or slices, not " + type_name(key));
            items[norm_index(*this, key, int64_t(items.size()), "list assignment")] = v;
            return;
        }
        if (ty == t.dict) {
            dict_set(*this, obj.as<Dict>(), key, v);
            return;
        }
        Value out;
        Value args[2] = {key, v};
        if (ty->lookup(n.__setitem__)) {
            call_dunder(obj, n.__setitem__, args, 2, out);
            return;
        }
        if (ty->is_subtype(t.dict)) {
            dict_set(*this, obj.as<Dict>(), key, v);
            return;
        }
    }
    type_error("'" + type_name(obj) + "' object does not support item assignment");
}

LMPY_SIZE_FN void VM::delitem(const Value& obj, const Value& key) {
    if (obj.is_obj()) {
        Type* ty = obj.o->type;
        if (listlike(ty, n.__delitem__)) {
            auto& items = obj.as<List>()->items;
            if (key.is_obj() && key.o->type == t.slice) {
                int64_t a, b, s, n;
                slice_indices(*this, key.as<Slice>(), int64_t(items.size()), a, b, s, n);
                std::vector<bool> del(items.size(), false);
                for (int64_t i = 0, j = a; i < n; ++i, j += s) del[j] = true;
                std::vector<Value> keep;
                for (size_t i = 0; i < items.size(); ++i)
                    if (!del[i]) keep.push_back(items[i]);
                items = std::move(keep);
                return;
            }
            items.erase(items.begin() +
                        norm_index(*this, key, int64_t(items.size()), "list assignment"));
            return;
        }
        if (ty->is_subtype(t.dict) && !ty->lookup(n.__delitem__)) {
            if (!dict_del(*this, obj.as<Dict>(), key)) {
                raise_value(new_key_error(key));
            }
            return;
        }
        Value out;
        if (call_dunder(obj, n.__delitem__, &key, 1, out)) return;
    }
    type_error("'" + type_name(obj) + "' object doesn't support item deletion");
}

bool VM::contains(const Value& c, const Value& v) {
    if (c.is_obj()) {
        Type* ty = c.o->type;
        if (ty == t.str) {
            if (!v.is_obj() || v.o->type != t.str)
                type_error("'in <string>' requires string as left operand, not " + type_name(v));
            return c.as<Str>()->s.find(v.as<Str>()->s) != std::string::npos;
        }
        bool is_list = listlike(ty, n.__contains__);
        if (is_list || ty == t.tuple) {
            const auto& items = is_list ? c.as<List>()->items : c.as<Tuple>()->items;
            for (size_t i = 0; i < items.size(); ++i)
                if (items[i].same(v) || eq(items[i], v)) return true;
            return false;
        }
        if (ty->is_subtype(t.dict) && !ty->lookup(n.__contains__))
            return dict_find(*this, c.as<Dict>(), v) != nullptr;
        if (ty == t.set || ty == t.frozenset) return set_contains(*this, c.as<Set>(), v);
        if (ty == t.range) {
            Range* r = c.as<Range>();
            if (v.tag == Tag::Int || v.tag == Tag::Bool) {
                int64_t x = v.tag == Tag::Int ? v.i : v.b;
                if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop))
                    return false;
                return (x - r->start) % r->step == 0;
            }
        }
        Value out;
        if (ty->lookup(n.__contains__)) {
            call_dunder(c, n.__contains__, &v, 1, out);
            return truthy(out);
        }
    }
    Type* ty = type_of(c);
    if (!ty->lookup(n.__iter__) && !ty->lookup(n.__getitem__) && !(c.is_obj() && (c.o)->as_iter()))
        type_error("argument of type '" + ty->display() + "' is not iterable");
    bool found = false;
    Value it = iter(c);
    Value x;
    while (next(it, x))
        if (x.same(v) || eq(x, v)) {
            found = true;
            break;
        }
    return found;
}

int64_t VM::len(const Value& v) {
    if (v.is_obj()) {
        Type* ty = v.o->type;
        if (ty == t.str) return v.as<Str>()->len;
        if (listlike(ty, n.__len__)) return int64_t(v.as<List>()->items.size());
        if (ty == t.tuple) return int64_t(v.as<Tuple>()->items.size());
        if (ty->is_subtype(t.dict) && !ty->lookup(n.__len__)) return v.as<Dict>()->used;
        if (ty == t.set || ty == t.frozenset) return v.as<Set>()->used;
        if (ty == t.range) return v.as<Range>()->len;
        Value r;
        if (ty->lookup(n.__len__)) {
            call_dunder(v, n.__len__, nullptr, 0, r);
            if (!is_int(*this, r))
                type_error("'" + type_name(r) + "' object cannot be interpreted as an integer");
            int64_t n_ = to_index(r);
            if (n_ < 0) value_error("__len__() should return >= 0");
            return n_;
        }
    }
    type_error("object of type '" + type_name(v) + "' has no len()");
}

// ------------------------------------------------------------------------------ iterators
bool SeqIter::next(VM& vm, Value& out) {
    // lists, tuples and ranges: the step the bytecode loop also takes inline (py/seqiter.h)
    if (int r = seq_iter_step(this, out); r >= 0) return r == 1;
    switch (kind) {
    case 2: {
        Str* s = seq.as<Str>();
        if (i >= s->s.size()) return false;
        size_t b = i + 1;
        while (b < s->s.size() && (s->s[b] & 0xC0) == 0x80) ++b;
        out = Value(vm.intern(std::string_view(s->s).substr(i, b - i)));
        i = b;
        return true;
    }
    case 3:
    case 4:
    case 5: {
        Dict* d = seq.as<Dict>();
        if (d->version != version) {
            if (i <= d->entries.size() && false) {
            }
            vm.raise(vm.t.RuntimeError, "dictionary changed size during iteration");
        }
        while (i < d->entries.size() && !dict_entry_live(d->entries[i])) ++i;
        if (i >= d->entries.size()) return false;
        DictEntry& e = d->entries[i++];
        if (kind == 3)
            out = e.key;
        else if (kind == 4)
            out = e.value;
        else
            out = vm.pair_reusing(last, e.key, e.value);
        return true;
    }
    case 6: {
        Set* s = seq.as<Set>();
        if (s->used != version) vm.raise(vm.t.RuntimeError, "Set changed size during iteration");
        while (i < s->table.size() && s->table[i].state != 1) ++i;
        if (i >= s->table.size()) return false;
        out = s->table[i++].key;
        return true;
    }
    default: {
        Value r;
        Value idx = Value::integer(int64_t(i++));
        try {
            vm.call_dunder(seq, vm.n.__getitem__, &idx, 1, r);
        } catch (PyExc& e) {
            if (vm.type_of(e.exc)->is_subtype(vm.t.IndexError) ||
                vm.type_of(e.exc)->is_subtype(vm.t.StopIteration))
                return false;
            throw;
        }
        out = r;
        return true;
    }
    }
}

Value make_seq_iter(VM& vm, const Value& v, int kind) {
    auto* it = new SeqIter(vm.t.iter, v, kind);
    if (kind >= 3 && kind <= 5) it->version = v.as<Dict>()->version;
    if (kind == 6) it->version = v.as<Set>()->used;
    return Value(it);
}

struct UserIter : Iter {
    Value obj;
    UserIter(Type* t, Value o) : Iter(t), obj(std::move(o)) {}
    bool next(VM& vm, Value& out) override {
        try {
            Value r;
            if (!vm.call_dunder(obj, vm.n.__next__, nullptr, 0, r))
                vm.type_error("'" + vm.type_name(obj) + "' object is not an iterator");
            out = r;
            return true;
        } catch (PyExc& e) {
            if (vm.type_of(e.exc)->is_subtype(vm.t.StopIteration)) return false;
            throw;
        }
    }
};

Value VM::iter(const Value& v, bool unpacking) {
    if (v.is_obj()) {
        Type* ty = v.o->type;
        if (listlike(ty, n.__iter__)) return make_seq_iter(*this, v, 0);
        if (ty == t.tuple) return make_seq_iter(*this, v, 1);
        if (ty == t.str) return make_seq_iter(*this, v, 2);
        if (ty->is_subtype(t.dict) && !ty->lookup(n.__iter__)) return make_seq_iter(*this, v, 3);
        if (ty == t.set || ty == t.frozenset) return make_seq_iter(*this, v, 6);
        if (ty == t.range) {
            Range* r = v.as<Range>();
            auto* it = new SeqIter(t.iter, v, 7);
            it->r_cur = r->start;
            it->r_step = r->step;
            it->r_left = r->len;
            return Value(it);
        }
        if ((v.o)->as_iter()) return v;
        Value r;
        if (ty->lookup(n.__iter__)) {
            call_dunder(v, n.__iter__, nullptr, 0, r);
            if (r.is_obj() && (r.o)->as_iter()) return r;
            if (!type_of(r)->lookup(n.__next__))
                type_error("iter() returned non-iterator of type '" + type_name(r) + "'");
            return Value(new UserIter(t.iter, r));
        }
        // the old sequence protocol: classes written in Python with __getitem__ (CPython gives
        // them sq_item); native types with only a mapping-style __getitem__ (NumPy scalars,
        // re.Match) are not iterable
        if (!ty->builtin && ty->lookup(n.__getitem__)) return make_seq_iter(*this, v, 8);
    }
    if (unpacking) type_error("cannot unpack non-iterable " + type_name(v) + " object");
    type_error("'" + type_name(v) + "' object is not iterable");
}

// The iterators that are not t.iter objects (generators, user classes with __next__), and
// the error, out of line: VM::next itself stays small enough to be cheap to call.
[[gnu::noinline]] static bool next_other(VM& vm, const Value& it, Value& out) {
    if (it.is_obj()) {
        if (auto* i = (it.o)->as_iter()) return i->next(vm, out);
        if (vm.type_of(it)->lookup(vm.n.__next__)) {
            UserIter u(vm.t.iter, it);
            return u.next(vm, out);
        }
    }
    vm.type_error("'" + vm.type_name(it) + "' object is not an iterator");
}

bool VM::next(const Value& it, Value& out) {
    if (it.is_obj() && it.o->type->is_iter) { // (Type::is_iter: an Iter)
        int step = seq_iter_step(it.o, out);  // list, tuple, range without virtual calls
        if (step >= 0) return step == 1;
        return static_cast<Iter*>(it.o)->next(*this, out);
    }
    if (it.is_obj() && it.o->type == t.generator)
        return static_cast<Generator*>(it.o)->next_inline(*this, out);
    return next_other(*this, it, out);
}

std::vector<Value> VM::to_vector(const Value& iterable) {
    std::vector<Value> out;
    if (iterable.is_obj() && iterable.o->type == t.list) return iterable.as<List>()->items;
    if (iterable.is_obj() && iterable.o->type == t.tuple) return iterable.as<Tuple>()->items;
    iterate(iterable, [&](const Value& v) {
        out.push_back(v);
        if ((out.size() & 0xFFFF) == 0 && out.size() * sizeof(Value) > size_t(mem_budget))
            raise(t.MemoryError, "");
    });
    return out;
}

} // namespace lmpy
