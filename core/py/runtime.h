// Internal helpers shared by the VM's .cpp files (not part of the public API): dict/set tables,
// big ints as objects, string helpers, and the registration hooks of each part.
#pragma once
#include "py/bigint.h"
#include "py/code.h"
#include "py/strtext.h"
#include "py/vm.h"
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lmpy {

struct BigIntObj : Obj {
    BigInt v;
    BigIntObj(Type* t, BigInt b) : Obj(t), v(std::move(b)) {}
};

// Normalises: a BigInt that fits int64 becomes a small int.
Value make_int(VM& vm, const BigInt& b);
bool is_int(const VM& vm, const Value& v); // int or bool (bool is an int subclass)
BigInt to_bigint(VM& vm, const Value& v);  // precondition: is_int

// ---- dict
Value* dict_find(VM& vm, Dict* d, const Value& key, int64_t h);
inline Value* dict_find(VM& vm, Dict* d, const Value& key) {
    return dict_find(vm, d, key, vm.hash(key));
}
Value* dict_find_str(Dict* d, Str* interned);
void dict_set(VM& vm, Dict* d, const Value& key, const Value& v, int64_t h);
inline void dict_set(VM& vm, Dict* d, const Value& key, const Value& v) {
    dict_set(vm, d, key, v, vm.hash(key));
}
bool dict_del(VM& vm, Dict* d, const Value& key);
void dict_clear(Dict* d);
Value dict_copy(VM& vm, Dict* d);
template <class F> void dict_each(Dict* d, F&& fn) {
    for (size_t i = 0; i < d->entries.size(); ++i) {
        DictEntry& e = d->entries[i];
        if (e.hash == -1 && e.key.is_none() && e.value.tag == Tag::Bool) continue; // deleted
        fn(e.key, e.value);
    }
}
inline bool dict_entry_live(const DictEntry& e) {
    return !(e.hash == -1 && e.key.is_none() && e.value.tag == Tag::Bool);
}

// ---- set
bool set_contains(VM& vm, Set* s, const Value& key);
void set_add(VM& vm, Set* s, const Value& key);
bool set_discard(VM& vm, Set* s, const Value& key);
void set_merge(VM& vm, Set* so, Set* other);
void set_update_from(VM& vm, Set* so, const Value& iterable);
template <class F> void set_each(Set* s, F&& fn) {
    for (auto& e : s->table)
        if (e.state == 1) fn(e.key);
}

// ---- strings
std::string str_repr(const std::string& s);
Value str_index(VM& vm, Str* s, int64_t i); // i already normalised
std::string str_slice(Str* s, int64_t start, int64_t stop, int64_t step);

// ---- slices: computes start/stop/step/len for a sequence of `length`
void slice_indices(VM& vm, Slice* s, int64_t length, int64_t& start, int64_t& stop, int64_t& step,
                   int64_t& n);

// ---- registration of each part's builtins/methods
void init_builtins(VM& vm);
void init_str_methods(VM& vm);
void init_container_methods(VM& vm);
void init_exceptions(VM& vm);
void init_modules(VM& vm);

// The innermost running Python frame (super() reads the caller's function and first
// argument; exec/eval the caller's namespaces). The frames themselves, linked: run_frame
// links one per call, so copying fields (and a reference to the namespace) was work on every
// call for a rare reader.
struct Frame;
const Frame* current_frame(VM& vm);

// The value stack of Python frames (locals, cells, operand stack), in chunks: frames hold raw
// pointers into it, so a chunk never moves; a call that does not fit in the rest of the current
// chunk starts the next one. Chunks are allocated on first use, so a program that does not
// recurse pays for one chunk (256 KB) instead of zeroing and later destroying the whole 4 MB
// budget at every start (measured: 2 of the 5 ms of `lmpy hello.py`, a 4 ms `__append` in Node).
struct ValueStack {
    static constexpr size_t kChunk = size_t(1) << 14; // Values per chunk
    static constexpr size_t kChunks = 16;             // the budget: 2^18 Values, as before
    std::vector<std::unique_ptr<Value[]>> chunks;
    size_t chunk = 0; // the chunk in use
    size_t top = 0;   // its first free slot
};

struct VMState {
    ValueStack stack;
    // keys view the interned Str's own text (kept alive by `keep`): a lookup allocates nothing
    std::unordered_map<std::string_view, Str*> interned;
    Frame* top_frame = nullptr; // the innermost running frame (Frame::prev links the rest)
    // frames of calls the loop runs inline (push_frame): in use LIFO, the first `nframes`
    std::vector<std::unique_ptr<Frame>> frames;
    size_t nframes = 0;
    std::vector<Value> keep; // interned strings held alive
    std::vector<Str*> binop_names;
};

// Pretty CPython-style traceback text for an exception object.
std::string format_traceback(VM& vm, const Value& exc);
std::string exc_message(VM& vm, const Value& exc); // str(exc)
// A SyntaxError raised with (msg, (filename, line, column, text)), as compile errors of
// eval()/exec() are: its filename and line.
bool syntax_details(VM& vm, const Value& exc, std::string& file, int& line);
// Line `line` (1-based) of `src`, without its newline.
std::string source_line(std::string_view src, int line);
// A syntax error's place as CPython's traceback shows it: the File line, then the source
// line (indentation and trailing blanks dropped) with a caret under column `col` (1-based).
std::string syntax_location(std::string_view file, int line, int col, std::string_view text);

// Repr with recursion guard for containers.
struct ReprGuard {
    VM& vm;
    Obj* o;
    bool entered;
    ReprGuard(VM& v, Obj* obj);
    ~ReprGuard();
};

} // namespace lmpy
