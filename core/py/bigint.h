// Arbitrary-precision integers for Python's int.
//
// Design: the VM keeps ints that fit in int64 unboxed and only falls back to BigInt when an
// operation overflows (see the checked_* helpers at the bottom); every BigInt result that
// fits in int64 again should go back to a small int (BigInt::fits_int64 + to_int64).
// A BigInt is sign + magnitude with 32-bit limbs, least significant first: 32-bit limbs let
// every limb product and carry live in a uint64 with no compiler extensions (no __int128,
// which Emscripten's wasm32 would emulate anyway), and the magnitude is always normalised
// (no high zero limbs, zero is non-negative with no limbs) so equality is vector equality.
// Bitwise operators follow Python's infinite two's-complement semantics by converting to a
// finite two's-complement image one limb wider than the operands.
// Errors are thrown as lmpy::NumError with CPython 3.11's texts.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "py/numerror.h"

namespace lmpy {

// sys.set_int_max_str_digits(); 0 disables the limit. CPython's default is 4300.
int get_int_max_str_digits();
void set_int_max_str_digits(int n);

class BigInt {
  public:
    BigInt() = default;
    BigInt(int64_t v); // NOLINT: implicit on purpose, ints mix freely
    static BigInt from_u64(uint64_t v);
    // int(float): truncation toward zero. OverflowError for inf, ValueError for nan.
    static BigInt from_double(double d);
    // int(str, base): base 0 or 2..36, Python's whitespace/sign/prefix/underscore rules.
    static BigInt parse(std::string_view s, int base = 10);

    bool is_zero() const { return mag_.empty(); }
    bool is_negative() const { return neg_; }
    int sign() const { return neg_ ? -1 : (mag_.empty() ? 0 : 1); }
    bool is_odd() const { return !mag_.empty() && (mag_[0] & 1); }
    bool fits_int64() const;
    int64_t to_int64() const; // precondition: fits_int64()
    // Low 64 bits of the two's-complement value (wraps, like a C cast).
    uint64_t low_u64() const;
    // float(int), correctly rounded; OverflowError "int too large to convert to float".
    double to_double() const;

    // str(int); ValueError past the int_max_str_digits limit.
    std::string to_string() const;
    // Digits in base 2, 8, 10, 16 (lowercase), with '-' but without prefix; no limit
    // except for base 10.
    std::string to_string_base(int base) const;

    // bin()/oct()/hex(): base 2, 8 or 16 with sign and prefix ("-0xff").
    std::string to_prefixed_string(int base) const;
    // round(int, ndigits) for ndigits < 0 (half to even); ndigits >= 0 returns the value.
    static BigInt round_ndigits(const BigInt& a, int64_t ndigits);

    int64_t bit_length() const;
    // Number of one bits in |x| (int.bit_count()).
    int64_t bit_count() const;

    BigInt operator-() const;
    BigInt abs() const;
    friend BigInt operator+(const BigInt& a, const BigInt& b);
    friend BigInt operator-(const BigInt& a, const BigInt& b);
    friend BigInt operator*(const BigInt& a, const BigInt& b);
    // Python's // and % (floor semantics; remainder has the divisor's sign).
    // ZeroDivisionError "integer division or modulo by zero" / "integer modulo by zero".
    static BigInt floordiv(const BigInt& a, const BigInt& b);
    static BigInt mod(const BigInt& a, const BigInt& b);
    static void divmod(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r);
    // int / int, correctly rounded; "division by zero",
    // "integer division result too large for a float".
    static double truediv(const BigInt& a, const BigInt& b);
    // a ** b for b >= 0 (the VM turns negative exponents into float pow).
    static BigInt pow(const BigInt& a, const BigInt& b);
    // pow(a, b, m); negative b takes the modular inverse.
    static BigInt pow_mod(const BigInt& a, const BigInt& b, const BigInt& m);
    static BigInt gcd(const BigInt& a, const BigInt& b);
    // math.isqrt; ValueError for negative input.
    static BigInt isqrt(const BigInt& a);

    friend BigInt operator&(const BigInt& a, const BigInt& b);
    friend BigInt operator|(const BigInt& a, const BigInt& b);
    friend BigInt operator^(const BigInt& a, const BigInt& b);
    BigInt operator~() const;
    // Shift counts are Python ints; negative -> ValueError "negative shift count".
    static BigInt shl(const BigInt& a, const BigInt& n);
    static BigInt shr(const BigInt& a, const BigInt& n);
    BigInt shl(int64_t n) const; // n >= 0
    BigInt shr(int64_t n) const; // n >= 0, floor semantics

    static int cmp(const BigInt& a, const BigInt& b);
    // Exact comparison of an int with a float (nan compares unordered: returns 2).
    static int cmp_double(const BigInt& a, double d);
    friend bool operator==(const BigInt& a, const BigInt& b) {
        return a.neg_ == b.neg_ && a.mag_ == b.mag_;
    }
    friend bool operator!=(const BigInt& a, const BigInt& b) { return !(a == b); }
    friend bool operator<(const BigInt& a, const BigInt& b) { return cmp(a, b) < 0; }
    friend bool operator<=(const BigInt& a, const BigInt& b) { return cmp(a, b) <= 0; }
    friend bool operator>(const BigInt& a, const BigInt& b) { return cmp(a, b) > 0; }
    friend bool operator>=(const BigInt& a, const BigInt& b) { return cmp(a, b) >= 0; }

    const std::vector<uint32_t>& limbs() const { return mag_; }

  private:
    bool neg_ = false;
    std::vector<uint32_t> mag_;
    void trim();
    static BigInt from_mag(std::vector<uint32_t> m, bool neg);
    friend struct BigIntAccess;
};

// ---- int64 fast path for the VM ----
// Each returns false when the exact result does not fit in int64 (the VM then redoes the
// operation on BigInt).
inline bool checked_add(int64_t a, int64_t b, int64_t& r) {
    return !__builtin_add_overflow(a, b, &r);
}
inline bool checked_sub(int64_t a, int64_t b, int64_t& r) {
    return !__builtin_sub_overflow(a, b, &r);
}
inline bool checked_mul(int64_t a, int64_t b, int64_t& r) {
    return !__builtin_mul_overflow(a, b, &r);
}
inline bool checked_neg(int64_t a, int64_t& r) {
    return !__builtin_sub_overflow(int64_t(0), a, &r);
}
// a ** b for b >= 0.
bool checked_pow(int64_t a, int64_t b, int64_t& r);
// a << b for b >= 0 (b < 0 is the caller's ValueError).
bool checked_shl(int64_t a, int64_t b, int64_t& r);
// Floor division / modulo with Python's rules; throw ZeroDivisionError for b == 0.
// floordiv(INT64_MIN, -1) overflows: returns false.
bool checked_floordiv(int64_t a, int64_t b, int64_t& r);
int64_t int_mod(int64_t a, int64_t b);
// int / int for small ints, correctly rounded.
double int_truediv(int64_t a, int64_t b);
int64_t int_gcd(int64_t a, int64_t b); // result >= 0; gcd(INT64_MIN, 0) overflows: use BigInt

} // namespace lmpy
