#!/usr/bin/env python3
"""Print the dev set's counts from gold.jsonl (used for the README) and validate its shape."""
import collections, json, os, re
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
G = [json.loads(l) for l in open(os.path.join(ROOT, "gold.jsonl"), encoding="utf-8")]
KEYS = ["ref", "outlet", "published", "title", "body", "boilerplate", "mentions", "open_set", "story", "event"]
for g in G:
    assert list(g) == KEYS, g["ref"]
    assert g["outlet"] is None or re.fullmatch(r"[a-z0-9]+", g["outlet"])
    assert g["published"] is None or re.fullmatch(r"2025-0[45]-\d\d", g["published"])
    assert set(g["open_set"]) <= set(g["mentions"])
refs = [g["ref"] for g in G]; assert len(set(refs)) == len(refs)
# every article file / line is in gold and vice versa
files = {"raw/" + f for f in os.listdir(os.path.join(ROOT, "raw"))}
for f in os.listdir(os.path.join(ROOT, "jsonl")):
    n = sum(1 for _ in open(os.path.join(ROOT, "jsonl", f), encoding="utf-8"))
    files |= {f"jsonl/{f}#{i}" for i in range(n)}
assert files == set(refs), files ^ set(refs)
urls = [json.loads(l)["url"] for f in os.listdir(os.path.join(ROOT, "jsonl")) for l in open(os.path.join(ROOT, "jsonl", f), encoding="utf-8")]
assert len(set(urls)) == len(urls)
stories = collections.Counter(g["story"] for g in G)
ev_stories = collections.defaultdict(set)
for g in G: ev_stories[g["event"]].add(g["story"])
groups = {s: n for s, n in stories.items() if n > 1}
indep = {s for e, ss in ev_stories.items() if len(ss) > 1 for s in ss}
ment = sum(sum(g["mentions"].values()) for g in G)
openm = sum(g["mentions"][k] for g in G for k in g["open_set"])
print("articles", len(G), "| raw", sum(r.startswith("raw/") for r in refs), "| jsonl", sum(r.startswith("jsonl/") for r in refs))
print("outlets (named)", sorted({g["outlet"] for g in G if g["outlet"]}), "| outlet null:", sum(g["outlet"] is None for g in G))
print("stories", len(stories), "| copy groups (>=2 copies)", len(groups), "sizes", dict(collections.Counter(groups.values())), "| articles in copy groups", sum(groups.values()))
print("events", len(ev_stories), "| events with >=2 independent stories", sum(len(s) > 1 for s in ev_stories.values()),
      "| independent reports (stories sharing an event with another story)", len(indep))
print("singleton stories", sum(n == 1 for n in stories.values()), "| pure singletons (own event, one copy)",
      sum(1 for e, ss in ev_stories.items() if len(ss) == 1 and stories[next(iter(ss))] == 1))
print("undated", sum(g["published"] is None for g in G), "| dates", dict(collections.Counter(g["published"] for g in G)))
print("body paragraphs", sum(len(g["body"]) for g in G), "| boilerplate lines", sum(len(g["boilerplate"]) for g in G))
print("mentions", ment, "| open-set mentions", openm, "| distinct entities", len({k for g in G for k in g["mentions"]}),
      "| distinct open-set", len({k for g in G for k in g["open_set"]}))
for e in sorted(ev_stories):
    print(" ", e, {s: stories[s] for s in sorted(ev_stories[e])})
