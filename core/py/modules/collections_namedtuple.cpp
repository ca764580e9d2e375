// collections.namedtuple. Like CPython, which builds the class with exec(), we generate the
// class as Python source and compile it with our own compiler: the constructor is a real
// Python function whose parameters are the field names, so argument errors carry CPython's
// wording ("Point.__new__() missing 1 required positional argument: 'y'"), and user classes
// can subclass the result. The values live in a tuple attribute `_t`; a shared base class
// (_NTBase, also Python source) gives tuple behaviour: indexing, iteration, len, hashing,
// comparisons, repr, _asdict, _replace and _make.
#include "py/modules/modutil.h"
#include <set>

namespace lmpy {

namespace {

const char* kBaseSource = R"PY(
def _tup(o):
    if isinstance(o, _NTBase):
        return o._t
    return o

class _NTBase:
    def __repr__(self):
        return self.__class__.__name__ + '(' + ', '.join([f'{n}={v!r}' for n, v in zip(self._fields, self._t)]) + ')'
    def __iter__(self):
        return iter(self._t)
    def __len__(self):
        return len(self._t)
    def __getitem__(self, i):
        return self._t[i]
    def __contains__(self, x):
        return x in self._t
    def __hash__(self):
        return hash(self._t)
    def __eq__(self, o):
        return self._t == _tup(o)
    def __ne__(self, o):
        return self._t != _tup(o)
    def __lt__(self, o):
        return self._t < _tup(o)
    def __le__(self, o):
        return self._t <= _tup(o)
    def __gt__(self, o):
        return self._t > _tup(o)
    def __ge__(self, o):
        return self._t >= _tup(o)
    def __add__(self, o):
        return self._t + _tup(o)
    def __mul__(self, n):
        return self._t * n
    def __rmul__(self, n):
        return self._t * n
    def count(self, x):
        return self._t.count(x)
    def index(self, x, *args):
        return self._t.index(x, *args)
    def _asdict(self):
        return dict(zip(self._fields, self._t))
    def _replace(self, **kwds):
        vals = [kwds.pop(n, v) for n, v in zip(self._fields, self._t)]
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return self.__class__(*vals)
    @classmethod
    def _make(cls, iterable):
        vals = tuple(iterable)
        if len(vals) != len(cls._fields):
            raise TypeError(f'Expected {len(cls._fields)} arguments, got {len(vals)}')
        return cls(*vals)
    def __getnewargs__(self):
        return self._t
)PY";

const char* kKeywords[] = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};

bool is_keyword(const std::string& s) {
    for (const char* k : kKeywords)
        if (s == k) return true;
    return false;
}
bool is_identifier(const std::string& s) {
    if (s.empty()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 ||
                  (i > 0 && c >= '0' && c <= '9');
        if (!ok) return false;
    }
    return true;
}

struct NTState {
    Value globals; // namespace holding _NTBase
};

Value nt_make(VM& vm, Args& a) {
    check_kwargs(vm, "namedtuple", a, {"typename", "field_names", "rename", "defaults", "module"});
    const Value* tn = arg_at(vm, a, 0, "typename");
    const Value* fv = arg_at(vm, a, 1, "field_names");
    if (!tn || !fv) {
        std::string miss = !tn ? "'typename' and 'field_names'" : "'field_names'";
        vm.type_error(std::string("namedtuple() missing ") + (!tn ? "2" : "1") +
                      " required positional argument" + (!tn ? "s: " : ": ") + miss);
    }
    if (a.n > 2)
        vm.type_error("namedtuple() takes 2 positional arguments but " + std::to_string(a.n) +
                      " were given");
    const Value* rn = a.kw(vm, "rename");
    bool rename = rn && vm.truthy(*rn);
    const Value* defs = a.kw(vm, "defaults");

    std::vector<std::string> fields;
    if (fv->is_obj() && fv->o->type == vm.t.str) {
        std::string s = fv->as<Str>()->s;
        for (char& c : s)
            if (c == ',') c = ' ';
        Value parts = vm.call_method(vm.str(s), vm.intern("split"), {});
        for (auto& p : parts.as<List>()->items) fields.push_back(p.as<Str>()->s);
    } else {
        vm.iterate(*fv, [&](const Value& v) { fields.push_back(vm.to_str(v)); });
    }
    std::string typename_ = vm.to_str(*tn);
    if (rename) {
        std::set<std::string> seen;
        for (size_t i = 0; i < fields.size(); ++i) {
            const std::string& f = fields[i];
            if (!is_identifier(f) || is_keyword(f) || f[0] == '_' || seen.count(f))
                fields[i] = "_" + std::to_string(i);
            seen.insert(fields[i]);
        }
    }
    std::vector<std::string> all = {typename_};
    all.insert(all.end(), fields.begin(), fields.end());
    for (auto& n : all) {
        if (!is_identifier(n))
            vm.value_error("Type names and field names must be valid identifiers: " + str_repr(n));
        if (is_keyword(n))
            vm.value_error("Type names and field names cannot be a keyword: " + str_repr(n));
    }
    std::set<std::string> seen;
    for (auto& n : fields) {
        if (n[0] == '_' && !rename)
            vm.value_error("Field names cannot start with an underscore: " + str_repr(n));
        if (seen.count(n)) vm.value_error("Encountered duplicate field name: " + str_repr(n));
        seen.insert(n);
    }
    std::vector<Value> defaults;
    if (defs && !defs->is_none()) defaults = vm.to_vector(*defs);
    if (defaults.size() > fields.size()) vm.type_error("Got more default values than field names");

    NTState& st = per_vm<NTState>(vm);
    Value g = vm.new_dict();
    Value base = *dict_find(vm, st.globals.as<Dict>(), vm.str("_NTBase"));
    vm.set_global(g, "_NTBase", base);
    vm.set_global(g, "_d", vm.new_tuple(defaults));
    std::string fl, tuple_expr, fields_repr;
    size_t nd = defaults.size(), nf = fields.size();
    for (size_t i = 0; i < nf; ++i) {
        fl += ", " + fields[i];
        if (i + nd >= nf) fl += "=_d[" + std::to_string(i + nd - nf) + "]";
        tuple_expr += fields[i] + ", ";
        fields_repr += str_repr(fields[i]) + ", ";
    }
    std::string src = "class " + typename_ + "(_NTBase):\n";
    src += "    _fields = (" + fields_repr + ")\n";
    src += "    __match_args__ = _fields\n";
    src += "    _field_defaults = {}\n";
    src += "    def __init__(self" + fl + "):\n";
    src += "        self._t = (" + tuple_expr + ")\n";
    for (size_t i = 0; i < nf; ++i)
        src +=
            "    " + fields[i] + " = property(lambda self: self._t[" + std::to_string(i) + "])\n";
    run_source(vm, g, src, "<namedtuple>");
    Value cls = *dict_find(vm, g.as<Dict>(), vm.str(typename_));
    Type* ty = cls.as<Type>();
    Value* fd = ty->lookup(vm.intern("_field_defaults"));
    for (size_t i = 0; i < nd; ++i)
        dict_set(vm, fd->as<Dict>(), vm.str(fields[nf - nd + i]), defaults[i]);
    Value* init = ty->lookup(vm.n.__init__);
    if (init && init->is_obj() && init->o->type == vm.t.function) {
        Function* f = init->as<Function>();
        f->code->qualname = typename_ + ".__new__";
        f->code->name = "__new__";
    }
    return cls;
}

} // namespace

void init_namedtuple(VM& vm, const Value& m) {
    NTState& st = per_vm<NTState>(vm);
    st.globals = vm.new_dict();
    vm.set_global(st.globals, "__name__", vm.str("collections"));
    run_source(vm, st.globals, kBaseSource, "<collections>");
    vm.set_global(m, "namedtuple", vm.new_native("namedtuple", nt_make));
}

} // namespace lmpy
