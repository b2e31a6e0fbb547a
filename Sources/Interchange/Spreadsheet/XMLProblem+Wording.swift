import Domain
import Spreadsheet

extension XMLProblem {
    /// The explanation in `language`.
    public func message(in language: Language) -> String {
        switch self {
        case .unterminatedTag: language.pick("标签没有结束（缺少 >）", "a tag is not terminated (missing >)")
        case .unterminatedComment: language.pick("注释没有结束（缺少 -->）", "a comment is not terminated (missing -->)")
        case .unterminatedCDATA: language.pick("CDATA 段没有结束（缺少 ]]>）", "a CDATA section is not terminated (missing ]]>)")
        case .unterminatedProcessingInstruction:
            language.pick("处理指令没有结束（缺少 ?>）", "a processing instruction is not terminated (missing ?>)")
        case let .mismatchedEndTag(expected, found):
            language.pick("结束标签 </\(found)> 与开始标签 <\(expected)> 不匹配", "end tag </\(found)> does not match <\(expected)>")
        case let .unexpectedEndTag(name):
            language.pick("多余的结束标签 </\(name)>", "end tag </\(name)> closes nothing")
        case let .unclosedElement(name):
            language.pick("元素 <\(name)> 没有结束（文件被截断？）", "element <\(name)> is never closed (truncated file?)")
        case let .badReference(text):
            language.pick("无效的实体或字符引用 \(text)", "invalid entity or character reference \(text)")
        case .badAttribute: language.pick("属性格式错误", "malformed attribute")
        case .badName: language.pick("标签缺少名称", "a tag has no name")
        case .textOutsideRoot: language.pick("根元素之外有文本", "text outside the root element")
        case .noRootElement: language.pick("没有根元素（内容为空？）", "no root element (empty part?)")
        case .multipleRoots: language.pick("有多个根元素", "more than one root element")
        case .doctype: language.pick("不允许 DOCTYPE 声明", "DOCTYPE declarations are not allowed")
        case .tooDeep: language.pick("元素嵌套过深", "elements are nested too deeply")
        case .invalidUTF8: language.pick("不是有效的 UTF-8 文本", "not valid UTF-8")
        case .utf16: language.pick("不支持 UTF-16 编码", "UTF-16 is not supported")
        }
    }
}
