// Python str operations on UTF-8 text without the object model, so that code outside the
// interpreter (the explorers in core/lm, core/ml) gives the same answers as the str methods,
// which are built on these.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace lmpy {

int64_t utf8_len(const std::string& s); // code points
std::u32string to_u32(const std::string& s);
std::string from_u32(const std::u32string& s);

// str.lower()
std::string str_lower(const std::string& s);
// str.split() / str.split(None, maxsplit): runs of Unicode whitespace (str.isspace) separate
// the words; maxsplit < 0 means no limit.
std::vector<std::string> str_split_whitespace(const std::string& s, int64_t maxsplit = -1);

} // namespace lmpy
