# float.hex() and float.fromhex(): CPython's spelling of every kind of double, and its parser.
import math

for x in [1.0, 0.1, -2.5, 3.0e300, 1e-310, 5e-324, 2.0**-1022, 0.0, -0.0, 1 / 3,
          float("inf"), float("-inf"), float("nan"), 123456789.0, math.pi, -1.7976931348623157e308]:
    h = x.hex()
    back = float.fromhex(h)
    print(h, back == x or (math.isnan(x) and math.isnan(back)))

for s in ["0x1.8p1", "1.8p1", "  0X1P-3  ", "-0x.8", "+0x10", "0x1.", "ff", "0x1.fffffffffffff8p0",
          "0x1.00000000000008p0", "0x1.00000000000018p0", "0x0.0000000000001p-1022", "0x1p-1080",
          "0x1p-1075", "0x3p-1076", "INF", "-infinity", "nan", "0x1_0p0" if False else "0x10p-4",
          "0x" + "f" * 40 + "p-100", "0x0p99999999"]:
    print(repr(s), repr(float.fromhex(s)))

for bad in ["", "0x", "0xg", "1.2.3", "0x1p", "0x1p+", "p1", "0x1 p1", "- 0x1", "0x1e1.5", "infinit"]:
    try:
        float.fromhex(bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)

v = (1.5).fromhex("0x1.4p3")  # a classmethod, reached through an instance too
print(type(v).__name__, v)
try:
    float.fromhex("0x1p1024")
except OverflowError as e:
    print("OverflowError:", e)
print(float.fromhex("0x1.fffffffffffffp1023"))
float.fromhex(3)
