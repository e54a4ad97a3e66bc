/// Why an amount could not be read or computed.
public enum MoneyError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The text is not a plain decimal number.
  case notADecimal(String)
  /// The amount has more decimals than its currency's minor unit allows.
  case tooManyDecimals(String, currency: Currency)
  /// The result does not fit in 64 bits of minor units.
  case overflow
  /// Two amounts in different currencies were combined.
  case currencyMismatch(Currency, Currency)
  /// The code is not an ISO-4217 currency code.
  case unknownCurrency(String)

  /// A sentence for people, saying what is expected.
  public var description: String {
    switch self {
    case .notADecimal(let text):
      return "`\(SafeText.excerpt(text))` is not an amount; write a plain decimal with a point, e.g. `1250.00`"
    case .tooManyDecimals(let text, let currency):
      let example = currency.minorUnits == 0 ? "a whole number" : "at most \(currency.minorUnits) decimals"
      return "`\(SafeText.excerpt(text))` has too many decimals for \(currency.code); use \(example)"
    case .overflow:
      return
        "the amount is too large; an amount is at most 9223372036854775807 minor units (92233720368547758.07 with 2 decimals)"
    case .currencyMismatch(let left, let right):
      return "cannot combine an amount in \(left.code) with one in \(right.code)"
    case .unknownCurrency(let code):
      return "`\(SafeText.excerpt(code))` is not an ISO-4217 currency code\(LookAlikes.note(code)); "
        + "use one such as `BRL`, `USD` or `EUR`"
    }
  }
}
