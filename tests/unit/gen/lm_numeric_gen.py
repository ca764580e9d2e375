#!/usr/bin/python3
"""Generates lm_numeric_cases.inc: the expected results of the numeric explorers (core/lm
numeric, sampling, progress) from the slides' own code run by NumPy 1.24 / scikit-learn 1.2 /
matplotlib 3.6 (the oracle), generalised to the explorers' parameters (seeds, sizes,
temperatures, rates) and clamped to the limits of core/lm/README.md as the explorers clamp.

Run: /usr/bin/python3 tests/unit/gen/lm_numeric_gen.py > tests/unit/gen/lm_numeric_cases.inc

Doubles are hex literals. EXACT_* marks values whose arithmetic the explorer reproduces
operation for operation (random draws, dot products, np.mean's pairwise sums); NEAR_* marks
values that go through np.exp/np.log (NumPy's AVX-512 kernels differ from libm in the last
bit) or the max-subtracted softmax, compared to 1e-12 relative; NORM_M marks the PCA
(Eigen's SVD against LAPACK's), whose error bound is relative to the largest entry (an SVD's
vectors are accurate to eps * |A| / gap), compared to 1e-12 of the largest magnitude.
"""
import warnings
from fractions import Fraction

import matplotlib
matplotlib.use("Agg")
import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import numpy as np
from sklearn.decomposition import PCA

warnings.simplefilter("ignore")
out = []


def emit(s):
    out.append(s)


def h(x):
    return float(x).hex()


def dv(xs):
    return "std::vector<double>{" + ", ".join(h(x) for x in np.ravel(xs)) + "}"


def iv(xs):
    return "std::vector<int64_t>{" + ", ".join("%d" % int(x) for x in np.ravel(xs)) + "}"


def mat(m):
    m = np.asarray(m, dtype=float)
    return "Rows{" + ", ".join("{" + ", ".join(h(x) for x in row) + "}" for row in m) + "}"


def cstr(s):
    r = ""
    for ch in s.encode("utf-8"):
        if ch in (0x5C, 0x22):
            r += "\\" + chr(ch)
        elif 0x20 <= ch < 0x7F and ch != 0x3F:
            r += chr(ch)
        else:
            r += "\\%03o" % ch
    return '"' + r + '"'


def error_of(f):
    try:
        f()
    except Exception as e:  # the message the explorer must repeat
        return str(e)
    raise AssertionError("expected an error")


n_case = 0


def case(name, body):
    global n_case
    n_case += 1
    emit('TEST_CASE("lm_numeric %d: %s", "[lm][lm_numeric]") {\n%s}\n' % (n_case, name, body))


# ---------------------------------------------------------------- slide 3: perplexity
def calculate_perplexity(probabilities):  # slide 3
    return np.exp(-np.mean(np.log(probabilities)))


R = np.random.RandomState(2024)
for probs in [[0.1, 0.2, 0.05, 0.3, 0.15], [1.0], [0.5] * 8, list(R.uniform(0.01, 1, 13)),
              list(R.uniform(1e-9, 1, 20)), [1e-300, 0.5], list(R.uniform(0.2, 0.9, 25))]:
    used = probs[:20]
    body = "    auto r = lm::perplexity(%s);\n" % dv(probs)
    body += "    NEAR(r.perplexity, %s);\n" % h(calculate_perplexity(used))
    body += "    NEAR(r.cross_entropy, %s);\n" % h(-np.mean(np.log(used)))
    body += "    CHECK(r.n == %d);\n    CHECK(r.uniform_perplexity == %d);\n" % (len(used), len(used))
    case("perplexity of %d probabilities" % len(probs), body)


# ---------------------------------------------------------------- slide 4: embeddings
def cosine_similarity(v1, v2):  # slide 4
    return np.dot(v1, v2) / (np.linalg.norm(v1) * np.linalg.norm(v2))


def embeddings_case(vocab, embedding_dim, seed):
    dim = min(max(embedding_dim, 2), 64)
    np.random.seed(seed)
    embeddings = {word: np.random.rand(dim) for word in vocab[:12]}
    words = list(embeddings)
    V = np.array([embeddings[w] for w in words])
    cos = [[cosine_similarity(embeddings[a], embeddings[b]) for b in words] for a in words]
    pca = PCA(n_components=2)
    xy = pca.fit_transform(V)
    body = "    auto e = lm::embeddings({%s}, %d, %d);\n" % (
        ", ".join(cstr(w) for w in vocab), embedding_dim, seed)
    body += "    CHECK(e.words == std::vector<std::string>{%s});\n" % ", ".join(cstr(w) for w in words)
    body += "    EXACT_M(e.vectors, %s);\n" % mat(V)
    body += "    EXACT_M(e.cosine, %s);\n" % mat(cos)
    body += "    NORM_M(e.pca, %s);\n" % mat(xy)
    body += "    NORM_M(explained(e), %s);\n" % mat([pca.explained_variance_ratio_])
    case("embeddings %d words dim %d seed %d" % (len(vocab), embedding_dim, seed), body)


embeddings_case(["king", "queen", "man", "woman", "crown"], 3, 42)
embeddings_case(["a", "b"], 2, 4294967295)
embeddings_case(["w%d" % i for i in range(14)], 64, 0)
embeddings_case(["cat", "dog", "cat", "fish", "bird", "dog"], 7, 123)
embeddings_case(["north", "south", "east", "west", "\u00e9t\u00e9", "\u732b"], 100, 7)
emit("static const char* kPcaTooFew = %s;\n" % cstr(error_of(
    lambda: PCA(n_components=2).fit(np.random.rand(1, 3)))))


# ---------------------------------------------------------------- slide 5: attention
def attention(query, keys, values, temperature):  # slide 5 with a temperature
    scores = np.dot(query, keys.T) / temperature
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    weights = e / np.sum(e, axis=1, keepdims=True)
    output = np.dot(weights, values)
    return scores, output, weights


def attention_case(name, q, k, v, t):
    tc = min(max(t, 0.05), 10)
    q, k, v = (np.array(a, dtype=float) for a in (q, k, v))
    scores, output, weights = attention(q, k, v, tc)
    body = "    auto a = lm::attention(M(%s), M(%s), M(%s), %s);\n" % (mat(q), mat(k), mat(v), h(t))
    body += "    EXACT_M(a.scores, %s);\n" % mat(scores)
    body += "    NEAR_M(a.weights, %s);\n" % mat(weights)
    body += "    NEAR_M(a.output, %s);\n" % mat(output)
    case("attention " + name, body)


slide_q, slide_k, slide_v = [[1, 0, 1]], [[1, 1, 0], [0, 1, 1], [1, 1, 1]], [[1, 0], [0, 1], [1, 1]]
attention_case("slide 5", slide_q, slide_k, slide_v, 1.0)
attention_case("slide 5 at T=0.3", slide_q, slide_k, slide_v, 0.3)
attention_case("random 4x5 . 6x5 . 6x3 at T=2.5", R.randn(4, 5), R.randn(6, 5), R.randn(6, 3), 2.5)
attention_case("8x8 at T clamped to 0.05", R.randn(8, 8) * 3, R.randn(8, 8), R.randn(8, 8), 0.001)
attention_case("T clamped to 10", R.randn(2, 3), R.randn(3, 3), R.randn(3, 2), 1e6)
emit("static const char* kAttnKeysMisaligned = %s;" % cstr(error_of(
    lambda: np.dot(np.ones((1, 3)), np.ones((2, 2)).T))))
emit("static const char* kAttnValuesMisaligned = %s;" % cstr(error_of(
    lambda: np.dot(np.ones((1, 3)), np.ones((2, 2))))))
emit("static const char* kRagged = %s;\n" % cstr(error_of(
    lambda: np.array([[1.0, 2.0], [3.0]]))))


# ---------------------------------------------------------------- slide 6: multi-head attention
def batched_attention(query, keys, values, scaled):
    # slide 6's corrected attention (web/deck/errata.mjs: the slide's own fails in NumPy),
    # with the 1/sqrt(d_head) scaling switchable as in the explorer
    scores = np.matmul(query, np.swapaxes(keys, -1, -2))
    if scaled:
        scores = scores / np.sqrt(query.shape[-1])
    scores = scores - np.max(scores, axis=-1, keepdims=True)
    weights = np.exp(scores) / np.sum(np.exp(scores), axis=-1, keepdims=True)
    return np.matmul(weights, values), weights


def multi_head_weights(seq_len, d_model, num_heads, seed, scaled):
    np.random.seed(seed)
    query = np.random.randn(1, seq_len, d_model)
    key = value = query
    d_head = d_model // num_heads
    q = np.split(query, num_heads, axis=-1)
    k = np.split(key, num_heads, axis=-1)
    v = np.split(value, num_heads, axis=-1)
    ws = []
    for i in range(num_heads):
        output, weights = batched_attention(q[i], k[i], v[i], scaled)
        ws.append(weights[0])
    return d_head, ws


for (s, d, nh, seed, scaled) in [(4, 12, 3, 0, False), (4, 12, 3, 42, True), (12, 48, 8, 7, True),
                                 (1, 1, 1, 0, False), (5, 10, 10, 1, False), (20, 60, 1, 3, True)]:
    sc, dc = min(s, 12), min(d, 48)
    dh, ws = multi_head_weights(sc, dc, min(nh, dc), seed, scaled)
    body = "    auto m = lm::multi_head(%d, %d, %d, %d, %s);\n" % (s, d, nh, seed, "true" if scaled else "false")
    body += "    CHECK(m.d_head == %d);\n    CHECK(m.seq_len == %d);\n    CHECK(m.d_model == %d);\n" % (dh, sc, dc)
    body += "    REQUIRE(m.weights.size() == %d);\n" % len(ws)
    for i, w in enumerate(ws):
        body += "    NEAR_M(m.weights[%d], %s);\n" % (i, mat(w))
    case("multi-head seq %d d_model %d heads %d seed %d%s" % (s, d, nh, seed, " scaled" if scaled else ""), body)
emit("static const char* kSplitUnequal = %s;\n" % cstr(error_of(
    lambda: np.split(np.ones((1, 4, 12)), 5, axis=-1))))


# ---------------------------------------------------------------- slide 7: gradient descent
def descent_trace(learning_rate, epochs, seed):
    # slide 7's data and loop, recording (m, b, mean squared error) before each epoch
    np.random.seed(seed)
    X = 2 * np.random.rand(100, 1)
    y = 4 + 3 * X + np.random.randn(100, 1)
    m, b = 0, 0
    ms, bs, losses, at = [], [], [], -1
    for e in range(epochs + 1):
        y_pred = m * X + b
        error = y_pred - y
        loss = np.mean(error ** 2)
        ms.append(m), bs.append(b), losses.append(loss)
        if not np.isfinite(loss) or loss > 1e12:
            at = e
            break
        if e == epochs:
            break
        m -= learning_rate * np.mean(error * X)
        b -= learning_rate * np.mean(error)
    return X, y, ms, bs, losses, at


for (lr, ep, seed) in [(0.01, 1000, 42), (0.1, 200, 0), (0.0001, 5000, 7), (1.2, 300, 42),
                       (2.0, 5000, 1), (5.0, 9999, 3)]:
    lrc, epc = min(max(lr, 0.0001), 2), min(max(ep, 1), 5000)
    X, y, ms, bs, losses, at = descent_trace(lrc, epc, seed)
    n = len(ms)
    picks = sorted(set([0, 1, 2, 3, 10, 99, n // 2, n - 2, n - 1]) & set(range(n)))
    body = "    auto d = lm::gradient_descent(%s, %d, %d);\n" % (h(lr), ep, seed)
    body += "    EXACT_V(d.x, %s);\n    EXACT_V(d.y, %s);\n" % (dv(X), dv(y))
    body += "    REQUIRE(d.m.size() == %d);\n    REQUIRE(d.b.size() == %d);\n    REQUIRE(d.loss.size() == %d);\n" % (n, n, n)
    for i in picks:
        body += "    CHECK(d.m[%d] == %s);\n    CHECK(d.b[%d] == %s);\n    CHECK(same_double(d.loss[%d], %s));\n" % (
            i, h(np.ravel(ms[i])[0] if np.ndim(ms[i]) else ms[i]), i,
            h(np.ravel(bs[i])[0] if np.ndim(bs[i]) else bs[i]), i, h(losses[i]))
    body += "    CHECK(d.diverged == %s);\n    CHECK(d.diverged_at == %d);\n" % ("true" if at >= 0 else "false", at)
    case("gradient descent rate %g epochs %d seed %d" % (lr, ep, seed), body)


# ---------------------------------------------------------------- slide 9: sampling
def tempered_of(probabilities, temperature):  # slide 9's sample_next_word before the draw
    probabilities = np.asarray(probabilities).astype('float64')
    probabilities = np.log(probabilities) / temperature
    probabilities = np.exp(probabilities) / np.sum(np.exp(probabilities))
    return probabilities


word_probs = [0.1, 0.2, 0.05, 0.4, 0.25]
for (probs, t, n, seed) in [(word_probs, 0.5, 1000, 42), (word_probs, 1.0, 100000, 0),
                            (list(R.uniform(0.01, 1, 20)), 5.0, 777, 4294967295),
                            ([1.0], 1.0, 10, 3), ([0.3, 0.7], 0.01, 50, 9),
                            (list(R.uniform(0.1, 1, 24)), 0.8, 250000, 5)]:
    used, tc, nc = probs[:20], min(max(t, 0.05), 5), min(max(n, 1), 100000)
    p = tempered_of(used, tc)
    np.random.seed(seed)
    draws = np.random.choice(len(p), size=nc, p=p)
    body = "    auto s = lm::sampling(%s, %s, %d, %d);\n" % (dv(probs), h(t), n, seed)
    body += "    NEAR_V(s.tempered, %s);\n" % dv(p)
    body += "    CHECK(s.counts == %s);\n    CHECK(s.draws == %d);\n" % (iv(np.bincount(draws, minlength=len(p))), nc)
    case("sampling %d probabilities T=%g n=%d seed %d" % (len(probs), t, n, seed), body)
p_bad = tempered_of([0.5, -1.0], 1.0)  # log of a negative probability is nan
emit("static const char* kChoiceNaN = %s;\n" % cstr(error_of(
    lambda: np.random.choice(len(p_bad), size=3, p=p_bad))))


# ---------------------------------------------------------------- slide 13: progress chart
def progress_case(name, years_in, performance_in):
    years, performance = np.array(years_in[:30]), np.array(performance_in[:30])
    # slide 13
    fig = plt.figure(figsize=(10, 6))
    plt.plot(years, performance, marker='o')
    plt.title("Simulated Language Model Performance Over Time")
    plt.xlabel("Year")
    plt.ylabel("Performance Score")
    plt.ylim(0, 100)
    plt.grid(True)
    ax = plt.gca()
    (line,) = ax.get_lines()
    xs = [Fraction(float(v)) for v in years]
    ys = [Fraction(float(v)) for v in performance]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    body = "    auto p = lm::progress_chart(%s, %s);\n" % (dv(years_in), dv(performance_in))
    body += "    const auto& f = p.figure;\n    REQUIRE(f.axes.size() == 1);\n    const auto& ax = f.axes[0];\n"
    body += "    CHECK(f.width == %s);\n    CHECK(f.height == %s);\n" % tuple(h(v) for v in fig.get_size_inches())
    body += "    CHECK(ax.title == %s);\n    CHECK(ax.xlabel == %s);\n    CHECK(ax.ylabel == %s);\n" % (
        cstr(ax.get_title()), cstr(ax.get_xlabel()), cstr(ax.get_ylabel()))
    body += "    REQUIRE(ax.ylim.has_value());\n    CHECK(ax.ylim->first == %s);\n    CHECK(ax.ylim->second == %s);\n" % tuple(
        h(v) for v in ax.get_ylim())
    body += "    CHECK(ax.grid == %s);\n" % ("true" if ax.xaxis.get_gridlines()[0].get_visible() else "false")
    body += "    REQUIRE(ax.series.size() == 1);\n    const auto& s = ax.series[0];\n"
    body += "    EXACT_V(s.x, %s);\n    EXACT_V(s.y, %s);\n" % (dv(line.get_xdata()), dv(line.get_ydata()))
    body += "    CHECK(s.color == %s);\n    CHECK(s.marker == %s);\n    CHECK(s.linestyle == %s);\n" % (
        cstr(mcolors.to_hex(line.get_color())), cstr(line.get_marker()), cstr(line.get_linestyle()))
    body += "    CHECK(s.linewidth == %s);\n    CHECK(s.markersize == %s);\n" % (h(line.get_linewidth()), h(line.get_markersize()))
    body += "    NEAR(p.slope, %s);\n    NEAR(p.intercept, %s);\n" % (h(float(slope)), h(float(my - slope * mx)))
    plt.close(fig)
    case("progress chart " + name, body)


progress_case("slide 13", [2018, 2019, 2020, 2021, 2022, 2023], [70, 75, 82, 88, 92, 95])
progress_case("two points", [2000, 2030], [10.5, 99.25])
progress_case("30 noisy points", list(np.round(R.uniform(1990, 2030, 30), 2)), list(R.uniform(0, 100, 30)))
progress_case("35 points truncated", list(range(1990, 2025)), list(R.uniform(0, 100, 35)))
emit("static const char* kPlotShapes = %s;" % cstr(error_of(
    lambda: plt.plot([1, 2, 3], [1, 2]))))

print("// GENERATED by tests/unit/gen/lm_numeric_gen.py from NumPy %s, scikit-learn %s, "
      "matplotlib %s; do not edit." % (np.__version__, __import__("sklearn").__version__, matplotlib.__version__))
print("\n".join(out))
