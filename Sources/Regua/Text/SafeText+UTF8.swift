extension SafeText {
  /// The lead bytes (`0xC0`–`0xFF`, by their low six bits) of the non-ASCII unsafe scalars:
  /// `C2` (C1 controls, U+00AD), `CD` (U+034F), `D8` (U+061C), `E1` (U+115F–U+1160,
  /// U+17B4–U+17B5, U+180B–U+180F), `E2` (U+2000–U+2FFF), `E3` (U+3164), `EF` (U+FE00–U+FFFF),
  /// `F0` (U+1BCA0–U+1BCA3, U+1D173–U+1D17A) and `F3` (U+E0000–U+E0FFF). A test checks it
  /// against every scalar.
  @inline(__always)
  private static var unsafeLeadBytes: UInt64 { 0x0009_800E_0100_2004 }

  /// Whether `byte` may start an unsafe scalar (see ``isUnsafe(_:)``) in UTF-8: a C0 control,
  /// `DEL`, or one of the lead bytes of the others.
  ///
  /// A cheap first test for byte scanners; ``unsafeScalarLength(_:at:)`` decides.
  @inline(__always)
  static func mayStartUnsafe(_ byte: UInt8) -> Bool {
    // Printable ASCII (0x20–0x7E), the common case, in one comparison.
    if byte &- 0x20 < 0x5F { return false }
    return byte < 0x80 || (byte >= 0xC0 && unsafeLeadBytes & (1 << UInt64(byte & 0x3F)) != 0)
  }

  /// Whether `byte` may start a terminal control (see ``isTerminalControl(_:)``) in UTF-8: a C0
  /// control, `DEL`, or the lead byte `0xC2` (C1 controls), `0xD8` (U+061C) or `0xE2`
  /// (U+2000–U+2FFF).
  ///
  /// A cheap first test for byte scanners; ``terminalControlLength(_:at:)`` decides.
  @inline(__always)
  static func mayStartTerminalControl(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
  }

  /// The length in bytes of the unsafe scalar (see ``isUnsafe(_:)``) that starts at `offset` of
  /// the UTF-8 text `bytes`, or 0 when the scalar there is safe or cut off by the end of
  /// `bytes`.
  static func unsafeScalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
    let byte = bytes[offset]
    if byte < 0x80 { return byte < 0x20 || byte == 0x7F ? 1 : 0 }
    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 0
    guard length > 0, offset + length <= bytes.count else { return 0 }
    return isUnsafe(unsafeScalar(bytes, at: offset, length: length)) ? length : 0
  }

  /// The length in bytes of the terminal control (see ``isTerminalControl(_:)``) that starts at
  /// `offset` of the UTF-8 text `bytes`, or 0 when the scalar there is none; read from the bytes,
  /// without decoding.
  ///
  /// The terminal controls and their encodings: C0 controls and `DEL` (one byte), C1 controls
  /// (`C2 80`–`C2 9F`), U+061C (`D8 9C`), U+200E and U+200F (`E2 80 8E`, `E2 80 8F`),
  /// U+2028–U+202E (`E2 80 A8`–`E2 80 AE`) and U+2066–U+2069 (`E2 81 A6`–`E2 81 A9`).
  static func terminalControlLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
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

  /// The scalar of `length` bytes (as ``unsafeScalarLength(_:at:)`` or
  /// ``terminalControlLength(_:at:)`` measured it) that starts at `offset` of `bytes`.
  static func unsafeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, length: Int) -> Unicode.Scalar {
    let value: UInt32
    switch length {
    case 2: value = UInt32(bytes[offset] & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)
    case 3:
      value =
        UInt32(bytes[offset] & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
    case 4:
      value =
        UInt32(bytes[offset] & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
        | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F)
    default: value = UInt32(bytes[offset])
    }
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }
}
