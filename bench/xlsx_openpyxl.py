"""Times openpyxl reading every cell value of an XLSX file, best of RUNS, in two modes:
read_only=True (streaming) and the default (whole workbook in memory).

    python xlsx_openpyxl.py FILE [RUNS]
"""
import sys
import time

from openpyxl import load_workbook


def read(path, read_only):
    wb = load_workbook(path, read_only=read_only, data_only=False)
    ws = wb.worksheets[0]
    cells = 0
    checksum = 0
    for row in ws.iter_rows(values_only=True):
        for value in row:
            if value is not None:
                cells += 1
                checksum += len(str(value))
    if read_only:
        wb.close()
    return cells, checksum


def main(path, runs):
    for read_only in (True, False):
        best = float("inf")
        for _ in range(runs):
            start = time.perf_counter()
            cells, checksum = read(path, read_only)
            best = min(best, time.perf_counter() - start)
        mode = "read_only=True" if read_only else "normal"
        print(f"openpyxl {mode}: best of {runs} {best:.3f} s ({cells} cells)")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5)
