# Class attribute lookups stay right while classes change under them (the lookup cache): names
# added to and deleted from a class or a base after instances used them, methods replaced,
# class attributes shadowing and shadowed, classes made and dropped in a loop.
class Base:
    kind = "base"


class Sub(Base):
    pass


s = Sub()
print(s.kind, hasattr(s, "extra"), getattr(s, "greet", None))
Base.extra = 1
Base.greet = lambda self: "hi " + self.kind
print(s.extra, s.greet(), hasattr(Sub, "extra"))
Sub.kind = "sub"
print(s.kind, Base().kind)
del Sub.kind
print(s.kind)
s.kind = "own"
print(s.kind, Sub.kind)
del s.kind
del Base.greet
print(s.kind, hasattr(s, "greet"))
try:
    s.greet()
except AttributeError as e:
    print("AttributeError", e)


class Counter:
    n = 0

    def bump(self):
        Counter.n += 1
        return self.n


c = Counter()
print([c.bump() for _ in range(5)], Counter.n)
Counter.bump = lambda self: -1
print(c.bump())


class Prop:
    def __init__(self):
        self.x = 1


p = Prop()
print(p.x)
Prop.x = property(lambda self: "property wins")
print(p.x)
del Prop.x
print(p.x)

seen = []
for i in range(200):
    class K:
        v = i
    if i % 2:
        K.w = i * 2
    k = K()
    seen.append((k.v, getattr(k, "w", None)))
    del K, k
print(seen[:4], seen[-2:], sum(v for v, _ in seen))


def make(i):
    class Local:
        val = i

        def get(self):
            return self.val

    return Local()


print([make(i).get() for i in range(6)])


class Meta:
    pass


m = Meta()
for name in ["a", "b", "c"]:
    print(name, hasattr(m, name), end="; ")
    setattr(Meta, name, name.upper())
    print(getattr(m, name))
for name in ["a", "b"]:
    delattr(Meta, name)
print([hasattr(m, n) for n in "abc"], m.c)
print(m.a)
