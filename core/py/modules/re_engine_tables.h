// Unicode tables for lmpy::re, generated from CPython 3.11 by tests/unit/gen/re_gen_tables.py
// (see re_engine_tables.cpp). Ranges are sorted and disjoint, so lookups binary-search.
#pragma once

namespace lmpy::re::tables {

struct CharRange {
    char32_t lo, hi;
};
// Every `stride`-th code point in [first, last] folds to itself + delta.
struct FoldRun {
    char32_t first, last;
    int stride, delta;
};

extern const CharRange kWord[];
extern const int kWord_size;
extern const CharRange kDigit[];
extern const int kDigit_size;
extern const CharRange kSpace[];
extern const int kSpace_size;
extern const FoldRun kFold[];
extern const int kFold_size;
// Sorted (code point, simple lowercase) pairs where the lowercase is not the fold.
extern const char32_t kLowerNotFold[][2];
extern const int kLowerNotFold_size;

} // namespace lmpy::re::tables
