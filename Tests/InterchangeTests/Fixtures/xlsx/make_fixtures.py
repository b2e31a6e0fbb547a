#!/usr/bin/env python3
"""Makes the XLSX fixtures of Tests/InterchangeTests/XLSXFixtureTests.swift.

    python3 -m venv bench/.venv && bench/.venv/bin/pip install openpyxl
    bench/.venv/bin/python Tests/InterchangeTests/Fixtures/xlsx/make_fixtures.py

openpyxl.xlsx is written by openpyxl (shared strings, inline rich text, numbers, booleans,
error cells, formulas without cached values, sparse rows, columns beyond Z, several sheets,
a hidden sheet). libreoffice.xlsx is converted by LibreOffice (`soffice --headless`) from
libreoffice.csv (UTF-8, comma-separated) when soffice is installed: it writes shared strings,
and its formulas carry cached values (numbers, a string result, an error).
"""
import os
import shutil
import subprocess
import tempfile

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

HERE = os.path.dirname(os.path.abspath(__file__))


def openpyxl_fixture():
    wb = Workbook()
    ws = wb.active
    ws.title = "学校"
    ws.append(["名称", "学生数", "比例", "达标", "错误", "公式"])
    ws.append(["第一小学", 812, 3.5700000000000003, True, "#DIV/0!", "=B2*2"])
    ws.append(["A & B <c> \"d\" 'e'", -3, 1e-3, False, "#N/A", "=SUM(B2:B3)"])
    ws["A5"] = CellRichText("粗体", TextBlock(InlineFont(b=True), "加粗"), " 普通")
    ws["AA7"] = "AA"
    ws["AZ7"] = 52
    ws["BA7"] = "BA"
    ws["XFD9"] = "last"
    ws["C9"] = "  spaces  "
    ws["D9"] = "line1\nline2"
    ws["E9"] = "carriage\rreturn"  # openpyxl writes a raw CR, which XML reads as LF
    ws["B11"] = 1.5
    ws["B11"].number_format = "0.00"
    ws["C12"].number_format = "0.00"  # styled but empty: not a cell value
    second = wb.create_sheet("Second")
    second["B2"] = "only"
    hidden = wb.create_sheet("隐藏")
    hidden.sheet_state = "hidden"
    hidden["A1"] = 1
    wb.save(os.path.join(HERE, "openpyxl.xlsx"))


def libreoffice_fixture():
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice not found: libreoffice.xlsx not regenerated")
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, "--headless", "--infilter=CSV:44,34,76", "--convert-to", "xlsx", "--outdir", tmp,
                        os.path.join(HERE, "libreoffice.csv")], check=True, capture_output=True)
        shutil.copy(os.path.join(tmp, "libreoffice.xlsx"), os.path.join(HERE, "libreoffice.xlsx"))


if __name__ == "__main__":
    openpyxl_fixture()
    libreoffice_fixture()
