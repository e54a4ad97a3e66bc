import Testing

@testable import Regua

@Suite("Safe text in UTF-8 bytes")
struct SafeTextUTF8Tests {
  @Test(
    "the byte tests find exactly the scalars that are unsafe, and those that are terminal controls, for every scalar")
  func agreesWithScalars() {
    let scalars = (0...0x10FFFF).compactMap(Unicode.Scalar.init)
    var mismatches: [UInt32] = []
    for scalar in scalars {
      let bytes = Array(String(scalar).utf8) + [UInt8(ascii: "x")]
      let length = bytes.withUnsafeBufferPointer { SafeText.unsafeScalarLength($0, at: 0) }
      let expected = SafeText.isUnsafe(scalar) ? bytes.count - 1 : 0
      if length != expected || (length > 0 && !SafeText.mayStartUnsafe(bytes[0])) {
        mismatches.append(scalar.value)
        continue
      }
      let controlLength = bytes.withUnsafeBufferPointer { SafeText.terminalControlLength($0, at: 0) }
      let expectedControl = SafeText.isTerminalControl(scalar) ? bytes.count - 1 : 0
      if controlLength != expectedControl || (controlLength > 0 && !SafeText.mayStartTerminalControl(bytes[0])) {
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
    for bytes: [UInt8] in [[0xE2], [0xE2, 0x80], [0xC2], [0xD8], [0xF3, 0xA0, 0x80], [0xEF, 0xBB]] {
      #expect(bytes.withUnsafeBufferPointer { SafeText.unsafeScalarLength($0, at: 0) } == 0)
      #expect(bytes.withUnsafeBufferPointer { SafeText.terminalControlLength($0, at: 0) } == 0)
    }
  }
}
