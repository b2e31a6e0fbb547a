import Domain
import Spreadsheet

extension ScanProblem {
    /// The explanation in `language`.
    public func message(in language: Language) -> String {
        switch self {
        case let .xml(problem):
            language.pick("XML 格式错误：", "malformed XML: ") + problem.message(in: language)
        case let .badCellReference(reference):
            language.pick("无效的单元格引用“\(reference)”", "invalid cell reference \"\(reference)\"")
        case let .rowOutOfOrder(row):
            language.pick("第 \(row) 行出现在后面的行之后或重复出现", "row \(row) comes after a later row or is repeated")
        case let .cellOutOfOrder(reference):
            language.pick("单元格 \(reference) 的顺序错误或重复出现", "cell \(reference) is out of order or repeated")
        case let .badBoolean(text):
            language.pick("逻辑值单元格的值“\(text)”不是 0 或 1", "boolean cell value \"\(text)\" is not 0 or 1")
        case let .badSharedStringIndex(reference, index, count):
            language.pick("单元格 \(reference) 引用的共享字符串序号 \(MessageText.excerpt(index)) 无效（共有 \(count) 个）",
                          "cell \(reference) refers to shared string \(MessageText.excerpt(index)), which does not exist (there are \(count))")
        case let .tooManyCells(limit):
            language.pick("工作表的非空单元格超过 \(limit) 个，拒绝读取", "the sheet has more than \(limit) non-empty cells; refused")
        case let .tooManySharedStrings(limit):
            language.pick("共享字符串超过 \(limit) 个，拒绝读取", "more than \(limit) shared strings; refused")
        case let .textTooLong(limit):
            language.pick("文字超过 \(limit) 个字符（Excel 单元格的上限），拒绝读取",
                          "text longer than \(limit) characters (an Excel cell's limit); refused")
        }
    }
}
