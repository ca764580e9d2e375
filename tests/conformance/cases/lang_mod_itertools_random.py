#itertools and the seeded random module
import itertools as it, random print(list(it.islice(it.count(5), 3)), list(it.islice('abcdefg', 2, None, 2)), it.count(3), it.count(1.5, 0.5)) print(list(it.product('ab', repeat = 2)), list(it.product()), list(it.combinations('abcd', 3)), list(it.combinations_with_replacement('abc', 2))) print(list(it.permutations(range(3))), list(it.permutations('abcd', 2))[- 3 : ], list(it.permutations([], 0))) print(list(it.accumulate([1, 2, 3, 4], lambda a, b:a * b)), list(it.accumulate([1, 2], initial = 10)), list(it.accumulate([3, 1, 4], max))) print([(k, list(g)) for k, g in it.groupby('aaabbcaa')], [(k, len(list(g))) for k, g in it.groupby([1, 2, 4, 5, 7], key = lambda x:x % 2)]) g = it.groupby('aabb');
k1, g1 = next(g);
k2, g2 = next(g);
print(k1, list(g1), k2, list(g2)) print(list(it.zip_longest('abc', [1], fillvalue = '-')),
                                        list(it.starmap(pow, [ (2, 3), (3, 2) ])),
                                        list(it.takewhile(lambda x
                                                          : x < 3, [ 1, 2, 5, 1 ])),
                                        list(it.dropwhile(lambda x
                                                          : x < 3, [ 1, 2, 5, 1 ]))) a,
    b = it.tee([ 1, 2, 3 ]);
print(list(a), list(b), list(it.pairwise('abcd')),
      list(it.compress('abcdef', [ 1, 0, 1, 0, 1, 1 ])),
      list(it.filterfalse(None, [ 0, 1, '', 2 ])))
    print(list(it.chain.from_iterable([ 'ab', 'cd' ])), list(it.islice(it.cycle('ab'), 5)),
          list(it.repeat('x', 3)), list(map(pow, range(4), it.repeat(2)))) r = iter(range(10));
print(list(it.islice(r, 3)), next(r)) random
    .seed(1)
        print(random.random(), random.randint(1, 100), random.randrange(10), random.choice('abc'),
              random.sample(range(50), 4), random.uniform(2, 3)) random.seed("hello");
print(random.random(), random.getrandbits(70), random.getrandbits(8)) random.seed(2 * *80 + 5);
print(random.random(), random.expovariate(2), random.triangular(), random.normalvariate(),
      random.gauss(1, 2)) rng = random.Random(3);
print(rng.random(), rng.choices('ab', k = 4),
      rng.choices(range(3), cum_weights = [ 1, 2, 10 ], k = 3)) s = rng.getstate();
x = rng.random();
rng.setstate(s);
print(x == rng.random()) l = list(range(8));
random.seed(0);
random.shuffle(l);
print(l, random.sample([ 'a', 'b', 'c' ], k = 2,
                       counts = [ 2, 1, 1 ]) if False else '') random.seed(-5);
print(random.random());
random.seed(3.5);
print(random.random()) try : random
    .choice([]) except IndexError as e : print(e) try : random
.randrange(0) except ValueError as e : print(e)
