// NDArray core: construction, element access, casting and the view-producing methods.
// Casting goes through one templated strided copy (copy_cast) so astype, assign and every
// kernel that needs its inputs in a common dtype share a single tight loop per type pair.
#include "np/ndarray.h"
#include "py/numfmt.h"
#include "size_fn.h"
#include "np/detail.h"
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace lmpy::np {
using detail::fail;

std::string shape_repr(const Shape& s) {
    std::string r = "(";
    for (size_t i = 0; i < s.size(); ++i) {
        if (i) r += ", ";
        r += std::to_string(s[i]);
    }
    if (s.size() == 1) r += ",";
    return r + ")";
}

std::string dtype_name(DType dt, int64_t width) {
    switch (dt) {
    case DType::Bool: return "bool";
    case DType::Int64: return "int64";
    case DType::Float64: return "float64";
    default: return "<U" + std::to_string(width);
    }
}

DType promote(DType a, DType b) {
    if (a == DType::Str || b == DType::Str) {
        if (a == b) return a;
        fail(Kind::TypeError, "cannot promote a string dtype with a numeric one");
    }
    return static_cast<uint8_t>(a) > static_cast<uint8_t>(b) ? a : b;
}

int64_t shape_size(const Shape& s) {
    int64_t n = 1;
    for (auto d : s) n *= d;
    return n;
}

std::string float_repr(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[64];
    for (int p = 1; p <= 17; ++p) {
        std::snprintf(buf, sizeof buf, "%.*e", p - 1, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    // buf = [-]d[.ddd]e[+-]xx
    std::string s(buf);
    bool neg = s[0] == '-';
    if (neg) s.erase(0, 1);
    size_t epos = s.find('e');
    int exp = std::atoi(s.c_str() + epos + 1);
    std::string digits;
    for (size_t i = 0; i < epos; ++i)
        if (s[i] != '.') digits += s[i];
    std::string out;
    if (exp >= -5 + 1 && exp < 16) {
        if (exp >= 0) {
            while (static_cast<int>(digits.size()) < exp + 1) digits += '0';
            out = digits.substr(0, exp + 1) + ".";
            std::string frac = digits.substr(exp + 1);
            out += frac.empty() ? "0" : frac;
        } else {
            out = "0." + std::string(-exp - 1, '0') + digits;
        }
    } else {
        out = digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        char e[16];
        std::snprintf(e, sizeof e, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
        out += e;
    }
    return neg ? "-" + out : out;
}

std::u32string to_u32(const std::string& s) {
    std::u32string r;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = s[i];
        char32_t cp;
        int n;
        if (c < 0x80)
            cp = c, n = 1;
        else if ((c >> 5) == 6)
            cp = c & 0x1f, n = 2;
        else if ((c >> 4) == 14)
            cp = c & 0x0f, n = 3;
        else
            cp = c & 0x07, n = 4;
        for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3f);
        r += cp;
        i += n;
    }
    return r;
}

std::string to_utf8(const std::u32string& s) {
    std::string r;
    for (char32_t c : s) {
        if (c < 0x80)
            r += char(c);
        else if (c < 0x800)
            r += char(0xc0 | (c >> 6)), r += char(0x80 | (c & 0x3f));
        else if (c < 0x10000)
            r += char(0xe0 | (c >> 12)), r += char(0x80 | ((c >> 6) & 0x3f)),
                r += char(0x80 | (c & 0x3f));
        else
            r += char(0xf0 | (c >> 18)), r += char(0x80 | ((c >> 12) & 0x3f)),
                r += char(0x80 | ((c >> 6) & 0x3f)), r += char(0x80 | (c & 0x3f));
    }
    return r;
}

Shape broadcast_shapes(const std::vector<Shape>& shapes) {
    size_t nd = 0;
    for (auto& s : shapes) nd = std::max(nd, s.size());
    Shape out(nd, 1);
    for (auto& s : shapes) {
        size_t lead = nd - s.size();
        for (size_t d = 0; d < s.size(); ++d) {
            int64_t& o = out[lead + d];
            if (s[d] == o || s[d] == 1) continue;
            if (o == 1) {
                o = s[d];
                continue;
            }
            std::string msg = "operands could not be broadcast together with shapes ";
            for (auto& t : shapes) msg += detail::shape_compact(t) + " ";
            fail(Kind::ValueError, msg);
        }
    }
    return out;
}

Shape broadcast_shape(const Shape& a, const Shape& b) {
    const Shape& lo = a.size() >= b.size() ? a : b; // the longer one
    const Shape& sh = a.size() >= b.size() ? b : a;
    Shape out(lo);
    size_t lead = lo.size() - sh.size();
    for (size_t d = 0; d < sh.size(); ++d) {
        int64_t& o = out[lead + d];
        if (sh[d] == o || sh[d] == 1) continue;
        if (o != 1) return broadcast_shapes({a, b}); // raises, naming both shapes in order
        o = sh[d];
    }
    return out;
}

namespace detail {
void sort_axes_by_stride(std::vector<int>& axes, const int64_t* strides) {
    for (size_t i = 1; i < axes.size(); ++i) {
        int a = axes[i];
        int64_t key = std::abs(strides[a]);
        size_t j = i;
        for (; j > 0 && std::abs(strides[axes[j - 1]]) < key; --j) axes[j] = axes[j - 1];
        axes[j] = a;
    }
}

std::string axis_error(int64_t axis, int64_t ndim) {
    return "axis " + std::to_string(axis) + " is out of bounds for array of dimension " +
           std::to_string(ndim);
}
std::vector<bool> axis_mask(const std::optional<std::vector<int64_t>>& axes, int64_t ndim) {
    std::vector<bool> m(ndim, !axes.has_value());
    if (axes)
        for (auto a : *axes) {
            int64_t n = normalize_axis(a, ndim);
            if (m[n]) fail(Kind::ValueError, "duplicate value in 'axis'");
            m[n] = true;
        }
    return m;
}
} // namespace detail

int64_t normalize_axis(int64_t axis, int64_t ndim) {
    if (axis < -ndim || axis >= ndim) fail(Kind::AxisError, detail::axis_error(axis, ndim));
    return axis < 0 ? axis + ndim : axis;
}

// ---------------------------------------------------------------- construction

// Buffers of up to 64 bytes (0-d results, the small arrays of a training loop) live in the
// shared_ptr's own control block: one allocation instead of two. Measured with callgrind
// (native, the deck's gradient descent at 10000 epochs): ~14 heap allocations per NumPy
// operator, half of the run's instructions in malloc/free.
struct SmallBuf {
    alignas(16) unsigned char b[64];
};

// One array holds at most the interpreter's memory budget (VM::mem_budget, 512 MB): a larger
// one fails as a failed malloc does (NumPy's MemoryError naming the size). Without the cap a
// native run took whatever the machine would give (np.arange(0.0, 2.0**41, 120, dtype=bool)
// asked for 18 GB, found by the fuzzer); the page's 2 GB of wasm memory failed only later.
static constexpr int64_t kMaxArrayBytes = int64_t(512) << 20;

static std::shared_ptr<void> alloc(int64_t nbytes, bool zero) {
    if (nbytes > kMaxArrayBytes) return nullptr;
    if (nbytes <= int64_t(sizeof(SmallBuf))) {
        auto sp = std::make_shared<SmallBuf>(); // value-initialised: zeroed
        return std::shared_ptr<void>(sp, sp->b);
    }
    if (uint64_t(nbytes) > SIZE_MAX) return nullptr; // beyond wasm32's address space
    size_t n = static_cast<size_t>(nbytes);
    void* p = zero ? std::calloc(n, 1) : std::malloc(n);
    if (!p) return nullptr;
    return std::shared_ptr<void>(p, std::free);
}

static int64_t item_bytes(DType dt, int64_t width) {
    switch (dt) {
    case DType::Bool: return 1;
    case DType::Str: return 4 * width;
    default: return 8;
    }
}

LMPY_SIZE_BEGIN
// NumPy's _ArrayMemoryError._size_to_string: binary units, 3 significant digits below 1000
// units ("74.5 GiB", "728. TiB"), all digits from there ("1000. GiB").
static std::string binary_size(uint64_t nbytes) {
    static const char* const units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int bits = 64 - __builtin_clzll(nbytes | 1);
    int unit = std::max(bits - 1, 1) / 10;
    double n = double(nbytes) / double(uint64_t(1) << (unit * 10));
    if (std::nearbyint(n) == 1024) ++unit, n /= 1024;
    std::string spec = unit == 0 ? ".0f" : std::nearbyint(n) < 1000 ? "#.3g" : "#.0f";
    return format_float(n, spec) + " " + units[unit];
}

[[noreturn]] static void cannot_allocate(uint64_t nbytes, const Shape& shape, DType dt,
                                         int64_t width) {
    fail(Kind::MemoryError, "Unable to allocate " + binary_size(nbytes) +
                                " for an array with shape " + shape_repr(shape) +
                                " and data type " + dtype_name(dt, width));
}

// NumPy: a byte count that overflows its intp is a ValueError, any other failure a
// MemoryError that names the size.
int64_t array_bytes(const Shape& shape, DType dt, int64_t width) {
    int64_t nbytes = item_bytes(dt, width);
    for (auto d : shape)
        if (__builtin_mul_overflow(nbytes, d, &nbytes))
            fail(Kind::ValueError, "array is too big; `arr.size * arr.dtype.itemsize` is larger "
                                   "than the maximum possible size.");
    return nbytes;
}

void check_alloc(const Shape& shape, DType dt, int64_t width) {
    int64_t nbytes = array_bytes(shape, dt, width);
    if (nbytes < (int64_t(1) << 24)) return; // a failure there is std::bad_alloc's MemoryError
    auto probe = alloc(nbytes, false);
    if (!probe) cannot_allocate(uint64_t(nbytes), shape, dt, width);
}
LMPY_SIZE_END

NDArray::NDArray() : NDArray(zeros({}, DType::Float64)) {}

NDArray::NDArray(std::shared_ptr<void> buf, DType dt, int64_t width, Shape shape, Shape strides,
                 int64_t offset)
    : buf_(std::move(buf)), dtype_(dt), width_(width), shape_(std::move(shape)),
      strides_(std::move(strides)), offset_(offset) {}

static NDArray fresh(const Shape& shape, DType dt, int64_t width, bool zero) {
    if (shape.size() > 32) // NumPy's NPY_MAXDIMS
        fail(Kind::ValueError, "maximum supported dimension for an ndarray is 32, found " +
                                   std::to_string(shape.size()));
    for (auto d : shape)
        if (d < 0) fail(Kind::ValueError, "negative dimensions are not allowed");
    width = std::max<int64_t>(width, 1);
    int64_t nbytes = array_bytes(shape, dt, width);
    auto buf = alloc(nbytes, zero || dt == DType::Str);
    if (!buf) cannot_allocate(uint64_t(nbytes), shape, dt, width);
    return NDArray(std::move(buf), dt, width, shape, detail::c_strides(shape), 0);
}

NDArray NDArray::zeros(const Shape& shape, DType dt, int64_t width) {
    return fresh(shape, dt, width, true);
}

NDArray NDArray::empty(const Shape& shape, DType dt, int64_t width) {
    return fresh(shape, dt, width, false);
}

// Strides of a C-contiguous array of `shape` permuted into the memory order of `like`
// (NumPy's order='K'); C order when `like` is C-contiguous, broadcast or of another shape.
static void order_like(Shape& strides, const Shape& shape, const NDArray& like) {
    if (like.shape() != shape || shape.size() < 2 || like.is_c_contiguous()) return;
    for (size_t d = 0; d < shape.size(); ++d)
        if (like.strides()[d] == 0 && shape[d] > 1) return;
    std::vector<int> perm(shape.size());
    std::iota(perm.begin(), perm.end(), 0);
    detail::sort_axes_by_stride(perm, like.strides().data());
    int64_t acc = 1;
    for (size_t i = perm.size(); i-- > 0;) {
        strides[perm[i]] = acc;
        acc *= std::max<int64_t>(shape[perm[i]], 1);
    }
}

NDArray NDArray::zeros_like_order(const Shape& shape, DType dt, const NDArray& like,
                                  int64_t width) {
    NDArray r = zeros(shape, dt, width);
    order_like(r.strides_, shape, like);
    return r;
}

NDArray NDArray::empty_like_order(const Shape& shape, DType dt, const NDArray& like,
                                  int64_t width) {
    NDArray r = empty(shape, dt, width);
    order_like(r.strides_, shape, like);
    return r;
}

static void check_len(const Shape& shape, size_t n) {
    if (static_cast<size_t>(shape_size(shape)) != n)
        fail(Kind::ValueError, "data length does not match the shape");
}

NDArray NDArray::from_doubles(const Shape& shape, std::vector<double> v) {
    check_len(shape, v.size());
    NDArray r = empty(shape, DType::Float64); // every element written below
    if (!v.empty()) std::memcpy(r.data<double>(), v.data(), v.size() * 8);
    return r;
}

NDArray NDArray::from_int64s(const Shape& shape, std::vector<int64_t> v) {
    check_len(shape, v.size());
    NDArray r = empty(shape, DType::Int64);
    if (!v.empty()) std::memcpy(r.data<int64_t>(), v.data(), v.size() * 8);
    return r;
}

NDArray NDArray::from_bools(const Shape& shape, const std::vector<bool>& v) {
    check_len(shape, v.size());
    NDArray r = zeros(shape, DType::Bool);
    bool* p = r.data<bool>();
    for (size_t i = 0; i < v.size(); ++i) p[i] = v[i];
    return r;
}

NDArray NDArray::from_strings(const Shape& shape, const std::vector<std::u32string>& v,
                              int64_t width) {
    check_len(shape, v.size());
    if (width <= 0) {
        width = 1;
        for (auto& s : v) width = std::max<int64_t>(width, s.size());
    }
    NDArray r = zeros(shape, DType::Str, width);
    char32_t* p = r.data<char32_t>();
    for (size_t i = 0; i < v.size(); ++i)
        for (size_t k = 0; k < v[i].size() && static_cast<int64_t>(k) < width; ++k)
            p[i * width + k] = v[i][k];
    return r;
}

NDArray NDArray::scalar(double v) {
    NDArray r = empty({}, DType::Float64);
    *r.data<double>() = v;
    return r;
}
NDArray NDArray::scalar(int64_t v) {
    NDArray r = empty({}, DType::Int64);
    *r.data<int64_t>() = v;
    return r;
}
NDArray NDArray::scalar(bool v) {
    NDArray r = empty({}, DType::Bool);
    *r.data<bool>() = v;
    return r;
}

NDArray NDArray::scalar(const Scalar& s) {
    switch (s.index()) {
    case 0: return scalar(std::get<double>(s));
    case 1: return scalar(std::get<int64_t>(s));
    case 2: return scalar(std::get<bool>(s));
    default: return from_strings({}, {std::get<std::u32string>(s)});
    }
}

int64_t NDArray::len() const {
    if (shape_.empty()) fail(Kind::TypeError, "len() of unsized object");
    return shape_[0];
}

bool NDArray::is_c_contiguous() const {
    int64_t acc = 1;
    for (size_t i = shape_.size(); i-- > 0;) {
        if (shape_[i] == 0) return true;
        if (shape_[i] != 1 && strides_[i] != acc) return false;
        acc *= shape_[i];
    }
    return true;
}

// ---------------------------------------------------------------- element access

static int64_t flat_to_offset(const NDArray& a, int64_t flat) {
    int64_t off = 0;
    for (size_t d = a.shape().size(); d-- > 0;) {
        int64_t n = a.shape()[d];
        off += (flat % n) * a.strides()[d];
        flat /= n;
    }
    return off;
}

static std::u32string read_str(const char32_t* p, int64_t width) {
    int64_t n = width;
    while (n > 0 && p[n - 1] == 0) --n;
    return std::u32string(p, p + n);
}

Scalar NDArray::item(int64_t flat) const {
    int64_t off = flat_to_offset(*this, flat);
    switch (dtype_) {
    case DType::Float64: return data<double>()[off];
    case DType::Int64: return data<int64_t>()[off];
    case DType::Bool: return data<bool>()[off];
    default: return read_str(data<char32_t>() + off * width_, width_);
    }
}

Scalar NDArray::item() const {
    if (size() != 1)
        fail(Kind::ValueError, "can only convert an array of size 1 to a Python scalar");
    return item(0);
}

void NDArray::set_item(int64_t flat, const Scalar& v) {
    NDArray view(buf_, dtype_, width_, {}, {}, offset_ + flat_to_offset(*this, flat));
    view.assign(scalar(v));
}

template <class T> static std::vector<T> gather(const NDArray& a) {
    NDArray c = a.dtype() == detail::dtype_of<T>() ? a : a.astype(detail::dtype_of<T>());
    std::vector<T> out;
    out.reserve(c.size());
    const T* p = c.data<T>();
    detail::for_each_offset(c, [&](int64_t o) { out.push_back(p[o]); });
    return out;
}

std::vector<double> NDArray::to_doubles() const { return gather<double>(*this); }
std::vector<int64_t> NDArray::to_int64s() const { return gather<int64_t>(*this); }
std::vector<bool> NDArray::to_bools() const {
    std::vector<bool> r;
    for (bool b : gather<bool>(*this)) r.push_back(b);
    return r;
}
std::vector<std::u32string> NDArray::to_strings() const {
    NDArray c = dtype_ == DType::Str ? *this : astype(DType::Str);
    std::vector<std::u32string> out;
    out.reserve(c.size());
    const char32_t* p = c.data<char32_t>();
    int64_t w = c.width_;
    detail::for_each_offset(c, [&](int64_t o) { out.push_back(read_str(p + o * w, w)); });
    return out;
}

// ---------------------------------------------------------------- casting

static std::u32string num_to_str(double v) { return to_u32(float_repr(v)); }
static std::u32string num_to_str(int64_t v) { return to_u32(std::to_string(v)); }
static std::u32string num_to_str(bool v) { return v ? U"True" : U"False"; }

static double str_to_double(const std::u32string& s) {
    std::string u = to_utf8(s);
    size_t b = u.find_first_not_of(" \t\n\r\f\v"), e = u.find_last_not_of(" \t\n\r\f\v");
    std::string t = b == std::string::npos ? "" : u.substr(b, e - b + 1);
    std::string clean;
    for (char c : t)
        if (c != '_') clean += c;
    char* end = nullptr;
    double v = clean.empty() ? 0 : std::strtod(clean.c_str(), &end);
    bool hex = clean.find_first_of("xX") != std::string::npos;
    if (clean.empty() || hex || end != clean.c_str() + clean.size())
        fail(Kind::ValueError, "could not convert string to float: '" + u + "'");
    return v;
}

static int64_t str_to_int(const std::u32string& s) {
    std::string u = to_utf8(s);
    size_t b = u.find_first_not_of(" \t\n\r\f\v"), e = u.find_last_not_of(" \t\n\r\f\v");
    std::string t = b == std::string::npos ? "" : u.substr(b, e - b + 1);
    size_t i = (!t.empty() && (t[0] == '+' || t[0] == '-')) ? 1 : 0;
    bool ok = i < t.size();
    for (size_t k = i; k < t.size(); ++k)
        if (t[k] < '0' || t[k] > '9') ok = false;
    if (!ok) fail(Kind::ValueError, "invalid literal for int() with base 10: '" + u + "'");
    errno = 0;
    long long v = std::strtoll(t.c_str(), nullptr, 10);
    if (errno) fail(Kind::OverflowError, "Python int too large to convert to C long");
    return v;
}

template <class D, class S> static D num_cast(S v) {
    if constexpr (std::is_same_v<D, bool>)
        return v != S(0);
    else if constexpr (std::is_same_v<D, int64_t> && std::is_same_v<S, double>)
        return detail::f2i(v);
    else
        return static_cast<D>(v);
}

// dst[...] = src, elementwise over dst's shape; src already broadcast to it. As in ufunc.cpp,
// one type-free driver walks the plan and only the innermost-run kernel is instantiated per
// (dst, src) dtype pair (the whole walk inlined into all nine pairs made copy_cast 23 KB).
using CopyKern = void (*)(void* d, const void* s, const std::array<int64_t, 2>& o, int64_t n,
                          const std::array<int64_t, 2>& st);

template <class D, class S>
static void copy_kern(void* dv, const void* sv, const std::array<int64_t, 2>& o, int64_t n,
                      const std::array<int64_t, 2>& st) {
    D* dp = static_cast<D*>(dv) + o[0];
    const S* sp = static_cast<const S*>(sv) + o[1];
    if (st[0] == 1 && st[1] == 1)
        for (int64_t i = 0; i < n; ++i) dp[i] = num_cast<D>(sp[i]);
    else
        for (int64_t i = 0; i < n; ++i) dp[i * st[0]] = num_cast<D>(sp[i * st[1]]);
}

static void copy_num(const NDArray& dst, const NDArray& src, CopyKern k) {
    void* d = dst.raw_data();
    const void* s = src.raw_data();
    auto p = detail::make_plan<2>(dst.shape(), {dst.strides().data(), src.strides().data()});
    detail::run_plan<2>(p, {0, 0},
                        [&](const std::array<int64_t, 2>& o, int64_t n,
                            const std::array<int64_t, 2>& st) { k(d, s, o, n, st); });
}

static void copy_cast(const NDArray& dst, const NDArray& src) {
    if (dst.dtype() != DType::Str && src.dtype() != DType::Str) {
        detail::visit_numeric(dst.dtype(), [&](auto dt) {
            detail::visit_numeric(src.dtype(), [&](auto st) {
                copy_num(dst, src, &copy_kern<decltype(dt), decltype(st)>);
            });
        });
        return;
    }
    // Slow path: per element through the string forms.
    std::vector<int64_t> doff, soff;
    detail::for_each_offset(dst, [&](int64_t o) { doff.push_back(o); });
    detail::for_each_offset(src, [&](int64_t o) { soff.push_back(o); });
    int64_t dw = dst.str_width(), sw = src.str_width();
    for (size_t i = 0; i < doff.size(); ++i) {
        int64_t so = soff[i], dof = doff[i];
        if (dst.dtype() == DType::Str) {
            std::u32string v;
            switch (src.dtype()) {
            case DType::Float64: v = num_to_str(src.data<double>()[so]); break;
            case DType::Int64: v = num_to_str(src.data<int64_t>()[so]); break;
            case DType::Bool: v = num_to_str(src.data<bool>()[so]); break;
            default: v = read_str(src.data<char32_t>() + so * sw, sw);
            }
            char32_t* p = dst.data<char32_t>() + dof * dw;
            for (int64_t k = 0; k < dw; ++k) p[k] = k < static_cast<int64_t>(v.size()) ? v[k] : 0;
        } else {
            std::u32string v = read_str(src.data<char32_t>() + so * sw, sw);
            switch (dst.dtype()) {
            case DType::Float64: dst.data<double>()[dof] = str_to_double(v); break;
            case DType::Int64: dst.data<int64_t>()[dof] = str_to_int(v); break;
            default: dst.data<bool>()[dof] = v.empty() ? false : str_to_int(v) != 0;
            }
        }
    }
}

NDArray NDArray::astype(DType dt, int64_t width) const {
    if (dt == DType::Str && width <= 0) {
        switch (dtype_) {
        case DType::Bool: width = 5; break;
        case DType::Int64: width = 21; break;
        case DType::Float64: width = 32; break;
        default: width = width_;
        }
    }
    NDArray r = empty_like_order(shape_, dt, *this, width);
    copy_cast(r, *this);
    return r;
}

NDArray NDArray::copy() const {
    NDArray r = empty(shape_, dtype_, width_);
    copy_cast(r, *this);
    return r;
}

NDArray NDArray::ascontiguous() const { return is_c_contiguous() ? *this : copy(); }

void NDArray::assign(const NDArray& value) {
    NDArray src = value;
    Shape b;
    try {
        b = broadcast_shape(value.shape(), shape_);
    } catch (const Error&) {
        b = {};
    }
    if (b != shape_)
        fail(Kind::ValueError, "could not broadcast input array from shape " +
                                   detail::shape_compact(value.shape()) + " into shape " +
                                   detail::shape_compact(shape_));
    if (src.buf_ == buf_) src = src.copy();
    copy_cast(*this, src.broadcast_to(shape_));
}

// ---------------------------------------------------------------- views

NDArray NDArray::T() const { return transpose(); }

NDArray NDArray::transpose(const std::vector<int64_t>& axes) const {
    size_t nd = shape_.size();
    std::vector<int64_t> perm(nd);
    if (axes.empty()) {
        for (size_t i = 0; i < nd; ++i) perm[i] = nd - 1 - i;
    } else {
        if (axes.size() != nd) fail(Kind::ValueError, "axes don't match array");
        std::vector<bool> seen(nd, false);
        for (size_t i = 0; i < nd; ++i) {
            perm[i] = normalize_axis(axes[i], nd);
            if (seen[perm[i]]) fail(Kind::ValueError, "repeated axis in transpose");
            seen[perm[i]] = true;
        }
    }
    Shape s(nd), st(nd);
    for (size_t i = 0; i < nd; ++i) s[i] = shape_[perm[i]], st[i] = strides_[perm[i]];
    return NDArray(buf_, dtype_, width_, s, st, offset_);
}

NDArray NDArray::swapaxes(int64_t a, int64_t b) const {
    int64_t nd = ndim();
    if (a < -nd || a >= nd) fail(Kind::AxisError, "axis1: " + detail::axis_error(a, nd));
    if (b < -nd || b >= nd) fail(Kind::AxisError, "axis2: " + detail::axis_error(b, nd));
    a = normalize_axis(a, nd), b = normalize_axis(b, nd);
    Shape s = shape_, st = strides_;
    std::swap(s[a], s[b]);
    std::swap(st[a], st[b]);
    return NDArray(buf_, dtype_, width_, s, st, offset_);
}

NDArray NDArray::expand_dims(int64_t axis) const {
    int64_t nd = ndim() + 1;
    axis = normalize_axis(axis, nd);
    Shape s = shape_, st = strides_;
    s.insert(s.begin() + axis, 1);
    st.insert(st.begin() + axis, 0);
    return NDArray(buf_, dtype_, width_, s, st, offset_);
}

NDArray NDArray::squeeze(const std::optional<std::vector<int64_t>>& axes) const {
    std::vector<bool> m = detail::axis_mask(axes, ndim());
    Shape s, st;
    for (int d = 0; d < ndim(); ++d) {
        if (m[d] && shape_[d] == 1) continue;
        if (m[d] && axes)
            fail(Kind::ValueError,
                 "cannot select an axis to squeeze out which has size not equal to one");
        s.push_back(shape_[d]);
        st.push_back(strides_[d]);
    }
    return NDArray(buf_, dtype_, width_, s, st, offset_);
}

NDArray NDArray::broadcast_to(const Shape& shape) const {
    if (shape == shape_) return *this;
    bool ok = shape.size() >= shape_.size();
    size_t lead = ok ? shape.size() - shape_.size() : 0;
    for (size_t d = 0; ok && d < shape_.size(); ++d)
        if (shape_[d] != 1 && shape_[d] != shape[lead + d]) ok = false;
    if (!ok)
        fail(Kind::ValueError, "operands could not be broadcast together with remapped shapes "
                               "[original->remapped]: " +
                                   detail::shape_compact(shape_) + "  and requested shape " +
                                   detail::shape_compact(shape));
    return NDArray(buf_, dtype_, width_, shape, detail::bstrides(*this, shape), offset_);
}

static std::string reshape_target(const Shape& s) {
    size_t i = 0;
    while (i < s.size() && s[i] < 0) ++i;
    if (i == s.size()) return "()";
    std::string r = std::to_string(s[i++]);
    for (; i < s.size(); ++i) r += s[i] < 0 ? ",newaxis" : "," + std::to_string(s[i]);
    return s.size() == 1 ? "(" + r + ",)" : "(" + r + ")";
}

NDArray NDArray::reshape(Shape shape) const {
    int64_t known = 1, unknown = -1;
    for (size_t i = 0; i < shape.size(); ++i) {
        if (shape[i] < 0) {
            if (shape[i] != -1) fail(Kind::ValueError, "negative dimensions not allowed");
            if (unknown >= 0) fail(Kind::ValueError, "can only specify one unknown dimension");
            unknown = static_cast<int64_t>(i);
        } else {
            known *= shape[i];
        }
    }
    int64_t n = size();
    Shape orig = shape;
    if (unknown >= 0) {
        if (known == 0 || n % known != 0)
            fail(Kind::ValueError, "cannot reshape array of size " + std::to_string(n) +
                                       " into shape " + reshape_target(orig));
        shape[unknown] = n / known;
    } else if (known != n) {
        fail(Kind::ValueError, "cannot reshape array of size " + std::to_string(n) +
                                   " into shape " + reshape_target(orig));
    }
    NDArray c = ascontiguous();
    return NDArray(c.buf_, dtype_, width_, shape, detail::c_strides(shape), c.offset_);
}

NDArray NDArray::ravel() const { return reshape({size()}); }

} // namespace lmpy::np
