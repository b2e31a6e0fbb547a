import ArgumentParser

/// `junheng`: the county compulsory-education balance system (义务教育均衡发展).
@main
struct Junheng: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "junheng",
        abstract: "均衡 Junheng — 县域义务教育均衡发展督导评估 (county compulsory-education balance evaluation).",
        subcommands: [Evaluate.self, Report.self, Plan.self, Forecast.self, Children.self, Template.self, Demo.self, Import.self, User.self, Serve.self, Backup.self, Restore.self])
}
