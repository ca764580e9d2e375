// Python modules `sklearn`, `sklearn.feature_extraction(.text)`, `sklearn.model_selection`
// and `sklearn.metrics` over the pure C++ algorithms of this folder (text.h, split.h).
// Estimators keep their constructor parameters as instance attributes, as scikit-learn does,
// and read them at fit time; their repr lists the parameters that differ from the defaults.
#include "ml/py_common.h"
#include "ml/py_estimator.h"
#include "ml/split.h"
#include "ml/text.h"
#include <cmath>

namespace lmpy::ml {

namespace {

// ------------------------------------------------------------------------- CountVectorizer

struct VecObj : Instance {
    LMPY_OBJ_KIND
    std::unique_ptr<CountVectorizerCore> core;
    explicit VecObj(Type* t) : Instance(t) {}
};

const std::vector<Param>& vec_params() {
    static const std::vector<Param> p = {
        {"input", "'content'", [](VM& vm) { return vm.str("content"); }},
        {"encoding", "'utf-8'", [](VM& vm) { return vm.str("utf-8"); }},
        {"decode_error", "'strict'", [](VM& vm) { return vm.str("strict"); }},
        {"strip_accents", "None", [](VM& vm) { return Value(); }},
        {"lowercase", "True", [](VM& vm) { return Value::boolean(true); }},
        {"preprocessor", "None", [](VM& vm) { return Value(); }},
        {"tokenizer", "None", [](VM& vm) { return Value(); }},
        {"stop_words", "None", [](VM& vm) { return Value(); }},
        {"token_pattern", "'(?u)\\\\b\\\\w\\\\w+\\\\b'",
         [](VM& vm) { return vm.str("(?u)\\b\\w\\w+\\b"); }},
        {"ngram_range", "(1, 1)",
         [](VM& vm) {
             return vm.new_tuple({Value::integer(1), Value::integer(1)});
         }},
        {"analyzer", "'word'", [](VM& vm) { return vm.str("word"); }},
        {"max_df", "1.0", [](VM& vm) { return Value::flt(1.0); }},
        {"min_df", "1", [](VM& vm) { return Value::integer(1); }},
        {"max_features", "None", [](VM& vm) { return Value(); }},
        {"vocabulary", "None", [](VM& vm) { return Value(); }},
        {"binary", "False", [](VM& vm) { return Value::boolean(false); }},
    };
    return p;
}

VecObj* self_vec(VM& vm, Args& a) {
    VecObj* v = a.n > 0 ? obj_as<VecObj>(a[0]) : nullptr;
    if (!v) vm.type_error("descriptor requires a 'CountVectorizer' object");
    return v;
}

Value vec_init(VM& vm, Args& a) {
    init_params(vm, a[0], a, "CountVectorizer", vec_params());
    return Value();
}

Value vec_repr(VM& vm, Args& a) {
    return estimator_repr(vm, a[0], "CountVectorizer", vec_params());
}

DfBound df_bound(VM& vm, const Value& v, const char* name) {
    if (v.is_float()) {
        if (v.f < 0 || v.f > 1)
            vm.value_error(std::string("The '") + name +
                           "' parameter of CountVectorizer must be a float in the range [0.0, 1.0] "
                           "or an int in the range [1, inf). Got " +
                           vm.repr(v) + " instead.");
        return v.f;
    }
    if (is_int(vm, v) && !v.is_bool()) {
        int64_t i = vm.to_index(v);
        if (i < (std::string(name) == "max_df" ? 1 : 0))
            vm.value_error(std::string("The '") + name +
                           "' parameter of CountVectorizer must be a float in the range [0.0, 1.0] "
                           "or an int in the range [" +
                           (std::string(name) == "max_df" ? "1" : "0") + ", inf). Got " +
                           vm.repr(v) + " instead.");
        return i;
    }
    vm.value_error(
        std::string("The '") + name +
        "' parameter of CountVectorizer must be a float in the range [0.0, 1.0] or an int. Got " +
        vm.repr(v) + " instead.");
}

CountVectorizerParams read_params(VM& vm, const Value& self) {
    CountVectorizerParams p;
    for (const char* n : {"preprocessor", "tokenizer", "vocabulary", "strip_accents"})
        if (!attr(vm, self, n).is_none())
            raise_not_impl(vm, std::string("CountVectorizer(") + n + "=...)");
    if (vm.to_str(attr(vm, self, "analyzer")) != "word")
        raise_not_impl(vm, "CountVectorizer(analyzer=...) other than 'word'");
    Value tp = attr(vm, self, "token_pattern");
    if (!tp.is_none()) p.token_pattern = u32_of(vm, tp);
    std::vector<Value> ng = vm.to_vector(attr(vm, self, "ngram_range"));
    if (ng.size() != 2) vm.value_error("ngram_range must be a tuple (min_n, max_n)");
    p.min_n = int(vm.to_index(ng[0]));
    p.max_n = int(vm.to_index(ng[1]));
    if (p.min_n > p.max_n || p.min_n < 1)
        vm.value_error("Invalid value for ngram_range=" + vm.repr(attr(vm, self, "ngram_range")) +
                       " lower boundary larger than the upper boundary.");
    p.min_df = df_bound(vm, attr(vm, self, "min_df"), "min_df");
    p.max_df = df_bound(vm, attr(vm, self, "max_df"), "max_df");
    Value mf = attr(vm, self, "max_features");
    if (!mf.is_none()) p.max_features = vm.to_index(mf);
    Value sw = attr(vm, self, "stop_words");
    if (!sw.is_none()) {
        if (sw.is_obj() && sw.o->type == vm.t.str) {
            if (sw.as<Str>()->s == "english")
                raise_not_impl(vm, "stop_words='english' (pass a list of words)");
            vm.value_error("not a built-in stop list: " + sw.as<Str>()->s);
        }
        p.has_stop_words = true;
        vm.iterate(sw, [&](const Value& w) { p.stop_words.push_back(u32_of(vm, w)); });
    }
    p.binary = vm.truthy(attr(vm, self, "binary"));
    return p;
}

std::vector<std::u32string> read_docs(VM& vm, const Value& self, const Value& docs) {
    if (docs.is_obj() && docs.o->type == vm.t.str)
        vm.value_error("Iterable over raw text documents expected, string object received.");
    bool lower = vm.truthy(attr(vm, self, "lowercase"));
    std::vector<std::u32string> out;
    vm.iterate(docs, [&](const Value& d) {
        Value s = d;
        if (!(s.is_obj() && s.o->type->is_subtype(vm.t.str))) {
            if (s.is_none())
                vm.value_error("np.nan is an invalid document, expected byte or unicode string.");
            s = vm.str(vm.to_str(s));
        }
        if (lower) s = vm.call_method(s, vm.intern("lower"), {});
        out.push_back(u32_of(vm, s));
    });
    return out;
}

Value run_vec(VM& vm, Args& a, bool fit, bool transform) {
    VecObj* v = self_vec(vm, a);
    if (a.n < 2)
        vm.type_error(std::string(fit ? (transform ? "fit_transform" : "fit") : "transform") +
                      "() missing 1 required positional argument: 'raw_documents'");
    try {
        if (fit) {
            CountVectorizerParams p = read_params(vm, a[0]);
            std::vector<std::u32string> docs = read_docs(vm, a[0], a[1]);
            auto core = std::make_unique<CountVectorizerCore>(std::move(p));
            Csr X = core->fit_transform(docs);
            Value vocab = vm.new_dict();
            for (auto& [t, i] : core->vocabulary())
                dict_set(vm, vocab.as<Dict>(), str_of(vm, t), Value::integer(i));
            Value removed = vm.new_set();
            for (auto& t : core->stop_words_removed())
                set_add(vm, removed.as<Set>(), str_of(vm, t));
            v->attrs[vm.intern("vocabulary_")] = vocab;
            v->attrs[vm.intern("stop_words_")] = removed;
            v->attrs[vm.intern("fixed_vocabulary_")] = Value::boolean(false);
            v->core = std::move(core);
            if (!transform) return a[0];
            return make_csr(vm, std::move(X));
        }
        if (!v->core) {
            Type* t = exc_type_by_name(vm, "NotFittedError");
            vm.raise(t ? t : vm.t.ValueError, "Vocabulary not fitted or provided");
        }
        return make_csr(vm, v->core->transform(read_docs(vm, a[0], a[1])));
    } catch (VectorizerError& e) {
        Type* t = exc_type_by_name(vm, e.type);
        vm.raise(t ? t : vm.t.ValueError, e.message);
    }
}

Value vec_fit(VM& vm, Args& a) { return run_vec(vm, a, true, false); }
Value vec_fit_transform(VM& vm, Args& a) { return run_vec(vm, a, true, true); }
Value vec_transform(VM& vm, Args& a) { return run_vec(vm, a, false, true); }

Value vec_names(VM& vm, Args& a) {
    VecObj* v = self_vec(vm, a);
    if (!v->core) not_fitted(vm, "CountVectorizer");
    std::vector<Value> names;
    for (auto& t : v->core->feature_names()) names.push_back(str_of(vm, t));
    return np_array(vm, vm.new_list(std::move(names)));
}

Value vec_analyze_call(VM& vm, Args& a) {
    // a[0] is the vectorizer (bound through NativeFunc::self)
    Value self = a.fn->self;
    check_nargs(vm, "_analyze", a, 1, 1);
    CountVectorizerCore core(read_params(vm, self));
    std::vector<Value> toks;
    Value docs = vm.new_list({a[0]});
    try {
        for (auto& t : core.analyze(read_docs(vm, self, docs)[0])) toks.push_back(str_of(vm, t));
    } catch (VectorizerError& e) {
        vm.value_error(e.message);
    }
    return vm.new_list(std::move(toks));
}

Value vec_build_analyzer(VM& vm, Args& a) {
    self_vec(vm, a);
    return vm.new_native("_analyze", vec_analyze_call, a[0]);
}

Value vec_ctor(VM& vm, Args& a) {
    Type* T = estimator_type(vm, "sklearn.feature_extraction.text", "CountVectorizer");
    Value self(new VecObj(T));
    call_init(vm, self, a);
    return self;
}

void init_text(VM& vm, const Value& m) {
    Type* T = vm.new_type("CountVectorizer", vm.t.object, Layout::Object);
    T->module = "sklearn.feature_extraction.text";
    static const VM::MethodDef kVectorizerMethods[] = {
        {"__init__", vec_init},
        {"__repr__", vec_repr},
        {"fit", vec_fit},
        {"fit_transform", vec_fit_transform},
        {"transform", vec_transform},
        {"get_feature_names_out", vec_names},
        {"build_analyzer", vec_build_analyzer},
    };
    vm.add_methods(T, kVectorizerMethods);
    T->ctor = vec_ctor;
    vm.set_global(m, "CountVectorizer", Value(T));
    ml_types(vm);
}

// ------------------------------------------------------------------------- model_selection

SplitSize split_size(VM& vm, const Value* v) {
    SplitSize s;
    if (!v || v->is_none()) return s;
    s.repr = vm.repr(*v);
    if (v->is_float() || (v->is_obj() && vm.type_name(*v) == "float64")) {
        s.kind = SplitSize::Float;
        s.f = vm.to_double(*v);
    } else if (is_int(vm, *v) || vm.type_name(*v) == "int64") {
        s.kind = SplitSize::Int;
        s.i = vm.to_index(*v);
    } else {
        s.kind = SplitSize::Int;
        s.i = -1;
    }
    return s;
}

std::vector<int64_t> permutation_from(VM& vm, const Value& rs, int64_t n) {
    Value perm;
    if (rs.is_none()) {
        Value np = vm.import_module("numpy");
        perm = vm.call(vm.getattr(vm.getattr(np, vm.intern("random")), vm.intern("permutation")),
                       {Value::integer(n)});
    } else {
        perm = vm.call_method(rs, vm.intern("permutation"), {Value::integer(n)});
    }
    std::vector<int64_t> out;
    vm.iterate(perm, [&](const Value& x) { out.push_back(vm.to_index(x)); });
    return out;
}

Value take(VM& vm, const Value& a, const std::vector<int64_t>& idx) {
    if (CsrObj* c = as_csr(a)) return make_csr(vm, c->m.take_rows(idx));
    if (a.is_obj() && (a.o->type == vm.t.list || a.o->type == vm.t.tuple)) {
        std::vector<Value> items = vm.to_vector(a);
        std::vector<Value> out;
        for (int64_t i : idx) out.push_back(items[size_t(i)]);
        return vm.new_list(std::move(out));
    }
    std::vector<Value> iv;
    for (int64_t i : idx) iv.push_back(Value::integer(i));
    Value ind = np_array(vm, vm.new_list(std::move(iv)), "int64");
    return vm.getitem(a, ind);
}

Value m_train_test_split(VM& vm, Args& a) {
    check_kwargs(vm, "train_test_split", a,
                 {"test_size", "train_size", "random_state", "shuffle", "stratify"});
    if (a.n == 0) vm.value_error("At least one array required as input");
    const Value* strat = a.kw(vm, "stratify");
    if (strat && !strat->is_none()) raise_not_impl(vm, "train_test_split(stratify=...)");
    std::vector<int64_t> lens;
    for (int i = 0; i < a.n; ++i) lens.push_back(num_samples(vm, a[i]));
    check_consistent_length(vm, lens);
    SplitSize test = split_size(vm, a.kw(vm, "test_size"));
    SplitSize train = split_size(vm, a.kw(vm, "train_size"));
    const Value* sh = a.kw(vm, "shuffle");
    bool shuffle = !sh || vm.truthy(*sh);
    const Value* rs = a.kw(vm, "random_state");
    SplitIndices idx;
    try {
        auto [n_train, n_test] = split_sizes(lens[0], test, train);
        if (!shuffle) {
            idx = split_indices(lens[0], n_train, n_test, false, nullptr);
        } else if (rs && is_int(vm, *rs) && !rs->is_bool()) {
            np::RandomState r(vm.to_index(*rs));
            idx = split_indices(lens[0], n_train, n_test, true, &r);
        } else {
            std::vector<int64_t> perm = permutation_from(vm, rs ? *rs : Value(), lens[0]);
            idx.test.assign(perm.begin(), perm.begin() + n_test);
            idx.train.assign(perm.begin() + n_test, perm.begin() + n_test + n_train);
        }
    } catch (SplitError& e) {
        vm.value_error(e.message);
    } catch (np::RandomError& e) {
        Type* t = exc_type_by_name(vm, e.py_type);
        vm.raise(t ? t : vm.t.ValueError, e.what());
    }
    std::vector<Value> out;
    for (int i = 0; i < a.n; ++i) {
        out.push_back(take(vm, a[i], idx.train));
        out.push_back(take(vm, a[i], idx.test));
    }
    return vm.new_list(std::move(out));
}

// ------------------------------------------------------------------------- metrics

std::vector<Value> labels_of(VM& vm, const Value& v) {
    if (as_csr(v)) vm.type_error("A sparse matrix was passed, but dense data is required.");
    return vm.to_vector(to_nested(vm, v));
}

Value m_accuracy_score(VM& vm, Args& a) {
    check_kwargs(vm, "accuracy_score", a, {"y_true", "y_pred", "normalize", "sample_weight"});
    const Value* yt = arg(a, 0, vm.intern("y_true"));
    const Value* yp = arg(a, 1, vm.intern("y_pred"));
    if (!yt || !yp)
        vm.type_error("accuracy_score() missing required argument: 'y_true' and 'y_pred'");
    std::vector<Value> t = labels_of(vm, *yt), p = labels_of(vm, *yp);
    check_consistent_length(vm, {int64_t(t.size()), int64_t(p.size())});
    int64_t ok = 0;
    for (size_t i = 0; i < t.size(); ++i) ok += vm.eq(t[i], p[i]);
    const Value* norm = arg(a, 2, vm.intern("normalize"));
    if (norm && !vm.truthy(*norm)) return Value::integer(ok);
    if (t.empty()) return Value::flt(std::nan(""));
    return Value::flt(double(ok) / double(t.size()));
}

Value m_confusion_matrix(VM& vm, Args& a) {
    check_kwargs(vm, "confusion_matrix", a,
                 {"y_true", "y_pred", "labels", "sample_weight", "normalize"});
    const Value* yt = arg(a, 0, vm.intern("y_true"));
    const Value* yp = arg(a, 1, vm.intern("y_pred"));
    if (!yt || !yp)
        vm.type_error("confusion_matrix() missing required argument: 'y_true' and 'y_pred'");
    const Value* nz = a.kw(vm, "normalize");
    if (nz && !nz->is_none()) raise_not_impl(vm, "confusion_matrix(normalize=...)");
    std::vector<Value> t = labels_of(vm, *yt), p = labels_of(vm, *yp);
    check_consistent_length(vm, {int64_t(t.size()), int64_t(p.size())});
    std::vector<Value> labels;
    const Value* lv = arg(a, 2, vm.intern("labels"));
    if (lv && !lv->is_none()) {
        labels = labels_of(vm, *lv);
        if (labels.empty()) vm.value_error("'labels' should contains at least one label.");
    } else {
        std::vector<Value> all = t;
        all.insert(all.end(), p.begin(), p.end());
        labels = unique_sorted(vm, all);
    }
    auto find = [&](const Value& x) {
        for (size_t k = 0; k < labels.size(); ++k)
            if (vm.eq(labels[k], x)) return int64_t(k);
        return int64_t(-1);
    };
    const size_t L = labels.size();
    std::vector<int64_t> cm(L * L, 0);
    for (size_t i = 0; i < t.size(); ++i) {
        int64_t r = find(t[i]), c = find(p[i]);
        if (r >= 0 && c >= 0) ++cm[size_t(r) * L + size_t(c)];
    }
    std::vector<Value> rows;
    for (size_t r = 0; r < L; ++r) {
        std::vector<Value> row;
        for (size_t c = 0; c < L; ++c) row.push_back(Value::integer(cm[r * L + c]));
        rows.push_back(vm.new_list(std::move(row)));
    }
    return np_array(vm, vm.new_list(std::move(rows)), "int64");
}

// ------------------------------------------------------------------------- modules

void init_sklearn(VM& vm, const Value& m) { vm.set_global(m, "__version__", vm.str("1.2.1")); }

void set_parent(VM& vm, const char* parent, const char* child, const Value& m) {
    Value p = vm.import_module(parent);
    vm.set_global(p, child, m);
}

void init_feature_extraction(VM& vm, const Value& m) {
    set_parent(vm, "sklearn", "feature_extraction", m);
}
void init_feature_extraction_text(VM& vm, const Value& m) {
    set_parent(vm, "sklearn.feature_extraction", "text", m);
    init_text(vm, m);
}
void init_model_selection(VM& vm, const Value& m) {
    set_parent(vm, "sklearn", "model_selection", m);
    vm.set_global(m, "train_test_split", vm.new_native("train_test_split", m_train_test_split));
}
void init_metrics(VM& vm, const Value& m) {
    set_parent(vm, "sklearn", "metrics", m);
    vm.set_global(m, "accuracy_score", vm.new_native("accuracy_score", m_accuracy_score));
    vm.set_global(m, "confusion_matrix", vm.new_native("confusion_matrix", m_confusion_matrix));
}

} // namespace

void init_sklearn_linear_model(VM& vm, const Value& m); // py_linear.cpp

void register_sklearn_modules(VM& vm) {
    vm.register_module("sklearn", init_sklearn);
    vm.register_module("sklearn.feature_extraction", init_feature_extraction);
    vm.register_module("sklearn.feature_extraction.text", init_feature_extraction_text);
    vm.register_module("sklearn.model_selection", init_model_selection);
    vm.register_module("sklearn.metrics", init_metrics);
    vm.register_module("sklearn.linear_model", [](VM& vm, const Value& m) {
        set_parent(vm, "sklearn", "linear_model", m);
        init_sklearn_linear_model(vm, m);
    });
}

} // namespace lmpy::ml
