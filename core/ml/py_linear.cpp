// Python module `sklearn.linear_model`: LogisticRegression over logistic.h (L-BFGS on
// scikit-learn's objective). Labels may be any sortable values; classes_ is their sorted set,
// the C++ model sees class indices.
#include "ml/logistic.h"
#include "ml/py_common.h"
#include "ml/py_estimator.h"

namespace lmpy::ml {

namespace {

struct LogRegObj : Instance {
    LMPY_OBJ_KIND
    bool fitted = false;
    LogisticModel model;
    std::vector<Value> classes;
    explicit LogRegObj(Type* t) : Instance(t) {}
};

const std::vector<Param>& lr_params() {
    static const std::vector<Param> p = {
        {"penalty", "'l2'", [](VM& vm) { return vm.str("l2"); }},
        {"dual", "False", [](VM& vm) { return Value::boolean(false); }},
        {"tol", "0.0001", [](VM& vm) { return Value::flt(1e-4); }},
        {"C", "1.0", [](VM& vm) { return Value::flt(1.0); }},
        {"fit_intercept", "True", [](VM& vm) { return Value::boolean(true); }},
        {"intercept_scaling", "1", [](VM& vm) { return Value::integer(1); }},
        {"class_weight", "None", [](VM& vm) { return Value(); }},
        {"random_state", "None", [](VM& vm) { return Value(); }},
        {"solver", "'lbfgs'", [](VM& vm) { return vm.str("lbfgs"); }},
        {"max_iter", "100", [](VM& vm) { return Value::integer(100); }},
        {"multi_class", "'auto'", [](VM& vm) { return vm.str("auto"); }},
        {"verbose", "0", [](VM& vm) { return Value::integer(0); }},
        {"warm_start", "False", [](VM& vm) { return Value::boolean(false); }},
        {"n_jobs", "None", [](VM& vm) { return Value(); }},
        {"l1_ratio", "None", [](VM& vm) { return Value(); }},
    };
    return p;
}

LogRegObj* self_lr(VM& vm, Args& a) {
    LogRegObj* v = a.n > 0 ? obj_as<LogRegObj>(a[0]) : nullptr;
    if (!v) vm.type_error("descriptor requires a 'LogisticRegression' object");
    return v;
}

Value lr_init(VM& vm, Args& a) {
    init_params(vm, a[0], a, "LogisticRegression", lr_params());
    return Value();
}
Value lr_repr(VM& vm, Args& a) {
    return estimator_repr(vm, a[0], "LogisticRegression", lr_params());
}

Value lr_ctor(VM& vm, Args& a) {
    Type* T = estimator_type(vm, "sklearn.linear_model", "LogisticRegression");
    Value self(new LogRegObj(T));
    call_init(vm, self, a);
    return self;
}

std::string str_param(VM& vm, const Value& self, const char* name) {
    Value v = attr(vm, self, name);
    return v.is_none() ? "None" : vm.to_str(v);
}

Value lr_fit(VM& vm, Args& a) {
    LogRegObj* o = self_lr(vm, a);
    check_kwargs(vm, "fit", a, {"X", "y", "sample_weight"});
    const Value* Xv = arg(a, 1, vm.intern("X"));
    const Value* yv = arg(a, 2, vm.intern("y"));
    if (!Xv || !yv) vm.type_error("fit() missing 1 required positional argument: 'y'");
    const Value* sw = arg(a, 3, vm.intern("sample_weight"));
    if (sw && !sw->is_none()) raise_not_impl(vm, "LogisticRegression.fit(sample_weight=...)");
    const Value& self = a[0];
    std::string solver = str_param(vm, self, "solver"), penalty = str_param(vm, self, "penalty");
    std::string multi = str_param(vm, self, "multi_class");
    if (solver != "lbfgs") raise_not_impl(vm, "LogisticRegression(solver='" + solver + "')");
    if (penalty != "l2" && penalty != "None" && penalty != "none") {
        if (penalty == "l1" || penalty == "elasticnet")
            vm.value_error("Solver lbfgs supports only 'l2' or 'none' penalties, got " + penalty +
                           " penalty.");
        vm.value_error("The 'penalty' parameter of LogisticRegression must be a str among {'l1', "
                       "'l2', 'elasticnet', 'none'} or None. Got " +
                       vm.repr(attr(vm, self, "penalty")) + " instead.");
    }
    if (!attr(vm, self, "class_weight").is_none())
        raise_not_impl(vm, "LogisticRegression(class_weight=...)");
    LogisticOptions opt;
    opt.C = vm.to_double(attr(vm, self, "C"));
    if (!(opt.C > 0))
        vm.value_error(
            "The 'C' parameter of LogisticRegression must be a float in the range (0, inf). Got " +
            vm.repr(attr(vm, self, "C")) + " instead.");
    if (penalty != "l2") opt.C = std::numeric_limits<double>::infinity();
    opt.fit_intercept = vm.truthy(attr(vm, self, "fit_intercept"));
    opt.max_iter = int(vm.to_index(attr(vm, self, "max_iter")));
    if (opt.max_iter < 0)
        vm.value_error("The 'max_iter' parameter of LogisticRegression must be an int in the range "
                       "[0, inf). Got " +
                       vm.repr(attr(vm, self, "max_iter")) + " instead.");
    opt.tol = vm.to_double(attr(vm, self, "tol"));

    Eigen::MatrixXd X = to_matrix(vm, *Xv);
    std::vector<Value> y = vm.to_vector(to_nested(vm, *yv));
    check_consistent_length(vm, {int64_t(X.rows()), int64_t(y.size())});
    std::vector<Value> classes = unique_sorted(vm, y);
    if (classes.size() < 2)
        vm.value_error("This solver needs samples of at least 2 classes in the data, but the data "
                       "contains only one class: " +
                       vm.repr(classes[0]));
    const int K = int(classes.size());
    if (multi == "ovr" && K > 2)
        raise_not_impl(vm, "LogisticRegression(multi_class='ovr') with more than two classes");
    if (multi == "multinomial" && K == 2)
        raise_not_impl(vm, "LogisticRegression(multi_class='multinomial') with two classes");
    std::vector<int> yi(y.size());
    for (size_t i = 0; i < y.size(); ++i)
        for (int k = 0; k < K; ++k)
            if (vm.eq(classes[k], y[i])) {
                yi[i] = k;
                break;
            }
    o->model = fit_logistic(X, yi, K, opt);
    o->classes = classes;
    o->fitted = true;
    o->attrs[vm.intern("classes_")] = np_array(vm, vm.new_list(classes));
    o->attrs[vm.intern("coef_")] = np_matrix(vm, o->model.coef);
    o->attrs[vm.intern("intercept_")] = np_vector(vm, o->model.intercept);
    o->attrs[vm.intern("n_iter_")] =
        np_array(vm, vm.new_list({Value::integer(o->model.n_iter)}), "int64");
    o->attrs[vm.intern("n_features_in_")] = Value::integer(X.cols());
    return self;
}

Eigen::MatrixXd checked_X(VM& vm, LogRegObj* o, Args& a, const char* fname) {
    if (!o->fitted) not_fitted(vm, "LogisticRegression");
    const Value* Xv = arg(a, 1, vm.intern("X"));
    if (!Xv) vm.type_error(std::string(fname) + "() missing 1 required positional argument: 'X'");
    Eigen::MatrixXd X = to_matrix(vm, *Xv);
    if (X.cols() != o->model.coef.cols())
        vm.value_error("X has " + std::to_string(X.cols()) +
                       " features, but LogisticRegression is expecting " +
                       std::to_string(o->model.coef.cols()) + " features as input.");
    return X;
}

Value predict_values(VM& vm, LogRegObj* o, const Eigen::MatrixXd& X) {
    std::vector<int> p = predict(o->model, X);
    std::vector<Value> out;
    for (int k : p) out.push_back(o->classes[size_t(k)]);
    return vm.new_list(std::move(out));
}

Value lr_predict(VM& vm, Args& a) {
    LogRegObj* o = self_lr(vm, a);
    Eigen::MatrixXd X = checked_X(vm, o, a, "predict");
    return np_array(vm, predict_values(vm, o, X));
}

Value lr_predict_proba(VM& vm, Args& a) {
    LogRegObj* o = self_lr(vm, a);
    return np_matrix(vm, predict_proba(o->model, checked_X(vm, o, a, "predict_proba")));
}

Value lr_predict_log_proba(VM& vm, Args& a) {
    LogRegObj* o = self_lr(vm, a);
    Eigen::MatrixXd P = predict_proba(o->model, checked_X(vm, o, a, "predict_log_proba"));
    return np_matrix(vm, P.array().log().matrix());
}

Value lr_decision_function(VM& vm, Args& a) {
    LogRegObj* o = self_lr(vm, a);
    Eigen::MatrixXd Z = decision_function(o->model, checked_X(vm, o, a, "decision_function"));
    if (Z.cols() == 1) return np_vector(vm, Z.col(0));
    return np_matrix(vm, Z);
}

Value lr_score(VM& vm, Args& a) {
    LogRegObj* o = self_lr(vm, a);
    Eigen::MatrixXd X = checked_X(vm, o, a, "score");
    const Value* yv = arg(a, 2, vm.intern("y"));
    if (!yv) vm.type_error("score() missing 1 required positional argument: 'y'");
    std::vector<Value> y = vm.to_vector(to_nested(vm, *yv));
    check_consistent_length(vm, {int64_t(y.size()), int64_t(X.rows())});
    std::vector<int> p = predict(o->model, X);
    int64_t ok = 0;
    for (size_t i = 0; i < y.size(); ++i) ok += vm.eq(y[i], o->classes[size_t(p[i])]);
    return Value::flt(double(ok) / double(y.size()));
}

Value lr_get_params(VM& vm, Args& a) {
    self_lr(vm, a);
    Value d = vm.new_dict();
    for (auto* p : params_by_name(lr_params()))
        dict_set(vm, d.as<Dict>(), vm.str(p->name), attr(vm, a[0], p->name));
    return d;
}

} // namespace

void init_sklearn_linear_model(VM& vm, const Value& m) {
    Type* T = vm.new_type("LogisticRegression", vm.t.object, Layout::Object);
    T->module = "sklearn.linear_model._logistic";
    static const VM::MethodDef kLogisticMethods[] = {
        {"__init__", lr_init},
        {"__repr__", lr_repr},
        {"fit", lr_fit},
        {"predict", lr_predict},
        {"predict_proba", lr_predict_proba},
        {"predict_log_proba", lr_predict_log_proba},
        {"decision_function", lr_decision_function},
        {"score", lr_score},
        {"get_params", lr_get_params},
    };
    vm.add_methods(T, kLogisticMethods);
    T->ctor = lr_ctor;
    vm.set_global(m, "LogisticRegression", Value(T));
    ml_types(vm);
}

} // namespace lmpy::ml
