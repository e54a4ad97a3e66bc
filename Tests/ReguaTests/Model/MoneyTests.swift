import Testing

@testable import Regua

@Suite("Money and exact decimals")
struct MoneyTests {
  @Test(
    "amounts parse exactly in their currency's minor units",
    arguments: [
      ("1250.00", "BRL", Int64(125_000)), ("0.01", "USD", 1), ("7", "BRL", 700), ("-3.5", "EUR", -350),
      ("1000", "JPY", 1000), ("1.234", "KWD", 1234), ("0", "BRL", 0),
    ])
  func parsing(text: String, code: String, minorUnits: Int64) throws {
    let currency = try #require(Currency(code))
    let money = try Money(parsing: text, currency: currency)
    #expect(money.minorUnits == minorUnits)
    #expect(money.currency == currency)
  }

  @Test("amounts print with exactly the currency's decimals")
  func printing() throws {
    #expect(try Money(parsing: "7", currency: .brl).description == "7.00 BRL")
    #expect(try Money(parsing: "-0.5", currency: .brl).amountString == "-0.50")
    #expect(try Money(parsing: "1000", currency: .jpy).description == "1000 JPY")
    #expect(Money(minorUnits: 5, currency: .usd).amountString == "0.05")
  }

  @Test(
    "anything but a plain decimal is rejected, including prefixes Decimal(string:) would accept",
    arguments: ["12abc", "1,5", "1.", ".5", "+5", "1e3", "", "-", " 5", "5 ", "1.2.3", "--1", "0x10", "NaN", "١٢"])
  func rejectsMalformed(text: String) {
    #expect(throws: MoneyError.notADecimal(text)) { try Money(parsing: text, currency: .brl) }
  }

  @Test("more decimals than the currency has is an error, never a silent rounding")
  func tooManyDecimals() {
    #expect(throws: MoneyError.tooManyDecimals("10.005", currency: .brl)) {
      try Money(parsing: "10.005", currency: .brl)
    }
    #expect(throws: MoneyError.tooManyDecimals("10.5", currency: .jpy)) { try Money(parsing: "10.5", currency: .jpy) }
    #expect(
      MoneyError.tooManyDecimals("10.5", currency: .jpy).description
        == "`10.5` has too many decimals for JPY; use a whole number")
  }

  @Test(
    "rounding is explicit and each rule does what its name says",
    arguments: [
      ("2.345", RoundingRule.halfEven, "2.34"), ("2.355", .halfEven, "2.36"), ("2.345", .halfUp, "2.35"),
      ("-2.345", .halfUp, "-2.35"), ("-2.345", .halfEven, "-2.34"), ("2.341", .up, "2.35"), ("-2.341", .up, "-2.34"),
      ("2.349", .down, "2.34"), ("-2.341", .down, "-2.35"), ("2.349", .towardZero, "2.34"),
      ("-2.349", .towardZero, "-2.34"),
      ("2.341", .awayFromZero, "2.35"), ("-2.341", .awayFromZero, "-2.35"), ("2.3", .halfEven, "2.30"),
      ("2.3450000001", .halfEven, "2.35"),
    ])
  func rounding(text: String, rule: RoundingRule, expected: String) throws {
    let money = try Money(ExactDecimal(parsing: text), currency: .brl, rounding: rule)
    #expect(money.amountString == expected)
  }

  @Test("overflow is an error, never a trap")
  func overflow() throws {
    #expect(throws: MoneyError.overflow) { try ExactDecimal(parsing: "99999999999999999999") }
    let big = Money(minorUnits: .max - 1, currency: .brl)
    #expect(throws: MoneyError.overflow) { try big.adding(Money(minorUnits: 2, currency: .brl)) }
    #expect(throws: MoneyError.overflow) {
      try Money(minorUnits: .min, currency: .brl).subtracting(Money(minorUnits: 1, currency: .brl))
    }
    #expect(throws: MoneyError.overflow) { try Money(parsing: "92233720368547758.08", currency: .brl) }
    #expect(try Money(parsing: "92233720368547758.07", currency: .brl).minorUnits == .max)
    #expect(throws: MoneyError.overflow) {
      try Money(ExactDecimal(parsing: "92233720368547759"), currency: .brl, rounding: .halfEven)
    }
  }

  @Test("sums of different currencies are refused")
  func currencyMismatch() throws {
    #expect(throws: MoneyError.currencyMismatch(.brl, .usd)) {
      try Money(parsing: "1", currency: .brl).adding(Money(parsing: "1", currency: .usd))
    }
  }

  @Test(
    "exact decimals compare exactly across scales",
    arguments: [
      ("500", "500.00", 0), ("500.005", "500.01", -1), ("-0.1", "0", -1), ("0.000000000000000001", "0", 1),
      ("-1.5", "-1.49", -1), ("9223372036854775807", "922337203685477580.6", 1),
      ("-9223372036854775808", "-922337203685477580.8", -1), ("1.10", "1.1", 0),
    ])
  func comparison(a: String, b: String, order: Int) throws {
    let x = try ExactDecimal(parsing: a)
    let y = try ExactDecimal(parsing: b)
    #expect((x < y ? -1 : (x == y ? 0 : 1)) == order)
    if order == 0 { #expect(x.hashValue == y.hashValue) }
  }

  @Test("currencies know their minor units; unknown codes are nil")
  func currencies() {
    #expect(Currency("BRL")?.minorUnits == 2)
    #expect(Currency("JPY")?.minorUnits == 0)
    #expect(Currency("BHD")?.minorUnits == 3)
    #expect(Currency("CLF")?.minorUnits == 4)
    #expect(Currency("XYZ") == nil)
    #expect(Currency("brl") == nil)
  }
}
