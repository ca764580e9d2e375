// NumPy 1.24's text rendering of arrays and scalars (str, repr, print), byte for byte.
//
// The printer works on a plain description of a contiguous C-order array (PrintArray) so it
// does not depend on the ndarray class: the numpy module copies (or gathers) the elements
// into one of the typed vectors and calls array_str / array_repr with the current
// np.set_printoptions values.
//
// Float text follows NumPy's Dragon4 contract: "unique" digits are the shortest decimal that
// round-trips (ties in the round-trip interval inclusive for even mantissas, closest first),
// and every cut-off (precision, min_digits) rounds the *exact* binary value half-to-even.
// float64_repr therefore is also CPython's repr(float).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lmpy::np {

struct PrintArray {
    // 'f' float64 (f), 'i' int64 (i), 'b' bool (b), 'U' unicode (u).
    char kind = 'f';
    // Empty shape = 0-d array (one element). The element vector for `kind` holds
    // product(shape) elements in C order; the other vectors are ignored.
    std::vector<int64_t> shape;
    std::vector<double> f;
    std::vector<int64_t> i;
    std::vector<uint8_t> b;
    std::vector<std::u32string> u; // elements without NumPy's trailing NUL padding
    int u_width = 1;               // the N of dtype '<UN' (shown by repr)
};

struct PrintOptions {
    // np.set_printoptions(precision=). Note NumPy's set_printoptions(precision=None) leaves the
    // value unchanged; -1 here means "no cut-off" (shortest digits), as array2string allows.
    int precision = 8;
    bool suppress = false;
    int linewidth = 75;
    int64_t threshold = 1000;
    int edgeitems = 3;
};

// str(a) / print(a). 0-d arrays print like the scalar (str of the element, no quotes).
std::string array_str(const PrintArray& a, const PrintOptions& opt = {});
// repr(a): "array([...])" with NumPy's hanging indent and a ", dtype=..." suffix when the
// dtype is not implied (empty arrays, unicode arrays).
std::string array_repr(const PrintArray& a, const PrintOptions& opt = {});
// The dtype name as repr shows it: float64, int64, bool, '<U3'.
std::string dtype_repr(const PrintArray& a);

// ---- scalars (np.float64 / np.int64 / np.bool_ / np.str_) ----
// np.float64's str and repr (NumPy 1.24): identical to CPython's repr(float).
std::string float64_repr(double x);
inline std::string float64_str(double x) { return float64_repr(x); }
std::string int64_str(int64_t x);
inline std::string bool_str(bool x) { return x ? "True" : "False"; }
// CPython 3.11's repr(str): quote choice, escapes, and str.isprintable() from a generated
// Unicode 14.0 table.
std::string py_str_repr(const std::u32string& s);
std::string utf8_encode(const std::u32string& s);

// ---- np.format_float_positional / np.format_float_scientific ----
// precision/pad_left/pad_right/exp_digits/min_digits: -1 means None. trim: 'k', '.', '0', '-'.
std::string format_float_positional(double x, int precision = -1, bool unique = true,
                                    bool fractional = true, char trim = 'k', bool sign = false,
                                    int pad_left = -1, int pad_right = -1, int min_digits = -1);
std::string format_float_scientific(double x, int precision = -1, bool unique = true,
                                    char trim = 'k', bool sign = false, int pad_left = -1,
                                    int exp_digits = -1, int min_digits = -1);

} // namespace lmpy::np
