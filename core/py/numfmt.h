// CPython 3.11's number <-> text rules, independent of the object model.
//
// Why snprintf and strtod: Emscripten's libc++ has no floating-point std::to_chars /
// from_chars, while both glibc and musl (Emscripten's libc) print and parse correctly
// rounded in any precision. The shortest round-trip repr is found by searching the
// precision with snprintf("%.*e")+strtod; that search is exact because the correctly rounded
// p-digit decimal is the nearest p-digit decimal. Only at powers of two (asymmetric rounding
// interval) can a farther p-digit decimal round-trip when the nearest one does not, and
// that case is handled explicitly. Everything else (layout, signs, grouping, padding,
// error texts) is reimplemented here from CPython's documented behaviour and checked against
// /usr/bin/python3 with generated tables (tests/unit/gen/numfmt_*).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "py/bigint.h"
#include "py/numerror.h"

namespace lmpy {

// ---- small UTF-8 helpers (strings are UTF-8 encoded, indexed by code point) ----
size_t utf8_length(std::string_view s);
// First max_cp code points of s.
std::string utf8_truncate(std::string_view s, size_t max_cp);
void utf8_append(std::string& out, char32_t cp);
// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII, used by int() and float() on str:
// Unicode decimal digits become ASCII digits, Unicode whitespace becomes ' ', any other
// non-ASCII code point becomes '?' (so that it fails to parse).
std::string transform_decimal_and_space(std::string_view s);
// repr() of a str (quotes chosen as CPython does; control characters escaped).
std::string py_str_repr(std::string_view s);

// ---- float <-> text ----
// repr(x) / str(x) of a float.
std::string float_repr(double x);
// Shortest round-trip digits of |x| (finite, nonzero): x = 0.DIGITS * 10**decpt.
void float_shortest_digits(double x, std::string& digits, int& decpt);
// float(str): whitespace, sign, underscores between digits, inf/infinity/nan in any case.
// ValueError "could not convert string to float: '...'".
double parse_float(std::string_view s);
// Same syntax check without throwing.
bool try_parse_float(std::string_view s, double& out);

// CPython's PyOS_double_to_string: type one of e E f F g G r (r = repr digits), precision
// ignored for r. Flags mirror Py_DTSF_*.
struct DtoaFlags {
    bool sign = false;      // always emit '+' for non-negative
    bool add_dot_0 = false; // "1.0" rather than "1" when there is no exponent
    bool alt = false;       // '#'
    bool no_neg_0 = false;  // 'z'
};
std::string double_to_string(double x, char type, int precision, DtoaFlags flags);

// ---- format-spec mini-language ----
struct FormatSpec {
    char32_t fill = ' ';
    bool fill_given = false;
    char align = 0; // '<' '>' '^' '=' or 0 for the default
    char sign = 0;  // '+' '-' ' ' or 0
    bool z = false;
    bool alt = false;
    bool zero = false;
    int64_t width = -1;
    char grouping = 0; // ',' '_' or 0
    int64_t precision = -1;
    char32_t type = 0;
};
// Parses spec for an object of the named type (the name only appears in error texts).
// `default_align` is '<' for strings and '>' for numbers (it matters for the '0' flag).
FormatSpec parse_format_spec(std::string_view spec, std::string_view type_name, char default_align);

std::string format_float(double x, std::string_view spec);
std::string format_int(int64_t v, std::string_view spec);
std::string format_int(const BigInt& v, std::string_view spec);
std::string format_str(std::string_view s, std::string_view spec);
// bool uses int formatting except the empty spec ("True"); the VM handles that case.

// ---- printf-style str % args ----
// The VM describes the right operand through callbacks. Arguments are identified by a
// handle: positional arguments are 0..nargs-1; lookup(key) returns a handle for a mapping
// value (any value the VM likes, passed back to the other callbacks).
struct PercentNumber {
    enum Kind { Int, Big, Float, NotNumber } kind = NotNumber;
    int64_t i = 0;
    BigInt big;
    double f = 0;
    std::string type_name; // Python type name, for TypeError texts
    // For %c: a str argument's UTF-8 text (kind NotNumber, is_str true).
    bool is_str = false;
    std::string str_value;
};
struct PercentArgs {
    size_t nargs = 1;        // tuple length, or 1 when the operand is not a tuple
    bool is_tuple = false;   // operand was a tuple
    bool is_mapping = false; // operand supports %(key)s (and then is not "not all converted")
    std::function<size_t(std::string_view key)> lookup;
    std::function<std::string(size_t)> str, repr, ascii;
    // int(x)/float(x)-capable view of an argument. For %d/%i/%u/%x/%o/%X the VM returns
    // Int/Big for ints (and objects with __index__), Float for floats; for e/f/g it may
    // return Float directly.
    std::function<PercentNumber(size_t)> number;
};
std::string percent_format(std::string_view fmt, const PercentArgs& args);

// ---- float arithmetic with Python's rules ----
double float_truediv(double a, double b);                    // "float division by zero"
double float_floordiv(double a, double b);                   // "float floor division by zero"
double float_mod(double a, double b);                        // "float modulo"
void float_divmod(double a, double b, double& q, double& r); // "float divmod()"
// a ** b for floats. When Python would return a complex (negative base, non-integral
// exponent) this sets *complex_result (if given) and returns NaN; with a null pointer it
// throws ValueError "math domain error". 0.0 ** negative -> ZeroDivisionError; overflow ->
// OverflowError "(34, 'Numerical result out of range')".
double float_pow(double a, double b, bool* complex_result = nullptr);

// round(x, ndigits) for a float (correctly rounded, half-even on the exact binary value);
// OverflowError "rounded value too large to represent".
double round_double(double x, int64_t ndigits);
// round(x): nearest integer, ties to even; errors for inf/nan as int(float).
BigInt round_to_int(double x);
double round_half_even(double x);

} // namespace lmpy
