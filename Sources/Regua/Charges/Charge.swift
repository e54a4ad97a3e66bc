/// What a charge step adds to or takes off what is owed: the typed meaning of a `fee`,
/// `interest` or `discount` line, checked when the cadence is compiled.
///
/// ```
/// D+1  fee 2% max 50.00 as multa          → .fee(.percent(2%), maximum: 50.00)
/// D+1  interest 1% per month as juros     → .interest(.fixed(1%, per: .month))
/// D+1  interest "taxa-legal" as juros     → .interest(.table("taxa-legal", plus: 0%))
/// I0   discount 2% until I+10 as desconto → .discount(2%, until: I+10)
/// ```
///
/// Indirect, so that a step without a charge (most of them) carries one word for it, not the
/// largest charge's size.
public indirect enum Charge: Sendable, Hashable {
  /// A fee charged once, on the principal open at the start of its step's scheduled date.
  case fee(FeeAmount, maximum: ChargeAmount?)
  /// Simple interest on the principal open at the start of each day, from its step's scheduled
  /// date on.
  case interest(InterestRate)
  /// A discount on the principal for payments from its step's date through `until`.
  case discount(Rate, until: Offset)
}

/// How much a fee is.
public enum FeeAmount: Sendable, Hashable {
  /// A percentage of the principal open at the start of the fee's date: `fee 2%`.
  case percent(Rate)
  /// A fixed amount: `fee 15.00`, or with its currency, `fee 15.00 BRL`.
  case fixed(ChargeAmount)
}

/// An amount written in a charge: a decimal number, in the invoice's currency unless one is
/// written with it (`15.00 EUR`), in which case an invoice in another currency cannot take the
/// charge (an input error for that invoice).
public struct ChargeAmount: Sendable, Hashable, CustomStringConvertible {
  /// The number, exactly as written.
  public let value: ExactDecimal
  /// The currency written with it, if any.
  public let currency: Currency?

  /// An amount that is not negative.
  ///
  /// - Returns: `nil` when `value` is negative.
  public init?(_ value: ExactDecimal, currency: Currency? = nil) {
    guard value.significand >= 0 else { return nil }
    self.value = value
    self.currency = currency
  }

  /// `15.00`, or `15.00 EUR`.
  public var description: String { currency.map { "\(value) \($0.code)" } ?? value.description }
}

/// The rate of an interest step.
public enum InterestRate: Sendable, Hashable {
  /// A fixed rate per day, month or year: `interest 1% per month`.
  case fixed(Rate, per: RatePeriod)
  /// A rate table's rate for each day, plus a margin: `interest "taxa-legal"`,
  /// `interest "ecb-refi" plus 8%`.
  case table(String, plus: Rate)
}

/// The period a rate is for, which says what one day costs.
public enum RatePeriod: String, Sendable, Hashable, CaseIterable {
  /// The rate each day.
  case day
  /// A month's rate: 1/30 of it a day for a fixed rate (Brazilian *pro rata die*); a rate
  /// table's month rate is spread over that month's calendar days.
  case month
  /// A year's rate: 1/365 of it a day (actual/365).
  case year
}
