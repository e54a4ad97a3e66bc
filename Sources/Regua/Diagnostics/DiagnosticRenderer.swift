/// Renders diagnostics for people, as the Swift compiler does:
///
/// ```
/// Rules/b2b.regua:7:7: error: unknown action `emial`
///   7 |   D+1 emial overdue
///     |       ^~~~~
///     = help: did you mean `email`?
/// ```
public struct DiagnosticRenderer: Sendable {
  /// Whether to colour the output with ANSI escapes.
  public var colored: Bool

  /// Creates a renderer.
  public init(colored: Bool = false) {
    self.colored = colored
  }

  /// Renders every diagnostic of `file`, each followed by a blank line.
  public func render(_ diagnostics: [Diagnostic], in file: SourceFile) -> String {
    diagnostics.map { render($0, in: file) + "\n" }.joined()
  }

  /// Renders one diagnostic: the location line, the numbered source line, the caret, the help.
  public func render(_ diagnostic: Diagnostic, in file: SourceFile) -> String {
    let start = diagnostic.range.start
    let severity = paint(diagnostic.severity.rawValue, diagnostic.severity == .error ? "31" : "33")
    var output = "\(file.path):\(start.line):\(start.column): \(severity): \(paint(diagnostic.message, "1"))\n"
    let gutterWidth = String(start.line).count + 1
    let blankGutter = String(repeating: " ", count: gutterWidth) + " |"
    let sourceLine = file.line(start.line)
    output += "\(String(repeating: " ", count: gutterWidth - String(start.line).count))\(start.line) | \(sourceLine)\n"
    let width =
      diagnostic.range.end.line == start.line
      ? max(1, diagnostic.range.end.column - start.column) : max(1, sourceLine.count - start.column + 1)
    let marker = "^" + String(repeating: "~", count: width - 1)
    output += "\(blankGutter) \(String(repeating: " ", count: start.column - 1))\(paint(marker, "32"))\n"
    for note in diagnostic.notes {
      output += "\(String(repeating: " ", count: gutterWidth)) = note: \(note)\n"
    }
    if let help = diagnostic.help {
      output += "\(String(repeating: " ", count: gutterWidth)) = help: \(help)\n"
    }
    return output
  }

  private func paint(_ text: String, _ code: String) -> String {
    colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
