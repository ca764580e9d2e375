# numpy submodule imports and setting .shape in place
import numpy.random as npr
from numpy.linalg import norm, inv
from numpy import array, random
import numpy
npr.seed(1)
print(npr.rand(2), norm(array([3.0, 4.0])), random is npr, numpy.random is npr, numpy.linalg.inv is inv)
from numpy.random import RandomState, seed
print(RandomState(2).randint(0, 9, 3), repr(numpy.array([1])), numpy.__name__)
a = numpy.arange(6)
a.shape = (2, 3)
print(a)
a.shape = -1, 2
print(a, a.shape)
try:
    b = a.T
    b.shape = (6,)
except AttributeError as e:
    print(e)
