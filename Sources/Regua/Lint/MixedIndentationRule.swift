/// Tabs and spaces mixed in the indentation of one line, or of the lines of one block (a
/// `cadence` or `test` and the lines under it). Regua counts a tab as one column of indentation,
/// however wide an editor shows it: a line that looks indented under `timeline` may not be (and
/// is read as a test line), and one that looks level with it may be deeper (and is read as a
/// timeline entry).
///
/// Blank lines and comment lines are not looked at; a line at column 0 starts a new block.
enum MixedIndentationRule: LintRule {
  static let code = DiagnosticCode.mixedIndentation
  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    // The character that indents the block's first indented line, and that line's number.
    var blockIndent: (byte: UInt8, line: Int)?
    var blockWarned = false
    for (index, line) in file.source.lines.enumerated() {
      let number = index + 1
      let indentation = line.utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
      let rest = line.utf8.dropFirst(indentation.count)
      guard let first = rest.first, first != UInt8(ascii: "#") else { continue }
      guard let lead = indentation.first else {
        blockIndent = nil
        blockWarned = false
        continue
      }
      let range = SourceRange(
        start: SourcePosition(line: number, column: 1), end: SourcePosition(line: number, column: indentation.count + 1)
      )
      if indentation.contains(lead == UInt8(ascii: " ") ? UInt8(ascii: "\t") : UInt8(ascii: " ")) {
        warnings.append(
          warning(
            "the indentation mixes tabs and spaces: it is \(indentation.count) columns, a tab counting as one",
            at: range, help: "indent with spaces only"))
        continue
      }
      guard let block = blockIndent else {
        blockIndent = (lead, number)
        continue
      }
      if block.byte != lead, !blockWarned {
        blockWarned = true
        warnings.append(
          warning(
            "this line is indented with \(name(lead)), line \(block.line) of its block with \(name(block.byte))",
            at: range, help: "indent the block with spaces only: a tab counts as one column, however wide it shows"))
      }
    }
    return warnings
  }

  private static func name(_ byte: UInt8) -> String { byte == UInt8(ascii: "\t") ? "tabs" : "spaces" }
}
