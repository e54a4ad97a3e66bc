import Testing

@testable import Regua

@Suite("Safe text in UTF-8 bytes")
struct SafeTextUTF8Tests {
  @Test("the byte test finds exactly the scalars that are unsafe, for every scalar of the BMP")
  func agreesWithScalars() {
    var scalars = (0...0xFFFF).compactMap(Unicode.Scalar.init)
    scalars += ["\u{1F600}", "\u{10FFFF}", "\u{E0001}"]
    var mismatches: [UInt32] = []
    for scalar in scalars {
      let bytes = Array(String(scalar).utf8) + [UInt8(ascii: "x")]
      let length = bytes.withUnsafeBufferPointer { SafeText.unsafeScalarLength($0, at: 0) }
      let expected = SafeText.isUnsafe(scalar) ? bytes.count - 1 : 0
      if length != expected || (length > 0 && !SafeText.mayStartUnsafe(bytes[0])) {
        mismatches.append(scalar.value)
        continue
      }
      if length > 0 {
        let decoded = bytes.withUnsafeBufferPointer { SafeText.unsafeScalar($0, at: 0, length: length) }
        if decoded != scalar { mismatches.append(scalar.value) }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10).map { String($0, radix: 16) })")
  }

  @Test("a lead byte at the end of the text is not read past")
  func truncated() {
    for bytes: [UInt8] in [[0xE2], [0xE2, 0x80], [0xC2], [0xD8]] {
      #expect(bytes.withUnsafeBufferPointer { SafeText.unsafeScalarLength($0, at: 0) } == 0)
    }
  }
}
