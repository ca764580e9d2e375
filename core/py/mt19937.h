// MT19937: the Mersenne Twister shared by CPython's `random` and NumPy's legacy RandomState.
//
// Both reference implementations use the original Matsumoto–Nishimura reference code
// (init_genrand / init_by_array / genrand_int32), so a single engine serves both; the two
// libraries differ only in how they seed it and how they turn words into numbers, which
// lives in pyrandom_core and random_state. The state is plain data (624 words + position)
// so the interpreter can implement getstate()/setstate() and copy generators cheaply.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace lmpy {

class MT19937 {
  public:
    static constexpr int N = 624;

    MT19937() { init_genrand(5489u); }
    explicit MT19937(uint32_t seed) { init_genrand(seed); }

    void init_genrand(uint32_t s);
    void init_by_array(const uint32_t* key, size_t len);
    void init_by_array(const std::vector<uint32_t>& key) { init_by_array(key.data(), key.size()); }
    // Seeds from std::random_device (both CPython and NumPy seed unseeded generators from
    // OS entropy; the exact words do not matter, only that they differ run to run).
    void seed_from_entropy();

    // Inline: NumPy's bulk draws call it twice per double.
    uint32_t genrand_uint32() {
        if (mti_ >= N) generate();
        uint32_t y = mt_[mti_++];
        y ^= (y >> 11);
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= (y >> 18);
        return y;
    }
    // NumPy's next_uint64: the first word is the high half.
    uint64_t genrand_uint64() {
        uint64_t hi = genrand_uint32();
        return (hi << 32) | genrand_uint32();
    }
    // The 53-bit double used by both CPython's random() and NumPy's random_sample().
    double genrand_res53() {
        uint32_t a = genrand_uint32() >> 5, b = genrand_uint32() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    struct State {
        std::array<uint32_t, N> key;
        int pos;
    };
    State get_state() const { return {mt_, mti_}; }
    // pos must be in [0, N]; N means "regenerate before the next output".
    void set_state(const State& s) {
        mt_ = s.key;
        mti_ = s.pos < 0 ? 0 : (s.pos > N ? N : s.pos);
    }

  private:
    void generate();
    std::array<uint32_t, N> mt_{};
    int mti_ = N;
};

} // namespace lmpy
