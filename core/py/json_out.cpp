#include "py/json_out.h"
#include "py/numfmt.h"
#include <cmath>
#include <cstdio>

namespace lmpy::json {

std::string num(double v) {
    if (!std::isfinite(v)) return "null";
    return float_repr(v);
}

void str(std::string& o, const std::string& s) {
    o += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"': o += "\\\""; break;
        case '\\': o += "\\\\"; break;
        case '\n': o += "\\n"; break;
        case '\r': o += "\\r"; break;
        case '\t': o += "\\t"; break;
        default:
            if (c < 0x20) {
                char b[8];
                std::snprintf(b, sizeof b, "\\u%04x", c);
                o += b;
            } else {
                o += char(c);
            }
        }
    }
    o += '"';
}

void nums(std::string& o, const std::vector<double>& v) {
    o += '[';
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) o += ',';
        o += num(v[i]);
    }
    o += ']';
}

void Writer::sep() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_.empty()) {
        if (!first_.back()) out_ += ',';
        first_.back() = false;
    }
}

Writer& Writer::open(char c) {
    sep();
    out_ += c;
    first_.push_back(true);
    return *this;
}

Writer& Writer::close(char c) {
    out_ += c;
    if (!first_.empty()) first_.pop_back();
    return *this;
}

Writer& Writer::key(const std::string& k) {
    sep();
    json::str(out_, k);
    out_ += ':';
    after_key_ = true;
    return *this;
}

Writer& Writer::value(double v) {
    sep();
    out_ += num(v);
    return *this;
}

Writer& Writer::value(long long v) {
    sep();
    out_ += std::to_string(v);
    return *this;
}

Writer& Writer::value(bool v) {
    sep();
    out_ += v ? "true" : "false";
    return *this;
}

Writer& Writer::value(const std::string& s) {
    sep();
    json::str(out_, s);
    return *this;
}

Writer& Writer::null() {
    sep();
    out_ += "null";
    return *this;
}

Writer& Writer::numbers(const std::vector<double>& v) {
    sep();
    nums(out_, v);
    return *this;
}

Writer& Writer::raw(const std::string& j) {
    sep();
    out_ += j;
    return *this;
}

} // namespace lmpy::json
