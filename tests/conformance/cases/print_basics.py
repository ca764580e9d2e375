print(1, 2, 3)
print("hello", 'world')
print(-7, 0, 42)
print()
print("a", "b", sep="-", end="!\n")
x = 10
y = 32
print(x + y, x * y, y - x)
print("x =", x)
