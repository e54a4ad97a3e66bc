import Foundation
import Testing

@testable import Regua

/// The legal presets of `Rules/br` and `Rules/eu`, each evaluated to the cent on amounts
/// computed by hand.
@Suite("Legal presets, to the cent")
struct PresetTests {
  /// The cadence `name` of the folder `Rules/folder`, in the environment its files make.
  static func evaluator(_ folder: String, _ name: String) throws -> Evaluator {
    let directory = packageRoot.appendingPathComponent("Rules").appendingPathComponent(folder)
    let paths = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".regua") }
      .sorted()
    let sources = try paths.map { path in
      SourceFile(
        path: path, text: try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8))
    }
    let files = RuleCompiler.compile(sources)
    let valid = files.allSatisfy { $0.isValid }
    #expect(valid)
    let found = files.flatMap(\.cadences).first { $0.name == name }
    let cadence = try #require(found)
    return try Evaluator(cadence, environment: Environment(ruleFiles: files))
  }

  static func invoice(_ amount: String, _ currency: Currency, due: String, executed: [String]) throws -> Invoice {
    let dueDate = day(due)
    return try Invoice(
      id: "P-1", amount: try Money(parsing: amount, currency: currency), issued: dueDate.adding(days: -30),
      due: dueDate, history: executed.map { HistoryEntry(step: $0, date: dueDate.adding(days: 1)) })
  }

  @Test("consumidor-br: R$ 1.000,00, 2% and 1% a month, 30 days late owe R$ 1.030,00")
  func consumer() throws {
    let evaluator = try PresetTests.evaluator("br", "consumidor-br")
    let invoice = try PresetTests.invoice("1000.00", .brl, due: "2026-03-10", executed: ["multa", "juros"])
    let owed = try evaluator.amounts(for: invoice, on: day("2026-04-09"))
    #expect(owed.description == "1030.00 BRL (principal 1000.00 + fees 20.00 + interest 10.00)")
  }

  @Test("civil-br: R$ 10.000,00 at the taxa legal from 2026-03-11 through 2026-05-31")
  func legalRate() throws {
    let evaluator = try PresetTests.evaluator("br", "civil-br")
    let invoice = try PresetTests.invoice("10000.00", .brl, due: "2026-03-10", executed: ["multa", "juros-legais"])
    // March: 10,000.00 × 0.155714% × 21/31 = 10.548367…; April 0.768672% = 76.8672; May
    // 0.198293% = 19.8293: 107.244867… → 107.24; the fine 200.00.
    let owed = try evaluator.amounts(for: invoice, on: day("2026-05-31"))
    #expect(owed.interest.amountString == "107.24")
    #expect(owed.total.amountString == "10307.24")
  }

  @Test("eu-b2b-late-payment: EUR 10,000.00, the reference rate plus 8 points and EUR 40")
  func europe() throws {
    let evaluator = try PresetTests.evaluator("eu", "eu-b2b-late-payment")
    let invoice = try PresetTests.invoice(
      "10000.00", .eur, due: "2026-06-20", executed: ["statutory-interest", "compensation"])
    // 10 days at 10.15% and 31 days at 10.4%, over 365: 116.136986… → 116.14.
    let owed = try evaluator.amounts(for: invoice, on: day("2026-07-31"))
    #expect(owed.description == "10156.14 EUR (principal 10000.00 + fees 40.00 + interest 116.14)")
  }

  @Test("an invoice in reais cannot take the directive's EUR 40: an input error, not a plan without it")
  func compensationInAnotherCurrency() throws {
    let evaluator = try PresetTests.evaluator("eu", "eu-b2b-late-payment")
    let invoice = try PresetTests.invoice("10000.00", .brl, due: "2026-06-20", executed: [])
    #expect(throws: InvalidInput.self) { try evaluator.plan(for: invoice, on: day("2026-06-21")) }
  }
}
