import Regua
import Testing

/// Following a warning's help to the letter, for the tests that check a help leads to a line
/// that lints clean.
enum HelpFollower {
  /// The file with the warning's help applied as written: the first quoted text after `write`
  /// replaces the text the warning points at, and `add `X` at the end of the line` appends X.
  static func applyingHelp(of warning: Diagnostic, to text: String) throws -> String {
    let help = try #require(warning.help)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let index = warning.range.start.line - 1
    if let add = help.firstMatch(of: /add `([^`]+)` at the end of the line/) {
      lines[index] += " " + add.output.1
    } else {
      let replacement = try #require(help.firstMatch(of: /write `([^`]+)`/)).output.1
      #expect(warning.range.end.line == warning.range.start.line)
      let line = Array(lines[index])
      let (start, end) = (warning.range.start.column - 1, warning.range.end.column - 1)
      lines[index] = String(line[..<start]) + replacement + String(line[end...])
    }
    return lines.joined(separator: "\n")
  }

  /// Follows the helps of `text`'s warnings one at a time, each on the file the previous one
  /// left, expecting at least one warning at the start, only `codes` on the way, and none at the
  /// end.
  static func expectCleanAfterHelps(
    _ text: String, codes: Set<String>, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    var text = text
    #expect(!LintTests.warnings(text).isEmpty, "the line is warned about to begin with", sourceLocation: sourceLocation)
    for _ in 0..<4 {
      guard let warning = LintTests.warnings(text).first else { return }
      #expect(codes.contains(warning.code), "\(warning.code): \(warning.message)", sourceLocation: sourceLocation)
      text = try applyingHelp(of: warning, to: text)
    }
    #expect(LintTests.warnings(text).isEmpty, "\(text)", sourceLocation: sourceLocation)
  }
}
