/// The ways people write the period of an interest rate — `ao mês`, `a.m.`, `mensal`, `monthly`,
/// `per annum`, `ao ano`, `a.a.`, `ao dia`, `daily` — read into the language's `day`, `month` or
/// `year`, so that help never guesses a period: a wrong one charges 30 times too much or too
/// little.
enum RatePeriodPhrases {
  /// `day`, `month` or `year` when `words` (after the rate) name exactly one of them; `nil`
  /// otherwise.
  static func period(named words: [String]) -> String? {
    let text = words.joined(separator: " ").lowercased()
      .replacingOccurrences(of: "ê", with: "e").replacingOccurrences(of: "á", with: "a")
      .replacingOccurrences(of: "\"", with: "")
    let found = phrases.filter { _, names in names.contains(text) || names.contains { text.hasSuffix(" " + $0) } }
    return found.count == 1 ? found[0].period : nil
  }

  private static let phrases: [(period: String, names: [String])] = [
    (
      "day",
      [
        "per day", "ao dia", "a.d.", "a.d", "diario", "diaria", "daily", "por dia", "a day", "/dia", "/day", "dia",
        "day",
      ]
    ),
    (
      "month",
      [
        "per month", "ao mes", "a.m.", "a.m", "mensal", "monthly", "por mes", "a month", "/mes", "/month", "mes",
        "month",
      ]
    ),
    (
      "year",
      [
        "per year", "ao ano", "a.a.", "a.a", "anual", "annual", "annually", "yearly", "per annum", "por ano", "a year",
        "/ano", "/year", "ano", "year",
      ]
    ),
  ]
}
