import Testing

@testable import Regua

@Suite("Safe text")
struct SafeTextTests {
  @Test(
    "escapes controls and bidirectional formatting, keeps the rest",
    arguments: [
      ("INV-1", "INV-1"),
      ("a\u{1B}[2Jb", "a\\u{1B}[2Jb"),
      ("line\nforged", "line\\nforged"),
      ("tab\there\r", "tab\\there\\r"),
      ("bell\u{07}nul\u{0}", "bell\\u{7}nul\\u{0}"),
      ("del\u{7F} c1\u{85}", "del\\u{7F} c1\\u{85}"),
      ("abc\u{202E}fed\u{2066}", "abc\\u{202E}fed\\u{2066}"),
      ("mark\u{200F}\u{061C}", "mark\\u{200F}\\u{61C}"),
      ("sep\u{2028}", "sep\\u{2028}"),
      ("São Paulo — “ok” €", "São Paulo — “ok” €"),
      ("back\\slash", "back\\slash"),
      ("INV-\u{200B}1", "INV-\\u{200B}1"),
      ("soft\u{AD}hyphen\u{2060}joiner\u{FEFF}", "soft\\u{AD}hyphen\\u{2060}joiner\\u{FEFF}"),
      ("filler\u{3164}\u{FFA0}\u{115F}", "filler\\u{3164}\\u{FFA0}\\u{115F}"),
      ("tag\u{E0041}\u{E0FFF}", "tag\\u{E0041}\\u{E0FFF}"),
      ("beam\u{1D173}\u{1BCA0}", "beam\\u{1D173}\\u{1BCA0}"),
      ("não, Ελλάδα, 日本, \u{1F600}", "não, Ελλάδα, 日本, \u{1F600}"),
    ])
  func escapes(input: String, expected: String) {
    #expect(SafeText.escaped(input) == expected)
    #expect(SafeText.isSafe(input) == (input == expected))
  }

  @Test("the default-ignorable code points are Unicode's, for every scalar")
  func defaultIgnorableIsUnicodes() {
    var mismatches: [UInt32] = []
    var count = 0
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if SafeText.isDefaultIgnorable(scalar) { count += 1 }
      if SafeText.isDefaultIgnorable(scalar) != scalar.properties.isDefaultIgnorableCodePoint {
        mismatches.append(value)
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10).map { String($0, radix: 16) })")
    #expect(count == 4_174)
  }

  @Test(
    "every default-ignorable and bidirectional code point is escaped",
    arguments: [
      0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180E, 0x180F, 0x200B, 0x200C, 0x200D, 0x200E,
      0x200F, 0x202A, 0x202E, 0x2060, 0x2064, 0x2065, 0x2066, 0x2069, 0x206F, 0x3164, 0xFE00, 0xFE0F, 0xFEFF, 0xFFA0,
      0xFFF0, 0xFFF8, 0x1BCA0, 0x1BCA3, 0x1D173, 0x1D17A, 0xE0000, 0xE0001, 0xE007F, 0xE0100, 0xE0FFF,
    ] as [UInt32])
  func escapesInvisible(value: UInt32) throws {
    let scalar = try #require(Unicode.Scalar(value))
    #expect(SafeText.escaped("a" + String(scalar) + "b") == "a\\u{\(String(value, radix: 16, uppercase: true))}b")
    #expect(!SafeText.isSafe(String(scalar)))
    #expect(SafeText.firstUnsafe(in: "ok " + String(scalar)) == scalar)
  }

  @Test("an excerpt keeps a few characters and says how long the text was")
  func excerpt() {
    let long = String(repeating: "a", count: 10_000)
    #expect(SafeText.excerpt(long) == String(repeating: "a", count: 40) + "… (10000 bytes)")
    #expect(SafeText.excerpt("short") == "short")
    #expect(SafeText.excerpt("\u{1B}" + long, limit: 2) == "\\u{1B}a… (10001 bytes)")
  }

  @Test("suggestions stay cheap on long words")
  func boundedSuggestions() {
    let long = String(repeating: "x", count: 4_000)
    #expect(Suggestions.closest(to: long, among: ["America/Sao_Paulo"]) == nil)
    #expect(Suggestions.closest(to: "emial", among: ["email", "a-very-long-candidate-name"]) == "email")
  }
}
