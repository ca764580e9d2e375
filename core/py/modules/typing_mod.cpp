// The `typing` module, for annotations: the names programs import (List, Dict, Optional,
// Union, Tuple, Callable, Any, ...) subscript to aliases that print as CPython's do
// (typing.List[int], typing.Optional[str]); TypeVar, cast, NamedTuple's functional form is not
// covered. Nothing here checks types: like CPython, annotations are only stored.
#include "py/modules/modutil.h"

namespace lmpy {

namespace {

const char* kTypingSource = R"PY(
def _type_repr(t):
    if t is ...:
        return '...'
    if t is None or t is type(None):
        return 'None'
    if isinstance(t, type):
        if t.__module__ == 'builtins':
            return t.__qualname__
        return t.__module__ + '.' + t.__qualname__
    if isinstance(t, list):
        return '[' + ', '.join(_type_repr(x) for x in t) + ']'
    return repr(t)

class ForwardRef:
    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __repr__(self):
        return 'ForwardRef(' + repr(self.__forward_arg__) + ')'

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

class _Alias:
    def __init__(self, name, origin=None, args=None):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args

    def __getitem__(self, params):
        if self.__args__ is not None:
            raise TypeError(repr(self) + ' is not a generic class')
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(ForwardRef(p) if isinstance(p, str) else p for p in params)
        if self._name == 'Optional':
            if len(params) != 1:
                raise TypeError('typing.Optional requires a single type.')
            return _Alias('Optional', self.__origin__, (params[0], type(None)))
        return _Alias(self._name, self.__origin__, params)

    def __repr__(self):
        if self.__args__ is None:
            return 'typing.' + self._name
        args = self.__args__
        if self._name == 'Optional':
            args = args[:1]
        if self._name == 'Callable' and len(args) == 2 and isinstance(args[0], list):
            return 'typing.Callable[' + _type_repr(args[0]) + ', ' + _type_repr(args[1]) + ']'
        return 'typing.' + self._name + '[' + ', '.join(_type_repr(a) for a in args) + ']'

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError('Cannot instantiate ' + repr(self))
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        return (isinstance(other, _Alias) and self._name == other._name and
                self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __or__(self, other):
        return _Alias('Union', None, (self, other))

Any = _Alias('Any')
List = _Alias('List', list)
Dict = _Alias('Dict', dict)
Set = _Alias('Set', set)
FrozenSet = _Alias('FrozenSet', frozenset)
Tuple = _Alias('Tuple', tuple)
Type = _Alias('Type', type)
Optional = _Alias('Optional')
Union = _Alias('Union')
Callable = _Alias('Callable')
Iterable = _Alias('Iterable')
Iterator = _Alias('Iterator')
Generator = _Alias('Generator')
Sequence = _Alias('Sequence')
Mapping = _Alias('Mapping')
MutableMapping = _Alias('MutableMapping')
Counter = _Alias('Counter')
DefaultDict = _Alias('DefaultDict')
Deque = _Alias('Deque')
Literal = _Alias('Literal')
ClassVar = _Alias('ClassVar')
Final = _Alias('Final')
NoReturn = _Alias('NoReturn')
TYPE_CHECKING = False

class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound

    def __repr__(self):
        return '~' + self.__name__

def cast(typ, val):
    return val

def overload(func):
    return func

def final(f):
    return f

def no_type_check(f):
    return f

def get_type_hints(obj):
    return dict(getattr(obj, '__annotations__', {}))
)PY";

void init_typing(VM& vm, const Value& m) {
    run_source(vm, Value(static_cast<Obj*>(m.as<Module>()->globals)), kTypingSource, "<typing>");
}

} // namespace

void register_typing_module(VM& vm) { vm.register_module("typing", init_typing); }

} // namespace lmpy
