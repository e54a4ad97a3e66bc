/// A rule file after checking: its cadences and every diagnostic, sorted by position.
public struct RuleFile: Sendable, Hashable {
  /// The text the file was read from.
  public var source: SourceFile
  /// The cadences that compiled without errors, in file order: a cadence free of errors is here
  /// even when another part of the file has some (and the file is not ``isValid``).
  public var cadences: [Cadence]
  /// The `test` blocks that compiled without errors, in file order.
  public var tests: [PolicyTest]
  /// The calendars the file declares that compiled without errors, by name: what an
  /// ``Environment`` needs for the cadences that name them (``Environment/init(ruleFiles:calendars:rateTables:)``).
  public var calendars: [String: BusinessCalendar] = [:]
  /// The rate tables the file declares that compiled without errors, by name: what an
  /// ``Environment`` needs for the cadences that charge interest from them
  /// (``Environment/init(ruleFiles:calendars:rateTables:)``).
  public var rateTables: [String: RateTable] = [:]
  /// The names of the packs the file declares (`pack "NAME"`), which cadences of its rules
  /// directory may include, in file order.
  public var packs: [String] = []
  /// Every problem found, sorted by position.
  public var diagnostics: [Diagnostic]

  /// Whether the file has no errors.
  public var isValid: Bool { !diagnostics.containsErrors }
}

/// Turns rule-file text into validated cadences: lex → parse → check.
public enum RuleCompiler {
  /// Lexes, parses and checks a rule file. Never throws and never traps: every problem is a
  /// diagnostic, and a cadence with errors is left out of ``RuleFile/cadences``.
  ///
  /// - Parameters:
  ///   - source: The file's text and the name diagnostics show.
  ///   - lint: Whether to run the ``Linter`` too, adding its warnings (what `regua check` does).
  ///     Warnings never drop a cadence nor make the file invalid.
  ///   - calendars: The names of the host's calendars (those of the ``Environment`` the file's
  ///     cadences will be evaluated in), which a `calendar` line may name besides the built-in
  ///     ones; any other name is an `unknown-calendar` error.
  ///   - rateTables: The names of the host's rate tables, which `interest "NAME"` may name besides
  ///     those the file declares.
  public static func compile(
    _ source: SourceFile, lint: Bool = false, calendars: Set<String> = [], rateTables: Set<String> = []
  ) -> RuleFile {
    compile([source], lint: lint, calendars: calendars, rateTables: rateTables)[0]
  }

  /// Lexes, parses and checks the rule files of one rules directory together: a cadence may name
  /// a calendar or a rate table that any of them declares, and a calendar may extend one.
  ///
  /// Each file is checked as ``compile(_:lint:calendars:rateTables:)`` checks one, except that
  /// its calendar and rate table names are resolved across all of them: a name declared in two
  /// files is an error in the later one. Never throws and never traps.
  ///
  /// - Parameters:
  ///   - sources: The files, in the order their diagnostics should come (a directory's files
  ///     sorted by path); the first declaration of a name wins.
  ///   - lint: Whether to add the ``Linter``'s warnings.
  ///   - calendars: The names of the host's calendars, which a cadence may name besides the
  ///     built-in and declared ones.
  ///   - rateTables: The names of the host's rate tables, which a cadence may name besides the
  ///     declared ones.
  /// - Returns: One compiled file for each source, in the same order.
  public static func compile(
    _ sources: [SourceFile], lint: Bool = false, calendars: Set<String> = [], rateTables: Set<String> = []
  ) -> [RuleFile] {
    var parsed = sources.map(ParsedFile.init)
    var scopes = parsed.map { FileScope($0.syntax) }
    let calendarScope = CalendarScope(zip(sources, scopes).map { ($0.path, $1.calendars) })
    let rateScope = RateScope(zip(sources, scopes).map { ($0.path, $1.rateTables) })
    let packScope = PackScope(zip(sources, parsed).map { ($0.path, $1.syntax.packs) })
    let knownRateTables = rateTables.union(rateScope.declaredNames)
    for index in scopes.indices { scopes[index].rateTableNames = knownRateTables }
    let known = calendars.union(calendarScope.declaredNames)
    let declared = calendarScope.calendarsByFile.reduce(into: [String: BusinessCalendar]()) { all, file in
      all.merge(file) { first, _ in first }
    }
    let tables = rateScope.tablesByFile.reduce(into: [String: RateTable]()) { all, file in
      all.merge(file) { first, _ in first }
    }
    return parsed.indices.map { index in
      // A directory's files keep their tokens only until each is checked.
      defer { parsed[index].tokens = [] }
      var file = check(
        parsed[index], scope: scopes[index],
        scopeDiagnostics: calendarScope.diagnosticsByFile[index] + rateScope.diagnosticsByFile[index]
          + packScope.diagnosticsByFile[index], lint: lint,
        calendars: known, declared: declared, tables: tables, packs: packScope)
      file.calendars = calendarScope.calendarsByFile[index]
      file.rateTables = rateScope.tablesByFile[index]
      file.packs = parsed[index].syntax.packs.filter { $0.brokenHeader == nil }.map(\.name)
      return file
    }
  }

  /// A file lexed and parsed.
  private struct ParsedFile {
    var source: SourceFile
    var syntax: RuleFileSyntax
    /// The lexer's and the parser's diagnostics.
    var diagnostics: [Diagnostic]
    /// The file's tokens, kept until the file is checked. Freed between parsing and checking,
    /// they made glibc give the top of the heap back and fault it in again for the checker's
    /// first allocations: 12–16% of a compile (`regua-bench`'s parse rows), no instruction more.
    var tokens: [TokenLine]

    init(_ source: SourceFile) {
      self.source = source
      var lexer = Lexer()
      tokens = lexer.tokenize(source)
      var parser = Parser(quietLines: lexer.failedLines)
      syntax = parser.parse(tokens)
      let lexical = lexer.diagnostics.filter { !parser.literalLines.contains($0.range.start.line) }
      diagnostics = lexical + parser.diagnostics
    }
  }

  /// Checks a parsed file: its cadences, against the calendars `calendars` names besides the
  /// built-in ones and the rate tables `scope` names (``FileScope/rateTableNames``), and its
  /// tests; lints it when asked.
  ///
  /// - Parameter scopeDiagnostics: The problems the directory's calendars and rate tables have
  ///   in this file.
  private static func check(
    _ parsed: ParsedFile, scope: FileScope, scopeDiagnostics: [Diagnostic], lint: Bool, calendars: Set<String>,
    declared: [String: BusinessCalendar], tables: [String: RateTable], packs: PackScope
  ) -> RuleFile {
    let (source, syntax) = (parsed.source, parsed.syntax)
    var checker = CadenceChecker()
    checker.diagnostics = scope.diagnostics + scopeDiagnostics
    checker.knownCalendars = calendars
    checker.knownRateTables = scope.rateTableNames
    checker.declaredRateTables = tables
    checker.packs = packs
    // Each declaration's cadence, when it compiled, and the lines it spans.
    var compiled: [(cadence: Cadence, lines: ClosedRange<Int>)?] = []
    for (declaration, isCompiled) in zip(syntax.cadences, scope.isCompiled) {
      compiled.append(nil)
      guard isCompiled else { continue }
      if let cadence = checker.check(declaration) {
        let last = declaration.items.last?.range.end.line ?? declaration.range.start.line
        compiled[compiled.count - 1] = (cadence, declaration.range.start.line...max(last, declaration.range.start.line))
      }
    }
    var testCompiler = PolicyTestCompiler(path: source.path)
    let tests = syntax.tests.compactMap { testCompiler.compile($0) }
    var diagnostics = parsed.diagnostics + checker.diagnostics + testCompiler.diagnostics
    // A cadence is kept when no error falls on its lines, whichever stage found it.
    let errorLines = Set(diagnostics.lazy.filter { $0.severity == .error }.map(\.range.start.line))
    let valid = compiled.map { entry in
      entry.flatMap { entry in entry.lines.contains { errorLines.contains($0) } ? nil : entry.cadence }
    }
    if lint || diagnostics.contains(where: { $0.severity == .warning }) {
      // Warnings of any stage (the lexer's too) are silenced by `# regua: ignore CODE`; the
      // comments are read once.
      let (ignored, unknownCodes) = Linter.ignoreComments(syntax)
      if lint {
        diagnostics += unknownCodes + Linter.lint(syntax, source: source, cadences: valid, calendars: declared)
      }
      diagnostics = Linter.withoutIgnored(diagnostics, ignored: ignored)
    }
    return RuleFile(
      source: source, cadences: valid.compactMap { $0 }, tests: tests, diagnostics: diagnostics.sortedByPosition())
  }

  /// Parses the syntax tree of a rule file without checking names and types.
  public static func parse(_ source: SourceFile) -> (syntax: RuleFileSyntax, diagnostics: [Diagnostic]) {
    var lexer = Lexer()
    let lines = lexer.tokenize(source)
    var parser = Parser(quietLines: lexer.failedLines)
    let syntax = parser.parse(lines)
    let lexical = lexer.diagnostics.filter { !parser.literalLines.contains($0.range.start.line) }
    return (syntax, (lexical + parser.diagnostics).sortedByPosition())
  }
}
