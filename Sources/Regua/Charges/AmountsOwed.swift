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
  /// The part of the amount invoiced not yet paid.
  public let principal: Money
  /// Fees charged and not yet paid.
  public let fees: Money
  /// Interest accrued and not yet paid.
  public let interest: Money
  /// The discount in force: what is taken off the principal when paid during its period.
  public let discount: Money
  /// What settles the invoice: principal + fees + interest − discount.
  public let total: Money

  /// Nothing owed, in `currency`.
  public static func zero(_ currency: Currency) -> AmountsOwed {
    AmountsOwed(principal: Money.zero(currency))
  }

  /// An amount owed with no charges: the principal is the total.
  public init(principal: Money) {
    let zero = Money.zero(principal.currency)
    self.principal = principal
    fees = zero
    interest = zero
    discount = zero
    total = principal
  }

  /// The components in minor units of `currency`; the total is their sum, never below zero.
  init(currency: Currency, principal: Int64, fees: Int64, interest: Int64, discount: Int64) {
    self.principal = Money(minorUnits: principal, currency: currency)
    self.fees = Money(minorUnits: fees, currency: currency)
    self.interest = Money(minorUnits: interest, currency: currency)
    self.discount = Money(minorUnits: discount, currency: currency)
    total = Money(minorUnits: AmountsOwed.total(principal, fees, interest, discount), currency: currency)
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
