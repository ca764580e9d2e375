#include "lm/common.h"
#include "py/json_out.h"

namespace lmpy::lm {

std::string error_json(const std::string& message) {
    json::Writer w;
    w.begin_object().key("error").value(message).end_object();
    return w.take();
}

std::string clamp_text(const std::string& s, size_t max_chars) {
    size_t chars = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        // A byte that is not a continuation byte (10xxxxxx) starts a code point.
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == max_chars)
            return s.substr(0, i);
    }
    return s;
}

} // namespace lmpy::lm
