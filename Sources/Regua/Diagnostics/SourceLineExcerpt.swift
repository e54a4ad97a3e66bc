/// A source line as a diagnostic echoes it: escaped with ``SafeText``, tabs shown as four spaces,
/// and cut to a window of at most ``maximumWidth`` characters around the range when it is longer,
/// with `…` where text is left out; and where the caret goes under it.
///
/// ```
///  2 | …aaaaaaaaaaaaaaa emial aaaaaaaaaaaaaaaa…
///    |                  ^~~~~
/// ```
///
/// Only the characters up to the end of the window are read, so a very long line costs what its
/// column does, not its length.
struct SourceLineExcerpt: Sendable, Hashable {
  /// The widest excerpt, in characters shown.
  static let maximumWidth = 120

  /// The line as shown.
  var text: String
  /// How many characters of ``text`` come before the caret.
  var caretOffset: Int
  /// How many characters the caret and its tildes cover; at least 1.
  var caretWidth: Int

  /// The excerpt of `line` for a range that starts at the 1-based character `column` and covers
  /// `width` characters, or runs to the end of the line when `width` is `nil`.
  init(_ line: Substring, column: Int, width: Int?) {
    let target = max(column - 1, 0)
    // A short line is shown whole.
    var index = line.startIndex
    var shown = 0
    while index < line.endIndex, shown <= SourceLineExcerpt.maximumWidth {
      shown += SourceLineExcerpt.width(of: line[index])
      line.formIndex(after: &index)
    }
    if index == line.endIndex, shown <= SourceLineExcerpt.maximumWidth {
      self.init(line, from: line.startIndex, to: line.endIndex, caretAt: target, width: width)
      return
    }
    // A long one is cut: about a third of the window before the caret, the rest after.
    let budget = SourceLineExcerpt.maximumWidth - 2
    let caret = line.index(line.startIndex, offsetBy: target, limitedBy: line.endIndex) ?? line.endIndex
    var lower = caret
    var used = 0
    while lower > line.startIndex {
      let previous = line.index(before: lower)
      let characterWidth = SourceLineExcerpt.width(of: line[previous])
      guard used + characterWidth <= budget / 3 else { break }
      used += characterWidth
      lower = previous
    }
    var upper = caret
    while upper < line.endIndex {
      let characterWidth = SourceLineExcerpt.width(of: line[upper])
      guard used + characterWidth <= budget else { break }
      used += characterWidth
      line.formIndex(after: &upper)
    }
    while upper == line.endIndex, lower > line.startIndex {
      let previous = line.index(before: lower)
      let characterWidth = SourceLineExcerpt.width(of: line[previous])
      guard used + characterWidth <= budget else { break }
      used += characterWidth
      lower = previous
    }
    let skipped = line.distance(from: line.startIndex, to: lower)
    self.init(line, from: lower, to: upper, caretAt: target - skipped, width: width)
  }

  /// The excerpt of `line[lower..<upper]`, with the caret at character `target` of the window
  /// and `width` characters wide (to the end of the window when `nil`).
  private init(
    _ line: Substring, from lower: Substring.Index, to upper: Substring.Index, caretAt target: Int, width: Int?
  ) {
    let cutBefore = lower > line.startIndex
    let cutAfter = upper < line.endIndex
    var text = cutBefore ? "…" : ""
    var caretOffset = cutBefore ? 1 : 0
    var caretWidth = 0
    var position = 0
    var index = lower
    let markerEnd = width.map { target + max($0, 1) }
    while index < upper {
      let character = line[index]
      let piece = character == "\t" ? "    " : SafeText.escaped(String(character))
      text += piece
      if position < target {
        caretOffset += piece.count
      } else if markerEnd.map({ position < $0 }) ?? true {
        caretWidth += piece.count
      }
      position += 1
      line.formIndex(after: &index)
    }
    if cutAfter { text += "…" }
    // A caret past the end of the line (a missing token) sits in the space after it.
    if !cutAfter {
      if position < target { caretOffset += target - position }
      if let markerEnd { caretWidth += max(0, markerEnd - max(position, target)) }
    }
    self.text = text
    self.caretOffset = caretOffset
    self.caretWidth = max(caretWidth, 1)
  }

  /// How many characters `character` takes once shown.
  private static func width(of character: Character) -> Int {
    character == "\t" ? 4 : SafeText.escaped(String(character)).count
  }
}
