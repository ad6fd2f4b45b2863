#!/usr/bin/env python3
"""Seed corpora for the fuzz targets (fuzz/corpus/<target>/), made from the fixtures, the
seeds and small documents written here: report text cut into pieces, numerals, Word
documents (whole files, and XML parts for the parts mode of the docx target) and web pages.
The corpora are not committed; `make fuzz` makes them."""

import os
import sys
import zipfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared"))

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def write(target, name, data):
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def texts():
    files = sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
    files += sorted((SHARED / "seeds").glob("*")) if (SHARED / "seeds").is_dir() else []
    for f in files:
        yield f.stem, f.read_text(encoding="utf-8", errors="replace")


def paragraph(text, num=None):
    ppr = ""
    if num:
        ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr></w:pPr>'
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


NUMBERING = f"""<w:numbering {W}><w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
<w:lvl w:ilvl="3"><w:isLgl/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1.%4"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
</w:numbering>"""

STYLES = f"""<w:styles {W}><w:style w:type="paragraph" w:styleId="1"><w:pPr><w:numPr><w:numId w:val="1"/><w:ilvl w:val="0"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:basedOn w:val="1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"""


def document(text):
    lines = [l for l in text.splitlines() if l.strip()][:40]
    body = []
    for i, line in enumerate(lines):
        body.append(paragraph(line, (1 + i % 2, i % 4) if i % 3 == 0 else None))
    body.append("<w:tbl><w:tr><w:tc>" + paragraph("指标") + "</w:tc><w:tc>" + paragraph("数值") + "</w:tc></w:tr>"
                "<w:tr><w:tc>" + paragraph("优良天数") + "</w:tc><w:tc>" + paragraph("287天") + "</w:tc></w:tr></w:tbl>")
    body.append('<w:p><w:r><w:t>保留</w:t><w:tab/><w:br/></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>')
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{"".join(body)}</w:body></w:document>'


def docx(text, compression):
    out = BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("_rels/.rels", f'<Relationships><Relationship Id="rId1" Type="{REL}officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/_rels/document.xml.rels",
                   f'<Relationships><Relationship Id="rId1" Type="{REL}numbering" Target="numbering.xml"/>'
                   f'<Relationship Id="rId2" Type="{REL}styles" Target="styles.xml"/></Relationships>')
        z.writestr("word/document.xml", document(text))
        z.writestr("word/numbering.xml", NUMBERING)
        z.writestr("word/styles.xml", STYLES)
        z.writestr("word/footer1.xml", f"<w:ftr {W}>{paragraph('第 1 页')}</w:ftr>")
    return out.getvalue()


def page(title, text):
    paragraphs = "".join(f"<p>{l}</p>\n" for l in text.splitlines()[:40] if l.strip())
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_某某市人民政府</title>'
            f'<script>var x = "<p>";</script><style>p{{}}</style></head><body><div class="nav">首页 | 新闻</div>'
            f'<div id="content"><h1>{title}</h1>{paragraphs}<table><tr><td>优良天数</td><td>287天</td></tr></table>'
            f'</div><div class="footer">版权所有</div></body></html>')


def main():
    for stem, text in texts():
        for i in range(0, min(len(text), 16000), 2000):
            write("analyze", f"{stem}-{i}.txt", text[i:i + 2000])
        write("docx", f"{stem}-deflated.docx", b"\0" + docx(text, zipfile.ZIP_DEFLATED))
        write("docx", f"{stem}-stored.docx", b"\0" + docx(text, zipfile.ZIP_STORED))
        write("docx", f"{stem}-parts.xml", b"\1" + "\xff".join([document(text), NUMBERING, STYLES]).encode("utf-8").replace(b"\xc3\xbf", b"\xff"))
        write("html", f"{stem}.html", page(stem, text))
    for i, numeral in enumerate(["一万零十二", "3万4000", "1,100万", "百分之零点九", "两千", "壹佰", "二十万余", "3.5万口",
                                 "x.x%", "XX万元", "二〇二一年", "十六", "三百余", "1.2亿元", "０．５", "约300辆", "第3"]):
        write("numerals", f"n{i}.txt", numeral)
    print(f"corpora in {CORPUS}: " + ", ".join(f"{d.name} {len(list(d.iterdir()))}" for d in sorted(CORPUS.iterdir())))


if __name__ == "__main__":
    sys.exit(main())
