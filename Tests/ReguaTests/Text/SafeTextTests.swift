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
    ])
  func escapes(input: String, expected: String) {
    #expect(SafeText.escaped(input) == expected)
    #expect(SafeText.isSafe(input) == (input == expected))
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
