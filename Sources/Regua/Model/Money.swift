/// An exact amount of money in one currency, held as a whole number of minor units.
///
/// `Money` never uses floating point. Reading an amount with more decimals than the currency
/// has is an error unless a ``RoundingRule`` is named; sums that overflow are errors, not traps.
///
/// ```swift
/// let owed = try Money(parsing: "1250.00", currency: .brl)
/// let paid = try Money(parsing: "250.00", currency: .brl)
/// try owed.subtracting(paid)        // 1000.00 BRL
/// ```
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The amount in the currency's minor unit (centavos, cents; yen for JPY).
  public let minorUnits: Int64
  /// The currency.
  public let currency: Currency

  /// Creates an amount from a count of minor units.
  public init(minorUnits: Int64, currency: Currency) {
    self.minorUnits = minorUnits
    self.currency = currency
  }

  /// Zero in a currency.
  public static func zero(_ currency: Currency) -> Money {
    Money(minorUnits: 0, currency: currency)
  }

  /// Reads an exact amount: a plain decimal with no more decimals than the currency's minor unit.
  ///
  /// - Throws: ``MoneyError/notADecimal(_:)``, ``MoneyError/tooManyDecimals(_:currency:)`` or
  ///   ``MoneyError/overflow``.
  public init(parsing text: String, currency: Currency) throws(MoneyError) {
    let decimal = try ExactDecimal(parsing: text)
    guard decimal.scale <= currency.minorUnits else { throw .tooManyDecimals(text, currency: currency) }
    try self.init(decimal, currency: currency, rounding: .halfEven)
  }

  /// Converts a decimal to money, rounding to the currency's minor unit by `rule`.
  ///
  /// - Throws: ``MoneyError/overflow`` when the amount does not fit.
  public init(_ decimal: ExactDecimal, currency: Currency, rounding rule: RoundingRule) throws(MoneyError) {
    let rescaled = try decimal.rescaled(to: currency.minorUnits, rounding: rule)
    self.init(minorUnits: rescaled.significand, currency: currency)
  }

  /// The amount as an exact decimal with the currency's number of decimals.
  public var decimal: ExactDecimal {
    ExactDecimal(significand: minorUnits, scale: currency.minorUnits)
  }

  /// The amount without its currency, e.g. `1250.00`.
  public var amountString: String { decimal.description }

  /// The amount and its currency, e.g. `1250.00 BRL`.
  public var description: String { "\(amountString) \(currency.code)" }

  /// Whether the amount is zero.
  public var isZero: Bool { minorUnits == 0 }

  /// Whether the amount is below zero.
  public var isNegative: Bool { minorUnits < 0 }

  /// The sum of two amounts of one currency.
  ///
  /// - Throws: ``MoneyError/currencyMismatch(_:_:)`` or ``MoneyError/overflow``.
  public func adding(_ other: Money) throws(MoneyError) -> Money {
    guard currency == other.currency else { throw .currencyMismatch(currency, other.currency) }
    let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
    guard !overflow else { throw .overflow }
    return Money(minorUnits: sum, currency: currency)
  }

  /// The difference of two amounts of one currency.
  ///
  /// - Throws: ``MoneyError/currencyMismatch(_:_:)`` or ``MoneyError/overflow``.
  public func subtracting(_ other: Money) throws(MoneyError) -> Money {
    guard currency == other.currency else { throw .currencyMismatch(currency, other.currency) }
    let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
    guard !overflow else { throw .overflow }
    return Money(minorUnits: difference, currency: currency)
  }

  /// Orders amounts of one currency; amounts of different currencies are ordered by code first.
  public static func < (lhs: Money, rhs: Money) -> Bool {
    lhs.currency != rhs.currency ? lhs.currency < rhs.currency : lhs.minorUnits < rhs.minorUnits
  }
}
