import Testing

@testable import Regua

@Suite("128-bit unsigned integers for charges")
struct WideUIntTests {
  /// `2^128 - 1`.
  static let largest = WideUInt(high: .max, low: .max)

  @Test("small values sit in the low word, and zero is zero")
  func basics() {
    #expect(WideUInt(42) == WideUInt(high: 0, low: 42))
    #expect(WideUInt.zero == WideUInt(0))
    #expect(WideUInt.zero.isZero)
    #expect(!WideUInt(high: 1, low: 0).isZero)
    #expect(!WideUInt(1).isZero)
  }

  @Test(
    "products of two 64-bit words are exact up to just under 2^128",
    arguments: [
      (UInt64.max, UInt64.max, WideUInt(high: 0xFFFF_FFFF_FFFF_FFFE, low: 1)),
      (1 << 63, 4, WideUInt(high: 2, low: 0)),
      (1 << 32, 1 << 32, WideUInt(high: 1, low: 0)),
      (
        12_345_678_901_234_567_890, 9_876_543_210_987_654_321,
        WideUInt(high: 0x5BBB_5EDC_654C_105D, low: 0x01D8_F42C_F716_5332)
      ),
      (0, .max, .zero), (.max, 1, WideUInt(.max)), (100_000, 2_000_000, WideUInt(200_000_000_000)),
    ])
  func products(a: UInt64, b: UInt64, expected: WideUInt) {
    #expect(WideUInt.product(a, b) == expected)
    #expect(WideUInt.product(b, a) == expected)
    #expect(WideUInt(a).multiplied(by: b) == expected)
  }

  @Test("multiplying reports a product past 2^128 as nil, including one that overflows only by the carry")
  func multiplicationOverflow() {
    #expect(WideUInt(high: 1 << 63, low: 0).multiplied(by: 2) == nil)
    #expect(WideUInt(high: 1 << 63, low: 0).multiplied(by: 1) == WideUInt(high: 1 << 63, low: 0))
    #expect(WideUIntTests.largest.multiplied(by: 1) == WideUIntTests.largest)
    #expect(WideUIntTests.largest.multiplied(by: 0) == .zero)
    #expect(WideUIntTests.largest.multiplied(by: 2) == nil)
    // The high word times the factor fits (`1 × max`), but the carry of the low word's product
    // (`max - 1`) pushes it past 64 bits.
    #expect(WideUInt(high: 1, low: .max).multiplied(by: .max) == nil)
    // (2^64 + 1)(2^64 - 1) = 2^128 - 1: the largest value, reached by a carry.
    #expect(WideUInt(high: 1, low: 1).multiplied(by: .max) == WideUIntTests.largest)
  }

  @Test("sums carry from the low word into the high word and report overflow past 2^128")
  func addition() {
    #expect(WideUInt(.max).adding(WideUInt(1)) == WideUInt(high: 1, low: 0))
    #expect(WideUInt(high: 1, low: .max).adding(WideUInt(high: 2, low: .max)) == WideUInt(high: 4, low: .max - 1))
    #expect(WideUIntTests.largest.adding(.zero) == WideUIntTests.largest)
    #expect(WideUIntTests.largest.adding(WideUInt(1)) == nil)
    #expect(WideUInt(high: .max, low: 0).adding(WideUInt(high: 1, low: 0)) == nil)
    #expect(WideUInt(high: .max - 1, low: .max).adding(WideUInt(high: 0, low: 1)) == WideUInt(high: .max, low: 0))
    #expect(WideUInt(high: .max, low: 1).adding(WideUInt(.max)) == nil)
  }

  @Test("differences borrow from the high word, and going below zero is nil")
  func subtraction() {
    #expect(WideUInt(high: 1, low: 0).subtracting(WideUInt(1)) == WideUInt(.max))
    #expect(WideUInt(high: 5, low: 3).subtracting(WideUInt(high: 2, low: 7)) == WideUInt(high: 2, low: .max - 3))
    #expect(WideUInt(7).subtracting(WideUInt(7)) == .zero)
    #expect(WideUInt(7).subtracting(WideUInt(8)) == nil)
    #expect(WideUInt(high: 1, low: 0).subtracting(WideUInt(high: 1, low: 1)) == nil)
    #expect(WideUInt.zero.subtracting(WideUInt(1)) == nil)
    #expect(WideUIntTests.largest.subtracting(WideUIntTests.largest) == .zero)
  }

  @Test(
    "division truncates and returns the remainder, across both words",
    arguments: [
      (WideUIntTests.largest, UInt64(10), WideUInt(high: 0x1999_9999_9999_9999, low: 0x9999_9999_9999_9999), UInt64(5)),
      (WideUIntTests.largest, .max, WideUInt(high: 1, low: 1), 0),
      (WideUIntTests.largest, 1, WideUIntTests.largest, 0),
      (WideUInt(high: 0xFFFF_FFFF_FFFF_FFFE, low: 1), .max, WideUInt(.max), 0),
      (
        WideUInt(high: 1 << 63, low: 5), 10_000_000_000_000_000_000, WideUInt(17_014_118_346_046_923_173),
        1_687_303_715_884_105_733
      ),
      (WideUInt(17), 5, WideUInt(3), 2), (.zero, 7, .zero, 0), (WideUInt(6), 7, .zero, 6),
    ])
  func division(value: WideUInt, divisor: UInt64, quotient: WideUInt, remainder: UInt64) {
    let result = value.quotientAndRemainder(dividingBy: divisor)
    #expect(result.quotient == quotient)
    #expect(result.remainder == remainder)
  }

  @Test("dividing by zero gives zero instead of trapping")
  func divisionByZero() {
    let result = WideUIntTests.largest.quotientAndRemainder(dividingBy: 0)
    #expect(result.quotient == .zero)
    #expect(result.remainder == 0)
    #expect(WideUInt(5).divided(by: 0, rounding: .up) == .zero)
  }

  @Test(
    "rounded division follows each rule; down is toward zero and up is away from zero for these values",
    arguments: [
      // value, divisor, then halfEven, halfUp, down, up
      (UInt64(25), UInt64(10), [2, 3, 2, 3]), (35, 10, [4, 4, 3, 4]), (26, 10, [3, 3, 2, 3]),
      (24, 10, [2, 2, 2, 3]), (20, 10, [2, 2, 2, 2]), (5, 10, [0, 1, 0, 1]), (15, 10, [2, 2, 1, 2]),
      (1, 3, [0, 0, 0, 1]), (2, 3, [1, 1, 0, 1]), (7, 1, [7, 7, 7, 7]), (0, 9, [0, 0, 0, 0]),
      (UInt64.max, .max, [1, 1, 1, 1]), (.max - 1, .max, [1, 1, 0, 1]),
      // An odd divisor's remainder can never be half; halfway minus one and plus one.
      (.max / 2, .max, [0, 0, 0, 1]), (.max / 2 + 1, .max, [1, 1, 0, 1]),
    ] as [(UInt64, UInt64, [UInt64])])
  func roundedDivision(value: UInt64, divisor: UInt64, expected: [UInt64]) {
    let rules: [[RoundingRule]] = [[.halfEven], [.halfUp], [.down, .towardZero], [.up, .awayFromZero]]
    for (sameRules, result) in zip(rules, expected) {
      for rule in sameRules {
        #expect(WideUInt(value).divided(by: divisor, rounding: rule) == WideUInt(result), "\(rule)")
      }
    }
  }

  @Test("rounding up at the top of the range carries into the high word without overflow")
  func roundingAtTheTop() {
    // (2^128 - 1) / 2 = 2^127 - 1, remainder 1: a tie, whose even neighbour is above.
    let half = WideUInt(high: 1 << 63, low: 0)
    #expect(WideUIntTests.largest.divided(by: 2, rounding: .halfEven) == half)
    #expect(WideUIntTests.largest.divided(by: 2, rounding: .up) == half)
    #expect(WideUIntTests.largest.divided(by: 2, rounding: .down) == WideUInt(high: (1 << 63) - 1, low: .max))
    // A tie at an even quotient stays.
    #expect(WideUInt(high: 1, low: 1).divided(by: 2, rounding: .halfEven) == WideUInt(1 << 63))
    #expect(WideUInt(high: 1, low: 1).divided(by: 2, rounding: .halfUp) == WideUInt((1 << 63) + 1))
    // Rounding up the low word's largest value carries into the high word.
    #expect(WideUInt(high: 2, low: 1).divided(by: 2, rounding: .up) == WideUInt(high: 1, low: 1))
    #expect(WideUInt(high: 1, low: .max).divided(by: 2, rounding: .up) == WideUInt(high: 1, low: 0))
  }

  @Test("conversions to 64-bit integers are nil when the value does not fit")
  func conversions() {
    #expect(WideUInt(.max).uint64 == .max)
    #expect(WideUInt(high: 1, low: 0).uint64 == nil)
    #expect(WideUInt(UInt64(Int64.max)).int64 == .max)
    #expect(WideUInt(UInt64(Int64.max) + 1).int64 == nil)
    #expect(WideUInt(high: 1, low: 5).int64 == nil)
    #expect(WideUInt.zero.int64 == 0)
  }

  @Test(
    "descriptions are the decimal digits, with the chunks of 19 digits padded",
    arguments: [
      (WideUInt.zero, "0"), (WideUInt(1), "1"), (WideUInt(.max), "18446744073709551615"),
      (WideUInt(high: 1, low: 0), "18446744073709551616"),
      (WideUInt(10_000_000_000_000_000_000), "10000000000000000000"),
      (WideUInt(high: 0xFFFF_FFFF_FFFF_FFFE, low: 1), "340282366920938463426481119284349108225"),
      (WideUIntTests.largest, "340282366920938463463374607431768211455"),
      (
        WideUInt.product(10_000_000_000_000_000_000, 10_000_000_000_000_000_000),
        "1" + String(repeating: "0", count: 38)
      ),
      (WideUInt.product(10_000_000_000_000_000_000, 7), "70000000000000000000"),
    ])
  func descriptions(value: WideUInt, expected: String) {
    #expect(value.description == expected)
  }

  @Test("values order by the high word, then the low word")
  func order() {
    #expect(WideUInt(.max) < WideUInt(high: 1, low: 0))
    #expect(WideUInt(high: 1, low: 0) < WideUInt(high: 1, low: 1))
    #expect(!(WideUInt(3) < WideUInt(3)))
    #expect(WideUInt(high: 2, low: 0) > WideUInt(high: 1, low: .max))
  }

  @Test("every operation agrees with a schoolbook reference on 32-bit limbs over random values")
  func agreesWithReference() {
    var random = SeededRandom(seed: 0x128)
    let rules: [RoundingRule] = [.halfEven, .halfUp, .down, .up, .towardZero, .awayFromZero]
    for _ in 0..<3000 {
      let a = WideUInt(high: Self.interesting(&random), low: Self.interesting(&random))
      let b = WideUInt(high: Self.interesting(&random), low: Self.interesting(&random))
      let x = Self.interesting(&random)
      let y = Self.interesting(&random)
      let reference = Limbs(a)

      #expect(WideUInt.product(x, y) == Limbs(WideUInt(x)).multiplied(by: y)?.wide, "\(x) × \(y)")
      #expect(a.multiplied(by: x) == reference.multiplied(by: x)?.wide, "\(a) × \(x)")
      #expect(a.adding(b) == reference.adding(Limbs(b))?.wide, "\(a) + \(b)")
      #expect(a.subtracting(b) == reference.subtracting(Limbs(b))?.wide, "\(a) - \(b)")
      #expect((a < b) == (reference < Limbs(b)), "\(a) < \(b)")
      #expect(a.description == reference.decimal)

      let divisor = max(x, 1)
      let (quotient, remainder) = reference.divided(by: divisor)
      let result = a.quotientAndRemainder(dividingBy: divisor)
      #expect(result.quotient == quotient.wide, "\(a) / \(divisor)")
      #expect(result.remainder == remainder, "\(a) % \(divisor)")
      for rule in rules {
        let expected = Limbs.rounded(quotient, remainder: remainder, divisor: divisor, rule: rule)
        #expect(a.divided(by: divisor, rounding: rule) == expected.wide, "\(a) / \(divisor) \(rule)")
      }
    }
  }

  /// A random word, often one near an edge: zero, one, the largest, a power of two or ten, or a
  /// small number.
  static func interesting(_ random: inout SeededRandom) -> UInt64 {
    let value = random.next()
    switch random.next() % 8 {
    case 0: return [0, 1, 2, .max, .max - 1, 1 << 63, 10_000_000_000_000_000_000, 100_000_000][Int(value % 8)]
    case 1: return 1 << (value % 64)
    case 2: return value % 1000
    case 3: return (1 << (value % 64)) &- 1
    default: return value
    }
  }
}

/// A slow, obviously correct reference for ``WideUInt``: four 32-bit limbs, least significant
/// first, with schoolbook multiplication, carry and borrow chains, and long division bit by bit.
private struct Limbs: Comparable {
  var limbs: [UInt32]

  init(_ value: WideUInt) {
    limbs = [value.low, value.high].flatMap { [UInt32(truncatingIfNeeded: $0), UInt32(truncatingIfNeeded: $0 >> 32)] }
  }

  init(limbs: [UInt32]) {
    self.limbs = limbs
  }

  var wide: WideUInt {
    WideUInt(
      high: UInt64(limbs[3]) << 32 | UInt64(limbs[2]), low: UInt64(limbs[1]) << 32 | UInt64(limbs[0]))
  }

  func multiplied(by factor: UInt64) -> Limbs? {
    let factorLimbs = [UInt32(truncatingIfNeeded: factor), UInt32(truncatingIfNeeded: factor >> 32)]
    var result = [UInt32](repeating: 0, count: 6)
    for i in 0..<4 {
      var carry: UInt64 = 0
      for j in 0..<2 {
        let step = UInt64(limbs[i]) * UInt64(factorLimbs[j]) + UInt64(result[i + j]) + carry
        result[i + j] = UInt32(truncatingIfNeeded: step)
        carry = step >> 32
      }
      result[i + 2] = UInt32(truncatingIfNeeded: carry)
    }
    guard result[4] == 0, result[5] == 0 else { return nil }
    return Limbs(limbs: Array(result[0..<4]))
  }

  func adding(_ other: Limbs) -> Limbs? {
    var result = [UInt32](repeating: 0, count: 4)
    var carry: UInt64 = 0
    for i in 0..<4 {
      let sum = UInt64(limbs[i]) + UInt64(other.limbs[i]) + carry
      result[i] = UInt32(truncatingIfNeeded: sum)
      carry = sum >> 32
    }
    return carry == 0 ? Limbs(limbs: result) : nil
  }

  func subtracting(_ other: Limbs) -> Limbs? {
    var result = [UInt32](repeating: 0, count: 4)
    var borrow: Int64 = 0
    for i in 0..<4 {
      var difference = Int64(limbs[i]) - Int64(other.limbs[i]) - borrow
      borrow = difference < 0 ? 1 : 0
      if difference < 0 { difference += 1 << 32 }
      result[i] = UInt32(difference)
    }
    return borrow == 0 ? Limbs(limbs: result) : nil
  }

  /// Long division one bit at a time. The running remainder stays below the divisor, so twice
  /// it plus a bit is below twice the divisor: when that passes 64 bits it is surely at least
  /// the divisor, and subtracting with wrapping gives the right remainder.
  func divided(by divisor: UInt64) -> (quotient: Limbs, remainder: UInt64) {
    var quotient = [UInt32](repeating: 0, count: 4)
    var remainder: UInt64 = 0
    for bit in (0..<128).reversed() {
      let (doubled, overflow) = remainder.multipliedReportingOverflow(by: 2)
      remainder = doubled | UInt64((limbs[bit / 32] >> (bit % 32)) & 1)
      if overflow || remainder >= divisor {
        remainder = remainder &- divisor
        quotient[bit / 32] |= 1 << (bit % 32)
      }
    }
    return (Limbs(limbs: quotient), remainder)
  }

  /// A truncated quotient rounded by `rule`, comparing twice the remainder with the divisor in
  /// 65 bits.
  static func rounded(_ quotient: Limbs, remainder: UInt64, divisor: UInt64, rule: RoundingRule) -> Limbs {
    guard remainder != 0 else { return quotient }
    let twice = (high: remainder >> 63, low: remainder << 1)
    let half = (high: UInt64(0), low: divisor)
    let roundsUp: Bool
    switch rule {
    case .down, .towardZero: roundsUp = false
    case .up, .awayFromZero: roundsUp = true
    case .halfUp: roundsUp = twice >= half
    case .halfEven: roundsUp = twice > half || (twice == half && quotient.limbs[0] % 2 == 1)
    }
    guard roundsUp else { return quotient }
    return quotient.adding(Limbs(WideUInt(1))) ?? quotient
  }

  /// The decimal digits, by short division by ten over the limbs.
  var decimal: String {
    var rest = limbs
    var digits: [Character] = []
    repeat {
      var remainder: UInt64 = 0
      for i in (0..<4).reversed() {
        let current = remainder << 32 | UInt64(rest[i])
        rest[i] = UInt32(current / 10)
        remainder = current % 10
      }
      digits.append(Character(String(remainder)))
    } while rest.contains { $0 != 0 }
    return String(digits.reversed())
  }

  static func < (lhs: Limbs, rhs: Limbs) -> Bool {
    lhs.limbs.reversed().lexicographicallyPrecedes(rhs.limbs.reversed())
  }
}
