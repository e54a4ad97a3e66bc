/// What an invoice owes at the end of one day, component by component: the principal still
/// open, the fees and interest charged and not yet paid, and the discount an early payment
/// would earn.
///
/// Each component is rounded half-up to the currency's minor unit once, from exact values;
/// ``total`` is the sum of the rounded components, so a letter that lists them adds up.
///
/// ```swift
/// let owed = try evaluator.amounts(for: invoice, on: today)
/// print("\(owed.principal) + \(owed.fees) fees + \(owed.interest) interest = \(owed.total)")
/// ```
public struct AmountsOwed: Sendable, Hashable, CustomStringConvertible {
  /// The currency of every component.
  public let currency: Currency
  /// The components in minor units: principal, fees, interest, discount, total.
  private let minorUnits: (principal: Int64, fees: Int64, interest: Int64, discount: Int64, total: Int64)

  /// The part of the amount invoiced not yet paid.
  public var principal: Money { Money(minorUnits: minorUnits.principal, currency: currency) }
  /// Fees charged and not yet paid.
  public var fees: Money { Money(minorUnits: minorUnits.fees, currency: currency) }
  /// Interest accrued and not yet paid.
  public var interest: Money { Money(minorUnits: minorUnits.interest, currency: currency) }
  /// The discount in force: what is taken off the principal when paid during its period.
  public var discount: Money { Money(minorUnits: minorUnits.discount, currency: currency) }
  /// What settles the invoice: principal + fees + interest − discount.
  public var total: Money { Money(minorUnits: minorUnits.total, currency: currency) }

  /// Nothing owed, in `currency`.
  public static func zero(_ currency: Currency) -> AmountsOwed {
    AmountsOwed(principal: Money.zero(currency))
  }

  /// An amount owed with no charges: the principal is the total.
  public init(principal: Money) {
    currency = principal.currency
    minorUnits = (principal.minorUnits, 0, 0, 0, principal.minorUnits)
  }

  /// The components in minor units of `currency`; the total is their sum, never below zero.
  init(currency: Currency, principal: Int64, fees: Int64, interest: Int64, discount: Int64) {
    self.currency = currency
    minorUnits = (principal, fees, interest, discount, AmountsOwed.total(principal, fees, interest, discount))
  }

  /// Amounts are equal when their currency and components are.
  public static func == (lhs: AmountsOwed, rhs: AmountsOwed) -> Bool {
    lhs.currency == rhs.currency && lhs.minorUnits == rhs.minorUnits
  }

  /// Hashes the currency and the components.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(currency)
    hasher.combine(minorUnits.principal)
    hasher.combine(minorUnits.fees)
    hasher.combine(minorUnits.interest)
    hasher.combine(minorUnits.discount)
  }

  /// principal + fees + interest − discount in minor units, saturating, never below zero.
  static func total(_ principal: Int64, _ fees: Int64, _ interest: Int64, _ discount: Int64) -> Int64 {
    let (a, o1) = principal.addingReportingOverflow(fees)
    let (b, o2) = (o1 ? Int64.max : a).addingReportingOverflow(interest)
    let sum = o2 ? Int64.max : b
    return Swift.max(0, sum - Swift.min(discount, sum))
  }

  /// Whether nothing is owed.
  public var isSettled: Bool { total.isZero }

  /// `1030.00 BRL`, or with charges `1030.00 BRL (principal 1000.00 + fees 20.00 + interest
  /// 10.00)`.
  public var description: String {
    guard !(fees.isZero && interest.isZero && discount.isZero) else { return total.description }
    var breakdown = "principal \(principal.amountString)"
    if !fees.isZero { breakdown += " + fees \(fees.amountString)" }
    if !interest.isZero { breakdown += " + interest \(interest.amountString)" }
    if !discount.isZero { breakdown += " − discount \(discount.amountString)" }
    return "\(total) (\(breakdown))"
  }
}
