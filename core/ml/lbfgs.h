// L-BFGS minimisation, as SciPy's L-BFGS-B (v3.0) runs it on an unbounded problem.
//
// scikit-learn 1.2 fits LogisticRegression(solver="lbfgs") with
// scipy.optimize.minimize(method="L-BFGS-B", options={gtol: tol, maxiter: max_iter}).
// Without bounds, L-BFGS-B's generalized-Cauchy-point + subspace step reduces to the
// classic quasi-Newton step -H g with H0 = (s'y / y'y) I, so this is the two-loop
// recursion with the same choices as the Fortran code, which decide where it stops:
//   * memory m = 10; a pair is skipped when s'y <= eps * y'y;
//   * first step length 1/||g|| (later 1), Moré–Thuente line search (ftol 1e-3, gtol 0.9,
//     xtol 0.1, at most 20 evaluations, maximum step 1e10);
//   * stop when max|g_i| <= gtol, when (f_old - f) / max(|f_old|, |f|, 1) <= ftol
//     (SciPy's default 2.22e-9 = 1e7 * eps), or after max_iter iterations;
//   * a failed line search restarts from steepest descent once, then gives up.
// Reused by the sentiment explorer (issue 7), so it takes any smooth objective.
#pragma once
#include <Eigen/Core>
#include <functional>
#include <string>

namespace lmpy::ml {

struct LbfgsOptions {
    int max_iter = 100;
    double gtol = 1e-4;
    double ftol = 2.220446049250313e-09;
    int memory = 10;
    int max_linesearch = 20;
    int max_fun = 15000;
};

struct LbfgsResult {
    Eigen::VectorXd x;
    double f = 0;
    int n_iter = 0;
    int n_fun = 0;
    bool converged = false; // false: iteration/evaluation limit or line-search failure
    std::string message;    // SciPy's task text
};

// f(x, grad) returns the objective and writes its gradient into grad (same size as x).
using Objective = std::function<double(const Eigen::VectorXd& x, Eigen::VectorXd& grad)>;

LbfgsResult lbfgs_minimize(const Objective& f, Eigen::VectorXd x0, const LbfgsOptions& opt = {});

// One Moré–Thuente line search state machine (MINPACK-2 dcsrch), exposed for tests.
struct LineSearch {
    double ftol = 1e-3, gtol = 0.9, xtol = 0.1, stpmin = 0, stpmax = 1e10;
    // Start with f(0), f'(0) (< 0) and the first trial step; returns the step to evaluate.
    double start(double f0, double g0, double stp);
    // Feed f(stp), f'(stp); returns true when converged (or stuck at a warning) and the
    // step to use, otherwise false and the next step to evaluate.
    bool step(double f, double g, double& stp);

  private:
    bool brackt_ = false;
    int stage_ = 1;
    double finit_ = 0, ginit_ = 0, gtest_ = 0, width_ = 0, width1_ = 0;
    double stx_ = 0, fx_ = 0, gx_ = 0, sty_ = 0, fy_ = 0, gy_ = 0, stmin_ = 0, stmax_ = 0;
};

} // namespace lmpy::ml
