import Regua

/// `regua check PATH... [--strict] [--error-format human|json]`: reports every problem in rule
/// files, errors and lint warnings.
enum CheckCommand: Command {
  static let spec = CommandSpec(
    name: "check", usageLine: "USAGE: regua check PATH... [--strict] [--error-format human|json]",
    options: ["error-format"], flags: ["strict"], minimumPositionals: 1,
    help: """
      regua check — check rule files for errors and likely mistakes

      USAGE: regua check PATH... [--strict] [--error-format human|json]

      PATH is a rule file or a directory searched for `*.regua` files. Problems are printed on
      standard error as `file:line:column: error: …` with the source line and a caret; every
      problem of every file is reported in one run. Warnings (`warning: … [code]`) are likely
      mistakes that do not stop a file from working; each code is explained in
      Documentation/Lint.md, and a `# regua: ignore CODE` comment on the line (or just above
      it) silences it there.

      OPTIONS:
        --strict                   count warnings as errors
        --error-format human|json  `json`: one JSON object per problem and line, on standard
                                   error, for editors and CI (see Documentation/CLI.md)

      Exit codes: 0 when every file is valid, 1 when any has an error (or, with --strict, a
      warning), 2 on a usage error.
      """,
    overview: [("check PATH... [--strict]", "check rule files (or directories of them)")])

  static func run(_ arguments: inout Arguments, terminal: inout Terminal) throws -> ExitCode {
    let format = arguments.value("error-format") ?? "human"
    guard format == "human" || format == "json" else {
      throw UsageError(message: "`--error-format` is `human` or `json`, not `\(SafeText.excerpt(format))`")
    }
    let strict = arguments.flag("strict")
    let renderer = DiagnosticRenderer(colored: terminal.colorsErrors)
    var counts = (errors: 0, warnings: 0, filesWithErrors: 0, cadences: 0, tests: 0)
    let found = try RuleLoading.foundRuleFiles(arguments.positionals)
    let files = found.map(\.path)
    // Each file with the files of its rules directory, whose calendars it may name.
    let compiled = try RuleScope.compile(found, lint: true).map(\.file)
    // What `regua test` would reject in the tests: cadences not found, names not in them.
    let testProblems = PolicyTestSuite.diagnostics(compiled)
    for (file, problems) in zip(compiled, testProblems) {
      let found =
        problems.isEmpty ? file.diagnostics : (file.diagnostics + problems).sorted { $0.range.start < $1.range.start }
      let diagnostics = strict ? found.map(strictly) : found
      if !diagnostics.isEmpty {
        if format == "json" {
          terminal.error(diagnostics.map { $0.json(in: file.source).serialized }.joined(separator: "\n"))
        } else {
          terminal.error(humanReport(diagnostics, in: file.source, renderer: renderer))
        }
      }
      let errors = diagnostics.filter { $0.severity == .error }.count
      counts.errors += errors
      counts.warnings += diagnostics.count - errors
      counts.filesWithErrors += errors > 0 ? 1 : 0
      counts.cadences += file.cadences.count
      counts.tests += file.tests.count
    }
    guard format == "human" else { return counts.errors > 0 ? .failure : .success }
    let checked = plural(files.count, "file")
    let warnings = counts.warnings > 0 ? " and \(plural(counts.warnings, "warning"))" : ""
    if counts.errors > 0 {
      let scope =
        counts.filesWithErrors == files.count ? "in \(checked)" : "in \(counts.filesWithErrors) of \(checked)"
      terminal.error("\(plural(counts.errors, "error"))\(warnings) \(scope)")
      return .failure
    }
    let summary = "\(checked), \(plural(counts.cadences, "cadence")), \(plural(counts.tests, "test"))"
    terminal.print(summary + (counts.warnings > 0 ? ": \(plural(counts.warnings, "warning"))" : ": no problems"))
    return .success
  }

  /// The most warnings of one code shown for a file; the summary counts them all.
  static let warningsShownPerCode = 20

  /// The file's diagnostics for people: every error, and up to ``warningsShownPerCode`` warnings
  /// of each code followed by how many more there are.
  private static func humanReport(_ diagnostics: [Diagnostic], in source: SourceFile, renderer: DiagnosticRenderer)
    -> String
  {
    var shown: [String: Int] = [:]
    var kept: [Diagnostic] = []
    for diagnostic in diagnostics {
      guard diagnostic.severity == .warning else {
        kept.append(diagnostic)
        continue
      }
      shown[diagnostic.code, default: 0] += 1
      if shown[diagnostic.code, default: 0] <= warningsShownPerCode { kept.append(diagnostic) }
    }
    var report = renderer.render(kept, in: source)
    for (code, count) in shown.sorted(by: { $0.key < $1.key }) where count > warningsShownPerCode {
      report +=
        "\(SafeText.escaped(source.path)): and \(count - warningsShownPerCode) more `\(SafeText.escaped(code))` "
        + "warnings (all of them with --error-format json)\n\n"
    }
    return report
  }

  /// A warning made an error by `--strict`, saying so.
  private static func strictly(_ diagnostic: Diagnostic) -> Diagnostic {
    guard diagnostic.severity == .warning else { return diagnostic }
    var error = diagnostic
    error.severity = .error
    error.notes.append(
      "`--strict` makes the warning `\(diagnostic.code)` an error; `# regua: ignore \(diagnostic.code)` silences it")
    return error
  }

  private static func plural(_ count: Int, _ word: String) -> String {
    "\(count) \(word)\(count == 1 ? "" : "s")"
  }
}
