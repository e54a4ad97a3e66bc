extension OffsetSyntax {
  /// Whether a word is shaped like an offset (`D+3`, `d-1`, `I14`, `X+2`), right or wrong, so the
  /// parser can explain what is wrong with it instead of calling it an unknown setting.
  static func looksLikeOffset(_ word: String) -> Bool {
    let bytes = Array(word.utf8)
    guard bytes.count >= 2, let first = bytes.first, first.isASCIILetter else { return false }
    let rest = bytes[1...]
    let digits = rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") ? rest.dropFirst() : rest
    return !digits.isEmpty && digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
      && (rest.first.map { !$0.isASCIILetter } ?? false)
      && ("DIPdip".utf8.contains(first) || rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-"))
  }

  /// Parses `D+14`, `D-3`, `D0`, `I+14`, `P+1`, explaining every way it can be wrong.
  static func parse(_ token: Token) throws(Parser.LineError) -> OffsetSyntax {
    if let offset = parseWellFormed(token) { return offset }
    let text = token.text
    guard let base = text.first else {
      throw Parser.LineError(diagnostic: .error(.badOffset, "expected an offset", at: token.range))
    }
    let upper = Character(base.uppercased())
    let rest = text.dropFirst()
    guard "DIP".contains(upper) else {
      throw Parser.LineError(
        diagnostic: .error(
          .badOffset, "unknown offset base `\(base)` in `\(text)`", at: token.range,
          help: "offsets count days from the due date (`D+3`), the issue date (`I+3`) or a promise (`P+3`)"))
    }
    guard base.isUppercase else {
      throw Parser.LineError(
        diagnostic: .error(
          .badOffset, "offset bases are upper-case", at: token.range, help: "write `\(upper)\(rest)`"))
    }
    let sign = rest.first
    let digits = sign == "+" || sign == "-" ? rest.dropFirst() : rest
    if sign != "+", sign != "-", digits.contains(where: { $0 != "0" }) {
      throw Parser.LineError(
        diagnostic: .error(
          .badOffset, "`\(text)` needs a sign", at: token.range,
          help: "write `\(upper)+\(digits)` for after, or `\(upper)-\(digits)` for before"))
    }
    // Cap the magnitude while reading so huge numbers cannot overflow; the compiler bounds it.
    var magnitude = 0
    for digit in digits.utf8 {
      magnitude = min(magnitude * 10 + Int(digit - UInt8(ascii: "0")), 1_000_000)
    }
    return OffsetSyntax(base: upper, days: sign == "-" ? -magnitude : magnitude, range: token.range)
  }
}

extension OffsetSyntax {
  /// Reads a well-formed offset from its bytes (`D+14`, `I-3`, `D0`), or returns `nil` for
  /// ``parse(_:)`` to explain what is wrong, reading characters.
  fileprivate static func parseWellFormed(_ token: Token) -> OffsetSyntax? {
    var bytes = token.text.utf8[...]
    let base: Character
    switch bytes.popFirst() {
    case UInt8(ascii: "D"): base = "D"
    case UInt8(ascii: "I"): base = "I"
    case UInt8(ascii: "P"): base = "P"
    default: return nil
    }
    let sign = bytes.first
    let signed = sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-")
    if signed { bytes = bytes.dropFirst() }
    guard !bytes.isEmpty else { return nil }
    var magnitude = 0
    for byte in bytes {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      // Capped while reading so huge numbers cannot overflow; the compiler bounds it.
      magnitude = min(magnitude * 10 + Int(byte - UInt8(ascii: "0")), 1_000_000)
    }
    // Without a sign only zero is an offset (`D0`).
    guard signed || magnitude == 0 else { return nil }
    return OffsetSyntax(base: base, days: sign == UInt8(ascii: "-") ? -magnitude : magnitude, range: token.range)
  }
}

extension UInt8 {
  var isASCIILetter: Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
  }
}
