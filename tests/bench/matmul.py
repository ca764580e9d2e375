# Pure Python: a 60x60 matrix product on lists of lists (10 times, to outweigh start-up).
n = 60
a = [[((i * 7 + j * 3) % 11 - 5) / 4 for j in range(n)] for i in range(n)]
b = [[((i * 5 + j * 2) % 13 - 6) / 8 for j in range(n)] for i in range(n)]


def matmul(x, y):
    yt = list(zip(*y))
    return [[sum(p * q for p, q in zip(row, col)) for col in yt] for row in x]


def matmul_loops(x, y):
    m = len(y[0])
    c = [[0.0] * m for _ in range(len(x))]
    for i in range(len(x)):
        xi = x[i]
        ci = c[i]
        for k in range(len(y)):
            xik = xi[k]
            yk = y[k]
            for j in range(m):
                ci[j] += xik * yk[j]
    return c


for rep in range(5):
    c = matmul(a, b)
    d = matmul_loops(a, b)
print(round(sum(map(sum, c)), 6), round(sum(map(sum, d)), 6), c[3][4], d[59][0])
