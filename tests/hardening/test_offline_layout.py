"""Issue #19: ``check --layout`` converts with LibreOffice, which must fetch nothing a document links to.

A listener on 127.0.0.1 stands for a remote server; the document links an image to it (external relationship)
and names it in an INCLUDEPICTURE field. The listener must see no connection at all.
"""

from __future__ import annotations

import shutil
import socket
import threading
import zipfile
from pathlib import Path

import pytest
from helpers import cli
from support.paths import ROOT

SOURCE = ROOT / "tests" / "data" / "realdocs" / "kh_tuyentruyen_cchc_2026.docx"
REL = ('<Relationship Id="rIdRemote1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
       'Target="{url}/anh.png" TargetMode="External"/>')
DRAWING = ('<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
           '<wp:extent cx="914400" cy="914400"/><wp:docPr id="990" name="anh"/>'
           '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
           '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
           '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
           '<pic:nvPicPr><pic:cNvPr id="990" name="anh"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
           '<a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:link="rIdRemote1"/>'
           '<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
           '<a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData>'
           '</a:graphic></wp:inline></w:drawing></w:r></w:p>')
BODY = DRAWING + ('<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:40pt;height:40pt">'
        '<v:imagedata xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'r:id="rIdRemote1"/></v:shape></w:pict></w:r></w:p>'
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE '
        '"{url}/hinh.png" \\d </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>x</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


def _linking(tmp: Path, url: str) -> Path:
    out = tmp / "lien-ket.docx"
    with zipfile.ZipFile(SOURCE) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info).decode("utf-8") if info.filename.endswith((".xml", ".rels")) else zin.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace("</Relationships>", REL.format(url=url) + "</Relationships>")
            elif info.filename == "word/document.xml":
                data = data.replace("<w:body>", "<w:body>" + BODY.format(url=url), 1)
            zout.writestr(info, data)
    return out


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_layout_check_fetches_nothing_remote(tmp_path: Path) -> None:
    hits: list[bytes] = []
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.5)
    stop = threading.Event()

    def listen() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    hits.append(conn.recv(200))
                except OSError:
                    hits.append(b"")

    thread = threading.Thread(target=listen, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.getsockname()[1]}"
    try:
        document = _linking(tmp_path, url)
        run = cli("check", "--layout", str(document), timeout=300)
    finally:
        stop.set()
        thread.join(5)
        server.close()
    assert run.code in (0, 1), run.err
    assert "Traceback" not in run.err
    assert hits == []


def test_offline_copy_keeps_hyperlinks_and_drops_remote_content(tmp_path: Path) -> None:
    from cchc_docgen.pdf.offline import copy_offline

    document = _linking(tmp_path, "http://example.invalid")
    out = tmp_path / "offline.docx"
    copy_offline(document, out)
    with zipfile.ZipFile(out) as z:
        rels = z.read("word/_rels/document.xml.rels").decode()
        body = z.read("word/document.xml").decode()
        original = zipfile.ZipFile(SOURCE).read("word/_rels/document.xml.rels").decode()
    assert "example.invalid" not in rels and "http://example.invalid" not in body
    assert rels.count("/hyperlink\"") == original.count("/hyperlink\"")
    assert "INCLUDEPICTURE" in body  # the field stays, only its address goes
