// Differential fuzz driver for lmpy::re (not part of the unit-test build): reads cases from
// stdin (fields separated by \x1c, records by \x1d: pattern, flags, op, subject, arg, n1,
// n2), prints each rendering followed by \x1d. tests/unit/gen/re_fuzz.py drives it and
// compares with CPython.
#include "re_render.h"

#include <iostream>
#include <iterator>
#include <vector>

static std::u32string from_utf8(const std::string& s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = s[i];
        char32_t v;
        int n;
        if (c < 0x80)
            v = c, n = 1;
        else if (c < 0xE0)
            v = c & 0x1F, n = 2;
        else if (c < 0xF0)
            v = c & 0x0F, n = 3;
        else
            v = c & 0x07, n = 4;
        for (int k = 1; k < n; ++k) v = (v << 6) | (s[i + k] & 0x3F);
        out += v;
        i += n;
    }
    return out;
}

int main() {
    std::string all((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    size_t start = 0;
    while (start < all.size()) {
        size_t end = all.find('\x1d', start);
        if (end == std::string::npos) break;
        std::vector<std::string> f;
        size_t a = start;
        for (;;) {
            size_t b = all.find('\x1c', a);
            if (b == std::string::npos || b > end) {
                f.push_back(all.substr(a, end - a));
                break;
            }
            f.push_back(all.substr(a, b - a));
            a = b + 1;
        }
        start = end + 1;
        std::u32string p = from_utf8(f[0]), s = from_utf8(f[3]), arg = from_utf8(f[4]);
        re_render::Case c{p.c_str(),   std::stoi(f[1]), f[2].c_str(),    s.c_str(),
                          arg.c_str(), std::stoi(f[5]), std::stoi(f[6]), ""};
        std::cout << re_render::run_case(c) << '\x1d';
    }
}
