# LogisticRegression (binary and multinomial), train_test_split, metrics
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.metrics import accuracy_score, confusion_matrix
X = [[0.0, 1.0], [1.0, 1.5], [2.0, 0.5], [3.0, 3.0], [4.0, 1.0], [5.0, 2.5], [6.0, 0.0], [7.0, 2.0]]
y = [0, 0, 0, 1, 0, 1, 1, 1]
m = LogisticRegression()
print(m.fit(X, y))
print(m.classes_, m.coef_.round(4), m.intercept_.round(4), m.n_iter_)
print(m.predict([[1.0, 1.0], [6.5, 1.0]]), m.predict_proba([[3.5, 1.5]]).round(3))
print(m.decision_function([[3.5, 1.5]]).round(4), m.score(X, y))
m2 = LogisticRegression(C=0.1, fit_intercept=False, max_iter=50)
print(m2, m2.fit(X, y).coef_.round(4), m2.intercept_)
print(list(m2.get_params()), m2.get_params()["C"])
Xm = np.array([[0, 0], [1, 0], [0, 1], [1, 1], [2, 0], [0, 2], [2, 2], [3, 1]])
ym = np.array(["a", "b", "c", "b", "b", "c", "a", "b"])
mm = LogisticRegression(C=10.0).fit(Xm, ym)
print(mm.classes_, mm.coef_.shape, mm.intercept_.shape)
print(mm.predict(Xm), mm.predict_proba(Xm[:2]).round(3))
print(accuracy_score(ym, mm.predict(Xm)), accuracy_score([1, 2, 3], [1, 0, 3], normalize=False))
print(confusion_matrix(ym, mm.predict(Xm)))
print(confusion_matrix([1, 0, 1, 1], [1, 1, 1, 0]), confusion_matrix([2, 0], [0, 0], labels=[0, 1, 2]))
a_tr, a_te = train_test_split(list(range(10)), random_state=1)
print(a_tr, a_te)
print(train_test_split([1, 2, 3, 4, 5], ["a", "b", "c", "d", "e"], test_size=2, random_state=7))
print(train_test_split(np.arange(6), train_size=0.5, shuffle=False))
print(train_test_split(np.arange(12).reshape(6, 2), test_size=0.5, random_state=3))
for bad in [dict(test_size=1.5), dict(test_size=10), dict(test_size=0.6, train_size=0.6)]:
    try:
        train_test_split([1, 2, 3, 4, 5], **bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    train_test_split([1, 2, 3], [1, 2])
except ValueError as e:
    print("ValueError:", e)
try:
    LogisticRegression().fit([[1.0], [2.0]], [1, 1])
except ValueError as e:
    print("ValueError:", e)
try:
    m.predict([[1.0, 2.0, 3.0]])
except ValueError as e:
    print("ValueError:", e)
