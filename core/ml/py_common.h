// Shared glue of the sklearn binding modules: the per-VM types, the sparse matrix object,
// argument helpers, and conversions between Python values and Eigen / NumPy arrays.
//
// NumPy arrays are produced and read through the Python-level `numpy` module (numpy.array on
// nested lists, .tolist() on the way in), so this folder depends only on numpy's public
// Python surface, not on its C++ binding; results are small (predictions, probabilities).
#pragma once
#include "ml/text.h"
#include "py/runtime.h"
#include <Eigen/Core>
#include <string>
#include <vector>

namespace lmpy::ml {

struct CsrObj : Obj {
    LMPY_OBJ_KIND
    Csr m;
    CsrObj(Type* t, Csr c) : Obj(t), m(std::move(c)) {}
};

// Types created once per VM by the first sklearn import.
struct MlTypes {
    Type* csr = nullptr;
};
MlTypes ml_types(VM& vm);
Value make_csr(VM& vm, Csr m);
CsrObj* as_csr(const Value& v); // nullptr when not a sparse matrix

// Keyword or positional argument i (nullptr when absent).
const Value* arg(Args& a, int i, Str* kw);
// Rejects keywords not in `allowed` with Python's wording for `fname`.
void check_kwargs(VM& vm, const char* fname, Args& a, std::initializer_list<const char*> allowed);

// numpy.array(v) (v a nested list), or v itself when numpy cannot be imported.
Value np_array(VM& vm, const Value& nested, const char* dtype = nullptr);
Value np_matrix(VM& vm, const Eigen::MatrixXd& m);
Value np_vector(VM& vm, const Eigen::VectorXd& v);
// An ndarray (via tolist), list, tuple or sparse matrix as nested Python lists.
Value to_nested(VM& vm, const Value& v);
// 2-D numeric input (a 1-D input is an error, as scikit-learn's check_array says).
Eigen::MatrixXd to_matrix(VM& vm, const Value& v);
// A sequence as its elements (ndarrays by their first axis).
std::vector<Value> to_items(VM& vm, const Value& v);
int64_t num_samples(VM& vm, const Value& v);
// Sorted distinct values (np.unique of labels).
std::vector<Value> unique_sorted(VM& vm, const std::vector<Value>& v);
// Python str <-> UTF-32.
std::u32string u32_of(VM& vm, const Value& s);
Value str_of(VM& vm, const std::u32string& s);

} // namespace lmpy::ml
