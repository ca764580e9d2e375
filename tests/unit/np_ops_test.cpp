// Creation, indexing, ufuncs, shape ops, sorting and linear algebra against NumPy 1.24 values
// (hex floats from /usr/bin/python3 + NumPy; data() mirrors `(i % 97) * a + 1.0 / (i + b)`).
#include <catch2/catch.hpp>
#include "np/creation.h"
#include "np/linalg.h"
#include "np/reduce.h"
#include "np/shape_ops.h"
#include "np/sort.h"
#include "np/ufunc.h"

using namespace lmpy::np;

static NDArray data(int64_t n, double a = 0.1, double b = 1) {
    std::vector<double> v(n);
    for (int64_t i = 0; i < n; ++i) v[i] = (i % 97) * a + 1.0 / (i + b);
    return NDArray::from_doubles({n}, v);
}
static double at(const NDArray& a, std::vector<IndexItem> ix) {
    return std::get<double>(a.get(ix).item());
}
template <class F> static std::string err(F f) {
    try {
        f();
    } catch (const Error& e) {
        return e.message;
    }
    return "no error";
}

TEST_CASE("np linalg is bit-exact with reference BLAS/LAPACK", "[np]") {
    NDArray A = data(16).reshape({4, 4}), B = data(20, -0.37, 2).reshape({4, 5});
    CHECK(at(matmul(A, B), {2, 3}) == -0x1.0af7c4419e664p+4);
    CHECK(at(dot(A, B), {1, 4}) == -0x1.904d3f6ac555dp+3);
    CHECK(at(matmul(A, B.get({Slice{}, int64_t{0}})), {3}) == -0x1.f2ca1a103428cp+3);
    CHECK(at(inv(A), {1, 2}) == -0x1.0f5bc286c057cp+10);
    CHECK(at(inv(A), {3, 0}) == -0x1.208707bd1c002p+3);
    CHECK(at(solve(A, B.get({Slice{}, int64_t{1}})), {2}) == -0x1.f94ed5873411dp+7);
    CHECK(std::get<double>(det(A).item()) == -0x1.84cb96ffc3d21p-16);
    NDArray X = data(30, 0.3, 2).reshape({3, 10});
    CHECK(at(cov(X), {0, 2}) == 0x1.6f37d1ed76739p-1);
    CHECK(at(corrcoef(X), {1, 2}) == 0x1.ffffd488f7f55p-1);
    CHECK(std::get<double>(norm(A).item()) == 0x1.0408a8c372999p+2);
    CHECK(at(norm(A, std::nullopt, std::vector<int64_t>{0}), {1}) == 0x1.eb71acf7c4196p+0);
    CHECK(std::get<double>(norm(A, 1.0).item()) == 0x1.07bbbbbbbbbbcp+2);
    CHECK(std::get<double>(norm(A.get({int64_t{0}}), 3.0).item()) == 0x1.273fdf98a42c6p+0);
    CHECK(std::get<double>(trace(data(100).reshape({10, 10})).item()) == 0x1.485cbe276d7afp+5);
    CHECK(std::get<double>(
              polyval(NDArray::from_doubles({3}, {1.5, -2.0, 0.3}), NDArray::scalar(1.7)).item()) ==
          0x1.3c28f5c28f5c1p+0);
    NDArray pf = polyfit(data(12), data(12, -0.2, 3), 2);
    std::vector<double> want{-0x1.08f1dec1a2181p-1, -0x1.72c7fe71b26ddp+0, 0x1.28b7ec44c241cp-1};
    for (int i = 0; i < 3; ++i)
        CHECK(std::get<double>(pf.item(i)) == Approx(want[i]).epsilon(1e-12));
    CHECK(err([] { inv(NDArray::from_doubles({2, 2}, {1, 1, 1, 1})); }) == "Singular matrix");
    CHECK(err([] {
              dot(ones({2, 3}), ones({4, 5}));
          }) == "shapes (2,3) and (4,5) not aligned: 3 (dim 1) != 4 (dim 0)");
    CHECK(dot(ones({1, 4, 4}), ones({1, 4, 4})).shape() == Shape{1, 4, 1, 4});
    CHECK(err([] {
              matmul(ones({2, 3}), ones({4, 5}));
          }) ==
          "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
          "(n?,k),(k,m?)->(n?,m?) (size 4 is different from 3)");
    CHECK(matmul(ones({3, 2, 4}), ones({4, 5})).shape() == Shape{3, 2, 5});
    NDArray ii =
        matmul(NDArray::from_int64s({2, 2}, {1, 2, 3, 4}), NDArray::from_int64s({2}, {5, 6}));
    CHECK(ii.dtype() == DType::Int64);
    CHECK(ii.to_int64s() == std::vector<int64_t>{17, 39});
    auto e = eigh(NDArray::from_doubles({2, 2}, {2, 1, 1, 2}));
    CHECK(e.values.to_doubles()[0] == Approx(1.0));
    CHECK(svd(NDArray::from_doubles({2, 2}, {3, 0, 0, 4})).s.to_doubles()[0] == Approx(4.0));
}

TEST_CASE("np creation", "[np]") {
    NDArray l = linspace(0, 1, 7);
    CHECK(std::get<double>(l.item(1)) == 0x1.5555555555555p-3);
    CHECK(std::get<double>(l.item(5)) == 0x1.aaaaaaaaaaaaap-1);
    CHECK(std::get<double>(linspace(-2.5, 3.1, 11, false).item(7)) == 0x1.104a7904a7904p+0);
    NDArray r = arange(0.1, 1.0, 0.1);
    CHECK(r.size() == 9);
    CHECK(std::get<double>(r.item(5)) == 0x1.3333333333333p-1);
    CHECK(std::get<double>(arange(-1.5, int64_t{2}, 0.3).item(9)) == 0x1.3333333333334p+0);
    CHECK(arange(int64_t{0}, int64_t{5}).dtype() == DType::Int64);
    CHECK(arange(int64_t{10}, int64_t{0}).size() == 0);
    CHECK(eye(3, 4, 1).to_doubles() == std::vector<double>{0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1});
    CHECK(diag(NDArray::from_int64s({2}, {7, 8}), -1).to_int64s() ==
          std::vector<int64_t>{0, 0, 0, 7, 0, 0, 0, 8, 0});
    CHECK(diag(arange(int64_t{0}, int64_t{9}).reshape({3, 3}), 1).to_int64s() ==
          std::vector<int64_t>{1, 5});
    CHECK(triu(ones({3, 3})).to_doubles() == std::vector<double>{1, 1, 1, 0, 1, 1, 0, 0, 1});
    CHECK(full({2}, Scalar(std::u32string(U"ab"))).dtype_str() == "<U2");
}

TEST_CASE("np views and indexing", "[np]") {
    NDArray a = arange(int64_t{0}, int64_t{12}).reshape({3, 4});
    NDArray col = a.get({Slice{}, int64_t{1}});
    col.assign(NDArray::scalar(int64_t{-1}));
    CHECK(a.to_int64s()[5] == -1); // writes through a view reach the base
    NDArray t = a.T();
    CHECK(t.shape() == Shape{4, 3});
    CHECK(std::get<int64_t>(t.get({int64_t{2}, int64_t{1}}).item()) == 6);
    CHECK(a.get({Ellipsis{}, NewAxis{}}).shape() == Shape{3, 4, 1});
    NDArray mask = binary(BinOp::Gt, a, NDArray::scalar(int64_t{8}));
    CHECK(a.get({BoolArray{mask}}).to_int64s() == std::vector<int64_t>{10, 11});
    NDArray rows = NDArray::from_int64s({2}, {2, 0});
    CHECK(a.get({IntArray{rows}}).shape() == Shape{2, 4});
    CHECK(a.get({IntArray{rows}, IntArray{rows}}).to_int64s() == std::vector<int64_t>{10, 0});
    NDArray b = arange(int64_t{0}, int64_t{24}).reshape({2, 3, 4});
    CHECK(b.get({int64_t{0}, Slice{}, IntArray{NDArray::from_int64s({2}, {0, 1})}}).shape() ==
          Shape{2, 3}); // NumPy's non-adjacent advanced-index rule
    CHECK(b.get({Slice{}, IntArray{NDArray::from_int64s({2}, {0, 1})}, int64_t{0}}).shape() ==
          Shape{2, 2});
    a.set({BoolArray{mask}}, NDArray::scalar(int64_t{0}));
    CHECK(std::get<int64_t>(sum(a).item()) == 27);
    CHECK(err([&] { a.get({int64_t{5}}); }) == "index 5 is out of bounds for axis 0 with size 3");
    CHECK(err([&] {
              a.get({int64_t{0}, int64_t{0}, int64_t{0}});
          }) == "too many indices for array: array is 2-dimensional, but 3 were indexed");
    CHECK(err([&] { a.reshape({5}); }) == "cannot reshape array of size 12 into shape (5,)");
    CHECK(err([&] { a.reshape({-1, 5}); }) == "cannot reshape array of size 12 into shape (5)");
    CHECK(err([&] {
              a.get({Slice{{}, 2, {}}}).assign(ones({3}));
          }) == "could not broadcast input array from shape (3,) into shape (2,4)");
    CHECK(err([&] { a.set({BoolArray{mask}}, ones({3})); }) ==
          "NumPy boolean array indexing assignment cannot assign 3 input values to the 2 output "
          "values where the mask is true");
    CHECK(a.get({Slice{{}, {}, -2}}).get({int64_t{0}}).to_int64s() ==
          std::vector<int64_t>{8, -1, 0, 0});
}

TEST_CASE("np ufuncs", "[np]") {
    NDArray i = NDArray::from_int64s({4}, {-7, 7, 5, 0});
    NDArray j = NDArray::from_int64s({4}, {2, -3, 0, 0});
    CHECK(binary(BinOp::FloorDiv, i, j).to_int64s() == std::vector<int64_t>{-4, -3, 0, 0});
    CHECK(binary(BinOp::Mod, i, j).to_int64s() == std::vector<int64_t>{1, -2, 0, 0});
    CHECK(binary(BinOp::TrueDiv, i, j).dtype() == DType::Float64);
    NDArray f = NDArray::from_doubles({4}, {-7.5, 7.0, 0.0, 1.0});
    NDArray g = NDArray::from_doubles({4}, {2.0, -0.0, 0.0, INFINITY});
    auto fd = binary(BinOp::FloorDiv, f, g).to_doubles();
    CHECK(fd[0] == -4.0);
    CHECK(fd[1] == -INFINITY);
    CHECK(std::isnan(fd[2]));
    CHECK(binary(BinOp::Mod, f, g).to_doubles()[0] == 0.5);
    CHECK(err([] {
              binary(BinOp::Add, ones({2, 3}), ones({4}));
          }) == "operands could not be broadcast together with shapes (2,3) (4,) ");
    CHECK(err([] { power_operator(NDArray::scalar(int64_t{2}), NDArray::scalar(int64_t{-1})); }) ==
          "Integers to negative integer powers are not allowed.");
    NDArray ia = NDArray::from_int64s({2}, {1, 2});
    CHECK(err([&] { binary_inplace(BinOp::Add, ia, NDArray::scalar(1.5)); }) ==
          "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting "
          "rule 'same_kind'");
    binary_inplace(BinOp::Mul, ia, NDArray::scalar(int64_t{3}));
    CHECK(ia.to_int64s() == std::vector<int64_t>{3, 6});
    CHECK(round(NDArray::from_doubles({4}, {0.5, 1.5, 2.675, -0.5}), 2).to_doubles() ==
          std::vector<double>{0.5, 1.5, 2.68, -0.5});
    CHECK(round(NDArray::from_doubles({3}, {0.5, 1.5, 2.5})).to_doubles() ==
          std::vector<double>{0, 2, 2});
    CHECK(clip(NDArray::from_int64s({3}, {1, 5, 9}), NDArray::scalar(int64_t{2}),
               NDArray::scalar(6.5))
              .to_doubles() == std::vector<double>{2, 5, 6.5});
    CHECK(where(binary(BinOp::Gt, ia, NDArray::scalar(int64_t{4})), ia, NDArray::scalar(0.5))
              .to_doubles() == std::vector<double>{0.5, 6});
    CHECK(allclose(NDArray::scalar(1.0), NDArray::scalar(1.0 + 1e-9)));
    NDArray s = NDArray::from_strings({2}, {U"cat", U"dog"});
    CHECK(s.dtype_str() == "<U3");
    CHECK(binary(BinOp::Eq, s, NDArray::scalar(Scalar(std::u32string(U"dog")))).to_bools() ==
          std::vector<bool>{false, true});
    CHECK(err([&] { binary(BinOp::Add, s, s); }) ==
          "ufunc 'add' did not contain a loop with signature matching types (dtype('<U3'), "
          "dtype('<U3')) -> None");
    CHECK(NDArray::from_doubles({2}, {1.5, 1e20}).astype(DType::Str).to_strings() ==
          std::vector<std::u32string>{U"1.5", U"1e+20"});
    CHECK(NDArray::from_doubles({2}, {-1.7, 2.7}).astype(DType::Int64).to_int64s() ==
          std::vector<int64_t>{-1, 2});
}

TEST_CASE("np shape ops and sorting", "[np]") {
    NDArray a = arange(int64_t{0}, int64_t{6}).reshape({2, 3});
    CHECK(concatenate({a, a}, 1).shape() == Shape{2, 6});
    CHECK(concatenate({a, a}, std::nullopt).shape() == Shape{12});
    CHECK(stack({a, a}, 1).shape() == Shape{2, 2, 3});
    CHECK(vstack({arange(int64_t{0}, int64_t{3}), arange(int64_t{0}, int64_t{3})}).shape() ==
          Shape{2, 3});
    CHECK(err([] { split(arange(int64_t{0}, int64_t{7}), 3); }) ==
          "array split does not result in an equal division");
    auto parts = array_split(arange(int64_t{0}, int64_t{7}), 3);
    CHECK(parts[0].to_int64s() == std::vector<int64_t>{0, 1, 2});
    CHECK(parts[2].to_int64s() == std::vector<int64_t>{5, 6});
    CHECK(err([&] {
              concatenate({a, ones({2, 2})});
          }) ==
          "all the input array dimensions except for the concatenation axis must match exactly, "
          "but along dimension 1, the array at index 0 has size 3 and the array at index 1 has "
          "size 2");
    NDArray v = NDArray::from_doubles({5}, {3, NAN, 1, 3, 2});
    auto srt = sort(v).to_doubles();
    CHECK(srt[0] == 1);
    CHECK(std::isnan(srt[4]));
    CHECK(argsort(v).to_int64s() == std::vector<int64_t>{2, 4, 0, 3, 1});
    auto u = unique(NDArray::from_int64s({5}, {3, 1, 3, 2, 1}));
    CHECK(u.values.to_int64s() == std::vector<int64_t>{1, 2, 3});
    CHECK(u.counts.to_int64s() == std::vector<int64_t>{2, 1, 2});
    CHECK(u.index.to_int64s() == std::vector<int64_t>{1, 3, 0});
    CHECK(u.inverse.to_int64s() == std::vector<int64_t>{2, 0, 2, 1, 0});
    CHECK(bincount(NDArray::from_int64s({3}, {0, 2, 2})).to_int64s() ==
          std::vector<int64_t>{1, 0, 2});
    CHECK(searchsorted(NDArray::from_int64s({4}, {1, 2, 2, 3}),
                       NDArray::from_doubles({2}, {2, 2.5}), true)
              .to_int64s() == std::vector<int64_t>{3, 3});
    CHECK(repeat(NDArray::from_int64s({2}, {1, 2}), 2).to_int64s() ==
          std::vector<int64_t>{1, 1, 2, 2});
    CHECK(tile(NDArray::from_int64s({2}, {1, 2}), {2}).to_int64s() ==
          std::vector<int64_t>{1, 2, 1, 2});
}
