/// One charge step's occurrence as it applies to one invoice: what it does to the amounts, the
/// day its computation starts (its scheduled date) and the day it starts to count (the day it
/// was executed: recorded in the history, or fired in the plan being made).
struct CountedCharge: Sendable {
  /// What the charge does, in exact parts of a minor unit (``DailyFactors/denominator``).
  enum Effect: Sendable {
    /// A fee: a percentage of the principal open at the start of its day, capped at `maximum`,
    /// or a fixed amount.
    case fee(percent: Rate?, fixed: WideUInt?, maximum: WideUInt?)
    /// Interest at a fixed daily factor.
    case interest(perDay: UInt64)
    /// Interest at a rate table's factors: an index of the timeline's tables.
    case tableInterest(Int)
    /// A discount of the principal through a day.
    case discount(Rate, through: Int)
  }

  var effect: Effect
  /// The day its computation starts: a fee's day, interest's first day, a discount's first day.
  var scheduled: Int
  /// The first day it counts.
  var counted: Int
  /// Its occurrence in the invoice's schedule, which names it in a derivation.
  var occurrence: Int = 0

  /// An amount written in a charge as exact parts of the currency's minor unit; `nil` when it
  /// overflows.
  static func parts(of amount: ExactDecimal, currency: Currency) -> WideUInt? {
    guard amount.significand >= 0,
      let scaled = WideUInt.product(UInt64(amount.significand), DailyFactors.denominator)
        .multiplied(by: power(of: 10, currency.minorUnits))
    else { return nil }
    return scaled.divided(by: power(of: 10, amount.scale), rounding: .halfUp)
  }

  private static func power(of base: UInt64, _ exponent: Int) -> UInt64 {
    (0..<exponent).reduce(1) { value, _ in value &* base }
  }
}
