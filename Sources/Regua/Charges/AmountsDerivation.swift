/// How the amounts an invoice owes at the end of a date follow from its principal, its payments
/// and the charges that count: every fee, every stretch of interest, every payment and the
/// discount in force, in day order, each with the numbers it multiplies — what `regua explain`
/// prints under AMOUNTS.
///
/// It is the amounts calculation itself, recorded (``Evaluator/explain(_:on:held:)`` builds it):
/// ``owed`` is the plan's balance, and the terms add up to it under the conventions of
/// `Documentation/Charges.md` — interest and fees exact until a payment or the end, then
/// rounded half-up once per component.
public struct AmountsDerivation: Sendable, Hashable {
  /// The terms, in day order (on one day: interest, fees, then the payment).
  public var terms: [AmountTerm]
  /// What is owed at the end of the date: the plan's balance.
  public var owed: AmountsOwed

  /// Creates a derivation.
  public init(terms: [AmountTerm], owed: AmountsOwed) {
    self.terms = terms
    self.owed = owed
  }
}

/// One term of an ``AmountsDerivation``.
public enum AmountTerm: Sendable, Hashable {
  /// A fee charged by the step `step` on `date`: `rate` of the principal then open, or a fixed
  /// amount (`rate` is `nil`); `amount` is before `maximum`, which caps what is charged.
  case fee(step: String, date: CivilDate, principal: Money, rate: Rate?, maximum: Money?, amount: PreciseAmount)
  /// The interest the step `step` charged over `from...through` (both included) on `principal`
  /// at `rate` a day.
  case interest(
    step: String, from: CivilDate, through: CivilDate, principal: Money, rate: DailyRate, amount: PreciseAmount)
  /// A payment on `date` of `amount`, paying `interest`, then `fees`, then `paidToPrincipal`,
  /// which settled `principal` (more than `paidToPrincipal` under a discount).
  case payment(date: CivilDate, amount: Money, interest: Money, fees: Money, paidToPrincipal: Money, principal: Money)
  /// The discount in force at the end, from the step `step`: `rate` of `principal` taken off
  /// when paid by `through`.
  case discount(step: String, through: CivilDate?, principal: Money, rate: Rate, amount: Money)
}

extension AmountTerm {
  /// For a fee, what it adds to the fees owed: its amount rounded, capped at its maximum; `nil`
  /// for the other terms.
  public var charged: Money? {
    guard case .fee(_, _, _, _, let maximum, let amount) = self else { return nil }
    guard let maximum else { return amount.rounded }
    return Swift.min(amount.rounded, maximum)
  }
}

/// A rate for one day: ``rate`` (plus ``margin``) divided by ``days`` — `1%/30`, `12%/365`,
/// a rate table's month `0.5%/31`, `(2.15% + 8%)/365`.
public struct DailyRate: Sendable, Hashable, CustomStringConvertible {
  /// The rate written or the table's rate for the period.
  public var rate: Rate
  /// The margin added to a rate table's rate (`plus 8%`); zero otherwise.
  public var margin: Rate
  /// The days the rate is spread over: 1, 30, 365, or a month's 28 to 31.
  public var days: Int
  /// The rate table the rate comes from, if any.
  public var table: String?

  /// Creates a daily rate.
  public init(rate: Rate, margin: Rate = .zero, days: Int, table: String? = nil) {
    self.rate = rate
    self.margin = margin
    self.days = days
    self.table = table
  }

  /// `1%/30`, `0.05%` (a day), `(2.15% + 8%)/365`.
  public var description: String {
    let sum = margin == .zero ? "\(rate)" : "(\(rate) + \(margin))"
    return days == 1 ? sum : "\(sum)/\(days)"
  }
}

/// An amount before rounding: exact, or the first few decimals past the currency's minor unit
/// of one that is not a finite decimal (`0.1666…`).
public struct PreciseAmount: Sendable, Hashable, CustomStringConvertible {
  /// The amount, exact or truncated to ``extraDecimals`` decimals past the minor unit.
  public var value: ExactDecimal
  /// Whether ``value`` is the amount exactly.
  public var isExact: Bool
  /// The currency.
  public var currency: Currency

  /// How many decimals past the minor unit an inexact amount shows.
  public static let extraDecimals = 4

  /// Creates a precise amount.
  public init(value: ExactDecimal, isExact: Bool, currency: Currency) {
    self.value = value
    self.isExact = isExact
    self.currency = currency
  }

  /// Whether reporting the amount rounds it: it has digits past the minor unit.
  public var isRounded: Bool {
    var scale: Int64 = 1
    for _ in 0..<(value.scale - currency.minorUnits) { scale *= 10 }
    return !isExact || value.significand % scale != 0
  }

  /// The amount rounded half-up to the currency's minor unit, as reported.
  public var rounded: Money {
    let drop = value.scale - currency.minorUnits
    guard drop > 0 else {
      var minor = value.significand
      for _ in 0..<(-drop) { minor = minor.multipliedReportingOverflow(by: 10).overflow ? .max : minor * 10 }
      return Money(minorUnits: minor, currency: currency)
    }
    var divisor: Int64 = 1
    for _ in 0..<drop { divisor *= 10 }
    let (quotient, remainder) = value.significand.quotientAndRemainder(dividingBy: divisor)
    // Half-up: a truncated amount lies at or above its digits, so a half is up either way.
    return Money(minorUnits: quotient + (remainder * 2 >= divisor ? 1 : 0), currency: currency)
  }

  /// `10.00`, `3.125`, `0.1666…`: the digits past the minor unit only as far as they go.
  public var description: String {
    var text = value.description
    if text.contains(".") {
      let point = text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) } ?? 0
      while text.hasSuffix("0"), text.count - point - 1 > currency.minorUnits { text.removeLast() }
    }
    return isExact ? text : text + "…"
  }

  /// The amount of `parts` (``DailyFactors/denominator`` parts of a minor unit).
  static func of(_ parts: WideUInt, _ currency: Currency) -> PreciseAmount {
    var scale: UInt64 = 1
    for _ in 0..<extraDecimals { scale *= 10 }
    guard let scaled = parts.multiplied(by: scale) else {
      let minor = AmountsTimeline.rounded(parts)
      return PreciseAmount(
        value: ExactDecimal(significand: minor, scale: currency.minorUnits), isExact: false, currency: currency)
    }
    let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: DailyFactors.denominator)
    return PreciseAmount(
      value: ExactDecimal(significand: quotient.int64 ?? .max, scale: currency.minorUnits + extraDecimals),
      isExact: remainder == 0, currency: currency)
  }
}
