/// A statement the direct path cannot send: a programming error of the store, never the data's fault.
enum DirectStatementError: Error, CustomStringConvertible {
    case unsupportedBind(Any.Type)

    var description: String {
        switch self {
        case .unsupportedBind(let type): "a statement binds a \(type), which the direct path does not send"
        }
    }
}
