def add(a, b):
    return a + b


def greet(name):
    return "hello " + name


print(add(2, 3))
print(greet("slide"))
print(add("ab", "cd"))
