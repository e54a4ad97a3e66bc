/// The tool's overview help, made from the command registry (``ReguaTool/commands``).
enum Help {
  static var overview: String {
    let lines =
      ReguaTool.commands.flatMap { $0.spec.overview } + [
        ("--help", "show help (also after a command)"), ("--version", "show the version"),
      ]
    let width = lines.map(\.synopsis.count).max() ?? 0
    func row(_ line: (synopsis: String, summary: String)) -> String {
      "  " + line.synopsis + String(repeating: " ", count: width - line.synopsis.count + 2) + line.summary
    }
    let commandRows = lines.dropLast(2).map(row).joined(separator: "\n")
    let optionRows = lines.suffix(2).map(row).joined(separator: "\n")
    return """
      regua — rule-driven dunning: check, preview and plan collection cadences

      USAGE: regua <command> [options]

      COMMANDS:
      \(commandRows)

      OPTIONS:
      \(optionRows)

      Exit codes: 0 success, 1 a problem in the rules or the input, 2 a usage error.
      """
  }
}
