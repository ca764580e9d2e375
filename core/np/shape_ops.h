// Joining and splitting arrays: concatenate, stack, vstack, hstack, split, array_split, plus
// moveaxis, atleast_1d/2d, repeat and tile. Views where NumPy gives views (split pieces).
#pragma once
#include "np/ndarray.h"

namespace lmpy::np {

// axis nullopt: flatten every input first (axis=None).
NDArray concatenate(const std::vector<NDArray>& arrays, std::optional<int64_t> axis = int64_t{0});
NDArray stack(const std::vector<NDArray>& arrays, int64_t axis = 0);
NDArray vstack(const std::vector<NDArray>& arrays);
NDArray hstack(const std::vector<NDArray>& arrays);
NDArray column_stack(const std::vector<NDArray>& arrays);
// np.split(a, sections) / np.split(a, [i, j, ...]); array_split allows unequal sections.
std::vector<NDArray> split(const NDArray& a, int64_t sections, int64_t axis = 0);
std::vector<NDArray> split(const NDArray& a, const std::vector<int64_t>& indices, int64_t axis = 0);
std::vector<NDArray> array_split(const NDArray& a, int64_t sections, int64_t axis = 0);
NDArray moveaxis(const NDArray& a, int64_t source, int64_t destination);
NDArray atleast_1d(const NDArray& a);
NDArray atleast_2d(const NDArray& a);
// repeat(a, n, axis=None flattens); tile with a repetition per trailing axis.
NDArray repeat(const NDArray& a, int64_t repeats, std::optional<int64_t> axis = std::nullopt);
NDArray tile(const NDArray& a, const std::vector<int64_t>& reps);

} // namespace lmpy::np
