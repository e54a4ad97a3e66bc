extension Charge {
  /// One word of a charge line after its action keyword, and whether it was quoted.
  struct Word {
    var text: String
    var isQuoted: Bool
  }

  /// Why the words of a charge line are not a charge: what is wrong, which word (when one is at
  /// fault; `nil` for the line as a whole) and the typed line to write instead.
  struct Problem: Error, Equatable {
    enum Kind { case syntax, rate }
    var kind: Kind
    var word: Int?
    var message: String
    var help: String
  }

  /// Reads the typed meaning of a `fee`, `interest` or `discount` line from the words after its
  /// keyword:
  ///
  /// ```
  /// fee 2% [max AMOUNT [CUR]]     fee AMOUNT [CUR]
  /// interest R% per day|month|year     interest "TABLE" [plus R%]
  /// discount R% until OFFSET
  /// ```
  ///
  /// The core's free-form lines (`fee "2%"`, `interest monthly "1%"`, `discount "name" 2%`) are
  /// problems whose help is the typed form. `nil` for other actions.
  static func parse(_ kind: ActionKind, _ words: [Word]) -> Result<Charge, Problem>? {
    switch kind {
    case .fee: return parseFee(words)
    case .interest: return parseInterest(words)
    case .discount: return parseDiscount(words)
    default: return nil
    }
  }

  private static func syntax(_ word: Int?, _ message: String, _ help: String) -> Result<Charge, Problem> {
    .failure(Problem(kind: .syntax, word: word, message: message, help: help))
  }

  /// The first rate written among the words, for a help line: `2%` from `fee "2%"`.
  private static func anyRate(_ words: [Word]) -> String? {
    words.lazy.map(\.text).first { (try? Rate(parsing: $0)) != nil }
  }

  /// A rate word: unquoted, with `%`.
  private static func rate(_ words: [Word], _ index: Int, typed: String) -> Result<Rate, Problem> {
    let word = words[index]
    do {
      let rate = try Rate(parsing: word.text)
      guard !word.isQuoted else {
        return .failure(
          Problem(
            kind: .syntax, word: index, message: "a rate is written without quotes",
            help: "write `\(typed.replacingOccurrences(of: "R%", with: rate.description))`"))
      }
      return .success(rate)
    } catch {
      // The line with the rate it most likely means, else an example rate.
      var help = "write a rate such as `\(typed.contains("interest") ? "1%" : "2%")`"
      if let corrected = error.corrected, corrected.count <= SafeText.excerptCharacters {
        let keyword = typed.prefix { $0 != " " }
        let written = words.indices.map {
          $0 == index ? corrected : words[$0].isQuoted ? "\"\(words[$0].text)\"" : words[$0].text
        }
        help = "write `\(keyword) \(SafeText.escaped(written.joined(separator: " ")))`"
      }
      return .failure(Problem(kind: .rate, word: index, message: error.description, help: help))
    }
  }

  private static func parseFee(_ words: [Word]) -> Result<Charge, Problem> {
    let typed = "fee R% max 50.00"
    guard let first = words.first else {
      return syntax(nil, "`fee` needs its amount", "write `fee 2%` (of the principal) or `fee 15.00`")
    }
    let amount: FeeAmount
    var next = 1
    if first.text.hasSuffix("%") || first.text.contains("%") {
      switch rate(words, 0, typed: "fee R%") {
      case .failure(let problem): return .failure(problem)
      case .success(let rate): amount = .percent(rate)
      }
    } else {
      guard !first.isQuoted, let value = chargeAmount(words, from: 0, next: &next) else {
        let help = anyRate(words).map { "write `fee \($0)`" } ?? "write `fee 2%` (of the principal) or `fee 15.00`"
        return syntax(0, "`\(first.text)` is not a fee: write a percentage or an amount", help)
      }
      amount = .fixed(value)
    }
    var maximum: ChargeAmount?
    if next < words.count {
      guard words[next].text == "max", !words[next].isQuoted else {
        return syntax(next, "unexpected `\(words[next].text)` after the fee", "write `\(typed)` to cap a percentage")
      }
      guard case .percent = amount else {
        return syntax(next, "a fixed fee takes no `max`", "write `fee 2% max 50.00` to cap a percentage")
      }
      var after = next + 1
      guard after < words.count, let cap = chargeAmount(words, from: after, next: &after) else {
        return syntax(next, "`max` needs an amount", "write `\(typed)`")
      }
      maximum = cap
      next = after
    }
    guard next == words.count else {
      return syntax(next, "unexpected `\(words[next].text)` after the fee", "write `fee 2%`, `\(typed)` or `fee 15.00`")
    }
    return .success(.fee(amount, maximum: maximum))
  }

  /// An amount at `words[index]`, with a currency code after it when one is written; `next` is
  /// the word after it.
  private static func chargeAmount(_ words: [Word], from index: Int, next: inout Int) -> ChargeAmount? {
    guard !words[index].isQuoted, let value = try? ExactDecimal(parsing: words[index].text), value.significand >= 0
    else { return nil }
    var currency: Currency?
    if index + 1 < words.count, !words[index + 1].isQuoted, let code = Currency(words[index + 1].text) {
      currency = code
      next = index + 2
    } else {
      next = index + 1
    }
    return ChargeAmount(value, currency: currency)
  }

  private static func parseInterest(_ words: [Word]) -> Result<Charge, Problem> {
    let typed = "interest 1% per month"
    guard let first = words.first else {
      return syntax(nil, "`interest` needs its rate", "write `\(typed)` or `interest \"TABLE\"` with a rate table")
    }
    if first.isQuoted, !first.text.contains("%") {
      // A rate table, with an optional margin.
      var margin = Rate.zero
      if words.count > 1 {
        guard words[1].text == "plus", !words[1].isQuoted, words.count == 3 else {
          return syntax(
            1, "unexpected `\(words[1].text)` after the rate table",
            "write `interest \"\(first.text)\"`, or with a margin `interest \"\(first.text)\" plus 8%`")
        }
        switch rate(words, 2, typed: "interest \"\(first.text)\" plus R%") {
        case .failure(let problem): return .failure(problem)
        case .success(let rate): margin = rate
        }
      }
      return .success(.interest(.table(first.text, plus: margin)))
    }
    guard first.text.contains("%") else {
      let help =
        anyRate(words).map { "write `interest \($0) per month` (or `per day`, `per year`)" }
        ?? "write `\(typed)`, or `interest \"\(first.text)\"` for a rate table"
      return syntax(0, "`\(first.text)` is not an interest rate", help)
    }
    let rate: Rate
    switch self.rate(words, 0, typed: "interest R% per month") {
    case .failure(let problem): return .failure(problem)
    case .success(let value): rate = value
    }
    guard words.count == 3, words[1].text == "per", !words[1].isQuoted, let period = RatePeriod(rawValue: words[2].text)
    else {
      let at = words.count > 1 ? 1 : nil
      // The period the words name (`ao ano`, `a.m.`, `monthly`), never a guess: a wrong period
      // charges 12 or 30 times too much, or too little.
      let named = RatePeriodPhrases.period(named: words.dropFirst().map(\.text))
      return syntax(
        at, "an interest rate says what it is for: `per day`, `per month` or `per year`",
        named.map { "write `interest \(rate) per \($0)`" }
          ?? "write `interest \(rate) per day`, `interest \(rate) per month` or `interest \(rate) per year`")
    }
    return .success(.interest(.fixed(rate, per: period)))
  }

  private static func parseDiscount(_ words: [Word]) -> Result<Charge, Problem> {
    let typed = "discount 2% until D-10"
    guard let first = words.first else {
      return syntax(nil, "`discount` needs its percentage and its last day", "write `\(typed)`")
    }
    guard first.text.contains("%") else {
      let help = anyRate(words).map { "write `discount \($0) until D-10`" } ?? "write `\(typed)`"
      return syntax(0, "`\(first.text)` is not a discount: write its percentage and its last day", help)
    }
    let rate: Rate
    switch self.rate(words, 0, typed: "discount R% until D-10") {
    case .failure(let problem): return .failure(problem)
    case .success(let value): rate = value
    }
    guard rate < Rate.hundred else {
      return .failure(
        Problem(
          kind: .rate, word: 0, message: "a discount of \(rate) leaves nothing to pay",
          help: "write a discount below 100%, such as `discount 2% until D-10`"))
    }
    guard words.count >= 3, words[1].text == "until", !words[1].isQuoted else {
      return syntax(words.count > 1 ? 1 : nil, "a discount needs its last day", "write `discount \(rate) until D-10`")
    }
    let offsetText = words[2...].map(\.text).joined(separator: " ")
    guard let until = Offset(offsetText), until.anchor != .promise else {
      return syntax(2, "`\(offsetText)` is not a day of the invoice", "write an offset such as `D-10` or `I+10`")
    }
    return .success(.discount(rate, until: until))
  }
}

extension Rate {
  /// 100%.
  static let hundred = (try? Rate(millionthsOfPercent: 100_000_000)) ?? .maximum
}
