import Domain
import Foundation
import Hummingbird
import NIOCore
import Storage

/// Maps every failure to HTTP once. API paths (`/api/…`) answer
/// `{"error": {"code", "message", "details"}}`; pages answer a page, except that an
/// anonymous visitor is sent to the sign-in page with the way back.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: WebServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as WebError {
            return try respond(error, request: request, context: context)
        } catch let error as StoreError {
            let l = context.language
            let mapped: WebError = if let locked = error.lockedCountyYear {
                .locked(l.pick("\(locked.countyCode) \(locked.year) 年度数据已锁定，不能修改。",
                               "\(locked.countyCode) \(locked.year) is locked; changes are refused."))
            } else if let schools = error.unreviewedSchools {
                .conflict(l.pick("本年度还有 \(schools) 所学校的填报未审核通过：请先审核，或说明理由后锁定。",
                                 "\(schools) schools' rows are still under review: review them first, or give a reason to lock."))
            } else if error.isNotFound {
                .notFound
            } else if error.isDuplicate {
                .conflict(error.description)
            } else {
                WebError(.badRequest, error.description)
            }
            if !error.isLocked && !error.isNotFound && !error.isDuplicate && error.unreviewedSchools == nil {
                context.logger.error("store error: \(error)")
            }
            return try respond(mapped, request: request, context: context)
        } catch let error as HTTPError where error.status == .notFound {
            return try respond(.notFound, request: request, context: context)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return try respond(.uploadTooLarge(context.language), request: request, context: context)
        } catch is NIOTooManyBytesError {
            // What `collectBody(upTo:)` throws past its limit; Hummingbird alone would answer a bare 413.
            return try respond(.uploadTooLarge(context.language), request: request, context: context)
        } catch {
            guard let mapped = WebError.mapping(error, language: context.language) else { throw error }
            return try respond(mapped, request: request, context: context)
        }
    }

    private struct Body: Encodable {
        struct Detail: Encodable { var code: String; var message: String; var details: [String] }
        var error: Detail
    }

    func respond(_ error: WebError, request: Request, context: Context) throws -> Response {
        var response = try answer(error, request: request, context: context)
        if let seconds = error.retryAfter { response.headers[.retryAfter] = String(seconds) }
        return response
    }

    private func answer(_ error: WebError, request: Request, context: Context) throws -> Response {
        let l = context.language
        let message = error.message ?? Self.defaultMessage(error.kind, language: l)
        if request.uri.path.hasPrefix("/api/") {
            return try APIResponse.json(
                Body(error: .init(code: error.code, message: message, details: error.details)),
                status: error.status, context: context
            )
        }
        if error.kind == .unauthenticated {
            let next = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            let target = "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")
            return .redirect(to: target, type: .found)
        }
        let frame = PageFrame(message, context: context, path: request.uri.path)
        let page = ErrorPage(error: error, message: message, language: l, viewer: context.viewer)
        return services.pages.page(page.html, frame: frame, status: error.status)
    }

    static func defaultMessage(_ kind: WebError.Kind, language l: Language) -> String {
        switch kind {
        case .unauthenticated: l.pick("请先登录", "sign in first")
        case .forbidden: l.pick("您的账号无权访问此内容", "your account may not do this")
        case .notFound: l.pick("找不到该页面或数据", "not found")
        case .badRequest: l.pick("请求有误", "bad request")
        case .conflict: l.pick("与现有数据冲突", "conflicts with existing data")
        case .tooManyAttempts: l.pick("尝试次数过多", "too many attempts")
        case .locked: l.pick("该年度数据已锁定", "the year is locked")
        case .invalidData: l.pick("数据有误", "invalid data")
        case .csrf: l.pick("表单已过期或来源不明，请刷新页面后重试", "the form's security token is missing or stale; reload the page and try again")
        case .busy: l.pick("服务器正忙，请稍后重试", "the server is busy; try again shortly")
        }
    }
}

/// The error page: the status and what went wrong, every detail (a form's problems), and the
/// way back to the viewer's start page.
struct ErrorPage {
    let error: WebError
    /// The sentence: the error's own, or its kind's default.
    let message: String
    let language: Language
    let viewer: Viewer?

    /// The page's content.
    var html: String {
        let l = language
        var page = PageContent()
        page.heading("\(error.status.code) · " + l.pick("无法完成", "Cannot do this"))
        page.error(message, items: error.details)
        page.link(l.pick("返回首页", "Back to start"), to: viewer.map { Navigation.home(for: $0.account) } ?? "/login")
        return page.text
    }
}
