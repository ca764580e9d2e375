// Results allocated without zeroing (NDArray::empty / empty_like_order: ufunc outputs,
// astype, copy, reductions) must have every element written. The heap is dirtied first
// with freed 0xAB blocks of the same sizes, so a skipped element shows up as garbage
// instead of hiding behind fresh zeroed pages.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>
#include "np/reduce.h"
#include "np/ufunc.h"

using namespace lmpy::np;

static void dirty_heap() {
    for (size_t n : {size_t(35), size_t(56), size_t(96), size_t(280), size_t(480)}) {
        void* ps[16];
        for (auto& p : ps) {
            p = std::malloc(n);
            std::memset(p, 0xAB, n);
        }
        for (auto* p : ps) std::free(p);
    }
}

static double at(const NDArray& a, int64_t i, int64_t j) {
    return std::get<double>(a.get({i, j}).item());
}

TEST_CASE("arrays created without zeroing have every element written", "[np]") {
    std::vector<double> v(35);
    for (int i = 0; i < 35; ++i) v[i] = i - 17.5;
    NDArray A = NDArray::from_doubles({5, 7}, v);
    NDArray T = A.T(); // Fortran-ordered 7x5: results follow its memory order
    for (int rep = 0; rep < 3; ++rep) {
        dirty_heap();
        NDArray s = binary(BinOp::Add, T, T);
        NDArray n = unary(UnOp::Neg, T);
        NDArray b = binary(BinOp::Lt, T, NDArray::from_doubles({}, {0.0}));
        NDArray c = T.copy();
        NDArray f = T.astype(DType::Int64).astype(DType::Float64);
        NDArray r = sum(T, std::vector<int64_t>{1}, true);
        NDArray m = max(A, std::vector<int64_t>{0}, false);
        for (int64_t i = 0; i < 7; ++i) {
            double row = 0;
            for (int64_t j = 0; j < 5; ++j) {
                double x = v[j * 7 + i];
                row += x;
                CHECK(at(s, i, j) == 2 * x);
                CHECK(at(n, i, j) == -x);
                CHECK(std::get<bool>(b.get({i, j}).item()) == (x < 0));
                CHECK(at(c, i, j) == x);
                CHECK(at(f, i, j) == double(int64_t(x)));
            }
            CHECK(at(r, i, 0) == row);
            CHECK(std::get<double>(m.get({i}).item()) == v[28 + i]);
        }
    }
}

TEST_CASE("an array past the memory budget is NumPy's MemoryError, not an allocation", "[np]") {
    // 512 MB (VM::mem_budget) is the most one array may take; just under it allocates
    Shape over{(int64_t(512) << 20) / 8 + 1};
    try {
        NDArray::empty(over, DType::Float64);
        FAIL("allocated past the budget");
    } catch (const Error& e) {
        CHECK(e.kind == Kind::MemoryError);
        CHECK(e.message == "Unable to allocate 512. MiB for an array with shape (67108865,) and "
                           "data type float64");
    }
    try {
        NDArray::zeros({int64_t(18325193797)}, DType::Bool);
        FAIL("allocated 18 GB");
    } catch (const Error& e) {
        CHECK(e.kind == Kind::MemoryError);
    }
    CHECK(NDArray::zeros({(int64_t(512) << 20) / 8}, DType::Float64).size() == (int64_t(1) << 26));
}
