/// A JSON document that is not JSON: where (byte offset) and what was expected there.
struct JSONSyntaxError: Error {
  /// The byte offset (from 0) of the problem.
  var offset: Int
  /// What is wrong, for people: "expected `,` or `}`", "invalid UTF-8: byte 0xFF".
  var message: String
}

/// A cursor over the bytes of one JSON document (RFC 8259), strict: no trailing commas (the
/// caller is told about them, to report them with the field's path), no comments, no lone
/// surrogates, only valid UTF-8.
///
/// It reads tokens in place and builds a `String` only for the strings the caller asks for; a
/// value the caller does not want is skipped without building anything.
struct JSONScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  /// The offset of the next byte to read.
  private(set) var index = 0
  private var depth = 0
  /// Reused by strings with escapes or non-ASCII characters.
  private var scratch: [UInt8] = []

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// The kind of the next value, after white space; `nil` at the end of the input.
  enum Kind { case object, array, string, number, bool, null, invalid }

  var isAtEnd: Bool { index >= bytes.count }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  /// The kind of the next value, white space skipped.
  mutating func peekKind() -> Kind? {
    skipWhitespace()
    guard index < bytes.count else { return nil }
    switch bytes[index] {
    case UInt8(ascii: "{"): return .object
    case UInt8(ascii: "["): return .array
    case UInt8(ascii: "\""): return .string
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
    case UInt8(ascii: "n"): return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
    default: return .invalid
    }
  }

  /// Consumes `byte` (after white space) if it is next.
  mutating func consume(_ byte: UInt8) -> Bool {
    skipWhitespace()
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  /// Consumes `byte` (after white space), or throws saying `expected` was expected.
  mutating func expect(_ byte: UInt8, _ expected: String) throws(JSONSyntaxError) {
    guard consume(byte) else { throw unexpected(expected) }
  }

  /// The error for an unexpected byte (or the end) where `expected` should be.
  func unexpected(_ expected: String) -> JSONSyntaxError {
    guard index < bytes.count else {
      return JSONSyntaxError(offset: index, message: "expected \(expected), found the end of the document")
    }
    let byte = bytes[index]
    if byte >= 0x80, let invalid = utf8Problem(at: index) { return invalid }
    let found: String
    switch byte {
    case 0x20..<0x7F: found = "`\(Character(Unicode.Scalar(byte)))`"
    case 0x80...:
      let text = String(decoding: bytes[index..<min(bytes.count, index + 4)], as: UTF8.self)
      guard let scalar = text.unicodeScalars.first else {
        return JSONSyntaxError(offset: index, message: "invalid UTF-8")
      }
      if scalar == "\u{FEFF}" && index == 0 {
        return JSONSyntaxError(
          offset: index, message: "the document starts with a byte-order mark (U+FEFF); save it as UTF-8 without one")
      }
      found = LookAlikes.describe(scalar)
    default:
      found = "the control character \(SafeText.codePoint(UInt32(byte)))"
    }
    return JSONSyntaxError(offset: index, message: "expected \(expected), found \(found)")
  }

  /// Starts an object or array: checks the nesting bound.
  mutating func enter(_ open: UInt8) throws(JSONSyntaxError) {
    depth += 1
    guard depth <= Bounds.documentDepth else {
      throw JSONSyntaxError(
        offset: index, message: "the document nests deeper than \(Bounds.documentDepth) levels (Bounds.documentDepth)")
    }
    try expect(open, open == UInt8(ascii: "{") ? "`{`" : "`[`")
  }

  /// Ends an object or array.
  mutating func leave() { depth -= 1 }

  /// What follows a member or element.
  enum Continuation: Equatable {
    /// A `,` and another member or element.
    case more
    /// The closing bracket.
    case end
    /// A `,` right before the closing bracket, at this offset: JSON allows none. Both are
    /// consumed, so that reading can go on and report it with the field's path.
    case trailingComma(Int)
  }

  /// After a member or element: another one, or the closing `close`.
  mutating func next(_ close: UInt8) throws(JSONSyntaxError) -> Continuation {
    skipWhitespace()
    let expected = close == UInt8(ascii: "}") ? "`,` or `}`" : "`,` or `]`"
    guard index < bytes.count else { throw unexpected(expected) }
    if bytes[index] == close {
      index += 1
      return .end
    }
    guard bytes[index] == UInt8(ascii: ",") else { throw unexpected(expected) }
    let comma = index
    index += 1
    skipWhitespace()
    if index < bytes.count, bytes[index] == close {
      index += 1
      return .trailingComma(comma)
    }
    return .more
  }

  /// Whether the container just entered is empty (its closing byte is next, and is consumed).
  mutating func isEmpty(_ close: UInt8) -> Bool { consume(close) }

  /// Reads a string. Escapes are decoded; invalid UTF-8, control characters and lone surrogates
  /// are errors.
  mutating func readString() throws(JSONSyntaxError) -> String {
    try expect(UInt8(ascii: "\""), "a string")
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index - 1]), as: UTF8.self)
      }
      if byte == UInt8(ascii: "\\") || byte >= 0x80 || byte < 0x20 { break }
      index += 1
    }
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
    try readRestOfString()
    return String(decoding: scratch, as: UTF8.self)
  }

  /// Skips a string, checking it as ``readString()`` does.
  mutating func skipString() throws(JSONSyntaxError) {
    try expect(UInt8(ascii: "\""), "a string")
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return
      }
      if byte == UInt8(ascii: "\\") || byte >= 0x80 || byte < 0x20 { break }
      index += 1
    }
    scratch.removeAll(keepingCapacity: true)
    try readRestOfString()
  }

  /// The slow part of a string: escapes, non-ASCII and errors; appends the decoded bytes to
  /// `scratch` and consumes the closing quote.
  private mutating func readRestOfString() throws(JSONSyntaxError) {
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return
      case UInt8(ascii: "\\"):
        try readEscape()
      case 0x80...:
        let length = utf8Length(at: index)
        guard length > 0 else {
          throw utf8Problem(at: index) ?? JSONSyntaxError(offset: index, message: "invalid UTF-8")
        }
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
        index += length
      case ..<0x20:
        throw JSONSyntaxError(
          offset: index,
          message: byte == 0x0A
            ? "the string has no closing `\"` on its line (a line break inside a string is written `\\n`)"
            : "a control character (\(SafeText.codePoint(UInt32(byte)))) inside a string; write it as "
              + "`\\u\(SafeText.codePoint(UInt32(byte)).dropFirst(2))`"
        )
      default:
        scratch.append(byte)
        index += 1
      }
    }
    throw JSONSyntaxError(offset: index, message: "the string has no closing `\"`")
  }

  private mutating func readEscape() throws(JSONSyntaxError) {
    let start = index
    index += 1
    guard index < bytes.count else { throw JSONSyntaxError(offset: start, message: "the string has no closing `\"`") }
    let byte = bytes[index]
    index += 1
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
    case UInt8(ascii: "b"): scratch.append(0x08)
    case UInt8(ascii: "f"): scratch.append(0x0C)
    case UInt8(ascii: "n"): scratch.append(0x0A)
    case UInt8(ascii: "r"): scratch.append(0x0D)
    case UInt8(ascii: "t"): scratch.append(0x09)
    case UInt8(ascii: "u"):
      let unit = try hex4(escapeAt: start)
      var value = UInt32(unit)
      if (0xD800...0xDBFF).contains(unit) {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
        else { throw loneSurrogate(unit, at: start) }
        let second = index
        index += 2
        let low = try hex4(escapeAt: second)
        guard (0xDC00...0xDFFF).contains(low) else { throw loneSurrogate(unit, at: start) }
        value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
      } else if (0xDC00...0xDFFF).contains(unit) {
        throw loneSurrogate(unit, at: start)
      }
      guard let scalar = Unicode.Scalar(value) else { throw loneSurrogate(unit, at: start) }
      scratch.append(contentsOf: Array(String(Character(scalar)).utf8))
    default:
      throw JSONSyntaxError(
        offset: start,
        message: "`\\\(SafeText.escaped(String(Character(Unicode.Scalar(byte)))))` is not a JSON escape; "
          + "the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")
    }
  }

  private mutating func hex4(escapeAt start: Int) throws(JSONSyntaxError) -> UInt16 {
    guard index + 4 <= bytes.count else {
      throw JSONSyntaxError(offset: start, message: "`\\u` is followed by four hexadecimal digits")
    }
    var value: UInt16 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw JSONSyntaxError(offset: start, message: "`\\u` is followed by four hexadecimal digits")
      }
      value = value << 4 | UInt16(digit)
      index += 1
    }
    return value
  }

  private func loneSurrogate(_ unit: UInt16, at offset: Int) -> JSONSyntaxError {
    JSONSyntaxError(
      offset: offset,
      message: "a lone surrogate, `\\u\(String(unit, radix: 16, uppercase: true))`: a string must be valid Unicode "
        + "(a surrogate escape is one of a high-low pair such as `\\uD83D\\uDE00`)")
  }

  /// The length of the valid UTF-8 sequence at `offset`, or 0 when it is not valid.
  private func utf8Length(at offset: Int) -> Int {
    let lead = bytes[offset]
    let length: Int
    var lower: UInt8 = 0x80
    var upper: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      lower = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      upper = 0x9F
    case 0xF0:
      length = 4
      lower = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      upper = 0x8F
    default: return 0
    }
    guard offset + length <= bytes.count else { return 0 }
    guard (lower...upper).contains(bytes[offset + 1]) else { return 0 }
    for next in offset + 2..<offset + length where !(0x80...0xBF).contains(bytes[next]) { return 0 }
    return length
  }

  /// The error for invalid UTF-8 at `offset`, or `nil` when the bytes there are valid.
  private func utf8Problem(at offset: Int) -> JSONSyntaxError? {
    guard utf8Length(at: offset) == 0 else { return nil }
    let byte = String(bytes[offset], radix: 16, uppercase: true)
    return JSONSyntaxError(
      offset: offset,
      message: "invalid UTF-8: the byte 0x\(byte) does not start a valid character; "
        + "the document must be UTF-8 text")
  }

  /// Skips one value of any kind, checking its syntax (and the nesting bound).
  mutating func skipValue() throws(JSONSyntaxError) {
    guard let kind = peekKind() else { throw unexpected("a value") }
    switch kind {
    case .object:
      try enter(UInt8(ascii: "{"))
      if !isEmpty(UInt8(ascii: "}")) {
        repeat {
          try skipString()
          try expect(UInt8(ascii: ":"), "`:` after the field name")
          try skipValue()
        } while try next(UInt8(ascii: "}")) == .more
      }
      leave()
    case .array:
      try enter(UInt8(ascii: "["))
      if !isEmpty(UInt8(ascii: "]")) {
        repeat { try skipValue() } while try next(UInt8(ascii: "]")) == .more
      }
      leave()
    case .string: try skipString()
    case .number: try skipNumber()
    case .bool: try skipLiteral(bytes[index] == UInt8(ascii: "t") ? "true" : "false")
    case .null: try skipLiteral("null")
    case .invalid: throw unexpected("a value (a string, number, object, array, true, false or null)")
    }
  }

  /// Reads a number (by RFC 8259's grammar) as the text it is written in.
  mutating func readNumber() throws(JSONSyntaxError) -> Substring {
    skipWhitespace()
    let start = index
    guard start < bytes.count else { throw unexpected("a number") }
    try skipNumber()
    return Substring(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
  }

  /// Reads `true` or `false`.
  mutating func readBool() throws(JSONSyntaxError) -> Bool {
    guard peekKind() == .bool else { throw unexpected("`true` or `false`") }
    let value = bytes[index] == UInt8(ascii: "t")
    try skipLiteral(value ? "true" : "false")
    return value
  }

  /// Reads `null` if it is next.
  mutating func consumeNull() throws(JSONSyntaxError) -> Bool {
    guard peekKind() == .null else { return false }
    try skipLiteral("null")
    return true
  }

  private mutating func skipLiteral(_ word: StaticString) throws(JSONSyntaxError) {
    let start = index
    let length = word.utf8CodeUnitCount
    let matches =
      index + length <= bytes.count
      && word.withUTF8Buffer { expected in
        UnsafeBufferPointer(rebasing: bytes[index..<index + length]).elementsEqual(expected)
      }
    guard matches else {
      index = start
      var end = index
      while end < bytes.count, end - index < 24,
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[end])
          || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[end])
      {
        end += 1
      }
      let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
      throw JSONSyntaxError(
        offset: index,
        message: "`\(word)` is not a JSON value; expected a string in double quotes, a number, an object, an array, "
          + "true, false or null")
    }
    index += length
  }

  /// A number, by RFC 8259's grammar.
  private mutating func skipNumber() throws(JSONSyntaxError) {
    let start = index
    func digits() -> Int {
      let first = index
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
      return index - first
    }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let leadingZero = index < bytes.count && bytes[index] == UInt8(ascii: "0")
    let whole = digits()
    guard whole > 0, !(leadingZero && whole > 1) else {
      throw JSONSyntaxError(offset: start, message: "not a JSON number (digits, without leading zeros)")
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { throw JSONSyntaxError(offset: start, message: "not a JSON number (digits after `.`)") }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard digits() > 0 else { throw JSONSyntaxError(offset: start, message: "not a JSON number (exponent digits)") }
    }
  }

  /// The 1-based line and column of a byte offset, for messages: columns count characters as a
  /// rule file's diagnostics do (``LineColumns``).
  func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
    let end = min(offset, bytes.count)
    var line = 1
    var lineStart = 0
    for position in 0..<end where bytes[position] == 0x0A {
      line += 1
      lineStart = position + 1
    }
    let lineEnd = bytes[end...].firstIndex(of: 0x0A) ?? bytes.count
    var columns = LineColumns(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
    return (line, columns.column(at: end - lineStart))
  }
}
