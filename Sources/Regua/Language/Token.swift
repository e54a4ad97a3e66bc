/// One token of a rule file.
struct Token: Sendable, Hashable {
  /// What kind of token it is.
  enum Kind: Sendable, Hashable {
    /// A bare word: `D+14`, `email`, `balance`, `500.00`, `customer.segment`, `-5`.
    case word
    /// A quoted string; ``Token/value`` holds its decoded contents.
    case string
    /// `==`, `!=`, `<`, `<=`, `>`, `>=`, `=`.
    case comparison
    /// `(`.
    case leftParen
    /// `)`.
    case rightParen
    /// `[`.
    case leftBracket
    /// `]`.
    case rightBracket
    /// `,`.
    case comma
  }

  var kind: Kind
  /// The text as written (for strings: with the quotes).
  var text: String
  /// The decoded value: the text, or a string's contents.
  var value: String
  var range: SourceRange

  func isWord(_ word: String) -> Bool { kind == .word && text == word }
}

/// The tokens of one non-blank line.
struct TokenLine: Sendable, Hashable {
  /// The 1-based line number.
  var number: Int
  /// How many white-space characters start the line; 0 for a declaration.
  var indent: Int
  /// The line's text, as written.
  var text: Substring
  var tokens: [Token]
  /// The comment that ends the line, or fills it.
  var comment: CommentSyntax?
  /// Whether the lexer reported an error on the line (its tokens stop before the problem).
  var failed = false

  /// Whether the line starts with white space (a body line) or at column 0 (a declaration).
  var isIndented: Bool { indent > 0 }
  /// Whether the line has no code: blank, or a comment only.
  var isTrivia: Bool { tokens.isEmpty && !failed }
  /// The range of the whole line's tokens.
  var range: SourceRange {
    guard let first = tokens.first, let last = tokens.last else {
      let location = SourcePosition(line: number, column: 1)
      return SourceRange(start: location, end: location)
    }
    return first.range.extended(to: last.range)
  }
}
