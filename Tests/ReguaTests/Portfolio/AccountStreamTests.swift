import Foundation
import Testing

@testable import Regua

@Suite("Accounts in a JSON Lines portfolio")
struct AccountStreamTests {
  static func invoice(_ id: String, customer: String? = nil) -> String {
    let own = customer.map { #","customer":{"id":"\#($0)"}"# } ?? ""
    return #"{"id":"\#(id)","currency":"BRL","amount":"100.00","issued":"2026-03-01","due":"2026-03-10"\#(own)}"#
  }

  static func account(_ customer: String, _ ids: [String]) -> String {
    #"{"customer":{"id":"\#(customer)"},"invoices":[\#(ids.map { invoice($0) }.joined(separator: ","))]}"#
  }

  static let lines = [
    account("C-1", ["A-2", "A-1"]),
    invoice("I-1", customer: "C-2"),
    account("C-3", ["B-1"]),
    #"{"customer":{"id":"C-4"},"invoices":[{"id":"X"}]}"#,
    account("C-5", ["E-1", "E-2", "E-3"]),
  ]

  @Test("each line is an invoice or an account, planned in input order; a bad account is its line's problem")
  func mixed() throws {
    let evaluator = try Evaluator(try Cadence(parsing: "cadence \"c\"\n  D+1 email overdue\n"))
    for workers in [1, 2] {
      let (output, problems) = PortfolioTests.stream(
        AccountStreamTests.lines, evaluator: evaluator, date: day("2026-03-11"), workers: workers, chunk: 64)
      #expect(output.count == 4)
      #expect(output[0].contains(#""customer":"C-1""#) && output[0].contains(#""invoices":["A-1","A-2"]"#))
      #expect(output[1].contains(#""invoice":"I-1""#))
      #expect(output[2].contains(#""customer":"C-3""#))
      #expect(output[3].contains(#""id":"C-5/email/2026-03-11""#))
      #expect(problems.map(\.line) == [4])
      #expect(problems.first?.description.contains("line 4: invoices[0].currency: missing field") == true)
    }
  }

  @Test("sharding keeps an account with the invoices of its customer")
  func sharding() throws {
    let evaluator = try Evaluator(try Cadence(parsing: "cadence \"c\"\n  D+1 email overdue\n"))
    let lines =
      [Self.account("C-7", ["A-1"]), Self.invoice("I-9", customer: "C-7")]
      + (1...20).map { Self.account("C-\($0 * 13)", ["Z"]) }
    var seen = 0
    for index in 1...4 {
      let (output, _) = PortfolioTests.stream(
        lines, evaluator: evaluator, date: day("2026-03-11"), workers: 2, shard: Shard(index, of: 4))
      let both = output.filter { $0.contains(#""customer":"C-7""#) || $0.contains(#""invoice":"I-9""#) }
      #expect(both.isEmpty || both.count == 2)
      seen += output.count
    }
    #expect(seen == lines.count)
  }
}
