/// The lines of a `rates` declaration: its header and its lines, each a period and its rate.
extension Parser {
  /// The years a rate table's periods may fall in: those of the business calendars' index.
  static let rateTableYears = 1900...2200

  /// `rates NAME per month|year`.
  func parseRateTableHeader(_ line: TokenLine) throws(LineError) -> RateTableSyntax {
    var cursor = TokenCursor(line)
    let nameToken = try Parser.declarationName(
      &cursor, keyword: "rates", example: "taxa-legal", header: "rates \"taxa-legal\" per month")
    let quotedName = SyntaxPrinter.quoted(nameToken.value)
    let help = "write `rates \(quotedName) per month` or `rates \(quotedName) per year`"
    guard let keyword = cursor.peek(), keyword.isWord("per") else {
      // `rates taxa legal per month`: the words before `per` are the name.
      if nameToken.kind == .word, let index = line.tokens.firstIndex(where: { $0.isWord("per") }), index > 2,
        line.tokens[1..<index].allSatisfy({ $0.kind == .word })
      {
        let name = line.tokens[1..<index].map(\.text).joined(separator: " ")
        let rest = line.tokens[index...].map(\.text).joined(separator: " ")
        throw LineError(
          diagnostic: .error(
            .unquotedName, "a name of several words must be quoted",
            at: nameToken.range.extended(to: line.tokens[index - 1].range),
            help: "write `rates \(SyntaxPrinter.quoted(name)) \(rest)`"))
      }
      let message = cursor.peek().map { "expected `per`, not `\(SafeText.excerpt($0.text))`" }
      throw cursor.error(
        .expectedKeyword, message ?? "a rate table declaration needs `per month` or `per year`", help: help)
    }
    cursor.advance()
    guard let unit = cursor.peek(), unit.kind == .word else {
      throw cursor.error(.expectedKeyword, "expected `month` or `year` after `per`", help: help)
    }
    cursor.advance()
    let period: RateTableSyntax.Period
    switch Habits.folded(unit.text) {
    case "month", "months", "mes", "meses", "monthly", "mensal": period = .month
    case "year", "years", "ano", "anos", "yearly", "annual", "anual", "annum": period = .year
    case "day", "days", "dia", "dias", "daily", "diario":
      throw LineError(
        diagnostic: .error(
          .dailyRateTable, "a rate table cannot be `per \(SafeText.excerpt(unit.text))`", at: unit.range,
          help: "rates change by month, half-year or year: " + help))
    default:
      throw LineError(
        diagnostic: .error(
          .expectedKeyword, "expected `month` or `year` after `per`, not `\(SafeText.excerpt(unit.text))`",
          at: unit.range, help: help))
    }
    guard unit.text == period.rawValue else {
      throw LineError(
        diagnostic: .error(
          .expectedKeyword, "expected `\(period.rawValue)`, not `\(SafeText.excerpt(unit.text))`", at: unit.range,
          help: "write `rates \(quotedName) per \(period.rawValue)`"))
    }
    try cursor.expectEnd("after the rate table's header")
    return RateTableSyntax(
      name: nameToken.value, nameRange: nameToken.range, period: period, periodRange: unit.range, range: line.range)
  }

  /// A line of a rate table: a period (`2026-01`, `2026-H1`, `2026`) and a rate as written
  /// (`0.5%`), which the compiler reads.
  func parseRateLine(_ line: TokenLine) throws(LineError) -> RateLineSyntax? {
    var cursor = TokenCursor(line)
    guard let first = cursor.next() else { return nil }
    let key = try Parser.rateKey(first)
    guard let rate = cursor.next() else {
      throw LineError(
        diagnostic: .error(
          .badTableRate, "`\(key.text)` has no rate", at: first.range,
          help: "write the rate after the period: `\(key.text)  0.5%`"))
    }
    guard rate.kind == .word else {
      throw LineError(
        diagnostic: .error(
          .badTableRate, "expected a rate such as `0.5%`, not `\(SafeText.excerpt(rate.text))`", at: rate.range,
          help: "write the rate bare, with its `%` sign: `\(key.text)  0.5%`"))
    }
    if let sign = cursor.peek(), sign.isWord("%") {
      throw LineError(
        diagnostic: .error(
          .badTableRate, "the rate's `%` sign is apart from its number", at: rate.range.extended(to: sign.range),
          help: "write the sign right after the number: `\(SafeText.excerpt(rate.text))%`"))
    }
    try cursor.expectEnd("after the rate")
    return RateLineSyntax(key: key, keyRange: first.range, rate: rate.text, rateRange: rate.range, range: line.range)
  }

  /// The period a rate table's line starts with: `YYYY-MM`, `YYYY-H1`, `YYYY-H2` or `YYYY`.
  static func rateKey(_ token: Token) throws(LineError) -> RateLineSyntax.Key {
    let forms = "write a month `2026-01`, a half-year `2026-H1` or `2026-H2`, or a year `2026`"
    func bad(_ message: String, help: String = forms) -> LineError {
      LineError(diagnostic: .error(.badRatePeriod, message, at: token.range, help: help))
    }
    let text = token.text
    guard token.kind == .word else { throw bad("expected a period, such as `2026-01`") }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    let isNumber = { (part: Substring) in !part.isEmpty && part.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    guard parts.count <= 3, isNumber(parts[0]), parts[0].count == 4, let year = Int(parts[0]) else {
      throw bad("`\(SafeText.excerpt(text))` is not a period of a rate table")
    }
    guard Parser.rateTableYears.contains(year) else {
      throw bad(
        "`\(SafeText.excerpt(text))` is outside the years a rate table covers",
        help: "write a year from \(Parser.rateTableYears.lowerBound) to \(Parser.rateTableYears.upperBound)")
    }
    if parts.count == 1 { return .year(year) }
    let second = parts[1]
    if parts.count == 3 {
      let month = isNumber(second) ? Int(second) : nil
      throw bad(
        "`\(SafeText.excerpt(text))` is a day; a rate table's line covers a month, a half-year or a year",
        help: month.flatMap { (1...12).contains($0) ? "write the month: `\(year)-\(LocalTime.twoDigits($0))`" : nil }
          ?? forms)
    }
    if isNumber(second) {
      let month = Int(second) ?? 0
      guard (1...12).contains(month) else {
        throw bad(
          "`\(SafeText.excerpt(text))` has no month \(month)", help: "write the month from 01 to 12: `\(year)-01`")
      }
      guard second.count == 2 else {
        throw bad(
          "`\(SafeText.excerpt(text))` is not `YYYY-MM`",
          help: "write the month with two digits: `\(year)-\(LocalTime.twoDigits(month))`")
      }
      return .month(year: year, month: month)
    }
    let upper = second.uppercased()
    if upper == "H1" || upper == "H2" || upper == "S1" || upper == "S2" {
      let half = upper.hasSuffix("1") ? 1 : 2
      guard second == "H\(half)" else {
        throw bad("`\(SafeText.excerpt(text))` is not a half-year", help: "write `\(year)-H\(half)`")
      }
      return .halfYear(year: year, half: half)
    }
    throw bad("`\(SafeText.excerpt(text))` is not a period of a rate table")
  }
}
