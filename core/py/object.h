// The object model: a 16-byte tagged Value (None, bool, small int and float unboxed; everything
// else an intrusively reference-counted Obj*). Reference counting instead of a tracing GC keeps
// native code simple (a C++ local holding a Value keeps it alive, no root registration), and
// programs here are short-lived enough that reference cycles leaking until reset() is acceptable.
// Every Obj points at its Type; types hold their attributes in an AttrMap keyed by interned Str*.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace lmpy {

struct Obj;
struct Type;
struct Str;
struct VM;

// Undef marks an unbound local slot / empty cell; it never escapes to Python code.
enum class Tag : uint8_t { None, Bool, Int, Float, Obj, Undef };

struct Iter;
struct Instance;
struct AttrMap;
struct Obj {
    Type* type;
    int32_t rc = 0;
    explicit Obj(Type* t) : type(t) {}
    virtual ~Obj() = default;
    // Cheap probes for what the VM looks for on hot paths (dynamic_cast is slow): the iterator
    // interface, and the attribute dict of an object that has one (instances of user classes,
    // including those derived from dict and list).
    virtual Iter* as_iter() { return nullptr; }
    virtual AttrMap* own_attrs() { return nullptr; }
    // The C++ kind of the objects modules define (see LMPY_OBJ_KIND): checked downcasts
    // without RTTI, which the wasm build leaves out.
    virtual const void* kind() const { return nullptr; }
};

// In a struct derived from Obj: gives it a kind for obj_as<T>() (one static per type).
#define LMPY_OBJ_KIND                                                                              \
    static const void* kind_tag() {                                                                \
        static const char tag = 0;                                                                 \
        return &tag;                                                                               \
    }                                                                                              \
    const void* kind() const override { return kind_tag(); }

inline void incref(Obj* o) { ++o->rc; }
// Frees an object whose count reached zero. Freeing a container releases its items, which can
// free theirs: a million nested lists would recurse a million C++ frames deep and overflow the
// stack (CPython's "trashcan" problem). Past a fixed nesting depth the object is parked on a
// list instead, and the outermost destroy() frees the parked objects iteratively.
void destroy(Obj* o);
inline void decref(Obj* o) {
    if (--o->rc == 0) destroy(o);
}

class Value {
  public:
    Tag tag = Tag::None;
    union {
        int64_t i;
        double f;
        Obj* o;
        bool b;
    };

    Value() : i(0) {}
    static Value none() { return Value(); }
    static Value undef() {
        Value r;
        r.tag = Tag::Undef;
        return r;
    }
    bool is_undef() const { return tag == Tag::Undef; }
    static Value boolean(bool v) {
        Value r;
        r.tag = Tag::Bool;
        r.i = 0;
        r.b = v;
        return r;
    }
    static Value integer(int64_t v) {
        Value r;
        r.tag = Tag::Int;
        r.i = v;
        return r;
    }
    static Value flt(double v) {
        Value r;
        r.tag = Tag::Float;
        r.f = v;
        return r;
    }
    // Takes a new reference.
    explicit Value(Obj* p) : tag(Tag::Obj), o(p) { ++p->rc; }
    Value(const Value& v) : tag(v.tag), i(v.i) {
        if (tag == Tag::Obj) ++o->rc;
    }
    Value(Value&& v) noexcept : tag(v.tag), i(v.i) { v.tag = Tag::None; }
    Value& operator=(const Value& v) {
        if (v.tag == Tag::Obj) ++v.o->rc;
        if (tag == Tag::Obj) decref(o);
        tag = v.tag;
        i = v.i;
        return *this;
    }
    Value& operator=(Value&& v) noexcept {
        if (this != &v) {
            if (tag == Tag::Obj) decref(o);
            tag = v.tag;
            i = v.i;
            v.tag = Tag::None;
        }
        return *this;
    }
    ~Value() {
        if (tag == Tag::Obj) decref(o);
    }

    bool is_none() const { return tag == Tag::None; }
    bool is_bool() const { return tag == Tag::Bool; }
    bool is_int() const { return tag == Tag::Int; }
    bool is_float() const { return tag == Tag::Float; }
    bool is_obj() const { return tag == Tag::Obj; }
    template <class T> T* as() const { return static_cast<T*>(o); }
    // Identity (the `is` operator).
    bool same(const Value& v) const {
        if (tag != v.tag) return false;
        switch (tag) {
        case Tag::None: return true;
        case Tag::Bool: return b == v.b;
        case Tag::Int: return i == v.i;
        case Tag::Float: return f == v.f || (f != f && v.f != v.f);
        case Tag::Obj: return o == v.o;
        case Tag::Undef: return true;
        }
        return false;
    }
};

// v's object as T when it is one (T declares LMPY_OBJ_KIND), else nullptr.
template <class T> T* obj_as(const Value& v) {
    return v.is_obj() && v.o->kind() == T::kind_tag() ? static_cast<T*>(v.o) : nullptr;
}

// ---------------------------------------------------------------------------------------------
// Strings. UTF-8 storage; `len` counts code points. ASCII strings index in O(1); others decode.
struct Str : Obj {
    std::string s;
    int64_t len = 0;
    int64_t hash = -1;
    bool ascii = true;
    bool interned = false;
    Str(Type* t, std::string v);
    // with the code point count and ASCII flag already known (no scan of the text)
    Str(Type* t, std::string v, int64_t n, bool asc)
        : Obj(t), s(std::move(v)), len(n), ascii(asc) {}
};

// Hash map keyed by interned strings (attribute tables, globals fast path).
struct StrPtrHash {
    size_t operator()(const Str* s) const { return std::hash<const void*>()(s); }
};
// Type::lookup's cache (CPython's type attribute cache): a direct-mapped table of (type, name)
// -> the slot found along the MRO, or none, valid while the epoch is unchanged. The epoch moves
// whenever a type's table gains or loses a name, and when a type is freed (its address may
// come back as another type); values written into a slot need nothing: the cache holds slots.
// Instance attribute reads and writes look up the class first (descriptors), where they
// mostly miss: that walk of the MRO's hash tables was 17 % of a program building objects
// (wasm profile).
struct LookupEntry {
    const void* type;
    const Str* name;
    uint32_t epoch;
    Value* slot;
};
inline uint32_t g_type_epoch = 1;
inline LookupEntry g_lookup_cache[512];

// A type's attribute table: hashed (builtin types have dozens of methods), and references into
// it stay valid while it grows. Its insertions and erasures move the lookup cache's epoch.
struct TypeAttrs : private std::unordered_map<Str*, Value, StrPtrHash> {
    using Map = std::unordered_map<Str*, Value, StrPtrHash>;
    using Map::begin;
    using Map::const_iterator;
    using Map::count;
    using Map::end;
    using Map::find;
    using Map::iterator;
    using Map::size;
    TypeAttrs() = default;
    TypeAttrs(const TypeAttrs&) = delete; // (a copy or an assignment would not move the epoch)
    TypeAttrs& operator=(const TypeAttrs&) = delete;
    Value& operator[](Str* k) {
        auto it = Map::find(k);
        if (it != Map::end()) return it->second;
        ++g_type_epoch;
        return Map::operator[](k);
    }
    size_t erase(Str* k) {
        ++g_type_epoch;
        return Map::erase(k);
    }
};

// An object's own attributes (instances of user classes, functions): in assignment order, as
// CPython's instance dicts are (vars() and __dict__ list them so), and flat: one allocation per
// object instead of a hash node per attribute (instantiating a class of three attributes was
// 20 % malloc/free, callgrind). Lookups compare interned pointers; objects seldom have more
// than a dozen attributes. A struct, not an alias, so that Obj can name it before Value.
struct AttrMap {
    using Entry = std::pair<Str*, Value>;
    using iterator = std::vector<Entry>::iterator;
    using const_iterator = std::vector<Entry>::const_iterator;
    std::vector<Entry> v;
    iterator begin() { return v.begin(); }
    iterator end() { return v.end(); }
    const_iterator begin() const { return v.begin(); }
    const_iterator end() const { return v.end(); }
    size_t size() const { return v.size(); }
    bool empty() const { return v.empty(); }
    iterator find(const Str* k) {
        auto it = v.begin();
        while (it != v.end() && it->first != k) ++it;
        return it;
    }
    size_t count(const Str* k) { return find(k) != end(); }
    // (by value: the new value may be one of this map's own, which growing would move)
    void set(Str* k, Value x) {
        auto it = find(k);
        if (it != end())
            it->second = std::move(x);
        else
            add(k, std::move(x));
    }
    Value& operator[](Str* k) {
        auto it = find(k);
        if (it != end()) return it->second;
        return add(k, Value());
    }
    Value& add(Str* k, Value x) {
        if (v.empty()) v.reserve(4); // (one allocation for a typical __init__'s attributes)
        return v.emplace_back(k, std::move(x)).second;
    }
    size_t erase(const Str* k) {
        auto it = find(k);
        if (it == end()) return 0;
        v.erase(it); // (the others keep their order, as in a dict)
        return 1;
    }
};

struct Tuple : Obj {
    std::vector<Value> items;
    explicit Tuple(Type* t) : Obj(t) {}
};

struct List : Obj {
    std::vector<Value> items;
    explicit List(Type* t) : Obj(t) {}
};

// Insertion-ordered dict (compact layout: entries + open-addressed index).
inline int64_t next_dict_version() {
    static int64_t counter = 0;
    return ++counter;
}

struct DictEntry {
    Value key;
    Value value;
    int64_t hash;
};
struct Dict : Obj {
    std::vector<DictEntry> entries; // deleted entries have key.tag == None && hash == -1 marker
    std::vector<int32_t> index;     // -1 empty, -2 dummy, else entry position
    int64_t used = 0;
    // New on insert/delete/clear, for "changed size during iteration" and LOAD_GLOBAL's cache;
    // drawn from one counter, so no two dicts (or two states of one) share a version.
    int64_t version = next_dict_version();
    Value default_factory; // for collections.defaultdict
    explicit Dict(Type* t) : Obj(t) {}
};

// Set with CPython's table layout so that iteration order matches CPython's.
struct SetEntry {
    Value key;
    int64_t hash = 0;
    uint8_t state = 0; // 0 empty, 1 active, 2 dummy
};
struct Set : Obj {
    std::vector<SetEntry> table;
    int64_t fill = 0, used = 0;
    uint64_t finger = 0;
    explicit Set(Type* t) : Obj(t) { table.resize(8); }
};

struct Code;
struct Cell : Obj {
    Value v;
    bool empty = true;
    explicit Cell(Type* t) : Obj(t) {}
};

struct Module : Obj {
    Str* name;
    Dict* globals;
    Module(Type* t, Str* n, Dict* g);
    ~Module() override;
};

struct Function : Obj {
    Code* code;
    Value globals; // Dict
    std::vector<Value> defaults;
    Value kwdefaults;           // Dict or None
    std::vector<Value> closure; // Cells
    Value name, qualname;
    Value klass; // class whose body defined this function (for zero-argument super())
    AttrMap attrs;
    Function(Type* t, Code* c);
    AttrMap* own_attrs() override { return &attrs; } // (fn.__dict__, del fn.x)
    ~Function() override;
};

struct Args; // call arguments (see vm.h)
using NativeFn = Value (*)(VM& vm, Args& a);

// How a builtin type's method counts its positional arguments (self excluded) before it runs.
// CPython words a wrong count after the method's calling convention (METH_NOARGS, METH_O,
// Argument Clinic's positional check, PyArg_ParseTuple, keyword-only parameters), so each
// method registers which it has; VM::call checks it (call.cpp, method_call_error).
enum class ArgStyle : uint8_t { Any, NoArgs, One, Pos, Parse, KwOnly };
struct Arity {
    ArgStyle style = ArgStyle::Any;
    uint8_t min = 0, max = 255;
    bool no_kw = false; // "T.m() takes no keyword arguments"
    uint8_t total = 0;  // KwOnly: how many keyword parameters ("takes at most 2 arguments")
};
// Registrations pass an Arity packed in one integer (a struct by value would be built in memory
// at each of the hundreds of add_method calls: +10 KB of wasm).
using ArityCode = uint32_t;
constexpr ArityCode arity_code(ArgStyle st, int min, int max, bool no_kw, int total = 0) {
    return uint32_t(st) | uint32_t(min) << 8 | uint32_t(max) << 16 | uint32_t(no_kw) << 24 |
           uint32_t(total) << 25;
}
constexpr ArityCode kAnyArgs = arity_code(ArgStyle::Any, 0, 255, false);
constexpr ArityCode kNoArgs = arity_code(ArgStyle::NoArgs, 0, 0, true);
constexpr ArityCode kOneArg = arity_code(ArgStyle::One, 1, 1, true);
constexpr ArityCode pos_args(int min, int max, bool kw = false) {
    return arity_code(ArgStyle::Pos, min, max, !kw);
}
constexpr ArityCode parse_args(int min, int max, bool kw) {
    return arity_code(ArgStyle::Parse, min, max, !kw);
}
constexpr ArityCode kw_only(int total) { return arity_code(ArgStyle::KwOnly, 0, 0, false, total); }

struct NativeFunc : Obj {
    const char* name;
    NativeFn fn;
    Value self; // bound receiver (for module-level natives that close over data) or None
    Value data; // extra payload
    // A method of a builtin type (VM::add_method): its receiver must be one of `owner`'s
    // instances (the native reads it as such), then `arity` is checked.
    Type* owner = nullptr;
    Arity arity;
    NativeFunc(Type* t, const char* n, NativeFn f) : Obj(t), name(n), fn(f) {}
};

struct BoundMethod : Obj {
    Value self;
    Value func;
    BoundMethod(Type* t, Value s, Value f) : Obj(t), self(std::move(s)), func(std::move(f)) {}
};

// Instance layouts; a user class inherits the layout of its nearest builtin base.
enum class Layout : uint8_t { Object, Exception, Dict, List, Other };

// Objects whose class may be a user class hold a reference to it (`cls`, declared first so it
// is released last): rebinding a class's name (a notebook cell defining the class again) must
// not free the class while its instances live. Builtin types live as long as the VM anyway.
struct Instance : Obj {
    Value cls;
    AttrMap attrs;
    explicit Instance(Type* t);
    AttrMap* own_attrs() override { return &attrs; }
};

// Instances of user classes derived from dict (or Counter, defaultdict, OrderedDict) and
// list: the builtin's own object, so every builtin operation and method works on them, with
// an attribute dict.
struct DictInstance : Dict {
    Value cls;
    AttrMap attrs;
    explicit DictInstance(Type* t);
    AttrMap* own_attrs() override { return &attrs; }
};
struct ListInstance : List {
    Value cls;
    AttrMap attrs;
    explicit ListInstance(Type* t);
    AttrMap* own_attrs() override { return &attrs; }
};

struct ExcObj : Instance {
    Value args; // Tuple
    Value context, cause;
    bool suppress_context = false;
    // traceback entries, innermost last appended (frames add themselves while unwinding)
    struct TB {
        std::string file, func;
        int line;
    };
    std::vector<TB> tb;
    explicit ExcObj(Type* t) : Instance(t) {}
};

struct Property : Obj {
    Value fget, fset, fdel;
    explicit Property(Type* t) : Obj(t) {}
};
struct StaticMethod : Obj {
    Value func;
    StaticMethod(Type* t, Value f) : Obj(t), func(std::move(f)) {}
};
struct ClassMethod : Obj {
    Value func;
    ClassMethod(Type* t, Value f) : Obj(t), func(std::move(f)) {}
};
struct Super : Obj {
    Type* start;
    Value self;
    Super(Type* t, Type* s, Value v) : Obj(t), start(s), self(std::move(v)) {}
};

struct Range : Obj {
    int64_t start, stop, step, len;
    Range(Type* t, int64_t a, int64_t b, int64_t c);
};
struct Slice : Obj {
    Value start, stop, step;
    explicit Slice(Type* t) : Obj(t) {}
};

// A generic native iterator: next() returns false when exhausted.
struct Iter : Obj {
    bool is_seq = false; // a SeqIter (py/seqiter.h), which FOR_ITER steps inline
    explicit Iter(Type* t) : Obj(t) {}
    Iter* as_iter() override { return this; }
    virtual bool next(VM& vm, Value& out) = 0;
};

// ---------------------------------------------------------------------------------------------
// Types. Builtin behaviour lives in C++ slots; user classes fill `attrs` and the VM looks up
// dunders there (with a per-type cache of the common ones).
using ReprFn = std::string (*)(VM&, const Value&);
enum class BinOp : uint8_t; // vm.h

struct Type : Obj {
    std::string name;
    Type* base = nullptr;
    std::vector<Type*> mro; // self first
    // A user class's references to the user classes of its mro (mro holds plain pointers):
    // rebinding a base class's name must not free it under its subclasses.
    std::vector<Value> mro_refs;
    TypeAttrs attrs;
    Layout layout = Layout::Object;
    bool builtin = true;
    bool is_iter = false; // every object of the type is an Iter (FOR_ITER steps it directly)
    bool is_exception = false;
    std::string module = "builtins";
    // The name error messages use when it is not `name`: CPython prints a C type's tp_name,
    // which for extension modules includes the module ('numpy.ndarray' object has no ...).
    std::string tp_name;
    const std::string& display() const { return tp_name.empty() ? name : tp_name; }
    // constructor for builtin types: called as type(*args)
    NativeFn ctor = nullptr;
    // Native binary operators (CPython's nb_* slots), for builtin types whose dunder methods
    // all call one function (NumPy's ndarray and scalars): VM::binop calls it directly, with
    // CPython's operand order, instead of looking up and calling __add__/__radd__. Returns
    // NotImplemented when the operand or the operator is not handled.
    Value (*binop_hook)(VM& vm, BinOp op, const Value& self, const Value& other,
                        bool reflected) = nullptr;
    Type(Type* meta, std::string n) : Obj(meta), name(std::move(n)) { ++g_type_epoch; }
    ~Type() override { ++g_type_epoch; }
    bool is_subtype(const Type* other) const {
        for (Type* t : mro)
            if (t == other) return true;
        return false;
    }
    Value* lookup(Str* key) {
        uint32_t h = (uint32_t(uintptr_t(this)) >> 3) * 0x9E3779B1u ^ uint32_t(uintptr_t(key));
        LookupEntry& e = g_lookup_cache[(h * 0x85EBCA6Bu) >> 23];
        if (e.type == this && e.name == key && e.epoch == g_type_epoch) return e.slot;
        Value* r = nullptr;
        for (Type* t : mro) {
            auto it = t->attrs.find(key);
            if (it != t->attrs.end()) {
                r = &it->second;
                break;
            }
        }
        e = {this, key, g_type_epoch, r};
        return r;
    }
};

inline Instance::Instance(Type* t) : Obj(t), cls(static_cast<Obj*>(t)) {}
inline DictInstance::DictInstance(Type* t) : Dict(t), cls(static_cast<Obj*>(t)) {}
inline ListInstance::ListInstance(Type* t) : List(t), cls(static_cast<Obj*>(t)) {}

} // namespace lmpy
