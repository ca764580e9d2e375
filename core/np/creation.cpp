// Constructors. arange and linspace reproduce NumPy's arithmetic, not just its intent:
// arange fills start + i*delta with delta = (start + step) - start, and linspace scales
// arange(num) by step = (stop - start)/div, adds start, and pins the endpoint.
#include "np/creation.h"
#include "np/detail.h"
#include "np/ufunc.h"
#include <cmath>

namespace lmpy::np {
using detail::fail;

NDArray zeros(const Shape& shape, DType dt) { return NDArray::zeros(shape, dt); }
NDArray empty(const Shape& shape, DType dt) { return NDArray::zeros(shape, dt); }
NDArray ones(const Shape& shape, DType dt) {
    NDArray r = NDArray::zeros(shape, dt);
    if (dt == DType::Str)
        r.assign(NDArray::scalar(Scalar(std::u32string(U"1"))));
    else
        r.assign(NDArray::scalar(int64_t{1}));
    return r;
}

static DType dtype_of_scalar(const Scalar& v) {
    switch (v.index()) {
    case 0: return DType::Float64;
    case 1: return DType::Int64;
    case 2: return DType::Bool;
    default: return DType::Str;
    }
}

NDArray full(const Shape& shape, const Scalar& value, std::optional<DType> dt) {
    NDArray v = NDArray::scalar(value);
    DType t = dt.value_or(dtype_of_scalar(value));
    NDArray r = NDArray::zeros(shape, t, t == DType::Str ? v.str_width() : 1);
    r.assign(v);
    return r;
}

NDArray zeros_like(const NDArray& a, std::optional<DType> dt, const std::optional<Shape>& shape) {
    DType t = dt.value_or(a.dtype());
    return NDArray::zeros(shape ? *shape : a.shape(), t, t == a.dtype() ? a.str_width() : 1);
}
NDArray empty_like(const NDArray& a, std::optional<DType> dt, const std::optional<Shape>& shape) {
    return zeros_like(a, dt, shape);
}
NDArray ones_like(const NDArray& a, std::optional<DType> dt, const std::optional<Shape>& shape) {
    NDArray r = zeros_like(a, dt, shape);
    if (r.dtype() == DType::Str)
        r.assign(NDArray::scalar(Scalar(std::u32string(U"1"))));
    else
        r.assign(NDArray::scalar(int64_t{1}));
    return r;
}
NDArray full_like(const NDArray& a, const Scalar& value, std::optional<DType> dt,
                  const std::optional<Shape>& shape) {
    NDArray r = zeros_like(a, dt, shape);
    r.assign(NDArray::scalar(value));
    return r;
}

static double num_d(const Number& n) {
    return n.index() == 0 ? double(std::get<int64_t>(n)) : std::get<double>(n);
}

NDArray arange(Number start, Number stop, Number step, std::optional<DType> dt) {
    bool ints = start.index() == 0 && stop.index() == 0 && step.index() == 0;
    DType t = dt.value_or(ints ? DType::Int64 : DType::Float64);
    int64_t len;
    if (ints) {
        int64_t a = std::get<int64_t>(start), b = std::get<int64_t>(stop),
                s = std::get<int64_t>(step);
        if (s == 0) fail(Kind::ZeroDivisionError, "division by zero");
        double q = double(b - a) / double(s);
        len = static_cast<int64_t>(std::ceil(q));
    } else {
        double s = num_d(step);
        if (s == 0) fail(Kind::ZeroDivisionError, "float division by zero");
        double q = (num_d(stop) - num_d(start)) / s;
        if (!std::isfinite(q)) fail(Kind::ValueError, "arange: cannot compute length");
        len = static_cast<int64_t>(std::ceil(q));
    }
    len = std::max<int64_t>(len, 0);
    // filled in place: the allocation raises NumPy's MemoryError before any work
    if (t == DType::Bool) { // NumPy allocates before it checks the length
        NDArray r = NDArray::empty({len}, DType::Bool);
        if (len > 2)
            fail(Kind::TypeError,
                 "arange() is only supported for booleans when the result has at most length 2.");
        bool* v = r.data<bool>();
        if (len > 0) v[0] = num_d(start) != 0;
        if (len > 1) v[1] = num_d(start) + num_d(step) != 0;
        return r;
    }
    if (t == DType::Int64) {
        NDArray r = NDArray::empty({len}, DType::Int64);
        int64_t* v = r.data<int64_t>();
        int64_t a = start.index() == 0 ? std::get<int64_t>(start) : detail::f2i(num_d(start));
        int64_t s = step.index() == 0 ? std::get<int64_t>(step) : detail::f2i(num_d(step));
        int64_t delta = detail::wsub(detail::wadd(a, s), a);
        for (int64_t i = 0; i < len; ++i) v[i] = detail::wadd(a, detail::wmul(i, delta));
        return r;
    }
    NDArray r = NDArray::empty({len}, DType::Float64);
    double* v = r.data<double>();
    double a = num_d(start), delta = (a + num_d(step)) - a;
    if (len > 0) v[0] = a;
    if (len > 1) v[1] = a + num_d(step);
    for (int64_t i = 2; i < len; ++i) v[i] = a + double(i) * delta;
    return t == DType::Float64 ? r : r.astype(t);
}

NDArray linspace(double start, double stop, int64_t num, bool endpoint, std::optional<DType> dt) {
    if (num < 0)
        fail(Kind::ValueError,
             "Number of samples, " + std::to_string(num) + ", must be non-negative.");
    int64_t div = endpoint ? num - 1 : num;
    double delta = stop - start;
    NDArray r = NDArray::empty({num}, DType::Float64);
    double* y = r.data<double>();
    for (int64_t i = 0; i < num; ++i) y[i] = double(i);
    if (div > 0) {
        double step = delta / double(div);
        if (step == 0)
            for (int64_t i = 0; i < num; ++i) y[i] = (y[i] / double(div)) * delta;
        else
            for (int64_t i = 0; i < num; ++i) y[i] = y[i] * step;
    } else {
        for (int64_t i = 0; i < num; ++i) y[i] = y[i] * delta;
    }
    for (int64_t i = 0; i < num; ++i) y[i] += start;
    if (endpoint && num > 1) y[num - 1] = stop;
    DType t = dt.value_or(DType::Float64);
    if (t == DType::Int64)
        for (int64_t i = 0; i < num; ++i) y[i] = std::floor(y[i]);
    return t == DType::Float64 ? r : r.astype(t);
}

NDArray eye(int64_t n, std::optional<int64_t> m, int64_t k, DType dt) {
    int64_t cols = m.value_or(n);
    NDArray r = NDArray::zeros({n, cols}, DType::Float64);
    double* p = r.data<double>();
    for (int64_t i = 0; i < n; ++i)
        if (i + k >= 0 && i + k < cols) p[i * cols + i + k] = 1.0;
    return dt == DType::Float64 ? r : r.astype(dt);
}

NDArray identity(int64_t n, DType dt) { return eye(n, std::nullopt, 0, dt); }

NDArray diag(const NDArray& v, int64_t k) {
    if (v.ndim() == 1) {
        int64_t n = v.shape()[0], size = n + std::abs(k);
        NDArray r = NDArray::zeros({size, size}, v.dtype(), v.str_width());
        NDArray d(r.buf_ref(), r.dtype(), r.str_width(), {n}, {size + 1}, k >= 0 ? k : -k * size);
        d.assign(v);
        return r;
    }
    if (v.ndim() != 2) fail(Kind::ValueError, "Input must be 1- or 2-d.");
    int64_t rows = v.shape()[0], cols = v.shape()[1];
    int64_t n = k >= 0 ? std::max<int64_t>(0, std::min(rows, cols - k))
                       : std::max<int64_t>(0, std::min(rows + k, cols));
    int64_t off = v.offset() + (n > 0 ? (k >= 0 ? k * v.strides()[1] : -k * v.strides()[0]) : 0);
    NDArray d(v.buf_ref(), v.dtype(), v.str_width(), {n}, {v.strides()[0] + v.strides()[1]}, off);
    return d.copy();
}

static NDArray tri_mask(const NDArray& m, int64_t k, bool upper) {
    if (m.ndim() < 2) fail(Kind::ValueError, "input array must be at least 2-d");
    int64_t rows = m.shape()[m.ndim() - 2], cols = m.shape()[m.ndim() - 1];
    std::vector<bool> keep(rows * cols);
    for (int64_t i = 0; i < rows; ++i)
        for (int64_t j = 0; j < cols; ++j) keep[i * cols + j] = upper ? j - i >= k : j - i <= k;
    NDArray mask = NDArray::from_bools({rows, cols}, keep);
    return where(mask, m, NDArray::zeros({}, m.dtype(), m.str_width()));
}

NDArray triu(const NDArray& m, int64_t k) { return tri_mask(m, k, true); }
NDArray tril(const NDArray& m, int64_t k) { return tri_mask(m, k, false); }

} // namespace lmpy::np
