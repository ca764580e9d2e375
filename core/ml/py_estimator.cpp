// Estimator parameter handling and common errors (see py_estimator.h).
#include "ml/py_estimator.h"
#include <algorithm>
#include <cstring>

namespace lmpy::ml {

[[noreturn]] void raise_not_impl(VM& vm, const std::string& what) {
    vm.raise(vm.t.NotImplementedError, what + " is not supported in this playground");
}

void check_consistent_length(VM& vm, const std::vector<int64_t>& lens) {
    for (int64_t n : lens)
        if (n != lens[0]) {
            std::string s;
            for (size_t i = 0; i < lens.size(); ++i) s += (i ? ", " : "") + std::to_string(lens[i]);
            vm.value_error("Found input variables with inconsistent numbers of samples: [" + s +
                           "]");
        }
}

std::vector<const Param*> params_by_name(const std::vector<Param>& params) {
    std::vector<const Param*> sorted;
    for (auto& p : params) sorted.push_back(&p);
    std::sort(sorted.begin(), sorted.end(),
              [](const Param* x, const Param* y) { return std::strcmp(x->name, y->name) < 0; });
    return sorted;
}

Value estimator_repr(VM& vm, const Value& self, const char* cls, const std::vector<Param>& params) {
    std::string out = std::string(cls) + "(";
    bool first = true;
    AttrMap& attrs = *self.o->own_attrs(); // estimators are Instances
    // scikit-learn lists the changed parameters in get_params() order
    for (const Param* pp : params_by_name(params)) {
        const Param& p = *pp;
        auto it = attrs.find(vm.intern(p.name));
        if (it == attrs.end()) continue;
        std::string r = vm.repr(it->second);
        if (r == p.default_repr) continue;
        out += (first ? "" : ", ") + std::string(p.name) + "=" + r;
        first = false;
    }
    return vm.str(out + ")");
}

void init_params(VM& vm, const Value& self, Args& a, const char* cls,
                 const std::vector<Param>& params) {
    if (a.n > 1)
        vm.type_error(std::string(cls) + ".__init__() takes 1 positional argument but " +
                      std::to_string(a.n) + " were given");
    AttrMap& attrs = *self.o->own_attrs(); // estimators are Instances
    for (int k = 0; k < a.nkw; ++k) {
        bool ok = false;
        for (auto& p : params) ok = ok || a.kwn[k]->s == p.name;
        if (!ok)
            vm.type_error(std::string(cls) + ".__init__() got an unexpected keyword argument '" +
                          a.kwn[k]->s + "'");
        attrs[a.kwn[k]] = a.kwv[k];
    }
    for (auto& p : params)
        if (attrs.find(vm.intern(p.name)) == attrs.end()) attrs[vm.intern(p.name)] = p.make(vm);
}

Value attr(VM& vm, const Value& self, const char* name) {
    return vm.getattr(self, vm.intern(name));
}

[[noreturn]] void not_fitted(VM& vm, const char* cls) {
    Type* t = exc_type_by_name(vm, "NotFittedError");
    if (!t) t = vm.t.ValueError;
    vm.raise(t, std::string("This ") + cls +
                    " instance is not fitted yet. Call 'fit' with appropriate arguments before "
                    "using this estimator.");
}

Type* estimator_type(VM& vm, const char* module, const char* name) {
    Value m = vm.import_module(module);
    return vm.getattr(m, vm.intern(name)).as<Type>();
}

void call_init(VM& vm, const Value& self, Args& a) {
    Value* init = vm.type_of(self)->lookup(vm.n.__init__);
    std::vector<Value> pos{self};
    for (int i = 0; i < a.n; ++i) pos.push_back(a[i]);
    Args b = a;
    b.pos = pos.data();
    b.n = int(pos.size());
    vm.call(*init, b);
}

} // namespace lmpy::ml
