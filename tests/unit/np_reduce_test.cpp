// Reductions against NumPy 1.24: the summation-order cases (pairwise within 8192-element
// buffers along reduced inner axes, sequential accumulation otherwise) are checked bit for bit
// with hex-float expectations produced by /usr/bin/python3 + NumPy (data(n) below mirrors
// `(i % 97) * 0.1 + 1.0 / (i + 1)`).
#include <catch2/catch.hpp>
#include "np/reduce.h"
#include "np/ufunc.h"

using namespace lmpy::np;

static NDArray data(int64_t n) {
    std::vector<double> v(n);
    for (int64_t i = 0; i < n; ++i) v[i] = (i % 97) * 0.1 + 1.0 / (i + 1);
    return NDArray::from_doubles({n}, v);
}
static double at(const NDArray& a, int64_t i) { return std::get<double>(a.item(i)); }
static double val(const NDArray& a) { return std::get<double>(a.item()); }

TEST_CASE("np sum order matches NumPy", "[np]") {
    NDArray a = data(100000);
    CHECK(val(sum(a)) == 0x1.d4bb25c4f445fp+18);
    CHECK(val(mean(a)) == 0x1.333005177b241p+2);
    NDArray b = data(30000).reshape({100, 300});
    CHECK(at(sum(b, std::vector<int64_t>{0}), 7) == 0x1.d68ac812e73d3p+8);
    CHECK(at(sum(b, std::vector<int64_t>{1}), 3) == 0x1.643f33e88386fp+10);
    CHECK(at(sum(b.T(), std::vector<int64_t>{0}), 5) == 0x1.684543d8aa5fep+10);
    CHECK(val(sum(b)) == 0x1.1916316e8283bp+17);
    NDArray c = data(60000).reshape({5, 100, 120}).get({Slice{}, Slice{}, Slice{{}, 100, {}}});
    CHECK(at(sum(c, std::vector<int64_t>{1, 2}), 2) == 0x1.771f46a799777p+15);
    CHECK(val(sum(c)) == 0x1.d4bfcfd150866p+17);
    CHECK(at(sum(c, std::vector<int64_t>{0, -1}), 4) == 0x1.2d99ca13cfc66p+11);
    CHECK(val(var(b)) == 0x1.f5fb718785663p+2);
    CHECK(at(std_(b, std::vector<int64_t>{0}), 3) == 0x1.6981b467aa5f6p+1);
    CHECK(at(var(b, std::vector<int64_t>{1}, 1), 2) == 0x1.f51875003e13fp+2);
    CHECK(at(mean(b, std::vector<int64_t>{0}), 9) == 0x1.2d83d28e57959p+2);
    NDArray r = b.get({Slice{}, Slice{{}, {}, -1}});
    CHECK(val(sum(r)) == 0x1.1916316e8283cp+17);
    CHECK(at(sum(r, std::vector<int64_t>{1}), 1) == 0x1.604c4ee1a6c12p+10);
}

TEST_CASE("np median percentile prod cumsum", "[np]") {
    NDArray b = data(30000).reshape({100, 300});
    CHECK(val(median(b)) == 0x1.33343493a9aedp+2);
    CHECK(at(median(b.get({Slice{}, Slice{{}, 7, {}}}), std::vector<int64_t>{1}), 3) ==
          0x1.80243f6f0243fp+1);
    CHECK(val(percentile(b, NDArray::scalar(37.5))) == 0x1.ccce69179d63cp+1);
    CHECK(at(percentile(b.get({Slice{{}, 3, {}}}), NDArray::scalar(int64_t{90}),
                        std::vector<int64_t>{1}),
             1) == 0x1.139a0def252dfp+3);
    CHECK(val(prod(b.get({Slice{{}, 2, {}}, Slice{{}, 50, {}}}))) == 0x1.a46cdfe1302f2p+132);
    CHECK(at(cumsum(b), 12345) == 0x1.ce5098c07ce9cp+15);
}

TEST_CASE("np reductions: dtypes, keepdims, errors", "[np]") {
    NDArray i = NDArray::from_int64s({2, 3}, {1, 5, 3, 4, 2, 6});
    NDArray s = sum(i, std::vector<int64_t>{0}, true);
    CHECK(s.dtype() == DType::Int64);
    CHECK(s.shape() == Shape{1, 3});
    CHECK(s.to_int64s() == std::vector<int64_t>{5, 7, 9});
    CHECK(max(i, std::vector<int64_t>{1}).to_int64s() == std::vector<int64_t>{5, 6});
    CHECK(argmax(i).to_int64s() == std::vector<int64_t>{5});
    CHECK(argmin(i, 1).to_int64s() == std::vector<int64_t>{0, 1});
    CHECK(mean(i).dtype() == DType::Float64);
    CHECK(any(i, std::vector<int64_t>{1}).to_bools() == std::vector<bool>{true, true});
    CHECK(cumsum(i, 1).to_int64s() == std::vector<int64_t>{1, 6, 9, 4, 6, 12});
    NDArray f = NDArray::from_doubles({4}, {1, NAN, 3, 0});
    CHECK(std::isnan(val(max(f))));
    CHECK(argmax(f).to_int64s() == std::vector<int64_t>{1});
    CHECK(std::isnan(val(median(f))));
    try {
        sum(i, std::vector<int64_t>{2});
        FAIL();
    } catch (const Error& e) {
        CHECK(e.kind == Kind::AxisError);
        CHECK(e.message == "axis 2 is out of bounds for array of dimension 2");
    }
    try {
        max(NDArray::zeros({0}, DType::Float64));
        FAIL();
    } catch (const Error& e) {
        CHECK(e.message == "zero-size array to reduction operation maximum which has no identity");
    }
    CHECK(sum(NDArray::from_bools({3}, {true, true, false})).to_int64s() ==
          std::vector<int64_t>{2});
}
