import Domain
import UseCases

extension WebError {
    /// The HTTP answer to a use case's refusal, or `nil` for any other error: the one place
    /// where the application layer's errors meet HTTP (the command maps the same errors to
    /// exit statuses).
    static func mapping(_ error: any Error, language l: Language) -> WebError? {
        switch error {
        case let error as CountyYearChoiceError: WebError(.notFound, error.message(in: l))
        case let error as ImportRefusal: WebError(.forbidden, error.message)
        case let error as ImportFileError: .invalidData(error.message(in: l), details: error.problems.map(\.description))
        case let error as RotationFileError: .invalidData(error.message(in: l), details: error.lines)
        case let error as ZoneFileError: .invalidData(error.message(in: l), details: error.lines)
        default: nil
        }
    }
}
