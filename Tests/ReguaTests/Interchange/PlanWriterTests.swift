import ReguaTesting
import Testing

@testable import Regua

@Suite("The plan writer")
struct PlanWriterTests {
  @Test("writes every plan byte for byte as the sorted-key JSON value serializes", arguments: 0..<3)
  func matchesTheValue(batch: Int) throws {
    var random = SeededRandom(seed: 0x3501_0000 + UInt64(batch))
    let ids = ["R", "INV \"quoted\" \\ back", "línea\u{1}\t\n/ü😀", ""]
    for _ in 0..<40 {
      var scenario = try RandomScenario.make(&random)
      scenario.invoice.id = ids.randomElement(using: &random) ?? "R"
      for offset in stride(from: -12, through: 50, by: 3) {
        let plan = scenario.evaluator.plan(for: scenario.invoice, on: scenario.invoice.due.adding(days: offset))
        #expect(plan.jsonLine == plan.json.serialized)
      }
    }
  }
}
