// The sampling explorer (slide 9): a distribution tempered as the slide does and a histogram
// of draws from it. The draws are np::RandomState::choice, the sampler behind
// np.random.choice, so a seed gives the counts `np.random.seed(seed);
// np.random.choice(len(p), size=n, p=tempered)` gives in the interpreter and in NumPy.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace lmpy::lm {

struct Sampling {
    std::vector<double> tempered;
    std::vector<int64_t> counts; // per index of probs
    int64_t draws = 0;
};
// probs: 1..20 (truncated), temperature clamped to 0.05..5, samples to 1..100 000, seed to
// 0..2**32-1. Bad probabilities fail as np.random.choice fails ("probabilities contain NaN").
Sampling sampling(std::vector<double> probs, double temperature, double samples, double seed);
std::string sampling_json(const std::vector<double>& probs, double temperature, double samples,
                          double seed);

} // namespace lmpy::lm
