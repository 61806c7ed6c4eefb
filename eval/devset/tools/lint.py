#!/usr/bin/env python3
"""Review aid for the hand-placed mention marks: lists capitalised words left unmarked in the
article text (title + paragraphs + variants) so a human can confirm each is a deliberate
non-mention, and flags any unmarked surface form that is marked elsewhere."""
import collections, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
import stories as S
from build import ANN
texts = []
for sid, st in S.STORIES.items():
    texts += [(sid, h) for h in st["headlines"]] + [(sid, p) for p in st["paras"]] + [(sid, v) for v in st["extra"].values()]
marked = set()
for _, t in texts:
    for m in ANN.finditer(t):
        marked.add(re.sub(r"(['’]s|['’])$", "", m.group(1)))
caps = collections.Counter(); where = collections.defaultdict(set); bad = []
for sid, t in texts:
    rest = ANN.sub(" § ", t)
    for w in re.finditer(r"(?<![.!?“\"]\s)(?<!^)\b([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)", rest):
        caps[w.group(1)] += 1; where[w.group(1)].add(sid)
    for s in marked:
        if re.search(r"(?<![\w-])" + re.escape(s) + r"(?![\w])", rest):
            bad.append((sid, s))
for w, n in sorted(caps.items()):
    print(f"{n:3d} {w}  {sorted(where[w])}")
print("UNMARKED KNOWN SURFACES:", sorted(set(bad)))
