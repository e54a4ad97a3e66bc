/// Splits a rule file into lines of tokens.
///
/// Words are runs of `[A-Za-z0-9_.%+-]`; the parser decides whether a word is an offset, a
/// keyword, a name or a number. `#` starts a comment outside strings. A line whose tokens the
/// lexer cannot read reports one diagnostic and keeps the tokens before the problem, so the parser
/// does not report the same line again.
struct Lexer {
  /// The largest rule file accepted, in bytes.
  static let maximumFileSize = 4 * 1024 * 1024
  /// The longest line accepted, in bytes.
  static let maximumLineLength = 4096

  private(set) var diagnostics: [Diagnostic] = []
  /// Lines that had a lexical error, so the parser can stay quiet about them.
  private(set) var failedLines: Set<Int> = []

  mutating func tokenize(_ file: SourceFile) -> [TokenLine] {
    var result: [TokenLine] = []
    if file.text.utf8.count > Lexer.maximumFileSize {
      let start = SourcePosition(line: 1, column: 1)
      diagnostics.append(
        .error(
          "file-too-large", "the file is larger than 4 MiB", at: SourceRange(start: start, end: start),
          help: "split the rules into several files"))
      return []
    }
    for (index, line) in file.lines.enumerated() {
      let tokens = tokenize(line: line, number: index + 1) ?? []
      // Keep lines that failed to lex (their text may still be a timeline entry); drop blank
      // and comment-only lines.
      if !tokens.isEmpty || failedLines.contains(index + 1) {
        let indent = line.prefix { $0 == " " || $0 == "\t" }.count
        result.append(TokenLine(number: index + 1, indent: indent, text: line, tokens: tokens))
      }
    }
    return result
  }

  private static func isWordByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "%"),
      UInt8(ascii: "+"), UInt8(ascii: "-"):
      return true
    default:
      return false
    }
  }

  private mutating func tokenize(line: Substring, number: Int) -> [Token]? {
    let bytes = Array(line.utf8)
    let isASCII = bytes.allSatisfy { $0 < 0x80 }
    func location(_ offset: Int) -> SourcePosition {
      if isASCII { return SourcePosition(line: number, column: offset + 1) }
      let prefix = String(decoding: bytes[..<min(offset, bytes.count)], as: UTF8.self)
      return SourcePosition(line: number, column: prefix.count + 1)
    }
    func range(_ start: Int, _ end: Int) -> SourceRange {
      SourceRange(start: location(start), end: location(end))
    }
    func fail(_ code: String, _ message: String, _ start: Int, _ end: Int, help: String? = nil) {
      diagnostics.append(.error(code, message, at: range(start, end), help: help))
      failedLines.insert(number)
    }
    if bytes.count > Lexer.maximumLineLength {
      fail(
        "line-too-long", "the line is longer than \(Lexer.maximumLineLength) bytes", 0, 1,
        help: "break it into several steps")
      return nil
    }

    var tokens: [Token] = []
    var bracketDepth = 0
    var i = 0
    func text(_ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }
    func add(_ kind: Token.Kind, _ start: Int, _ end: Int, value: String? = nil) {
      let written = text(start, end)
      tokens.append(Token(kind: kind, text: written, value: value ?? written, range: range(start, end)))
    }

    while i < bytes.count {
      let byte = bytes[i]
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
        i += 1
      case UInt8(ascii: "#"):
        return tokens
      case UInt8(ascii: "\""):
        guard let (end, value) = readString(bytes, from: i, fail: fail) else { return tokens }
        add(.string, i, end, value: value)
        i = end
      case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"):
        let doubled = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "=")
        if byte == UInt8(ascii: "!") && !doubled {
          fail(
            "unknown-operator", "`!` is not an operator", i, i + 1,
            help: "write `not` to negate, or `!=` for ‘not equal’")
          return tokens
        }
        add(.comparison, i, doubled ? i + 2 : i + 1)
        i += doubled ? 2 : 1
      case UInt8(ascii: "("): add(.leftParen, i, i + 1); i += 1
      case UInt8(ascii: ")"): add(.rightParen, i, i + 1); i += 1
      case UInt8(ascii: "["): add(.leftBracket, i, i + 1); bracketDepth += 1; i += 1
      case UInt8(ascii: "]"): add(.rightBracket, i, i + 1); bracketDepth -= 1; i += 1
      case UInt8(ascii: ","):
        if bracketDepth <= 0 {
          fail(
            "unexpected-comma", "unexpected `,`", i, i + 1,
            help: "separate arguments with spaces; commas only go between list items")
          return tokens
        }
        add(.comma, i, i + 1)
        i += 1
      default:
        guard Lexer.isWordByte(byte) else {
          var end = i + 1
          while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
          let character = text(i, end)
          let help = character == "“" || character == "”" ? "use straight quotes `\"`" : "remove it, or quote the text"
          fail("unexpected-character", "unexpected character `\(character)`", i, end, help: help)
          return tokens
        }
        var end = i
        while end < bytes.count, Lexer.isWordByte(bytes[end]) { end += 1 }
        // `500,00` outside a list: a decimal comma.
        if bracketDepth <= 0, end + 1 < bytes.count, bytes[end] == UInt8(ascii: ","),
          bytes[i..<end].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
          (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end + 1])
        {
          var numberEnd = end + 1
          while numberEnd < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[numberEnd]) {
            numberEnd += 1
          }
          let written = text(i, numberEnd)
          let fixed = written.replacingComma()
          fail(
            "decimal-comma", "`\(written)` is not a number", i, numberEnd,
            help: "write decimals with a point: `\(fixed)`")
          return tokens
        }
        add(.word, i, end)
        i = end
      }
    }
    return tokens
  }

  /// Reads a string starting at the quote at `start`; returns the end offset and the contents.
  private func readString(
    _ bytes: [UInt8], from start: Int, fail: (String, String, Int, Int, String?) -> Void
  ) -> (Int, String)? {
    var value: [UInt8] = []
    var i = start + 1
    while i < bytes.count {
      switch bytes[i] {
      case UInt8(ascii: "\""):
        return (i + 1, String(decoding: value, as: UTF8.self))
      case UInt8(ascii: "\\"):
        guard i + 1 < bytes.count else { break }
        switch bytes[i + 1] {
        case UInt8(ascii: "\""): value.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): value.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
        default:
          fail(
            "unknown-escape", "unknown escape `\\\(Character(Unicode.Scalar(bytes[i + 1])))` in a string", i, i + 2,
            "the escapes are `\\\"`, `\\\\`, `\\n` and `\\t`")
          return nil
        }
        i += 2
        continue
      default:
        value.append(bytes[i])
      }
      i += 1
    }
    fail("unterminated-string", "unterminated string", start, bytes.count, "add a closing `\"` on the same line")
    return nil
  }
}

extension String {
  fileprivate func replacingComma() -> String {
    String(map { $0 == "," ? "." : $0 })
  }
}
