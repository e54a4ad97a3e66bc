import Regua

/// `regua check PATH...`: reports every problem in rule files.
enum CheckCommand: Command {
  static let spec = CommandSpec(
    name: "check", usageLine: "USAGE: regua check PATH...", minimumPositionals: 1,
    help: """
      regua check — check rule files for errors

      USAGE: regua check PATH...

      PATH is a rule file or a directory searched for `*.regua` files. Problems are printed on
      standard error as `file:line:column: error: …` with the source line and a caret; every
      problem of every file is reported in one run.

      Exit codes: 0 when every file is valid, 1 when any has an error, 2 on a usage error.
      """,
    overview: [("check PATH...", "check rule files (or directories of them)")])

  static func run(_ arguments: inout Arguments, terminal: inout Terminal) throws -> ExitCode {
    let renderer = DiagnosticRenderer(colored: terminal.colorsErrors)
    var errorCount = 0
    var cadenceCount = 0
    var testCount = 0
    let files = try RuleLoading.ruleFiles(arguments.positionals)
    for path in files {
      let file = try RuleLoading.compile(path)
      if !file.diagnostics.isEmpty { terminal.error(renderer.render(file.diagnostics, in: file.source)) }
      errorCount += file.diagnostics.filter { $0.severity == .error }.count
      cadenceCount += file.cadences.count
      testCount += file.tests.count
    }
    let fileWord = files.count == 1 ? "file" : "files"
    if errorCount > 0 {
      terminal.error("\(errorCount) error\(errorCount == 1 ? "" : "s") in \(files.count) \(fileWord)")
      return .failure
    }
    let cadences = "\(cadenceCount) cadence\(cadenceCount == 1 ? "" : "s")"
    let tests = "\(testCount) test\(testCount == 1 ? "" : "s")"
    terminal.print("\(files.count) \(fileWord), \(cadences), \(tests): no problems")
    return .success
  }
}
