import Foundation
import Testing

/// Whether `text` holds a character that must not reach a terminal raw (a newline aside): a C0
/// or C1 control, `DEL`, a line or paragraph separator, a bidirectional formatting character.
func holdsRawControl(_ text: String) -> Bool {
  text.unicodeScalars.contains { scalar in
    switch scalar.value {
    case 0x0A: return false
    case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }
}

@Suite("Input text cannot attack a terminal", .serialized)
struct SafeOutputTests {
  static let hostileID = "INV-\u{1B}[2J\nFORGED LINE\u{202E}X"

  /// The sample invoice with a hostile id, written to a temporary file.
  func hostileInvoice() throws -> String {
    let sample = try Data(
      contentsOf: ReguaBinary.packageRoot.appendingPathComponent("Rules/samples/b2b-invoice.json"))
    var json = try #require(try JSONSerialization.jsonObject(with: sample) as? [String: Any])
    json["id"] = SafeOutputTests.hostileID
    let data = try JSONSerialization.data(withJSONObject: json)
    return try ReguaBinary.temporaryFile("hostile.json", String(decoding: data, as: UTF8.self))
  }

  /// A plain invoice due on 2026-03-10, written to a temporary file.
  func plainInvoice() throws -> String {
    try ReguaBinary.temporaryFile(
      "plain.json",
      #"{"id":"INV-1","currency":"BRL","amount":"10.00","issued":"2026-03-01","due":"2026-03-10","status":"open","customer":{"id":"C-1","kind":"company","segment":"smb","tags":[]},"tags":[],"payments":[],"history":[]}"#
    )
  }

  /// A rule file whose cadence name, argument and test name hold a tab or a new line (written as
  /// the escapes `\t` and `\n` of rule-file strings: raw, they are errors).
  func oddRules() throws -> String {
    try ReguaBinary.temporaryFile(
      "odd.regua",
      """
      cadence "odd\\tname"
        D+1 email "first\\nFORGED LINE\\tx"

      test "name\\twith a tab"
        invoice 1000.00 BRL due 2026-03-10
        on D+1 expect sms

      """)
  }

  func plan(_ invoice: String, rules: String = "Rules/b2b-standard.regua", json: Bool = false) throws
    -> ReguaBinary.Result
  {
    try ReguaBinary.run(["plan", rules, "--invoice", invoice, "--on", "2026-03-11"] + (json ? ["--json"] : []))
  }

  @Test("an id with ESC, a newline and a bidirectional override is rejected, and quoted escaped")
  func hostileID() throws {
    let result = try plan(try hostileInvoice())
    #expect(result.status == 1)
    #expect(result.stderr.contains("`INV-\\u{1B}[2J\\nFORGED LINE\\u{202E}X`"), "\(result.stderr)")
    #expect(!holdsRawControl(result.stderr))
    #expect(result.stdout.isEmpty)
  }

  @Test("`plan` prints a new line or a tab in a cadence's text escaped, and forges no line")
  func humanPlan() throws {
    let result = try plan(try plainInvoice(), rules: try oddRules())
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!holdsRawControl(result.stdout))
    #expect(result.stdout.hasPrefix("odd\\tname · invoice INV-1 · 2026-03-11"))
    #expect(result.stdout.contains("  d+1-email  email first\\nFORGED LINE\\tx  scheduled 2026-03-11  on time\n"))
    #expect(!result.stdout.split(separator: "\n").contains { $0.hasPrefix("FORGED") })
  }

  @Test("`plan --json` keeps the exact value, JSON-escaped, on one line")
  func jsonPlan() throws {
    let result = try plan(try plainInvoice(), rules: try oddRules(), json: true)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!holdsRawControl(result.stdout))
    #expect(result.stdout.contains(#""args":["first\nFORGED LINE\tx"]"#))
    #expect(result.stdout.contains(#""cadence":"odd\tname""#))
    let line = result.stdout.trimmingCharacters(in: .newlines)
    #expect(!line.contains("\n"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    #expect(object["cadence"] as? String == "odd\tname")
  }

  @Test("`plan --json` of an ordinary invoice is byte for byte what it was, with the balance charges pinned")
  func unchangedJSON() throws {
    let result = try ReguaBinary.run([
      "plan", "Rules/b2b-standard.regua", "--invoice", "Rules/samples/b2b-invoice.json", "--on", "2026-03-24", "--json",
    ])
    #expect(
      result.stdout
        == #"{"actions":[{"action":"call","args":[],"channel":"call","id":"INV-1001/d+14-call","late":0,"scheduled":"2026-03-24","step":"d+14-call","window":{"from":"2026-03-24T12:00:00Z","to":"2026-03-24T21:00:00Z"}}],"balance":{"discount":"0.00","fees":"0.00","interest":"0.00","principal":"1000.00","total":"1000.00"},"cadence":"b2b-standard","date":"2026-03-24","invoice":"INV-1001","next":"2026-04-09","skipped":[{"detail":"The D+7 whatsapp was due on 2026-03-17 and is now 7 days late; contacts go out at most 3 days late, so it will not be sent.","reason":"missed","retry":null,"scheduled":"2026-03-17","step":"d+7-whatsapp"}],"version":3}"#
        + "\n")
  }

  @Test("the trojan-source line is an error at its line and column, echoed escaped")
  func trojanSource() throws {
    let path = try ReguaBinary.temporaryFile(
      "trojan.regua", "cadence \"t\"\n  D+1 write off # \r  D+1 email reminder\n")
    let result = try ReguaBinary.run(["check", path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(path):2:19: error: carriage return `\\r` without a line feed\n"))
    #expect(result.stderr.contains(" 2 |   D+1 write off # \\r  D+1 email reminder\n"))
    #expect(!holdsRawControl(result.stderr))
  }

  @Test("a bidirectional control in a comment is a warning; in a string, an error")
  func bidirectionalControls() throws {
    let comment = try ReguaBinary.temporaryFile("comment.regua", "cadence \"t\"\n  D+1 email x # \u{202E}note\n")
    let warned = try ReguaBinary.run(["check", comment])
    #expect(warned.status == 0)
    #expect(warned.stderr.contains("\(comment):2:17: warning: bidirectional control character `\\u{202E}`"))
    #expect(warned.stdout.contains("1 cadence, 0 tests: 1 warning"))
    #expect(!holdsRawControl(warned.stderr))
    let string = try ReguaBinary.temporaryFile("string.regua", "cadence \"t\"\n  D+1 email \"a\u{2067}b\"\n")
    let failed = try ReguaBinary.run(["check", string])
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("\(string):2:15: error: bidirectional control character `\\u{2067}`"))
    #expect(!holdsRawControl(failed.stderr))
  }

  @Test("`simulate` and `test` print arguments and names escaped")
  func simulateAndTest() throws {
    let path = try oddRules()
    let simulated = try ReguaBinary.run(["simulate", path, "--invoice", try plainInvoice(), "--to", "2026-03-12"])
    #expect(simulated.status == 0, "\(simulated.stderr)")
    #expect(!holdsRawControl(simulated.stdout))
    #expect(simulated.stdout.hasPrefix("odd\\tname · invoice INV-1 ·"))
    #expect(simulated.stdout.contains("2026-03-11  D+1  email  first\\nFORGED LINE\\tx\n"))
    let tested = try ReguaBinary.run(["test", path])
    #expect(tested.status == 1)
    #expect(!holdsRawControl(tested.stdout))
    #expect(tested.stdout.contains("FAIL name\\twith a tab ("))
    #expect(tested.stdout.contains("(email first\\nFORGED LINE\\tx)"))
  }

  @Test("a usage error quoting an argument escapes it")
  func usageError() throws {
    let result = try ReguaBinary.run(["check", "--\u{1B}[31mred"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("unknown option `--\\u{1B}[31mred`"))
    #expect(!holdsRawControl(result.stderr))
  }
}
