import Domain

/// The sign-in page (登录): the form posting to `/login` with the name, the password, the
/// form's double-submit token (`csrf`) and the local path to go to afterwards (`next`), and
/// the refusal of the last attempt, if any.
struct LoginPage {
    let language: Language
    /// The token the form carries, the value of the sign-in cookie.
    let csrf: String
    /// Where to go after signing in (a local path).
    let next: String
    /// The name typed last time, shown back.
    var name = ""
    /// Why the last attempt was refused.
    var error: String?

    /// The page's title.
    var heading: String { language.pick("登录", "Sign in") }

    /// The page's content.
    var html: String {
        let l = language
        var page = PageContent()
        page.heading(heading)
        if let error { page.error(error) }
        page.form(action: "/login", csrf: csrf) { form in
            form.hidden("next", next)
            form.input("text", name: "name", label: l.pick("用户名", "User name"),
                       attributes: ["value": name, "autocomplete": "username", "required": "", "autofocus": ""])
            form.input("password", name: "password", label: l.pick("密码", "Password"),
                       attributes: ["autocomplete": "current-password", "required": ""])
            form.buttons([(heading, nil, nil)])
        }
        return page.text
    }
}
