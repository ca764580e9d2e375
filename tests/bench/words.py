# Pure Python: a word-frequency dict over a generated 200,000-word text, then sorting.
syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "be", "do", "fu", "ga", "hi", "jo", "pe", "zu"]
seed = 20240607
words = []
for i in range(200000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    r = seed >> 8
    w = syllables[r % 16] + syllables[(r >> 4) % 16]
    if r % 3 == 0:
        w += syllables[(r >> 8) % 16]
    words.append(w)
text = " ".join(words)

counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print(len(text), len(counts))
for w, c in ranked[:5]:
    print(w, c)
print(sorted(counts)[:3], sorted(counts, key=len)[-1])
