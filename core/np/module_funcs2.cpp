// numpy functions, part 2: shape manipulation (reshape, transpose, concatenate, stack,
// split ...), sorting and counting (sort, argsort, unique, bincount, searchsorted) and the
// small introspection helpers (shape, ndim, size, isscalar).
#include "np/module_internal.h"
#include "np/shape_ops.h"
#include "np/sort.h"

namespace lmpy::np {

namespace {

std::vector<NDArray> to_arrays(VM& vm, const Value& v) {
    std::vector<NDArray> out;
    if (ArrayObj* ao = as_array(vm, v)) {
        for (int64_t i = 0; i < ao->a.len(); ++i) out.push_back(ao->a.get({IndexItem(i)}));
        return out;
    }
    vm.iterate(v, [&](const Value& x) { out.push_back(to_array(vm, x)); });
    return out;
}
Value list_of(VM& vm, const std::vector<NDArray>& v) {
    std::vector<Value> out;
    for (auto& a : v) out.push_back(wrap(vm, a));
    return vm.new_list(std::move(out));
}

Value f_reshape(VM& vm, Args& a) {
    Value v[2];
    bind(vm, a, "reshape", 0, {"a", "newshape"}, 2, v);
    NDArray x = to_array(vm, v[0]);
    Shape s;
    if (v[1].is_obj() && (v[1].o->type == vm.t.tuple || v[1].o->type == vm.t.list))
        vm.iterate(v[1], [&](const Value& d) { s.push_back(vm.to_index(d)); });
    else
        s.push_back(vm.to_index(v[1]));
    return guard(vm, [&] { return wrap(vm, x.reshape(s)); });
}
Value f_transpose(VM& vm, Args& a) {
    Value v[2];
    bind(vm, a, "transpose", 0, {"a", "axes"}, 1, v);
    NDArray x = to_array(vm, v[0]);
    std::vector<int64_t> ax;
    if (given(v[1])) vm.iterate(v[1], [&](const Value& d) { ax.push_back(vm.to_index(d)); });
    return guard(vm, [&] { return wrap(vm, x.transpose(ax)); });
}
Value f_swapaxes(VM& vm, Args& a) {
    check_nargs(vm, "swapaxes", a, 3, 3);
    NDArray x = to_array(vm, a[0]);
    return guard(vm, [&] { return wrap(vm, x.swapaxes(vm.to_index(a[1]), vm.to_index(a[2]))); });
}
Value f_ravel(VM& vm, Args& a) {
    check_nargs(vm, "ravel", a, 1, 1);
    return wrap(vm, to_array(vm, a[0]).ravel());
}
Value f_squeeze(VM& vm, Args& a) {
    Value v[2];
    bind(vm, a, "squeeze", 0, {"a", "axis"}, 1, v);
    NDArray x = to_array(vm, v[0]);
    return guard(vm, [&] { return wrap(vm, x.squeeze(to_axes(vm, v[1]))); });
}
Value f_expand_dims(VM& vm, Args& a) {
    Value v[2];
    bind(vm, a, "expand_dims", 0, {"a", "axis"}, 2, v);
    NDArray x = to_array(vm, v[0]);
    auto axes = *to_axes(vm, v[1]);
    return guard(vm, [&] {
        int64_t nd = x.ndim() + int64_t(axes.size());
        std::vector<int64_t> norm;
        for (int64_t ax : axes) norm.push_back(normalize_axis(ax, nd));
        std::sort(norm.begin(), norm.end());
        NDArray r = x;
        for (int64_t ax : norm) r = r.expand_dims(ax);
        return wrap(vm, r);
    });
}
Value f_concatenate(VM& vm, Args& a) {
    Value v[2];
    bind(vm, a, "concatenate", 0, {"arrays", "axis"}, 1, v);
    auto arrs = to_arrays(vm, v[0]);
    std::optional<int64_t> axis = v[1].is_undef() ? std::optional<int64_t>(0) : to_axis(vm, v[1]);
    return guard(vm, [&] { return wrap(vm, concatenate(arrs, axis)); });
}
Value f_stack(VM& vm, Args& a) {
    Value v[2];
    bind(vm, a, "stack", 0, {"arrays", "axis"}, 1, v);
    auto arrs = to_arrays(vm, v[0]);
    int64_t axis = given(v[1]) ? vm.to_index(v[1]) : 0;
    return guard(vm, [&] { return wrap(vm, stack(arrs, axis)); });
}
template <int K> Value f_xstack(VM& vm, Args& a) {
    static const char* names[] = {"vstack", "hstack", "column_stack"};
    Value v[1];
    bind(vm, a, names[K], 0, {"tup"}, 1, v);
    auto arrs = to_arrays(vm, v[0]);
    return guard(vm, [&] {
        return wrap(vm, K == 0 ? vstack(arrs) : K == 1 ? hstack(arrs) : column_stack(arrs));
    });
}
template <bool Exact> Value f_split(VM& vm, Args& a) {
    Value v[3];
    bind(vm, a, Exact ? "split" : "array_split", 0, {"ary", "indices_or_sections", "axis"}, 2, v);
    NDArray x = to_array(vm, v[0]);
    int64_t axis = given(v[2]) ? vm.to_index(v[2]) : 0;
    if (v[1].is_obj() &&
        (v[1].o->type == vm.t.list || v[1].o->type == vm.t.tuple || is_array(vm, v[1]))) {
        std::vector<int64_t> idx;
        vm.iterate(v[1], [&](const Value& d) { idx.push_back(vm.to_index(d)); });
        return guard(vm, [&] { return list_of(vm, split(x, idx, axis)); });
    }
    int64_t n = vm.to_index(v[1]);
    return guard(vm,
                 [&] { return list_of(vm, Exact ? split(x, n, axis) : array_split(x, n, axis)); });
}
Value f_moveaxis(VM& vm, Args& a) {
    check_nargs(vm, "moveaxis", a, 3, 3);
    NDArray x = to_array(vm, a[0]);
    return guard(vm, [&] { return wrap(vm, moveaxis(x, vm.to_index(a[1]), vm.to_index(a[2]))); });
}
template <int K> Value f_atleast(VM& vm, Args& a) {
    std::vector<Value> out;
    for (int k = 0; k < a.n; ++k) {
        NDArray x = to_array(vm, a[k]);
        out.push_back(wrap(vm, K == 1 ? atleast_1d(x) : atleast_2d(x)));
    }
    if (out.size() == 1) return out[0];
    return vm.new_list(std::move(out));
}
Value f_repeat(VM& vm, Args& a) {
    Value v[3];
    bind(vm, a, "repeat", 0, {"a", "repeats", "axis"}, 2, v);
    NDArray x = to_array(vm, v[0]);
    int64_t n = vm.to_index(v[1]);
    return guard(vm, [&] { return wrap(vm, repeat(x, n, to_axis(vm, v[2]))); });
}
Value f_tile(VM& vm, Args& a) {
    Value v[2];
    bind(vm, a, "tile", 0, {"A", "reps"}, 2, v);
    NDArray x = to_array(vm, v[0]);
    std::vector<int64_t> reps;
    if (v[1].is_obj() && (v[1].o->type == vm.t.tuple || v[1].o->type == vm.t.list))
        vm.iterate(v[1], [&](const Value& d) { reps.push_back(vm.to_index(d)); });
    else
        reps.push_back(vm.to_index(v[1]));
    return guard(vm, [&] { return wrap(vm, tile(x, reps)); });
}
Value f_broadcast_to(VM& vm, Args& a) {
    Value v[2];
    bind(vm, a, "broadcast_to", 0, {"array", "shape"}, 2, v);
    NDArray x = to_array(vm, v[0]);
    Shape s = to_shape(vm, v[1]);
    return guard(vm, [&] { return wrap(vm, x.broadcast_to(s)); });
}

// ------------------------------------------------------------------ sorting
Value f_sort(VM& vm, Args& a) {
    Value v[3];
    bind(vm, a, "sort", 0, {"a", "axis", "kind"}, 1, v);
    NDArray x = to_array(vm, v[0]);
    std::optional<int64_t> ax = v[1].is_undef() ? std::optional<int64_t>(-1) : to_axis(vm, v[1]);
    return guard(vm, [&] { return wrap(vm, sort(x, ax)); });
}
Value f_argsort(VM& vm, Args& a) {
    Value v[3];
    bind(vm, a, "argsort", 0, {"a", "axis", "kind"}, 1, v);
    NDArray x = to_array(vm, v[0]);
    std::optional<int64_t> ax = v[1].is_undef() ? std::optional<int64_t>(-1) : to_axis(vm, v[1]);
    return guard(vm, [&] { return wrap(vm, argsort(x, ax)); });
}
Value f_unique(VM& vm, Args& a) {
    Value v[4];
    bind(vm, a, "unique", 0, {"ar", "return_index", "return_inverse", "return_counts"}, 1, v);
    NDArray x = to_array(vm, v[0]);
    UniqueResult r = guard(vm, [&] { return unique(x); });
    bool ri = given(v[1]) && vm.truthy(v[1]), rv = given(v[2]) && vm.truthy(v[2]),
         rc = given(v[3]) && vm.truthy(v[3]);
    if (!ri && !rv && !rc) return wrap(vm, r.values);
    std::vector<Value> out{wrap(vm, r.values)};
    if (ri) out.push_back(wrap(vm, r.index));
    if (rv) out.push_back(wrap(vm, r.inverse));
    if (rc) out.push_back(wrap(vm, r.counts));
    return vm.new_tuple(std::move(out));
}
Value f_bincount(VM& vm, Args& a) {
    Value v[3];
    bind(vm, a, "bincount", 0, {"x", "weights", "minlength"}, 1, v);
    NDArray x = to_array(vm, v[0]);
    std::optional<NDArray> w;
    if (given(v[1])) w = to_array(vm, v[1]);
    int64_t ml = given(v[2]) ? vm.to_index(v[2]) : 0;
    return guard(vm, [&] { return wrap(vm, bincount(x, w, ml)); });
}
Value f_searchsorted(VM& vm, Args& a) {
    Value v[3];
    bind(vm, a, "searchsorted", 0, {"a", "v", "side"}, 2, v);
    NDArray x = to_array(vm, v[0]), y = to_array(vm, v[1]);
    bool right = given(v[2]) && vm.to_str(v[2]) == "right";
    return guard(vm, [&] { return wrap_result(vm, searchsorted(x, y, right)); });
}

// ------------------------------------------------------------------ introspection
Value f_shape(VM& vm, Args& a) {
    check_nargs(vm, "shape", a, 1, 1);
    std::vector<Value> v;
    NDArray x = to_array(vm, a[0]);
    for (int64_t d : x.shape()) v.push_back(Value::integer(d));
    return vm.new_tuple(std::move(v));
}
Value f_ndim(VM& vm, Args& a) {
    check_nargs(vm, "ndim", a, 1, 1);
    return Value::integer(to_array(vm, a[0]).ndim());
}
Value f_size(VM& vm, Args& a) {
    check_nargs(vm, "size", a, 1, 1);
    return Value::integer(to_array(vm, a[0]).size());
}
Value f_isscalar(VM& vm, Args& a) {
    check_nargs(vm, "isscalar", a, 1, 1);
    const Value& x = a[0];
    if (x.is_int() || x.is_float() || x.is_bool()) return vm.True;
    if (!x.is_obj()) return vm.False;
    NpState& st = state(vm);
    Type* t = x.o->type;
    return Value::boolean(t == vm.t.str || t == vm.t.int_ || t == st.float64 || t == st.int64 ||
                          t == st.bool_);
}

} // namespace

void init_functions2(VM& vm, const Value& m) {
    auto def = [&](const char* name, NativeFn f) {
        vm.set_global(m, name, vm.new_native(name, f));
    };
    def("reshape", f_reshape);
    def("transpose", f_transpose);
    def("swapaxes", f_swapaxes);
    def("ravel", f_ravel);
    def("squeeze", f_squeeze);
    def("expand_dims", f_expand_dims);
    def("concatenate", f_concatenate);
    def("stack", f_stack);
    def("vstack", f_xstack<0>);
    def("row_stack", f_xstack<0>);
    def("hstack", f_xstack<1>);
    def("column_stack", f_xstack<2>);
    def("split", f_split<true>);
    def("array_split", f_split<false>);
    def("moveaxis", f_moveaxis);
    def("atleast_1d", f_atleast<1>);
    def("atleast_2d", f_atleast<2>);
    def("repeat", f_repeat);
    def("tile", f_tile);
    def("broadcast_to", f_broadcast_to);
    def("sort", f_sort);
    def("argsort", f_argsort);
    def("unique", f_unique);
    def("bincount", f_bincount);
    def("searchsorted", f_searchsorted);
    def("shape", f_shape);
    def("ndim", f_ndim);
    def("size", f_size);
    def("isscalar", f_isscalar);
}

} // namespace lmpy::np
