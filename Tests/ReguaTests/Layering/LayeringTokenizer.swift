/// One identifier or punctuation mark of a Swift source, with its line.
struct LayeringToken: Equatable {
  enum Kind: Equatable {
    /// A name, keyword or backquoted name (without its backquotes).
    case identifier
    /// A number, or a string literal's end (its text is not kept), so that `1.5` is not read as
    /// a member `5` and the dot of `"a".count` follows an expression.
    case literal
    /// One punctuation or operator character; `...` and `..<` stay whole, so that only a lone
    /// `.` reads as member access.
    case punctuation
  }

  var kind: Kind
  var text: String
  var line: Int
  /// Whether whitespace or a comment comes right before the token.
  var isSpaced: Bool
}

/// A small Swift tokenizer for the layering test: it keeps the identifiers and punctuation of the
/// code and drops whitespace, comments (nested block comments included) and the text of string
/// literals (single-line, multi-line and raw), while keeping the code of their interpolations,
/// `\(…)` or `\#(…)`, which it tokenizes like any other code.
///
/// It does not know regular expression literals (`/…/`, `#/…/#`); the library has none.
///
/// Bytes are written as numbers rather than `UInt8(ascii:)`, which a debug build calls at run
/// time: the test runs unoptimised and must stay well under a second for the whole library.
struct LayeringTokenizer {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var line = 1
  private var tokens: [LayeringToken] = []
  /// Whether whitespace or a comment came since the last token.
  private var spaced = true

  /// The tokens of a source text.
  static func tokens(in text: String) -> [LayeringToken] {
    var text = text
    return text.withUTF8 { bytes in
      var tokenizer = LayeringTokenizer(bytes: bytes)
      tokenizer.code(inInterpolation: false)
      return tokenizer.tokens
    }
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// The byte `offset` bytes ahead, or 0 past the end (no source holds a NUL).
  private func byte(at offset: Int) -> UInt8 {
    index + offset < bytes.count ? bytes[index + offset] : 0
  }

  /// Letters, digits, `_`, `$` and any byte of a non-ASCII character.
  private static func isIdentifierByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
      || byte == 0x24 || byte >= 0x80
  }

  private mutating func append(_ kind: LayeringToken.Kind, from start: Int, to end: Int? = nil) {
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(end ?? index)]), as: UTF8.self)
    tokens.append(LayeringToken(kind: kind, text: text, line: line, isSpaced: spaced))
    spaced = false
  }

  /// Reads code up to the end of the text, or, in an interpolation, up to its closing parenthesis.
  private mutating func code(inInterpolation: Bool) {
    var parentheses = 0
    while index < bytes.count {
      let start = index
      let current = bytes[index]
      switch current {
      case 0x0A:  // newline
        line += 1
        index += 1
        spaced = true
      case 0x20, 0x09, 0x0D:  // space, tab, carriage return
        index += 1
        spaced = true
      case 0x2F where byte(at: 1) == 0x2F:  // `//`
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        spaced = true
      case 0x2F where byte(at: 1) == 0x2A:  // `/*`
        blockComment()
        spaced = true
      case 0x22:  // `"`
        string(hashes: 0)
      case 0x23:  // `#`, which may open a raw string
        var hashes = 0
        while byte(at: hashes) == 0x23 { hashes += 1 }
        if byte(at: hashes) == 0x22 {
          index += hashes
          string(hashes: hashes)
        } else {
          index += 1
          append(.punctuation, from: start)
        }
      case 0x60:  // a backquoted name
        index += 1
        while index < bytes.count, bytes[index] != 0x60, bytes[index] != 0x0A { index += 1 }
        append(.identifier, from: start + 1)
        if byte(at: 0) == 0x60 { index += 1 }
      case _ where current >= 0x30 && current <= 0x39:  // a number
        while index < bytes.count, LayeringTokenizer.isIdentifierByte(bytes[index]) { index += 1 }
        append(.literal, from: start)
      case _ where LayeringTokenizer.isIdentifierByte(current):
        while index < bytes.count, LayeringTokenizer.isIdentifierByte(bytes[index]) { index += 1 }
        append(.identifier, from: start)
      case 0x2E where byte(at: 1) == 0x2E:  // `...` or `..<`
        while byte(at: 0) == 0x2E || byte(at: 0) == 0x3C { index += 1 }
        append(.punctuation, from: start)
      case 0x29 where inInterpolation && parentheses == 0:  // the `)` that closes `\(`
        index += 1
        return
      default:
        if current == 0x28 { parentheses += 1 }
        if current == 0x29 { parentheses -= 1 }
        index += 1
        append(.punctuation, from: start)
      }
    }
  }

  /// Skips a block comment, which may nest.
  private mutating func blockComment() {
    var depth = 0
    while index < bytes.count {
      let current = bytes[index]
      if current == 0x2F, byte(at: 1) == 0x2A {
        depth += 1
        index += 2
      } else if current == 0x2A, byte(at: 1) == 0x2F {
        depth -= 1
        index += 2
        if depth == 0 { return }
      } else {
        if current == 0x0A { line += 1 }
        index += 1
      }
    }
  }

  /// Whether `count` copies of `byte` start `offset` bytes ahead.
  private func repeats(_ byte: UInt8, _ count: Int, at offset: Int) -> Bool {
    var matched = 0
    while matched < count, self.byte(at: offset + matched) == byte { matched += 1 }
    return matched == count
  }

  /// Skips a string literal from its first quote, tokenizing the code of its interpolations, and
  /// leaves a `.literal` token in its place.
  private mutating func string(hashes: Int) {
    let quotes = repeats(0x22, 3, at: 0) ? 3 : 1
    index += quotes
    while index < bytes.count {
      switch bytes[index] {
      case 0x0A:
        line += 1
        index += 1
      case 0x5C where repeats(0x23, hashes, at: 1):  // `\`, then as many `#` as the string has
        index += 1 + hashes
        if byte(at: 0) == 0x28 {
          index += 1
          code(inInterpolation: true)
        } else if index < bytes.count {
          if bytes[index] == 0x0A { line += 1 }
          index += 1
        }
      case 0x22 where repeats(0x22, quotes, at: 0) && repeats(0x23, hashes, at: quotes):
        index += quotes + hashes
        tokens.append(LayeringToken(kind: .literal, text: "\"", line: line, isSpaced: spaced))
        spaced = false
        return
      default:
        index += 1
      }
    }
  }
}
