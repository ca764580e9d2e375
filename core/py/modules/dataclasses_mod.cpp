// The `dataclasses` module: @dataclass, field, fields, asdict, astuple, replace, is_dataclass,
// FrozenInstanceError, MISSING. Written in Python, as CPython's is, and compiled by our own
// compiler when first imported. Like CPython, the generated __init__ (and the comparison
// methods) are Python source run through exec() inside a class of the dataclass's name, so
// their argument errors read "Point.__init__() missing 1 required positional argument: 'y'".
// Not covered: InitVar/ClassVar pseudo-fields, slots=True, __match_args__, weakref_slot.
#include "py/modules/modutil.h"

namespace lmpy {

namespace {

const char* kDataclassesSource = R"PY(
class FrozenInstanceError(AttributeError):
    pass

class _MISSING_TYPE:
    def __repr__(self):
        return '<dataclasses._MISSING_TYPE object>'

MISSING = _MISSING_TYPE()

class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return ('Field(name=' + repr(self.name) + ',type=' + repr(self.type) +
                ',default=' + repr(self.default) + ',default_factory=' + repr(self.default_factory) +
                ',init=' + repr(self.init) + ',repr=' + repr(self.repr) + ',hash=' + repr(self.hash) +
                ',compare=' + repr(self.compare) + ',metadata=' + repr(self.metadata) +
                ',kw_only=' + repr(self.kw_only) + ',_field_type=_FIELD)')

def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)

def _make(cls, src, env, names):
    # compiles `src` (methods, indented as a class body) in a class named like the dataclass,
    # so the methods' qualified names (and their argument errors) are CPython's
    env = dict(env)
    exec('class ' + cls.__name__ + ':\n' + src, env)
    holder = env[cls.__name__]
    for n in names:
        setattr(cls, n, getattr(holder, n))

def _tuple_src(fields, obj):
    return '(' + ''.join(obj + '.' + f.name + ',' for f in fields) + ')'

def _process_class(cls, init, repr_, eq, order, unsafe_hash, frozen, kw_only):
    fields = {}
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, '__dataclass_fields__', None)
        if base_fields is not None:
            for f in base_fields.values():
                fields[f.name] = f
    anns = _own(cls, '__annotations__', {})
    for name, tp in anns.items():
        default = _own(cls, name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = tp
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if type(f.default) in (list, dict, set):
            raise ValueError('mutable default ' + repr(type(f.default)) + ' for field ' + name +
                             ' is not allowed: use default_factory')
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        fields[name] = f
    cls.__dataclass_fields__ = fields
    all_fields = list(fields.values())
    if order and not eq:
        raise ValueError('eq must be true if order is true')
    env = {'MISSING': MISSING, '__dataclass_builtins_object__': object,
           'FrozenInstanceError': FrozenInstanceError}
    if init:
        params, kw_params, body = [], [], []
        seen_default = False
        for f in all_fields:
            if not f.init:
                if f.default is not MISSING:
                    value = '__dflt_' + f.name
                    env[value] = f.default
                elif f.default_factory is not MISSING:
                    value = '__dflt_' + f.name + '()'
                    env['__dflt_' + f.name] = f.default_factory
                else:
                    continue
            else:
                if f.default is not MISSING:
                    env['__dflt_' + f.name] = f.default
                    p = f.name + '=__dflt_' + f.name
                elif f.default_factory is not MISSING:
                    env['__dflt_' + f.name] = f.default_factory
                    p = f.name + '=MISSING'
                else:
                    p = f.name
                if f.kw_only:
                    kw_params.append(p)
                else:
                    if '=' in p:
                        seen_default = True
                    elif seen_default:
                        raise TypeError('non-default argument ' + repr(f.name) +
                                        ' follows default argument')
                    params.append(p)
                if f.default_factory is not MISSING:
                    value = ('__dflt_' + f.name + '() if ' + f.name + ' is MISSING else ' + f.name)
                else:
                    value = f.name
            if frozen:
                body.append('__dataclass_builtins_object__.__setattr__(self, ' + repr(f.name) +
                            ', ' + value + ')')
            else:
                body.append('self.' + f.name + ' = ' + value)
        if hasattr(cls, '__post_init__'):
            body.append('self.__post_init__()')
        if not body:
            body.append('pass')
        sig = ', '.join(['self'] + params + (['*'] + kw_params if kw_params else []))
        _make(cls, '    def __init__(' + sig + '):\n' + ''.join('        ' + b + '\n' for b in body),
              env, ['__init__'])
    if repr_:
        shown = [f for f in all_fields if f.repr]
        parts = " + ', ' + ".join(repr(f.name + '=') + ' + repr(self.' + f.name + ')' for f in shown)
        src = ('    def __repr__(self):\n        return self.__class__.__qualname__ + "(" + ' +
               (parts if parts else "''") + ' + ")"\n')
        _make(cls, src, env, ['__repr__'])
    cmp_fields = [f for f in all_fields if f.compare]
    if eq:
        _make(cls, '    def __eq__(self, other):\n'
                   '        if other.__class__ is self.__class__:\n'
                   '            return ' + _tuple_src(cmp_fields, 'self') + ' == ' +
                   _tuple_src(cmp_fields, 'other') + '\n'
                   '        return NotImplemented\n', env, ['__eq__'])
    if order:
        names = []
        src = ''
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            src += ('    def ' + name + '(self, other):\n'
                    '        if other.__class__ is self.__class__:\n'
                    '            return ' + _tuple_src(cmp_fields, 'self') + ' ' + op + ' ' +
                    _tuple_src(cmp_fields, 'other') + '\n'
                    '        return NotImplemented\n')
            names.append(name)
        _make(cls, src, env, names)
    if frozen:
        _make(cls, '    def __setattr__(self, name, value):\n'
                   '        raise FrozenInstanceError("cannot assign to field " + repr(name))\n'
                   '    def __delattr__(self, name):\n'
                   '        raise FrozenInstanceError("cannot delete field " + repr(name))\n',
              env, ['__setattr__', '__delattr__'])
    hash_fields = [f for f in all_fields if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash or (eq and frozen):
        _make(cls, '    def __hash__(self):\n        return hash(' +
              _tuple_src(hash_fields, 'self') + ')\n', env, ['__hash__'])
    elif eq and _own(cls, '__hash__', MISSING) is MISSING:
        cls.__hash__ = None
    return cls

def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)

def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')

def fields(class_or_instance):
    try:
        fs = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(fs.values())

def _copy_value(v, dict_factory, as_tuple):
    if is_dataclass(v) and not isinstance(v, type):
        if as_tuple:
            return tuple(_copy_value(getattr(v, f.name), dict_factory, True) for f in fields(v))
        return dict_factory([(f.name, _copy_value(getattr(v, f.name), dict_factory, False))
                             for f in fields(v)])
    if isinstance(v, (list, tuple)):
        return type(v)(_copy_value(x, dict_factory, as_tuple) for x in v)
    if isinstance(v, dict):
        return type(v)((_copy_value(k, dict_factory, as_tuple), _copy_value(x, dict_factory, as_tuple))
                       for k, x in v.items())
    return v

def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('asdict() should be called on dataclass instances')
    return _copy_value(obj, dict_factory, False)

def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('astuple() should be called on dataclass instances')
    return tuple_factory(_copy_value(obj, dict, True))

def replace(obj, /, **changes):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('replace() should be called on dataclass instances')
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
)PY";

// _own(cls, name, default): the class's own attribute (its namespace, not its bases'), which
// Python code cannot tell apart from an inherited one of equal value without cls.__dict__.
Value dc_own(VM& vm, Args& a) {
    check_nargs(vm, "_own", a, 3, 3);
    if (!a[0].is_obj() || !a[0].o->type->is_subtype(vm.t.type) || !a[1].is_obj() ||
        a[1].o->type != vm.t.str)
        vm.type_error("_own(cls, name, default)");
    const auto& attrs = a[0].as<Type>()->attrs;
    auto it = attrs.find(vm.intern(a[1].as<Str>()->s));
    return it == attrs.end() ? a[2] : it->second;
}

void init_dataclasses(VM& vm, const Value& m) {
    vm.set_global(m, "_own", vm.new_native("_own", dc_own));
    Dict* g = m.as<Module>()->globals;
    run_source(vm, Value(static_cast<Obj*>(g)), kDataclassesSource, "<dataclasses>");
    for (const char* name : {"FrozenInstanceError", "Field"}) {
        Value* t = dict_find(vm, g, vm.str(name));
        if (t && t->is_obj()) t->as<Type>()->module = "dataclasses";
    }
}

} // namespace

void register_dataclasses_module(VM& vm) { vm.register_module("dataclasses", init_dataclasses); }

} // namespace lmpy
