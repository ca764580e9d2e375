// core/py/json_out: the writer shared by chart descriptions and the explorers.
#include "py/json_out.h"
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

using lmpy::json::Writer;

TEST_CASE("json writer: nesting, commas, strings, numbers", "[json]") {
    Writer w;
    w.begin_object();
    w.key("a").value(1);
    w.key("s").value("q\"\\\n\x01");
    w.key("l").begin_array().value(0.1).value(true).null().value(std::nan("")).end_array();
    w.key("o").begin_object().end_object();
    w.end_object();
    CHECK(w.str() == "{\"a\":1,\"s\":\"q\\\"\\\\\\n\\u0001\",\"l\":[0.1,true,null,null],\"o\":{}}");
}

TEST_CASE("json writer: packed doubles are their little-endian bytes in base64", "[json]") {
    // Expected strings: /usr/bin/python3 -c "import base64, struct;
    //   print(base64.b64encode(struct.pack('<3d', 1.0, -0.5, float('inf'))).decode())" etc.
    Writer w;
    w.begin_array();
    w.packed({1.0, -0.5, std::numeric_limits<double>::infinity()});
    w.packed({0.1, 2.5});
    w.packed({3.0});
    w.packed({});
    w.end_array();
    CHECK(w.str() ==
          "[{\"f64\":\"AAAAAAAA8D8AAAAAAADgvwAAAAAAAPB/\"},"
          "{\"f64\":\"mpmZmZmZuT8AAAAAAAAEQA==\"},{\"f64\":\"AAAAAAAACEA=\"},{\"f64\":\"\"}]");
}
