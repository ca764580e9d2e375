# __call__ of functions, builtins, bound methods and lambdas; keywords pass through;
# hasattr(x, "__call__") as a test for callables.
def f(a, b=2, *rest, k=0):
    return (a, b, rest, k)


class C:
    def m(self, x):
        return x * 3

    def __call__(self, y):
        return "called " + str(y)


print(f.__call__(1), f.__call__(1, 5, 6, k=9), (lambda x: x + 1).__call__(4))
print(len.__call__("abcd"), sorted.__call__([3, 1, 2], reverse=True), C().m.__call__(5))
print(C().__call__(7), C()(8), max.__call__(3, 9, key=lambda v: -v))
print([hasattr(x, "__call__") for x in (f, len, C().m, C(), C, 3, "s", None)])
print(callable(f), callable(3))
