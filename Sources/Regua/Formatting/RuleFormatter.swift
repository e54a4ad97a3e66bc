/// Prints a rule file in its one canonical layout.
///
/// - Declarations are separated by one blank line; a body's lines are indented by two spaces, a
///   timeline's entries by four; runs of blank lines become one, and none starts or ends a body.
/// - Steps keep their order (declaration order breaks ties between steps on one day). Their
///   offsets are normalised (`D+014` → `D+14`) and padded to the cadence's widest; the options of
///   a paragraph's steps (`when`, `unless`, `as`, in that order) start in one column, and so do
///   the trailing comments of a paragraph's lines. A step too long to align keeps one space.
/// - A rate table's periods are padded to its widest, and its rates follow two spaces after.
/// - Values are bare when they can be and quoted when they must be; names are always quoted.
/// - Every comment is kept, on the line it was on or before the line it preceded.
///
/// The formatter works on the syntax tree of a file without errors; `format(_:)` on a source refuses a file
/// with errors (formatting a guess could change what it means) and returns its diagnostics.
public enum RuleFormatter {
  /// Options steps align to when their prefix (indent, offset, action and arguments) is no wider.
  static let alignmentLimit = 40
  /// Trailing comments align to when the code before them is no wider.
  static let commentAlignmentLimit = 64

  /// The canonical text of a rule file, or why it cannot be formatted.
  ///
  /// The result is checked before it is returned: it must compile, without errors, to the same
  /// cadences, tests, calendars and rate tables, and keep every comment. Should it not, the formatter has a bug
  /// and the file is left alone (``FormattingError/changesMeaning``).
  ///
  /// - Parameters:
  ///   - source: The file.
  ///   - others: The other files of its rules directory, whose calendars and rate tables its
  ///     cadences may name and its calendars extend; they are compiled with it, never formatted.
  public static func format(_ source: SourceFile, alongside others: [SourceFile] = []) -> Result<
    String, FormattingError
  > {
    let before = RuleCompiler.compile([source] + others)[0]
    let errors = before.diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else { return .failure(.errors(errors)) }
    let syntax = RuleCompiler.parse(source).syntax
    let text = format(syntax)
    let formatted = SourceFile(path: source.path, text: text)
    if let long = formatted.lines.firstIndex(where: { $0.utf8.count > Bounds.lineBytes }) {
      return .failure(.lineTooLong(line: long + 1))
    }
    let after = RuleCompiler.compile([formatted] + others)[0]
    guard after.isValid, after.cadences == before.cadences, after.calendars == before.calendars,
      after.rateTables == before.rateTables,
      after.tests.map(\.withoutPositions) == before.tests.map(\.withoutPositions),
      comments(RuleCompiler.parse(formatted).syntax) == comments(syntax)
    else { return .failure(.changesMeaning) }
    return .success(text)
  }

  /// Every comment's text, in file order.
  static func comments(_ syntax: RuleFileSyntax) -> [String] {
    var texts: [String] = []
    func add(_ trivia: Trivia) { texts += trivia.comments.map(\.text) }
    for declaration in syntax.declarations {
      switch declaration {
      case .cadence(let cadence):
        add(cadence.trivia)
        cadence.items.forEach { add($0.trivia) }
      case .test(let test):
        add(test.trivia)
        for item in test.items {
          add(item.trivia)
          if case .timeline(_, _, let entries, _) = item.kind { entries.forEach { add($0.trivia) } }
        }
      case .calendar(let calendar):
        add(calendar.trivia)
        calendar.items.forEach { add($0.trivia) }
      case .rates(let table):
        add(table.trivia)
        table.items.forEach { add($0.trivia) }
      case .pack(let pack):
        add(pack.trivia)
        pack.items.forEach { add($0.trivia) }
      case .error(_, let trivia):
        add(trivia)
      }
    }
    texts += syntax.endTrivia.compactMap { if case .comment(let comment) = $0 { comment.text } else { nil } }
    return texts.map(\.droppingTrailingBlanks)
  }

  /// The canonical text of a syntax tree (of a file without errors).
  public static func format(_ syntax: RuleFileSyntax) -> String {
    var printer = LinePrinter()
    for (index, declaration) in syntax.declarations.enumerated() {
      switch declaration {
      case .cadence(let cadence):
        printer.declaration(cadence.trivia, isFirst: index == 0)
        printer.line(header(cadence), comment: cadence.trivia.trailing, indent: 0)
        printer.body(cadence.items.map { ($0.trivia, CadenceLine($0.kind)) }, offsetWidth: offsetWidth(cadence))
      case .test(let test):
        printer.declaration(test.trivia, isFirst: index == 0)
        printer.line(
          test.brokenHeader ?? "test \(SyntaxPrinter.quoted(test.name))", comment: test.trivia.trailing, indent: 0)
        printer.testBody(test.items)
      case .calendar(let calendar):
        printer.declaration(calendar.trivia, isFirst: index == 0)
        printer.line(CalendarLine.printedHeader(calendar), comment: calendar.trivia.trailing, indent: 0)
        printer.calendarBody(calendar.items)
      case .rates(let table):
        printer.declaration(table.trivia, isFirst: index == 0)
        printer.line(RateTableLine.printedHeader(table), comment: table.trivia.trailing, indent: 0)
        printer.rateTableBody(table)
      case .pack(let pack):
        printer.declaration(pack.trivia, isFirst: index == 0)
        printer.line(
          pack.brokenHeader ?? "pack \(SyntaxPrinter.quoted(pack.name))", comment: pack.trivia.trailing, indent: 0)
        printer.body(pack.items.map { ($0.trivia, CadenceLine($0.kind)) }, offsetWidth: 0)
      case .error(let line, let trivia):
        printer.declaration(trivia, isFirst: index == 0)
        printer.line(line.text, comment: nil, indent: line.indent)
      }
    }
    printer.end(syntax.endTrivia, afterDeclarations: !syntax.declarations.isEmpty)
    return printer.text
  }

  private static func header(_ cadence: CadenceSyntax) -> String {
    if let broken = cadence.brokenHeader { return broken }
    return "cadence \(SyntaxPrinter.quoted(cadence.name))" + (cadence.version.map { " version \($0)" } ?? "")
  }

  /// The widest canonical offset of a cadence's steps.
  private static func offsetWidth(_ cadence: CadenceSyntax) -> Int {
    cadence.items.reduce(0) { width, item in
      guard case .step(let step) = item.kind else { return width }
      return max(width, SyntaxPrinter.offset(step.offset).count)
    }
  }
}

/// Why a file could not be formatted.
public enum FormattingError: Error, Sendable, Hashable {
  /// The file has errors (sorted by position): formatting a guess could change what it means.
  case errors([Diagnostic])
  /// A formatted line would be longer than a line may be (``Bounds/lineBytes``): padding or
  /// indentation added to a line already near the bound. The number is the formatted line's.
  case lineTooLong(line: Int)
  /// The formatted text would not compile to the same cadences and tests: a bug in the
  /// formatter, caught before the file was touched.
  case changesMeaning
}

extension PolicyTest {
  /// The test without what layout changes: positions, and dates and entries as written
  /// (entries are compared with white space folded, dates by what they resolve to).
  fileprivate var withoutPositions: PolicyTest {
    var test = self
    let origin = SourcePosition(line: 0, column: 0)
    test.position = origin
    test.checks = checks.map { check in
      switch check.expectation {
      case .on(_, let day, let plan):
        return PolicyCheck(position: origin, expectation: .on("", day, plan))
      case .timeline(let from, let to, _, let lines, _):
        return PolicyCheck(
          position: origin,
          expectation: .timeline(
            from: from, to: to, label: "", lines: lines.map(\.foldingWhitespace), entryPositions: []))
      }
    }
    return test
  }
}
