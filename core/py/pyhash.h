// CPython 3.11's hash() values, bit-exact, because the VM reproduces CPython's set and dict
// tables and so their iteration order depends on these numbers.
//
// Numbers hash to their exact value modulo the Mersenne prime 2**61 - 1 (so 1 == 1.0 ==
// True hash alike); str and bytes use SipHash-1-3 with the all-zero key that
// PYTHONHASHSEED=0 gives, over CPython's canonical storage of the string (1, 2 or 4 bytes
// per code point, little-endian, chosen by the largest code point); tuples combine element
// hashes with 3.11's xxHash-style accumulator. Results are int64 (Py_hash_t on a 64-bit
// CPython, which is what the reference runs); -1 never comes out.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "py/bigint.h"

namespace lmpy {

constexpr uint64_t kHashModulus = (uint64_t(1) << 61) - 1;
constexpr int64_t kHashInf = 314159;

int64_t hash_int(int64_t v);
int64_t hash_bigint(const BigInt& v);
inline int64_t hash_bool(bool b) { return b ? 1 : 0; }
// `identity` is the object's address; it is used only for NaN (hash by identity since 3.10).
int64_t hash_double(double v, uint64_t identity);
// _Py_HashPointer for a 64-bit pointer value (object.__hash__, NaN).
int64_t hash_pointer(uint64_t addr);
// hash() of a str given as UTF-8.
int64_t hash_str(std::string_view utf8);
int64_t hash_bytes(const void* data, size_t len);
// hash() of a tuple from its items' hashes.
int64_t hash_tuple(const int64_t* item_hashes, size_t n);
// hash() of a frozenset from its items' hashes (any order).
int64_t hash_frozenset(const int64_t* item_hashes, size_t n);

uint64_t siphash13(uint64_t k0, uint64_t k1, const void* data, size_t len);

} // namespace lmpy
