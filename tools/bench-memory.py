#!/usr/bin/env python3
"""Peak memory of `envreport analyze` on hostile inputs, against the size of each input.

Each input is written to a temporary folder and analyzed by the release CLI in its own
process; the peak resident memory of that process (wait4's ru_maxrss) is printed beside
the input's size and the ratio. The inputs are the shapes that cost most per byte: millions
of one-character paragraphs, a million numbered headings, a million quantities, half a
million lines broken inside one sentence with a placeholder each, and a small .docx that
holds one and a half million paragraphs. A real report is printed for scale.

Usage: tools/bench-memory.py [path/to/envreport]
"""

import os
import subprocess
import sys
import tempfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = sys.argv[1] if len(sys.argv) == 2 else os.path.join(ROOT, "target/release/envreport")
TARGET = 20  # peak memory within this many times the input's size

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)


def docx(path, paragraphs, text):
    para = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        with z.open("word/document.xml", "w") as part:
            part.write(
                b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
                b'openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            )
            for _ in range(paragraphs // 1000):
                part.write(para * 1000)
            part.write(b"</w:body></w:document>")
    return (len(text.encode()) + 1) * paragraphs  # the text it holds, a line each


DOCX = "1.5M paragraphs in a .docx"
DENSE = "100k quantities in 0.5 MB"

# Each input as lines made one by one and written as they come: the files are made before
# any analysis, by a process of its own (a process's peak memory counts what it was before
# it became the analyzer, so the one that starts the analyzer must stay small).
TEXTS = {
    "3M one-character lines": lambda: ("一\n" for _ in range(3_000_000)),
    "1M numbered headings": lambda: (f"{i % 9 + 1}. 标题\n" for i in range(1_000_000)),
    "1M quantities": lambda: (f"{i}吨\n" for i in range(1_000_000)),
    "500k broken lines, placeholders": lambda: ("完成整治xx处，\n" for _ in range(500_000)),
    # the numeral cap's worst case: as many quantities as are read, in as little text
    DENSE: lambda: ("1吨\n" for _ in range(100_000)),
    "200k sentences of prose": lambda: (
        f"2023年，第{i}监测点PM2.5年均浓度为{30 + i % 20}微克/立方米，同比下降{i % 9}.5%。\n"
        for i in range(200_000)
    ),
}



def file_of(folder, label):
    return os.path.join(folder, f"{list(TEXTS).index(label)}.txt")


def generate(folder):
    for label, lines in TEXTS.items():
        with open(file_of(folder, label), "w", encoding="utf-8") as f:
            for line in lines():
                f.write(line)
    with open(os.path.join(folder, "docx-text-bytes"), "w") as f:
        f.write(str(docx(os.path.join(folder, "paragraphs.docx"), 1_500_000, "1吨")))


def inputs(folder):
    """(label, path, size of the text analyzed)"""
    for label in TEXTS:
        path = file_of(folder, label)
        yield label, path, os.path.getsize(path)
    with open(os.path.join(folder, "docx-text-bytes")) as f:
        yield DOCX, os.path.join(folder, "paragraphs.docx"), int(f.read())
    real = os.path.join(ROOT, "../shared/real/docs")
    if os.path.isdir(real):
        largest = max((os.path.join(real, f) for f in os.listdir(real)), key=os.path.getsize)
        yield "largest real report", largest, os.path.getsize(largest)


def peak(path):
    start = time.monotonic()
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen([CLI, "analyze", "--format", "json", path], stdout=null)
        _, status, usage = os.wait4(p.pid, 0)
    return usage.ru_maxrss * 1024, time.monotonic() - start, os.waitstatus_to_exitcode(status)


def main():
    if not os.path.exists(CLI):
        sys.exit(f"bench-memory: {CLI} is missing; run make cli")
    worst = 0.0
    dense = None
    print(f"{'input':34} {'text':>9} {'peak':>9} {'ratio':>6} {'time':>7}")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, __file__, "--generate", folder], check=True)
        empty = os.path.join(folder, "empty.txt")
        open(empty, "w").close()
        floor, _, _ = peak(empty)
        print(f"{'an empty text (the program itself)':34} {0:7.2f}MB {floor / 1e6:7.1f}MB      -")
        for label, path, size in inputs(folder):
            rss, seconds, code = peak(path)
            # a small input's peak is the program's own (code, lexicon): no ratio
            hostile = size >= 1_000_000
            ratio = f"{rss / size:5.1f}x" if hostile else "     -"
            if hostile:
                worst = max(worst, rss / size)
            if label == DENSE:
                dense = rss
            print(
                f"{label:34} {size / 1e6:7.2f}MB {rss / 1e6:7.1f}MB {ratio} {seconds:6.2f}s"
                + ("" if code == 0 else f"  exit {code}")
            )
    print(f"worst hostile ratio {worst:.1f}x (target {TARGET}x)")
    # every quantity read costs the same however little text states it: the numeral cap
    # bounds that part, and below a few MB the program's own floor dominates the ratio
    if dense is not None:
        print(
            f"dense quantities: {(dense - floor) / 1e6:.1f}MB above the floor for the 100,000 "
            f"numbers read at most ({(dense - floor) / 100_000:.0f} bytes each, "
            f"{(dense - floor) / 500_000:.0f}x that text)"
        )


if len(sys.argv) == 3 and sys.argv[1] == "--generate":
    generate(sys.argv[2])
else:
    main()
