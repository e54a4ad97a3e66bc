/// An exact decimal number: an integer significand scaled by a power of ten.
///
/// `12.50` is stored as significand `1250`, scale `2`. There is no floating point anywhere;
/// arithmetic that would overflow 64 bits reports it instead of trapping.
public struct ExactDecimal: Sendable, Hashable, CustomStringConvertible {
  /// The digits of the number as an integer.
  public let significand: Int64
  /// How many of the significand's digits are decimals, 0 through ``maximumScale``.
  public let scale: Int

  /// The largest scale an exact decimal can have.
  public static let maximumScale = 18

  /// Creates `significand × 10^-scale`.
  ///
  /// - Precondition: `scale` is within `0...maximumScale`; out-of-range scales are clamped.
  public init(significand: Int64, scale: Int) {
    self.significand = significand
    self.scale = min(max(scale, 0), ExactDecimal.maximumScale)
  }

  /// Creates an integer-valued decimal.
  public init(_ integer: Int64) {
    self.init(significand: integer, scale: 0)
  }

  /// Parses a plain decimal: an optional `-`, digits, and optionally a point and more digits.
  ///
  /// Rejects exponents, grouping separators, a leading `+`, a comma for the point and anything
  /// with trailing characters: `"12abc"` and `"1,5"` are errors, not 12 and 1.
  /// - Throws: ``MoneyError/notADecimal(_:)`` or ``MoneyError/overflow`` when the digits do not
  ///   fit in 64 bits.
  public init(parsing text: String) throws(MoneyError) {
    var negative = false
    var significand: Int64 = 0
    var scale = 0
    var seenPoint = false
    var digitsBefore = 0
    var digitsAfter = 0
    for (index, byte) in text.utf8.enumerated() {
      switch byte {
      case UInt8(ascii: "-") where index == 0:
        negative = true
      case UInt8(ascii: "."):
        guard !seenPoint, digitsBefore > 0 else { throw .notADecimal(text) }
        seenPoint = true
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        let digit = Int64(byte - UInt8(ascii: "0"))
        let (shifted, o1) = significand.multipliedReportingOverflow(by: 10)
        let (sum, o2) = shifted.addingReportingOverflow(negative ? -digit : digit)
        guard !o1, !o2 else { throw .overflow }
        significand = sum
        if seenPoint {
          digitsAfter += 1
          scale += 1
        } else {
          digitsBefore += 1
        }
      default:
        throw .notADecimal(text)
      }
    }
    guard digitsBefore > 0, !seenPoint || digitsAfter > 0 else { throw .notADecimal(text) }
    guard scale <= ExactDecimal.maximumScale else { throw .overflow }
    self.init(significand: significand, scale: scale)
  }

  /// The number written plainly, with exactly ``scale`` decimals: `-0.50`, `1250.00`, `7`.
  public var description: String {
    let magnitude = significand.magnitude
    var digits = String(magnitude)
    if scale > 0 {
      if digits.count <= scale {
        digits = String(repeating: "0", count: scale - digits.count + 1) + digits
      }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
    }
    return significand < 0 ? "-" + digits : digits
  }

  /// Whether the number is below zero.
  public var isNegative: Bool { significand < 0 }

  /// The same number written with `newScale` decimals, rounding by `rule` when decimals are
  /// dropped.
  ///
  /// - Throws: ``MoneyError/overflow`` when more decimals make the significand too large.
  public func rescaled(to newScale: Int, rounding rule: RoundingRule) throws(MoneyError) -> ExactDecimal {
    guard (0...ExactDecimal.maximumScale).contains(newScale) else { throw .overflow }
    if newScale >= scale {
      let factor = ExactDecimal.powerOfTen(newScale - scale)
      let (value, overflow) = significand.multipliedReportingOverflow(by: factor)
      guard !overflow else { throw .overflow }
      return ExactDecimal(significand: value, scale: newScale)
    }
    let divisor = ExactDecimal.powerOfTen(scale - newScale)
    let quotient = significand / divisor
    let remainder = significand % divisor  // same sign as significand
    guard remainder != 0 else { return ExactDecimal(significand: quotient, scale: newScale) }
    let awayFromZero: Bool
    let twiceRemainder = remainder.magnitude * 2
    let divisorMagnitude = divisor.magnitude
    switch rule {
    case .towardZero: awayFromZero = false
    case .awayFromZero: awayFromZero = true
    case .down: awayFromZero = significand < 0
    case .up: awayFromZero = significand > 0
    case .halfUp: awayFromZero = twiceRemainder >= divisorMagnitude
    case .halfEven:
      awayFromZero =
        twiceRemainder > divisorMagnitude
        || (twiceRemainder == divisorMagnitude && quotient % 2 != 0)
    }
    let adjusted = awayFromZero ? quotient + (significand < 0 ? -1 : 1) : quotient
    return ExactDecimal(significand: adjusted, scale: newScale)
  }

  /// 10 to the power `exponent`, for `exponent` in `0...18`.
  static func powerOfTen(_ exponent: Int) -> Int64 {
    var value: Int64 = 1
    for _ in 0..<exponent { value &*= 10 }
    return value
  }

  /// The integer part rounded toward negative infinity, and the fraction scaled to 18 digits.
  ///
  /// Comparing these pairs compares the numbers exactly without any multiplication that could
  /// overflow.
  private var normalizedParts: (integer: Int64, fraction: Int64) {
    let divisor = ExactDecimal.powerOfTen(scale)
    var integer = significand / divisor
    var remainder = significand % divisor
    if remainder < 0 {
      integer -= 1
      remainder += divisor
    }
    return (integer, remainder * ExactDecimal.powerOfTen(ExactDecimal.maximumScale - scale))
  }
}

extension ExactDecimal: Comparable {
  /// Numeric equality: `1.50` equals `1.5`.
  public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
    lhs.normalizedParts == rhs.normalizedParts
  }

  /// Hashes the numeric value, so that `1.50` and `1.5` hash alike.
  public func hash(into hasher: inout Hasher) {
    let parts = normalizedParts
    hasher.combine(parts.integer)
    hasher.combine(parts.fraction)
  }

  /// Numeric order, exact at every scale.
  public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
    let left = lhs.normalizedParts
    let right = rhs.normalizedParts
    return left.integer != right.integer ? left.integer < right.integer : left.fraction < right.fraction
  }
}

/// How to drop decimals that do not fit. Every rounding in Regua names its rule.
public enum RoundingRule: String, Sendable, Hashable, CaseIterable {
  /// Round to nearest; a tie goes to the even neighbour (banker's rounding): 2.345 → 2.34.
  case halfEven = "half-even"
  /// Round to nearest; a tie goes away from zero (school rounding): 2.345 → 2.35.
  case halfUp = "half-up"
  /// Toward negative infinity (floor).
  case down
  /// Toward positive infinity (ceiling).
  case up
  /// Drop the decimals (truncate).
  case towardZero = "toward-zero"
  /// Any dropped decimal moves the value away from zero.
  case awayFromZero = "away-from-zero"
}
