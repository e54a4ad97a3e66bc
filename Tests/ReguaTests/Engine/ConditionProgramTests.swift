import ReguaTesting
import Testing

@testable import Regua

/// The compiled conditions answer "does it hold on day t" and "from which day does it next hold
/// (or stop holding)"; both must agree with the plain interpreter the explanations use, and the
/// second with a walk over the days.
@Suite("Compiled conditions")
struct ConditionProgramTests {
  /// A random condition as rule-file text, at most `depth` levels deep.
  static func condition(_ random: inout SeededRandom, depth: Int) -> String {
    let atoms = [
      "balance >= 300.00", "balance < 500", "balance == 300.00", "balance != 700.00", "balance in [100.00, 300.00]",
      "balance > 3.00 USD", "balance <= 1000.00 BRL", "amount > 500", "balance <= amount", "balance < amount",
      "days-overdue > 5", "days-overdue >= 0", "days-overdue < 12", "days-overdue <= 0", "days-overdue == 7",
      "days-overdue != 3", "days-overdue in [0, 1, 2, 9, 10, 30]", "promised", "disputed", "tagged \"vip\"",
      "customer.segment == \"smb\"", "customer.kind in [\"person\"]", "customer.id != customer.segment", "true",
      "false", "500 > balance", "12 <= days-overdue", "balance > 300.00", "300 < balance", "balance >= amount",
      "days-overdue < 0", "days-overdue in [5, 6, 7]", "balance in [0.00]", "balance == 0",
      // Account fields, which the peers' issue and due dates, payments and stops move.
      "account.balance >= 800.00", "account.overdue-balance > 300", "account.open-invoices >= 2",
      "account.overdue-invoices == 1", "account.oldest-days-overdue > 15", "account.oldest-days-overdue in [0, 3, 20]",
      "account.balance < amount", "account.overdue-balance != 0", "account.balance > 2.00 USD",
      "account.open-invoices in [1, 3]", "900 <= account.balance",
    ]
    guard depth > 0, Int.random(in: 0..<3, using: &random) > 0 else {
      return atoms.randomElement(using: &random) ?? "true"
    }
    let a = condition(&random, depth: depth - 1)
    let b = condition(&random, depth: depth - 1)
    switch Int.random(in: 0..<6, using: &random) {
    case 0: return "not (\(a))"
    case 1: return "(\(a)) and (\(b))"
    case 2: return "(\(a)) or (\(b))"
    case 3: return "(\(a)) == (\(b))"
    case 4: return "(\(a)) != (\(b))"
    default: return "(\(a)) in [false]"
    }
  }

  /// The other invoices of a random account: issued and due around `due`, partly paid, some
  /// stopped for good from a day.
  static func peers(_ random: inout SeededRandom, around due: CivilDate) throws -> [AccountPeer] {
    var peers: [AccountPeer] = []
    for index in 0..<Int.random(in: 0...3, using: &random) {
      let peerDue = due.adding(days: Int.random(in: -15...25, using: &random))
      var invoice = try Invoice(
        id: "P\(index)",
        amount: Money(minorUnits: Int64(Int.random(in: 1...6, using: &random)) * 10_000, currency: .brl),
        issued: peerDue.adding(days: -Int.random(in: 0...20, using: &random)), due: peerDue)
      for _ in 0..<Int.random(in: 0...2, using: &random) {
        invoice = try invoice.paying(
          "\(Int.random(in: 1...3, using: &random) * 100).00",
          on: peerDue.adding(days: Int.random(in: -5...30, using: &random)).description)
      }
      let closed =
        Int.random(in: 0..<4, using: &random) == 0
        ? peerDue.daysSinceEpoch + Int.random(in: -5...30, using: &random) : Int.max
      peers.append(AccountPeer(timeline: InvoiceTimeline(invoice, effectiveDue: invoice.due), closedDay: closed))
    }
    return peers
  }

  @Test("holds, next true and next false agree with the interpreter and a walk over the days", arguments: 0..<4)
  func agreesWithInterpreter(batch: Int) throws {
    var random = SeededRandom(seed: 0xC0DE_0000 + UInt64(batch))
    for _ in 0..<60 {
      let text = ConditionProgramTests.condition(&random, depth: 3)
      let cadence = try Cadence(parsing: "cadence \"x\"\n  D0 email a when \(text)\n")
      let expression = try #require(cadence.steps[0].when).expression
      var program = ConditionProgram()
      let root = program.compile(expression)

      var invoice = try Invoice.make(
        due: "2026-03-10", amount: "\(Int.random(in: 1...9, using: &random) * 100).00",
        customer: Customer(id: "C", kind: Bool.random(using: &random) ? .person : nil, segment: "smb"),
        tags: Bool.random(using: &random) ? ["vip"] : [])
      invoice.status = Bool.random(using: &random) ? .disputed : .open
      for _ in 0..<Int.random(in: 0...3, using: &random) {
        invoice = try invoice.paying(
          "\(Int.random(in: 1...4, using: &random) * 100).00",
          on: invoice.due.adding(days: Int.random(in: -10...40, using: &random)).description)
      }
      if Bool.random(using: &random) {
        let made = invoice.due.adding(days: Int.random(in: -5...20, using: &random))
        invoice = try invoice.promising(
          by: made.adding(days: Int.random(in: 0...10, using: &random)).description, madeOn: made.description)
      }
      let timeline = InvoiceTimeline(invoice, effectiveDue: invoice.due)
      var inputs = ConditionInputs(
        timeline: timeline, status: invoice.status, writeOffDay: .max,
        invariants: InvariantAnswers(program, invoice: invoice))
      inputs.peers = try ConditionProgramTests.peers(&random, around: invoice.due)
      let first = invoice.due.daysSinceEpoch - 20
      let last = invoice.due.daysSinceEpoch + 60
      let truth = (first...last).map { day in
        var notes: [String] = []
        return expression.holds(for: FieldValues(invoice, inputs, on: day), notes: &notes)
      }
      for day in first...last {
        let expected = truth[day - first]
        #expect(program.holds(root, at: day, inputs) == expected, "`\(text)` on \(CivilDate(daysSinceEpoch: day))")
        for wanted in [true, false] {
          let found = wanted ? program.nextTrue(root, from: day, inputs) : program.nextFalse(root, from: day, inputs)
          let walked = (day...last).first { truth[$0 - first] == wanted }
          if let walked {
            #expect(found == walked, "`\(text)` next \(wanted) from \(CivilDate(daysSinceEpoch: day))")
          } else {
            #expect(found > last, "`\(text)` next \(wanted) from \(CivilDate(daysSinceEpoch: day))")
          }
        }
      }
    }
  }
}

extension ConditionProgramTests {
  @Test(
    "literals pre-scaled to each currency's minor units compare exactly, with more decimals too",
    arguments: ["JPY", "BRL", "BHD", "CLF"])
  func scaledLiterals(code: String) throws {
    let currency = try #require(Currency(code))
    let literals = ["500", "500.5", "499.999", "0.0001", "10.005", "99999999999999.9999", "1000"]
    let balances: [Int64] = [0, 1, 5, 499, 500, 4_999, 5_000, 5_005, 10_005, 100_050, 499_999, 500_000, 5_000_000]
    for literal in literals {
      let cadence = try Cadence(parsing: "cadence \"x\"\n  D0 email a when balance >= \(literal)\n")
      let expression = try #require(cadence.steps[0].when).expression
      var program = ConditionProgram()
      let root = program.compile(expression)
      for minorUnits in balances {
        let invoice = try Invoice(
          id: "I", amount: Money(minorUnits: minorUnits, currency: currency),
          issued: CivilDate(daysSinceEpoch: 0), due: CivilDate(daysSinceEpoch: 10))
        let timeline = InvoiceTimeline(invoice, effectiveDue: invoice.due)
        let inputs = ConditionInputs(
          timeline: timeline, status: .open, writeOffDay: .max, invariants: InvariantAnswers(program, invoice: invoice))
        var notes: [String] = []
        let expected = expression.holds(for: FieldValues(invoice, inputs, on: 5), notes: &notes)
        #expect(program.holds(root, at: 5, inputs) == expected, "\(minorUnits) \(code) >= \(literal)")
      }
    }
  }
}
