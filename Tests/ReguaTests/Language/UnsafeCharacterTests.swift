import Foundation
import Testing

@testable import Regua

/// A character the lexer must flag, and the one diagnostic expected for it.
struct UnsafeCharacterCase: Sendable, CustomTestStringConvertible {
  var body: String
  var code: String
  var severity: Diagnostic.Severity
  var column: Int
  var testDescription: String { SafeText.escaped(body) }
}

@Suite("Characters a reader would not see")
struct UnsafeCharacterTests {
  static let cases: [UnsafeCharacterCase] = [
    // Trojan source: `cat` shows an e-mail; the lexer would read a write-off.
    .init(body: "  D+1 write off # \r  D+1 email reminder", code: "lone-carriage-return", severity: .error, column: 19),
    .init(body: "  D+1 email x\r", code: "lone-carriage-return", severity: .error, column: 14),
    .init(body: "  D+1 email\rx", code: "lone-carriage-return", severity: .error, column: 12),
    .init(body: "  D+1 email \"a\rb\"", code: "lone-carriage-return", severity: .error, column: 15),
    .init(body: "  D+1 email \"a\u{2067}b\"", code: "bidirectional-control", severity: .error, column: 15),
    .init(body: "  D+1 email x\u{202E}", code: "bidirectional-control", severity: .error, column: 14),
    .init(body: "  D+1 email x # \u{202E} reversed", code: "bidirectional-control", severity: .warning, column: 17),
    .init(
      body: "  D+1 email \"açúcar\" # é\u{200F}\u{202E}", code: "bidirectional-control", severity: .warning, column: 25),
    .init(body: "  D+1 email x # \u{1B}[1G  D+1 email y", code: "control-character", severity: .error, column: 17),
    .init(body: "  D+1 email \"a\u{7}b\"", code: "control-character", severity: .error, column: 15),
    .init(body: "  D+1 email x\u{0}", code: "control-character", severity: .error, column: 14),
    .init(body: "  D+1 email x # a\u{2028}D+2 email y", code: "control-character", severity: .error, column: 18),
    .init(body: "  D+1 email x # \u{85}", code: "control-character", severity: .error, column: 17),
  ]

  @Test("each is reported once, at the exact character, with its code and severity", arguments: cases)
  func flagged(_ expected: UnsafeCharacterCase) throws {
    let file = compile(cadence(expected.body))
    let diagnostic = try #require(file.diagnostics.first)
    #expect(file.diagnostics.count == 1, "\(file.diagnostics)")
    #expect(diagnostic.code == expected.code)
    #expect(diagnostic.severity == expected.severity)
    #expect(diagnostic.range.start == SourcePosition(line: 2, column: expected.column))
    #expect(file.isValid == (expected.severity == .warning))
  }

  @Test("the trojan-source line is an error that says what the character does")
  func trojanSource() throws {
    let file = compile(cadence("  D+1 write off # \r  D+1 email reminder"))
    let diagnostic = try #require(file.diagnostics.first)
    #expect(diagnostic.message == "carriage return `\\r` without a line feed")
    #expect(diagnostic.help?.contains("over the start of the line") == true)
    #expect(file.cadences.isEmpty)
  }

  @Test("a bidirectional control in a comment warns, and the cadence still compiles")
  func bidiInComment() throws {
    let file = compile(cadence("  D+1 email x # \u{202E}\u{2066} two of them, one warning"))
    let diagnostic = try #require(file.diagnostics.first)
    #expect(file.diagnostics.count == 1)
    #expect(diagnostic.message == "bidirectional control character `\\u{202E}` (right-to-left override) in a comment")
    #expect(file.cadences.count == 1)
  }

  @Test(
    "every bidirectional formatting character in a string is an error",
    arguments: Array(
      "\u{061C}\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}".unicodeScalars)
  )
  func everyBidiControl(_ scalar: Unicode.Scalar) throws {
    let file = compile(cadence("  D+1 email \"x\(Character(scalar))\""))
    let diagnostic = try #require(file.diagnostics.first)
    #expect(diagnostic.code == "bidirectional-control")
    #expect(diagnostic.range.start.column == 15)
    #expect(!diagnostic.message.unicodeScalars.contains(where: SafeText.isUnsafe))
  }

  @Test("CRLF line endings, tabs, and right-to-left text without controls are accepted")
  func accepted() {
    let file = compile(
      "cadence \"t\"\r\n  D+1 email x # note\r\n\tD+2 sms \"a\tb\" #\ttab\r\n  D+3 email \"שלום\" # مرحبا\r\n")
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    #expect(file.cadences.first?.steps.count == 3)
  }
  @Test(
    "an invisible character or a look-alike letter in a bare word or an `as` id is an error naming it",
    arguments: ["\u{200B}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{AD}", "\u{FE0F}", "\u{E0001}", "\u{0430}"],
    ["  D+1 email x as d+1-e%@x", "  D+1 call when tagged v%@p", "  D+1 em%@ail x"])
  func invisibleInBareWord(scalar: String, line: String) throws {
    let file = compile(cadence(line.replacingOccurrences(of: "%@", with: scalar)))
    let diagnostic = try #require(file.diagnostics.first)
    #expect(file.diagnostics.count == 1)
    #expect(diagnostic.code == "unexpected-character")
    let value = try #require(scalar.unicodeScalars.first?.value)
    #expect(diagnostic.message.contains(SafeText.codePoint(value)))
    #expect(file.cadences.isEmpty)
  }
}
