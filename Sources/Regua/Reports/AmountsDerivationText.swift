/// The human-readable form of an ``AmountsDerivation``, one line per term, as `regua explain`
/// prints it under AMOUNTS:
///
/// ```
/// fee:       1,000.00 × 2% = 20.00 (d+1-fee, 2026-03-11)
/// interest:  1,000.00 × 1%/30 × 15 days = 5.00 (d+1-interest, 2026-03-11 to 2026-03-25)
/// payment:   400.00 on 2026-03-25 pays interest 5.00, fees 20.00, principal 375.00
/// interest:  625.00 × 1%/30 × 15 days = 3.125 (d+1-interest, 2026-03-26 to 2026-04-09)
/// owed:      principal 625.00 + interest 3.13 = 628.13 BRL, each component rounded half-up
/// ```
///
/// Amounts multiplied are grouped by thousands (`1,000.00`) so that a product reads at a
/// glance; step ids go through ``SafeText``.
enum AmountsDerivationText {
  static func lines(_ derivation: AmountsDerivation) -> [String] {
    var lines = derivation.terms.map(line)
    let owed = derivation.owed
    var parts = ["principal \(grouped(owed.principal))"]
    if !owed.fees.isZero { parts.append("fees \(grouped(owed.fees))") }
    if !owed.interest.isZero { parts.append("interest \(grouped(owed.interest))") }
    var sum = parts.joined(separator: " + ")
    if !owed.discount.isZero { sum += " − discount \(grouped(owed.discount))" }
    let rounded = derivation.terms.contains { term in
      switch term {
      case .fee(_, _, _, _, _, let amount), .interest(_, _, _, _, _, let amount):
        return amount.isRounded
      default: return false
      }
    }
    lines.append(
      label("owed") + "\(sum) = \(grouped(owed.total)) \(owed.currency.code)"
        + (rounded ? ", each component rounded half-up" : ""))
    return lines
  }

  static func line(_ term: AmountTerm) -> String {
    switch term {
    case .fee(let step, let date, let principal, let rate, let maximum, let amount):
      var text: String
      if let rate {
        text = "\(grouped(principal)) × \(rate) = \(grouped(amount))"
        if let maximum {
          text +=
            amount.rounded > maximum ? ", max \(grouped(maximum)) → \(grouped(maximum))" : ", max \(grouped(maximum))"
        }
      } else {
        text = "\(grouped(amount))"
      }
      return label("fee") + text + " (\(SafeText.escaped(step)), \(date))"
    case .interest(let step, let from, let through, let principal, let rate, let amount):
      let days = through.daysSinceEpoch - from.daysSinceEpoch + 1
      let period = from == through ? "\(from)" : "\(from) to \(through)"
      let table = rate.table.map { ", rates " + SafeText.escaped($0) } ?? ""
      return label("interest")
        + "\(grouped(principal)) × \(rate) × \(Plural.count(days, "day")) = \(grouped(amount))"
        + " (\(SafeText.escaped(step))\(table), \(period))"
    case .payment(let date, let amount, let interest, let fees, let paidToPrincipal, let principal):
      var paid: [String] = []
      if !interest.isZero { paid.append("interest \(grouped(interest))") }
      if !fees.isZero { paid.append("fees \(grouped(fees))") }
      if !paidToPrincipal.isZero || paid.isEmpty { paid.append("principal \(grouped(paidToPrincipal))") }
      var text = label("payment") + "\(grouped(amount)) on \(date) pays " + paid.joined(separator: ", ")
      if principal != paidToPrincipal { text += ", settling \(grouped(principal)) of principal under the discount" }
      return text
    case .discount(let step, let through, let principal, let rate, let amount):
      let until = through.map { " if paid by \($0)" } ?? ""
      return label("discount") + "\(grouped(principal)) × \(rate) = \(grouped(amount)) off\(until)"
        + " (\(SafeText.escaped(step)))"
    }
  }

  private static func label(_ word: String) -> String {
    (word + ":").padding(toLength: 11, withPad: " ", startingAt: 0)
  }

  private static func grouped(_ money: Money) -> String { grouped(money.amountString) }
  private static func grouped(_ amount: PreciseAmount) -> String { grouped(amount.description) }

  /// `1234567.891` → `1,234,567.891`: commas every three digits of the integer part.
  static func grouped(_ text: String) -> String {
    var integer = Substring(text)
    var rest = ""
    if let point = text.firstIndex(of: ".") {
      integer = text[..<point]
      rest = String(text[point...])
    }
    var sign = ""
    if integer.first == "-" {
      sign = "-"
      integer = integer.dropFirst()
    }
    var groups: [Substring] = []
    var end = integer.endIndex
    while end > integer.startIndex {
      let start = integer.index(end, offsetBy: -3, limitedBy: integer.startIndex) ?? integer.startIndex
      groups.append(integer[start..<end])
      end = start
    }
    return sign + groups.reversed().joined(separator: ",") + rest
  }
}

extension AmountTerm: CustomStringConvertible {
  /// The term as `regua explain` writes it: `interest:  1,000.00 × 1%/30 × 30 days = 10.00
  /// (juros, 2026-03-11 to 2026-04-09)`.
  public var description: String { AmountsDerivationText.line(self) }
}

extension AmountsDerivation: CustomStringConvertible {
  /// Every term, then what is owed, one per line, as `regua explain` writes them under AMOUNTS.
  public var description: String { AmountsDerivationText.lines(self).joined(separator: "\n") }
}
