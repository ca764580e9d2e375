// L-BFGS with the Moré–Thuente line search; see lbfgs.h for the choices that mirror SciPy.
#include "ml/lbfgs.h"
#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <vector>

namespace lmpy::ml {

namespace {

// One safeguarded cubic/quadratic interpolation step of the Moré–Thuente search: updates
// the interval of uncertainty [stx, sty] and proposes the next trial step in stp.
void cstep(double& stx, double& fx, double& dx, double& sty, double& fy, double& dy, double& stp,
           double fp, double dp, bool& brackt, double stpmin, double stpmax) {
    const double sgnd = dp * (dx / std::fabs(dx));
    double stpf;
    if (fp > fx) {
        // Higher function value: the minimum is bracketed between stx and stp.
        double theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
        double s = std::max({std::fabs(theta), std::fabs(dx), std::fabs(dp)});
        double gamma = s * std::sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
        if (stp < stx) gamma = -gamma;
        double p = (gamma - dx) + theta;
        double q = ((gamma - dx) + gamma) + dp;
        double r = p / q;
        double stpc = stx + r * (stp - stx);
        double stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2.0) * (stp - stx);
        stpf = std::fabs(stpc - stx) < std::fabs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2.0;
        brackt = true;
    } else if (sgnd < 0.0) {
        // Derivatives of opposite sign: bracketed.
        double theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
        double s = std::max({std::fabs(theta), std::fabs(dx), std::fabs(dp)});
        double gamma = s * std::sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
        if (stp > stx) gamma = -gamma;
        double p = (gamma - dp) + theta;
        double q = ((gamma - dp) + gamma) + dx;
        double r = p / q;
        double stpc = stp + r * (stx - stp);
        double stpq = stp + (dp / (dp - dx)) * (stx - stp);
        stpf = std::fabs(stpc - stp) > std::fabs(stpq - stp) ? stpc : stpq;
        brackt = true;
    } else if (std::fabs(dp) < std::fabs(dx)) {
        // Same sign, derivative magnitude decreases.
        double theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
        double s = std::max({std::fabs(theta), std::fabs(dx), std::fabs(dp)});
        double gamma =
            s * std::sqrt(std::max(0.0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
        if (stp > stx) gamma = -gamma;
        double p = (gamma - dp) + theta;
        double q = (gamma + (dx - dp)) + gamma;
        double r = p / q;
        double stpc;
        if (r < 0.0 && gamma != 0.0)
            stpc = stp + r * (stx - stp);
        else if (stp > stx)
            stpc = stpmax;
        else
            stpc = stpmin;
        double stpq = stp + (dp / (dp - dx)) * (stx - stp);
        if (brackt) {
            stpf = std::fabs(stpc - stp) < std::fabs(stpq - stp) ? stpc : stpq;
            if (stp > stx)
                stpf = std::min(stp + 0.66 * (sty - stp), stpf);
            else
                stpf = std::max(stp + 0.66 * (sty - stp), stpf);
        } else {
            stpf = std::fabs(stpc - stp) > std::fabs(stpq - stp) ? stpc : stpq;
            stpf = std::min(stpmax, stpf);
            stpf = std::max(stpmin, stpf);
        }
    } else {
        // Same sign, derivative magnitude does not decrease.
        if (brackt) {
            double theta = 3.0 * (fp - fy) / (sty - stp) + dy + dp;
            double s = std::max({std::fabs(theta), std::fabs(dy), std::fabs(dp)});
            double gamma = s * std::sqrt((theta / s) * (theta / s) - (dy / s) * (dp / s));
            if (stp > sty) gamma = -gamma;
            double p = (gamma - dp) + theta;
            double q = ((gamma - dp) + gamma) + dy;
            double r = p / q;
            stpf = stp + r * (sty - stp);
        } else {
            stpf = stp > stx ? stpmax : stpmin;
        }
    }
    if (fp > fx) {
        sty = stp;
        fy = fp;
        dy = dp;
    } else {
        if (sgnd < 0.0) {
            sty = stx;
            fy = fx;
            dy = dx;
        }
        stx = stp;
        fx = fp;
        dx = dp;
    }
    stp = stpf;
}

constexpr double kXtrapL = 1.1, kXtrapU = 4.0;

} // namespace

double LineSearch::start(double f0, double g0, double stp) {
    brackt_ = false;
    stage_ = 1;
    finit_ = f0;
    ginit_ = g0;
    gtest_ = ftol * ginit_;
    width_ = stpmax - stpmin;
    width1_ = width_ / 0.5;
    stx_ = 0;
    fx_ = finit_;
    gx_ = ginit_;
    sty_ = 0;
    fy_ = finit_;
    gy_ = ginit_;
    stmin_ = 0;
    stmax_ = stp + kXtrapU * stp;
    return stp;
}

bool LineSearch::step(double f, double g, double& stp) {
    const double ftest = finit_ + stp * gtest_;
    if (stage_ == 1 && f <= ftest && g >= 0.0) stage_ = 2;
    // Warnings end the search at the current step, as dcsrch's WARNING tasks do.
    if (brackt_ && (stp <= stmin_ || stp >= stmax_)) return true;
    if (brackt_ && stmax_ - stmin_ <= xtol * stmax_) return true;
    if (stp == stpmax && f <= ftest && g <= gtest_) return true;
    if (stp == stpmin && (f > ftest || g >= gtest_)) return true;
    if (f <= ftest && std::fabs(g) <= gtol * (-ginit_)) return true;

    if (stage_ == 1 && f <= fx_ && f > ftest) {
        // Modified function psi(stp) = f(stp) - f(0) - ftol * stp * f'(0).
        double fm = f - stp * gtest_, fxm = fx_ - stx_ * gtest_, fym = fy_ - sty_ * gtest_;
        double gm = g - gtest_, gxm = gx_ - gtest_, gym = gy_ - gtest_;
        cstep(stx_, fxm, gxm, sty_, fym, gym, stp, fm, gm, brackt_, stmin_, stmax_);
        fx_ = fxm + stx_ * gtest_;
        fy_ = fym + sty_ * gtest_;
        gx_ = gxm + gtest_;
        gy_ = gym + gtest_;
    } else {
        cstep(stx_, fx_, gx_, sty_, fy_, gy_, stp, f, g, brackt_, stmin_, stmax_);
    }
    if (brackt_) {
        if (std::fabs(sty_ - stx_) >= 0.66 * width1_) stp = stx_ + 0.5 * (sty_ - stx_);
        width1_ = width_;
        width_ = std::fabs(sty_ - stx_);
        stmin_ = std::min(stx_, sty_);
        stmax_ = std::max(stx_, sty_);
    } else {
        stmin_ = stp + kXtrapL * (stp - stx_);
        stmax_ = stp + kXtrapU * (stp - stx_);
    }
    stp = std::max(stp, stpmin);
    stp = std::min(stp, stpmax);
    if ((brackt_ && (stp <= stmin_ || stp >= stmax_)) ||
        (brackt_ && stmax_ - stmin_ <= xtol * stmax_))
        stp = stx_;
    return false;
}

LbfgsResult lbfgs_minimize(const Objective& fun, Eigen::VectorXd x, const LbfgsOptions& opt) {
    const double eps = std::numeric_limits<double>::epsilon();
    const Eigen::Index n = x.size();
    LbfgsResult res;
    Eigen::VectorXd g(n);
    double f = fun(x, g);
    res.n_fun = 1;
    std::deque<Eigen::VectorXd> S, Y; // most recent last
    std::deque<double> rho;
    double h0 = 1.0; // 1 / theta
    auto finish = [&](bool ok, const char* msg) {
        res.x = x;
        res.f = f;
        res.converged = ok;
        res.message = msg;
        return res;
    };
    if (n == 0 || g.lpNorm<Eigen::Infinity>() <= opt.gtol)
        return finish(true, "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL");

    Eigen::VectorXd d(n), xold(n), gold(n), gnew(n), xnew(n), q(n);
    std::vector<double> alpha;
    while (true) {
        // Search direction: -H g by the two-loop recursion (steepest descent without memory).
        q = -g;
        const size_t k = S.size();
        alpha.assign(k, 0.0);
        for (size_t i = k; i-- > 0;) {
            alpha[i] = rho[i] * S[i].dot(q);
            q -= alpha[i] * Y[i];
        }
        q *= h0;
        for (size_t i = 0; i < k; ++i) {
            double beta = rho[i] * Y[i].dot(q);
            q += (alpha[i] - beta) * S[i];
        }
        d = q;
        double gd = g.dot(d);
        const double dnorm = d.norm();
        double stp = (res.n_iter == 0 && k == 0 && h0 == 1.0) ? std::min(1.0 / dnorm, 1e10) : 1.0;
        bool failed = !(gd < 0.0);
        double fnew = f;
        int evals = 0;
        if (!failed) {
            LineSearch ls;
            stp = ls.start(f, gd, stp);
            while (true) {
                xnew = x + stp * d;
                fnew = fun(xnew, gnew);
                ++evals;
                ++res.n_fun;
                double gdn = gnew.dot(d);
                if (ls.step(fnew, gdn, stp)) break;
                if (evals >= opt.max_linesearch || !std::isfinite(stp)) {
                    failed = true;
                    break;
                }
            }
        }
        if (failed) {
            if (k == 0) {
                ++res.n_iter;
                return finish(false, "ABNORMAL_TERMINATION_IN_LNSRCH");
            }
            S.clear();
            Y.clear();
            rho.clear();
            h0 = 1.0;
            continue; // restart from steepest descent
        }
        // The accepted point is the last one evaluated (dcsrch ends on an evaluated step).
        xold = x;
        gold = g;
        const double fold = f;
        x = xnew;
        g = gnew;
        f = fnew;
        ++res.n_iter;
        if (g.lpNorm<Eigen::Infinity>() <= opt.gtol)
            return finish(true, "CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL");
        if (fold - f <= opt.ftol * std::max({std::fabs(fold), std::fabs(f), 1.0}))
            return finish(true, "CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH");
        if (res.n_iter >= opt.max_iter)
            return finish(false, "STOP: TOTAL NO. of ITERATIONS REACHED LIMIT");
        if (res.n_fun > opt.max_fun)
            return finish(false, "STOP: TOTAL NO. of f AND g EVALUATIONS EXCEEDS LIMIT");
        Eigen::VectorXd s = x - xold, y = g - gold;
        double sy = s.dot(y), yy = y.dot(y);
        if (sy > eps * (-gd * stp)) {
            if (int(S.size()) == opt.memory) {
                S.pop_front();
                Y.pop_front();
                rho.pop_front();
            }
            S.push_back(std::move(s));
            Y.push_back(std::move(y));
            rho.push_back(1.0 / sy);
            h0 = sy / yy;
        }
    }
}

} // namespace lmpy::ml
