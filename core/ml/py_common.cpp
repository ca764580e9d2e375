// Glue shared by the sklearn modules (see py_common.h): the sparse matrix type and array
// conversions.
#include "ml/py_common.h"
#include "py/modules/modutil.h"
#include "py/numfmt.h"
#include <algorithm>
#include <unordered_map>

namespace lmpy::ml {

namespace {

CsrObj* self_csr(VM& vm, Args& a) {
    CsrObj* c = a.n > 0 ? as_csr(a[0]) : nullptr;
    if (!c) vm.type_error("descriptor requires a sparse matrix");
    return c;
}

Value csr_shape(VM& vm, Args& a) {
    CsrObj* c = self_csr(vm, a);
    return vm.new_tuple({Value::integer(c->m.rows), Value::integer(c->m.cols)});
}
Value csr_nnz(VM& vm, Args& a) { return Value::integer(self_csr(vm, a)->m.nnz()); }

Value dense_rows(VM& vm, const Csr& m) {
    std::vector<int64_t> d = m.dense();
    std::vector<Value> rows;
    for (int64_t r = 0; r < m.rows; ++r) {
        std::vector<Value> row;
        for (int64_t c = 0; c < m.cols; ++c) row.push_back(Value::integer(d[r * m.cols + c]));
        rows.push_back(vm.new_list(std::move(row)));
    }
    return vm.new_list(std::move(rows));
}

Value csr_toarray(VM& vm, Args& a) {
    CsrObj* c = self_csr(vm, a);
    return np_array(vm, dense_rows(vm, c->m));
}

Value csr_sum(VM& vm, Args& a) {
    CsrObj* c = self_csr(vm, a);
    const Value* ax = arg(a, 1, vm.intern("axis"));
    const Csr& m = c->m;
    if (!ax || ax->is_none()) {
        int64_t s = 0;
        for (int64_t v : m.data) s += v;
        return Value::integer(s);
    }
    int64_t axis = vm.to_index(*ax);
    if (axis < 0) axis += 2;
    if (axis != 0 && axis != 1) vm.value_error("axis out of range");
    std::vector<int64_t> acc(axis == 0 ? m.cols : m.rows, 0);
    for (int64_t r = 0; r < m.rows; ++r)
        for (int64_t k = m.indptr[r]; k < m.indptr[r + 1]; ++k)
            acc[axis == 0 ? m.indices[k] : r] += m.data[k];
    std::vector<Value> out;
    if (axis == 0) {
        std::vector<Value> row;
        for (int64_t v : acc) row.push_back(Value::integer(v));
        out.push_back(vm.new_list(std::move(row)));
    } else {
        for (int64_t v : acc) out.push_back(vm.new_list({Value::integer(v)}));
    }
    return np_array(vm, vm.new_list(std::move(out)));
}

int64_t norm_index(VM& vm, int64_t i, int64_t n, const char* what) {
    if (i < -n || i >= n)
        vm.index_error(std::string(what) + " index (" + std::to_string(i) + ") out of range");
    return i < 0 ? i + n : i;
}

Value csr_getitem(VM& vm, Args& a) {
    check_nargs(vm, "__getitem__", a, 2, 2);
    CsrObj* c = self_csr(vm, a);
    const Csr& m = c->m;
    const Value& key = a[1];
    if (key.is_obj() && key.o->type == vm.t.tuple) {
        auto& it = key.as<Tuple>()->items;
        if (it.size() == 2 && is_int(vm, it[0]) && is_int(vm, it[1])) {
            int64_t r = norm_index(vm, vm.to_index(it[0]), m.rows, "row");
            int64_t col = norm_index(vm, vm.to_index(it[1]), m.cols, "column");
            int64_t s = 0;
            for (int64_t k = m.indptr[r]; k < m.indptr[r + 1]; ++k)
                if (m.indices[k] == col) s += m.data[k];
            return Value::integer(s);
        }
        vm.raise(vm.t.NotImplementedError,
                 "sparse matrix indexing supports rows and (row, column) ints only");
    }
    std::vector<int64_t> rows;
    if (is_int(vm, key)) {
        rows.push_back(norm_index(vm, vm.to_index(key), m.rows, "row"));
    } else if (key.is_obj() && key.o->type == vm.t.slice) {
        int64_t start, stop, step, n;
        slice_indices(vm, key.as<Slice>(), m.rows, start, stop, step, n);
        for (int64_t i = 0; i < n; ++i) rows.push_back(start + i * step);
    } else {
        std::vector<Value> items = to_items(vm, key);
        bool all_bool = !items.empty();
        for (auto& v : items)
            all_bool = all_bool && vm.type_name(v).find("bool") != std::string::npos;
        if (all_bool && int64_t(items.size()) == m.rows) {
            for (int64_t i = 0; i < m.rows; ++i)
                if (vm.truthy(items[i])) rows.push_back(i);
        } else {
            for (auto& v : items) rows.push_back(norm_index(vm, vm.to_index(v), m.rows, "row"));
        }
    }
    return make_csr(vm, m.take_rows(rows));
}

std::string csr_repr(VM& vm, const Csr& m) {
    return "<" + std::to_string(m.rows) + "x" + std::to_string(m.cols) +
           " sparse matrix of type '<class 'numpy.int64'>'\n\twith " + std::to_string(m.nnz()) +
           " stored elements in Compressed Sparse Row format>";
}
Value csr_repr_m(VM& vm, Args& a) { return vm.str(csr_repr(vm, self_csr(vm, a)->m)); }
Value csr_str_m(VM& vm, Args& a) {
    const Csr& m = self_csr(vm, a)->m;
    std::string s;
    for (int64_t r = 0; r < m.rows; ++r)
        for (int64_t k = m.indptr[r]; k < m.indptr[r + 1]; ++k) {
            if (!s.empty()) s += "\n";
            s += "  (" + std::to_string(r) + ", " + std::to_string(m.indices[k]) + ")\t" +
                 std::to_string(m.data[k]);
        }
    return vm.str(s);
}
Value csr_len(VM& vm, Args& a) {
    vm.type_error("sparse matrix length is ambiguous; use getnnz() or shape[0]");
}
Value csr_bool(VM& vm, Args& a) {
    const Csr& m = self_csr(vm, a)->m;
    if (m.rows == 1 && m.cols == 1) return Value::boolean(m.nnz() != 0 && m.data[0] != 0);
    vm.value_error("The truth value of an array with more than one element is ambiguous. Use "
                   "a.any() or a.all().");
}

void add_property(VM& vm, Type* t, const char* name, NativeFn fn) {
    auto* p = new Property(vm.t.property);
    Value pv(p);
    p->fget = vm.new_native(name, fn);
    vm.add_attr(t, name, pv);
}
} // namespace

MlTypes ml_types(VM& vm) {
    // The types live in a module of their own (scipy's name for the sparse one), so they die
    // with the VM that made them.
    Value key = vm.str("scipy.sparse._csr");
    if (Value* m = dict_find(vm, vm.modules.as<Dict>(), key)) {
        Value* t = dict_find_str(m->as<Module>()->globals, vm.intern("csr_matrix"));
        return MlTypes{t->as<Type>()};
    }
    Value mod = vm.new_module("scipy.sparse._csr");
    dict_set(vm, vm.modules.as<Dict>(), key, mod);
    Type* T = vm.new_type("csr_matrix", vm.t.object, Layout::Other);
    T->module = "scipy.sparse._csr";
    vm.set_global(mod, "csr_matrix", Value(T));
    add_property(vm, T, "shape", csr_shape);
    add_property(vm, T, "nnz", csr_nnz);
    static const VM::MethodDef kCsrMethods[] = {
        {"toarray", csr_toarray},     {"todense", csr_toarray}, {"sum", csr_sum},
        {"__getitem__", csr_getitem}, {"__repr__", csr_repr_m}, {"__str__", csr_str_m},
        {"__len__", csr_len},         {"__bool__", csr_bool},
    };
    vm.add_methods(T, kCsrMethods);
    return MlTypes{T};
}

Value make_csr(VM& vm, Csr m) { return Value(new CsrObj(ml_types(vm).csr, std::move(m))); }
CsrObj* as_csr(const Value& v) { return obj_as<CsrObj>(v); }

const Value* arg(Args& a, int i, Str* kw) {
    if (i < a.n) return &a.pos[i];
    return a.kw(kw);
}

void check_kwargs(VM& vm, const char* fname, Args& a, std::initializer_list<const char*> allowed) {
    for (int k = 0; k < a.nkw; ++k) {
        bool ok = false;
        for (const char* n : allowed) ok = ok || a.kwn[k]->s == n;
        if (!ok)
            vm.type_error(std::string(fname) + "() got an unexpected keyword argument '" +
                          a.kwn[k]->s + "'");
    }
}

Value np_array(VM& vm, const Value& nested, const char* dtype) {
    Value np;
    try {
        np = vm.import_module("numpy");
    } catch (PyExc&) {
        return nested;
    }
    Value f = vm.getattr(np, vm.intern("array"));
    if (!dtype) return vm.call(f, {nested});
    Value kv[2] = {nested, vm.str(dtype)};
    Str* names[1] = {vm.intern("dtype")};
    Args a;
    a.pos = kv;
    a.n = 1;
    a.kwv = kv + 1;
    a.kwn = names;
    a.nkw = 1;
    return vm.call(f, a);
}

Value np_matrix(VM& vm, const Eigen::MatrixXd& m) {
    std::vector<Value> rows;
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        std::vector<Value> row;
        for (Eigen::Index c = 0; c < m.cols(); ++c) row.push_back(Value::flt(m(r, c)));
        rows.push_back(vm.new_list(std::move(row)));
    }
    return np_array(vm, vm.new_list(std::move(rows)), "float64");
}

Value np_vector(VM& vm, const Eigen::VectorXd& v) {
    std::vector<Value> row;
    for (Eigen::Index c = 0; c < v.size(); ++c) row.push_back(Value::flt(v[c]));
    return np_array(vm, vm.new_list(std::move(row)), "float64");
}

Value to_nested(VM& vm, const Value& v) {
    if (CsrObj* c = as_csr(v)) return dense_rows(vm, c->m);
    if (v.is_obj() && (v.o->type == vm.t.list || v.o->type == vm.t.tuple)) return v;
    Value tl;
    if (vm.getattr_opt(v, vm.intern("tolist"), tl)) return vm.call(tl, {});
    return v;
}

std::vector<Value> to_items(VM& vm, const Value& v) {
    if (CsrObj* c = as_csr(v)) {
        std::vector<Value> out;
        for (int64_t r = 0; r < c->m.rows; ++r) out.push_back(make_csr(vm, c->m.take_rows({r})));
        return out;
    }
    return vm.to_vector(v);
}

int64_t num_samples(VM& vm, const Value& v) {
    if (CsrObj* c = as_csr(v)) return c->m.rows;
    Value shape;
    if (!(v.is_obj() && (v.o->type == vm.t.list || v.o->type == vm.t.tuple)) &&
        vm.getattr_opt(v, vm.intern("shape"), shape)) {
        auto* t = shape.is_obj() && shape.o->type == vm.t.tuple ? shape.as<Tuple>() : nullptr;
        if (t && t->items.empty())
            vm.type_error("Singleton array array(" + vm.repr(v) +
                          ") cannot be considered a valid collection.");
        if (t) return vm.to_index(t->items[0]);
    }
    return vm.len(v);
}

Eigen::MatrixXd to_matrix(VM& vm, const Value& v) {
    if (CsrObj* c = as_csr(v)) {
        Eigen::MatrixXd m = Eigen::MatrixXd::Zero(c->m.rows, c->m.cols);
        for (int64_t r = 0; r < c->m.rows; ++r)
            for (int64_t k = c->m.indptr[r]; k < c->m.indptr[r + 1]; ++k)
                m(r, c->m.indices[k]) += double(c->m.data[k]);
        return m;
    }
    Value nested = to_nested(vm, v);
    std::vector<Value> rows = vm.to_vector(nested);
    if (rows.empty())
        vm.value_error(
            "Found array with 0 sample(s) (shape=(0, 0)) while a minimum of 1 is required.");
    std::vector<std::vector<double>> data;
    for (auto& r : rows) {
        Value rn = to_nested(vm, r);
        if (!(rn.is_obj() && (rn.o->type == vm.t.list || rn.o->type == vm.t.tuple))) {
            std::string items;
            for (size_t i = 0; i < rows.size(); ++i) items += (i ? ", " : "") + vm.repr(rows[i]);
            vm.value_error("Expected 2D array, got 1D array instead:\narray=[" + items +
                           "].\nReshape your data either using array.reshape(-1, 1) if your data "
                           "has a single feature or array.reshape(1, -1) if it contains a single "
                           "sample.");
        }
        std::vector<double> row;
        vm.iterate(rn, [&](const Value& x) { row.push_back(vm.to_double(x)); });
        data.push_back(std::move(row));
    }
    Eigen::MatrixXd m(Eigen::Index(data.size()), Eigen::Index(data[0].size()));
    for (size_t r = 0; r < data.size(); ++r) {
        if (data[r].size() != data[0].size())
            vm.value_error("setting an array element with a sequence. The requested array has an "
                           "inhomogeneous shape after 1 dimensions. The detected shape was (" +
                           std::to_string(data.size()) + ",) + inhomogeneous part.");
        for (size_t c = 0; c < data[r].size(); ++c)
            m(Eigen::Index(r), Eigen::Index(c)) = data[r][c];
    }
    return m;
}

std::vector<Value> unique_sorted(VM& vm, const std::vector<Value>& v) {
    std::vector<Value> s = v;
    sort_values(vm, s, nullptr, false); // (sorted()'s instantiation: one stable sort fewer)
    std::vector<Value> out;
    for (auto& x : s)
        if (out.empty() || !vm.eq(out.back(), x)) out.push_back(x);
    return out;
}

std::u32string u32_of(VM& vm, const Value& s) {
    if (!(s.is_obj() && s.o->type->is_subtype(vm.t.str)))
        vm.type_error("expected str, got " + vm.type_name(s));
    return to_u32(s.as<Str>()->s);
}
Value str_of(VM& vm, const std::u32string& s) { return vm.str(from_u32(s)); }

} // namespace lmpy::ml
