/// Reads the tokens of one line, front to back.
struct TokenCursor {
  /// Words that end a step's arguments or an expression; quote them to use them as arguments.
  static let reserved: Set<String> = ["as", "when", "unless"]

  /// Whether `word` is one of the ``reserved`` words, without hashing it.
  static func isReserved(_ word: String) -> Bool {
    word == "as" || word == "when" || word == "unless"
  }

  /// Whether the tokens from the cursor read `fallback` and a word or a list: the step option
  /// (whose channels the parser then checks), not two arguments. A template argument spelled
  /// `fallback` is quoted.
  var isAtFallback: Bool {
    guard let first = peek(), first.isWord("fallback"), let second = peek(1) else { return false }
    return second.kind == .leftBracket || second.kind == .word
  }

  /// Whether the tokens from the cursor read `any day`: the step option, not two arguments.
  var isAtAnyDay: Bool {
    guard let first = peek(), first.kind == .word, first.text == "any", let second = peek(1) else { return false }
    return second.kind == .word && second.text == "day"
  }

  let line: TokenLine
  private(set) var index = 0

  init(_ line: TokenLine) {
    self.line = line
  }

  func peek(_ ahead: Int = 0) -> Token? {
    line.tokens.indices.contains(index + ahead) ? line.tokens[index + ahead] : nil
  }

  mutating func advance() { index += 1 }

  mutating func next() -> Token? {
    defer { index += 1 }
    return peek()
  }

  /// Where the next token is, or just past the end of the line.
  var here: SourceRange {
    if let token = peek() { return token.range }
    let end = line.range.end
    return SourceRange(start: end, end: SourcePosition(line: end.line, column: end.column + 1))
  }

  func error(_ code: DiagnosticCode, _ message: String, help: String? = nil) -> Parser.LineError {
    Parser.LineError(diagnostic: .error(code, message, at: here, help: help))
  }

  mutating func expectWord(_ what: String) throws(Parser.LineError) -> Token {
    guard let token = peek(), token.kind == .word else { throw error(.expectedWord, "expected \(what)") }
    advance()
    return token
  }

  /// A bare word or a quoted string.
  mutating func expectValue(_ what: String) throws(Parser.LineError) -> Token {
    guard let token = peek(), token.kind == .word || token.kind == .string else {
      throw error(.expectedValue, "expected \(what)")
    }
    advance()
    return token
  }

  /// A bare word or a quoted string no longer than ``Bounds/nameBytes``: a name of the kind
  /// `kind` (`the segment`).
  mutating func expectName(_ what: String, _ kind: String) throws(Parser.LineError) -> Token {
    let token = try expectValue(what)
    try Parser.checkName(token, kind)
    return token
  }

  mutating func expectKeyword(_ keyword: String, _ help: String, alternative: String? = nil) throws(Parser.LineError) {
    guard let token = peek(), token.isWord(keyword) || (alternative.map { token.isWord($0) } ?? false) else {
      throw error(.expectedKeyword, "expected `\(keyword)`", help: help)
    }
    advance()
  }

  /// Reads a whole number; its bounds are the checker's (``Bounds/checkNumber(_:in:)``), so that
  /// a rule file and the Swift builder are held to them in one place.
  mutating func expectInteger(_ what: String) throws(Parser.LineError) -> (value: Int, range: SourceRange) {
    guard let token = peek(), token.kind == .word, let value = Int(token.text), token.text.first != "+" else {
      throw error(.expectedNumber, "expected \(what)")
    }
    advance()
    return (value, token.range)
  }

  func expectEnd(_ context: String) throws(Parser.LineError) {
    if let token = peek() {
      throw Parser.LineError(
        diagnostic: .error(
          .unexpectedToken, "unexpected `\(token.text)` \(context)", at: token.range, help: "remove it"))
    }
  }
}
