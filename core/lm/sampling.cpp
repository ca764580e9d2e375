#include "lm/sampling.h"
#include "lm/common.h"
#include "lm/numeric.h"
#include "np/random_state.h"
#include "np/reduce.h"
#include "py/json_out.h"
#include <cmath>

namespace lmpy::lm {

Sampling sampling(std::vector<double> probs, double temperature, double samples, double seed) {
    if (probs.size() > 20) probs.resize(20);
    if (probs.empty()) throw Error("'a' cannot be empty unless no samples are taken");
    double t = real_param(temperature, 0.05, 5, "temperature");
    int64_t n = int_param(samples, 1, 100000);
    np::RandomState rs(int_param(seed, 0, 4294967295LL));
    // probabilities = np.log(p) / T; np.exp(probabilities) / np.sum(np.exp(probabilities))
    Sampling s;
    std::vector<double> e(probs.size());
    for (size_t i = 0; i < probs.size(); ++i) e[i] = std::exp(std::log(probs[i]) / t);
    double total = np::pairwise_sum(e.data(), int64_t(e.size()));
    s.tempered.resize(e.size());
    for (size_t i = 0; i < e.size(); ++i) s.tempered[i] = e[i] / total;
    std::vector<int64_t> idx = rs.choice(int64_t(probs.size()), true, n, true, &s.tempered);
    s.counts.assign(probs.size(), 0);
    for (int64_t k : idx) ++s.counts[size_t(k)];
    s.draws = n;
    return s;
}

std::string sampling_json(const std::vector<double>& probs, double temperature, double samples,
                          double seed) {
    return guard_json([&] {
        Sampling s = sampling(probs, temperature, samples, seed);
        json::Writer w;
        w.begin_object();
        w.key("tempered").numbers(s.tempered);
        w.key("counts").begin_array();
        for (int64_t c : s.counts) w.value(static_cast<long long>(c));
        w.end_array();
        w.key("draws").value(static_cast<long long>(s.draws));
        w.end_object();
        return w.take();
    });
}

} // namespace lmpy::lm
