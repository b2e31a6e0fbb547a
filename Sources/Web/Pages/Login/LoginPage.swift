import Domain

/// The sign-in form's view model.
struct LoginPage {
    var heading, nameLabel, passwordLabel, submitLabel: String
    var csrf: String
    var next: String
    var name: String
    var error: String?

    init(language l: Language, csrf: String, next: String, name: String = "", error: String? = nil) {
        heading = l.pick("登录", "Sign in")
        nameLabel = l.pick("用户名", "User name")
        passwordLabel = l.pick("密码", "Password")
        submitLabel = l.pick("登录", "Sign in")
        self.csrf = csrf
        self.next = next
        self.name = name
        self.error = error
    }
}
