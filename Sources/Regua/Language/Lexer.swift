/// Splits a rule file into lines of tokens.
///
/// Words are runs of `[A-Za-z0-9_.%+-]`; the parser decides whether a word is an offset, a
/// keyword, a name or a number. `#` starts a comment outside strings. A line whose tokens the
/// lexer cannot read reports one diagnostic and keeps the tokens before the problem, so the parser
/// does not report the same line again.
///
/// What a person reading the file would not see is rejected where it is (see
/// `Lexer+UnsafeCharacters.swift`): a carriage return that does not end a line, a control
/// character, a bidirectional formatting character in code or a string (in a comment: a
/// warning). `\r\n` line endings are split off by ``SourceFile`` and never reach the lexer.
///
/// The lexer reads each line's UTF-8 bytes once, front to back, and turns byte offsets into
/// character columns with ``LineColumns``, so its work is proportional to the file's size, long
/// lines full of non-ASCII characters included.
struct Lexer {
  /// The largest rule file accepted, in bytes.
  static let maximumFileSize = Bounds.fileBytes
  /// The longest line accepted, in bytes.
  static let maximumLineLength = Bounds.lineBytes

  private(set) var diagnostics: [Diagnostic] = []
  /// Lines that had a lexical error, so the parser can stay quiet about them.
  private(set) var failedLines: Set<Int> = []
  /// Bytes read and decoded plus tokens made: a measure of the lexer's work that the scaling
  /// tests compare across input sizes.
  private(set) var work = 0

  mutating func tokenize(_ file: SourceFile) -> [TokenLine] {
    var result: [TokenLine] = []
    if file.text.utf8.count > Lexer.maximumFileSize {
      let start = SourcePosition(line: 1, column: 1)
      diagnostics.append(
        .error(
          .fileTooLarge, "the file is larger than 4 MiB", at: SourceRange(start: start, end: start),
          help: "split the rules into several files"))
      return []
    }
    result.reserveCapacity(file.lines.count)
    let utf8 = file.text.utf8
    for (index, line) in file.lines.enumerated() {
      let number = index + 1
      let start = utf8.distance(from: utf8.startIndex, to: line.startIndex)
      let indent = Lexer.indent(of: line)
      let lexed =
        line.utf8.withContiguousStorageIfAvailable {
          tokenize(line: $0, number: number, start: start, indent: indent)
        }
        ?? Array(line.utf8).withUnsafeBufferPointer {
          tokenize(line: $0, number: number, start: start, indent: indent)
        }
      // Every line is kept, blank and comment-only ones too: the parser turns them into trivia.
      result.append(
        TokenLine(
          number: number, indent: indent, text: line, tokens: lexed.tokens, comment: lexed.comment,
          failed: lexed.failed))
    }
    return result
  }

  /// How many white-space characters start the line.
  private static func indent(of line: Substring) -> Int {
    var count = 0
    for byte in line.utf8 {
      guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") else {
        // A combining mark after the last space or tab joins it into another character.
        if byte >= 0x80 { return line.prefix { $0 == " " || $0 == "\t" }.count }
        break
      }
      count += 1
    }
    return count
  }

  /// Whether `byte` may be part of a bare word: `[A-Za-z0-9_.%+-]`.
  static func isWordByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "%"),
      UInt8(ascii: "+"), UInt8(ascii: "-"):
      return true
    default:
      return false
    }
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  /// The tokens of one line, and whether it had a lexical error.
  private mutating func tokenize(line bytes: UnsafeBufferPointer<UInt8>, number: Int, start lineStart: Int, indent: Int)
    -> (tokens: [Token], comment: CommentSyntax?, failed: Bool)
  {
    var columns = LineColumns(bytes)
    var failed = false
    work += bytes.count
    defer { work += columns.bytesDecoded }
    func range(_ start: Int, _ end: Int) -> SourceRange {
      let startColumn = columns.column(at: start)
      let endColumn = columns.column(at: end)
      // A file is at most 4 MiB: lines, columns and offsets fit in 32 bits.
      return SourceRange(
        orderedStart: SourcePosition(readLine: number, column: startColumn, offset: lineStart + start),
        end: SourcePosition(readLine: number, column: endColumn, offset: lineStart + end))
    }
    func fail(_ code: DiagnosticCode, _ message: String, _ start: Int, _ end: Int, help: String? = nil) {
      diagnostics.append(.error(code, message, at: range(start, end), help: help))
      failedLines.insert(number)
      failed = true
    }
    if bytes.count > Lexer.maximumLineLength {
      fail(
        .lineTooLong, "the line is longer than \(Lexer.maximumLineLength) bytes", 0, 1,
        help: "break it into several steps")
      return ([], nil, failed)
    }

    var tokens: [Token] = []
    var comment: CommentSyntax?
    var parenDepth = 0
    var bracketDepth = 0
    var i = 0
    func text(_ start: Int, _ end: Int) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
    // Where the last word token starts and ends, in bytes: a character that cannot start a token
    // may end a word begun before it (`agência`).
    var lastWord = (start: -1, end: -1)
    func add(_ kind: Token.Kind, _ start: Int, _ end: Int, value: String? = nil) {
      let written = text(start, end)
      tokens.append(Token(kind: kind, text: written, value: value ?? written, range: range(start, end)))
      if kind == .word { lastWord = (start, end) }
    }

    scan: while i < bytes.count {
      let byte = bytes[i]
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"):
        i += 1
      case UInt8(ascii: "#"):
        // Problems in a comment leave the line's tokens whole: the parser still reads them.
        diagnostics += Lexer.commentProblems(bytes, from: i + 1, range: range)
        comment = CommentSyntax(
          text: text(i + 1, bytes.count), range: range(i, bytes.count), isOwnLine: tokens.isEmpty, indent: indent)
        break scan
      case UInt8(ascii: "\""):
        guard let (end, value) = readString(bytes, from: i, fail: fail) else { break scan }
        add(.string, i, end, value: value)
        i = end
      case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"):
        let doubled = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "=")
        // `<>`, `=>`, `=<`: other languages' spellings of `!=`, `>=`, `<=`.
        if !doubled, i + 1 < bytes.count, let meant = Lexer.operatorMeant(byte, bytes[i + 1]) {
          fail(
            .unknownOperator, "`\(text(i, i + 2))` is not an operator", i, i + 2,
            help: "write `\(meant)`")
          break scan
        }
        if byte == UInt8(ascii: "!") && !doubled {
          fail(
            .unknownOperator, "`!` is not an operator", i, i + 1,
            help: "write `not` to negate, or `!=` for ‘not equal’")
          break scan
        }
        add(.comparison, i, doubled ? i + 2 : i + 1)
        i += doubled ? 2 : 1
      case UInt8(ascii: "("): add(.leftParen, i, i + 1); parenDepth += 1; i += 1
      case UInt8(ascii: ")"): add(.rightParen, i, i + 1); parenDepth -= 1; i += 1
      case UInt8(ascii: "["): add(.leftBracket, i, i + 1); bracketDepth += 1; i += 1
      case UInt8(ascii: "]"): add(.rightBracket, i, i + 1); bracketDepth -= 1; i += 1
      case UInt8(ascii: ","):
        if bracketDepth <= 0 {
          fail(
            .unexpectedComma, "unexpected `,`", i, i + 1,
            help: parenDepth > 0
              ? "a list is written in brackets: `in [\"a\", \"b\"]`"
              : "separate arguments with spaces; commas only go between list items")
          break scan
        }
        add(.comma, i, i + 1)
        i += 1
      default:
        guard Lexer.isWordByte(byte) else {
          let unsafeLength = SafeText.mayStartTerminalControl(byte) ? SafeText.terminalControlLength(bytes, at: i) : 0
          if unsafeLength > 0 {
            let problem = Lexer.unsafeCharacter(SafeText.unsafeScalar(bytes, at: i, length: unsafeLength))
            fail(problem.code, problem.message, i, i + unsafeLength, help: problem.help)
            break scan
          }
          var end = i + 1
          while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
          let character = text(i, end)
          // The word the character is part of: it starts at the token just before, if they touch.
          let wordStart = lastWord.end == i ? lastWord.start : i
          if let habit = Lexer.habit(bytes, character: character, at: i, wordStart: wordStart, text: text) {
            fail(habit.code, habit.message, wordStart, habit.end, help: habit.help)
            break scan
          }
          let (message, help) = Lexer.describeUnexpected(character)
          fail(.unexpectedCharacter, message, i, end, help: help)
          break scan
        }
        var end = i
        var allDigits = true
        while true {
          while end < bytes.count, Lexer.isWordByte(bytes[end]) {
            if !Lexer.isDigit(bytes[end]) { allDigits = false }
            end += 1
          }
          // A colon between digits is part of the word: a time, `08:00-21:00`.
          guard end + 1 < bytes.count, bytes[end] == UInt8(ascii: ":"), end > i, Lexer.isDigit(bytes[end - 1]),
            Lexer.isDigit(bytes[end + 1])
          else { break }
          allDigits = false
          end += 1
        }
        // `500,00` or `1.000,00` outside a list: a decimal comma, perhaps thousands points.
        if bracketDepth <= 0, allDigits || Lexer.isDigitsAndPoints(bytes, i, end), end + 1 < bytes.count,
          bytes[end] == UInt8(ascii: ","), Lexer.isDigit(bytes[end + 1])
        {
          var numberEnd = end + 1
          while numberEnd < bytes.count, Lexer.isDigit(bytes[numberEnd]) { numberEnd += 1 }
          var written = text(i, numberEnd)
          var fixed = allDigits ? written.replacingComma() : Habits.decimal(fromBrazilian: written)
          // A rate, `0,5%`: the sign stays in the message and in the fix.
          if numberEnd < bytes.count, bytes[numberEnd] == UInt8(ascii: "%") {
            numberEnd += 1
            written += "%"
            fixed += "%"
          }
          fail(
            .decimalComma, "`\(written)` is not a number", i, numberEnd,
            help: "write decimals with a point: `\(fixed)`")
          break scan
        }
        add(.word, i, end)
        i = end
      }
    }
    work += tokens.count
    return (tokens, comment, failed)
  }

  /// Reads a string starting at the quote at `start`; returns the end offset and the contents.
  private func readString(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, fail: (DiagnosticCode, String, Int, Int, String?) -> Void
  ) -> (Int, String)? {
    var i = start + 1
    // Most strings have no escapes and no control characters: their contents are the bytes
    // between the quotes.
    while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"),
      !SafeText.mayStartTerminalControl(bytes[i]) || SafeText.terminalControlLength(bytes, at: i) == 0
    {
      i += 1
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
      return (i + 1, String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<i]), as: UTF8.self))
    }
    var value = Array(bytes[(start + 1)..<i])
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
            .unknownEscape, "unknown escape `\\\(Character(Unicode.Scalar(bytes[i + 1])))` in a string", i, i + 2,
            "the escapes are `\\\"`, `\\\\`, `\\n` and `\\t`")
          return nil
        }
        i += 2
        continue
      case UInt8(ascii: "\t"):
        value.append(bytes[i])
      default:
        let unsafeLength = SafeText.mayStartTerminalControl(bytes[i]) ? SafeText.terminalControlLength(bytes, at: i) : 0
        if unsafeLength > 0 {
          let problem = Lexer.unsafeCharacter(SafeText.unsafeScalar(bytes, at: i, length: unsafeLength))
          fail(problem.code, problem.message, i, i + unsafeLength, problem.help)
          return nil
        }
        value.append(bytes[i])
      }
      i += 1
    }
    fail(.unterminatedString, "unterminated string", start, bytes.count, "add a closing `\"` on the same line")
    return nil
  }
}

extension String {
  fileprivate func replacingComma() -> String {
    String(map { $0 == "," ? "." : $0 })
  }
}

extension Lexer {
  /// `<>` → `!=`, `=>` → `>=`, `=<` → `<=`.
  static func operatorMeant(_ first: UInt8, _ second: UInt8) -> String? {
    switch (first, second) {
    case (UInt8(ascii: "<"), UInt8(ascii: ">")): return "!="
    case (UInt8(ascii: "="), UInt8(ascii: ">")): return ">="
    case (UInt8(ascii: "="), UInt8(ascii: "<")): return "<="
    default: return nil
    }
  }

  /// Whether `bytes[start..<end]` is digits with points between them (`1.000`).
  static func isDigitsAndPoints(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    guard end > start, isDigit(bytes[start]) else { return false }
    return bytes[start..<end].allSatisfy { isDigit($0) || $0 == UInt8(ascii: ".") }
  }

  /// A habit the unexpected character at `index` belongs to: `R$ 500` (Brazilian money), or a
  /// word with an accent that is Portuguese for a keyword (`agência`, `não`).
  static func habit(
    _ bytes: UnsafeBufferPointer<UInt8>, character: String, at index: Int, wordStart: Int,
    text: (Int, Int) -> String
  ) -> (code: DiagnosticCode, message: String, help: String, end: Int)? {
    if character == "$", wordStart < index, text(wordStart, index) == "R" {
      var start = index + 1
      while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
      var end = start
      while end < bytes.count, isDigit(bytes[end]) || bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ",")
      {
        end += 1
      }
      let amount = end > start && isDigit(bytes[start]) ? Habits.decimal(fromBrazilian: text(start, end)) : nil
      return (
        .currencySymbol, "`R$` is not a currency code",
        amount.map { "write the amount, then the code: `\($0) BRL`" }
          ?? "write the amount, then the code: `500.00 BRL`",
        max(end, index + 1)
      )
    }
    // `≥`, `≤`, `≠`: the mathematical signs for `>=`, `<=`, `!=`; `&&`, `||`: C's `and`, `or`.
    if let meant = ["≥": ">=", "≤": "<=", "≠": "!=", "&": "and", "|": "or"][character] {
      let doubled =
        (character == "&" || character == "|") && index + 1 < bytes.count && bytes[index + 1] == bytes[index]
      let written = doubled ? character + character : character
      return (.unknownOperator, "`\(written)` is not an operator", "write `\(meant)`", index + written.utf8.count)
    }
    // `America/Sao_Paulo` unquoted: a word with a `/` or `:` in it is text to quote.
    if character == "/" || character == ":", wordStart < index {
      var end = index + 1
      while end < bytes.count,
        isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: "/") || bytes[end] == UInt8(ascii: ":")
      {
        end += 1
      }
      let word = text(wordStart, end)
      return (.unexpectedCharacter, "unexpected `\(character)` in `\(word)`", "quote the text: `\"\(word)\"`", end)
    }
    guard let scalar = character.unicodeScalars.first, LookAlikes.letters[scalar] == nil,
      Character(character).isLetter
    else { return nil }
    var end = index
    while end < bytes.count, isWordByte(bytes[end]) || bytes[end] >= 0x80 {
      if bytes[end] >= 0x80 {
        // Stop at a character that is not a letter (a symbol, a space of another script).
        var next = end + 1
        while next < bytes.count, bytes[next] & 0xC0 == 0x80 { next += 1 }
        guard Character(text(end, next)).isLetter else { break }
        end = next
      } else {
        end += 1
      }
    }
    let word = text(wordStart, end)
    // `D+7 dias úteis sms x`: business days, in Portuguese, with its accent.
    if Habits.isBusinessWord(word) {
      let before = text(0, wordStart).split(separator: " ").map(String.init)
      if before.count == 2, OffsetSyntax.looksLikeOffset(before[0]), Habits.isDaysWord(before[1]) {
        let rest = text(end, bytes.count).split(separator: " ").map(String.init)
        return (
          .daysAfterOffset, "`\(before[1]) \(word)` after the offset",
          Habits.businessDaysHelp(offset: before[0], rest: rest),
          end
        )
      }
    }
    let meant =
      Habits.action(for: word) ?? Habits.setting(for: word) ?? Habits.field(for: word)
      ?? Habits.operatorWord(for: word) ?? Habits.keyword(for: word)
    let description = LookAlikes.describe(scalar)
    var help = meant.map { "did you mean `\($0)`? keywords are written in English, without accents" }
    // A setting that starts the line: the whole line as it should be (`tolerância 3 dias`).
    if let setting = Habits.setting(for: word), (0..<wordStart).allSatisfy({ bytes[$0] == 32 || bytes[$0] == 9 }) {
      let rest = text(end, bytes.count).split(separator: " ").map { Habits.rewritten(String($0)) }
      help = "did you mean `\(setting)`? write `\(([setting] + rest).joined(separator: " "))`"
    }
    return (
      .unexpectedCharacter, "unexpected character \(description) in `\(word)`",
      help ?? "quote the text: `\"\(word)\"`", end
    )
  }

  /// The message and help for a character that cannot start a token: its code point and name,
  /// and for a look-alike letter, the ASCII letter it imitates.
  static func describeUnexpected(_ character: String) -> (message: String, help: String) {
    if character == "“" || character == "”" || character == "„" {
      return ("unexpected character `\(character)`", "use straight quotes `\"`")
    }
    guard let scalar = character.unicodeScalars.first else {
      return ("unexpected character", "remove it, or quote the text")
    }
    let description = LookAlikes.describe(scalar)
    if let letter = LookAlikes.letters[scalar] {
      return (
        "unexpected character \(description), which looks like `\(letter)`",
        "type the ASCII letter `\(letter)`: keywords are written in ASCII"
      )
    }
    return ("unexpected character \(description)", "remove it, or quote the text")
  }
}
