import Foundation
import Testing

@testable import Regua

/// Rule files compiled from their bytes: the size and the encoding are checked first.
@Suite("Rule files from bytes")
struct RuleFileBytesTests {
  @Test("bytes past the size limit are one error, without a line of them shown")
  func tooLarge() {
    let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: Bounds.fileBytes + 1)
    let file = RuleCompiler.compile(path: "big.regua", contents: bytes)
    #expect(file.diagnostics.map(\.description) == ["1:1: error: the file is larger than 4 MiB"])
    #expect(file.source.text.isEmpty)
    let fits = Array("cadence \"c\"\n  D+1 call\n".utf8)
    #expect(RuleCompiler.compile(path: "ok.regua", contents: fits).cadences.count == 1)
  }

  /// A file's text with one bad sequence, and where the error is expected.
  static let invalid: [(bytes: [UInt8], offset: Int, line: Int, column: Int, byte: String)] = [
    (Array("cadence \"c\"\n  D+1 email \"caf".utf8) + [0xE9, 0x22], 28, 2, 17, "0xE9"),
    ([0xFF] + Array("cadence".utf8), 0, 1, 1, "0xFF"),
    (Array("cadence \"é".utf8) + [0x80], 11, 1, 11, "0x80"),
    // Overlong `/`, an encoded surrogate, a code point past U+10FFFF, a cut sequence at the end.
    (Array("a".utf8) + [0xC0, 0xAF], 1, 1, 2, "0xC0"),
    (Array("ab\ncd".utf8) + [0xED, 0xA0, 0x80], 5, 2, 3, "0xED"),
    ([0xF4, 0x90, 0x80, 0x80], 0, 1, 1, "0xF4"),
    (Array("x\n\n".utf8) + [0xE2, 0x82], 3, 3, 1, "0xE2"),
    // On a line too long to show, the error is placed at the line's start.
    (Array("x\n".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 5000) + [0xFF], 5002, 2, 1, "0xFF"),
  ]

  @Test("bytes that are not UTF-8 are one error naming the offset of the first invalid byte", arguments: invalid)
  func notUTF8(bytes: [UInt8], offset: Int, line: Int, column: Int, byte: String) {
    let file = RuleCompiler.compile(path: "bad.regua", contents: bytes)
    #expect(
      file.diagnostics.map(\.description) == [
        "\(line):\(column): error: the file is not UTF-8: invalid byte \(byte) at byte offset \(offset)"
      ])
    #expect(file.cadences.isEmpty)
  }

  @Test("the first invalid offset agrees with the standard library's decoding, on random bytes")
  func validationAgreesWithTheStandardLibrary() {
    var generator = SeededRandom(seed: 5)
    let pieces: [[UInt8]] = [
      [0x41], [0x0A], Array("é".utf8), Array("€".utf8), Array("👩".utf8), [0x80], [0xC2], [0xE0, 0x80], [0xED, 0xBF],
      [0xF0, 0x8F], [0xF4, 0x8F, 0xBF, 0xBF], [0xF5], [0xFF], [0xC1, 0xBF], [0xEF, 0xBF, 0xBF],
    ]
    for _ in 0..<2000 {
      let bytes = (0..<Int.random(in: 0...8, using: &generator)).flatMap { _ in
        pieces.randomElement(using: &generator) ?? []
      }
      let isValid = Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes
      let offset = UTF8Validation.firstInvalidOffset(in: bytes)
      #expect((offset == nil) == isValid, "\(bytes)")
      if let offset {
        // Everything before it decodes as it is.
        let prefix = Array(bytes[..<offset])
        #expect(Array(String(decoding: prefix, as: UTF8.self).utf8) == prefix, "\(bytes)")
      }
    }
  }

  @Test("a cadence read from a URL is read with the same bound")
  func contentsOfURL() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("regua-bytes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let big = directory.appendingPathComponent("big.regua")
    try Data(repeating: UInt8(ascii: "#"), count: Bounds.fileBytes + 10).write(to: big)
    #expect(throws: CompilationError.self) { try Cadence(contentsOf: big) }
    let good = directory.appendingPathComponent("good.regua")
    try Data("cadence \"c\"\n  D+1 call\n".utf8).write(to: good)
    #expect(try Cadence(contentsOf: good).name == "c")
  }
}
