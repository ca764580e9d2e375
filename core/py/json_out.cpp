#include "py/json_out.h"
#include "py/numfmt.h"
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

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

Writer& Writer::packed(const std::vector<double>& v) {
    static const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string bytes(v.size() * 8, '\0');
    for (size_t i = 0; i < v.size(); ++i) {
        uint64_t u;
        std::memcpy(&u, &v[i], 8);
        for (int k = 0; k < 8; ++k) bytes[i * 8 + k] = char((u >> (8 * k)) & 0xff);
    }
    sep();
    out_ += "{\"f64\":\"";
    size_t i = 0;
    auto byte = [&](size_t j) { return unsigned(static_cast<unsigned char>(bytes[j])); };
    for (; i + 3 <= bytes.size(); i += 3) {
        unsigned n = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
        out_ += kB64[n >> 18];
        out_ += kB64[(n >> 12) & 63];
        out_ += kB64[(n >> 6) & 63];
        out_ += kB64[n & 63];
    }
    if (size_t rest = bytes.size() - i) {
        unsigned n = byte(i) << 16 | (rest == 2 ? byte(i + 1) << 8 : 0);
        out_ += kB64[n >> 18];
        out_ += kB64[(n >> 12) & 63];
        out_ += rest == 2 ? kB64[(n >> 6) & 63] : '=';
        out_ += '=';
    }
    out_ += "\"}";
    return *this;
}

Writer& Writer::raw(const std::string& j) {
    sep();
    out_ += j;
    return *this;
}

} // namespace lmpy::json
