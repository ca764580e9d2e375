// Errata: where the deck's claimed output and the real output (CPython 3.11 + NumPy 1.24
// + scikit-learn 1.2, the playground's reference) disagree, and why. Kept apart from the
// deck text (deck.md, the user's material, verbatim) so either can change alone.
// verdict: what the page should conclude after running the original cell:
//   'match'   the real output equals the claimed one
//   'differs' it does not (a note explains why)
//   'random'  unseeded randomness: every run differs, so no comparison is possible
// corrected: a fixed program offered by a "Load corrected version" button.
export default {
  1: { verdict: 'match' },
  2: { verdict: 'match' },
  3: {
    verdict: 'differs',
    real: 'Perplexity: 7.40',
    note: 'The mean of the log-probabilities is -2.0015, and exp(2.0015) = 7.40: perplexity is the inverse geometric mean of the probabilities (0.135 here). The 13.20 in the deck does not follow from this code.',
  },
  4: {
    verdict: 'differs',
    real: "Similarity between 'king' and 'queen': 0.61",
    note: 'With np.random.seed(42) the first two random vectors are king = [0.37 0.95 0.73] and queen = [0.60 0.16 0.16]; their cosine similarity is 0.61. Random vectors carry no meaning, so 0.76 (or any value) says nothing about kings and queens.',
  },
  5: {
    verdict: 'differs',
    real: 'Attention output: [[0.78805844 0.78805844]]\nAttention weights: [[0.21194156 0.21194156 0.57611688]]',
    note: 'The query [1, 0, 1] scores the keys 1, 1 and 2, so softmax gives weights 0.212, 0.212 and 0.576 (the third key wins), and the output is 0.212 + 0.576 = 0.788 in both columns. The deck\'s numbers do not come from these inputs (0.78539816 is pi/4).',
  },
  6: {
    verdict: 'differs',
    real: "NameError: name 'attention' is not defined (alone); ValueError: shapes (1,4,4,1) and (1,4,4) not aligned: 1 (dim 3) != 4 (dim 1) (after slide 5)",
    note: 'The cell calls attention() from slide 5, which the page runs first. That function only handles 2-D arrays: keys.T reverses all three axes of a (1, 4, 4) head, so np.dot fails with a shapes error, and the softmax sums over the wrong axis. The corrected version uses a batched attention that swaps only the last two axes.',
    corrected: `import numpy as np

def batched_attention(query, keys, values):
    # Works on (..., seq_len, d) arrays: swap only the last two axes of keys
    # (keys.T would reverse all three) and normalise over the last axis.
    scores = np.matmul(query, np.swapaxes(keys, -1, -2)) / np.sqrt(query.shape[-1])
    scores = scores - np.max(scores, axis=-1, keepdims=True)
    weights = np.exp(scores) / np.sum(np.exp(scores), axis=-1, keepdims=True)
    return np.matmul(weights, values), weights

def multi_head_attention(query, key, value, num_heads):
    d_model = query.shape[-1]
    d_head = d_model // num_heads
    
    # Split into multiple heads
    q = np.split(query, num_heads, axis=-1)
    k = np.split(key, num_heads, axis=-1)
    v = np.split(value, num_heads, axis=-1)
    
    # Compute attention for each head
    outputs = []
    for i in range(num_heads):
        output, _ = batched_attention(q[i], k[i], v[i])
        outputs.append(output)
    
    # Concatenate outputs
    return np.concatenate(outputs, axis=-1)

# Example usage
np.random.seed(0)
query = np.random.randn(1, 4, 12)  # (batch_size, seq_len, d_model)
key = value = query
num_heads = 3

output = multi_head_attention(query, key, value, num_heads)
print("Multi-head attention output shape:", output.shape)
`,
  },
  7: {
    verdict: 'differs',
    real: 'IndexError: invalid index to scalar variable.',
    note: 'm and b start as the ints 0, 0 and become NumPy float64 scalars (np.mean returns a scalar), so m[0] raises IndexError before anything is plotted. The corrected version prints m and b directly: y = 2.93x + 4.03, close to the true 3x + 4.',
    corrected: `import numpy as np
import matplotlib.pyplot as plt

# Generate synthetic data
np.random.seed(42)
X = 2 * np.random.rand(100, 1)
y = 4 + 3 * X + np.random.randn(100, 1)

# Gradient descent
def gradient_descent(X, y, learning_rate=0.01, epochs=1000):
    m, b = 0, 0
    for _ in range(epochs):
        y_pred = m * X + b
        error = y_pred - y
        m -= learning_rate * np.mean(error * X)
        b -= learning_rate * np.mean(error)
    return m, b

m, b = gradient_descent(X, y)
# m and b are NumPy scalars (np.mean returns one), so there is nothing to index
print(f"Estimated equation: y = {m:.2f}x + {b:.2f}")

# Plot results
plt.scatter(X, y)
plt.plot(X, m*X + b, color='red')
plt.title("Linear Regression with Gradient Descent")
plt.show()
`,
  },
  8: {
    verdict: 'differs',
    real: "Vocabulary: {'the': 0, 'cat': 1, 'mat': 4}\nTokenized text: [0, 1, 3, 3, 3, 3, 0, 4]",
    note: "enumerate numbers every word the Counter saw, including the rare ones the filter drops, so the ids have gaps ('mat' is 4). 'on' appears only once, so min_freq=2 excludes it, and unknown words get len(vocab) = 3.",
  },
  9: {
    verdict: 'random',
    note: 'np.random.choice is not seeded, so every run draws different words; the deck shows one possible run. At temperature 0.5 the distribution sharpens and fish (0.4 before tempering, 0.58 after) dominates.',
  },
  10: {
    verdict: 'differs',
    real: 'Beam search result: the the the the',
    note: "score() counts words, so every candidate at a step has the same score; heapq.nlargest then breaks the ties by comparing the strings themselves, and 'the' is the largest word alphabetically, so the beam keeps repeating it.",
  },
  11: { verdict: 'match' },
  12: {
    verdict: 'differs',
    real: "Model accuracy: 0.00\nSentiment for 'This product is amazing': Positive",
    note: "With five examples, test_size=0.2 leaves one test sentence, 'This is terrible'. Of its words only 'this' occurs in the four training sentences, in a positive one, and three of the four training labels are positive, so the model predicts positive and the accuracy is 0/1.",
  },
  13: { verdict: 'match', note: 'The cell prints nothing; it draws a chart.' },
};
