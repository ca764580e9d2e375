# Module errors: messages of caught errors, and an uncaught re.error ends the program
import heapq, random, itertools
from collections import deque, namedtuple, OrderedDict
for thunk in [lambda: deque().pop(), lambda: heapq.heappush((), 1), lambda: random.sample({1, 2}, 1),
              lambda: namedtuple('P', 'x _y'), lambda: namedtuple('P', 'x x'), lambda: OrderedDict().popitem(),
              lambda: list(itertools.islice([], -1)), lambda: random.choices('ab', weights=[1], k=2),
              lambda: namedtuple('P', 'x y')(1)]:
    try:
        thunk()
    except Exception as e:
        print(type(e).__name__, e)
import re
re.compile('(')
