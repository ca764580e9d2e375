// Linear algebra: dot/matmul/outer/trace, numpy.linalg (norm, inv, solve, det, lstsq, svd,
// eig, eigh), polyfit/polyval, cov/corrcoef.
//
// Accuracy contract: products and LU-based routines (dot, matmul, inv, solve, det) follow the
// operation order of the reference BLAS/LAPACK that NumPy 1.24 is linked to here, so their
// results match bit for bit; lstsq/svd/eig/eigh/polyfit use Eigen's decompositions and agree
// with LAPACK to rounding (and up to the sign of singular/eigen vectors).
#pragma once
#include "np/ndarray.h"

namespace lmpy::np {

NDArray dot(const NDArray& a, const NDArray& b);
NDArray matmul(const NDArray& a, const NDArray& b);
NDArray outer(const NDArray& a, const NDArray& b);
NDArray inner(const NDArray& a, const NDArray& b);
NDArray trace(const NDArray& a, int64_t offset = 0);

// ord: nullopt = None/'fro'; otherwise a number (inf allowed). axis: nullopt, 1 or 2 axes.
NDArray norm(const NDArray& a, std::optional<double> ord = std::nullopt,
             const std::optional<std::vector<int64_t>>& axis = std::nullopt, bool keepdims = false);
NDArray inv(const NDArray& a);
NDArray solve(const NDArray& a, const NDArray& b);
NDArray det(const NDArray& a);
struct LstsqResult {
    NDArray x, residuals, rank, s;
};
// rcond nullopt: machine eps * max(M, N) (NumPy's rcond=None).
LstsqResult lstsq(const NDArray& a, const NDArray& b, std::optional<double> rcond = std::nullopt);
struct SVDResult {
    NDArray u, s, vh;
};
SVDResult svd(const NDArray& a, bool full_matrices = true, bool compute_uv = true);
struct EigResult {
    NDArray values, vectors;
};
// Real eigenvalues only (LinAlgError when complex ones appear).
EigResult eig(const NDArray& a);
EigResult eigh(const NDArray& a);
NDArray eigvals(const NDArray& a);
NDArray eigvalsh(const NDArray& a);
NDArray matrix_rank(const NDArray& a);
NDArray pinv(const NDArray& a);

NDArray polyfit(const NDArray& x, const NDArray& y, int64_t deg);
NDArray polyval(const NDArray& p, const NDArray& x);
NDArray cov(const NDArray& m, bool rowvar = true, bool bias = false,
            std::optional<int64_t> ddof = std::nullopt);
NDArray corrcoef(const NDArray& x, bool rowvar = true);

} // namespace lmpy::np
