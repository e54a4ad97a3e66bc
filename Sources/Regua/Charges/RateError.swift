/// Why a text or a number is not a rate.
///
/// Each case carries the text as written (for ``Rate/init(millionthsOfPercent:)``, the number
/// written as a percentage), so that its description can quote it to the clerk who wrote it.
public enum RateError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The text is not digits with an optional point and decimals.
  case notAPercentage(String)
  /// The number has no `%` after it, so it could be a fraction or a percentage.
  case missingPercentSign(String)
  /// The number uses a comma where a rate takes a decimal point.
  case commaDecimalSeparator(String)
  /// The number is below zero (or has a minus sign).
  case negative(String)
  /// The number has more than ``Rate/maximumDecimals`` decimals.
  case tooManyDecimals(String)
  /// The number is above ``Rate/maximum``.
  case tooLarge(String)

  /// A sentence for people, quoting the input and saying what is expected.
  public var description: String {
    switch self {
    case .notAPercentage(let text):
      return "`\(SafeText.excerpt(text))` is not a percentage; write digits, optionally a point and decimals, "
        + "then `%`, e.g. `2%` or `0.033%`"
    case .missingPercentSign(let text):
      return "`\(SafeText.excerpt(text))` has no percent sign; add `%` at the end\(RateError.example(text + "%"))"
    case .commaDecimalSeparator(let text):
      let fixed = String(text.map { $0 == "," ? "." : $0 })
      return "`\(SafeText.excerpt(text))` uses a comma; write the decimal point"
        + RateError.example(fixed.hasSuffix("%") ? fixed : fixed + "%")
    case .negative(let text):
      return "`\(SafeText.excerpt(text))` is negative; a rate is `0%` or more"
    case .tooManyDecimals(let text):
      return "`\(SafeText.excerpt(text))` has too many decimals; a rate has at most \(Rate.maximumDecimals), "
        + "e.g. `0.000001%`"
    case .tooLarge(let text):
      return "`\(SafeText.excerpt(text))` is an absurd rate; a rate is at most `\(Rate.maximum)`"
    }
  }

  /// The rate the text most likely means, when there is one: `2.5%` for `2,5%` or `2.5`, and a
  /// rate with too many decimals rounded half-up to six (`0.033333%` for `0.0333333%`).
  public var corrected: String? {
    switch self {
    case .missingPercentSign(let text): return text + "%"
    case .commaDecimalSeparator(let text):
      let fixed = String(text.map { $0 == "," ? "." : $0 })
      return fixed.hasSuffix("%") ? fixed : fixed + "%"
    case .tooManyDecimals(let text):
      let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
      guard let point = digits.firstIndex(of: "."),
        digits.utf8.allSatisfy({ $0 == UInt8(ascii: ".") || (48...57).contains($0) })
      else { return nil }
      let whole = digits[..<point]
      let decimals = Array(digits[digits.index(after: point)...].utf8)
      guard let kept = Int(String(whole) + String(decoding: decimals.prefix(Rate.maximumDecimals), as: UTF8.self))
      else { return nil }
      let rounded = kept + (decimals[Rate.maximumDecimals] >= UInt8(ascii: "5") ? 1 : 0)
      return Rate.text(Int64(rounded))
    default: return nil
    }
  }

  /// `: `corrected``, to end a message with the corrected text, or nothing when the text is too
  /// long to quote whole (an excerpt would cut off the correction).
  private static func example(_ corrected: String) -> String {
    corrected.count <= SafeText.excerptCharacters ? ": `\(SafeText.escaped(corrected))`" : ""
  }
}
