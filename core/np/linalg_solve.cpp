// numpy.linalg beyond the products (linalg.cpp): inv, solve, det, norm, lstsq, svd, eig,
// eigh, matrix_rank, pinv, polyfit/polyval, cov/corrcoef. Not among the hot sources of the
// wasm build: Eigen's decompositions instantiated here are the largest template code of
// the core, and none of these runs in an inner loop.
//
// NumPy 1.24 here calls the reference LAPACK, whose loops fix the rounding: LU factorisation
// scales the pivot column by the reciprocal of the pivot, updates the trailing block one k at
// a time, and dgetrs/dtrsm substitute column by column. Those loops are reproduced below so
// inv/solve/det print NumPy's digits; det is sign * exp(sum(log|u_ii|)) as umath_linalg
// computes it. The SVD/eigen routines come from Eigen (no bit-exactness claimed).
#include "np/creation.h"
#include "np/detail.h"
#include "np/linalg.h"
#include "np/reduce.h"
#include "np/shape_ops.h"
#include "np/ufunc.h"
#include <Eigen/Dense>
#include <cmath>
#include <limits>

namespace lmpy::np {
using detail::fail;

namespace {

using Mat = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

Mat to_mat(const NDArray& a) {
    NDArray c = a.astype(DType::Float64).ascontiguous();
    return Eigen::Map<const Mat>(c.data<double>(), a.shape()[0], a.shape()[1]);
}

NDArray from_mat(const Mat& m) {
    std::vector<double> v(m.data(), m.data() + m.size());
    return NDArray::from_doubles({m.rows(), m.cols()}, std::move(v));
}

void check_square(const NDArray& a) {
    if (a.ndim() < 2)
        fail(Kind::LinAlgError, std::to_string(a.ndim()) +
                                    "-dimensional array given. Array must be at least "
                                    "two-dimensional");
    if (a.shape()[a.ndim() - 1] != a.shape()[a.ndim() - 2])
        fail(Kind::LinAlgError, "Last 2 dimensions of the array must be square");
}

// In-place LU of the row-major n x n matrix `a` as LAPACK dgetrf: returns false on a zero
// pivot (after finishing, like LAPACK's info > 0).
bool lu(std::vector<double>& a, int64_t n, std::vector<int64_t>& piv) {
    bool ok = true;
    piv.resize(n);
    for (int64_t k = 0; k < n; ++k) {
        int64_t p = k;
        double best = std::fabs(a[k * n + k]);
        for (int64_t i = k + 1; i < n; ++i)
            if (std::fabs(a[i * n + k]) > best) best = std::fabs(a[i * n + k]), p = i;
        piv[k] = p;
        if (a[p * n + k] == 0) {
            ok = false;
            continue;
        }
        if (p != k)
            for (int64_t j = 0; j < n; ++j) std::swap(a[k * n + j], a[p * n + j]);
        double pivot = a[k * n + k];
        if (std::fabs(pivot) >= std::numeric_limits<double>::min()) {
            double r = 1.0 / pivot;
            for (int64_t i = k + 1; i < n; ++i) a[i * n + k] *= r;
        } else {
            for (int64_t i = k + 1; i < n; ++i) a[i * n + k] /= pivot;
        }
        for (int64_t i = k + 1; i < n; ++i) {
            double l = a[i * n + k];
            for (int64_t j = k + 1; j < n; ++j) a[i * n + j] -= l * a[k * n + j];
        }
    }
    return ok;
}

// Solve with the LU factors for an n x r right-hand side (row-major), as dgetrs.
void lu_solve(const std::vector<double>& a, const std::vector<int64_t>& piv, int64_t n,
              std::vector<double>& b, int64_t r) {
    for (int64_t k = 0; k < n; ++k)
        if (piv[k] != k)
            for (int64_t j = 0; j < r; ++j) std::swap(b[k * r + j], b[piv[k] * r + j]);
    for (int64_t j = 0; j < r; ++j) {
        for (int64_t k = 0; k < n; ++k) {
            double bk = b[k * r + j];
            if (bk == 0) continue;
            for (int64_t i = k + 1; i < n; ++i) b[i * r + j] -= bk * a[i * n + k];
        }
        for (int64_t k = n - 1; k >= 0; --k) {
            if (b[k * r + j] == 0) continue;
            b[k * r + j] /= a[k * n + k];
            double bk = b[k * r + j];
            for (int64_t i = 0; i < k; ++i) b[i * r + j] -= bk * a[i * n + k];
        }
    }
}

} // namespace

LMPY_SIZE_FN NDArray inv(const NDArray& a) {
    check_square(a);
    if (a.ndim() > 2) fail(Kind::NotImplementedError, "stacked inv is not supported");
    int64_t n = a.shape()[0];
    std::vector<double> m = a.to_doubles(), b(n * n, 0.0);
    for (int64_t i = 0; i < n; ++i) b[i * n + i] = 1.0;
    std::vector<int64_t> piv;
    if (!lu(m, n, piv)) fail(Kind::LinAlgError, "Singular matrix");
    lu_solve(m, piv, n, b, n);
    return NDArray::from_doubles({n, n}, std::move(b));
}

LMPY_SIZE_FN NDArray solve(const NDArray& a, const NDArray& b) {
    check_square(a);
    if (a.ndim() > 2) fail(Kind::NotImplementedError, "stacked solve is not supported");
    int64_t n = a.shape()[0];
    bool vec = b.ndim() == 1;
    if (b.ndim() == 0 || b.shape()[0] != n)
        fail(Kind::ValueError,
             std::string(vec ? "solve1" : "solve") +
                 ": Input operand 1 has a mismatch in its core dimension 0, with gufunc "
                 "signature " +
                 (vec ? "(m,m),(m)->(m)" : "(m,m),(m,n)->(m,n)") + " (size " +
                 std::to_string(b.ndim() ? b.shape()[0] : 0) + " is different from " +
                 std::to_string(n) + ")");
    int64_t r = vec ? 1 : b.shape()[1];
    std::vector<double> m = a.to_doubles(), x = b.to_doubles();
    std::vector<int64_t> piv;
    if (!lu(m, n, piv)) fail(Kind::LinAlgError, "Singular matrix");
    lu_solve(m, piv, n, x, r);
    return NDArray::from_doubles(b.shape(), std::move(x));
}

LMPY_SIZE_FN NDArray det(const NDArray& a) {
    check_square(a);
    int64_t n = a.shape()[0];
    std::vector<double> m = a.to_doubles();
    std::vector<int64_t> piv;
    lu(m, n, piv);
    double sign = 1, logdet = 0;
    for (int64_t i = 0; i < n; ++i) {
        if (piv[i] != i) sign = -sign;
        double d = m[i * n + i];
        if (d == 0) return NDArray::scalar(0.0);
        if (d < 0) sign = -sign, d = -d;
        logdet += std::log(d);
    }
    return NDArray::scalar(sign * std::exp(logdet));
}

LMPY_SIZE_FN NDArray norm(const NDArray& a, std::optional<double> ord,
                          const std::optional<std::vector<int64_t>>& axis, bool keepdims) {
    NDArray x = a.dtype() == DType::Float64 ? a : a.astype(DType::Float64);
    int nd = x.ndim();
    if (!axis && (!ord || (*ord == 2 && nd == 1))) {
        NDArray r = x.ravel();
        r = unary(UnOp::Sqrt, dot(r, r));
        return keepdims ? r.reshape(Shape(nd, 1)) : r;
    }
    std::vector<int64_t> ax;
    if (axis)
        ax = *axis;
    else
        for (int d = 0; d < nd; ++d) ax.push_back(d);
    const double inf = INFINITY;
    if (ax.size() == 1) {
        NDArray ab = unary(UnOp::Abs, x);
        if (ord && *ord == inf) return max(ab, ax, keepdims);
        if (ord && *ord == -inf) return min(ab, ax, keepdims);
        if (ord && *ord == 0)
            return sum(binary(BinOp::Ne, x, NDArray::scalar(0.0)).astype(DType::Float64), ax,
                       keepdims);
        if (ord && *ord == 1) return sum(ab, ax, keepdims);
        if (!ord || *ord == 2)
            return unary(UnOp::Sqrt, sum(binary(BinOp::Mul, x, x), ax, keepdims));
        NDArray p = power_operator(ab, NDArray::scalar(*ord));
        return power_operator(sum(p, ax, keepdims), NDArray::scalar(1.0 / *ord));
    }
    if (ax.size() != 2) fail(Kind::ValueError, "Improper number of dimensions to norm.");
    int64_t ra = normalize_axis(ax[0], nd), ca = normalize_axis(ax[1], nd);
    if (ra == ca) fail(Kind::ValueError, "Duplicate axes given.");
    NDArray r;
    if (!ord) {
        r = unary(UnOp::Sqrt, sum(binary(BinOp::Mul, x, x), ax));
    } else if (*ord == 1 || *ord == -1) {
        if (ca > ra) --ca;
        NDArray s = sum(unary(UnOp::Abs, x), std::vector<int64_t>{ra});
        r = *ord == 1 ? max(s, std::vector<int64_t>{ca}) : min(s, std::vector<int64_t>{ca});
    } else if (*ord == inf || *ord == -inf) {
        if (ra > ca) --ra;
        NDArray s = sum(unary(UnOp::Abs, x), std::vector<int64_t>{ca});
        r = *ord == inf ? max(s, std::vector<int64_t>{ra}) : min(s, std::vector<int64_t>{ra});
    } else if ((*ord == 2 || *ord == -2) && nd == 2) {
        NDArray s = svd(ra < ca ? x : x.T(), true, false).s;
        r = *ord == 2 ? max(s) : min(s);
    } else {
        fail(Kind::ValueError, "Invalid norm order for matrices.");
    }
    if (keepdims) {
        Shape s = a.shape();
        s[ra] = 1, s[ca] = 1;
        r = r.reshape(s);
    }
    return r;
}

LMPY_SIZE_FN LstsqResult lstsq(const NDArray& a, const NDArray& b, std::optional<double> rcond) {
    if (a.ndim() != 2)
        fail(Kind::LinAlgError, std::to_string(a.ndim()) +
                                    "-dimensional array given. Array must be "
                                    "two-dimensional");
    bool vec = b.ndim() == 1;
    NDArray B = vec ? b.reshape({-1, 1}) : b;
    int64_t m = a.shape()[0], n = a.shape()[1];
    if (B.shape()[0] != m) fail(Kind::LinAlgError, "Incompatible dimensions");
    double rc = rcond.value_or(std::numeric_limits<double>::epsilon() * double(std::max(m, n)));
    Mat A = to_mat(a), Bm = to_mat(B);
    Eigen::JacobiSVD<Mat> svd(A, Eigen::ComputeThinU | Eigen::ComputeThinV);
    Eigen::VectorXd s = svd.singularValues();
    double cutoff = s.size() ? rc * s(0) : 0;
    int64_t rank = 0;
    Eigen::VectorXd sinv(s.size());
    for (int64_t i = 0; i < s.size(); ++i) {
        sinv(i) = s(i) > cutoff ? 1.0 / s(i) : 0.0;
        rank += s(i) > cutoff;
    }
    Mat X = svd.matrixV() * sinv.asDiagonal() * svd.matrixU().transpose() * Bm;
    LstsqResult r;
    r.x = from_mat(X);
    if (vec) r.x = r.x.reshape({n});
    if (rank == n && m > n) {
        Mat R = A * X - Bm;
        std::vector<double> res(R.cols());
        for (int64_t j = 0; j < R.cols(); ++j) {
            double acc = 0;
            for (int64_t i = 0; i < R.rows(); ++i) acc += R(i, j) * R(i, j);
            res[j] = acc;
        }
        r.residuals = NDArray::from_doubles({static_cast<int64_t>(res.size())}, res);
    } else {
        r.residuals = NDArray::zeros({0}, DType::Float64);
    }
    r.rank = NDArray::scalar(rank);
    r.s = NDArray::from_doubles({static_cast<int64_t>(s.size())},
                                std::vector<double>(s.data(), s.data() + s.size()));
    return r;
}

LMPY_SIZE_FN SVDResult svd(const NDArray& a, bool full_matrices, bool compute_uv) {
    if (a.ndim() != 2)
        fail(Kind::LinAlgError, std::to_string(a.ndim()) +
                                    "-dimensional array given. Array must be "
                                    "two-dimensional");
    Mat A = to_mat(a);
    unsigned opts = compute_uv ? (full_matrices ? Eigen::ComputeFullU | Eigen::ComputeFullV
                                                : Eigen::ComputeThinU | Eigen::ComputeThinV)
                               : 0;
    Eigen::JacobiSVD<Mat> svd(A, opts);
    SVDResult r;
    Eigen::VectorXd s = svd.singularValues();
    r.s = NDArray::from_doubles({static_cast<int64_t>(s.size())},
                                std::vector<double>(s.data(), s.data() + s.size()));
    if (compute_uv) {
        r.u = from_mat(svd.matrixU());
        r.vh = from_mat(svd.matrixV().transpose());
    }
    return r;
}

LMPY_SIZE_FN EigResult eig(const NDArray& a) {
    check_square(a);
    Eigen::EigenSolver<Mat> es(to_mat(a));
    if (es.info() != Eigen::Success) fail(Kind::LinAlgError, "Eigenvalues did not converge");
    auto vals = es.eigenvalues();
    for (int64_t i = 0; i < vals.size(); ++i)
        if (vals(i).imag() != 0)
            fail(Kind::NotImplementedError, "complex eigenvalues are not supported");
    int64_t n = vals.size();
    std::vector<double> v(n);
    for (int64_t i = 0; i < n; ++i) v[i] = vals(i).real();
    Mat vec = es.eigenvectors().real();
    return {NDArray::from_doubles({n}, v), from_mat(vec)};
}

LMPY_SIZE_FN EigResult eigh(const NDArray& a) {
    check_square(a);
    Mat m = to_mat(a);
    Eigen::SelfAdjointEigenSolver<Mat> es(m);
    if (es.info() != Eigen::Success) fail(Kind::LinAlgError, "Eigenvalues did not converge");
    Eigen::VectorXd ev = es.eigenvalues();
    int64_t n = ev.size();
    return {NDArray::from_doubles({n}, std::vector<double>(ev.data(), ev.data() + n)),
            from_mat(es.eigenvectors())};
}

NDArray eigvals(const NDArray& a) { return eig(a).values; }
NDArray eigvalsh(const NDArray& a) { return eigh(a).values; }

LMPY_SIZE_FN NDArray matrix_rank(const NDArray& a) {
    if (a.ndim() < 2)
        return NDArray::scalar(
            int64_t(any(binary(BinOp::Ne, a, NDArray::scalar(int64_t{0}))).to_bools()[0]));
    NDArray s = svd(a, false, false).s;
    std::vector<double> sv = s.to_doubles();
    double tol = (sv.empty() ? 0 : sv[0]) * double(std::max(a.shape()[0], a.shape()[1])) *
                 std::numeric_limits<double>::epsilon();
    int64_t r = 0;
    for (double v : sv) r += v > tol;
    return NDArray::scalar(r);
}

LMPY_SIZE_FN NDArray pinv(const NDArray& a) {
    Mat A = to_mat(a);
    Eigen::JacobiSVD<Mat> svd(A, Eigen::ComputeThinU | Eigen::ComputeThinV);
    Eigen::VectorXd s = svd.singularValues();
    double cutoff = 1e-15 * (s.size() ? s(0) : 0);
    for (int64_t i = 0; i < s.size(); ++i) s(i) = s(i) > cutoff ? 1.0 / s(i) : 0.0;
    return from_mat(svd.matrixV() * s.asDiagonal() * svd.matrixU().transpose());
}

LMPY_SIZE_FN NDArray polyfit(const NDArray& x, const NDArray& y, int64_t deg) {
    if (deg < 0) fail(Kind::ValueError, "expected deg >= 0");
    if (x.ndim() != 1) fail(Kind::TypeError, "expected 1D vector for x");
    if (x.size() == 0) fail(Kind::TypeError, "expected non-empty vector for x");
    if (y.ndim() < 1 || y.ndim() > 2) fail(Kind::TypeError, "expected 1D or 2D array for y");
    if (y.shape()[0] != x.size()) fail(Kind::TypeError, "expected x and y to have same length");
    int64_t n = x.size(), order = deg + 1;
    std::vector<double> xv = x.to_doubles(), lhs(n * order);
    // vander(x, order): columns x**deg ... x**0, built by cumulative products as NumPy does.
    for (int64_t i = 0; i < n; ++i) {
        double p = 1;
        for (int64_t j = order - 1; j >= 0; --j) {
            lhs[i * order + j] = p;
            p *= xv[i];
        }
    }
    NDArray L = NDArray::from_doubles({n, order}, lhs);
    NDArray scale = unary(UnOp::Sqrt, sum(binary(BinOp::Mul, L, L), std::vector<int64_t>{0}));
    L = binary(BinOp::TrueDiv, L, scale);
    double rcond = double(n) * std::numeric_limits<double>::epsilon();
    LstsqResult r = lstsq(L, y.astype(DType::Float64), rcond);
    NDArray c = r.x;
    if (c.ndim() == 1) return binary(BinOp::TrueDiv, c, scale);
    return binary(BinOp::TrueDiv, c.T(), scale).T().copy();
}

LMPY_SIZE_FN NDArray polyval(const NDArray& p, const NDArray& x) {
    NDArray y = zeros_like(x, x.dtype() == DType::Bool ? DType::Int64 : x.dtype());
    int64_t n = p.size();
    NDArray pf = p.ravel();
    for (int64_t i = 0; i < n; ++i) y = binary(BinOp::Add, binary(BinOp::Mul, y, x), pf.get({i}));
    return y;
}

LMPY_SIZE_FN NDArray cov(const NDArray& m, bool rowvar, bool bias, std::optional<int64_t> ddof) {
    if (m.ndim() > 2) fail(Kind::ValueError, "m has more than 2 dimensions");
    NDArray X = atleast_2d(m).astype(DType::Float64);
    if (!rowvar && X.shape()[0] != 1) X = X.T().copy();
    int64_t d = ddof.value_or(bias ? 0 : 1);
    NDArray avg = mean(X, std::vector<int64_t>{1});
    double fact = double(X.shape()[1] - d);
    X = binary(BinOp::Sub, X, avg.reshape({-1, 1}));
    NDArray c = dot(X, X.T());
    c = binary(BinOp::Mul, c, NDArray::scalar(1.0 / fact));
    return c.squeeze();
}

LMPY_SIZE_FN NDArray corrcoef(const NDArray& x, bool rowvar) {
    NDArray c = cov(x, rowvar);
    if (c.ndim() == 0) return binary(BinOp::TrueDiv, c, c);
    NDArray sd = unary(UnOp::Sqrt, diag(c));
    c = binary(BinOp::TrueDiv, c, sd.reshape({-1, 1}));
    c = binary(BinOp::TrueDiv, c, sd.reshape({1, -1}));
    return clip(c, NDArray::scalar(-1.0), NDArray::scalar(1.0));
}

} // namespace lmpy::np
