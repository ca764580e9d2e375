// Logistic regression as scikit-learn 1.2 fits it with solver="lbfgs", in pure C++ (Eigen).
//
// Objective (sklearn.linear_model._logistic with LinearModelLoss, unit sample weights):
//   binary (classes 0/1, "ovr" with one column):
//       sum_i [log(1 + exp(z_i)) - y_i z_i] + 1/(2C) ||w||^2,   z = X w + b
//   multinomial (K > 2 classes):
//       sum_i [logsumexp(Z_i) - Z_{i,y_i}] + 1/(2C) ||W||_F^2,  Z = X W^T + b
// The intercept is never penalised. Parameters are laid out as SciPy sees them (binary:
// [w, b]; multinomial: the (K, F+1) matrix ravelled in Fortran order), so the L-BFGS
// iterates follow the same arithmetic. fit_logistic is shared with the sentiment explorer.
#pragma once
#include "ml/lbfgs.h"
#include <Eigen/Core>
#include <vector>

namespace lmpy::ml {

struct LogisticOptions {
    double C = 1.0;
    bool fit_intercept = true;
    int max_iter = 100;
    double tol = 1e-4;
};

struct LogisticModel {
    // Binary: coef is 1 x F and intercept has 1 entry (the positive class's score).
    // Multinomial: coef is K x F, intercept K.
    Eigen::MatrixXd coef;
    Eigen::VectorXd intercept;
    int n_classes = 0;
    int n_iter = 0;
    bool converged = false;
};

// y holds class indices in [0, n_classes); n_classes >= 2.
LogisticModel fit_logistic(const Eigen::MatrixXd& X, const std::vector<int>& y, int n_classes,
                           const LogisticOptions& opt = {});
// Scores: N x 1 for binary, N x K otherwise.
Eigen::MatrixXd decision_function(const LogisticModel& m, const Eigen::MatrixXd& X);
// Probabilities N x K (binary: [1 - expit(z), expit(z)]; multinomial: softmax).
Eigen::MatrixXd predict_proba(const LogisticModel& m, const Eigen::MatrixXd& X);
// Class indices (binary: z > 0; multinomial: first argmax).
std::vector<int> predict(const LogisticModel& m, const Eigen::MatrixXd& X);

} // namespace lmpy::ml
