import Foundation
import Testing

/// The hostile inputs of the input-and-output issue, one test per row that a command shows, run
/// through the real binary: each ends in a clear, short error (or the right plan) in well under
/// a second. Rows the library shows are tested beside the reader, the lexer and the engine.
@Suite("Hostile input through regua")
struct HostileInputTests {
  static let rules = """
    cadence "contacts"
      catch up 5 days
      D+1 email reminder
      D+2 sms nudge
      D+3 whatsapp hello
      D+4 call
      D+5 notify push ping
    """

  static func invoice(_ extra: String = "", id: String = "INV-1") -> String {
    #"{"id":"\#(id)","currency":"BRL","amount":"100.00","issued":"2026-01-01","due":"2026-01-10"\#(extra)}"#
  }

  @Test("the README's sample portfolio plans every invoice, in order, as --invoice would")
  func samplePortfolio() throws {
    let arguments = ["plan", "Rules/b2b-standard.regua", "--invoices", "Rules/samples/portfolio.jsonl"]
    let result = try ReguaBinary.run(arguments + ["--on", "2026-03-24", "--json"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let plans = result.stdout.split(separator: "\n").map(String.init)
    let text = try String(
      contentsOf: ReguaBinary.packageRoot.appendingPathComponent("Rules/samples/portfolio.jsonl"), encoding: .utf8)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(plans.count == lines.count)
    for (line, plan) in zip(lines, plans) {
      let path = try ReguaBinary.temporaryFile("one.json", line)
      let alone = try ReguaBinary.run([
        "plan", "Rules/b2b-standard.regua", "--invoice", path, "--on", "2026-03-24", "--json",
      ])
      #expect(alone.stdout == plan + "\n")
    }
  }

  @Test("a 10 MB invoice id is refused before it is read, with a short message")
  func hugeID() throws {
    let rules = try ReguaBinary.temporaryFile("c.regua", HostileInputTests.rules)
    let path = try ReguaBinary.temporaryFile(
      "i.json", HostileInputTests.invoice(id: String(repeating: "x", count: 10_000_000)))
    let result = try ReguaBinary.run(["plan", rules, "--invoice", path, "--on", "2026-01-20"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.utf8.count < 400)
    #expect(result.stderr.contains("the most one document may be"))
  }

  @Test("an id of 300 bytes is refused by name and limit, quoted as an excerpt")
  func longID() throws {
    let rules = try ReguaBinary.temporaryFile("c.regua", HostileInputTests.rules)
    let path = try ReguaBinary.temporaryFile(
      "i.json", HostileInputTests.invoice(id: String(repeating: "x", count: 300)))
    let result = try ReguaBinary.run(["plan", rules, "--invoice", path, "--on", "2026-01-20"])
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "\(path): error: id: `\(String(repeating: "x", count: 40))… (300 bytes)` is too long: an id has at most 256 bytes (Bounds.idBytes)\n"
    )
  }

  @Test("a customer who opted out of every channel gets nothing, each skip saying so")
  func optOutOfEverything() throws {
    let rules = try ReguaBinary.temporaryFile("c.regua", HostileInputTests.rules)
    let customer = #","customer":{"id":"C","opt-outs":["email","sms","whatsapp","call","push"]}"#
    let path = try ReguaBinary.temporaryFile("i.json", HostileInputTests.invoice(customer))
    let result = try ReguaBinary.run(["plan", rules, "--invoice", path, "--on", "2026-01-15", "--json"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix(#"{"actions":[],"#))
    #expect(result.stdout.components(separatedBy: #""reason":"opted-out""#).count - 1 == 5)
    #expect(result.stdout.contains(#""next":null"#))
  }

  @Test("unknown channels, time zones and kinds are errors, all reported in one run")
  func customerFields() throws {
    let rules = try ReguaBinary.temporaryFile("c.regua", HostileInputTests.rules)
    let customer = #","customer":{"id":"C","kind":"PJ","opt-outs":["fax","push"],"timezone":"Mars/Olympus"}"#
    let path = try ReguaBinary.temporaryFile("i.json", HostileInputTests.invoice(customer))
    let result = try ReguaBinary.run(["plan", rules, "--invoice", path, "--on", "2026-01-15"])
    #expect(result.status == 1)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("\(path): error: customer.kind: `PJ` is not a kind"))
    #expect(
      lines[1].hasPrefix(
        "\(path): error: customer.opt-outs[0]: `fax` is not a channel; expected `email`, `sms`, `whatsapp`, `call`, `letter`, `push`"
      ))
    #expect(lines[2].hasPrefix("\(path): error: customer.timezone: `Mars/Olympus` is not an IANA time zone"))
  }

  @Test(
    "an output that cannot be written is an error, exit 1, not a crash",
    .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
  func fullDisk() throws {
    let rules = try ReguaBinary.temporaryFile("c.regua", HostileInputTests.rules)
    let path = try ReguaBinary.temporaryFile("i.json", HostileInputTests.invoice())
    guard let full = FileHandle(forWritingAtPath: "/dev/full") else {
      Issue.record("no /dev/full")
      return
    }
    let ending = try ReguaBinary.run(["plan", rules, "--invoice", path, "--on", "2026-01-15"], output: full)
    #expect(ending.exited)
    #expect(ending.status == 1)
    #expect(ending.stderr.hasPrefix("error: cannot write to standard output"))
  }

  @Test("duplicate keys and trailing commas are errors naming the path")
  func strictJSON() throws {
    let rules = try ReguaBinary.temporaryFile("c.regua", HostileInputTests.rules)
    let path = try ReguaBinary.temporaryFile(
      "i.json", HostileInputTests.invoice(#","amount":"1000.00","tags":["a",]"#))
    let result = try ReguaBinary.run(["plan", rules, "--invoice", path, "--on", "2026-01-15"])
    #expect(result.status == 1)
    #expect(
      result.stderr
        == """
        \(path): error: amount: appears twice in one object; a field is given once (readers disagree on which one wins)
        \(path): error: tags: a trailing comma before `]` at line 1, column 121; remove it (JSON allows none)

        """)
  }

  @Test("a portfolio with bad lines plans every good one, locates each bad one, and exits 1")
  func portfolio() throws {
    let rules = try ReguaBinary.temporaryFile("c.regua", HostileInputTests.rules)
    let lines = (1...6).map { HostileInputTests.invoice(id: "INV-\($0)") }
    let text = [lines[0], lines[1], #"{"id":"X","amount":1}"#, lines[2], "", lines[3], "{", lines[4], lines[5]]
      .joined(separator: "\n")
    let path = try ReguaBinary.temporaryFile("p.jsonl", text)
    let result = try ReguaBinary.run(["plan", rules, "--invoices", path, "--on", "2026-01-15", "--json"])
    #expect(result.status == 1)
    let plans = result.stdout.split(separator: "\n")
    #expect(plans.count == 6)
    for (index, plan) in plans.enumerated() { #expect(plan.contains(#""invoice":"INV-\#(index + 1)""#)) }
    let errors = result.stderr.split(separator: "\n")
    #expect(errors.first?.hasPrefix("\(path):3: error: amount: expected a decimal string") == true)
    #expect(errors.contains { $0.hasPrefix("\(path):7: error: the document is not valid JSON") })
    #expect(errors.last == "2 lines could not be planned; 6 planned")
    // The shards, together, are the whole.
    var parts: [Substring] = []
    for shard in ["1/3", "2/3", "3/3"] {
      let part = try ReguaBinary.run([
        "plan", rules, "--invoices", path, "--on", "2026-01-15", "--json", "--shard", shard,
      ])
      parts += part.stdout.split(separator: "\n")
    }
    #expect(parts.sorted() == plans.sorted())
    let usage = try ReguaBinary.run(["plan", rules, "--invoices", path, "--on", "2026-01-15", "--shard", "4/3"])
    #expect(usage.status == 2)
  }
}
