import Domain
import Spreadsheet

// The spreadsheet engine reports what went wrong as data; the words people read — in the
// project's two languages, at the place they fix it — are Interchange's.
extension XLSXError {
    /// The message in `language`: `FILE: PART[:LINE] (sheet S): explanation`.
    public func message(in language: Language) -> String {
        var place: [String] = []
        if !file.isEmpty { place.append(file) }
        if let part {
            if let line = kind.line { place.append("\(part):\(line)") } else { place.append(part) }
        }
        if let sheet { place.append(language.pick("工作表“\(sheet)”", "sheet \"\(sheet)\"")) }
        let explanation = kind.explanation(in: language)
        // Names of files and sheets come from the user or the file: no control characters.
        return MessageText.escaped(place.isEmpty ? explanation : place.joined(separator: ": ") + ": " + explanation)
    }

    /// The problem as a refused data file reports it, at the place a person fixes it:
    /// `FILE:SHEET:ROW:COLUMN` for a cell of a sheet (the column in letters, as the
    /// spreadsheet shows it), `FILE:SHEET:1:A` for a sheet as a whole, and `FILE:1:1` for a
    /// workbook that cannot be opened. A worksheet's package part and line are left out (a
    /// person cannot see them); any other part is named in the message.
    public func rowError(in language: Language) -> RowError {
        let explanation = kind.explanation(in: language)
        guard let sheet else {
            let message = part.map { "\($0): \(explanation)" } ?? explanation
            return RowError(file: file, row: 1, column: "1", message: message)
        }
        return RowError(
            file: "\(file):\(sheet)", row: row ?? 1, column: CellReference.letters(column ?? 0), message: explanation)
    }
}

extension XLSXError.Kind {
    /// The explanation in `language`.
    public func explanation(in language: Language) -> String {
        switch self {
        case .notZip:
            language.pick("不是 XLSX 文件（不是有效的 ZIP 压缩包，或文件被截断）",
                          "not an XLSX file (not a valid ZIP archive, or truncated)")
        case .inflatesBeyondDeclaredSize:
            language.pick("解压后的数据超过声明的大小（文件损坏或是压缩炸弹），拒绝读取",
                          "inflates beyond its declared size (corrupt, or a decompression bomb); refused")
        case let .unreadablePart(detail):
            language.pick("无法解压（文件损坏或被截断）：\(detail)", "cannot be decompressed (corrupt or truncated file): \(detail)")
        case let .partTooLarge(size, limit):
            language.pick("解压后大小 \(size) 字节超过允许的 \(limit) 字节（压缩比异常或文件过大），拒绝读取",
                          "the uncompressed size \(size) bytes exceeds the \(limit) bytes allowed (abnormal compression ratio or too large); refused")
        case .missingPart:
            language.pick("压缩包中缺少该部件，不是完整的 XLSX 工作簿", "this part is missing from the archive; not a complete XLSX workbook")
        case .noSheets:
            language.pick("工作簿中没有工作表", "the workbook has no sheets")
        case let .sheetNotFound(name, available):
            language.pick("没有名为“\(name)”的工作表；现有工作表：\(available.joined(separator: "、"))",
                          "no sheet named \"\(name)\"; the sheets are: \(available.joined(separator: ", "))")
        case .notWorksheet:
            language.pick("不是普通工作表（图表工作表等），没有单元格", "not a worksheet (e.g. a chart sheet); it has no cells")
        case let .scan(problem, _):
            problem.message(in: language)
        case .nothingToWrite:
            language.pick("工作簿至少需要一个工作表", "a workbook needs at least one sheet")
        case .allSheetsHidden:
            language.pick("至少要有一个工作表是可见的", "at least one sheet must be visible")
        case let .badSheetName(name):
            language.pick("工作表名称“\(name)”无效：须为 1–31 个字符，不能含 [ ] : * ? / \\，不能以 ' 开头或结尾",
                          "invalid sheet name \"\(name)\": 1–31 characters, none of [ ] : * ? / \\, not starting or ending with '")
        case let .duplicateSheetName(name):
            language.pick("工作表名称“\(name)”重复（不区分大小写）", "sheet name \"\(name)\" is used twice (case-insensitively)")
        case let .badRange(range):
            language.pick("无效的单元格区域“\(range)”", "invalid cell range \"\(range)\"")
        case let .listTooLong(range, length):
            language.pick("区域 \(range) 的下拉列表共 \(length) 个字符，超过 Excel 的上限 255",
                          "the drop-down list for \(range) is \(length) characters long; Excel allows 255")
        case let .listOptionWithComma(option):
            language.pick("下拉列表选项“\(option)”含有逗号（Excel 以逗号分隔选项）",
                          "drop-down option \"\(option)\" contains a comma (Excel separates options with commas)")
        case let .badColor(color):
            language.pick("颜色“\(color)”不是 RGB 十六进制值（如 C00000）", "colour \"\(color)\" is not RGB hex (e.g. C00000)")
        case let .validationTextTooLong(range, limit):
            language.pick("区域 \(range) 的数据验证提示文字过长（上限 \(limit) 个字符）",
                          "a data-validation message for \(range) is too long (limit \(limit) characters)")
        case let .tooManyRows(count):
            language.pick("共 \(count) 行，超过 XLSX 的上限 1048576 行", "\(count) rows exceed the XLSX limit of 1,048,576")
        case let .tooManyColumns(count):
            language.pick("共 \(count) 列，超过 XLSX 的上限 16384 列", "\(count) columns exceed the XLSX limit of 16,384")
        case let .writeFailed(detail):
            language.pick("无法生成 XLSX 压缩包：\(detail)", "cannot build the XLSX archive: \(detail)")
        }
    }
}
