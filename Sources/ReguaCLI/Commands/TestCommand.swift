import Foundation
import Regua

/// `regua test PATH...`: runs the `test` blocks of rule files.
enum TestCommand: Command {
  static let spec = CommandSpec(
    name: "test", usageLine: "USAGE: regua test PATH... [--verbose]", flags: ["verbose"], minimumPositionals: 1,
    help: """
      regua test — run the `test` blocks of rule files

      USAGE: regua test PATH... [--verbose]

      PATH is a rule file or a directory searched for `*.regua` files. Tests may live beside
      their cadence or in `X_test.regua` files, which test the cadence of `X.regua`.

      Each failing expectation is printed as `file:line:column:` and the difference; the last
      line is `N passed, N failed`. `--verbose` also lists the tests that pass.

      Exit codes: 0 when every test passes, 1 when any fails or a file has errors, 2 on a usage
      error.
      """,
    overview: [("test PATH...", "run the `test` blocks of rule files")])

  static func run(_ arguments: inout Arguments, terminal: inout Terminal) throws -> ExitCode {
    var found = try RuleLoading.foundRuleFiles(arguments.positionals)
    // A test file tests its sibling: load it even when only the test file was named.
    for (path, _) in found {
      if let tested = PolicyTestSuite.testedPath(for: path), !found.contains(where: { $0.path == tested }),
        FileManager.default.fileExists(atPath: tested)
      {
        found.append((tested, nil))
      }
    }
    let renderer = DiagnosticRenderer(colored: terminal.colorsErrors)
    var files: [RuleFile] = []
    // The calendars and rate tables of every file's rules directory: the environment the tests
    // run in.
    var scopeFiles: [RuleFile] = []
    var broken = 0
    for loaded in try RuleScope.compile(found) {
      let file = loaded.file
      if !file.diagnostics.isEmpty { terminal.error(renderer.render(file.diagnostics, in: file.source)) }
      if !file.isValid { broken += 1 }
      files.append(file)
      scopeFiles += loaded.scope
    }
    let environment = Environment(ruleFiles: scopeFiles)
    let results = PolicyTestSuite.run(
      files, calendars: environment.calendars, rateTables: environment.rateTables.values.sorted { $0.name < $1.name })
    var output: [String] = []
    // Test names and paths come from the files: escaped. A failure's message escapes what it
    // quotes; its lines are escaped again here, which changes nothing but makes sure.
    for result in results {
      let test = result.test
      let (name, path) = (SafeText.escaped(test.name), SafeText.escaped(test.path))
      if result.passed {
        if arguments.flag("verbose") { output.append("PASS \(name) (\(path):\(test.position.line))") }
        continue
      }
      output.append("FAIL \(name) (\(path):\(test.position.line))")
      for failure in result.failures {
        let lines = failure.message.split(separator: "\n", omittingEmptySubsequences: false).map {
          SafeText.escaped(String($0))
        }
        output.append("  \(path):\(failure.position): \(lines.first ?? "")")
        output += lines.dropFirst().map { "    " + $0 }
      }
    }
    let passed = results.filter(\.passed).count
    let failed = results.count - passed
    if broken > 0 {
      output.append("\(broken) file\(broken == 1 ? "" : "s") with errors: their tests did not run")
    }
    output.append("\(passed) passed, \(failed) failed")
    terminal.print(output.joined(separator: "\n"))
    return failed == 0 && broken == 0 ? .success : .failure
  }
}
