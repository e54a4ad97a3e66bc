/// The limits of ``Bounds`` that the parser enforces, and their messages: names no longer than
/// ``Bounds/nameBytes``, cadences of at most ``Bounds/stepsPerCadence`` steps and
/// ``Bounds/limitsPerCadence`` limits and ``Bounds/windowsPerCadence`` windows, files of at most ``Bounds/testsPerFile`` tests and
/// ``Bounds/testLinesPerFile`` test lines.
///
/// Each count is reported once, at the first line past it; the lines after it are dropped without
/// more errors, so a file of a million steps gets one diagnostic, not a million.
extension Parser {
  /// Throws when `token`'s value, a name of the kind `what` (`the time zone`), is longer than
  /// ``Bounds/nameBytes``.
  static func checkName(_ token: Token, _ what: String) throws(LineError) {
    guard let excess = Bounds.checkName(token.value, what) else { return }
    throw LineError(diagnostic: .error(excess.code, excess.message, at: token.range, help: excess.help))
  }

  /// What the parser has counted so far: steps and limits of the open cadence, tests and test
  /// lines of the file.
  struct BodyCounts {
    private var steps = 0
    private var limits = 0
    private var windows = 0
    private var tests = 0
    private var testLines = 0

    /// Starts counting the steps and limits of the next cadence.
    mutating func closeCadence() {
      steps = 0
      limits = 0
      windows = 0
    }

    /// Whether to keep a cadence's item, read from `line`: `false` for steps and limits past
    /// their limit.
    ///
    /// - Throws: for the first step, or the first limit, past the limit.
    /// What a cadence's line counts as: the kind alone, so that counting copies no syntax.
    enum Counted {
      case step, limit, window, other

      init(_ item: borrowing CadenceItemSyntax.Kind) {
        switch item {
        case .step: self = .step
        case .limit: self = .limit
        case .window: self = .window
        default: self = .other
        }
      }
    }

    mutating func count(_ item: Counted, on line: TokenLine) throws(LineError) -> Bool {
      switch item {
      case .step:
        steps += 1
        return try Self.admit(steps, Bounds.stepsPerCadence, Bounds.tooManySteps, at: line.range)
      case .limit:
        limits += 1
        return try Self.admit(limits, Bounds.limitsPerCadence, Bounds.tooManyLimits, at: line.range)
      case .window:
        windows += 1
        return try Self.admit(windows, Bounds.windowsPerCadence, Bounds.tooManyWindows, at: line.range)
      case .other:
        return true
      }
    }

    /// Whether to read a `test` header: `false` for the tests past the limit.
    ///
    /// - Throws: for the first test past the limit.
    mutating func countTest(_ line: TokenLine) throws(LineError) -> Bool {
      tests += 1
      let excess = Bounds.Excess(
        code: .tooManyTests, message: "the file has more than \(Bounds.testsPerFile) tests",
        help: "split the tests into several files, e.g. `rules_test.regua` beside `rules.regua`")
      return try Self.admit(tests, Bounds.testsPerFile, excess, at: line.range)
    }

    /// Whether to keep a test line that brings `count` more lines (a timeline brings its
    /// entries): `false` for the lines past the limit.
    ///
    /// - Throws: for the first line past the limit.
    mutating func countTestLines(_ count: Int, at line: TokenLine) throws(LineError) -> Bool {
      guard count > 0 else { return true }
      let before = testLines
      testLines += count
      guard testLines > Bounds.testLinesPerFile else { return true }
      guard before <= Bounds.testLinesPerFile else { return false }
      let excess = Bounds.Excess(
        code: .tooManyTestLines, message: "the tests of the file have more than \(Bounds.testLinesPerFile) lines",
        help: "split the tests into several files, e.g. `rules_test.regua` beside `rules.regua`")
      throw LineError(diagnostic: .error(excess.code, excess.message, at: line.range, help: excess.help))
    }

    /// `true` up to `limit`; throws once, for the first one past it; `false` after that.
    private static func admit(_ count: Int, _ limit: Int, _ excess: Bounds.Excess, at range: SourceRange)
      throws(LineError) -> Bool
    {
      if count <= limit { return true }
      if count > limit + 1 { return false }
      throw LineError(diagnostic: .error(excess.code, excess.message, at: range, help: excess.help))
    }
  }
}
