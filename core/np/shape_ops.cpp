// Joining copies every input into a slice view of the result (so casting and strides are the
// NDArray::assign path); splitting returns basic-slice views, as NumPy does.
#include "np/shape_ops.h"
#include "np/detail.h"

namespace lmpy::np {
using detail::fail;

static DType common_dtype(const std::vector<NDArray>& arrays, int64_t& width) {
    bool str = false, num = false;
    DType t = DType::Bool;
    width = 1;
    for (auto& a : arrays) {
        if (a.dtype() == DType::Str)
            str = true, width = std::max(width, a.str_width());
        else
            num = true, t = promote(t, a.dtype());
    }
    if (!str) return t;
    if (num)
        for (auto& a : arrays)
            if (a.dtype() != DType::Str)
                width = std::max<int64_t>(width, a.dtype() == DType::Bool    ? 5
                                                 : a.dtype() == DType::Int64 ? 21
                                                                             : 32);
    return DType::Str;
}

NDArray concatenate(const std::vector<NDArray>& arrays, std::optional<int64_t> axis) {
    if (arrays.empty()) fail(Kind::ValueError, "need at least one array to concatenate");
    std::vector<NDArray> in = arrays;
    if (!axis) {
        for (auto& a : in) a = a.ravel();
        axis = 0;
    }
    int nd = in[0].ndim();
    if (nd == 0) fail(Kind::ValueError, "zero-dimensional arrays cannot be concatenated");
    int64_t ax = normalize_axis(*axis, nd);
    Shape out = in[0].shape();
    out[ax] = 0;
    for (size_t i = 0; i < in.size(); ++i) {
        const Shape& s = in[i].shape();
        if (in[i].ndim() != nd)
            fail(Kind::ValueError,
                 "all the input arrays must have same number of dimensions, but the array at "
                 "index 0 has " +
                     std::to_string(nd) + " dimension(s) and the array at index " +
                     std::to_string(i) + " has " + std::to_string(in[i].ndim()) + " dimension(s)");
        for (int d = 0; d < nd; ++d)
            if (d != ax && s[d] != in[0].shape()[d])
                fail(Kind::ValueError,
                     "all the input array dimensions except for the concatenation axis must "
                     "match exactly, but along dimension " +
                         std::to_string(d) + ", the array at index 0 has size " +
                         std::to_string(in[0].shape()[d]) + " and the array at index " +
                         std::to_string(i) + " has size " + std::to_string(s[d]));
        out[ax] += s[ax];
    }
    int64_t width;
    DType t = common_dtype(in, width);
    NDArray r = NDArray::zeros(out, t, width);
    int64_t pos = 0;
    for (auto& a : in) {
        std::vector<IndexItem> idx(ax, IndexItem(Slice{}));
        idx.push_back(Slice{pos, pos + a.shape()[ax], {}});
        r.get(idx).assign(a);
        pos += a.shape()[ax];
    }
    return r;
}

NDArray stack(const std::vector<NDArray>& arrays, int64_t axis) {
    if (arrays.empty()) fail(Kind::ValueError, "need at least one array to stack");
    for (auto& a : arrays)
        if (a.shape() != arrays[0].shape())
            fail(Kind::ValueError, "all input arrays must have the same shape");
    int64_t ax = normalize_axis(axis, arrays[0].ndim() + 1);
    std::vector<NDArray> ex;
    for (auto& a : arrays) ex.push_back(a.expand_dims(ax));
    return concatenate(ex, ax);
}

NDArray atleast_1d(const NDArray& a) { return a.ndim() == 0 ? a.reshape({1}) : a; }
NDArray atleast_2d(const NDArray& a) {
    if (a.ndim() == 0) return a.reshape({1, 1});
    if (a.ndim() == 1) return a.expand_dims(0);
    return a;
}

NDArray vstack(const std::vector<NDArray>& arrays) {
    std::vector<NDArray> in;
    for (auto& a : arrays) in.push_back(atleast_2d(a));
    return concatenate(in, 0);
}

NDArray hstack(const std::vector<NDArray>& arrays) {
    std::vector<NDArray> in;
    for (auto& a : arrays) in.push_back(atleast_1d(a));
    if (!in.empty() && in[0].ndim() == 1) return concatenate(in, 0);
    return concatenate(in, 1);
}

NDArray column_stack(const std::vector<NDArray>& arrays) {
    std::vector<NDArray> in;
    for (auto& a : arrays) in.push_back(a.ndim() < 2 ? atleast_1d(a).reshape({-1, 1}) : a);
    return concatenate(in, 1);
}

static std::vector<NDArray> split_at(const NDArray& a, const std::vector<int64_t>& bounds,
                                     int64_t ax) {
    std::vector<NDArray> out;
    for (size_t i = 0; i + 1 < bounds.size(); ++i) {
        std::vector<IndexItem> idx(ax, IndexItem(Slice{}));
        idx.push_back(Slice{bounds[i], bounds[i + 1], {}});
        out.push_back(a.get(idx));
    }
    return out;
}

std::vector<NDArray> split(const NDArray& a, int64_t sections, int64_t axis) {
    int64_t ax = normalize_axis(axis, a.ndim());
    if (sections == 0) fail(Kind::ZeroDivisionError, "integer modulo by zero");
    if (a.shape()[ax] % sections != 0)
        fail(Kind::ValueError, "array split does not result in an equal division");
    return array_split(a, sections, axis);
}

std::vector<NDArray> split(const NDArray& a, const std::vector<int64_t>& indices, int64_t axis) {
    int64_t ax = normalize_axis(axis, a.ndim());
    int64_t n = a.shape()[ax];
    std::vector<int64_t> b{0};
    for (auto i : indices) b.push_back(i);
    b.push_back(n);
    // Python slice semantics for each piece [b[i], b[i+1]).
    std::vector<NDArray> out;
    for (size_t i = 0; i + 1 < b.size(); ++i) {
        std::vector<IndexItem> idx(ax, IndexItem(Slice{}));
        idx.push_back(Slice{b[i], b[i + 1], {}});
        out.push_back(a.get(idx));
    }
    return out;
}

std::vector<NDArray> array_split(const NDArray& a, int64_t sections, int64_t axis) {
    int64_t ax = normalize_axis(axis, a.ndim());
    if (sections <= 0) fail(Kind::ValueError, "number sections must be larger than 0.");
    int64_t n = a.shape()[ax], each = n / sections, extra = n % sections;
    std::vector<int64_t> b{0};
    for (int64_t i = 0; i < sections; ++i) b.push_back(b.back() + each + (i < extra ? 1 : 0));
    return split_at(a, b, ax);
}

NDArray moveaxis(const NDArray& a, int64_t source, int64_t destination) {
    int64_t s = normalize_axis(source, a.ndim()), d = normalize_axis(destination, a.ndim());
    std::vector<int64_t> order;
    for (int64_t i = 0; i < a.ndim(); ++i)
        if (i != s) order.push_back(i);
    order.insert(order.begin() + d, s);
    return a.transpose(order);
}

NDArray repeat(const NDArray& a, int64_t repeats, std::optional<int64_t> axis) {
    if (repeats < 0) fail(Kind::ValueError, "negative dimensions are not allowed");
    NDArray src = axis ? a : a.ravel();
    int64_t ax = axis ? normalize_axis(*axis, a.ndim()) : 0;
    Shape es = src.shape();
    es.insert(es.begin() + ax + 1, repeats);
    NDArray e = src.expand_dims(ax + 1).broadcast_to(es);
    Shape out = src.shape();
    out[ax] *= repeats;
    return e.copy().reshape(out);
}

NDArray tile(const NDArray& a, const std::vector<int64_t>& reps) {
    size_t nd = std::max<size_t>(a.ndim(), reps.size());
    Shape s(nd - a.ndim(), 1);
    for (auto d : a.shape()) s.push_back(d);
    std::vector<int64_t> r(nd - reps.size(), 1);
    for (auto x : reps) r.push_back(x);
    NDArray c = a.reshape(s);
    // Interleave (rep, dim) pairs, broadcast, then merge each pair.
    Shape inter, bshape, out;
    for (size_t d = 0; d < nd; ++d) {
        inter.push_back(1), inter.push_back(s[d]);
        bshape.push_back(r[d]), bshape.push_back(s[d]);
        out.push_back(r[d] * s[d]);
    }
    return c.reshape(inter).broadcast_to(bshape).copy().reshape(out);
}

} // namespace lmpy::np
