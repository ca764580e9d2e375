// NDArray: the strided n-dimensional array behind the interpreter's `numpy` module.
//
// Design: this library knows nothing of Python objects. An array is (dtype, shape, strides,
// offset) over one shared, untyped buffer; strides and offset count *elements*, not bytes, so
// every kernel indexes a typed pointer directly. Views (slices, transpose, reshape of contiguous
// data, expand_dims...) share the buffer, so writes through a view are seen by the base, as in
// NumPy. Only four dtypes exist (bool, int64, float64 and fixed-width unicode `<Un`, stored as
// n char32_t per element, zero-padded); with so few, NumPy's value-based casting collapses to the
// plain promotion bool < int64 < float64. Errors are thrown as np::Error carrying the Python
// exception kind and NumPy 1.24's exact message; the binding layer turns them into exceptions.
// The binding walks Python lists itself and hands over (shape, flat typed vector) built with
// the from_* constructors; printers read flat C-order copies through the to_* accessors.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lmpy::np {

enum class Kind {
    ValueError,
    IndexError,
    TypeError,
    UFuncTypeError, // numpy.core._exceptions.UFuncTypeError (a TypeError)
    LinAlgError,
    AxisError, // NumPy's AxisError subclasses ValueError and IndexError
    ZeroDivisionError,
    OverflowError,
    NotImplementedError,
    MemoryError // numpy.core._exceptions._ArrayMemoryError (shown as MemoryError)
};

struct Error {
    Kind kind;
    std::string message;
};

enum class DType : uint8_t { Bool, Int64, Float64, Str };

using Shape = std::vector<int64_t>;
// One element as the binding sees it; strings are code points without the zero padding.
using Scalar = std::variant<double, int64_t, bool, std::u32string>;

// "(2, 3)", "(4,)", "()": Python's tuple repr, as NumPy error texts embed it.
std::string shape_repr(const Shape& s);
// "float64", "int64", "bool", "<U3".
std::string dtype_name(DType dt, int64_t width = 1);
// The promotion of two numeric dtypes (bool < int64 < float64); Str only with Str.
DType promote(DType a, DType b);
int64_t shape_size(const Shape& s);
// The bytes of a C-contiguous array (ValueError when they overflow, as NumPy's), and a check
// that they can be allocated (NumPy's MemoryError naming the size), for code that fills a
// std::vector before it becomes an array.
int64_t array_bytes(const Shape& shape, DType dt, int64_t width = 1);
void check_alloc(const Shape& shape, DType dt, int64_t width = 1);
// Python's repr() of a float (shortest round-trip digits), used for astype(str).
std::string float_repr(double v);
std::u32string to_u32(const std::string& s);
std::string to_utf8(const std::u32string& s);

struct IndexItem;

class NDArray {
  public:
    NDArray(); // 0-d float64 zero
    // A fresh zero-filled C-contiguous array. `width` is the code-point width of Str.
    static NDArray zeros(const Shape& shape, DType dt, int64_t width = 1);
    // The same without zeroing the numbers (Str stays zeroed: its padding is significant),
    // for results whose every element the caller writes. In wasm, calloc's memset was a
    // third of a 1000x1000 softmax: reused heap memory has to be cleared byte by byte.
    static NDArray empty(const Shape& shape, DType dt, int64_t width = 1);
    static NDArray from_doubles(const Shape& shape, std::vector<double> v);
    static NDArray from_int64s(const Shape& shape, std::vector<int64_t> v);
    static NDArray from_bools(const Shape& shape, const std::vector<bool>& v);
    // Width is the longest string (at least 1) unless given.
    static NDArray from_strings(const Shape& shape, const std::vector<std::u32string>& v,
                                int64_t width = 0);
    // 0-d arrays, written in place (every operator with a Python number makes one).
    static NDArray scalar(double v);
    static NDArray scalar(int64_t v);
    static NDArray scalar(bool v);
    static NDArray scalar(const Scalar& s);

    DType dtype() const { return dtype_; }
    int64_t str_width() const { return width_; }
    std::string dtype_str() const { return dtype_name(dtype_, width_); }
    const Shape& shape() const { return shape_; }
    const Shape& strides() const { return strides_; }
    int64_t offset() const { return offset_; }
    int ndim() const { return static_cast<int>(shape_.size()); }
    int64_t size() const { return shape_size(shape_); }
    int64_t len() const; // TypeError "len() of unsized object" for 0-d
    bool is_c_contiguous() const;
    bool shares_buffer(const NDArray& o) const { return buf_ == o.buf_; }

    // Element by flat C-order index (bounds not checked beyond size()).
    Scalar item(int64_t flat) const;
    // The single element; ValueError when size != 1 (NumPy's text).
    Scalar item() const;
    void set_item(int64_t flat, const Scalar& v);
    // Contiguous C-order copies of the data, converted to the requested type.
    std::vector<double> to_doubles() const;
    std::vector<int64_t> to_int64s() const;
    std::vector<bool> to_bools() const;
    std::vector<std::u32string> to_strings() const;

    NDArray copy() const;         // always a fresh C-contiguous array
    NDArray ascontiguous() const; // *this when already C-contiguous, else a copy
    // Cast with NumPy's unsafe casting: float->int truncates, numbers <-> str via repr/parse.
    // width 0 for Str picks NumPy's default (bool 5, int 21, float 32, str kept).
    NDArray astype(DType dt, int64_t width = 0) const;

    // Views (share the buffer).
    NDArray T() const;
    NDArray transpose(const std::vector<int64_t>& axes = {}) const;
    NDArray swapaxes(int64_t a, int64_t b) const;
    NDArray expand_dims(int64_t axis) const;
    NDArray squeeze(const std::optional<std::vector<int64_t>>& axes = std::nullopt) const;
    NDArray broadcast_to(const Shape& shape) const;
    // View when the data is C-contiguous, copy otherwise; one -1 allowed.
    NDArray reshape(Shape shape) const;
    NDArray ravel() const;
    NDArray flatten() const { return ravel().copy(); }

    // Indexing: basic indices give views, advanced ones (int/bool arrays) copies.
    NDArray get(const std::vector<IndexItem>& index) const;
    void set(const std::vector<IndexItem>& index, const NDArray& value);
    // this[...] = value: broadcast value to this shape, cast to this dtype, write.
    void assign(const NDArray& value);

    // Kernel access: typed pointer to element (0,...,0). Str uses char32_t with
    // element k at data<char32_t>() + k_offset * str_width().
    template <class T> T* data() const {
        return static_cast<T*>(buf_.get()) + offset_ * (dtype_ == DType::Str ? width_ : 1);
    }
    // The same untyped, for type-erased kernel drivers (the element size from the dtype).
    void* raw_data() const {
        int64_t item = dtype_ == DType::Bool ? 1 : dtype_ == DType::Str ? 4 * width_ : 8;
        return static_cast<char*>(buf_.get()) + offset_ * item;
    }
    const std::shared_ptr<void>& buf_ref() const { return buf_; }
    // Raw constructor for views made by the library itself.
    NDArray(std::shared_ptr<void> buf, DType dt, int64_t width, Shape shape, Shape strides,
            int64_t offset);
    // A fresh array laid out in the same memory order as `like` (NumPy's order='K').
    static NDArray zeros_like_order(const Shape& shape, DType dt, const NDArray& like,
                                    int64_t width = 1);
    // zeros_like_order without zeroing the numbers (see empty()).
    static NDArray empty_like_order(const Shape& shape, DType dt, const NDArray& like,
                                    int64_t width = 1);

  private:
    std::shared_ptr<void> buf_;
    DType dtype_ = DType::Float64;
    int64_t width_ = 1;
    Shape shape_, strides_;
    int64_t offset_ = 0;
};

struct Slice {
    std::optional<int64_t> start, stop, step;
};
struct NewAxis {};
struct Ellipsis {};
struct IntArray {
    NDArray a; // int64 (bool arrays are BoolArray)
};
struct BoolArray {
    NDArray a;
};
struct IndexItem {
    std::variant<int64_t, Slice, NewAxis, Ellipsis, IntArray, BoolArray> v;
    IndexItem(int64_t i) : v(i) {}
    IndexItem(Slice s) : v(s) {}
    IndexItem(NewAxis n) : v(n) {}
    IndexItem(Ellipsis e) : v(e) {}
    IndexItem(IntArray a) : v(std::move(a)) {}
    IndexItem(BoolArray a) : v(std::move(a)) {}
};

// Broadcasting: NumPy's result shape or its ValueError naming every operand's shape.
Shape broadcast_shapes(const std::vector<Shape>& shapes);
// The same for two shapes, without copying them (every binary operator calls it).
Shape broadcast_shape(const Shape& a, const Shape& b);
// Indices of the true (non-zero) elements, one int64 array per dimension.
std::vector<NDArray> nonzero(const NDArray& a);
// Normalise an axis (negative counts from the end) or throw NumPy's AxisError.
int64_t normalize_axis(int64_t axis, int64_t ndim);

} // namespace lmpy::np
