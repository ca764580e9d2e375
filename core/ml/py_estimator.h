// Helpers shared by the sklearn estimator types: constructor parameters kept as instance
// attributes (scikit-learn's get_params model), the repr that lists non-default ones, and
// scikit-learn's common errors.
#pragma once
#include "py/runtime.h"
#include <string>
#include <vector>

namespace lmpy::ml {

struct Param {
    const char* name;
    const char* default_repr;
    Value (*make)(VM&); // the default value
};

// Sets every parameter on self from keywords (only keywords: scikit-learn 1.2 estimators
// take keyword-only parameters) or its default.
void init_params(VM& vm, const Value& self, Args& a, const char* cls,
                 const std::vector<Param>& params);
Value estimator_repr(VM& vm, const Value& self, const char* cls, const std::vector<Param>& params);
// The parameters in get_params() order: sorted by name.
std::vector<const Param*> params_by_name(const std::vector<Param>& params);
Value attr(VM& vm, const Value& self, const char* name);
// The estimator type registered in `module` (importing it if needed).
Type* estimator_type(VM& vm, const char* module, const char* name);
// Calls type(self).__init__(self, *a.pos, **a.kw).
void call_init(VM& vm, const Value& self, Args& a);

[[noreturn]] void raise_not_impl(VM& vm, const std::string& what);
[[noreturn]] void not_fitted(VM& vm, const char* cls);
void check_consistent_length(VM& vm, const std::vector<int64_t>& lens);

} // namespace lmpy::ml
