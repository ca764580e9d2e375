total = 0
for i in range(5):
    total = total + i
    print(i, total)
words = ["the", "cat", "sat"]
for w in words:
    print(w)
print("done", total)
