extension SafeText {
  /// Whether `byte` may start an unsafe scalar (see ``isUnsafe(_:)``) in UTF-8: a C0 control,
  /// `DEL`, or the lead byte `0xC2` (C1 controls), `0xD8` (U+061C) or `0xE2` (U+2000–U+2FFF).
  ///
  /// A cheap first test for byte scanners; ``unsafeScalarLength(_:at:)`` decides.
  @inline(__always)
  static func mayStartUnsafe(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
  }

  /// The length in bytes of the unsafe scalar that starts at `offset` of the UTF-8 text `bytes`,
  /// or 0 when the scalar there is safe; read from the bytes, without decoding.
  ///
  /// The unsafe scalars and their encodings: C0 controls and `DEL` (one byte), C1 controls
  /// (`C2 80`–`C2 9F`), U+061C (`D8 9C`), U+200E and U+200F (`E2 80 8E`, `E2 80 8F`), U+2028–U+202E
  /// (`E2 80 A8`–`E2 80 AE`) and U+2066–U+2069 (`E2 81 A6`–`E2 81 A9`).
  static func unsafeScalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
    let byte = bytes[offset]
    if byte < 0x20 || byte == 0x7F { return 1 }
    let count = bytes.count
    switch byte {
    case 0xC2:
      return offset + 1 < count && (0x80...0x9F).contains(bytes[offset + 1]) ? 2 : 0
    case 0xD8:
      return offset + 1 < count && bytes[offset + 1] == 0x9C ? 2 : 0
    case 0xE2:
      guard offset + 2 < count else { return 0 }
      let (second, third) = (bytes[offset + 1], bytes[offset + 2])
      if second == 0x80 { return third == 0x8E || third == 0x8F || (0xA8...0xAE).contains(third) ? 3 : 0 }
      if second == 0x81 { return (0xA6...0xA9).contains(third) ? 3 : 0 }
      return 0
    default:
      return 0
    }
  }

  /// The unsafe scalar of `length` bytes (as ``unsafeScalarLength(_:at:)`` measured it) that starts
  /// at `offset` of `bytes`.
  static func unsafeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, length: Int) -> Unicode.Scalar {
    let value: UInt32
    switch length {
    case 2: value = UInt32(bytes[offset] & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)
    case 3:
      value =
        UInt32(bytes[offset] & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
    default: value = UInt32(bytes[offset])
    }
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }
}
