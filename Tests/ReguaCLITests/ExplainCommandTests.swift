import Foundation
import Testing

@Suite("regua explain and the human plan", .serialized)
struct ExplainCommandTests {
  let rules = "Rules/b2b-standard.regua"
  let invoice = "Rules/samples/b2b-invoice.json"

  func explain(_ date: String) throws -> ReguaBinary.Result {
    try ReguaBinary.run(["explain", rules, "--invoice", invoice, "--on", date])
  }

  func plan(_ date: String, _ extra: [String] = []) throws -> ReguaBinary.Result {
    try ReguaBinary.run(["plan", rules, "--invoice", invoice, "--on", date] + extra)
  }

  @Test("explain lists every step in declaration order with what decided it")
  func everyStep() throws {
    let result = try explain("2026-03-24")
    #expect(result.status == 0, "\(result.stderr)")
    let out = result.stdout
    let ids = [
      "i+14-email", "d-3-email", "d0-sms", "d+1-email", "d+7-whatsapp", "d+14-call", "d+15-task", "d+30-letter",
      "d+45-suspend", "d+60-task", "d+90-refer-to-agency", "d+120-write-off",
    ]
    let positions = try ids.map { id in try #require(out.range(of: "\n  \(id) ")?.lowerBound, "\(id)") }
    #expect(positions == positions.sorted())
    #expect(out.contains("i+14-email            done 2026-03-15  2026-03-16  I+14 email check-received"))
    #expect(out.contains("d+14-call             FIRES today      2026-03-24  D+14 call"))
    #expect(out.contains("when balance 1000.00 >= 500.00 → true"))
    #expect(out.contains("when balance 1000.00 < 500.00 → false (as of today)"))
    #expect(
      out.contains(
        "2026-03-17 to 2026-03-20  paused: The D+7 whatsapp is on hold: the customer promised to pay by 2026-03-20."))
    #expect(
      out.contains(
        "limit call 1 per 7 days  1 of 1 used 2026-03-18 – 2026-03-24, today's actions included; full, room again on 2026-03-31"
      ))
    #expect(out.hasSuffix("Next: 2026-04-09  D+30 letter registered formal-notice\n"))
  }

  @Test("explain shows the pause that holds collection, with the promise")
  func paused() throws {
    let out = try explain("2026-03-17").stdout
    #expect(out.contains("paused by `pause when promised`"))
    #expect(out.contains("pause when promised → true"))
    #expect(out.contains("promise to pay 1000.00 BRL by 2026-03-20, made 2026-03-15: it stands"))
    #expect(out.contains("d+7-whatsapp          paused"))
  }

  @Test("explain --json is one line whose plan is plan --json's, with every step and its traces")
  func json() throws {
    let result = try ReguaBinary.run(["explain", rules, "--invoice", invoice, "--on", "2026-03-24", "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let line = result.stdout.trimmingCharacters(in: .newlines)
    #expect(!line.contains("\n"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    let plan = try ReguaBinary.run(["plan", rules, "--invoice", invoice, "--on", "2026-03-24", "--json"])
    let planObject = try #require(
      try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])
    #expect((object["plan"] as? NSDictionary)?.isEqual(to: planObject) == true)
    #expect(object["state"] as? String == "running")
    let steps = try #require(object["steps"] as? [[String: Any]])
    #expect(steps.count == 12)
    let call = try #require(steps.first { $0["step"] as? String == "d+14-call" })
    #expect(call["outcome"] as? String == "fires")
    let when = try #require(call["when"] as? [String: Any])
    #expect(when["text"] as? String == "balance 1000.00 >= 500.00 → true")
    let operands = try #require(when["operands"] as? [[String: Any]])
    #expect(operands.first?["value"] as? String == "1000.00")
    #expect(operands.first?["currency"] as? String == "BRL")
    let whatsapp = try #require(steps.first { $0["step"] as? String == "d+7-whatsapp" })
    let held = try #require(whatsapp["held"] as? [[String: Any]])
    #expect(held.map { $0["reason"] as? String } == ["paused"])
    let limits = try #require(object["limits"] as? [[String: Any]])
    #expect(limits.first?["frees"] as? String == "2026-03-31")
    #expect((object["next-actions"] as? [[String: Any]])?.first?["step"] as? String == "d+30-letter")
  }

  @Test("explain needs --invoice and --on, like plan")
  func usage() throws {
    let result = try ReguaBinary.run(["explain", rules, "--on", "2026-03-24"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("missing `--invoice`"))
    let help = try ReguaBinary.run(["--help"])
    #expect(help.stdout.contains("explain FILE --invoice PATH --on DATE"))
  }

  @Test("plan lists today's new skips, counts the older ones, and --all lists them")
  func newSkips() throws {
    let today = try plan("2026-03-24").stdout
    #expect(!today.contains("SKIPPED"))
    #expect(today.contains("1 older skipped step; --all lists them"))
    let all = try plan("2026-03-24", ["--all"]).stdout
    #expect(
      all.contains(
        "SKIPPED\n  d+7-whatsapp  missed  scheduled 2026-03-17  it could go out 2026-03-17 to 2026-03-20, but:"))
    #expect(!all.contains("--all lists them"))
    let portfolio = try ReguaBinary.run(
      ["plan", rules, "--invoices", "Rules/samples/portfolio.jsonl", "--on", "2026-03-24", "--all"])
    #expect(portfolio.status == 2)
    #expect(portfolio.stderr.contains("`--all` goes with the human plan of one `--invoice`"))
  }

  @Test("plan says what held a missed step on its days, not only that it will not be sent")
  func missedHeld() throws {
    let out = try plan("2026-03-21").stdout
    #expect(
      out.contains(
        "SKIPPED\n  d+7-whatsapp  missed  scheduled 2026-03-17  it could go out 2026-03-17 to 2026-03-20, but:"))
    #expect(
      out.contains(
        "2026-03-17 to 2026-03-20  paused: The D+7 whatsapp is on hold: the customer promised to pay by 2026-03-20."))
    #expect(!out.contains("will not be sent"))
  }

  @Test("plan says when nothing held a missed step and the host simply did not record it")
  func missedNotRecorded() throws {
    let out = try plan("2026-03-28").stdout
    #expect(
      out.contains(
        "2026-03-24 to 2026-03-27  nothing held it: it was due to go out, but the history does not show it was sent"))
  }

  @Test("plan names what next brings")
  func next() throws {
    #expect(try plan("2026-03-24").stdout.hasSuffix("Next: 2026-04-09  D+30 letter registered formal-notice\n"))
    #expect(try plan("2026-03-21").stdout.hasSuffix("Next: 2026-03-24  D+14 call\n"))
  }
}
