import Foundation
import Testing

@Suite("regua simulate", .serialized)
struct SimulateCommandTests {
  let base = ["simulate", "Rules/consumer.regua", "--invoice", "Rules/samples/consumer-invoice.json"]

  @Test("human output is the timeline, one line per action")
  func human() throws {
    let result = try ReguaBinary.run(base + ["--to", "2026-09-30"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        """
        2026-09-12  D+2   email     missed-payment
        2026-09-15  D+5   whatsapp  second-notice
        2026-09-21  D+10  call
        2026-09-30  D+20  offer     installments 3x
        """))
    #expect(result.stdout.contains("4 actions from 2026-08-25 to 2026-09-30"))
    #expect(result.stdout.contains("Next: 2026-10-05"))
  }

  @Test("payments, the promise, pauses and the stop are events on the timeline; the end balance is the last day's")
  func events() throws {
    let result = try ReguaBinary.run(
      [
        "simulate", "Rules/b2b-standard.regua", "--invoice", "Rules/samples/b2b-invoice.json", "--pay",
        "2026-04-15:1000.00",
      ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        """
        2026-03-12  payment 250.00 BRL (balance 1000.00 BRL)
        2026-03-15  promise to pay 1000.00 BRL by 2026-03-20
        2026-03-15  paused: promised
        2026-03-21  pause ends: promised
        2026-03-24  D+14  call
        2026-04-09  D+30  letter  registered formal-notice
        2026-04-15  payment 1000.00 BRL (balance 0.00 BRL)
        2026-04-15  stopped: the invoice is paid in full

        2 actions from 2026-03-01 to 2026-04-15; balance at the end 0.00 BRL
        """))
  }

  @Test("--json prints each firing day's plan exactly as plan --json does")
  func json() throws {
    let result = try ReguaBinary.run(base + ["--json"])
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 8)
    var previous = ""
    for line in lines {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let date = try #require(object["date"] as? String)
      #expect(date > previous)
      #expect((object["actions"] as? [Any])?.isEmpty == false)
      previous = date
    }
    // Nothing was executed before the first firing day, so its plan is the plain plan.
    let plan = try ReguaBinary.run(
      [
        "plan", "Rules/consumer.regua", "--invoice", "Rules/samples/consumer-invoice.json", "--on", "2026-09-12",
        "--json",
      ])
    #expect(lines.first == plan.stdout.trimmingCharacters(in: .newlines))
    let third = try #require(lines.dropFirst(2).first)
    #expect(third.contains(#""date":"2026-09-21""#))
    #expect(third.contains(#""id":"SUB-2026-0917/d+10-call""#))
  }

  @Test("--pay adds payments: paying in full ends the timeline")
  func pay() throws {
    let result = try ReguaBinary.run(base + ["--pay", "2026-09-16:389.90"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("2 actions from 2026-08-25"))
    let bad = try ReguaBinary.run(base + ["--pay", "2026-09-16"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("write DATE:AMOUNT"))
    let decimals = try ReguaBinary.run(base + ["--pay", "2026-09-16:1.001"])
    #expect(decimals.status == 2)
    #expect(decimals.stderr.contains("`1.001` has too many decimals for BRL"))
  }
}
