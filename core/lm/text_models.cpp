// The text explorers (see text_models.h). Python dicts keep first-insertion order; here a
// vector holds the entries in that order and a hash map finds an entry's position.
#include "lm/text_models.h"
#include "lm/common.h"
#include "py/json_out.h"
#include "py/modules/re_engine.h"
#include "py/strtext.h"
#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace lmpy::lm {

namespace {

// Position of key in an insertion-ordered table, appending `fresh()` when it is new.
template <class Entries, class Make>
size_t ordered_slot(Entries& entries, std::unordered_map<std::string, size_t>& index,
                    const std::string& key, Make fresh) {
    auto [it, inserted] = index.try_emplace(key, entries.size());
    if (inserted) entries.push_back(fresh());
    return it->second;
}

} // namespace

// ------------------------------------------------------------------ 1. n-grams

NgramTable ngram_table(const std::string& text, int n) {
    NgramTable t;
    t.n = n;
    std::vector<std::string> words = str_split_whitespace(text);
    t.tokens = static_cast<long long>(words.size());
    std::unordered_map<std::string, size_t> ctx_index;
    std::vector<std::unordered_map<std::string, size_t>> next_index;
    // zip(*[words[i:] for i in range(n)]): one n-gram per start i with i + n <= len(words)
    for (size_t i = 0; i + n <= words.size(); ++i) {
        std::string context;
        for (int k = 0; k + 1 < n; ++k) {
            if (k) context += ' ';
            context += words[i + k];
        }
        size_t at = ordered_slot(t.contexts, ctx_index, context, [&] {
            return NgramContext{context, 0, {}};
        });
        if (at == next_index.size()) next_index.emplace_back();
        NgramContext& c = t.contexts[at];
        const std::string& word = words[i + n - 1];
        c.next[ordered_slot(c.next, next_index[at], word, [&] {
             return NextWord{word, 0, 0};
         })].count++;
        c.total++;
    }
    for (auto& c : t.contexts)
        for (auto& w : c.next) w.p = double(w.count) / double(c.total);
    return t;
}

std::string ngram_table_json(const std::string& text, int n) {
    return guard_json([&] {
        NgramTable t = ngram_table(clamp_text(text, kMaxText), clamp(n, 1, 4));
        json::Writer w;
        w.begin_object().key("n").value(t.n).key("tokens").value(t.tokens);
        w.key("contexts").begin_array();
        for (auto& c : t.contexts) {
            w.begin_object().key("context").value(c.context).key("total").value(c.total);
            w.key("next").begin_array();
            for (auto& x : c.next)
                w.begin_object()
                    .key("word")
                    .value(x.word)
                    .key("count")
                    .value(x.count)
                    .key("p")
                    .value(x.p)
                    .end_object();
            w.end_array().end_object();
        }
        w.end_array().end_object();
        return w.take();
    });
}

// ------------------------------------------------------------------ 2. entropy

CharEntropy char_entropy(const std::string& text) {
    CharEntropy e;
    std::u32string u = to_u32(text);
    e.length = static_cast<long long>(u.size());
    std::unordered_map<char32_t, size_t> index;
    for (char32_t c : u) {
        auto [it, inserted] = index.try_emplace(c, e.chars.size());
        if (inserted) e.chars.push_back({from_u32(std::u32string(1, c)), 0, 0});
        e.chars[it->second].count++;
    }
    for (auto& c : e.chars) {
        c.p = double(c.count) / double(e.length);
        e.entropy -= c.p * std::log2(c.p);
    }
    if (e.chars.size() > 1) e.max_entropy = std::log2(double(e.chars.size()));
    return e;
}

std::string char_entropy_json(const std::string& text) {
    return guard_json([&] {
        CharEntropy e = char_entropy(clamp_text(text, kMaxText));
        json::Writer w;
        w.begin_object()
            .key("length")
            .value(e.length)
            .key("alphabet")
            .value(static_cast<long long>(e.chars.size()));
        w.key("chars").begin_array();
        for (auto& c : e.chars)
            w.begin_object()
                .key("char")
                .value(c.ch)
                .key("count")
                .value(c.count)
                .key("p")
                .value(c.p)
                .end_object();
        w.end_array();
        w.key("entropy").value(e.entropy).key("maxEntropy").value(e.max_entropy).end_object();
        return w.take();
    });
}

// ------------------------------------------------------------------ 8. vocabulary

Vocabulary vocabulary(const std::string& texts, int min_freq, const std::string& sentence) {
    Vocabulary v;
    // tokenize(text) = text.lower().split() per line; lower() maps each character on its own
    // and a line break separates words anyway, so all lines can be tokenized at once.
    std::unordered_map<std::string, size_t> index;
    for (const std::string& word : str_split_whitespace(str_lower(texts)))
        v.counts[ordered_slot(v.counts, index, word, [&] { return WordCount{word, 0}; })].count++;
    std::unordered_map<std::string, long long> ids;
    for (size_t i = 0; i < v.counts.size(); ++i)
        if (v.counts[i].count >= min_freq) {
            v.vocab.push_back({v.counts[i].word, static_cast<long long>(i)});
            ids.emplace(v.counts[i].word, static_cast<long long>(i));
        }
    v.unknown_id = static_cast<long long>(v.vocab.size());
    for (std::string& word : str_split_whitespace(str_lower(sentence))) {
        auto it = ids.find(word);
        bool unknown = it == ids.end();
        v.tokens.push_back({std::move(word), unknown ? v.unknown_id : it->second, unknown});
    }
    return v;
}

std::string vocabulary_json(const std::string& texts, int min_freq, const std::string& sentence) {
    return guard_json([&] {
        Vocabulary v = vocabulary(clamp_text(texts, kMaxText), clamp(min_freq, 1, 10),
                                  clamp_text(sentence, kMaxSentence));
        json::Writer w;
        w.begin_object().key("counts").begin_array();
        for (auto& c : v.counts)
            w.begin_object().key("word").value(c.word).key("count").value(c.count).end_object();
        w.end_array().key("vocab").begin_array();
        for (auto& e : v.vocab)
            w.begin_object().key("word").value(e.word).key("id").value(e.id).end_object();
        w.end_array().key("tokens").begin_array();
        for (auto& t : v.tokens)
            w.begin_object()
                .key("word")
                .value(t.word)
                .key("id")
                .value(t.id)
                .key("unknown")
                .value(t.unknown)
                .end_object();
        w.end_array().key("unknownId").value(v.unknown_id).end_object();
        return w.take();
    });
}

// ------------------------------------------------------------------ 10. beam search

BeamSearch beam_search(const std::vector<std::string>& vocab, const std::string& initial, int width,
                       int steps) {
    BeamSearch r;
    std::vector<ScoredState> beam{{initial, 0}};
    // (score, state) tuples compare by score, then state by code point; UTF-8 byte order
    // is code point order.
    auto larger = [](const ScoredState& a, const ScoredState& b) {
        return a.score != b.score ? a.score > b.score : a.state > b.state;
    };
    for (int step = 0; step < steps; ++step) {
        BeamStep s;
        for (const ScoredState& b : beam)
            for (const std::string& word : vocab) {
                std::string next = b.state + " " + word;
                long long score =
                    b.score + static_cast<long long>(str_split_whitespace(next).size());
                s.candidates.push_back({std::move(next), score});
            }
        // heapq.nlargest(width, candidates) == sorted(candidates, reverse=True)[:width]
        s.kept = s.candidates;
        size_t keep = std::min(s.kept.size(), static_cast<size_t>(width));
        std::partial_sort(s.kept.begin(), s.kept.begin() + keep, s.kept.end(), larger);
        s.kept.resize(keep);
        beam = s.kept;
        r.steps.push_back(std::move(s));
    }
    if (beam.empty()) throw Error("list index out of range");
    r.result = beam[0].state;
    return r;
}

std::string beam_search_json(const std::vector<std::string>& vocab, const std::string& initial,
                             int width, int steps) {
    return guard_json([&] {
        std::vector<std::string> words;
        for (size_t i = 0; i < vocab.size() && i < 20; ++i)
            words.push_back(clamp_text(vocab[i], kMaxWordChars));
        BeamSearch b = beam_search(words, clamp_text(initial, kMaxWordChars), clamp(width, 1, 10),
                                   clamp(steps, 1, 8));
        auto states = [&](const std::vector<ScoredState>& v, json::Writer& w) {
            w.begin_array();
            for (auto& s : v)
                w.begin_object()
                    .key("state")
                    .value(s.state)
                    .key("score")
                    .value(s.score)
                    .end_object();
            w.end_array();
        };
        json::Writer w;
        w.begin_object().key("steps").begin_array();
        for (auto& s : b.steps) {
            w.begin_object().key("candidates");
            states(s.candidates, w);
            w.key("kept");
            states(s.kept, w);
            w.end_object();
        }
        w.end_array().key("result").value(b.result).end_object();
        return w.take();
    });
}

// ------------------------------------------------------------------ 11. autocomplete

Autocomplete autocomplete(const std::string& corpus, const std::string& prefix, int k) {
    // word_freq in first-seen order; the trie is implicit: the words under the trie node of
    // prefix.lower() are exactly the words that start with it.
    std::vector<Suggestion> freq;
    std::unordered_map<std::string, size_t> index;
    std::u32string u = to_u32(str_lower(corpus));
    for (size_t i = 0; i < u.size();) {
        if (!re::is_word(u[i])) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < u.size() && re::is_word(u[j])) ++j;
        std::string word = str_lower(from_u32(u.substr(i, j - i))); // add_word lowers again
        freq[ordered_slot(freq, index, word, [&] { return Suggestion{word, 0}; })].freq++;
        i = j;
    }
    Autocomplete a;
    a.distinct = static_cast<long long>(freq.size());
    std::string p = str_lower(prefix);
    // The trie marks a word's end with the key '$', which \w never matches: the slide's walk
    // steps into that marker when the prefix has a '$' right after a whole word, and then
    // fails on the marker's value (a str) the way Python does.
    size_t dollar = p.find('$');
    if (dollar != std::string::npos) {
        std::string word = p.substr(0, dollar);
        if (!index.count(word)) return a; // '$' not in node: []
        std::u32string rest = to_u32(p.substr(dollar + 1));
        if (rest.empty()) throw Error("'str' object has no attribute 'items'"); // _dfs(str)
        if (to_u32(word).find(rest[0]) == std::u32string::npos) return a;       // not in str: []
        throw Error("string indices must be integers, not 'str'");              // str[char]
    }
    for (const Suggestion& s : freq)
        if (s.word.compare(0, p.size(), p) == 0) a.suggestions.push_back(s);
    a.matches = static_cast<long long>(a.suggestions.size());
    auto larger = [](const Suggestion& x, const Suggestion& y) {
        return x.freq != y.freq ? x.freq > y.freq : x.word > y.word;
    };
    size_t keep = std::min(a.suggestions.size(), static_cast<size_t>(std::max(k, 0)));
    std::partial_sort(a.suggestions.begin(), a.suggestions.begin() + keep, a.suggestions.end(),
                      larger);
    a.suggestions.resize(keep);
    return a;
}

std::string autocomplete_json(const std::string& corpus, const std::string& prefix, int k) {
    return guard_json([&] {
        Autocomplete a = autocomplete(clamp_text(corpus, kMaxText), clamp_text(prefix, kMaxPrefix),
                                      clamp(k, 1, 20));
        json::Writer w;
        w.begin_object().key("suggestions").begin_array();
        for (auto& s : a.suggestions)
            w.begin_object().key("word").value(s.word).key("freq").value(s.freq).end_object();
        w.end_array().key("matches").value(a.matches).key("distinct").value(a.distinct);
        w.end_object();
        return w.take();
    });
}

} // namespace lmpy::lm
