// The numeric libraries (bigint, numfmt, pyhash) know nothing of Python objects, so they
// report Python-level errors as this plain value; the VM turns it into the exception whose
// class is named by `type` ("ValueError", "OverflowError", "ZeroDivisionError", "TypeError",
// "MemoryError") with `message` as its text, byte for byte what CPython 3.11 prints.
#pragma once
#include <string>

namespace lmpy {

struct NumError {
    std::string type;
    std::string message;
};

} // namespace lmpy
