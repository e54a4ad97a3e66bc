import Foundation
import Testing

@testable import Regua

@Suite("JSON string escapes")
struct JSONEscapingTests {
  @Test(
    "bidirectional controls, separators, DEL, C1 controls and invisible characters are written as \\u escapes",
    arguments: [
      ("a\u{202E}b", #""a\u202eb""#), ("\u{2066}x\u{2069}", #""\u2066x\u2069""#),
      ("\u{200E}\u{200F}\u{061C}", #""\u200e\u200f\u061c""#), ("line\u{2028}para\u{2029}", #""line\u2028para\u2029""#),
      ("del\u{7F}", #""del\u007f""#), ("c1\u{85}\u{9F}", #""c1\u0085\u009f""#),
      ("esc\u{1B}[2J", #""esc\u001b[2J""#), ("nl\ntab\t", #""nl\ntab\t""#), ("q\"b\\", #""q\"b\\""#),
      ("INV-\u{200B}1", #""INV-\u200b1""#), ("\u{AD}\u{2060}\u{FEFF}", #""\u00ad\u2060\ufeff""#),
      ("tag\u{E0041}", #""tag\udb40\udc41""#), ("beam\u{1D173}", #""beam\ud834\udd73""#),
    ])
  func escapes(text: String, json: String) throws {
    #expect(JSONValue.string(text).serialized == json)
    let decoded = try JSONDecoder().decode(String.self, from: Data(json.utf8))
    #expect(decoded == text)
  }

  @Test(
    "other text is written as is, non-ASCII and non-BMP included",
    arguments: ["INV-1001", "São Paulo — “ok” € …", "a/b", "日本語", "\u{1F600}", "\u{2030}\u{2010}\u{0600}\u{A0}", ""])
  func plain(text: String) {
    #expect(JSONValue.string(text).serialized == "\"" + text + "\"")
  }

  @Test("a plan's JSON escapes a bidirectional override in any field, and the writer agrees with the tree")
  func planFields() throws {
    let day = try #require(CivilDate(year: 2026, month: 3, day: 24))
    let plan = ActionPlan(
      cadence: "c\u{202E}", version: nil, invoice: "INV\u{2067}1", date: day,
      actions: [
        PlannedAction(
          id: "INV\u{2067}1/d+1-email", step: "d+1-email", action: .email, arguments: ["a\u{202D}b"], channel: .email,
          scheduled: day, late: 0)
      ],
      skipped: [], next: nil, balance: AmountsOwed(principal: Money(minorUnits: 100, currency: .brl)))
    let line = plan.jsonLine
    #expect(line == plan.json.serialized)
    #expect(!line.unicodeScalars.contains(where: SafeText.isBidirectionalControl))
    #expect(line.contains(#""args":["a\u202db"]"#))
    #expect(line.contains(#""invoice":"INV\u20671""#))
  }
}
