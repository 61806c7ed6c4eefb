#!/usr/bin/python3
"""Peer extractor for the real-world evaluation: readability-lxml on raw HTML pages.

    /usr/bin/python3 scripts/peers/readability_lxml.py PAGES_DIR [NAME...]

Reads PAGES_DIR/<name>.gz (every page, or only the NAMEs given, file names with .gz) into memory,
decompressed, then extracts each: readability's main-content HTML turned into text by html_text,
and readability's short title. Prints one JSON object a line, {"file", "title", "text"}, then a
last line {"timing": {"pages", "cpu_seconds"}}: the process CPU time spent in extraction only
(reading and decompressing excluded), single thread. Exits 3 when the modules are missing (Debian:
apt-get install python3-readability python3-html-text; run with /usr/bin/python3).
"""
import gzip
import json
import logging
import sys
import time
import warnings
from pathlib import Path


def main():
    try:
        from readability import Document
        import html_text
    except ImportError as e:
        print("readability-lxml peer unavailable: %s" % e, file=sys.stderr)
        sys.exit(3)
    warnings.filterwarnings("ignore")
    logging.disable(logging.CRITICAL)
    src = Path(sys.argv[1])
    names = sys.argv[2:] or sorted(f.name for f in src.iterdir() if f.name.endswith(".gz"))
    pages = [(n, gzip.decompress((src / n).read_bytes())) for n in names]
    cpu = 0.0
    for name, data in pages:
        t0 = time.process_time()
        try:
            doc = Document(data)
            title = doc.short_title() or ""
            text = html_text.extract_text(doc.summary(html_partial=True)) or ""
        except Exception as e:  # one bad page must not stop the run
            title, text = "", ""
            print("readability failed on %s: %s" % (name, e), file=sys.stderr)
        cpu += time.process_time() - t0
        print(json.dumps({"file": name, "title": title, "text": text}, ensure_ascii=False))
    print(json.dumps({"timing": {"pages": len(pages), "cpu_seconds": cpu}}))


if __name__ == "__main__":
    main()
