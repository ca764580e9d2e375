// Indexing: NDArray::get / NDArray::set and nonzero.
//
// One pass turns the index into a view: ints and slices move the offset and rewrite the
// strides, None inserts a length-1 axis, and every advanced index (an int array, a bool mask
// turned into int arrays by nonzero, or an int that appears alongside them, as NumPy counts it)
// keeps its axis whole and is remembered. Without advanced indices that view is the answer.
// With them, the element offsets of the result are listed in "broadcast index shape first"
// order; get gathers through them and set scatters through them, and NumPy's placement rule
// (the index dimensions replace the indexed axes when those are adjacent, else go first) is a
// transpose of that order.
#include "np/detail.h"
#include "np/ndarray.h"
#include <cstring>

namespace lmpy::np {
using detail::fail;

std::vector<NDArray> nonzero(const NDArray& a);

namespace {

struct AdvIndex {
    int view_dim;
    int orig_axis;
    NDArray idx; // int64
};

struct Resolved {
    NDArray view;
    std::vector<AdvIndex> adv;
    bool single_mask = false; // exactly one bool array and nothing else advanced
};

std::string oob(int64_t i, int64_t axis, int64_t n) {
    return "index " + std::to_string(i) + " is out of bounds for axis " + std::to_string(axis) +
           " with size " + std::to_string(n);
}

Resolved resolve(const NDArray& a, const std::vector<IndexItem>& items) {
    int consumed = 0, ellipses = 0, arrays = 0, masks = 0;
    for (auto& it : items) {
        switch (it.v.index()) {
        case 0:
        case 1: ++consumed; break;
        case 3: ++ellipses; break;
        case 4: ++consumed, ++arrays; break;
        case 5: consumed += std::get<BoolArray>(it.v).a.ndim(), ++arrays, ++masks; break;
        default: break;
        }
    }
    if (ellipses > 1) fail(Kind::IndexError, "an index can only have a single ellipsis ('...')");
    if (consumed > a.ndim())
        fail(Kind::IndexError, "too many indices for array: array is " + std::to_string(a.ndim()) +
                                   "-dimensional, but " + std::to_string(consumed) +
                                   " were indexed");
    Resolved r;
    r.single_mask = masks == 1 && arrays == 1;
    Shape shape, strides;
    int64_t offset = a.offset();
    int src = 0; // next axis of `a`
    auto keep = [&](int axis) {
        shape.push_back(a.shape()[axis]);
        strides.push_back(a.strides()[axis]);
    };
    for (auto& it : items) {
        switch (it.v.index()) {
        case 0: {
            int64_t i = std::get<int64_t>(it.v), n = a.shape()[src];
            int64_t j = i < 0 ? i + n : i;
            if (j < 0 || j >= n) fail(Kind::IndexError, oob(i, src, n));
            if (arrays) {
                r.adv.push_back({static_cast<int>(shape.size()), src, NDArray::scalar(j)});
                keep(src);
            } else {
                offset += j * a.strides()[src];
            }
            ++src;
            break;
        }
        case 1: {
            const Slice& s = std::get<Slice>(it.v);
            int64_t n = a.shape()[src], step = s.step.value_or(1);
            if (step == 0) fail(Kind::ValueError, "slice step cannot be zero");
            int64_t lo = step < 0 ? -1 : 0, hi = step < 0 ? n - 1 : n;
            auto adj = [&](std::optional<int64_t> v, int64_t dflt) {
                if (!v) return dflt;
                int64_t x = *v;
                if (x < 0) x += n;
                return std::clamp(x, lo, hi);
            };
            int64_t start = adj(s.start, step < 0 ? hi : lo);
            int64_t stop = adj(s.stop, step < 0 ? lo : hi);
            int64_t len = 0;
            if (step > 0 && start < stop) len = (stop - start - 1) / step + 1;
            if (step < 0 && stop < start) len = (start - stop - 1) / (-step) + 1;
            offset += (len > 0 ? start : 0) * a.strides()[src];
            shape.push_back(len);
            strides.push_back(a.strides()[src] * step);
            ++src;
            break;
        }
        case 2:
            shape.push_back(1);
            strides.push_back(0);
            break;
        case 3: {
            int take = a.ndim() - consumed;
            for (int k = 0; k < take; ++k) keep(src++);
            break;
        }
        case 4: {
            NDArray idx = std::get<IntArray>(it.v).a;
            if (idx.dtype() != DType::Int64) {
                if (idx.dtype() != DType::Bool && idx.size() > 0)
                    fail(Kind::IndexError,
                         "arrays used as indices must be of integer (or boolean) type");
                idx = idx.astype(DType::Int64);
            }
            r.adv.push_back({static_cast<int>(shape.size()), src, idx});
            keep(src++);
            break;
        }
        case 5: {
            const NDArray& m = std::get<BoolArray>(it.v).a;
            for (int k = 0; k < m.ndim(); ++k)
                if (m.shape()[k] != a.shape()[src + k])
                    fail(Kind::IndexError,
                         "boolean index did not match indexed array along dimension " +
                             std::to_string(src + k) + "; dimension is " +
                             std::to_string(a.shape()[src + k]) +
                             " but corresponding boolean dimension is " +
                             std::to_string(m.shape()[k]));
            std::vector<NDArray> nz = nonzero(m);
            for (auto& z : nz) {
                r.adv.push_back({static_cast<int>(shape.size()), src, z});
                keep(src++);
            }
            break;
        }
        }
    }
    while (src < a.ndim()) keep(src++);
    r.view = NDArray(a.buf_ref(), a.dtype(), a.str_width(), shape, strides, offset);
    return r;
}

// Offsets (relative to view.data) of every result element in broadcast-index-first order.
struct Fancy {
    Shape bfirst;                  // B + rest
    std::vector<int64_t> to_final; // transpose axes from bfirst order to NumPy's order
    Shape final_shape;
    std::vector<int64_t> offsets;
};

Fancy fancy(const Resolved& r) {
    std::vector<Shape> shapes;
    for (auto& ad : r.adv) shapes.push_back(ad.idx.shape());
    Shape B;
    try {
        B = broadcast_shapes(shapes);
    } catch (const Error&) {
        std::string msg =
            "shape mismatch: indexing arrays could not be broadcast together with shapes ";
        for (auto& s : shapes) msg += detail::shape_compact(s) + " ";
        fail(Kind::IndexError, msg);
    }
    const NDArray& v = r.view;
    std::vector<bool> is_adv(v.ndim(), false);
    for (auto& ad : r.adv) is_adv[ad.view_dim] = true;
    Shape rest_shape, rest_strides;
    int first = r.adv.front().view_dim, pos = 0;
    bool adjacent = true;
    for (size_t k = 1; k < r.adv.size(); ++k)
        if (r.adv[k].view_dim != r.adv[k - 1].view_dim + 1) adjacent = false;
    for (int d = 0; d < v.ndim(); ++d) {
        if (is_adv[d]) continue;
        if (d < first) ++pos;
        rest_shape.push_back(v.shape()[d]);
        rest_strides.push_back(v.strides()[d]);
    }
    if (!adjacent) pos = 0;
    // Normalised, bounds-checked index values broadcast to B.
    int64_t nb = shape_size(B);
    std::vector<int64_t> base(nb, 0);
    for (auto& ad : r.adv) {
        NDArray ix = ad.idx.broadcast_to(B);
        const int64_t* p = ix.data<int64_t>();
        int64_t n = v.shape()[ad.view_dim], st = v.strides()[ad.view_dim];
        int64_t k = 0;
        detail::for_each_offset(ix, [&](int64_t o) {
            int64_t i = p[o], j = i < 0 ? i + n : i;
            if (j < 0 || j >= n) fail(Kind::IndexError, oob(i, ad.orig_axis, n));
            base[k++] += j * st;
        });
    }
    NDArray restv(v.buf_ref(), v.dtype(), v.str_width(), rest_shape, rest_strides, 0);
    std::vector<int64_t> rest;
    detail::for_each_offset(restv, [&](int64_t o) { rest.push_back(o); });
    Fancy f;
    f.offsets.reserve(nb * rest.size());
    for (int64_t b : base)
        for (int64_t o : rest) f.offsets.push_back(b + o);
    f.bfirst = B;
    f.bfirst.insert(f.bfirst.end(), rest_shape.begin(), rest_shape.end());
    int64_t nB = B.size();
    for (int64_t k = 0; k < pos; ++k) f.to_final.push_back(nB + k);
    for (int64_t k = 0; k < nB; ++k) f.to_final.push_back(k);
    for (int64_t k = nB + pos; k < static_cast<int64_t>(f.bfirst.size()); ++k)
        f.to_final.push_back(k);
    for (auto ax : f.to_final) f.final_shape.push_back(f.bfirst[ax]);
    return f;
}

template <class T>
void gather_typed(const NDArray& v, const std::vector<int64_t>& off, NDArray& out) {
    const T* s = v.data<T>();
    T* d = out.data<T>();
    for (size_t i = 0; i < off.size(); ++i) d[i] = s[off[i]];
}

} // namespace

NDArray NDArray::get(const std::vector<IndexItem>& index) const {
    Resolved r = resolve(*this, index);
    if (r.adv.empty()) return r.view;
    Fancy f = fancy(r);
    NDArray out = zeros(f.bfirst, dtype_, width_);
    const NDArray& v = r.view;
    if (dtype_ == DType::Str) {
        const char32_t* s = v.data<char32_t>();
        char32_t* d = out.data<char32_t>();
        for (size_t i = 0; i < f.offsets.size(); ++i)
            std::memcpy(d + i * width_, s + f.offsets[i] * width_, 4 * width_);
    } else {
        detail::visit_numeric(dtype_,
                              [&](auto t) { gather_typed<decltype(t)>(v, f.offsets, out); });
    }
    return out.transpose(f.to_final).ascontiguous();
}

void NDArray::set(const std::vector<IndexItem>& index, const NDArray& value) {
    Resolved r = resolve(*this, index);
    if (r.adv.empty()) {
        r.view.assign(value);
        return;
    }
    Fancy f = fancy(r);
    Shape b;
    try {
        b = broadcast_shape(value.shape(), f.final_shape);
    } catch (const Error&) {
    }
    if (b != f.final_shape) {
        if (r.single_mask && value.ndim() == 1)
            fail(Kind::ValueError, "NumPy boolean array indexing assignment cannot assign " +
                                       std::to_string(value.size()) + " input values to the " +
                                       std::to_string(shape_size(f.final_shape)) +
                                       " output values where the mask is true");
        fail(Kind::ValueError, "shape mismatch: value array of shape " +
                                   detail::shape_compact(value.shape()) +
                                   " could not be broadcast to indexing result of shape " +
                                   detail::shape_compact(f.final_shape));
    }
    std::vector<int64_t> inv(f.to_final.size());
    for (size_t k = 0; k < inv.size(); ++k) inv[f.to_final[k]] = k;
    NDArray src = value.broadcast_to(f.final_shape).transpose(inv);
    NDArray vals = zeros(f.bfirst, dtype_, width_);
    vals.assign(src);
    const NDArray& v = r.view;
    if (dtype_ == DType::Str) {
        const char32_t* s = vals.data<char32_t>();
        char32_t* d = v.data<char32_t>();
        for (size_t i = 0; i < f.offsets.size(); ++i)
            std::memcpy(d + f.offsets[i] * width_, s + i * width_, 4 * width_);
        return;
    }
    detail::visit_numeric(dtype_, [&](auto t) {
        using T = decltype(t);
        const T* s = vals.data<T>();
        T* d = v.data<T>();
        for (size_t i = 0; i < f.offsets.size(); ++i) d[f.offsets[i]] = s[i];
    });
}

std::vector<NDArray> nonzero(const NDArray& a) {
    NDArray b = a.dtype() == DType::Bool ? a : a.astype(DType::Bool);
    int nd = std::max(a.ndim(), 1);
    std::vector<std::vector<int64_t>> idx(nd);
    const bool* p = b.data<bool>();
    Shape cur(a.ndim(), 0);
    detail::for_each_offset(b, [&](int64_t o) {
        if (p[o])
            for (int d = 0; d < nd; ++d) idx[d].push_back(a.ndim() ? cur[d] : 0);
        for (int d = a.ndim() - 1; d >= 0; --d) {
            if (++cur[d] < a.shape()[d]) break;
            cur[d] = 0;
        }
    });
    std::vector<NDArray> out;
    for (auto& v : idx) {
        int64_t n = v.size();
        out.push_back(NDArray::from_int64s({n}, std::move(v)));
    }
    return out;
}

} // namespace lmpy::np
