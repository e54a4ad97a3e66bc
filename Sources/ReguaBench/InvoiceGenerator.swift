import Foundation
import Regua

/// One generated input: an invoice, the date it is evaluated on, and the invoice as JSON.
struct EvaluationCase {
  let invoice: Invoice
  let date: CivilDate
  let json: Data
}

/// Generates varied invoices and evaluation dates for a cadence, from a seed: amounts around the
/// cadence's thresholds, payments before and after the date, every status, promises, key-account
/// tags, and histories with executed steps, manual calls (`"channel": "call"`) and unknown ids.
struct InvoiceGenerator {
  private var random: SplitMix64
  private let cadence: Cadence
  private var serial = 0
  /// Whether a payment of the whole principal left pays a little more half the time (up to 5%
  /// over), as a customer paying the updated amount of a fee and interest does.
  private let paysCharges: Bool

  init(cadence: Cadence, seed: UInt64, paysCharges: Bool = false) {
    self.cadence = cadence
    self.paysCharges = paysCharges
    random = SplitMix64(seed: seed)
  }

  /// `count` cases; the same seed always gives the same cases.
  mutating func cases(_ count: Int) throws -> [EvaluationCase] {
    try (0..<count).map { _ in try nextCase() }
  }

  mutating func nextCase() throws -> EvaluationCase {
    serial += 1
    let invoice = try makeInvoice()
    // Half the dates anywhere from before the issue to D+150, half within the catch-up after a
    // step's scheduled day, where supersession and limits decide.
    let date: CivilDate
    if random.chance(50), let step = cadence.steps.randomElement(using: &random) {
      let scheduled = anchorDay(step, invoice.issued.daysSinceEpoch, invoice.due.daysSinceEpoch)
      date = day(scheduled...scheduled + 3)
    } else {
      date = day(invoice.issued.daysSinceEpoch - 10...invoice.due.daysSinceEpoch + 150)
    }
    return EvaluationCase(invoice: invoice, date: date, json: invoice.jsonData())
  }

  private mutating func makeInvoice() throws -> Invoice {
    let currency = random.chance(90) ? (random.chance(80) ? Currency.brl : Currency.usd) : Currency.jpy
    let scale = currency.minorUnits == 0 ? Int64(1) : 100
    let amount: Int64
    switch Int.random(in: 0..<10, using: &random) {
    case 0: amount = 0
    case 1: amount = 500 * scale
    case 2: amount = 100 * scale
    case 3: amount = 500 * scale - 1
    default: amount = Int64.random(in: 1...3_000 * scale, using: &random)
    }
    let due = 20_454 + Int.random(in: 0..<365, using: &random)  // 2026-01-01 onwards
    // Issued 13 days before the due date now and then, so the I+14 and D+1 emails meet.
    let issued = due - (random.chance(15) ? 13 : Int.random(in: 0...30, using: &random))
    let status: InvoiceStatus
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<75: status = .open
    case 75..<88: status = .disputed
    case 88..<95: status = .cancelled
    default: status = .writtenOff
    }
    let customer = Customer(
      id: "C-\(Int.random(in: 1...500, using: &random))", kind: random.chance(50) ? .company : nil,
      segment: random.chance(50) ? "smb" : "enterprise", tags: random.chance(15) ? ["key-account"] : [])
    var tags: [String] = []
    if random.chance(10) { tags.append("key-account") }
    if random.chance(20) { tags.append("vip") }
    return try Invoice(
      id: "INV-\(serial)", amount: Money(minorUnits: amount, currency: currency),
      issued: CivilDate(daysSinceEpoch: issued),
      due: CivilDate(daysSinceEpoch: due), status: status, customer: customer, tags: tags,
      payments: payments(amount: amount, currency: currency, due: due), promise: promise(due: due, currency: currency),
      history: history(issued: issued, due: due))
  }

  private mutating func payments(amount: Int64, currency: Currency, due: Int) -> [Payment] {
    var payments: [Payment] = []
    var remaining = amount
    for _ in 0..<Int.random(in: 0...3, using: &random) where remaining > 0 {
      var paid = random.chance(40) ? remaining : Int64.random(in: 1...remaining, using: &random)
      if paysCharges, paid == remaining, random.chance(50) { paid += Int64.random(in: 0...paid / 20, using: &random) }
      remaining = max(0, remaining - paid)
      payments.append(Payment(date: day(due - 10...due + 150), amount: Money(minorUnits: paid, currency: currency)))
    }
    return payments
  }

  private mutating func promise(due: Int, currency: Currency) -> PromiseToPay? {
    guard random.chance(25) else { return nil }
    let made = random.chance(20) ? nil : due + Int.random(in: -5...60, using: &random)
    let date = (made ?? due) + Int.random(in: 0...30, using: &random)
    return PromiseToPay(
      made: made.map { CivilDate(daysSinceEpoch: $0) }, date: CivilDate(daysSinceEpoch: date),
      amount: random.chance(50) ? Money(minorUnits: 1_000, currency: currency) : nil)
  }

  private mutating func history(issued: Int, due: Int) -> [HistoryEntry] {
    var history: [HistoryEntry] = []
    for step in cadence.steps where random.chance(30) {
      let scheduled = anchorDay(step, issued, due)
      history.append(HistoryEntry(step: step.id, date: day(scheduled...scheduled + 5)))
    }
    if random.chance(30) {
      history.append(HistoryEntry(step: "manual-call", date: day(due + 5...due + 20), channel: .call))
    }
    if random.chance(10) { history.append(HistoryEntry(step: "sms-blast", date: day(due - 5...due + 40))) }
    if random.chance(5), let step = cadence.steps.randomElement(using: &random) {
      history.append(HistoryEntry(step: step.id, date: day(due...due + 60), channel: .call))
    }
    history.shuffle(using: &random)
    return history
  }

  private func anchorDay(_ step: Step, _ issued: Int, _ due: Int) -> Int {
    (step.offset.anchor == .issue ? issued : due) + step.offset.days
  }

  private mutating func day(_ range: ClosedRange<Int>) -> CivilDate {
    CivilDate(daysSinceEpoch: Int.random(in: range, using: &random))
  }
}
