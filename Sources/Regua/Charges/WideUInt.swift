/// An unsigned 128-bit integer held as two 64-bit words, for products that do not fit in 64 bits.
///
/// A charge multiplies an amount in minor units by a rate in millionths of a percent before it
/// divides: `9_000_000_000_000 × 1_000_000_000` needs more than 64 bits even when the result
/// fits. Swift's own `UInt128` needs newer systems than the package declares, so this type does
/// the few operations charges need, each reporting overflow by returning `nil`, never trapping.
///
/// ```swift
/// let product = WideUInt.product(100_000, 2_000_000)            // 200000000000
/// product.divided(by: 100_000_000, rounding: .halfEven).int64  // 2000
/// ```
struct WideUInt: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The most significant 64 bits.
  let high: UInt64
  /// The least significant 64 bits.
  let low: UInt64

  /// Creates `high × 2^64 + low`.
  init(high: UInt64, low: UInt64) {
    self.high = high
    self.low = low
  }

  /// Creates a wide integer with the value of a 64-bit one.
  init(_ value: UInt64) {
    self.init(high: 0, low: value)
  }

  /// Zero.
  static let zero = WideUInt(0)

  /// Whether the value is zero.
  var isZero: Bool { high == 0 && low == 0 }

  /// The exact product of two 64-bit integers, which always fits in 128 bits.
  static func product(_ a: UInt64, _ b: UInt64) -> WideUInt {
    let (high, low) = a.multipliedFullWidth(by: b)
    return WideUInt(high: high, low: low)
  }

  /// The value times `factor`, or `nil` when the product needs more than 128 bits.
  func multiplied(by factor: UInt64) -> WideUInt? {
    let lowProduct = low.multipliedFullWidth(by: factor)
    let highProduct = high.multipliedFullWidth(by: factor)
    guard highProduct.high == 0 else { return nil }
    let (newHigh, overflow) = highProduct.low.addingReportingOverflow(lowProduct.high)
    guard !overflow else { return nil }
    return WideUInt(high: newHigh, low: lowProduct.low)
  }

  /// The sum of two values, or `nil` when it needs more than 128 bits.
  func adding(_ other: WideUInt) -> WideUInt? {
    let (newLow, carry) = low.addingReportingOverflow(other.low)
    let (partialHigh, overflow1) = high.addingReportingOverflow(other.high)
    let (newHigh, overflow2) = partialHigh.addingReportingOverflow(carry ? 1 : 0)
    guard !overflow1, !overflow2 else { return nil }
    return WideUInt(high: newHigh, low: newLow)
  }

  /// The value minus `other`, or `nil` when `other` is larger (the result would be below zero).
  func subtracting(_ other: WideUInt) -> WideUInt? {
    guard other <= self else { return nil }
    let (newLow, borrow) = low.subtractingReportingOverflow(other.low)
    // `other <= self`, so the high words cannot underflow once the borrow is taken.
    return WideUInt(high: high &- other.high &- (borrow ? 1 : 0), low: newLow)
  }

  /// The quotient and remainder of dividing by a 64-bit divisor, truncating.
  ///
  /// The division runs in two steps of `dividingFullWidth`: the high word by the divisor, then
  /// the high word's remainder and the low word, which cannot overflow because that remainder
  /// is smaller than the divisor.
  ///
  /// - Returns: For a `divisor` of zero, a quotient and remainder of zero, so that the function
  ///   never traps; callers divide by positive constants.
  func quotientAndRemainder(dividingBy divisor: UInt64) -> (quotient: WideUInt, remainder: UInt64) {
    guard divisor > 0 else { return (.zero, 0) }
    let (highQuotient, highRemainder) = high.quotientAndRemainder(dividingBy: divisor)
    let (lowQuotient, remainder) = divisor.dividingFullWidth((high: highRemainder, low: low))
    return (WideUInt(high: highQuotient, low: lowQuotient), remainder)
  }

  /// The value divided by `divisor`, rounded to a whole number by `rule`.
  ///
  /// The value is never negative, so ``RoundingRule/down`` truncates as
  /// ``RoundingRule/towardZero`` does, and ``RoundingRule/up`` rounds any remainder up as
  /// ``RoundingRule/awayFromZero`` does.
  ///
  /// - Returns: For a `divisor` of zero, zero (see ``quotientAndRemainder(dividingBy:)``).
  func divided(by divisor: UInt64, rounding rule: RoundingRule) -> WideUInt {
    let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
    guard remainder != 0 else { return quotient }
    // `remainder < divisor`, so `divisor - remainder` cannot underflow, and comparing the
    // remainder with it compares twice the remainder with the divisor without overflow.
    let rest = divisor - remainder
    let roundsUp: Bool
    switch rule {
    case .down, .towardZero: roundsUp = false
    case .up, .awayFromZero: roundsUp = true
    case .halfUp: roundsUp = remainder >= rest
    case .halfEven: roundsUp = remainder > rest || (remainder == rest && quotient.low & 1 == 1)
    }
    return roundsUp ? quotient.successor : quotient
  }

  /// The value plus one, for a rounded-up quotient.
  ///
  /// A quotient with a non-zero remainder has a divisor of at least 2, so it is at most
  /// `(2^128 - 1) / 2` and one more cannot wrap.
  private var successor: WideUInt {
    let newLow = low &+ 1
    return WideUInt(high: newLow == 0 ? high &+ 1 : high, low: newLow)
  }

  /// The value as a `UInt64`, or `nil` when it does not fit.
  var uint64: UInt64? { high == 0 ? low : nil }

  /// The value as an `Int64`, or `nil` when it does not fit.
  var int64: Int64? { uint64.flatMap { Int64(exactly: $0) } }

  /// The value in decimal digits, e.g. `340282366920938463463374607431768211455` for the largest.
  var description: String {
    // 10^19 is the largest power of ten in a UInt64: the value is cut into chunks of 19 digits.
    let chunkDivisor: UInt64 = 10_000_000_000_000_000_000
    var chunks: [UInt64] = []
    var rest = self
    repeat {
      let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: chunkDivisor)
      chunks.append(remainder)
      rest = quotient
    } while !rest.isZero
    var text = String(chunks.last ?? 0)
    for chunk in chunks.dropLast().reversed() {
      let digits = String(chunk)
      text += String(repeating: "0", count: 19 - digits.count) + digits
    }
    return text
  }

  /// Numeric order.
  static func < (lhs: WideUInt, rhs: WideUInt) -> Bool {
    (lhs.high, lhs.low) < (rhs.high, rhs.low)
  }
}
