/// Runs every lint rule over a rule file and applies the file's `# regua: ignore CODE` comments.
///
/// Warnings never make a file invalid, and never keep a cadence from compiling: the linter runs
/// after the compiler, on what it produced. `regua check` runs it; `check --strict` counts its
/// warnings as errors.
public enum Linter {
  /// A rule's code and what it finds.
  public struct RuleDescription: Sendable, Hashable {
    /// The stable code (`thousands-separator`).
    public var code: String
    /// One sentence saying what the rule finds.
    public var summary: String
  }

  /// The rules, in the order their warnings are documented.
  static let registry: [any LintRule.Type] = [
    ThousandsSeparatorRule.self, ImpossibleComparisonRule.self, AfterWriteOffRule.self, NeverSentRule.self,
    SameDayContactRule.self, UnnamedActionRule.self, OutOfOrderRule.self, TimelineCommentRule.self,
    InvisibleCharacterRule.self, LookAlikeCharacterRule.self, MixedIndentationRule.self, RedundantHolidayRule.self,
    AnyDayNonContactRule.self, AnyDayWithoutCalendarRule.self, ShiftedSameDayRule.self, DiscountAfterDueRule.self,
    DiscountEndsBeforeStartRule.self, UncappedFeeRule.self, FeeAboveConsumerCapRule.self,
  ]

  /// Every warning's code and summary: the lint rules', then the warnings the lexer gives and
  /// the one for an ignore comment that names no code. Any of them can be silenced.
  public static var rules: [RuleDescription] {
    registry.map { RuleDescription(code: $0.code.rawValue, summary: $0.code.summary) } + otherWarnings
  }

  /// The warnings that are not lint rules.
  static let otherWarnings = [
    RuleDescription(
      code: DiagnosticCode.bidirectionalControl.rawValue,
      summary: "A bidirectional control character in a comment (in code or a string it is an error)."),
    RuleDescription(
      code: unknownCode.rawValue, summary: unknownCode.summary),
  ]

  /// The code of the warning for an ignore comment that names no rule.
  static let unknownCode = DiagnosticCode.unknownLintCode

  /// `diagnostics` without the warnings that the file's ignore comments silence.
  static func withoutIgnored(_ diagnostics: [Diagnostic], ignored: [Int: Set<String>]) -> [Diagnostic] {
    guard !ignored.isEmpty else { return diagnostics }
    return diagnostics.filter { diagnostic in
      diagnostic.severity == .error || !(ignored[diagnostic.range.start.line]?.contains(diagnostic.code) ?? false)
    }
  }

  /// The lint rules' warnings for a file's text, its syntax and its compiled cadences (`nil` for
  /// a declaration that did not compile), before ignore comments are applied
  /// (``withoutIgnored(_:ignored:)``).
  ///
  /// Only cadences that compiled are linted by the rules that read cadences: in one with errors,
  /// warnings would mostly repeat them. The rules that read text (strings, indentation) read it
  /// all.
  static func lint(
    _ syntax: RuleFileSyntax, source: SourceFile, cadences: [Cadence?], calendars: [String: BusinessCalendar] = [:]
  ) -> [Diagnostic] {
    let entries = zip(syntax.cadences, cadences).compactMap { syntax, cadence in
      cadence.map { LintInput.CadenceEntry(syntax: syntax, cadence: $0) }
    }
    var input = LintInput(source: source, file: syntax, cadences: entries)
    input.calendars = calendars
    return registry.flatMap { $0.lint(input) }
  }

  /// The codes each line's comments silence: `# regua: ignore CODE[, CODE]` at the end of the
  /// line, or on the lines of comments just before it; and a warning for each code that names no
  /// rule, and for an ignore comment that names no code (it would silence nothing).
  static func ignoreComments(_ syntax: RuleFileSyntax) -> ([Int: Set<String>], [Diagnostic]) {
    var ignored: [Int: Set<String>] = [:]
    var warnings: [Diagnostic] = []
    let known = rules.map(\.code)
    /// The codes an ignore comment names, or `nil` when it is none. The codes end at `--` or at
    /// a word starting with `#`: what follows is the reason, for people
    /// (`# regua: ignore unnamed-action -- agreed with legal`).
    func codes(_ comment: CommentSyntax) -> [String]? {
      let text = comment.text.drop { $0 == " " || $0 == "\t" }
      guard text.hasPrefix("regua: ignore") else { return nil }
      let rest = text.dropFirst("regua: ignore".count)
      if let next = rest.first, next != " ", next != "\t", next != "," { return nil }
      let words = rest.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
      return words.prefix { $0 != "--" && !$0.hasPrefix("#") }.map(String.init)
    }
    func read(_ trivia: Trivia, line: Int) {
      // The comments that apply to the line: those since the last blank line, and its own.
      var comments: [CommentSyntax] = []
      for piece in trivia.leading {
        switch piece {
        case .blankLine: comments = []
        case .comment(let comment): comments.append(comment)
        }
      }
      comments += trivia.trailing.map { [$0] } ?? []
      for comment in comments {
        for code in codes(comment) ?? [] { ignored[line, default: []].insert(code) }
      }
      // Every ignore comment is checked, whether it applies to a line or not.
      for comment in trivia.comments {
        guard let codes = codes(comment) else { continue }
        if codes.isEmpty {
          warnings.append(
            Diagnostic(
              .warning, code: unknownCode, message: "`# regua: ignore` names no lint code, so it silences nothing",
              range: comment.range, help: "name the codes to silence: `# regua: ignore CODE[, CODE]`"))
        }
        for code in codes where !known.contains(code) {
          let guess = Suggestions.closest(to: code, among: known)
          warnings.append(
            Diagnostic(
              .warning, code: unknownCode, message: "`\(SafeText.excerpt(code))` is not a lint code",
              range: comment.range,
              help: guess.map { "did you mean `\($0)`?" } ?? "the codes are listed in Documentation/Lint.md"))
        }
      }
    }
    for declaration in syntax.declarations {
      switch declaration {
      case .cadence(let cadence):
        read(cadence.trivia, line: cadence.range.start.line)
        for item in cadence.items { read(item.trivia, line: item.range.start.line) }
      case .test(let test):
        read(test.trivia, line: test.range.start.line)
        for item in test.items {
          read(item.trivia, line: item.range.start.line)
          guard case .timeline(_, _, let entries, _) = item.kind else { continue }
          for entry in entries { read(entry.trivia, line: entry.position.line) }
        }
      case .calendar(let calendar):
        read(calendar.trivia, line: calendar.range.start.line)
        for item in calendar.items { read(item.trivia, line: item.range.start.line) }
      case .rates(let table):
        read(table.trivia, line: table.range.start.line)
        for item in table.items { read(item.trivia, line: item.range.start.line) }
      case .pack(let pack):
        read(pack.trivia, line: pack.range.start.line)
        for item in pack.items { read(item.trivia, line: item.range.start.line) }
      case .error(let line, let trivia):
        read(trivia, line: line.range.start.line)
      }
    }
    // Comments after the last line apply to none, but are checked.
    read(Trivia(leading: syntax.endTrivia), line: 0)
    return (ignored, warnings)
  }
}
