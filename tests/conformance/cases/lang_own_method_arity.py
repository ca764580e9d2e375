# A builtin method called with the wrong number of arguments, keyword arguments it does not
# take, no receiver or a receiver of another type: CPython words each error after the method's
# calling convention, and a foreign receiver must never reach the method's code.
samples = {str: "a b", list: [3, 1], tuple: (1,), dict: {"k": 1}, set: {1}, frozenset: frozenset({2}),
           int: 7, float: 2.5}
methods = {
    str: ["split", "rsplit", "join", "lower", "upper", "casefold", "capitalize", "title", "swapcase",
          "strip", "lstrip", "rstrip", "replace", "startswith", "endswith", "find", "rfind", "index",
          "rindex", "count", "isdigit", "isnumeric", "isdecimal", "isalpha", "isascii", "isalnum",
          "isspace", "islower", "isupper", "ljust", "rjust", "center", "zfill", "splitlines",
          "partition", "rpartition", "removeprefix", "removesuffix", "format_map", "encode"],
    list: ["append", "extend", "insert", "remove", "pop", "clear", "index", "count", "sort", "reverse",
           "copy"],
    tuple: ["index", "count"],
    dict: ["keys", "values", "items", "get", "pop", "popitem", "setdefault", "update", "clear", "copy"],
    set: ["add", "remove", "discard", "pop", "clear", "copy", "symmetric_difference", "issubset",
          "issuperset", "isdisjoint"],
    frozenset: ["copy", "issubset", "isdisjoint"],
    int: ["bit_length", "conjugate"],
    float: ["is_integer", "as_integer_ratio", "hex"],
}


def outcome(fn):
    try:
        fn()
        return "ok"
    except TypeError as e:
        return "TypeError: " + str(e)
    except Exception as e:
        return type(e).__name__


for t, names in methods.items():
    for name in names:
        seen = []
        for k in range(5):
            o = samples[t]
            if hasattr(o, "copy"):
                o = o.copy()
            args = ["a"] * k if t is str else [1] * k
            r = outcome(lambda: getattr(o, name)(*args))
            r = r.replace(f"({k} given)", "(K given)").replace(f"got {k}", "got K")
            if r.startswith("TypeError") and "argument" in r and r not in seen:
                seen.append(r)
        print(t.__name__, name, seen)

calls = [lambda: "x".upper(a=1), lambda: [].append(x=1), lambda: "x".strip(chars="x"),
         lambda: [1].index(value=1), lambda: "x".find(sub="x"), lambda: {}.get(key=1),
         lambda: [].sort(1, key=None), lambda: [2, 1].sort(key=None, reverse=True),
         lambda: "a".zfill(width=3), lambda: "x".ljust(width=3), lambda: "a b".split(sep=" "),
         lambda: "a\nb".splitlines(keepends=True), lambda: {}.update(a=1), lambda: {}.update({}, a=1),
         lambda: str.upper(), lambda: list.append(), lambda: dict.keys(), lambda: str.upper(5),
         lambda: list.append(5, 1), lambda: dict.keys([1]), lambda: str.split(None),
         lambda: set.add("x", 1), lambda: str.join(3, []), lambda: str.join(",", "ab"),
         lambda: list.append([], 1), lambda: int.bit_length(True), lambda: float.hex(1),
         lambda: frozenset.copy({1}), lambda: set.copy(frozenset())]
for c in calls:
    print(outcome(c))


class Bag(list):
    pass


print(Bag([2, 1]).count(1), list.index(Bag([5]), 5), list.copy(Bag([4])), Bag([3]).pop(0))
print("{a}-{b}".format_map({"a": 1, "b": [2]}), "{x[0]}{y[k]}".format_map({"x": "pq", "y": {"k": 3}}),
      "no fields".format_map("not a mapping"), "{0}".format(9))
for fmt, m in [("{x}", "str"), ("{x}", {}), ("{0}", {"0": 1}), ("{}", {}), ("{a:{w}}", {"a": 5, "w": 4})]:
    try:
        print(repr(fmt.format_map(m)))
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)


def gen():
    yield 1


g = gen()
for f in [lambda: list.__init__(), lambda: list.__init__(5), lambda: dict.__init__("x"),
          lambda: type({}.keys()).__iter__(), lambda: type({}.keys()).__len__(3),
          lambda: BaseException.__init__(5), lambda: g.send(), lambda: g.send(1, 2), lambda: g.close(1),
          lambda: type(g).send(5, 1), lambda: list.__init__(Bag(), [7])]:
    print(outcome(f))
