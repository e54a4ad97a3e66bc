import Testing

@testable import Regua

@Suite("Rates")
struct RateTests {
  @Test(
    "rates parse exactly into millionths of a percent",
    arguments: [
      ("2%", Int64(2_000_000)), ("0.033%", 33_000), ("12.5%", 12_500_000), ("0%", 0), ("1000%", 1_000_000_000),
      ("0.000001%", 1), ("999.999999%", 999_999_999), ("1.500000%", 1_500_000), ("007%", 7_000_000),
      ("0.0%", 0), ("1000.000000%", 1_000_000_000), ("100%", 100_000_000),
    ])
  func parsing(text: String, millionths: Int64) throws {
    #expect(try Rate(parsing: text).millionthsOfPercent == millionths)
    #expect(try Rate(millionthsOfPercent: millionths) == Rate(parsing: text))
  }

  @Test(
    "a rate prints in its shortest exact form",
    arguments: [
      ("2%", "2%"), ("0.033%", "0.033%"), ("12.50%", "12.5%"), ("0.0%", "0%"), ("1000%", "1000%"),
      ("0.000001%", "0.000001%"), ("007.100%", "7.1%"), ("999.999999%", "999.999999%"), ("10%", "10%"),
    ])
  func printing(text: String, expected: String) throws {
    #expect(try Rate(parsing: text).description == expected)
  }

  @Test("printing and parsing again gives the same rate, for rates all over the range")
  func roundTrip() throws {
    var random = SeededRandom(seed: 0x2A7E)
    let edges: [Int64] = [0, 1, 10, 999_999, 1_000_000, 1_000_001, 33_000, 999_999_999, 1_000_000_000]
    for millionths in edges + (0..<2000).map({ _ in Int64(random.next() % 1_000_000_001) }) {
      let rate = try Rate(millionthsOfPercent: millionths)
      #expect(try Rate(parsing: rate.description) == rate, "\(millionths)")
    }
  }

  @Test(
    "anything but digits, an optional point and decimals, and `%` is not a percentage",
    arguments: [
      "", "%", "abc%", "2 %", " 2%", "2% ", "+2%", ".5%", "2.%", "1.2.3%", "2%%", "%2", "1e3%", "١٢%", "2.5.%",
      "--1%", "-%", "-", "0x10%", "1_000%", "2,%", ",5%", "1,000.5%", "2%\u{1B}", "NaN%", "2\u{200B}%",
    ])
  func rejectsMalformed(text: String) {
    #expect(throws: RateError.notAPercentage(text)) { try Rate(parsing: text) }
  }

  @Test(
    "each mistake a clerk makes gets its own error",
    arguments: [
      ("-1%", RateError.negative("-1%")), ("-0%", .negative("-0%")), ("-2,5%", .negative("-2,5%")),
      ("-2", .negative("-2")),
      ("2", .missingPercentSign("2")), ("0.033", .missingPercentSign("0.033")),
      ("5000", .missingPercentSign("5000")),
      ("2,5%", .commaDecimalSeparator("2,5%")), ("2,5", .commaDecimalSeparator("2,5")),
      ("1.1234567%", .tooManyDecimals("1.1234567%")), ("1.5000000%", .tooManyDecimals("1.5000000%")),
      ("1000.000001%", .tooLarge("1000.000001%")), ("1001%", .tooLarge("1001%")),
      ("99999999999999999999999999%", .tooLarge("99999999999999999999999999%")),
      ("10000.5%", .tooLarge("10000.5%")),
    ])
  func rejectsMistakes(text: String, error: RateError) {
    #expect(throws: error) { try Rate(parsing: text) }
  }

  @Test(
    "each error is a sentence that quotes the input and says what to write",
    arguments: [
      (
        RateError.notAPercentage("abc"),
        "`abc` is not a percentage; write digits, optionally a point and decimals, then `%`, e.g. `2%` or `0.033%`"
      ),
      (.missingPercentSign("2"), "`2` has no percent sign; add `%` at the end: `2%`"),
      (.commaDecimalSeparator("2,5%"), "`2,5%` uses a comma; write the decimal point: `2.5%`"),
      (.commaDecimalSeparator("2,5"), "`2,5` uses a comma; write the decimal point: `2.5%`"),
      (.negative("-1%"), "`-1%` is negative; a rate is `0%` or more"),
      (.tooManyDecimals("1.1234567%"), "`1.1234567%` has too many decimals; a rate has at most 6, e.g. `0.000001%`"),
      (.tooLarge("1500%"), "`1500%` is an absurd rate; a rate is at most `1000%`"),
    ])
  func messages(error: RateError, expected: String) {
    #expect(error.description == expected)
  }

  @Test("messages quote input safely: control characters escaped, long input cut short")
  func safeQuoting() throws {
    let escape = "2\u{1B}[2J%"
    let message = RateError.notAPercentage(escape).description
    #expect(!message.unicodeScalars.contains("\u{1B}"))
    #expect(message.hasPrefix("`2\\u{1B}[2J%`"))

    let long = String(repeating: "9", count: 10_000)
    let missing = RateError.missingPercentSign(long).description
    #expect(missing.count < 200)
    #expect(missing.hasSuffix("has no percent sign; add `%` at the end"))
    #expect(missing.contains("(10000 bytes)"))
    #expect(throws: RateError.missingPercentSign(long)) { try Rate(parsing: long) }
    #expect(throws: RateError.tooLarge(long + "%")) { try Rate(parsing: long + "%") }
  }

  @Test("a count of millionths is checked against the same bounds, and its errors quote it as a percentage")
  func fromMillionths() throws {
    #expect(try Rate(millionthsOfPercent: 0) == .zero)
    #expect(try Rate(millionthsOfPercent: 1_000_000_000) == .maximum)
    #expect(throws: RateError.negative("-0.000001%")) { try Rate(millionthsOfPercent: -1) }
    #expect(throws: RateError.negative("-9223372036854.775808%")) { try Rate(millionthsOfPercent: .min) }
    #expect(throws: RateError.tooLarge("1000.000001%")) { try Rate(millionthsOfPercent: 1_000_000_001) }
    #expect(throws: RateError.tooLarge("9223372036854.775807%")) { try Rate(millionthsOfPercent: .max) }
  }

  @Test("zero and the maximum are 0% and 1000%, and rates order by size")
  func constantsAndOrder() throws {
    #expect(Rate.zero.description == "0%")
    #expect(Rate.maximum.description == "1000%")
    #expect(try Rate(parsing: "0.5%") < Rate(parsing: "2%"))
    #expect(try Rate(parsing: "0.033%") < Rate(parsing: "0.1%"))
    #expect(try Rate(parsing: "12.50%") == Rate(parsing: "12.5%"))
    #expect(try Rate(parsing: "12.50%").hashValue == Rate(parsing: "12.5%").hashValue)
  }

  @Test(
    "a rate is also an exact decimal percentage, without trailing zeros",
    arguments: [
      ("2%", "2"), ("0.033%", "0.033"), ("12.5%", "12.5"), ("0%", "0"), ("1000%", "1000"), ("0.000001%", "0.000001"),
    ])
  func decimal(text: String, expected: String) throws {
    let decimal = try Rate(parsing: text).decimal
    #expect(decimal.description == expected)
    #expect(try decimal == ExactDecimal(parsing: expected))
  }

  @Test(
    "a portion of an amount is the amount times the rate over 100, rounded by the rule",
    arguments: [
      // rate, minor units, rule, portion
      ("2%", Int64(100_000), RoundingRule.halfEven, Int64(2000)), ("0.033%", 100_000, .halfEven, 33),
      ("0.033%", 1_000_050, .halfUp, 330), ("0.033%", 1_000_050, .up, 331), ("0.033%", 1_000_050, .down, 330),
      ("12.5%", 4, .halfUp, 1), ("12.5%", 4, .halfEven, 0), ("12.5%", 12, .halfEven, 2), ("12.5%", 4, .down, 0),
      ("12.5%", 4, .towardZero, 0), ("12.5%", 4, .awayFromZero, 1), ("0%", 123_456, .up, 0), ("100%", 777, .down, 777),
      ("1000%", 5, .halfEven, 50), ("0.000001%", 1, .up, 1), ("0.000001%", 1, .halfUp, 0),
      ("100%", .max, .halfEven, .max), ("1000%", .max / 10, .halfEven, .max / 10 * 10),
      ("0.000001%", .max, .halfEven, 92_233_720_369), ("0.000001%", .max, .down, 92_233_720_368), ("2%", 0, .up, 0),
    ])
  func portions(rate: String, minorUnits: Int64, rule: RoundingRule, expected: Int64) throws {
    #expect(try Rate(parsing: rate).portion(of: minorUnits, rounding: rule) == expected)
  }

  @Test("a portion too large for 64 bits, or of a negative amount, is nil")
  func portionOverflow() throws {
    #expect(Rate.maximum.portion(of: .max, rounding: .halfEven) == nil)
    #expect(try Rate(parsing: "100.000001%").portion(of: .max, rounding: .down) == nil)
    #expect(Rate.maximum.portion(of: .max / 10 + 1, rounding: .down) == nil)
    #expect(try Rate(parsing: "2%").portion(of: -1, rounding: .halfEven) == nil)
    #expect(Rate.zero.portion(of: .min, rounding: .halfEven) == nil)
  }

  @Test("portions agree with plain 64-bit arithmetic where the product fits")
  func portionsAgreeWithInt64() throws {
    var random = SeededRandom(seed: 0x9A7E)
    let rules: [RoundingRule] = [.halfEven, .halfUp, .down, .up, .towardZero, .awayFromZero]
    for _ in 0..<2000 {
      let rate = try Rate(millionthsOfPercent: Int64(random.next() % 1_000_000_001))
      let minorUnits = Int64(random.next() % (1 << 33))
      let product = minorUnits * rate.millionthsOfPercent
      let denominator = Int64(Rate.denominator)
      let (quotient, remainder) = product.quotientAndRemainder(dividingBy: denominator)
      for rule in rules {
        let roundsUp: Bool
        switch rule {
        case .down, .towardZero: roundsUp = false
        case .up, .awayFromZero: roundsUp = remainder > 0
        case .halfUp: roundsUp = remainder * 2 >= denominator
        case .halfEven: roundsUp = remainder * 2 > denominator || (remainder * 2 == denominator && quotient % 2 == 1)
        }
        #expect(
          rate.portion(of: minorUnits, rounding: rule) == quotient + (roundsUp ? 1 : 0),
          "\(rate) of \(minorUnits), \(rule)")
      }
    }
  }

  @Test(
    "a rate that is not one says what it most likely means",
    arguments: [
      ("2,5%", "2.5%"), ("2.5", "2.5%"), ("0.0333333%", "0.033333%"), ("0.0333335%", "0.033334%"),
      ("1.0000004%", "1%"), ("-2%", nil), ("2000%", nil),
    ] as [(String, String?)])
  func corrected(text: String, corrected: String?) {
    #expect(throws: RateError.self) { try Rate(parsing: text) }
    do {
      _ = try Rate(parsing: text)
    } catch {
      #expect(error.corrected == corrected)
      if let corrected { #expect((try? Rate(parsing: corrected)) != nil) }
    }
  }
}
