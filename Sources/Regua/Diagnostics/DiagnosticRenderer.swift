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
  ///
  /// Everything that comes from the input — the path, the source line, the words a message or a
  /// note quotes — is escaped with ``SafeText``, so a control character or a bidirectional
  /// override in a rule file reaches the terminal as a visible escape. A source line longer than
  /// ``maximumSourceWidth`` characters is cut to a window around the range, with `…`.
  public func render(_ diagnostic: Diagnostic, in file: SourceFile) -> String {
    let start = diagnostic.range.start
    let severity = paint(diagnostic.severity.rawValue, diagnostic.severity == .error ? "31" : "33")
    let path = SafeText.escaped(file.path)
    // A warning names its code: the word to write in `# regua: ignore CODE`.
    let code = diagnostic.severity == .warning ? " [\(SafeText.escaped(diagnostic.code))]" : ""
    var output =
      "\(path):\(start.line):\(start.column): \(severity): \(paint(SafeText.escaped(diagnostic.message), "1"))\(code)\n"
    let gutterWidth = String(start.line).count + 1
    let blankGutter = String(repeating: " ", count: gutterWidth) + " |"
    let end = diagnostic.range.end
    let excerpt = SourceLineExcerpt(
      file.line(start.line), column: start.column, width: end.line == start.line ? end.column - start.column : nil)
    output +=
      "\(String(repeating: " ", count: gutterWidth - String(start.line).count))\(start.line) | \(excerpt.text)\n"
    let marker = "^" + String(repeating: "~", count: excerpt.caretWidth - 1)
    output += "\(blankGutter) \(String(repeating: " ", count: excerpt.caretOffset))\(paint(marker, "32"))\n"
    for note in diagnostic.notes {
      output += "\(String(repeating: " ", count: gutterWidth)) = note: \(SafeText.escaped(note))\n"
    }
    if let help = diagnostic.help {
      output += "\(String(repeating: " ", count: gutterWidth)) = help: \(SafeText.escaped(help))\n"
    }
    return output
  }

  /// The widest source line a diagnostic echoes whole, in characters; longer ones are cut to a
  /// window around the range.
  public static var maximumSourceWidth: Int { SourceLineExcerpt.maximumWidth }

  private func paint(_ text: String, _ code: String) -> String {
    colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
