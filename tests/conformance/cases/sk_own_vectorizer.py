# CountVectorizer: vocabulary order, n-grams, stop words, df pruning, binary, sparse API
from sklearn.feature_extraction.text import CountVectorizer
docs = ["The cat sat on the mat.", "The dog sat on the log!", "Cats and dogs, cats and DOGS", "A b c"]
v = CountVectorizer()
X = v.fit_transform(docs)
print(v.vocabulary_)
print(v.get_feature_names_out())
print(X.shape, X.nnz, X.sum())
print(repr(X))
print(X)
print(X.toarray())
print(X[2])
print(X[0:2].toarray(), X[[3, 0]].shape, X[2, 1])
print(X.sum(axis=0), X.sum(axis=1).tolist())
print(v.transform(["the cat and the unknown zebra"]).toarray())
v2 = CountVectorizer(ngram_range=(1, 2), stop_words=["the", "on"], binary=True)
print(v2.fit_transform(docs).toarray().tolist())
print(v2.get_feature_names_out().tolist())
print(v2)
v3 = CountVectorizer(min_df=2, max_df=0.9)
v3.fit(docs)
print(v3.vocabulary_, sorted(v3.stop_words_))
v4 = CountVectorizer(lowercase=False, token_pattern=r"\b\w+\b", max_features=3)
print(v4.fit_transform(docs).toarray(), v4.get_feature_names_out())
print(CountVectorizer(ngram_range=(2, 3)).fit(["aa bb cc dd", "xx yy"]).get_feature_names_out())
print(CountVectorizer().build_analyzer()("Hello, World! hello-world x"))
try:
    CountVectorizer().fit_transform("just a string")
except ValueError as e:
    print("ValueError:", e)
try:
    CountVectorizer().fit(["a", "b"])
except ValueError as e:
    print("ValueError:", e)
try:
    CountVectorizer(min_df=3, max_df=1).fit(docs)
except ValueError as e:
    print("ValueError:", e)
