"""Make the signed-PDF test data: real plans and reports as LibreOffice PDFs, signed the way e-office systems do.

Run (dev only, needs LibreOffice and pyHanko): ``python tools/make_signed_pdfs.py [DOCX …]``; writes
``tests/data/signed/<stem>_signed.pdf``. Each draft prints "Số:      /KH-UBND" and "…, ngày      tháng …": the
system stamps the number and the day into those gaps as signature fields whose appearance streams hold the text
("329", "19"), and puts the organisation's signature box ("Ký bởi: …", "Thời gian ký: …") in the top corner of
page 1. Text extraction that ignores form fields loses the number and the day.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "data" / "signed"
FONT = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"
NUMBER, DAY = "329", "19"


def _key_and_cert(tmp: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Ủy ban nhân dân tỉnh (thử nghiệm)")])
    now = dt.datetime(2025, 12, 19, tzinfo=dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now).not_valid_after(now + dt.timedelta(days=3650))
            .sign(key, hashes.SHA256()))
    key_file, cert_file = tmp / "key.pem", tmp / "cert.pem"
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_file, cert_file


def _gaps(pdf: Path) -> tuple[tuple[float, float, float, float], tuple[float, float, float, float]]:
    """Boxes (x0, y0, x1, y1) of the blank after "Số:" and after "ngày" on page 1."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    text = doc[0].get_textpage()
    chars = text.get_text_range()
    boxes = [text.get_charbox(i) for i in range(text.count_chars())]

    def gap(word: str, until: str) -> tuple[float, float, float, float]:
        at = chars.index(word) + len(word) - 1
        end = chars.index(until, at)
        _, bottom, _, top = boxes[at]
        right = boxes[end][0]
        middle = (bottom + top) / 2
        return boxes[at][2] + 2, middle - 14, max(right - 1, boxes[at][2] + 40), middle + 12

    found = gap("Số:", "/"), gap("ngày", "tháng")
    doc.close()
    return found


def sign(source_pdf: Path, target: Path, tmp: Path) -> None:
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.layout import AxisAlignment, InnerScaling, Margins, SimpleBoxLayoutRule
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    key, cert = _key_and_cert(tmp)
    signer = signers.SimpleSigner.load(str(key), str(cert))
    number_box, day_box = _gaps(source_pdf)
    org = "Ký bởi: Ủy ban nhân dân tỉnh\nThời gian ký: 19.12.2025 10:15:30 +07:00"
    stamps = [("SoVanBan", number_box, NUMBER, 11), ("NgayKy", day_box, DAY, 11),
              ("ChuKySo", (300, 790, 580, 830), org, 7)]
    data = source_pdf.read_bytes()
    for name, box, text, size in stamps:
        step = tmp / f"{name}.pdf"
        with tempfile.TemporaryFile() as inp:
            inp.write(data)
            inp.seek(0)
            writer = IncrementalPdfFileWriter(inp)
            fields.append_signature_field(writer, fields.SigFieldSpec(name, box=box, on_page=0))
            layout = SimpleBoxLayoutRule(x_align=AxisAlignment.ALIGN_MIN, y_align=AxisAlignment.ALIGN_MIN,
                                         margins=Margins.uniform(0), inner_content_scaling=InnerScaling.NO_SCALING)
            # digits in the PDF standard font (its widths are exact); Vietnamese text in an embedded TrueType font
            box_style = TextBoxStyle(font_size=size) if text.isdigit() else \
                TextBoxStyle(font=GlyphAccumulatorFactory(FONT), font_size=size)
            style = TextStampStyle(stamp_text=text, border_width=0, inner_content_layout=layout,
                                   text_box_style=box_style)
            meta = signers.PdfSignatureMetadata(field_name=name)
            with step.open("wb") as out:
                signers.PdfSigner(meta, signer=signer, stamp_style=style).sign_pdf(writer, output=out)
        data = step.read_bytes()
    target.write_bytes(data)


def main(argv: list[str]) -> int:
    realdocs = ROOT / "tests" / "data" / "realdocs"
    sources = [Path(a) for a in argv] or sorted(
        p for p in realdocs.glob("*.docx") if p.name.startswith(("kh_", "doc_kh_", "bc_")))
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp / 'profile'}", "--headless", "--convert-to",
                        "pdf", "--outdir", str(tmp), *map(str, sources)], check=True, capture_output=True, timeout=600)
        for source in sources:
            target = OUT / f"{source.stem}_signed.pdf"
            sign(tmp / f"{source.stem}.pdf", target, tmp)
            print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
