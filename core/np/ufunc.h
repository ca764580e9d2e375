// Elementwise operations (NumPy's ufuncs) with broadcasting, NumPy 1.24 result dtypes and
// its error texts. Python scalars reach these as 0-d arrays built by the binding.
//
// Known gaps (no int8/float16 dtypes here): bool//bool, bool%bool, bool**bool and square(bool)
// give int64 where NumPy gives int8; floor/ceil/sqrt... of bool give float64, not float16.
#pragma once
#include "np/ndarray.h"

namespace lmpy::np {

enum class BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    BitAnd,
    BitOr,
    BitXor,
    Maximum,
    Minimum,
    LogicalAnd,
    LogicalOr,
    LogicalXor,
    Arctan2,
    Hypot,
    LShift,
    RShift
};

enum class UnOp {
    Neg,
    Pos,
    Invert,
    Abs,
    Sign,
    Square,
    Sqrt,
    Exp,
    Expm1,
    Log,
    Log2,
    Log10,
    Log1p,
    Sin,
    Cos,
    Tan,
    Arcsin,
    Arccos,
    Arctan,
    Sinh,
    Cosh,
    Tanh,
    Floor,
    Ceil,
    Trunc,
    Rint,
    IsNan,
    IsInf,
    IsFinite,
    LogicalNot,
    Reciprocal
};

// NumPy's ufunc name ("add", "divide", ...), as error messages show it.
const char* binop_name(BinOp op);
const char* unop_name(UnOp op);

NDArray binary(BinOp op, const NDArray& a, const NDArray& b);
// The `**` operator: NumPy's fast paths for a scalar exponent 2, 0.5, -1 (float), 1.
NDArray power_operator(const NDArray& a, const NDArray& b);
// a op= b: NumPy's same_kind casting check and its non-broadcastable-output error.
void binary_inplace(BinOp op, NDArray& a, const NDArray& b);
NDArray unary(UnOp op, const NDArray& a);

NDArray where(const NDArray& cond, const NDArray& x, const NDArray& y);
// Either bound may be absent (None); NumPy propagates NaN from `a`.
NDArray clip(const NDArray& a, const std::optional<NDArray>& lo, const std::optional<NDArray>& hi);
// np.round / np.around: half to even, decimals by scaling with 10**|decimals|.
NDArray round(const NDArray& a, int64_t decimals = 0);
NDArray isclose(const NDArray& a, const NDArray& b, double rtol = 1e-05, double atol = 1e-08,
                bool equal_nan = false);
bool allclose(const NDArray& a, const NDArray& b, double rtol = 1e-05, double atol = 1e-08,
              bool equal_nan = false);
bool array_equal(const NDArray& a, const NDArray& b);

} // namespace lmpy::np
