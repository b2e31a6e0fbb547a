"""Writes the XLSX benchmark file: the first 10,000 schools of a `junheng demo` schools.csv
as one sheet of 45 columns (the 39 CSV columns with their Chinese headers, numbers as
numbers, plus six derived columns), with openpyxl.

    python xlsx_make.py SCHOOLS.csv OUT.xlsx
"""
import csv
import sys

from openpyxl import Workbook

ROWS = 10_000


def number(text):
    if text == "":
        return None
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text


def main(source, target):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("学校")
    with open(source, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        extra = ["生师比", "生均教学用房面积", "生均体育运动场馆面积", "生均教学仪器设备值", "百名学生网络多媒体教室数", "备注"]
        ws.append(header + extra)
        index = {name: i for i, name in enumerate(header)}
        for n, row in enumerate(reader):
            if n == ROWS:
                break
            values = [number(v) for v in row]
            students = (values[index["小学在校生数"]] or 0) + (values[index["初中在校生数"]] or 0)
            teachers = (values[index["小学专任教师数"]] or 0) + (values[index["初中专任教师数"]] or 0)
            per = lambda column: round((values[index[column]] or 0) / students, 4) if students else None
            ws.append(values + [
                round(students / teachers, 2) if teachers else None,
                per("教学及辅助用房面积"), per("体育运动场馆面积"), per("教学仪器设备值"),
                round(100 * (values[index["网络多媒体教室数"]] or 0) / students, 3) if students else None,
                "寄宿制" if row[index["是否寄宿制"]] == "是" else "",
            ])
    wb.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
