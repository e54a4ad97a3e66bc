/// The text of one rule file and its name, as diagnostics show it.
public struct SourceFile: Sendable, Hashable {
  /// The path or name shown in diagnostics (`Rules/b2b.regua`).
  public let path: String
  /// The whole text.
  public let text: String
  /// The text's lines, without their line terminators.
  public let lines: [Substring]

  /// Creates a source file from its text.
  ///
  /// Lines end at `\n` or `\r\n`. The text is split in one pass over its UTF-8 bytes: a line feed
  /// is always a character of its own (or the end of `\r\n`), so this splits exactly where
  /// splitting the characters would, without the cost of finding character boundaries.
  public init(path: String, text: String) {
    self.path = path
    self.text = text
    var lines: [Substring] = []
    let utf8 = text.utf8
    var lineStart = utf8.startIndex
    var index = utf8.startIndex
    var previous: UInt8 = 0
    while index != utf8.endIndex {
      let byte = utf8[index]
      if byte == UInt8(ascii: "\n") {
        let lineEnd = previous == UInt8(ascii: "\r") ? utf8.index(before: index) : index
        lines.append(text[lineStart..<lineEnd])
        lineStart = utf8.index(after: index)
      }
      previous = byte
      utf8.formIndex(after: &index)
    }
    lines.append(text[lineStart..<utf8.endIndex])
    self.lines = lines
  }

  /// The column of `position` in UTF-16 code units, starting at 1, as editors (and the Language
  /// Server Protocol, less one) count them.
  public func utf16Column(of position: SourcePosition) -> Int {
    let line = self.line(position.line)
    let utf8 = text.utf8
    if let offset = position.offset, offset >= 0, offset <= utf8.count {
      let lineStart = utf8.distance(from: utf8.startIndex, to: line.startIndex)
      let index = utf8.index(line.startIndex, offsetBy: min(max(offset - lineStart, 0), line.utf8.count))
      return line.utf16.distance(from: line.startIndex, to: index) + 1
    }
    return line.prefix(max(position.column - 1, 0)).utf16.count + 1
  }

  /// The line with a 1-based number, or an empty line when out of range.
  public func line(_ number: Int) -> Substring {
    lines.indices.contains(number - 1) ? lines[number - 1] : ""
  }
}
