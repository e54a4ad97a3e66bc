/// The text of one rule file and its name, as diagnostics show it.
public struct SourceFile: Sendable, Hashable {
  /// The path or name shown in diagnostics (`Rules/b2b.regua`).
  public let path: String
  /// The whole text.
  public let text: String
  /// The text's lines, without their line terminators.
  public let lines: [Substring]

  /// Creates a source file from its text.
  public init(path: String, text: String) {
    self.path = path
    self.text = text
    self.lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
  }

  /// The line with a 1-based number, or an empty line when out of range.
  public func line(_ number: Int) -> Substring {
    lines.indices.contains(number - 1) ? lines[number - 1] : ""
  }
}
