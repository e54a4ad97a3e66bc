/// One line of code as the formatter lays it out: its trivia, its indentation, the part that
/// starts it and, for a step, the options that may be aligned in a column; and the lines nested
/// under it (a timeline's entries).
struct PrintedLine {
  var trivia: Trivia
  var indent: Int
  var prefix: String
  var options: String?
  var nested: [PrintedLine] = []
}

/// Accumulates the formatted lines of a file: trivia, paragraphs and their aligned columns.
struct LinePrinter {
  private(set) var lines: [String] = []

  /// The text: the lines, each ending with a new line.
  var text: String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }

  /// The trivia before a declaration. Indented comments before its first blank line end the
  /// previous block and stay with it; then one blank line (none at the top of the file) and
  /// the rest, comments at column 0.
  mutating func declaration(_ trivia: Trivia, isFirst: Bool) {
    var pieces = trivia.leading[...]
    if !isFirst {
      pieces = endOfBlock(pieces)
      lines.append("")
    }
    // A blank line between the comments and the header is kept.
    emitTrivia(pieces, indent: 0, dropLeadingBlanks: true)
  }

  /// A line of code with its trailing comment, neither aligned.
  mutating func line(_ code: String, comment: CommentSyntax?, indent: Int) {
    let pad = String(repeating: " ", count: indent)
    lines.append(pad + code + (comment.map { "  " + Self.commentText($0) } ?? ""))
  }

  /// A cadence's body.
  mutating func body(_ items: [(Trivia, CadenceLine)], offsetWidth: Int) {
    block(items.map { $0.1.printed($0.0, offsetWidth: offsetWidth) })
  }

  /// A test's body.
  mutating func testBody(_ items: [TestItemSyntax]) {
    block(items.map(TestLinePrinter.printed))
  }

  /// A calendar's body.
  mutating func calendarBody(_ items: [CalendarItemSyntax]) {
    block(items.map { PrintedLine(trivia: $0.trivia, indent: 2, prefix: CalendarLine.printed($0.kind)) })
  }

  /// A rate table's body, its rates in one column.
  mutating func rateTableBody(_ table: RateTableSyntax) {
    let width = RateTableLine.keyWidth(table)
    block(
      table.items.map {
        PrintedLine(trivia: $0.trivia, indent: 2, prefix: RateTableLine.printed($0.kind, keyWidth: width))
      })
  }

  /// The trivia after the last declaration: its comments, and no blank line at the end.
  mutating func end(_ pieces: [TriviaPiece], afterDeclarations: Bool) {
    guard pieces.contains(where: { if case .comment = $0 { true } else { false } }) else { return }
    var rest = pieces[...]
    if afterDeclarations { rest = endOfBlock(rest) }
    emitTrivia(rest, indent: 0, dropLeadingBlanks: !afterDeclarations || lines.isEmpty)
    while lines.last == "" { lines.removeLast() }
  }

  /// Prints the indented comments that end the previous block — those before the first comment
  /// at column 0, with the blank lines among them — and returns the pieces after them.
  private mutating func endOfBlock(_ pieces: ArraySlice<TriviaPiece>) -> ArraySlice<TriviaPiece> {
    let firstAtColumn0 =
      pieces.firstIndex { piece in
        if case .comment(let comment) = piece { return comment.indent == 0 }
        return false
      } ?? pieces.endIndex
    guard
      let lastIndented = pieces[..<firstAtColumn0].lastIndex(where: { piece in
        if case .comment = piece { return true }
        return false
      })
    else { return pieces }
    emitTrivia(pieces[...lastIndented], indent: 2, dropLeadingBlanks: false)
    return pieces[(lastIndented + 1)...]
  }

  // MARK: Blocks and paragraphs

  /// Lines of one body: split into paragraphs at blank lines, each paragraph's options and
  /// trailing comments aligned.
  private mutating func block(_ body: [PrintedLine]) {
    var paragraph: [PrintedLine] = []
    for (index, line) in body.enumerated() {
      if index > 0, line.trivia.leading.contains(.blankLine) {
        emit(paragraph, isBodyStart: index == paragraph.count)
        paragraph = []
      }
      paragraph.append(line)
    }
    emit(paragraph, isBodyStart: paragraph.count == body.count)
  }

  private mutating func emit(_ paragraph: [PrintedLine], isBodyStart: Bool) {
    guard !paragraph.isEmpty else { return }
    let optionColumn =
      paragraph.filter { $0.options != nil }.map { $0.indent + $0.prefix.count }
      .filter { $0 <= RuleFormatter.alignmentLimit }.max().map { $0 + 1 }
    let codes = paragraph.map { line -> String in
      guard let options = line.options else { return line.prefix }
      let width = line.indent + line.prefix.count
      guard let optionColumn, width < optionColumn else { return line.prefix + " " + options }
      return line.prefix + String(repeating: " ", count: optionColumn - width) + options
    }
    let commentColumn =
      zip(paragraph, codes).filter { $0.0.trivia.trailing != nil }.map { $0.0.indent + $0.1.count }
      .filter { $0 <= RuleFormatter.commentAlignmentLimit }.max().map { $0 + 2 }
    for (index, (line, code)) in zip(paragraph, codes).enumerated() {
      emitTrivia(line.trivia.leading[...], indent: line.indent, dropLeadingBlanks: index == 0 && isBodyStart)
      var text = String(repeating: " ", count: line.indent) + code
      if let comment = line.trivia.trailing {
        let width = text.count
        let pad = commentColumn.map { width < $0 ? $0 - width : 2 } ?? 2
        text += String(repeating: " ", count: pad) + Self.commentText(comment)
      }
      lines.append(text)
      if !line.nested.isEmpty { block(line.nested) }
    }
  }

  /// Blank lines (runs folded to one) and comments, at `indent`.
  private mutating func emitTrivia(_ pieces: ArraySlice<TriviaPiece>, indent: Int, dropLeadingBlanks: Bool) {
    var dropping = dropLeadingBlanks
    for piece in pieces {
      switch piece {
      case .blankLine:
        if dropping || lines.last == "" { continue }
        lines.append("")
      case .comment(let comment):
        dropping = false
        lines.append(Self.comment(comment, indent: indent))
      }
    }
  }

  private static func comment(_ comment: CommentSyntax, indent: Int) -> String {
    String(repeating: " ", count: indent) + commentText(comment)
  }

  /// `#` and the comment's text, without trailing white space.
  private static func commentText(_ comment: CommentSyntax) -> String {
    "#" + comment.text.droppingTrailingBlanks
  }
}
