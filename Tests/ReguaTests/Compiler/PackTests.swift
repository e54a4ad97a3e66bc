import Foundation
import Testing

@testable import Regua

/// `pack` declarations and `include`: compliance packs resolved by name inside a rules
/// directory, their windows restricting the cadence's own.
@Suite("Packs")
struct PackTests {
  /// The rule files of a folder of `Rules/`, compiled together.
  static func folder(_ name: String) throws -> [RuleFile] {
    let directory = packageRoot.appendingPathComponent("Rules").appendingPathComponent(name)
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".regua") }
      .sorted()
    return RuleCompiler.compile(
      try files.map {
        SourceFile(path: $0, text: try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8))
      })
  }

  static func compile(_ texts: [String: String]) -> [RuleFile] {
    RuleCompiler.compile(texts.sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, text: $0.value) })
  }

  @Test("the US cadence takes Regulation F's call cap, cooldown and hours from its pack")
  func regulationF() throws {
    let files = try PackTests.folder("us")
    #expect(files.allSatisfy { $0.diagnostics.isEmpty }, "\(files.flatMap(\.diagnostics))")
    #expect(files.flatMap(\.packs) == ["us-reg-f"])
    let cadence = try #require(files.flatMap(\.cadences).first { $0.name == "consumer-us" })
    #expect(cadence.limits.contains(ContactLimit(channel: "call", count: 7, days: 7)))
    #expect(cadence.conversationWaits == [ConversationWait(channel: "call", days: 7)])
    #expect(cadence.windows.map(\.description) == ["window any 08:00-21:00"])
  }

  @Test("Regulation F: a conversation about one invoice holds the account's calls for 7 days")
  func regulationFBehaviour() throws {
    let cadence = try #require(try PackTests.folder("us").flatMap(\.cadences).first)
    let evaluator = try Evaluator(cadence)
    let invoices = try (1...3).map { index in
      try Invoice(
        id: "I-\(index)", amount: Money(parsing: "250.00", currency: .usd), issued: day("2026-03-01"),
        due: day("2026-03-10"),
        history: index == 2 ? [.conversation(on: day("2026-03-16"), channel: .call)] : [])
    }
    let account = try Account(customer: Customer(id: "C", timeZone: "America/Chicago"), invoices: invoices)
    // D+5 business days is 2026-03-17: held by the conversation of 03-16 until 03-23, when
    // the newest call goes out.
    let held = try evaluator.plan(for: account, on: day("2026-03-17"))
    #expect(!held.actions.contains { $0.channel == .call })
    #expect(held.skipped.filter { $0.reason == .limited }.count == 3)
    // The first call's catch-up ends before then: it will not be sent; the later ones can go.
    #expect(held.skipped.filter { $0.reason == .limited }.compactMap(\.retry).allSatisfy { $0 == day("2026-03-23") })
    #expect(held.next == day("2026-03-23"))
  }

  @Test("São Paulo's hours restrict the consumer cadence's own: Saturdays until 14:00, never on Sundays")
  func saoPaulo() throws {
    let files = try PackTests.folder("br")
    #expect(files.allSatisfy { $0.diagnostics.isEmpty }, "\(files.flatMap(\.diagnostics))")
    let cadence = try #require(files.flatMap(\.cadences).first { $0.name == "consumidor-br" })
    #expect(
      Set(cadence.windows.map(\.description)) == ["window any 08:00-20:00 mon-fri", "window any 08:00-14:00 days sat"])
  }

  @Test(
    "includes resolve by name among the directory's packs only, and say what is wrong",
    arguments: [
      (
        [
          "c.regua": "cadence \"c\"\n  include \"us-reg\"\n  D+1 call\n",
          "p.regua": "pack \"us-reg-f\"\n  limit call 7 per 7 days\n",
        ], "unknown-pack", "did you mean `us-reg-f`?"
      ),
      (["c.regua": "cadence \"c\"\n  include \"../us/reg-f\"\n  D+1 call\n"], "unknown-pack", "declare it"),
      (["c.regua": "cadence \"c\"\n  D+1 call\n", "p.regua": "pack \"p\"\n  D+1 email x\n"], "pack-line", "put steps"),
      (
        ["a.regua": "pack \"p\"\n  limit call 1 per 1 day\n", "b.regua": "pack \"p\"\n  limit call 2 per 1 day\n"],
        "duplicate-pack", "once"
      ),
      (
        [
          "c.regua": "cadence \"c\"\n  include \"p\"\n  window call 06:00-07:00\n  D+1 call\n",
          "p.regua": "pack \"p\"\n  window any 08:00-21:00\n",
        ], "disjoint-windows", "within the pack"
      ),
      (
        [
          "c.regua": "cadence \"c\"\n  include \"p\"\n  D+1 call\n",
          "p.regua": "pack \"p\"\n  limit call 0 per 7 days\n",
        ], "out-of-range", "from 1"
      ),
    ])
  func errors(files: [String: String], code: String, help: String) {
    let compiled = PackTests.compile(files)
    let diagnostics = compiled.flatMap(\.diagnostics).filter { $0.severity == .error }
    #expect(diagnostics.map(\.code) == [code], "\(diagnostics)")
    #expect(diagnostics.first?.help?.contains(help) == true, "\(diagnostics)")
  }

  @Test("disjoint windows: the message names the channel and both sides' windows")
  func disjointMessage() {
    let compiled = PackTests.compile([
      "c.regua": "cadence \"c\"\n  include \"p\"\n  window call 06:00-07:00\n  D+1 call\n",
      "p.regua": "pack \"p\"\n  window any 08:00-21:00\n",
    ])
    let message = compiled.flatMap(\.diagnostics).first { $0.code == "disjoint-windows" }?.message
    #expect(
      message
        == "the cadence's windows and the included pack's never open together for `call`: the cadence's "
        + "`window call 06:00-07:00` against the pack's `window any 08:00-21:00`")
  }

  @Test("a pack's windows on a channel the cadence does not use restrict nothing, and its own narrower ones stay")
  func windowsCombine() throws {
    let compiled = PackTests.compile([
      "c.regua": "cadence \"c\"\n  include \"p\"\n  window email 09:00-17:00 mon-fri\n  D+1 email x\n  D+2 sms y\n",
      "p.regua": "pack \"p\"\n  window any 08:00-21:00\n  window letter 10:00-11:00\n",
    ])
    #expect(compiled.allSatisfy { $0.isValid }, "\(compiled.flatMap(\.diagnostics))")
    let cadence = try #require(compiled.flatMap(\.cadences).first)
    #expect(Set(cadence.windows.map(\.description)) == ["window any 08:00-21:00", "window email 09:00-17:00 mon-fri"])
  }

  @Test("the formatter keeps a pack and an include")
  func formatted() throws {
    let text = "# why\npack   \"p\"\n  limit call 7 per 7 days\n  after conversation wait 7 days for call\n"
    let formatted = try RuleFormatter.format(SourceFile(path: "p.regua", text: text)).get()
    #expect(formatted == "# why\npack \"p\"\n  limit call 7 per 7 days\n  after conversation wait 7 days for call\n")
    let cadence = "cadence \"c\"\n  include   p\n  D+1 call\n"
    let pack = SourceFile(path: "p.regua", text: "pack \"p\"\n  limit call 1 per 1 day\n")
    let withInclude = try RuleFormatter.format(SourceFile(path: "c.regua", text: cadence), alongside: [pack]).get()
    #expect(withInclude == "cadence \"c\"\n  include \"p\"\n  D+1 call\n")
  }
}
