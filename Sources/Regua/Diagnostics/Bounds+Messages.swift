/// The messages of the limits in ``Bounds`` that more than one layer reports (the parser for rule
/// files, the compiler for cadences built in Swift): written once, here, so both say the same.
extension Bounds {
  /// A limit that a piece of input exceeds: a message naming the limit and the fix.
  struct Excess: Equatable {
    /// A stable code for tools.
    var code: DiagnosticCode
    /// One lower-case phrase that names the limit and quotes at most a short, escaped excerpt.
    var message: String
    /// How to stay within it.
    var help: String
  }

  /// How many characters of an over-long name a message quotes.
  static let quotedCharacters = 24

  /// Whether `text`, a name of the kind `what` (`the time zone`, `the step id`…), is too long.
  ///
  /// - Returns: `nil` when it is at most ``nameBytes`` bytes long.
  static func checkName(_ text: String, _ what: String) -> Excess? {
    guard text.utf8.count > nameBytes else { return nil }
    return Excess(
      code: .nameTooLong,
      message: "\(what) `\(SafeText.excerpt(text, limit: quotedCharacters))` is longer than \(nameBytes) bytes",
      help: "names, ids, tags, channels and time zones are at most \(nameBytes) bytes")
  }

  /// The problem of a cadence with more than ``stepsPerCadence`` steps.
  static let tooManySteps = Excess(
    code: .tooManySteps, message: "the cadence has more than \(stepsPerCadence) steps",
    help: "split it into several cadences")

  /// The problem of a cadence with more than ``limitsPerCadence`` `limit` lines.
  static let tooManyLimits = Excess(
    code: .tooManyLimits, message: "the cadence has more than \(limitsPerCadence) `limit` lines",
    help: "keep one limit per channel and window")

  /// The problem of a rate table with more than ``rateLinesPerTable`` lines.
  static let tooManyRateLines = Excess(
    code: .tooManyRateLines, message: "the rate table has more than \(rateLinesPerTable) lines",
    help: "write each period once: the months of 1900 to 2200, the years a table covers, are 3612 lines")

  /// The problem of a cadence with more than ``windowsPerCadence`` `window` lines.
  static let tooManyWindows = Excess(
    code: .tooManyWindows, message: "the cadence has more than \(windowsPerCadence) `window` lines",
    help: "write each channel's hours once; several days share a line, `days mon wed fri`")
}

extension Bounds {
  /// The problem of a whole number outside `range`, the bounds of its place (`catch up N days`,
  /// `version N`, a limit's count or days); `nil` when it is within them.
  static func checkNumber(_ value: Int, in range: ClosedRange<Int>) -> Excess? {
    guard !range.contains(value) else { return nil }
    return Excess(
      code: .outOfRange, message: "`\(value)` is out of range",
      help: "use a whole number from \(range.lowerBound) to \(range.upperBound)")
  }
}
