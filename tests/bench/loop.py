# Pure Python: a 3,000,000-step arithmetic loop on small ints.
total = 0
for i in range(3000000):
    total = (total + i * 7 - (i >> 2)) % 1000003
print(total)
