# Strings built by concatenation and split keep their length and ASCII-ness right (they are
# no longer rescanned): len, indexing, slicing, case mapping, isascii and hashing of the parts.
parts = ["ab", "", "é", "x", "日本", "c"]
for a in parts:
    for b in parts:
        s = a + b
        print(repr(s), len(s), s.isascii(), s[-1:] if s else "-", s[::-1], s.upper(),
              hash(s) == hash(a + b), s == "".join([a, b]))
w = "ka"
for syl in ["lo", "mé", "", "z"]:
    w += syl
    print(w, len(w), w.isascii(), w[2:4], w.find("é"))
for text, sep in [("a b  c ", None), (" é  ü ", None), ("x,y,,z", ","), ("é,ü,", ","),
                  ("aXbXc", "X"), ("", None), ("", ","), ("日本語 text", None), ("abc", "abc")]:
    ps = text.split(sep)
    print(ps, [len(p) for p in ps], [p.isascii() for p in ps], [p[-1:] for p in ps])
    print(text.split(sep, 1), [x.upper() for x in ps], {p: i for i, p in enumerate(ps)})
words = ("ka lo mi ne " * 3).split()
counts = {}
for w in words:
    counts[w + "s"] = counts.get(w + "s", 0) + 1
print(counts, sorted(counts, key=len), "".join(words)[5:9])
try:
    "x".isascii(1)
except TypeError as e:
    print("TypeError:", e)
