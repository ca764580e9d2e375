// The binding between the interpreter and the pure C++ NumPy subset: the Python `numpy`,
// `numpy.random` and `numpy.linalg` modules.
//
// Design: an ndarray is an ArrayObj (an Obj holding an np::NDArray; views share the buffer);
// NumPy scalars (np.float64, np.int64, np.bool_) are ScalarObj holding one np::Scalar, and
// every operation on them goes through the same kernels as 0-d arrays, so scalar arithmetic
// follows NumPy's rules for free. The per-VM state (types, print options, the global
// RandomState) is an NpState object owned by the numpy module and reachable from
// vm.np_state. Library errors (np::Error, np::RandomError) become Python exceptions at this
// layer (rethrow_np). Other modules (sklearn, matplotlib) use this header to accept and make
// arrays: to_array() converts any array-like, wrap() / wrap_result() make Python values.
#pragma once
#include "np/ndarray.h"
#include "np/npformat.h"
#include "np/random_state.h"
#include "py/runtime.h"
#include <initializer_list>
#include <optional>

namespace lmpy::np {

struct ArrayObj : Obj {
    NDArray a;
    ArrayObj(Type* t, NDArray arr) : Obj(t), a(std::move(arr)) {}
};

struct ScalarObj : Obj {
    Scalar v; // double / int64_t / bool
    ScalarObj(Type* t, Scalar s) : Obj(t), v(std::move(s)) {}
};

struct DTypeObj : Obj {
    DType dt;
    int64_t width;
    DTypeObj(Type* t, DType d, int64_t w) : Obj(t), dt(d), width(w) {}
};

struct RandomStateObj : Obj {
    RandomState rs;
    explicit RandomStateObj(Type* t) : Obj(t) {}
};

struct NpState : Obj {
    Type *ndarray = nullptr, *float64 = nullptr, *int64 = nullptr, *bool_ = nullptr,
         *dtype = nullptr, *random_state = nullptr, *axis_error = nullptr,
         *ufunc_type_error = nullptr, *no_loop_error = nullptr, *cast_error = nullptr,
         *array_memory_error = nullptr;
    PrintOptions print;
    Value global_rs; // RandomStateObj behind np.random.*
    explicit NpState(Type* t) : Obj(t) {}
};

// The state, importing numpy when this VM has not yet done so.
NpState& state(VM& vm);

// Converts a library error into the Python exception it stands for.
[[noreturn]] void raise_np(VM& vm, const Error& e);
[[noreturn]] void raise_random(VM& vm, const RandomError& e);
// Runs f, translating np::Error / RandomError.
template <class F> auto guard(VM& vm, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const Error& e) {
        raise_np(vm, e);
    } catch (const RandomError& e) {
        raise_random(vm, e);
    }
}

// ---- values in
bool is_array(VM& vm, const Value& v);
ArrayObj* as_array(VM& vm, const Value& v); // nullptr when v is not an ndarray
// np.asarray(v): arrays as is (shared), scalars as 0-d, nested sequences by NumPy's inference.
NDArray to_array(VM& vm, const Value& v);
// v's array where it is when v is an ndarray, else to_array(v) kept in `hold`: the operators
// and reductions read their operands this way (copying an NDArray copies shape and strides).
inline const NDArray& array_ref(VM& vm, const Value& v, std::optional<NDArray>& hold) {
    if (ArrayObj* a = as_array(vm, v)) return a->a;
    return hold.emplace(to_array(vm, v));
}
// Like to_array, then cast when dt is given.
NDArray to_array(VM& vm, const Value& v, std::optional<DType> dt, int64_t width = 0);
// A dtype= argument ('float64', float, np.int64, a dtype object ...); nullopt for None.
std::optional<DType> to_dtype(VM& vm, const Value& v, int64_t* width = nullptr);
// A shape argument: an int or a sequence of ints.
Shape to_shape(VM& vm, const Value& v);
// axis= : None -> nullopt, int -> {i}, tuple -> several.
std::optional<std::vector<int64_t>> to_axes(VM& vm, const Value& v);
std::optional<int64_t> to_axis(VM& vm, const Value& v);

// ---- values out
Value wrap(VM& vm, NDArray a);        // always an ndarray
Value wrap_result(VM& vm, NDArray a); // 0-d results become NumPy scalars (ufunc rule)
Value make_scalar(VM& vm, const Scalar& s);
Value to_python(VM& vm, const Scalar& s); // item(): Python float/int/bool/str
Value tolist(VM& vm, const NDArray& a);
Value make_dtype(VM& vm, DType dt, int64_t width = 1);

// ---- printing
PrintArray to_print(const NDArray& a);
std::string array_str(VM& vm, const NDArray& a);
std::string array_repr(VM& vm, const NDArray& a);

// ---- argument binding for natives: names in order; fills out[i] (undef when absent).
// Raises TypeError for unknown keywords, duplicates, too many or missing required ones.
void bind(VM& vm, Args& a, const char* fname, int skip, std::initializer_list<const char*> names,
          int required, Value* out);
inline bool given(const Value& v) { return !v.is_undef() && !v.is_none(); }

// ---- module parts
void init_array_type(VM& vm, NpState& st);
void init_scalar_types(VM& vm, NpState& st);
void init_functions(VM& vm, const Value& m);
void init_functions2(VM& vm, const Value& m);
void init_linalg(VM& vm, const Value& m);
void init_linalg_toplevel(VM& vm, const Value& m);
void init_random(VM& vm, const Value& m);
// Binary operator / ufunc over two array-likes (NotImplemented-free: raises on bad input).
Value array_binop(VM& vm, int op, const Value& a, const Value& b, bool reflected);

} // namespace lmpy::np
