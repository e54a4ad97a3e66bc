import Foundation
import Testing

/// Charges through the built `regua`: the balance in a plan, and the problems only evaluation
/// finds reported per invoice.
@Suite("Charges, end to end", .serialized)
struct ChargeCommandTests {
  static let rates = """
    rates "taxa-legal" per month
      2026-01  0.5%
      2026-02  0.4%

    """

  static let cadence = """
    cadence "juros" version 1
      D+1 fee 2% as multa
      D+1 interest "taxa-legal" as juros
      D+1 fee 40.00 EUR as compensacao
      D+2 email x when balance > 10.00 as lembrete

    """

  static let cadenceInReais = """
    cadence "reais" version 1
      D+1 fee 2% as multa
      D+1 interest 1% per month as juros

    """

  static func invoice(_ id: String, currency: String = "EUR", executed: Bool = true) -> String {
    let history = executed ? #"[{"step":"multa","date":"2026-01-11"},{"step":"juros","date":"2026-01-11"}]"# : "[]"
    return #"{"id":"\#(id)","customer":{"id":"C1"},"amount":"1000.00","currency":"\#(currency)","#
      + #""issued":"2026-01-01","due":"2026-01-10","history":\#(history)}"#
  }

  /// A rules directory with the table, the cadence and two invoices.
  static func directory() throws -> String {
    let rates = try ReguaBinary.temporaryFile("rates.regua", Self.rates)
    let directory = (rates as NSString).deletingLastPathComponent
    try Self.cadence.write(toFile: directory + "/juros.regua", atomically: true, encoding: .utf8)
    try Self.cadenceInReais.write(toFile: directory + "/reais.regua", atomically: true, encoding: .utf8)
    try Self.invoice("E-1").write(toFile: directory + "/euros.json", atomically: true, encoding: .utf8)
    try Self.invoice("R-1", currency: "BRL").write(toFile: directory + "/reais.json", atomically: true, encoding: .utf8)
    return directory
  }

  @Test("plan --json gives the balance broken down, the table found in a sibling file")
  func balance() throws {
    let directory = try Self.directory()
    let result = try ReguaBinary.run([
      "plan", directory + "/juros.regua", "--invoice", directory + "/euros.json", "--on", "2026-02-28", "--json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    // 1,000.00 × (0.5% × 21/31 + 0.4%) = 7.387096… → 7.39; the 2% fine 20.00, and the EUR 40
    // compensation this plan fires (late: a charge is never missed) counts in its balance.
    #expect(result.stdout.contains(#""action":"fee","args":["40.00","EUR"]"#))
    #expect(
      result.stdout.contains(
        #""balance":{"discount":"0.00","fees":"60.00","interest":"7.39","principal":"1000.00","total":"1067.39"}"#))
  }

  @Test("a month the table lacks is an input error naming the line to add, exit 1")
  func missingMonth() throws {
    let directory = try Self.directory()
    let result = try ReguaBinary.run([
      "plan", directory + "/juros.regua", "--invoice", directory + "/euros.json", "--on", "2026-03-01",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("euros.json: error: the amounts owed cannot be computed from 2026-03-01"))
    #expect(result.stderr.contains("add its line (`2026-03  R%`) to the table"))
  }

  @Test("a charge in another currency is an input error for that invoice; the portfolio goes on with the others")
  func otherCurrency() throws {
    let directory = try Self.directory()
    let alone = try ReguaBinary.run([
      "plan", directory + "/juros.regua", "--invoice", directory + "/reais.json", "--on", "2026-01-20",
    ])
    #expect(alone.status == 1)
    #expect(alone.stderr.contains("currency: is BRL, but the step `compensacao` charges `40.00 EUR`"))
    let portfolio = Self.invoice("R-1", currency: "BRL") + "\n" + Self.invoice("E-1") + "\n"
    try portfolio.write(toFile: directory + "/portfolio.jsonl", atomically: true, encoding: .utf8)
    let batch = try ReguaBinary.run([
      "plan", directory + "/juros.regua", "--invoices", directory + "/portfolio.jsonl", "--on", "2026-01-20",
      "--json",
    ])
    #expect(batch.status == 1)
    #expect(batch.stderr.contains("portfolio.jsonl:1: error: currency: is BRL"))
    #expect(batch.stdout.contains(#""invoice":"E-1""#))
  }

  @Test("explain writes out each component: the fee, the interest month by month, the total")
  func explain() throws {
    let directory = try Self.directory()
    let result = try ReguaBinary.run([
      "explain", directory + "/juros.regua", "--invoice", directory + "/euros.json", "--on", "2026-02-28",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        "interest:  1,000.00 × 0.5%/31 × 21 days = 3.387096… (juros, rates taxa-legal, 2026-01-11 to 2026-01-31)"))
    #expect(result.stdout.contains("fee:       1,000.00 × 2% = 20.00 (multa, 2026-01-11)"))
    #expect(result.stdout.contains("fee:       40.00 (compensacao, 2026-01-11)"))
    #expect(
      result.stdout.contains(
        "owed:      principal 1,000.00 + fees 60.00 + interest 7.39 = 1,067.39 EUR, each component rounded half-up"))
    let json = try ReguaBinary.run([
      "explain", directory + "/juros.regua", "--invoice", directory + "/euros.json", "--on", "2026-02-28", "--json",
    ])
    #expect(json.stdout.contains(#""kind":"interest","principal":"1000.00","rate":"0.4%/28","step":"juros""#))
  }

  @Test("simulate ends with the balance broken down")
  func simulate() throws {
    let directory = try Self.directory()
    let result = try ReguaBinary.run([
      "simulate", directory + "/reais.regua", "--invoice", directory + "/reais.json", "--to", "2026-02-09",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    // Charges simulated as they fire: each action with the total owed that day, the fine and
    // the first day of interest.
    try Self.invoice("R-2", currency: "BRL", executed: false).write(
      toFile: directory + "/fresh.json", atomically: true, encoding: .utf8)
    let fresh = try ReguaBinary.run([
      "simulate", directory + "/reais.regua", "--invoice", directory + "/fresh.json", "--to", "2026-02-09",
    ])
    #expect(fresh.stdout.contains("2026-01-11  D+1  fee       2%            owed 1020.33"), "\(fresh.stdout)")
    // 30 days of 1% a month on 1,000.00 and the 2% fine.
    #expect(result.stdout.contains("balance at the end 1030.00 BRL (principal 1000.00 + fees 20.00 + interest 10.00)"))
  }
}
