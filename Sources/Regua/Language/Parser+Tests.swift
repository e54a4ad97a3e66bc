extension Parser {
  static let testKeywords = [
    "cadence", "invoice", "customer", "opt-out", "prefers", "timezone", "tagged", "status", "payment", "promise",
    "history", "conversation", "on", "timeline",
  ]

  /// An optional `channel C` at the end of a history or conversation line.
  private func parseChannel(_ cursor: inout TokenCursor) throws(LineError) -> String? {
    guard let token = cursor.peek(), token.isWord("channel") else { return nil }
    cursor.advance()
    let name = try cursor.expectWord("a channel, e.g. `channel call`")
    try Parser.checkName(name, "the channel")
    return name.text
  }

  /// Parses a `test "name"` header.
  func parseTestHeader(_ line: TokenLine) throws(LineError) -> TestSyntax {
    var cursor = TokenCursor(line)
    cursor.advance()
    guard let name = cursor.next(), name.kind == .string || name.kind == .word, !name.value.isEmpty else {
      throw cursor.error(.missingName, "`test` needs a name", help: "write `test \"key accounts are not suspended\"`")
    }
    try Parser.checkName(name, "the test's name")
    if name.kind == .word, let rest = Parser.unquotedName(after: name, in: line) {
      throw LineError(
        diagnostic: .error(
          .unquotedName, "a name of several words must be quoted", at: name.range.extended(to: rest.range),
          help: "write `test \(SyntaxPrinter.quoted(rest.name))`"))
    }
    try cursor.expectEnd("after the test's name")
    return TestSyntax(name: name.value, range: line.range, items: [])
  }

  /// The entries of a timeline: the lines after it indented deeper than it, with the comments and
  /// blank lines among them, and how many lines they take (trivia after the last entry is left
  /// to the lines that follow).
  static func timelineEntries(_ lines: ArraySlice<TokenLine>, deeperThan indent: Int) -> (
    [TimelineEntrySyntax], consumed: Int
  ) {
    var entries: [TimelineEntrySyntax] = []
    var pending: [TriviaPiece] = []
    var consumed = 0
    for (offset, line) in lines.enumerated() {
      if line.isTrivia {
        pending.append(line.comment.map(TriviaPiece.comment) ?? .blankLine)
        continue
      }
      guard line.indent > indent else { break }
      // An entry is literal text: a `#` in it is part of it.
      let start = line.tokens.first?.range.start ?? SourcePosition(line: line.number, column: line.indent + 1)
      entries.append(
        TimelineEntrySyntax(
          text: Parser.code(of: line).droppingTrailingBlanks, position: start, trivia: Trivia(leading: pending)))
      pending = []
      consumed = offset + 1
    }
    return (entries, consumed)
  }

  /// Parses one line of a test's body; a `timeline` line takes the deeper-indented lines after
  /// it, and `consumed` says how many.
  func parseTestLine(_ line: TokenLine, following: ArraySlice<TokenLine>) throws(LineError) -> (
    TestLineSyntax, consumed: Int
  ) {
    var cursor = TokenCursor(line)
    let keyword = try cursor.expectWord("a test line such as `invoice 1250.00 BRL due 2026-03-10`")
    let item: TestLineSyntax
    switch keyword.text {
    case "cadence":
      let name = try cursor.expectValue("the cadence's name")
      try Parser.checkName(name, "the cadence's name")
      item = .cadence(name.value, name.range)
    case "invoice":
      item = try parseInvoice(&cursor, line)
    case "customer":
      var kind: String?
      var segment: String?
      var id: String?
      while let token = cursor.next() {
        switch token.text {
        case "person", "company": kind = token.text
        case "segment": segment = try cursor.expectName("a segment, e.g. `segment smb`", "the segment").value
        case "id": id = try cursor.expectName("an id, e.g. `id C-42`", "the customer id").value
        default:
          throw LineError(
            diagnostic: .error(
              .unexpectedToken, "unexpected `\(token.text)` in `customer`", at: token.range,
              help: "write `customer company segment smb id C-42` (each part optional)"))
        }
      }
      item = .customer(kind: kind, segment: segment, id: id, line.range)
    case "opt-out", "prefers":
      var channels: [String] = []
      while let token = cursor.next() {
        guard token.kind == .word, token.text.isChannelName else {
          throw LineError(
            diagnostic: .error(
              .badChannel, "`\(SafeText.excerpt(token.text))` is not a channel name", at: token.range,
              help: "name channels in lower case: `\(keyword.text) sms email`"))
        }
        try Parser.checkName(token, "the channel")
        channels.append(token.text)
      }
      guard !channels.isEmpty else {
        throw cursor.error(
          .missingChannel, "`\(keyword.text)` needs a channel", help: "write `\(keyword.text) sms` or list several")
      }
      item = keyword.text == "opt-out" ? .optOut(channels, line.range) : .prefers(channels, line.range)
    case "timezone":
      let zone = try cursor.expectValue("a time zone, e.g. `timezone \"America/New_York\"`")
      try Parser.checkName(zone, "the time zone")
      try cursor.expectEnd("after the time zone")
      item = .timeZone(zone.value, zone.range)
    case "tagged":
      var tags: [String] = []
      while let token = cursor.next() {
        try Parser.checkName(token, "the tag")
        tags.append(token.value)
      }
      guard !tags.isEmpty else {
        throw cursor.error(.missingTag, "`tagged` needs a tag", help: "write `tagged key-account`")
      }
      item = .tagged(tags, line.range)
    case "status":
      let status = try cursor.expectWord("a status: `open`, `disputed`, `cancelled` or `written-off`")
      guard InvoiceStatus(rawValue: status.text) != nil else {
        throw LineError(
          diagnostic: .error(
            .unknownStatus, "unknown status `\(status.text)`", at: status.range,
            help: "use `open`, `disputed`, `cancelled` or `written-off`; paid is derived from payments"))
      }
      item = .status(status.text, status.range)
    case "payment":
      let amount = try cursor.expectWord("an amount, e.g. `payment 250.00 on D+2`")
      try cursor.expectKeyword("on", "write `payment \(amount.text) on D+2`")
      item = .payment(amount: amount.text, date: try parseDate(&cursor), line.range)
    case "promise":
      try cursor.expectKeyword("by", "write `promise by D+10 made D+5`")
      let date = try parseDate(&cursor)
      var made: DateSyntax?
      if let token = cursor.peek(), token.isWord("made") {
        cursor.advance()
        made = try parseDate(&cursor)
      }
      item = .promise(date: date, made: made, line.range)
    case "history":
      let step = try cursor.expectName("a step id, e.g. `history d+1-email on D+1`", "the step id")
      try cursor.expectKeyword("on", "write `history \(step.value) on D+1`")
      let date = try parseDate(&cursor)
      item = .history(step: step.value, date: date, channel: try parseChannel(&cursor), line.range)
    case "conversation":
      try cursor.expectKeyword("on", "write `conversation on D+14`, or `conversation on D+14 channel call`")
      let date = try parseDate(&cursor)
      item = .conversation(date: date, channel: try parseChannel(&cursor), line.range)
    case "on":
      let date = try parseDate(&cursor)
      try cursor.expectKeyword("expect", "write `on \(date.text) expect call`")
      item = .expectation(on: date, try parseExpectation(&cursor), line.range)
    case "timeline":
      var from: DateSyntax?
      var to: DateSyntax?
      while let token = cursor.next() {
        switch token.text {
        case "from": from = try parseDate(&cursor)
        case "to": to = try parseDate(&cursor)
        default:
          throw LineError(
            diagnostic: .error(
              .unexpectedToken, "unexpected `\(token.text)` in `timeline`", at: token.range,
              help: "write `timeline from D-5 to D+40`"))
        }
      }
      let (entries, consumed) = Parser.timelineEntries(following, deeperThan: line.indent)
      return (.timeline(from: from, to: to, entries: entries, line.range), consumed)
    default:
      let suggestion = Suggestions.closest(to: keyword.text, among: Parser.testKeywords)
      throw LineError(
        diagnostic: .error(
          .unknownTestLine, "unknown test line `\(keyword.text)`", at: keyword.range,
          help: suggestion.map { "did you mean `\($0)`?" }
            ?? "a test has `invoice`, facts (`payment`, `promise`, `history`, …) and `on DATE expect …` lines"))
    }
    try cursor.expectEnd("at the end of the line")
    return (item, 0)
  }

  private func parseInvoice(_ cursor: inout TokenCursor, _ line: TokenLine) throws(LineError) -> TestLineSyntax {
    let amount = try cursor.expectWord("an amount, e.g. `invoice 1250.00 BRL due 2026-03-10`")
    var currency: String?
    var due: DateSyntax?
    var issued: DateSyntax?
    var id: String?
    while let token = cursor.next() {
      switch token.text {
      case "due": due = try parseDate(&cursor)
      case "issued": issued = try parseDate(&cursor)
      case "id": id = try cursor.expectName("an id, e.g. `id INV-1`", "the invoice id").value
      case let code where code.count == 3 && code.allSatisfy(\.isUppercase) && currency == nil: currency = code
      default:
        throw LineError(
          diagnostic: .error(
            .unexpectedToken, "unexpected `\(token.text)` in `invoice`", at: token.range,
            help: "write `invoice 1250.00 BRL due 2026-03-10 issued 2026-03-01 id INV-1`"))
      }
    }
    guard let due else {
      throw LineError(
        diagnostic: .error(.missingDue, "the invoice needs a due date", at: line.range, help: "add `due 2026-03-10`"))
    }
    return .invoice(amount: amount.text, currency: currency, due: due, issued: issued, id: id, line.range)
  }

  private func parseExpectation(_ cursor: inout TokenCursor) throws(LineError) -> ExpectationSyntax {
    guard let first = cursor.next() else {
      throw cursor.error(
        .missingExpectation, "`expect` needs what to expect",
        help: "e.g. `expect call`, `expect no sms`, `expect nothing`")
    }
    func rest(_ cursor: inout TokenCursor) -> [String] {
      var words: [String] = []
      while let token = cursor.next() { words.append(token.value) }
      return words
    }
    switch first.text {
    case "nothing":
      return .nothing
    case "no":
      let words = rest(&cursor)
      guard !words.isEmpty else {
        throw cursor.error(.missingExpectation, "`expect no` needs an action or a step", help: "e.g. `expect no sms`")
      }
      return .doesNotFire(words)
    case "skipped":
      let step = try cursor.expectName("a step id, e.g. `expect skipped d+14-call limited`", "the step id")
      var reason: String?
      if let token = cursor.next() {
        guard SkipReason(rawValue: token.text) != nil else {
          throw LineError(
            diagnostic: .error(
              .unknownReason, "unknown reason `\(token.text)`", at: token.range,
              help: "use " + SkipReason.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")))
        }
        reason = token.text
      }
      return .skipped(step: step.value, reason: reason)
    case "balance":
      // `expect balance [principal|fees|interest|discount] AMOUNT`.
      var component: String?
      if let token = cursor.peek(), ["principal", "fees", "interest", "discount", "total"].contains(token.text) {
        component = token.text == "total" ? nil : token.text
        cursor.advance()
      }
      // `expect balance 1030.00 BRL`: the amount is in the invoice's currency, written alone.
      if let amount = cursor.peek(), amount.text.isNumberLiteral, let code = cursor.peek(1), Currency(code.text) != nil,
        cursor.peek(2) == nil
      {
        throw LineError(
          diagnostic: .error(
            .badAmount, "`expect balance` takes the amount alone, in the invoice's currency", at: code.range,
            help: "write `expect balance \(component.map { "\($0) " } ?? "")\(amount.text)`"))
      }
      guard let amount = cursor.next(), amount.kind == .word, amount.text.isNumberLiteral, cursor.peek() == nil
      else {
        throw cursor.error(
          .badAmount, "`expect balance` needs an amount",
          help: "e.g. `expect balance 1030.00`, or one component: `expect balance interest 10.00`")
      }
      return .balance(component: component, amount: amount.text)
    case "next":
      if let token = cursor.peek(), token.isWord("none") {
        cursor.advance()
        return .next(nil)
      }
      return .next(try parseDate(&cursor))
    default:
      return .fires([first.value] + rest(&cursor))
    }
  }

  /// An ISO date or an offset (`D+14`, `D-3`, `D0`, `I+3`), checked here so mistakes point at the
  /// date.
  private func parseDate(_ cursor: inout TokenCursor) throws(LineError) -> DateSyntax {
    guard let token = cursor.next(), token.kind == .word else {
      throw cursor.error(.expectedDate, "expected a date", help: "write `2026-03-24` or an offset such as `D+14`")
    }
    // `D+5 business days`: the offset and its unit, as a step writes them.
    var text = token.text
    var range = token.range
    if let word = cursor.peek(), word.isWord("business"), let unit = cursor.peek(1),
      unit.isWord("days") || unit.isWord("day")
    {
      cursor.advance()
      cursor.advance()
      text += " business " + unit.text
      range = range.extended(to: unit.range)
      guard Offset(text) != nil else {
        throw LineError(
          diagnostic: .error(
            .badDate, "`\(SafeText.excerpt(text))` is not a business-day offset", at: range,
            help: "count at least one business day and at most \(Bounds.offsetBusinessDays), "
              + "`D+1 business day` or `D+5 business days`; `D0` is the due date itself"))
      }
      return DateSyntax(text: text, range: range)
    }
    do throws(CivilDateError) {
      _ = try DateReference(parsing: token.text)
    } catch {
      var message = "`\(token.text)` is not a date or an offset"
      switch error {
      case .noSuchDay, .offsetTooFar: message = error.description
      case .notADate, .noDateForOffset: break
      }
      throw LineError(
        diagnostic: .error(
          .badDate, message, at: token.range, help: "write `2026-03-24` or an offset such as `D+14`, `D-3`, `I+5`"))
    }
    return DateSyntax(text: token.text, range: token.range)
  }
}
