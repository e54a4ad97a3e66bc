/// Finds where a document stops being valid JSON, for error messages: Foundation's decoder only
/// says that it is not. Used on the failure path only.
struct JSONSyntaxCheck {
  /// The first syntax error: 1-based line and column, and what was expected there.
  struct Problem: Error, Equatable {
    var line: Int
    var column: Int
    var expected: String
  }

  private let bytes: [UInt8]
  private var index = 0
  private var depth = 0

  private init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// The first syntax error in `bytes`, or `nil` when they are valid JSON.
  static func firstProblem(in bytes: [UInt8]) -> Problem? {
    var check = JSONSyntaxCheck(bytes)
    do throws(Problem) {
      try check.value()
      check.skipWhitespace()
      if check.index < bytes.count { throw check.problem("the end of the document") }
      return nil
    } catch {
      return error
    }
  }

  private func problem(_ expected: String) -> Problem {
    var line = 1
    var lineStart = 0
    for (offset, byte) in bytes[..<min(index, bytes.count)].enumerated() where byte == UInt8(ascii: "\n") {
      line += 1
      lineStart = offset + 1
    }
    let column = String(decoding: bytes[lineStart..<min(index, bytes.count)], as: UTF8.self).count + 1
    return Problem(line: line, column: column, expected: expected)
  }

  private mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func expect(_ byte: UInt8, _ description: String) throws(Problem) {
    skipWhitespace()
    guard peek() == byte else { throw problem(description) }
    index += 1
  }

  private mutating func value() throws(Problem) {
    skipWhitespace()
    depth += 1
    defer { depth -= 1 }
    guard depth <= 512 else { throw problem("less nesting") }
    guard let next = peek() else { throw problem("a value") }
    switch next {
    case UInt8(ascii: "{"): try object()
    case UInt8(ascii: "["): try array()
    case UInt8(ascii: "\""): try string()
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): number()
    default: throw problem("a value (a string, number, object, array, true, false or null)")
    }
  }

  private mutating func object() throws(Problem) {
    index += 1
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      index += 1
      return
    }
    while true {
      skipWhitespace()
      guard peek() == UInt8(ascii: "\"") else { throw problem("a field name in double quotes") }
      try string()
      try expect(UInt8(ascii: ":"), "`:` after the field name")
      try value()
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "}"):
        index += 1
        return
      default: throw problem("`,` or `}`")
      }
    }
  }

  private mutating func array() throws(Problem) {
    index += 1
    skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      index += 1
      return
    }
    while true {
      try value()
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "]"):
        index += 1
        return
      default: throw problem("`,` or `]`")
      }
    }
  }

  private mutating func string() throws(Problem) {
    index += 1
    while let byte = peek() {
      index += 1
      if byte == UInt8(ascii: "\"") { return }
      if byte == UInt8(ascii: "\\") { index += 1 }
      if byte < 0x20 { throw problem("the closing `\"` on the same line") }
    }
    throw problem("the closing `\"` of the string")
  }

  private mutating func literal(_ word: String) throws(Problem) {
    for expected in word.utf8 {
      guard peek() == expected else { throw problem("`\(word)`") }
      index += 1
    }
  }

  private mutating func number() {
    while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "+-.eE".utf8.contains(byte) {
      index += 1
    }
  }
}
