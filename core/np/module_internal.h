// Internal declarations shared by the numpy module's .cpp files (module_*.cpp).
#pragma once
#include "np/module.h"
#include <cmath>

namespace lmpy::np {

// Operator codes beyond np::BinOp used by array_binop.
constexpr int kOpPow = 100;
constexpr int kOpMatMul = 101;

// A Python subscript as NumPy index items; `ellipsis` tells whether `...` appeared.
std::vector<IndexItem> to_index(VM& vm, const Value& key, bool& ellipsis);
// The arithmetic/comparison dunders shared by ndarray and the scalar types.
void add_operators(VM& vm, Type* t);
// sum/mean/... as ndarray methods.
void add_reduction_methods(VM& vm, Type* t);
// sum/mean/... as numpy functions.
void add_reduction_functions(VM& vm, const Value& m);
// The ndarray-or-scalar first argument of a method call.
NDArray self_array(VM& vm, const Value& v);

} // namespace lmpy::np
