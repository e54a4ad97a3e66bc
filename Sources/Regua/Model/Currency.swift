/// An ISO-4217 currency: its three-letter code and how many decimals (minor units) it has.
///
/// ```swift
/// Currency("BRL")?.minorUnits   // 2
/// Currency("JPY")?.minorUnits   // 0
/// Currency("KWD")?.minorUnits   // 3
/// ```
public struct Currency: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The upper-case three-letter ISO-4217 code, e.g. `BRL`.
  public let code: String
  /// The number of decimals of the currency's minor unit (BRL 2, JPY 0, KWD 3).
  public let minorUnits: Int

  /// The currency with an ISO-4217 code, or `nil` when the code is not an active ISO-4217 code.
  public init?(_ code: String) {
    guard let minorUnits = Currency.table[code] else { return nil }
    self.code = code
    self.minorUnits = minorUnits
  }

  /// The code, e.g. `BRL`.
  public var description: String { code }

  /// Orders currencies by code.
  public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.code < rhs.code }

  /// Every known currency code, sorted.
  public static var allCodes: [String] { table.keys.sorted() }

  /// Brazilian real.
  public static let brl = Currency(code: "BRL", minorUnits: 2)
  /// US dollar.
  public static let usd = Currency(code: "USD", minorUnits: 2)
  /// Euro.
  public static let eur = Currency(code: "EUR", minorUnits: 2)
  /// Japanese yen.
  public static let jpy = Currency(code: "JPY", minorUnits: 0)

  private init(code: String, minorUnits: Int) {
    self.code = code
    self.minorUnits = minorUnits
  }

  /// Active ISO-4217 codes and their minor units (the list as published by SIX; funds and
  /// precious metals without a minor unit are left out).
  private static let table: [String: Int] = {
    var table: [String: Int] = [:]
    let twoDecimals = """
      AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN \
      BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP \
      GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP \
      LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR \
      NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN \
      SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VES WST XCD XCG YER ZAR ZMW \
      ZWG
      """
    let zeroDecimals = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
    let threeDecimals = "BHD IQD JOD KWD LYD OMR TND"
    let fourDecimals = "CLF UYW"
    for (codes, units) in [(twoDecimals, 2), (zeroDecimals, 0), (threeDecimals, 3), (fourDecimals, 4)] {
      for code in codes.split(separator: " ") { table[String(code)] = units }
    }
    return table
  }()
}
