import Foundation
import Testing

/// Accounts through the built `regua`: `plan --invoice` takes an account document.
@Suite("Accounts, end to end", .serialized)
struct AccountCommandTests {
  static let cadence = """
    cadence "contas"
      D-3  email reminder
      D+1  email overdue
      D+5  suspend service
      limit any 2 per 3 days

    """

  /// The rule file and an account of INV-1 and INV-2, written to temporary files.
  static func files() throws -> (rules: String, account: String) {
    (
      try ReguaBinary.temporaryFile("contas.regua", Self.cadence),
      try ReguaBinary.temporaryFile("account.json", Self.account(["INV-2", "INV-1"]))
    )
  }

  static func account(_ ids: [String], due: String = "2026-03-10") -> String {
    let invoices = ids.map { id in
      #"{"id":"\#(id)","currency":"BRL","amount":"100.00","issued":"2026-03-01","due":"\#(due)"}"#
    }
    return #"{"customer":{"id":"C-42"},"invoices":[\#(invoices.joined(separator: ","))]}"#
  }

  @Test("plan --json: five invoices of one customer due the same day, one e-mail listing the five")
  func mergedJSON() throws {
    let rules = try ReguaBinary.temporaryFile("contas.regua", Self.cadence)
    let account = try ReguaBinary.temporaryFile(
      "account.json", Self.account(["INV-5", "INV-2", "INV-4", "INV-1", "INV-3"]))
    let result = try ReguaBinary.run(["plan", rules, "--invoice", account, "--on", "2026-03-11", "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(#""id":"C-42/email/2026-03-11","invoices":["INV-1","INV-2","INV-3","INV-4","INV-5"]"#))
    #expect(result.stdout.contains(#""customer":"C-42""#))
    #expect(result.stdout.contains(#""invoice":null"#))
    #expect(result.stdout.components(separatedBy: #""action":"email""#).count == 2)
  }

  @Test("plan: the day's work for the customer, most valuable first, with what each action covers")
  func human() throws {
    let rules = try ReguaBinary.temporaryFile("contas.regua", Self.cadence)
    let account = try ReguaBinary.temporaryFile("account.json", Self.account(["INV-1", "INV-2"], due: "2026-03-06"))
    let result = try ReguaBinary.run(["plan", rules, "--invoice", account, "--on", "2026-03-11"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "contas · customer C-42 · 2026-03-11 · 2 invoices · balance 200.00 BRL")
    #expect(lines.contains { $0.contains("INV-1/d+5-suspend") && $0.contains("priority 500") })
    #expect(result.stdout.contains("Next: "))
  }

  @Test("an account's problems name their paths; render says it takes one invoice so far")
  func problems() throws {
    let rules = try ReguaBinary.temporaryFile("contas.regua", Self.cadence)
    let bad = try ReguaBinary.temporaryFile(
      "bad.json",
      #"{"customer":{"id":"C-42"},"invoices":[{"id":"INV-1","customer":{"id":"C-7"},"currency":"BRL","amount":"1.00","issued":"2026-03-01","due":"2026-03-10"}]}"#
    )
    let result = try ReguaBinary.run(["plan", rules, "--invoice", bad, "--on", "2026-03-11"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("invoices[0].customer.id: `C-7` is not the account's customer `C-42`"))
    let account = try ReguaBinary.temporaryFile("account.json", Self.account(["INV-1"]))
    let render = try ReguaBinary.run(["render", rules, "--invoice", account, "--format", "mermaid"])
    #expect(render.status == 1)
    #expect(render.stderr.contains("this is an account document; `regua render` takes one invoice so far"))
  }

  @Test("explain: each invoice as the account decides it, the merged e-mail saying whose step it took")
  func explain() throws {
    let (rules, account) = try Self.files()
    let result = try ReguaBinary.run(["explain", rules, "--invoice", account, "--on", "2026-03-11"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "contas · customer C-42 · 2026-03-11 · 2 invoices · balance 200.00 BRL")
    #expect(lines.filter { $0.hasPrefix("INVOICE ") } == ["INVOICE INV-1", "INVOICE INV-2"])
    #expect(
      result.stdout.contains(
        "merged with INV-2 (d+1-email) into C-42/email/2026-03-11; step d+1-email of INV-2 chosen (the latest scheduled, then declared last, then the greater invoice id)"
      ))
    #expect(lines.last?.hasPrefix("Next: ") == true)
    let json = try ReguaBinary.run(["explain", rules, "--invoice", account, "--on", "2026-03-11", "--json"])
    #expect(json.status == 0, "\(json.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect((object?["invoices"] as? [Any])?.count == 2)
    #expect(json.stdout.contains(#""customer":"C-42""#))
  }

  @Test("simulate: the account's timeline, one line per merged action; --pay names the invoice")
  func simulate() throws {
    let (rules, account) = try Self.files()
    let result = try ReguaBinary.run(["simulate", rules, "--invoice", account, "--pay", "INV-2:2026-03-12:100.00"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "contas · customer C-42 · 2 invoices")
    #expect(
      lines.contains {
        $0.contains("2026-03-07  C-42/email/2026-03-07") && $0.hasSuffix("covers INV-1 d-3-email, INV-2 d-3-email")
      })
    // INV-2 is paid on the 12th: only INV-1 is suspended.
    #expect(lines.contains { $0.contains("INV-1/d+5-suspend") })
    #expect(!lines.contains { $0.contains("INV-2/d+5-suspend") })
    #expect(lines.contains("3 actions from 2026-03-01 to 2026-03-15; balance at the end 100.00 BRL"))
    let json = try ReguaBinary.run(["simulate", rules, "--invoice", account, "--json"])
    #expect(json.status == 0, "\(json.stderr)")
    #expect(json.stdout.split(separator: "\n").allSatisfy { $0.contains(#""customer":"C-42""#) })
    let bare = try ReguaBinary.run(["simulate", rules, "--invoice", account, "--pay", "2026-03-12:100.00"])
    #expect(bare.status == 2)
    #expect(bare.stderr.contains("for an account, write INVOICE:DATE:AMOUNT"))
  }
}
