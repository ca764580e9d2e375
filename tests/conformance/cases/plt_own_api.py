# pyplot and Axes calls return matplotlib's objects and print nothing themselves
import matplotlib.pyplot as plt
import numpy as np
fig = plt.figure(figsize=(8, 4))
print(fig)
print(plt.title("T"), plt.xlabel("x"), plt.ylabel("y"))
print(plt.xlim(0, 2), plt.ylim(-1, 1), plt.xlim())
print(plt.text(1, 2, "hi"), plt.grid(True), plt.tight_layout(), plt.savefig("x.png"))
print(plt.bar(["a", "b"], [1, 2]))
n, bins, patches = plt.hist([1, 2, 2, 3, 3, 3], bins=3)
print(n, bins, patches)
print(plt.imshow(np.eye(2)))
print(plt.show(), plt.close("all"))
fig, ax = plt.subplots()
print(fig, ax.set_title("Axes API"), ax.set_xlabel("a"), ax.set_ylim(0, 5))
print(repr(ax))
fig, axs = plt.subplots(2, 2, figsize=(6, 6))
print(axs.shape, len(axs), repr(axs[0, 1]), axs[1][0].set_title("c"))
fig, axs = plt.subplots(1, 3)
print(axs.shape, [a.get_title() for a in axs])
plt.plot([1, 2, 3], "g^")
plt.plot([1, 2], [3, 4], "r--o", label="l")
plt.legend()
plt.show()
try:
    plt.plot([1, 2], [1, 2, 3])
except ValueError as e:
    print("ValueError:", e)
try:
    plt.plot([1, 2], "rq")
except ValueError as e:
    print("ValueError:", e)
print("done")
