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

  /// `: `corrected``, to end a message with the corrected text, or nothing when the text is too
  /// long to quote whole (an excerpt would cut off the correction).
  private static func example(_ corrected: String) -> String {
    corrected.count <= SafeText.excerptCharacters ? ": `\(SafeText.escaped(corrected))`" : ""
  }
}
