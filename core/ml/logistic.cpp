// LogisticRegression's objective and gradient (see logistic.h), minimised with lbfgs.h.
#include "ml/logistic.h"
#include <cmath>

namespace lmpy::ml {

namespace {

// log(1 + exp(z)) without overflow, as scikit-learn's HalfBinomialLoss computes it.
double log1pexp(double z) {
    if (z <= -37.0) return std::exp(z);
    if (z <= -2.0) return std::log1p(std::exp(z));
    if (z <= 18.0) return std::log(1.0 + std::exp(z));
    if (z <= 33.3) return z + std::exp(-z);
    return z;
}
double expit(double z) { return 1.0 / (1.0 + std::exp(-z)); }

} // namespace

LogisticModel fit_logistic(const Eigen::MatrixXd& X, const std::vector<int>& y, int n_classes,
                           const LogisticOptions& opt) {
    const Eigen::Index N = X.rows(), F = X.cols();
    const int icpt = opt.fit_intercept ? 1 : 0;
    const double l2 = 1.0 / opt.C;
    LbfgsOptions lo;
    lo.max_iter = opt.max_iter;
    lo.gtol = opt.tol;
    LogisticModel m;
    m.n_classes = n_classes;
    if (n_classes == 2) {
        Eigen::VectorXd t(N);
        for (Eigen::Index i = 0; i < N; ++i) t[i] = y[i] == 1 ? 1.0 : 0.0;
        Objective obj = [&](const Eigen::VectorXd& p, Eigen::VectorXd& g) {
            Eigen::VectorXd w = p.head(F);
            double b = icpt ? p[F] : 0.0;
            Eigen::VectorXd z = X * w;
            Eigen::VectorXd gp(N);
            double loss = 0;
            for (Eigen::Index i = 0; i < N; ++i) {
                double zi = z[i] + b;
                loss += log1pexp(zi) - t[i] * zi;
                gp[i] = expit(zi) - t[i];
            }
            loss += 0.5 * l2 * w.squaredNorm();
            g.resize(p.size());
            g.head(F) = X.transpose() * gp + l2 * w;
            if (icpt) g[F] = gp.sum();
            return loss;
        };
        LbfgsResult r = lbfgs_minimize(obj, Eigen::VectorXd::Zero(F + icpt), lo);
        m.coef = r.x.head(F).transpose();
        m.intercept = Eigen::VectorXd::Constant(1, icpt ? r.x[F] : 0.0);
        m.n_iter = r.n_iter;
        m.converged = r.converged;
        return m;
    }
    const Eigen::Index K = n_classes, D = F + icpt;
    Objective obj = [&](const Eigen::VectorXd& p, Eigen::VectorXd& g) {
        // p[k + K * j] is coefficient j of class k (Fortran order of a K x D matrix).
        Eigen::Map<const Eigen::MatrixXd> W(p.data(), K, D);
        Eigen::MatrixXd Z = X * W.leftCols(F).transpose(); // N x K
        if (icpt) Z.rowwise() += W.col(F).transpose();
        double loss = 0;
        Eigen::MatrixXd G(N, K);
        for (Eigen::Index i = 0; i < N; ++i) {
            double mx = Z.row(i).maxCoeff();
            double s = 0;
            for (Eigen::Index k = 0; k < K; ++k) s += std::exp(Z(i, k) - mx);
            double lse = mx + std::log(s);
            loss += lse - Z(i, y[i]);
            for (Eigen::Index k = 0; k < K; ++k)
                G(i, k) = std::exp(Z(i, k) - mx) / s - (k == y[i] ? 1.0 : 0.0);
        }
        loss += 0.5 * l2 * W.leftCols(F).squaredNorm();
        g.resize(p.size());
        Eigen::Map<Eigen::MatrixXd> Gm(g.data(), K, D);
        Gm.leftCols(F) = G.transpose() * X + l2 * W.leftCols(F);
        if (icpt) Gm.col(F) = G.colwise().sum().transpose();
        return loss;
    };
    LbfgsResult r = lbfgs_minimize(obj, Eigen::VectorXd::Zero(K * D), lo);
    Eigen::Map<const Eigen::MatrixXd> W(r.x.data(), K, D);
    m.coef = W.leftCols(F);
    m.intercept = icpt ? Eigen::VectorXd(W.col(F)) : Eigen::VectorXd::Zero(K);
    m.n_iter = r.n_iter;
    m.converged = r.converged;
    return m;
}

Eigen::MatrixXd decision_function(const LogisticModel& m, const Eigen::MatrixXd& X) {
    Eigen::MatrixXd Z = X * m.coef.transpose();
    Z.rowwise() += m.intercept.transpose();
    return Z;
}

Eigen::MatrixXd predict_proba(const LogisticModel& m, const Eigen::MatrixXd& X) {
    Eigen::MatrixXd Z = decision_function(m, X);
    Eigen::MatrixXd P(X.rows(), m.n_classes);
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        if (m.n_classes == 2) {
            double p = expit(Z(i, 0));
            P(i, 0) = 1.0 - p;
            P(i, 1) = p;
            continue;
        }
        double mx = Z.row(i).maxCoeff(), s = 0;
        for (Eigen::Index k = 0; k < Z.cols(); ++k) s += std::exp(Z(i, k) - mx);
        for (Eigen::Index k = 0; k < Z.cols(); ++k) P(i, k) = std::exp(Z(i, k) - mx) / s;
    }
    return P;
}

std::vector<int> predict(const LogisticModel& m, const Eigen::MatrixXd& X) {
    Eigen::MatrixXd Z = decision_function(m, X);
    std::vector<int> out(X.rows());
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        if (m.n_classes == 2) {
            out[i] = Z(i, 0) > 0 ? 1 : 0;
            continue;
        }
        Eigen::Index best = 0;
        for (Eigen::Index k = 1; k < Z.cols(); ++k)
            if (Z(i, k) > Z(i, best)) best = k;
        out[i] = int(best);
    }
    return out;
}

} // namespace lmpy::ml
