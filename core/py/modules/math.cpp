// The import machinery for built-in modules, and the `math` module.
#include "py/numfmt.h"
#include "py/runtime.h"
#include <cmath>
#include <limits>

namespace lmpy {

void register_extra_modules(VM& vm);

Value VM::import_module(std::string_view name) {
    Value key = str(std::string(name));
    if (Value* m = dict_find(*this, modules.as<Dict>(), key)) return *m;
    for (auto& [mname, init] : native_modules) {
        if (mname == name) {
            Value m = new_module(name);
            dict_set(*this, modules.as<Dict>(), key, m);
            try {
                init(*this, m);
            } catch (...) {
                dict_del(*this, modules.as<Dict>(), key);
                throw;
            }
            return m;
        }
    }
    raise(t.ModuleNotFoundError, "No module named '" + std::string(name) + "'");
}

namespace {

double num(VM& vm, const Value& v) {
    if (v.tag == Tag::Float) return v.f;
    if (v.tag == Tag::Int) return double(v.i);
    if (v.tag == Tag::Bool) return v.b;
    if (v.is_obj() && v.o->type == vm.t.int_) return vm.to_double(v);
    Value r;
    if (vm.call_dunder(v, vm.n.__float__, nullptr, 0, r)) return num(vm, r);
    vm.type_error("must be real number, not " + vm.type_name(v));
}

[[noreturn]] void domain(VM& vm) { vm.value_error("math domain error"); }
Value checked(VM& vm, double r, bool overflow_ok = false) {
    if (std::isinf(r) && !overflow_ok) vm.raise(vm.t.OverflowError, "math range error");
    return Value::flt(r);
}

#define MATH1(name, expr, guard)                                                                   \
    Value m_##name(VM& vm, Args& a) {                                                              \
        check_nargs(vm, #name, a, 1, 1);                                                           \
        double x = num(vm, a[0]);                                                                  \
        if (guard) domain(vm);                                                                     \
        double r = expr;                                                                           \
        if (std::isinf(r) && std::isfinite(x)) vm.raise(vm.t.OverflowError, "math range error");   \
        return Value::flt(r);                                                                      \
    }

MATH1(sqrt, std::sqrt(x), x < 0)
MATH1(exp, std::exp(x), false)
MATH1(sin, std::sin(x), std::isinf(x))
MATH1(cos, std::cos(x), std::isinf(x))
MATH1(tan, std::tan(x), std::isinf(x))
MATH1(asin, std::asin(x), x<-1 || x> 1)
MATH1(acos, std::acos(x), x<-1 || x> 1)
MATH1(atan, std::atan(x), false)
MATH1(sinh, std::sinh(x), false)
MATH1(cosh, std::cosh(x), false)
MATH1(tanh, std::tanh(x), false)
MATH1(asinh, std::asinh(x), false)
MATH1(acosh, std::acosh(x), x < 1)
MATH1(atanh, std::atanh(x), x <= -1 || x >= 1)
MATH1(log10, std::log10(x), x <= 0)
MATH1(log1p, std::log1p(x), x <= -1)
MATH1(expm1, std::expm1(x), false)
MATH1(fabs, std::fabs(x), false)
MATH1(erf, std::erf(x), false)
MATH1(erfc, std::erfc(x), false)
MATH1(gamma, std::tgamma(x), (x <= 0 && x == std::floor(x)))
MATH1(lgamma, std::lgamma(x), (x <= 0 && x == std::floor(x)))
MATH1(degrees, x*(180.0 / M_PI), false)
MATH1(radians, x*(M_PI / 180.0), false)

// log2/log of ints larger than a double keep their precision through frexp of the BigInt.
double int_log2(VM& vm, const Value& v) {
    BigInt b = to_bigint(vm, v);
    if (b.sign() <= 0) domain(vm);
    int64_t bits = b.bit_length();
    if (bits < 1000) return std::log2(b.to_double());
    BigInt top = b.shr(bits - 60);
    return std::log2(top.to_double()) + double(bits - 60);
}
Value m_log2(VM& vm, Args& a) {
    check_nargs(vm, "log2", a, 1, 1);
    if (a[0].is_obj() && a[0].o->type == vm.t.int_) return Value::flt(int_log2(vm, a[0]));
    double x = num(vm, a[0]);
    if (x <= 0) domain(vm);
    return Value::flt(std::log2(x));
}
Value m_log(VM& vm, Args& a) {
    check_nargs(vm, "log", a, 1, 2);
    auto ln = [&](const Value& v) {
        if (v.is_obj() && v.o->type == vm.t.int_) return int_log2(vm, v) * M_LN2;
        double x = num(vm, v);
        if (x <= 0) domain(vm);
        return std::log(x);
    };
    double r = ln(a[0]);
    if (a.n == 2) {
        double d = ln(a[1]);
        if (d == 0) vm.raise(vm.t.ZeroDivisionError, "float division by zero");
        r /= d;
    }
    return Value::flt(r);
}
Value m_pow(VM& vm, Args& a) {
    check_nargs(vm, "pow", a, 2, 2);
    double x = num(vm, a[0]), y = num(vm, a[1]);
    if (x == 0 && y < 0) domain(vm);
    if (x < 0 && y != std::floor(y) && std::isfinite(y)) domain(vm);
    double r = std::pow(x, y);
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
        vm.raise(vm.t.OverflowError, "math range error");
    return Value::flt(r);
}
Value m_atan2(VM& vm, Args& a) {
    check_nargs(vm, "atan2", a, 2, 2);
    return Value::flt(std::atan2(num(vm, a[0]), num(vm, a[1])));
}
Value m_hypot(VM& vm, Args& a) {
    double s = 0;
    if (a.n == 2) return Value::flt(std::hypot(num(vm, a[0]), num(vm, a[1])));
    for (int i = 0; i < a.n; ++i) s += num(vm, a[i]) * num(vm, a[i]);
    return Value::flt(std::sqrt(s));
}
Value m_copysign(VM& vm, Args& a) {
    return Value::flt(std::copysign(num(vm, a[0]), num(vm, a[1])));
}
Value m_fmod(VM& vm, Args& a) {
    double y = num(vm, a[1]);
    if (y == 0) domain(vm);
    return Value::flt(std::fmod(num(vm, a[0]), y));
}
Value int_of_double(VM& vm, double d, const char* what) {
    (void)what;
    try {
        return make_int(vm, BigInt::from_double(d));
    } catch (NumError& e) {
        vm.raise(exc_type_by_name(vm, e.type), e.message);
    }
}
Value m_floor(VM& vm, Args& a) {
    check_nargs(vm, "floor", a, 1, 1);
    if (is_int(vm, a[0])) return a[0].tag == Tag::Bool ? Value::integer(a[0].b) : a[0];
    return int_of_double(vm, std::floor(num(vm, a[0])), "floor");
}
Value m_ceil(VM& vm, Args& a) {
    check_nargs(vm, "ceil", a, 1, 1);
    if (is_int(vm, a[0])) return a[0].tag == Tag::Bool ? Value::integer(a[0].b) : a[0];
    return int_of_double(vm, std::ceil(num(vm, a[0])), "ceil");
}
Value m_trunc(VM& vm, Args& a) {
    if (is_int(vm, a[0])) return a[0];
    return int_of_double(vm, std::trunc(num(vm, a[0])), "trunc");
}
Value m_isnan(VM& vm, Args& a) { return Value::boolean(std::isnan(num(vm, a[0]))); }
Value m_isinf(VM& vm, Args& a) { return Value::boolean(std::isinf(num(vm, a[0]))); }
Value m_isfinite(VM& vm, Args& a) { return Value::boolean(std::isfinite(num(vm, a[0]))); }
Value m_isclose(VM& vm, Args& a) {
    double x = num(vm, a[0]), y = num(vm, a[1]);
    double rt = 1e-9, at = 0;
    if (const Value* v = a.kw(vm, "rel_tol")) rt = num(vm, *v);
    if (const Value* v = a.kw(vm, "abs_tol")) at = num(vm, *v);
    if (x == y) return Value::boolean(true);
    if (std::isinf(x) || std::isinf(y)) return Value::boolean(false);
    double d = std::fabs(x - y);
    return Value::boolean(d <= std::fabs(rt * y) || d <= std::fabs(rt * x) || d <= at);
}
Value m_factorial(VM& vm, Args& a) {
    check_nargs(vm, "factorial", a, 1, 1);
    if (a[0].tag == Tag::Float) vm.type_error("'float' object cannot be interpreted as an integer");
    int64_t n = vm.to_index(a[0]);
    if (n < 0) vm.value_error("factorial() not defined for negative values");
    BigInt r(1);
    for (int64_t i = 2; i <= n; ++i) r = r * BigInt(i);
    return make_int(vm, r);
}
Value m_gcd(VM& vm, Args& a) {
    BigInt r(0);
    for (int i = 0; i < a.n; ++i) r = BigInt::gcd(r, to_bigint(vm, a[i]));
    return make_int(vm, r);
}
Value m_lcm(VM& vm, Args& a) {
    BigInt r(1);
    for (int i = 0; i < a.n; ++i) {
        BigInt x = to_bigint(vm, a[i]).abs();
        if (x.is_zero()) return Value::integer(0);
        r = BigInt::floordiv(r * x, BigInt::gcd(r, x));
    }
    return make_int(vm, r);
}
Value m_comb(VM& vm, Args& a) {
    int64_t n = vm.to_index(a[0]), k = vm.to_index(a[1]);
    if (n < 0 || k < 0)
        vm.value_error(n < 0 ? "n must be a non-negative integer"
                             : "k must be a non-negative integer");
    if (k > n) return Value::integer(0);
    k = std::min(k, n - k);
    BigInt r(1);
    for (int64_t i = 1; i <= k; ++i) r = BigInt::floordiv(r * BigInt(n - k + i), BigInt(i));
    return make_int(vm, r);
}
Value m_perm(VM& vm, Args& a) {
    int64_t n = vm.to_index(a[0]), k = a.n > 1 && !a[1].is_none() ? vm.to_index(a[1]) : n;
    if (k > n) return Value::integer(0);
    BigInt r(1);
    for (int64_t i = 0; i < k; ++i) r = r * BigInt(n - i);
    return make_int(vm, r);
}
Value m_isqrt(VM& vm, Args& a) {
    BigInt x = to_bigint(vm, a[0]);
    if (x.is_negative()) vm.value_error("isqrt() argument must be nonnegative");
    return make_int(vm, BigInt::isqrt(x));
}
Value m_fsum(VM& vm, Args& a) {
    // Shewchuk's exact partial sums, as CPython's fsum
    std::vector<double> partials;
    vm.iterate(a[0], [&](const Value& v) {
        double x = num(vm, v);
        size_t i = 0;
        for (double y : partials) {
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) partials[i++] = lo;
            x = hi;
        }
        partials.resize(i);
        partials.push_back(x);
    });
    double hi = 0;
    if (!partials.empty()) {
        size_t n = partials.size();
        hi = partials[--n];
        double lo = 0;
        while (n > 0) {
            double x = hi;
            double y = partials[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    return Value::flt(hi);
}
Value m_prod(VM& vm, Args& a) {
    Value acc = Value::integer(1);
    if (const Value* s = a.kw(vm.n.start)) acc = *s;
    vm.iterate(a[0], [&](const Value& v) { acc = vm.binop(BinOp::Mul, acc, v); });
    return acc;
}
Value m_dist(VM& vm, Args& a) {
    auto p = vm.to_vector(a[0]), q = vm.to_vector(a[1]);
    if (p.size() != q.size()) vm.value_error("both points must have the same number of dimensions");
    double s = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        double d = num(vm, p[i]) - num(vm, q[i]);
        s += d * d;
    }
    return Value::flt(std::sqrt(s));
}
Value m_modf(VM& vm, Args& a) {
    double ip;
    double fp = std::modf(num(vm, a[0]), &ip);
    return vm.new_tuple({Value::flt(fp), Value::flt(ip)});
}
Value m_frexp(VM& vm, Args& a) {
    int e;
    double m = std::frexp(num(vm, a[0]), &e);
    return vm.new_tuple({Value::flt(m), Value::integer(e)});
}
Value m_ldexp(VM& vm, Args& a) {
    return checked(vm, std::ldexp(num(vm, a[0]), int(vm.to_index(a[1]))));
}

void init_math(VM& vm, const Value& m) {
    struct {
        const char* name;
        NativeFn fn;
    } fns[] = {{"sqrt", m_sqrt},         {"exp", m_exp},         {"sin", m_sin},
               {"cos", m_cos},           {"tan", m_tan},         {"asin", m_asin},
               {"acos", m_acos},         {"atan", m_atan},       {"sinh", m_sinh},
               {"cosh", m_cosh},         {"tanh", m_tanh},       {"asinh", m_asinh},
               {"acosh", m_acosh},       {"atanh", m_atanh},     {"log", m_log},
               {"log2", m_log2},         {"log10", m_log10},     {"log1p", m_log1p},
               {"expm1", m_expm1},       {"fabs", m_fabs},       {"erf", m_erf},
               {"erfc", m_erfc},         {"gamma", m_gamma},     {"lgamma", m_lgamma},
               {"degrees", m_degrees},   {"radians", m_radians}, {"pow", m_pow},
               {"atan2", m_atan2},       {"hypot", m_hypot},     {"copysign", m_copysign},
               {"fmod", m_fmod},         {"floor", m_floor},     {"ceil", m_ceil},
               {"trunc", m_trunc},       {"isnan", m_isnan},     {"isinf", m_isinf},
               {"isfinite", m_isfinite}, {"isclose", m_isclose}, {"factorial", m_factorial},
               {"gcd", m_gcd},           {"lcm", m_lcm},         {"comb", m_comb},
               {"perm", m_perm},         {"isqrt", m_isqrt},     {"fsum", m_fsum},
               {"prod", m_prod},         {"dist", m_dist},       {"modf", m_modf},
               {"frexp", m_frexp},       {"ldexp", m_ldexp}};
    for (auto& f : fns) vm.set_global(m, f.name, vm.new_native(f.name, f.fn));
    vm.set_global(m, "pi", Value::flt(M_PI));
    vm.set_global(m, "e", Value::flt(M_E));
    vm.set_global(m, "tau", Value::flt(2 * M_PI));
    vm.set_global(m, "inf", Value::flt(std::numeric_limits<double>::infinity()));
    vm.set_global(m, "nan", Value::flt(std::numeric_limits<double>::quiet_NaN()));
}

} // namespace

void init_modules(VM& vm) {
    vm.register_module("math", init_math);
    register_extra_modules(vm);
}

} // namespace lmpy
