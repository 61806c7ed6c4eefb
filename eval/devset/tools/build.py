#!/usr/bin/env python3
"""Assemble the news-mentions development set from hand-written stories and outlet templates.

Stories (tools/stories.py) are hand-written with every entity mention marked by hand:
  [[surface]]            surface text is the mention; canonical name from ALIAS (or the surface
                         without a possessive ending when it is already canonical)
  [[surface|Canonical]]  explicit canonical name
Templates (below) wrap the clean title/paragraphs in each outlet's boilerplate, so the body and
boilerplate gold are exact by construction. Mention counts are the hand-placed marks, counted over
the title and the distinct body paragraphs (scraper repeats once).

Usage: python3 eval/devset/tools/build.py   (rewrites raw/, jsonl/, gold.jsonl)
"""
import collections
import json
import random
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import stories as S  # noqa: E402

ANN = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")
POSS = re.compile(r"(['’]s|['’])$")


def resolve(surface):
    if surface in S.ALIAS:
        return S.ALIAS[surface]
    key = POSS.sub("", surface)
    if key in S.ALIAS:
        return S.ALIAS[key]
    return key


def parse(s):
    """Annotated string -> list of (text, canonical-or-None)."""
    segs, pos = [], 0
    for m in ANN.finditer(s):
        if m.start() > pos:
            segs.append((s[pos:m.start()], None))
        surf, canon = m.group(1), m.group(2)
        segs.append((surf, canon if canon else resolve(surf)))
        pos = m.end()
    if pos < len(s):
        segs.append((s[pos:], None))
    for t, _ in segs:
        if "[[" in t or "]]" in t:
            raise ValueError("broken annotation in: " + s[:120])
    return segs


def text_of(segs):
    return "".join(t for t, _ in segs)


def mentions_of(segs):
    return collections.Counter(c for _, c in segs if c)


def clean(s):
    return text_of(parse(s))


# ---------------------------------------------------------------------------------------------
# Outlet templates. Each gets (title, paras, copy) with clean strings and returns
# (text, body_gold, boilerplate_gold). Blocks are ("b", para) body, ("x", text) boilerplate
# lines, ("r", para) a scraper repeat of a body paragraph, ("t", title) the title line,
# ("tr", title) a repeat of the title (listed as boilerplate: it must not survive in the body).
# ---------------------------------------------------------------------------------------------

def teasers(copy, n, pool=None):
    pool = pool or S.TEASERS
    k = copy["_i"] * 3
    return [pool[(k + j) % len(pool)] for j in range(n)]


def body_blocks(paras, copy):
    """Body paragraphs with inline teasers and scraper repeats as the copy asks."""
    blocks = []
    inline = dict(copy.get("inline", {}))  # para index -> teaser line placed after it
    for i, p in enumerate(paras):
        blocks.append(("b", p))
        if i in inline:
            blocks.append(("x", inline[i]))
    rep = copy.get("repeat")
    if rep == "all":
        blocks += [("r", p) for p in paras]
    elif isinstance(rep, tuple):  # (start, end) run repeated right after itself
        a, b = rep
        out = []
        for i, p in enumerate(paras):
            out.append(("b", p))
            if i in inline:
                out.append(("x", inline[i]))
            if i == b - 1:
                out += [("r", q) for q in paras[a:b]]
        blocks = out
    elif isinstance(rep, list):  # single paragraphs printed twice in a row
        out = []
        for i, p in enumerate(paras):
            out.append(("b", p))
            if i in rep:
                out.append(("r", p))
            if i in inline:
                out.append(("x", inline[i]))
        blocks = out
    return blocks


def assemble(blocks, sep, header=None):
    lines, body, bp = [], [], []
    for kind, t in blocks:
        if kind == "b":
            body.append(t)
        elif kind in ("x", "tr"):
            bp += [ln.strip() for ln in t.split("\n") if ln.strip()]
        lines.append(t)
    text = sep.join(lines)
    if header:
        text = " date " + header + " " + text
    return text + "\n", body, bp


def t_dailymeridian(title, paras, c):
    d, tm = c["byline"]  # "08-05-2025", "18:40"
    bl = [("x", "Main Menu"), ("t", title), ("b", paras[0]),
          ("x", f"Daily Meridian News Desk | Updated: {d} {tm} IST | Created: {d} {tm} IST"),
          ("tr", title),
          ("x", "This picture was made with an AI image tool and does not show a real scene, person or place.")]
    bl += body_blocks(paras[1:], c)
    tr = teasers(c, 4)
    regions = ["Global", "Europe", "Asia", "Global"]
    trend = ["MOST READ"]
    for i, t in enumerate(tr):
        trend += [str(i + 1), t, "", t, "", " " + regions[i]]
    bl.append(("x", "\n".join(trend)))
    bl.append(("x", "COLUMNS / ANALYSIS\n\n" + "\n\n".join(teasers(c, 3, S.COLUMNS))))
    bl.append(("x", "Meridian Shorts\n\nLatest Headlines\n\nFollow us on\n\nX Threads Telegram RSS\nSend us a tip\nGet the Daily Meridian evening letter"))
    bl.append(("x", "SECTIONS\n\nREGIONS\n\nABOUT US\n\nDaily Meridian\n\nEmail: desk@dailymeridian.example\nPhone: +44-20-7946-0311, +44-20-7946-0512, 13, 14\n\nAdvertise | Disclaimer | Terms of use | Privacy\n\n© Copyright 2025"))
    return assemble(bl, "\n\n", c.get("header"))


def t_northgateherald(title, paras, c):
    bl = [("t", title), ("x", f"By {c['author']} | {c['byline']}"),
          ("x", "Photo: Northgate Herald archive")]
    bl += body_blocks(paras, c)
    rn = ["Read next"]
    for tm, t in zip(["16:42", "15:05", "13:58", "11:20"], teasers(c, 4, S.READNEXT)):
        rn += [tm, t]
    bl.append(("x", "\n".join(rn)))
    bl.append(("x", "What do you think about this story?\nBe the first to comment\n© Northgate Herald 2025"))
    return assemble(bl, "\n", c.get("header"))


def t_eawn(title, paras, c):
    bl = [("t", title)]
    bb = body_blocks(paras, c)
    bl += bb
    bl.append(("x", "\nLegal Disclaimer:\nEAWN supplies this\ncontent “as is” and gives no warranty of any kind. We take no\nresponsibility for the accuracy, completeness, images, videos,\nlicences or legality of the material in this article. For complaints\nor copyright questions about this article, please write to the provider named above."))
    pop = ["Most read on EAWN", "Industry Reports", ""] + ["- " + t for t in teasers(c, 5, S.MARKET)]
    bl.append(("x", "\n".join(pop) + "\nComments\nNo comments yet"))
    text, body, bp = assemble(bl, "\n", c.get("header"))
    # the "(EAWN) " tag is glued to the first paragraph; the gold paragraph is the text after it
    text = text.replace(paras[0], "(EAWN) " + paras[0], 1)
    return text, body, bp


def t_balticledger(title, paras, c):
    bl = [("x", "Home / World / Europe"), ("t", title), ("b", paras[0]),
          ("x", f"{c['author']} · {c['byline']}"),
          ("x", "Illustration: The Baltic Ledger / Stock")]
    bl += body_blocks(paras[1:], c)
    bl.append(("x", "Share this article\nFacebook  X  LinkedIn  Email"))
    bl.append(("x", "Related\n" + "\n".join(teasers(c, 4))))
    bl.append(("x", "Subscribe to The Ledger Morning briefing\n© 2025 The Baltic Ledger. All rights reserved. Editorial office: Narva mnt 5, Tallinn."))
    return assemble(bl, "\n\n", c.get("header"))


def t_pacific(title, paras, c):
    """Machine-translated scraper output: no title line, the whole article on one line, inline
    "Also read |" teasers that run straight into the next sentence."""
    inline = c.get("inline", {})
    parts, bp, body, seg = [], [], [], []
    for i, p in enumerate(paras):
        parts.append(p)
        seg.append(p)
        if i in inline:
            parts.append(inline[i])
            bp.append(inline[i])
            body.append(" ".join(seg))
            seg = []
    if seg:
        body.append(" ".join(seg))
    line = " ".join(parts)
    text = ("\n\n\n\n" if c.get("header") else "") + line + "\n"
    if c.get("header"):
        text = " date " + c["header"] + " " + text
    # gold body: the runs of text between teasers (the file has no paragraph breaks)
    return text, body, bp


def t_steppetimes(title, paras, c):
    shown = title.upper() if c.get("upper") else title
    bl = [("t", shown), ("x", f"by {c['author']} | {c['byline']} | VIEW {c.get('views', 418)}"),
          ("tr", shown), ("x", f"{shown} © Steppe Times/Pool")]
    bl += body_blocks(paras, c)
    bl.append(("x", c.get("tags", "Russian Chinese")))
    bl.append(("x", "\n\n".join(teasers(c, 5))))
    text, body, bp = assemble(bl, "\n\n", c.get("header"))
    return text, body, bp


def t_danube(title, paras, c):
    bl = [("x", "Danube Observer"), ("x", "Politics | Europe | World | Business | Opinion"),
          ("t", title), ("x", c["byline"])]
    bl += body_blocks(paras, c)
    bl.append(("x", "Sign up for the Danube Digest newsletter\nFacebook | Telegram | Viber\nNewsroom tel. +43 1 905 2025 12, fax +43 1 905 2025 19\n© Danube Observer Media GmbH"))
    return assemble(bl, "\n", c.get("header"))


def t_lakeshore(title, paras, c):
    bl = [("x", "LAKESHORE GAZETTE"), ("x", "Sections ▾   Local   World   Sport   Weather"),
          ("t", title), ("x", "By Gazette Staff")]
    bl += body_blocks(paras, c)
    bl.append(("x", c.get("ago", "Published 3 hours ago")))
    bl.append(("x", "Comments (0)\nLog in to comment"))
    bl.append(("x", "Lakeshore Gazette, 14 Harbour Road. Newsroom: 555-0199. Copyright Lakeshore Gazette. All rights reserved."))
    return assemble(bl, "\n\n", c.get("header"))


def t_prairie(title, paras, c):
    bl = [("t", title), ("x", c["byline"]), ("x", f"By {c['author']}, Prairie Dispatch")]
    bb = body_blocks(paras, c)
    if len(bb) > 3:
        bb.insert(2, ("x", "Advertisement"))
    bl += bb
    bl.append(("x", "RELATED COVERAGE\n" + "\n".join("• " + t for t in teasers(c, 3))))
    bl.append(("x", "Copyright 2025 Prairie Dispatch. All rights reserved. This material may not be published, broadcast, rewritten or redistributed."))
    return assemble(bl, "\n\n", c.get("header"))


RAW = {"dailymeridian": t_dailymeridian, "northgateherald": t_northgateherald, "eawn": t_eawn,
       "balticledger": t_balticledger, "pacific": t_pacific, "steppetimes": t_steppetimes,
       "danubeobserver": t_danube, "lakeshoregazette": t_lakeshore, "prairiedispatch": t_prairie}
OUTLET_KEY = {"pacific": None}  # the one-line machine-translated site never names itself

JSONL = {"wire": "atlaswire", "kestrelnews": "kestrelnews", "harbourline": "harbourline"}


def j_article(title, paras, c, outlet):
    lines = []
    bp = []
    inline = c.get("inline", {})
    for i, p in enumerate(paras):
        lines.append(p)
        if i in inline:
            lines.append(inline[i])
            bp.append(inline[i])
    rep = c.get("repeat")
    if rep == "all":
        lines += list(paras)
    for t in c.get("tail", []):
        lines.append(t)
        bp.append(t)
    obj = {"url": f"https://www.{outlet}.example/{c['slug']}", "source_domain": f"{outlet}.example",
           "title": title, "maintext": "\n".join(lines), "date_publish": c.get("date_publish"),
           "date_download": c.get("date_download", "2025-06-02 04:11:09"), "language": "en"}
    return obj, list(paras), bp


def main():
    raw_dir = os.path.join(ROOT, "raw")
    js_dir = os.path.join(ROOT, "jsonl")
    for d in (raw_dir, js_dir):
        os.makedirs(d, exist_ok=True)
        for f in os.listdir(d):
            os.remove(os.path.join(d, f))
    gold, jl = [], collections.defaultdict(list)
    nraw = 0
    errors = []
    order = list(range(len(S.COPIES)))
    random.Random(20250508).shuffle(order)  # file numbers do not reveal copy groups
    for i in order:
        c = dict(S.COPIES[i])
        c["_i"] = i
        st = S.STORIES[c["story"]]
        heads = st["headlines"]
        htxt = c.get("title", heads[c.get("head", 0)]) if "title_override" not in c else c["title_override"]
        paras = list(st["paras"])
        for extra_key in c.get("use", []):  # replace paragraph k with a variant: (k, key)
            k, key = extra_key
            paras[k] = st["extra"][key]
        for k, key in sorted(c.get("add", []), reverse=True):  # insert after k
            paras.insert(k + 1, st["extra"][key])
        paras = [p for j, p in enumerate(paras) if j not in set(c.get("drop_after_add", []))]
        for a, b in c.get("subs", []):
            htxt = htxt.replace(a, b)
            paras = [p.replace(a, b) for p in paras]
        if c.get("notitle"):
            htxt = ""
        tsegs = parse(htxt)
        if c.get("upper"):
            tsegs = [(t.upper(), m) for t, m in tsegs]
        psegs = [parse(p) for p in paras]
        title = text_of(tsegs)
        ptxt = [text_of(s) for s in psegs]
        ment = mentions_of(tsegs)
        seen = set()
        for s, t in zip(psegs, ptxt):
            if t in seen:
                continue
            seen.add(t)
            ment += mentions_of(s)
        out = c["outlet"]
        if out in RAW:
            nraw += 1
            ref = "raw/%03d.txt" % nraw
            text, body, bp = RAW[out](title, ptxt, c)
            data = text.replace("\n", "\r\n") if c.get("crlf") else text
            with open(os.path.join(ROOT, ref), "w", encoding="utf-8-sig" if c.get("bom") else "utf-8", newline="") as f:
                f.write(data)
            okey = OUTLET_KEY.get(out, out)
        else:
            okey = JSONL[out]
            obj, body, bp = j_article(title, ptxt, c, okey)
            ref = "jsonl/%s.jsonl#%d" % (out, len(jl[out]))
            jl[out].append(obj)
            text = obj["title"] + "\n" + obj["maintext"]
        # checks: body paragraphs literally present, no annotation residue, bp lines present
        for b in body:
            if b not in text:
                errors.append((ref, "body not literal", b[:60]))
        for b in bp:
            if b not in text:
                errors.append((ref, "bp not literal", b[:60]))
        if "[[" in text or "]]" in text:
            errors.append((ref, "annotation residue"))
        for k in ment:
            if k not in S.GAZ and k not in S.OPEN:
                errors.append((ref, "unknown canonical", k))
        g = {"ref": ref, "outlet": okey, "published": c.get("published"), "title": title,
             "body": body, "boilerplate": bp, "mentions": dict(sorted(ment.items())),
             "open_set": sorted(k for k in ment if k in S.OPEN),
             "story": c["story"], "event": st["event"]}
        gold.append(g)
    for name, objs in jl.items():
        with open(os.path.join(js_dir, name + ".jsonl"), "w", encoding="utf-8") as f:
            for o in objs:
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
    with open(os.path.join(ROOT, "gold.jsonl"), "w", encoding="utf-8") as f:
        for g in gold:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    for e in errors:
        print("ERROR", *e)
    print(len(gold), "articles;", nraw, "raw;", sum(len(v) for v in jl.values()), "jsonl")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
