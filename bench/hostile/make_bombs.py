"""Writes the hostile workbooks of issue 13 (2): small files whose parts inflate to about
1 GiB — shared strings of `<si/>`, blank cells, text, white space — plus a 20-digit
shared-string index. Each is a complete XLSX package otherwise, so only the bomb stops it.

usage: python3 make_bombs.py OUT_DIR [GIB]
"""
import os
import sys
import zlib
import zipfile

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/></Types>')
RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="学校" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>年度</t></is></c></row>'


def write(path, parts):
    """parts: name -> (prefix, repeated unit, count, suffix), streamed through deflate."""
    with zipfile.ZipFile(path, 'w', compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, (prefix, unit, count, suffix) in parts.items():
            with z.open(name, 'w') as f:
                f.write(prefix.encode())
                block = (unit * max(1, (1 << 20) // max(1, len(unit)))).encode()
                per_block = max(1, (1 << 20) // max(1, len(unit)))
                left = count
                while left >= per_block:
                    f.write(block)
                    left -= per_block
                f.write((unit * left).encode())
                f.write(suffix.encode())


def write_dense(path, size):
    """A sheet of rows of 100 inline-string cells of 40 random letters each, about `size` bytes."""
    import random
    rng = random.Random(13)
    letters = 'abcdefghijklmnopqrstuvwxyz0123456789'
    parts = base()
    with zipfile.ZipFile(path, 'w', compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for name, (prefix, _, _, suffix) in parts.items():
            if name != 'xl/worksheets/sheet1.xml':
                z.writestr(name, prefix + suffix)
        with z.open('xl/worksheets/sheet1.xml', 'w') as f:
            f.write(f'<worksheet {MAIN}><sheetData>{HEADER}'.encode())
            written, row = 0, 2
            while written < size:
                cells = ''.join('<c t="inlineStr"><is><t>' + ''.join(rng.choice(letters) for _ in range(40)) + '</t></is></c>'
                                for _ in range(100))
                line = f'<row r="{row}">{cells}</row>'.encode()
                f.write(line)
                written += len(line)
                row += 1
            f.write(b'</sheetData></worksheet>')


def base(strings=None, sheet=None):
    parts = {
        '[Content_Types].xml': (CONTENT_TYPES, '', 0, ''),
        '_rels/.rels': (RELS, '', 0, ''),
        'xl/workbook.xml': (WORKBOOK, '', 0, ''),
        'xl/_rels/workbook.xml.rels': (WORKBOOK_RELS, '', 0, ''),
        'xl/sharedStrings.xml': strings or (f'<sst {MAIN}><si><t>a</t></si></sst>', '', 0, ''),
        'xl/worksheets/sheet1.xml': sheet or (f'<worksheet {MAIN}><sheetData>{HEADER}</sheetData></worksheet>', '', 0, ''),
    }
    return parts


def main():
    out = sys.argv[1]
    gib = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    size = int(gib * (1 << 30))
    os.makedirs(out, exist_ok=True)
    bombs = {
        'shared-strings.xlsx': base(strings=(f'<sst {MAIN}>', '<si/>', size // 5, '</sst>')),
        'empty-cells.xlsx': base(sheet=(f'<worksheet {MAIN}><sheetData><row r="1">', '<c/>', size // 4, '</row></sheetData></worksheet>')),
        'text.xlsx': base(sheet=(f'<worksheet {MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>', '政', size // 3, '</t></is></c></row></sheetData></worksheet>')),
        'whitespace.xlsx': base(sheet=(f'<worksheet {MAIN}><sheetData>', ' ', size, f'{HEADER}</sheetData></worksheet>')),
        'shared-string-index.xlsx': base(sheet=(f'<worksheet {MAIN}><sheetData>{HEADER}<row r="2"><c r="A2" t="s"><v>99999999999999999999</v></c></row></sheetData></worksheet>', '', 0, '')),
    }
    # Not a bomb but the largest honest-looking sheet the limits let through: ~46 MiB of
    # distinct text cells that compress poorly (so no ratio check stops them), 100 per row.
    bombs['dense-text.xlsx'] = None
    for name, parts in bombs.items():
        if parts is None:
            write_dense(os.path.join(out, name), 46 << 20)
            print(f'{name}: {os.path.getsize(os.path.join(out, name)):,} bytes')
            continue
        path = os.path.join(out, name)
        write(path, parts)
        print(f'{name}: {os.path.getsize(path):,} bytes')


if __name__ == '__main__':
    main()
