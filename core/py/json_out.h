// Writing JSON from C++: the one escaper and number format shared by the chart
// descriptions (core/plot) and the explorers (core/lm). Numbers use Python's shortest
// round-trip repr, so a value crosses into JS unchanged; non-finite numbers become null
// (JSON has no inf/nan), and readers treat null as "undefined here".
#pragma once
#include <string>
#include <vector>

namespace lmpy::json {

// The number as JSON: float_repr(v), or null when v is inf or nan.
std::string num(double v);
// Appends s (UTF-8) as a JSON string literal.
void str(std::string& out, const std::string& s);
// Appends [a,b,...] of numbers.
void nums(std::string& out, const std::vector<double>& v);

// A small streaming writer for nested objects/arrays. Commas are placed automatically;
// key() must precede each value inside an object.
class Writer {
  public:
    Writer& begin_object() { return open('{'); }
    Writer& end_object() { return close('}'); }
    Writer& begin_array() { return open('['); }
    Writer& end_array() { return close(']'); }
    Writer& key(const std::string& k);
    Writer& value(double v);
    Writer& value(int v) { return value(static_cast<long long>(v)); }
    Writer& value(long v) { return value(static_cast<long long>(v)); }
    Writer& value(long long v);
    Writer& value(unsigned long v) { return value(static_cast<long long>(v)); }
    Writer& value(unsigned long long v) { return value(static_cast<long long>(v)); }
    Writer& value(bool v);
    Writer& value(const std::string& s);
    Writer& value(const char* s) { return value(std::string(s)); }
    Writer& null();
    Writer& numbers(const std::vector<double>& v);
    // A long array of doubles as {"f64": "<base64 of the little-endian IEEE bytes>"}: exact
    // (inf and nan included) and about ten times cheaper than shortest-repr text, which
    // matters in wasm where printing a double goes through soft-float long double. The page
    // decodes it back into an array (parseResult in web/src/engine/lm-core.mjs).
    Writer& packed(const std::vector<double>& v);
    // Pre-rendered JSON (e.g. a chart description), inserted as one value.
    Writer& raw(const std::string& json);
    const std::string& str() const { return out_; }
    std::string take() { return std::move(out_); }

  private:
    Writer& open(char c);
    Writer& close(char c);
    void sep();
    std::string out_;
    std::vector<bool> first_; // per open container: no value written yet
    bool after_key_ = false;
};

} // namespace lmpy::json
