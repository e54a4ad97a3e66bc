/// An exact, non-negative percentage with at most six decimals, such as a late fee's `2%` or a
/// daily interest of `0.033%`.
///
/// A rate is held as a whole number of millionths of a percent (`1%` is `1_000_000`, `0.033%`
/// is `33_000`), so it never passes through floating point, and it is read from text only as
/// written with its `%` sign: `2` could mean 2% or 200%, and a rule must not guess.
///
/// ```swift
/// let fee = try Rate(parsing: "2%")
/// fee.description                        // "2%"
/// try Rate(parsing: "12.50%").description  // "12.5%"
/// try Rate(parsing: "2,5%")                // throws RateError.commaDecimalSeparator
/// ```
public struct Rate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The rate in millionths of a percent: `2%` is `2_000_000`.
  public let millionthsOfPercent: Int64

  /// How many decimals a rate can have.
  public static let maximumDecimals = 6

  /// The largest rate, `1000%`: a larger one is taken for a mistake, such as a misplaced point.
  public static let maximum = Rate(unchecked: 1_000_000_000)

  /// A rate of `0%`.
  public static let zero = Rate(unchecked: 0)

  /// Millionths of a percent in a whole, `100% = 100_000_000`: a portion of an amount is the
  /// amount times ``millionthsOfPercent``, divided by this.
  static let denominator: UInt64 = 100_000_000

  /// Millionths of a percent in one percent.
  private static let millionthsPerPercent: Int64 = 1_000_000

  /// Creates a rate already known to be within bounds.
  private init(unchecked millionthsOfPercent: Int64) {
    self.millionthsOfPercent = millionthsOfPercent
  }

  /// Creates a rate from a count of millionths of a percent.
  ///
  /// - Throws: ``RateError/negative(_:)`` below zero, ``RateError/tooLarge(_:)`` above
  ///   ``maximum``; each quotes the number written as a percentage.
  public init(millionthsOfPercent: Int64) throws(RateError) {
    guard millionthsOfPercent >= 0 else { throw .negative(Rate.text(millionthsOfPercent)) }
    guard millionthsOfPercent <= Rate.maximum.millionthsOfPercent else {
      throw .tooLarge(Rate.text(millionthsOfPercent))
    }
    self.init(unchecked: millionthsOfPercent)
  }

  /// Reads a rate written as digits, optionally a point and at most six decimals, then `%`:
  /// `2%`, `0.033%`, `12.5%`, `0%`.
  ///
  /// Spaces, signs, exponents and grouping separators are refused, as is anything after the `%`.
  ///
  /// - Throws: ``RateError/notAPercentage(_:)`` for text that is not such a number,
  ///   ``RateError/negative(_:)`` for a minus sign, ``RateError/commaDecimalSeparator(_:)`` for
  ///   `2,5%`, ``RateError/missingPercentSign(_:)`` for `2`, ``RateError/tooManyDecimals(_:)``
  ///   for more than ``maximumDecimals`` decimals and ``RateError/tooLarge(_:)`` above
  ///   ``maximum``, in that order of precedence.
  public init(parsing text: String) throws(RateError) {
    var body = text.utf8[...]
    let isNegative = body.first == UInt8(ascii: "-")
    if isNegative { body = body.dropFirst() }
    let hasPercentSign = body.last == UInt8(ascii: "%")
    if hasPercentSign { body = body.dropLast() }
    guard let number = ScannedNumber(body) else { throw .notAPercentage(text) }
    guard !isNegative else { throw .negative(text) }
    guard !number.hasComma else { throw .commaDecimalSeparator(text) }
    guard hasPercentSign else { throw .missingPercentSign(text) }
    guard number.decimals <= Rate.maximumDecimals else { throw .tooManyDecimals(text) }
    let value =
      number.integer * Rate.millionthsPerPercent
      + number.fraction * ExactDecimal.powerOfTen(Rate.maximumDecimals - number.decimals)
    guard value <= Rate.maximum.millionthsOfPercent else { throw .tooLarge(text) }
    self.init(unchecked: value)
  }

  /// The rate in its shortest exact form: `2%`, `0.033%`, `12.5%`.
  public var description: String { Rate.text(millionthsOfPercent) }

  /// The percentage as an exact decimal with no trailing zeros: `2` for `2%`, `0.033` for
  /// `0.033%`.
  public var decimal: ExactDecimal {
    var significand = millionthsOfPercent
    var scale = Rate.maximumDecimals
    while scale > 0, significand % 10 == 0 {
      significand /= 10
      scale -= 1
    }
    return ExactDecimal(significand: significand, scale: scale)
  }

  /// This rate of an amount of minor units, rounded to a whole minor unit by `rule`:
  /// `minorUnits × millionthsOfPercent / denominator`, computed in 128 bits.
  ///
  /// 2% of `100000` (1000.00) is `2000` (20.00).
  ///
  /// - Returns: `nil` for a negative amount, or when the portion does not fit in an `Int64`.
  func portion(of minorUnits: Int64, rounding rule: RoundingRule) -> Int64? {
    guard minorUnits >= 0 else { return nil }
    let product = WideUInt.product(minorUnits.magnitude, millionthsOfPercent.magnitude)
    return product.divided(by: Rate.denominator, rounding: rule).int64
  }

  /// Numeric order: `0.5%` comes before `2%`.
  public static func < (lhs: Rate, rhs: Rate) -> Bool {
    lhs.millionthsOfPercent < rhs.millionthsOfPercent
  }

  /// A count of millionths of a percent written as a percentage in its shortest exact form,
  /// negative counts included (for the messages of out-of-range counts).
  static func text(_ millionths: Int64) -> String {
    let magnitude = millionths.magnitude
    let perPercent = millionthsPerPercent.magnitude
    var text = (millionths < 0 ? "-" : "") + String(magnitude / perPercent)
    let fraction = magnitude % perPercent
    if fraction != 0 {
      var digits = String(fraction)
      digits = String(repeating: "0", count: maximumDecimals - digits.count) + digits
      while digits.last == "0" { digits.removeLast() }
      text += "." + digits
    }
    return text + "%"
  }
}

/// The digits of a rate's text between its sign and its `%`: an integer part, and optionally a
/// point or a comma and a fraction.
private struct ScannedNumber {
  /// The integer part, capped at 10 000 (any more is too large a rate anyway) so that it never
  /// overflows.
  var integer: Int64 = 0
  /// The first ``Rate/maximumDecimals`` decimals as an integer.
  var fraction: Int64 = 0
  /// How many decimals were written, all of them counted.
  var decimals = 0
  /// Whether a comma separates the decimals.
  var hasComma = false

  /// Scans digits with at most one separator between digits; `nil` for anything else.
  init?(_ bytes: Substring.UTF8View) {
    var integerDigits = 0
    var separator: UInt8?
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        let digit = Int64(byte - UInt8(ascii: "0"))
        if separator == nil {
          integerDigits += 1
          integer = min(integer * 10 + digit, 10_000)
        } else {
          decimals += 1
          if decimals <= Rate.maximumDecimals { fraction = fraction * 10 + digit }
        }
      case UInt8(ascii: "."), UInt8(ascii: ","):
        guard separator == nil, integerDigits > 0 else { return nil }
        separator = byte
      default:
        return nil
      }
    }
    guard integerDigits > 0, separator == nil || decimals > 0 else { return nil }
    hasComma = separator == UInt8(ascii: ",")
  }
}
