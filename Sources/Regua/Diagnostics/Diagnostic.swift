/// A problem found in a rule file: a value, rendered separately by ``DiagnosticRenderer``.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
  /// How serious the problem is.
  public enum Severity: String, Sendable, Hashable, Comparable {
    /// The file cannot be used.
    case error
    /// The file works but probably not as intended.
    case warning

    /// Errors sort before warnings.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
  }

  /// How serious it is.
  public var severity: Severity
  /// A stable code for tools (`unknown-action`, `type-mismatch`…): a ``DiagnosticCode``'s
  /// ``DiagnosticCode/rawValue``.
  public var code: String
  /// One lower-case phrase; user input in backticks.
  public var message: String
  /// Where it is.
  public var range: SourceRange
  /// The fix, when there is one ("did you mean `balance`?").
  public var help: String?
  /// Further context ("the first `d+1-email` is here").
  public var notes: [String]

  /// Creates a diagnostic.
  public init(
    _ severity: Severity = .error, code: DiagnosticCode, message: String, range: SourceRange, help: String? = nil,
    notes: [String] = []
  ) {
    self.severity = severity
    self.code = code.rawValue
    self.message = message
    self.range = range
    self.help = help
    self.notes = notes
  }

  /// Creates an error.
  public static func error(_ code: DiagnosticCode, _ message: String, at range: SourceRange, help: String? = nil)
    -> Diagnostic
  {
    Diagnostic(.error, code: code, message: message, range: range, help: help)
  }

  /// `line:column: error: message` (a warning adds `[code]`), the message escaped with
  /// ``SafeText``.
  public var description: String {
    let code = severity == .warning ? " [\(SafeText.escaped(code))]" : ""
    return "\(range.start): \(severity.rawValue): \(SafeText.escaped(message))\(code)"
  }
}

extension Array where Element == Diagnostic {
  /// Whether any diagnostic is an error.
  public var containsErrors: Bool { contains { $0.severity == .error } }

  /// Sorted by position, then severity, keeping the order of equal ones.
  func sortedByPosition() -> [Diagnostic] {
    enumerated().sorted { a, b in
      if a.element.range.start != b.element.range.start { return a.element.range.start < b.element.range.start }
      return a.offset < b.offset
    }.map(\.element)
  }
}
