/// Where bytes stop being UTF-8, for messages that name the spot.
///
/// Well-formed UTF-8 as Unicode defines it (table 3-7 of the standard): no overlong forms, no
/// surrogates, nothing past U+10FFFF. `String(decoding:as:)` would quietly replace what is not
/// with U+FFFD; a rule file that is not UTF-8 is an error instead, and its message says where.
enum UTF8Validation {
  /// The offset of the first byte of the first ill-formed sequence, or `nil` when every byte is
  /// part of a well-formed one.
  static func firstInvalidOffset<C: Collection<UInt8>>(in bytes: C) -> Int? where C.Index == Int {
    var index = bytes.startIndex
    let end = bytes.endIndex
    while index < end {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      // The range the second byte must fall in, and how many bytes the sequence has.
      let second: ClosedRange<UInt8>
      let length: Int
      switch lead {
      case 0xC2...0xDF: (second, length) = (0x80...0xBF, 2)
      case 0xE0: (second, length) = (0xA0...0xBF, 3)
      case 0xE1...0xEC, 0xEE...0xEF: (second, length) = (0x80...0xBF, 3)
      case 0xED: (second, length) = (0x80...0x9F, 3)
      case 0xF0: (second, length) = (0x90...0xBF, 4)
      case 0xF1...0xF3: (second, length) = (0x80...0xBF, 4)
      case 0xF4: (second, length) = (0x80...0x8F, 4)
      default: return index - bytes.startIndex
      }
      guard end - index >= length, second.contains(bytes[index + 1]) else { return index - bytes.startIndex }
      for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) {
        return index - bytes.startIndex
      }
      index += length
    }
    return nil
  }
}
