#!/usr/bin/python3
"""Generates tests/unit/gen/lm_text_cases.inc: what the text explorers (core/lm/text_models.h,
core/lm/sentiment.h) must return, computed by CPython 3.11 + scikit-learn 1.2 running the
deck's own code (slides 1, 2, 8, 10, 11 and 12 of web/deck/deck.md, executed as written).

Run: /usr/bin/python3 tests/unit/gen/lm_text_gen.py

Each explorer's expected answer is the JSON its adapter must print (compact, keys in the
order of core/lm/README.md), except sentiment, whose coefficients come from an iterative fit
and are compared numerically. Inputs past the README's limits are cut/clamped here exactly
as the adapters do, so the limits are tested too.
"""
import contextlib
import io
import json
import math
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
DECK = os.path.join(HERE, "..", "..", "..", "web", "deck", "deck.md")

MAX_TEXT, MAX_SENTENCE, MAX_WORD, MAX_PREFIX, MAX_SENTIMENT = 20000, 2000, 1000, 100, 2000


BLOCKS = re.findall(r"```python\n(.*?)```", open(DECK, encoding="utf-8").read(), re.S)


def slide_namespaces():
    """The namespace left by each slide's code (slide number -> dict), output discarded."""
    blocks = BLOCKS
    out = {}
    for number in (1, 2, 8, 10, 11, 12):
        ns = {"__name__": "__slide__"}
        with contextlib.redirect_stdout(io.StringIO()):
            exec(blocks[number - 1], ns)
        out[number] = ns
    return out


S = slide_namespaces()


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def clamp(v, lo, hi):
    return max(lo, min(hi, v))


def error_or(fn):
    try:
        return fn()
    except Exception as e:  # the explorer reports the slide's exception text
        return {"error": str(e)}


# ---------------------------------------------------------------- 1. n-grams
def ngram(text, n):
    text, n = text[:MAX_TEXT], clamp(n, 1, 4)
    model = S[1]["ngram_model"](text, n)
    contexts = []
    for context, nxt in model.items():
        total = sum(nxt.values())
        contexts.append({"context": context, "total": total,
                         "next": [{"word": w, "count": c, "p": c / total} for w, c in nxt.items()]})
    return {"n": n, "tokens": len(text.split()), "contexts": contexts}


# ---------------------------------------------------------------- 2. entropy
def entropy(text):
    text = text[:MAX_TEXT]
    counts = {}
    for ch in text:
        counts[ch] = counts.get(ch, 0) + 1
    alphabet = len(counts)
    return {"length": len(text), "alphabet": alphabet,
            "chars": [{"char": ch, "count": c, "p": c / len(text)} for ch, c in counts.items()],
            "entropy": float(S[2]["calculate_entropy"](text)),
            "maxEntropy": math.log2(alphabet) if alphabet > 1 else 0.0}


# ---------------------------------------------------------------- 8. vocabulary
def vocabulary(texts, min_freq, sentence):
    texts, min_freq, sentence = texts[:MAX_TEXT], clamp(min_freq, 1, 10), sentence[:MAX_SENTENCE]
    ns = S[8]
    lines = texts.split("\n")
    counts = ns["Counter"](w for t in lines for w in ns["tokenize"](t))
    vocab = ns["build_vocab"](lines, min_freq=min_freq)
    tokens = [{"word": w, "id": vocab.get(w, len(vocab)), "unknown": w not in vocab}
              for w in ns["tokenize"](sentence)]
    return {"counts": [{"word": w, "count": c} for w, c in counts.items()],
            "vocab": [{"word": w, "id": i} for w, i in vocab.items()],
            "tokens": tokens, "unknownId": len(vocab)}


# ---------------------------------------------------------------- 10. beam search
def beam(vocab, initial, width, steps):
    vocab = [w[:MAX_WORD] for w in vocab[:20]]
    initial, width, steps = initial[:MAX_WORD], clamp(width, 1, 10), clamp(steps, 1, 8)
    ns = S[10]
    ns["vocab"] = vocab  # next_states reads the global

    def run():
        result = ns["beam_search"](initial, width, steps, ns["next_states"], ns["score"])
        # The same loop once more, recording each step (the slide's function returns only the end).
        recorded, b = [], [(0, initial)]
        for _ in range(steps):
            cands = [(s + ns["score"](nx), nx) for s, st in b for nx in ns["next_states"](st)]
            b = ns["heapq"].nlargest(width, cands)
            recorded.append({"candidates": [{"state": st, "score": s} for s, st in cands],
                             "kept": [{"state": st, "score": s} for s, st in b]})
        return {"steps": recorded, "result": result}
    return error_or(run)


# ---------------------------------------------------------------- 11. autocomplete
def autocomplete(corpus, prefix, k):
    corpus, prefix, k = corpus[:MAX_TEXT], prefix[:MAX_PREFIX], clamp(k, 1, 20)
    ns = S[11]

    def run():
        ac = ns["Autocomplete"]()
        for word in ns["re"].findall(r"\w+", corpus.lower()):
            ac.add_word(word)
        found = ac.find_words(prefix)
        return {"suggestions": [{"word": w, "freq": f} for f, w in sorted(found, reverse=True)[:k]],
                "matches": len(found), "distinct": len(ac.word_freq)}
    return error_or(run)


# ---------------------------------------------------------------- 12. sentiment
def sentiment(sentence):
    sentence = sentence[:MAX_SENTIMENT]
    ns = S[12]
    vec, model = ns["vectorizer"], ns["model"]
    x = vec.transform([sentence])
    vocab = vec.vocabulary_
    words, seen = [], {}
    for tok in vec.build_analyzer()(sentence):
        if tok in seen:
            words[seen[tok]]["count"] += 1
            continue
        seen[tok] = len(words)
        words.append({"word": tok, "count": 1, "known": tok in vocab})
    for w in words:
        coef = float(model.coef_[0, vocab[w["word"]]]) if w["known"] else 0.0
        w["coef"], w["contribution"] = coef, coef * w["count"]
    return {"probability": float(model.predict_proba(x)[0, 1]), "label": int(model.predict(x)[0]),
            "intercept": float(model.intercept_[0]), "words": words}


# ---------------------------------------------------------------- the cases
LONG = " ".join(f"w{i % 97} x{i % 13}" for i in range(3000))  # > 20 000 characters
LONG_FEW = "ab cd ab ef " * 2000  # > 20 000 characters, few distinct n-grams
SLIDE8 = "The cat sat on the mat\nThe dog chased the cat\nThe bird flew over the mat"
SLIDE11 = "The quick brown fox jumps over the lazy dog"

NGRAM = [("the cat sat on the mat", 2), ("the cat sat on the mat", 1), ("a b a b a c a b", 3),
         ("a b a b a c a b", 4), ("", 2), ("one two", 3), ("the cat", 0), ("a b c d e f", 9),
         ("Ünïcode  wörds\u00a0and\u3000spaces\tthe\nthe Ünïcode wörds", 2),
         ('quote " back \\ tab\tend "', 2), (LONG_FEW, 2), (LONG_FEW, 4)]
ENTROPY = ["hello world", "", "aaaa", "naïve café ☕ 😀 ñ", 'tab\tnew\nline "q" \\', LONG]
VOCAB = [(SLIDE8, 2, "The cat and dog played on the mat"), (SLIDE8, 1, "THE BIRD sat"),
         (SLIDE8, 3, "the the mat"), (SLIDE8, 0, ""), (SLIDE8, 99, "the"),
         ("Éclair ÉCLAIR éclair Straße\nΚΑΛΗ καλη Привет ПРИВЕТ", 2, "éCLAIR\u00a0καλη  привет x"),
         ("", 1, "nothing known"), (LONG, 2, "w1 x1 zz " * 300),
         ("ΟΔΟΣ οδος ΣΑΣ σας Ａｂｃ ａｂｃ ԱՎԱԳ ավագ İstanbul i̇stanbul ΣΣ", 2, "ΟΔΟΣ. Ａｂｃ")]
BEAM = [(["the", "cat", "sat", "on", "mat"], "the", 2, 3), (["the", "cat"], "the", 1, 1),
        (["new york", "", "a"], "", 4, 3), (["b", "a"], "start", 50, 100),
        ([], "the", 2, 3), (["z", "y", "x"], "ü", 0, 0), (["w" * 1500, "v"], "s", 2, 2)]
AUTO = [(SLIDE11, "th", 3), (SLIDE11, "", 20), (SLIDE11, "T", 3), (SLIDE11, "zz", 3),
        (SLIDE11, "th", 0), ("b a c a b a_1 a2 ab ab", "a", 5),
        ("Über über ÜBER uber naïve naive, x2 ☕ x2", "ü", 3),
        ("the then the", "the$", 3), ("the then the", "the$t", 3),
        ("the then the", "the$x", 3), ("the then the", "th$", 3), (LONG, "w1", 20),
        ("ΟΔΟΣ οδος ΟΔΟΣ' Ǆemal ǆemal Ａｂｃ", "ΟΔΟ", 5), ("Ǆemal ǆemal Ａｂｃ", "ǅ", 5)]
SENTIMENT = ["This product is amazing", "I love this product", "terrible terrible experience",
             "Worst! Highly recommended?", "", "ÉPIC great purchase", "a b c",
             "great " * 400]


NAMED = {LONG: "kLong", LONG_FEW: "kLongFew"}  # long inputs are written once


def cpp_str(s, named=True):
    """A C++ string literal of s's UTF-8 bytes (octal escapes: the .inc stays ASCII)."""
    if named and s in NAMED:
        return NAMED[s]
    out = []
    for b in s.encode("utf-8"):
        c = chr(b)
        if c == '"' or c == "\\":
            out.append("\\" + c)
        elif 32 <= b < 127:
            out.append(c)
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def cpp_num(x):
    return repr(float(x))


def main():
    out = ["// GENERATED by tests/unit/gen/lm_text_gen.py from CPython 3.11 running the deck's",
           "// slides 1, 2, 8, 10, 11, 12; do not edit."]
    out += ["static const char %s[] = %s;" % (name, cpp_str(s, False)) for s, name in NAMED.items()]
    # The slides the interpreter cross-checks run (the deck's code as the page shows it).
    out.append("static const std::pair<int, const char*> kSlideCode[] = {")
    out += ["    {%d, %s}," % (n, cpp_str(BLOCKS[n - 1])) for n in (8, 11, 12)]
    out.append("};")
    # Every non-ASCII code point that str.lower() changes (capital sigma aside: its result
    # depends on the context), and CPython's lower() of each, one after the other.
    cased = "".join(chr(c) for c in range(0x80, 0x20000)
                    if not 0xD800 <= c < 0xE000 and c != 0x3A3 and chr(c).lower() != chr(c))
    out.append("static const char kUpperSweep[] = %s;" % cpp_str(cased))
    out.append("static const char kLowerSweep[] = %s;" % cpp_str("".join(ch.lower() for ch in cased)))
    out.append("static const NgramCase kNgramCases[] = {")
    out += ["    {%s, %d, %s}," % (cpp_str(t), n, cpp_str(dumps(ngram(t, n)))) for t, n in NGRAM]
    out.append("};\nstatic const EntropyCase kEntropyCases[] = {")
    out += ["    {%s, %s}," % (cpp_str(t), cpp_str(dumps(entropy(t)))) for t in ENTROPY]
    out.append("};\nstatic const VocabCase kVocabCases[] = {")
    out += ["    {%s, %d, %s, %s}," % (cpp_str(t), m, cpp_str(s), cpp_str(dumps(vocabulary(t, m, s))))
            for t, m, s in VOCAB]
    out.append("};\nstatic const BeamCase kBeamCases[] = {")
    out += ["    {{%s}, %s, %d, %d, %s}," % (", ".join(cpp_str(w) for w in v), cpp_str(i), wd, st,
                                              cpp_str(dumps(beam(v, i, wd, st))))
            for v, i, wd, st in BEAM]
    out.append("};\nstatic const AutocompleteCase kAutocompleteCases[] = {")
    out += ["    {%s, %s, %d, %s}," % (cpp_str(c), cpp_str(p), k, cpp_str(dumps(autocomplete(c, p, k))))
            for c, p, k in AUTO]
    out.append("};\nstatic const SentimentCase kSentimentCases[] = {")
    for s in SENTIMENT:
        r = sentiment(s)
        words = ", ".join("{%s, %d, %s, %s}" % (cpp_str(w["word"]), w["count"], cpp_num(w["coef"]),
                                                 "true" if w["known"] else "false")
                          for w in r["words"])
        out.append("    {%s, %s, %d, %s, {%s}}," % (cpp_str(s), cpp_num(r["probability"]), r["label"],
                                                   cpp_num(r["intercept"]), words))
    out.append("};")
    with open(os.path.join(HERE, "lm_text_cases.inc"), "w", encoding="ascii") as f:
        f.write("\n".join(out) + "\n")


main()
