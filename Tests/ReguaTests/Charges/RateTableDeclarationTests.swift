import Testing

@testable import Regua

/// `rates "NAME" per month|year` declarations: parsed losslessly, printed canonically, resolved
/// across the files of a rules directory, and made into rate tables.
@Suite("Rate table declarations in rule files")
struct RateTableDeclarationTests {
  static let tables = """
    # Brazil's taxa legal (Lei 14.905/2024), published monthly by the BCB (SGS 29543)
    rates "taxa-legal" per month
      2026-01  0.594127%
      2026-02  0.5%  # provisional

    # the ECB's main refinancing rate, in force on 1 January and 1 July
    rates "ecb-refi" per year
      2025-H1  3.15%
      2025-H2  2.15%

      # unchanged all year
      2026     2.15%

    """

  static let cadence = """
    cadence "b2b"
      D0  email due-today
      D+1 sms overdue

    """

  static func compile(_ texts: String...) -> [RuleFile] {
    RuleCompiler.compile(texts.enumerated().map { SourceFile(path: "f\($0.offset).regua", text: $0.element) })
  }

  static func rate(_ text: String) -> Rate { (try? Rate(parsing: text)) ?? .zero }

  @Test("a declaration keeps its comments and blank lines, and the formatter prints it unchanged")
  func roundTrip() throws {
    let (syntax, diagnostics) = RuleCompiler.parse(SourceFile(path: "r.regua", text: Self.tables))
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    #expect(syntax.rateTables.map(\.name) == ["taxa-legal", "ecb-refi"])
    let legal = try #require(syntax.rateTables.first)
    #expect(legal.period == .month)
    #expect(legal.items.count == 2)
    guard case .rate(let line) = legal.items[0].kind else {
      Issue.record("not a rate line: \(legal.items[0])")
      return
    }
    #expect(line.key == .month(year: 2026, month: 1))
    #expect(line.rate == "0.594127%")
    #expect(RuleFormatter.comments(syntax).count == 4)
    #expect(RuleFormatter.format(syntax) == Self.tables)
    #expect(try RuleFormatter.format(SourceFile(path: "r.regua", text: Self.tables)).get() == Self.tables)
  }

  @Test("the formatter quotes the name, indents by two and puts two spaces before the rate, and is idempotent")
  func canonicalLayout() throws {
    let messy = "rates   taxa-legal   per  month\n    2026-01     0.5%   # a comment\n 2026-02 0.6%\n"
    let formatted = try RuleFormatter.format(SourceFile(path: "r.regua", text: messy)).get()
    #expect(formatted == "rates \"taxa-legal\" per month\n  2026-01  0.5%  # a comment\n  2026-02  0.6%\n")
    #expect(try RuleFormatter.format(SourceFile(path: "r.regua", text: formatted)).get() == formatted)
    // A table's rates start in one column, after its widest period.
    let years = "rates \"ecb-refi\" per year\n 2025-H2 2.15%\n  2026 2.15%\n\n  2027 2%  # forecast\n"
    let aligned = try RuleFormatter.format(SourceFile(path: "r.regua", text: years)).get()
    #expect(aligned == "rates \"ecb-refi\" per year\n  2025-H2  2.15%\n  2026     2.15%\n\n  2027     2%  # forecast\n")
    #expect(try RuleFormatter.format(SourceFile(path: "r.regua", text: aligned)).get() == aligned)
  }

  @Test("the declarations compile to rate tables of months, half-years and years")
  func compiled() throws {
    let file = try #require(Self.compile(Self.tables).first)
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    #expect(file.rateTables.keys.sorted() == ["ecb-refi", "taxa-legal"])
    let legal = try #require(file.rateTables["taxa-legal"])
    #expect(legal.period == .month)
    #expect(legal.entries.map(\.label) == ["2026-01", "2026-02"])
    #expect(legal.entries.map(\.rate) == [Self.rate("0.594127%"), Self.rate("0.5%")])
    let ecb = try #require(file.rateTables["ecb-refi"])
    #expect(ecb.period == .year)
    #expect(ecb.entries.map(\.label) == ["2025-H1", "2025-H2", "2026"])
    #expect(ecb.entries.map(\.months) == [6, 6, 12])
  }

  @Test("lines out of date order make a table in date order")
  func sorted() throws {
    let file = Self.compile("rates \"x\" per year\n  2027  1%\n  2025-H2  2%\n  2026-03  3%\n")[0]
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    #expect(file.rateTables["x"]?.entries.map(\.label) == ["2025-H2", "2026-03", "2027"])
  }

  @Test("every file of a rules directory sees the tables any of them declares")
  func acrossFiles() throws {
    let files = Self.compile(Self.cadence, Self.tables)
    #expect(files.allSatisfy { $0.diagnostics.isEmpty }, "\(files.map(\.diagnostics))")
    #expect(files[0].rateTables.isEmpty)
    #expect(files[1].rateTables.count == 2)
  }

  @Test("the names visible to a directory's cadences are every declared one, broken or not")
  func declaredNames() throws {
    let broken = "rates \"draft\" per month\n  2026-01  0,5%\n"
    let scopes = [Self.cadence, Self.tables, broken].map {
      FileScope(RuleCompiler.parse(SourceFile(path: "f", text: $0)).syntax)
    }
    #expect(scopes[0].rateTables.isEmpty)
    #expect(scopes[1].rateTables.map(\.name) == ["taxa-legal", "ecb-refi"])
    let resolved = RateScope(scopes.enumerated().map { ("f\($0.offset).regua", $0.element.rateTables) })
    #expect(resolved.declaredNames == ["taxa-legal", "ecb-refi", "draft"])
    #expect(resolved.tablesByFile.map { $0.keys.sorted() } == [[], ["ecb-refi", "taxa-legal"], []])
  }

  @Test("`Environment(ruleFiles:)` carries the declared tables, and a host table replaces one of the same name")
  func environment() throws {
    let files = Self.compile(Self.cadence, Self.tables)
    let environment = Environment(ruleFiles: files)
    #expect(environment.rateTables.keys.sorted() == ["ecb-refi", "taxa-legal"])
    #expect(environment.rateTables["taxa-legal"] == files[1].rateTables["taxa-legal"])
    let host = try RateTable(
      name: "taxa-legal", per: .month,
      entries: [.init(month: try CivilDate(parsing: "2026-01-01"), months: 1, rate: Self.rate("1%"))])
    let replaced = Environment(ruleFiles: files, rateTables: [host])
    #expect(replaced.rateTables["taxa-legal"] == host)
    #expect(replaced.rateTables["ecb-refi"] == files[1].rateTables["ecb-refi"])
    // The first file declaring a name wins, as for calendars (the later one is an error).
    let twice = Self.compile(Self.tables, "rates \"taxa-legal\" per year\n  2026  9%\n")
    #expect(Environment(ruleFiles: twice).rateTables["taxa-legal"]?.period == .month)
  }

  @Test(
    "a header's mistakes are located errors with help",
    arguments: [
      (
        "rates \"x\" per day\n  2026-01  1%\n", "daily-rate-table", "a rate table cannot be `per day`",
        "rates change by month, half-year or year: write `rates \"x\" per month` or `rates \"x\" per year`"
      ),
      (
        "rates \"x\"\n  2026-01  1%\n", "expected-keyword", "a rate table declaration needs `per month` or `per year`",
        "write `rates \"x\" per month` or `rates \"x\" per year`"
      ),
      (
        "rates \"x\" per\n  2026-01  1%\n", "expected-keyword", "expected `month` or `year` after `per`",
        "write `rates \"x\" per month` or `rates \"x\" per year`"
      ),
      (
        "rates \"x\" per week\n", "expected-keyword", "expected `month` or `year` after `per`, not `week`",
        "write `rates \"x\" per month` or `rates \"x\" per year`"
      ),
      (
        "rates \"x\" per months\n  2026-01  1%\n", "expected-keyword", "expected `month`, not `months`",
        "write `rates \"x\" per month`"
      ),
      (
        "rates \"x\" monthly\n", "expected-keyword", "expected `per`, not `monthly`",
        "write `rates \"x\" per month` or `rates \"x\" per year`"
      ),
      (
        "rates taxa legal per month\n  2026-01  1%\n", "unquoted-name", "a name of several words must be quoted",
        "write `rates \"taxa legal\" per month`"
      ),
      ("rates\n", "missing-name", "`rates` needs a name", "write `rates \"taxa-legal\" per month`"),
      (
        "rates \"\" per month\n", "missing-name", "the rates's name is empty", "give it a name such as `\"taxa-legal\"`"
      ),
      (
        "rates \"x\" per month extra\n", "unexpected-token", "unexpected `extra` after the rate table's header",
        "remove it"
      ),
      (
        "rates \"x\" per month\n", "empty-rate-table", "the rate table `x` has no lines",
        "add a line for each period, indented under the header: `2026-01  0.5%`"
      ),
      (
        "rates \"x\" per month\n  2026-01  1%\nrates \"x\" per year\n  2026  1%\n", "duplicate-rate-table",
        "a rate table named `x` is already declared", "rename one of them, or merge their lines into one"
      ),
    ])
  func headerMistakes(text: String, code: String, message: String, help: String) throws {
    try Self.expectOne(text, code: code, message: message, help: help)
  }

  @Test(
    "a line's mistakes are located errors with help",
    arguments: [
      (
        "2026-13  1%", "bad-rate-period", "`2026-13` has no month 13", "write the month from 01 to 12: `2026-01`"
      ),
      ("2026-1  1%", "bad-rate-period", "`2026-1` is not `YYYY-MM`", "write the month with two digits: `2026-01`"),
      (
        "2026-03-01  1%", "bad-rate-period",
        "`2026-03-01` is a day; a rate table's line covers a month, a half-year or a year", "write the month: `2026-03`"
      ),
      ("2026-h1  1%", "bad-rate-period", "`2026-h1` is not a half-year", "write `2026-H1`"),
      ("2026-S2  1%", "bad-rate-period", "`2026-S2` is not a half-year", "write `2026-H2`"),
      (
        "2026-Q1  1%", "bad-rate-period", "`2026-Q1` is not a period of a rate table",
        "write a month `2026-01`, a half-year `2026-H1` or `2026-H2`, or a year `2026`"
      ),
      (
        "jan-2026  1%", "bad-rate-period", "`jan-2026` is not a period of a rate table",
        "write a month `2026-01`, a half-year `2026-H1` or `2026-H2`, or a year `2026`"
      ),
      (
        "1850-01  1%", "bad-rate-period", "`1850-01` is outside the years a rate table covers",
        "write a year from 1900 to 2200"
      ),
      ("2026-01", "bad-table-rate", "`2026-01` has no rate", "write the rate after the period: `2026-01  0.5%`"),
      ("2026-01  0.5", "bad-table-rate", "`0.5` has no `%` sign", "write `2026-01  0.5%`"),
      ("2026-01  0,5%", "decimal-comma", "`0,5%` is not a number", "write decimals with a point: `0.5%`"),
      (
        "2026-01  0.5 %", "bad-table-rate", "the rate's `%` sign is apart from its number",
        "write the sign right after the number: `0.5%`"
      ),
      ("2026-01  -0.5%", "bad-rate", "`-0.5%` is negative", "a rate is `0%` or more"),
      (
        "2026-01  0.1234567%", "bad-rate", "`0.1234567%` has more than 6 decimals",
        "write the rate as published, with at most 6 decimals, e.g. `0.594127%`"
      ),
      (
        "2026-01  2000%", "bad-rate", "`2000%` is more than `1000%`",
        "a rate is at most `1000%`: is the point in its place?"
      ),
      (
        "2026-01  abc", "bad-table-rate", "`abc` is not a rate",
        "write a percentage: digits, optionally a point and at most 6 decimals, then `%`, e.g. `0.5%`"
      ),
      (
        "2026-01  \"0.5%\"", "bad-table-rate", "expected a rate such as `0.5%`, not `\"0.5%\"`",
        "write the rate bare, with its `%` sign: `2026-01  0.5%`"
      ),
      ("2026-01  0.5% monthly", "unexpected-token", "unexpected `monthly` after the rate", "remove it"),
    ])
  func lineMistakes(line: String, code: String, message: String, help: String) throws {
    try Self.expectOne("rates \"x\" per month\n  \(line)\n", code: code, message: message, help: help)
  }

  @Test(
    "a period written twice or overlapping another is an error with a note pointing at the first",
    arguments: [
      ("2026-01  1%", "2026-01  2%", "`2026-01` is already in the table", "keep one line for the period"),
      (
        "2026  1%", "2026-03  2%", "`2026-03` overlaps `2026`",
        "write each month once: a year covers its half-years and months, a half-year its months"
      ),
      (
        "2026-08  1%", "2026-H2  2%", "`2026-H2` overlaps `2026-08`",
        "write each month once: a year covers its half-years and months, a half-year its months"
      ),
      (
        "2026-H1  1%", "2026  2%", "`2026` overlaps `2026-H1`",
        "write each month once: a year covers its half-years and months, a half-year its months"
      ),
    ])
  func repeated(first: String, second: String, message: String, help: String) throws {
    let text = "rates \"x\" per year\n  \(first)\n  2030  1%\n  \(second)\n"
    let diagnostic = try Self.expectOne(text, code: "repeated-rate-period", message: message, help: help)
    #expect(diagnostic.range.start.line == 4)
    #expect(diagnostic.notes == ["the first is on line 2"])
  }

  @Test("a name declared in two files is an error in the later one, with a note naming the first")
  func duplicateAcrossFiles() {
    let files = Self.compile(Self.tables, Self.cadence, Self.tables)
    #expect(files[0].diagnostics.isEmpty)
    #expect(files[2].diagnostics.map(\.code) == ["duplicate-rate-table", "duplicate-rate-table"])
    #expect(files[2].diagnostics.first?.notes == ["the first is in f0.regua, line 2"])
    #expect(files[2].rateTables.isEmpty)
    // The later declaration's lines are still checked.
    let later = Self.compile(Self.tables, "rates \"ecb-refi\" per year\n  2026  2,5%\n  2027  2\n  2028  -1%\n")[1]
    #expect(later.diagnostics.map(\.code) == ["duplicate-rate-table", "decimal-comma", "bad-table-rate", "bad-rate"])
  }

  @Test("a table with a broken line is not built, and the rest of the file still is")
  func brokenLine() throws {
    let file = Self.compile("rates \"x\" per month\n  2026-01  1%\n  2026-02  1,5%\n" + Self.cadence)[0]
    #expect(file.diagnostics.map(\.code) == ["decimal-comma"])
    #expect(file.rateTables.isEmpty)
    #expect(file.cadences.map(\.name) == ["b2b"])
  }

  @Test("a broken header's lines are still read and reported, and a cadence after the table still compiles")
  func brokenHeader() throws {
    let text = "rates \"x\" per day\n  2026-13  1%\n  2026-02  1%\n\n" + Self.cadence
    let file = Self.compile(text)[0]
    #expect(file.diagnostics.map(\.code) == ["daily-rate-table", "bad-rate-period"])
    #expect(file.cadences.map(\.name) == ["b2b"])
    let (syntax, _) = RuleCompiler.parse(SourceFile(path: "r.regua", text: text))
    #expect(syntax.rateTables.first?.brokenHeader == "rates \"x\" per day")
    #expect(syntax.rateTables.first?.items.count == 2)
  }

  @Test("a table's line written at column 0 is reported and read as part of the table")
  func unindented() throws {
    let file = Self.compile("rates \"x\" per month\n  2026-01  1%\n2026-02  1%\n")[0]
    #expect(file.diagnostics.map(\.code) == ["unindented-line"])
    let (syntax, _) = RuleCompiler.parse(SourceFile(path: "r.regua", text: "rates \"x\" per month\n2026-02  1%\n"))
    #expect(syntax.rateTables.first?.items.count == 1)
  }

  @Test("a table of more than `Bounds.rateLinesPerTable` lines is reported once, at the first line past it")
  func tooManyLines() throws {
    // More lines than 1900–2200 has months, so periods repeat: the table's lines are not checked
    // one by one once it is past the bound.
    let text = "rates \"x\" per month\n" + String(repeating: "  2026-01  1%\n", count: Bounds.rateLinesPerTable + 5)
    let diagnostics = Self.compile(text)[0].diagnostics
    #expect(diagnostics.map(\.code) == ["too-many-rate-lines"])
    #expect(diagnostics.first?.range.start.line == Bounds.rateLinesPerTable + 2)
    #expect(diagnostics.first?.message == "the rate table has more than 10000 lines")
  }

  @Test("`rates` is offered for a misspelt declaration keyword")
  func suggestion() throws {
    let file = Self.compile("rate \"x\" per month\n  2026-01  1%\n")[0]
    #expect(file.diagnostics.first?.code == "unknown-declaration")
    #expect(file.diagnostics.first?.help == "did you mean `rates`?")
  }

  /// Compiles `text` and expects its diagnostics to be of `code`, the first with `message` and
  /// `help`; returns it.
  @discardableResult
  static func expectOne(
    _ text: String, code: String, message: String, help: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Diagnostic {
    let diagnostics = Self.compile(text)[0].diagnostics
    let first = try #require(diagnostics.first, sourceLocation: sourceLocation)
    #expect(diagnostics.allSatisfy { $0.code == code }, "\(diagnostics)", sourceLocation: sourceLocation)
    #expect(first.message == message, sourceLocation: sourceLocation)
    #expect(first.help == help, sourceLocation: sourceLocation)
    return first
  }
}
