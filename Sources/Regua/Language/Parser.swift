/// A hand-written recursive-descent parser from tokens to ``RuleFileSyntax``.
///
/// The parser works a line at a time: a line that fails reports one diagnostic and is dropped,
/// and parsing resumes at the next line, so one run reports every broken line once.
struct Parser {
  /// The deepest nesting of parentheses, lists and `not` accepted in an expression.
  static let maximumExpressionDepth = Bounds.expressionDepth

  private(set) var diagnostics: [Diagnostic] = []
  private let quietLines: Set<Int>

  init(quietLines: Set<Int> = []) {
    self.quietLines = quietLines
  }

  /// An error that abandons the current line.
  struct LineError: Error {
    var diagnostic: Diagnostic
  }

  /// Lines taken as literal text (a timeline's entries); lexical errors on them do not count.
  private(set) var literalLines: Set<Int> = []

  /// What the indented lines being read belong to.
  private enum Owner {
    /// No declaration yet: an indented line is an orphan.
    case none
    /// The open cadence.
    case cadence
    /// The open test.
    case test
    /// A declaration whose header failed: its body is skipped without more errors.
    case broken
  }

  /// Parses every line, in time proportional to their number and length.
  ///
  /// The open declaration is kept in its own variable and its items are appended in place: a
  /// copy of it held anywhere else (say, in an enum's payload) would make every append copy the
  /// whole item list, which is quadratic in the number of lines.
  mutating func parse(_ lines: [TokenLine]) -> RuleFileSyntax {
    var file = RuleFileSyntax(cadences: [], tests: [])
    var owner = Owner.none
    var cadence: CadenceSyntax?
    var test: TestSyntax?
    var reportedOrphanBody = false
    var counts = BodyCounts()
    func close() {
      if let cadence { file.cadences.append(cadence) }
      if let test { file.tests.append(test) }
      cadence = nil
      test = nil
      counts.closeCadence()
    }
    var index = 0
    while index < lines.count {
      let line = lines[index]
      index += 1
      do throws(LineError) {
        if !line.isIndented {
          close()
          owner = .broken
          if line.tokens.first?.isWord("test") == true {
            // Past the most tests, the rest are skipped, bodies and all.
            guard try counts.countTest(line) else { continue }
            test = try parseTestHeader(line)
            owner = .test
          } else {
            cadence = try parseDeclaration(line)
            owner = .cadence
          }
        } else {
          switch owner {
          case .cadence:
            guard let item = try parseBodyLine(line) else { continue }
            guard try counts.count(item, on: line) else { continue }
            cadence?.items.append(item)
          case .test:
            // Past the most test lines, the rest are skipped, unread.
            guard try counts.countTestLines(1, at: line) else {
              literalLines.insert(line.number)
              test?.hasErrors = true
              continue
            }
            guard !line.tokens.isEmpty else { continue }
            let (item, consumed) = try parseTestLine(line, following: lines[index...])
            for literal in lines[index..<(index + consumed)] { literalLines.insert(literal.number) }
            index += consumed
            guard try counts.countTestLines(consumed, at: line) else {
              test?.hasErrors = true
              continue
            }
            test?.items.append(item)
          case .broken:
            continue
          case .none:
            guard !reportedOrphanBody else { continue }
            reportedOrphanBody = true
            throw LineError(
              diagnostic: .error(
                "orphan-line", "this line is indented but belongs to no declaration", at: line.range,
                help: "start the file with a declaration such as `cadence \"b2b-standard\"`"))
          }
        }
      } catch {
        if !quietLines.contains(line.number) { diagnostics.append(error.diagnostic) }
        test?.hasErrors = true
      }
    }
    close()
    return file
  }

  // MARK: Declarations

  private func parseDeclaration(_ line: TokenLine) throws(LineError) -> CadenceSyntax {
    var cursor = TokenCursor(line)
    let keyword = try cursor.expectWord("a declaration such as `cadence \"b2b-standard\"`")
    guard keyword.text == "cadence" else {
      if Parser.bodyKeywords.contains(keyword.text) || OffsetSyntax.looksLikeOffset(keyword.text) {
        throw LineError(
          diagnostic: .error(
            "unindented-line", "`\(keyword.text)` must be indented under a `cadence` declaration", at: keyword.range,
            help: "indent the line by two spaces"))
      }
      let suggestion = Suggestions.closest(to: keyword.text, among: ["cadence", "test"])
      throw LineError(
        diagnostic: .error(
          "unknown-declaration", "unknown declaration `\(keyword.text)`", at: keyword.range,
          help: suggestion.map { "did you mean `\($0)`?" }
            ?? "a rule file declares `cadence \"name\"` and `test \"name\"` blocks"))
    }
    guard let nameToken = cursor.next(), nameToken.kind == .string || nameToken.kind == .word else {
      throw cursor.error("missing-name", "`cadence` needs a name", help: "write `cadence \"b2b-standard\"`")
    }
    guard !nameToken.value.isEmpty else {
      throw LineError(
        diagnostic: .error(
          "missing-name", "the cadence's name is empty", at: nameToken.range,
          help: "give it a name such as `\"b2b-standard\"`"))
    }
    try Parser.checkName(nameToken, "the cadence's name")
    var version: Int?
    if let word = cursor.peek(), word.isWord("version") {
      cursor.advance()
      version = try cursor.expectInteger("a version number, e.g. `version 3`", range: Bounds.versions)
    }
    try cursor.expectEnd("after the cadence's header")
    return CadenceSyntax(
      name: nameToken.value, nameRange: nameToken.range, version: version, range: line.range, items: [])
  }

  static let bodyKeywords = ["timezone", "calendar", "catch", "stop", "pause", "limit"]

  private func parseBodyLine(_ line: TokenLine) throws(LineError) -> CadenceItemSyntax? {
    var cursor = TokenCursor(line)
    guard let first = cursor.peek() else { return nil }
    guard first.kind == .word else {
      throw cursor.error(
        "expected-step", "expected a step or a setting", help: "a step starts with an offset such as `D+3`")
    }
    switch first.text {
    case "timezone":
      cursor.advance()
      let zone = try cursor.expectValue("a time zone, e.g. `timezone \"America/Sao_Paulo\"`")
      try Parser.checkName(zone, "the time zone")
      try cursor.expectEnd("after the time zone")
      return .timeZone(zone.value, zone.range)
    case "calendar":
      cursor.advance()
      let calendar = try cursor.expectValue("a calendar, e.g. `calendar BR`")
      try Parser.checkName(calendar, "the calendar")
      try cursor.expectEnd("after the calendar")
      return .calendar(calendar.value, calendar.range)
    case "catch":
      cursor.advance()
      try cursor.expectKeyword("up", "write `catch up 3 days`")
      let days = try cursor.expectInteger(
        "a number of days, e.g. `catch up 3 days`", range: Bounds.catchUpDays)
      try cursor.expectKeyword(days == 1 ? "day" : "days", "write `catch up \(days) days`", alternative: "days")
      try cursor.expectEnd("after `catch up \(days) days`")
      return .catchUp(days, line.range)
    case "stop", "pause":
      cursor.advance()
      try cursor.expectKeyword("when", "write `\(first.text) when <condition>`")
      var expressionParser = ExpressionParser(cursor: cursor)
      let expression = try expressionParser.parseExpression()
      cursor = expressionParser.cursor
      try cursor.expectEnd("after the condition")
      return first.text == "stop" ? .stop(expression, line.range) : .pause(expression, line.range)
    case "limit":
      return .limit(try parseLimit(&cursor, line))
    default:
      if OffsetSyntax.looksLikeOffset(first.text) {
        return .step(try parseStep(&cursor, line))
      }
      let suggestion = Suggestions.closest(to: first.text, among: Parser.bodyKeywords + ["catch up"])
      throw LineError(
        diagnostic: .error(
          "expected-step", "unknown setting `\(first.text)`", at: first.range,
          help: suggestion.map { "did you mean `\($0)`?" }
            ?? "a step starts with an offset such as `D+3`, `D0` or `I+14`"))
    }
  }

  private func parseLimit(_ cursor: inout TokenCursor, _ line: TokenLine) throws(LineError) -> LimitSyntax {
    cursor.advance()
    guard let channel = cursor.next(), channel.kind == .word else {
      throw cursor.error(
        "expected-channel", "`limit` needs a channel or `any`", help: "write `limit call 1 per 7 days`")
    }
    try Parser.checkName(channel, "the channel")
    let countToken = cursor.peek()
    let count = try cursor.expectInteger(
      "how many contacts, e.g. `limit call 1 per 7 days`", range: Bounds.limitCount)
    try cursor.expectKeyword("per", "write `limit \(channel.text) \(count) per 7 days`")
    let daysToken = cursor.peek()
    let days = try cursor.expectInteger("a number of days, e.g. `per 7 days`", range: Bounds.limitDays)
    try cursor.expectKeyword(days == 1 ? "day" : "days", "write `per \(days) days`", alternative: "days")
    try cursor.expectEnd("after the limit")
    return LimitSyntax(
      channel: channel.text, channelRange: channel.range, count: count, days: days,
      countRange: countToken?.range ?? line.range, daysRange: daysToken?.range ?? line.range, range: line.range)
  }

  // MARK: Steps

  private func parseStep(_ cursor: inout TokenCursor, _ line: TokenLine) throws(LineError) -> StepSyntax {
    let offsetToken = try cursor.expectWord("an offset")
    let offset = try OffsetSyntax.parse(offsetToken)
    guard let actionToken = cursor.next() else {
      throw cursor.error(
        "missing-action", "the step has no action", help: "add one, e.g. `\(offsetToken.text) email reminder`")
    }
    guard actionToken.kind == .word, let action = Parser.action(startingWith: actionToken.text) else {
      let suggestion = Suggestions.closest(to: actionToken.value, among: ActionKind.firstKeywords)
      throw LineError(
        diagnostic: .error(
          "unknown-action", "unknown action `\(actionToken.value)`", at: actionToken.range,
          help: suggestion.map { "did you mean `\($0)`?" }
            ?? "the actions are "
            + ActionKind.allCases.map { "`\($0.keywords.joined(separator: " "))`" }.joined(separator: ", ")))
    }
    var actionRange = actionToken.range
    for keyword in Parser.keywordsAfterTheFirst(of: action) {
      let whole = action.keywords.joined(separator: " ")
      guard let token = cursor.peek(), token.isWord(keyword) else {
        throw cursor.error("incomplete-action", "expected `\(whole)`", help: "write `\(whole)`")
      }
      cursor.advance()
      actionRange = actionRange.extended(to: token.range)
    }
    var arguments: [String] = []
    if action == .notify {
      guard let channel = cursor.peek(), channel.kind == .word, !TokenCursor.isReserved(channel.text),
        channel.text.isChannelName
      else {
        throw cursor.error("missing-channel", "`notify` needs a channel", help: "write `notify slack \"template\"`")
      }
      try Parser.checkName(channel, "the channel")
      arguments.append(channel.text)
      cursor.advance()
    }
    while let token = cursor.peek(), !(token.kind == .word && TokenCursor.isReserved(token.text)) {
      switch token.kind {
      case .string:
        arguments.append(token.value)
      case .word where token.text.isBareArgument:
        arguments.append(token.text)
      default:
        let help =
          token.kind == .comparison
          ? "a condition starts with `when`, e.g. `when balance >= 500`" : "quote the argument: `\"\(token.value)\"`"
        throw LineError(
          diagnostic: .error(
            "unexpected-token", "unexpected `\(token.text)` in the arguments of `\(action)`", at: token.range,
            help: help))
      }
      cursor.advance()
    }
    var step = StepSyntax(
      offset: offset, action: action, actionRange: actionRange, arguments: arguments, when: nil, unless: nil,
      explicitID: nil, range: line.range)
    while let option = cursor.next() {
      switch option.text {
      case "when", "unless":
        if (option.text == "when" ? step.when : step.unless) != nil {
          throw LineError(
            diagnostic: .error(
              "duplicate-option", "the step has two `\(option.text)` conditions", at: option.range,
              help: "combine them into one with `and`"))
        }
        var expressionParser = ExpressionParser(cursor: cursor)
        let expression = try expressionParser.parseExpression()
        cursor = expressionParser.cursor
        if option.text == "when" { step.when = expression } else { step.unless = expression }
      case "as":
        if step.explicitID != nil {
          throw LineError(
            diagnostic: .error("duplicate-option", "the step has two ids", at: option.range, help: "keep one `as`"))
        }
        guard let id = cursor.next(), id.kind == .word || id.kind == .string else {
          throw cursor.error("missing-id", "`as` needs a step id", help: "write `as d+14-first-call`")
        }
        try Parser.checkName(id, "the step id")
        step.explicitID = (id.value, id.range)
      default:
        throw LineError(
          diagnostic: .error(
            "unexpected-token", "unexpected `\(option.text)` after the step", at: option.range,
            help: "the step options are `when <condition>`, `unless <condition>` and `as <id>`"))
      }
    }
    return step
  }
}

extension Parser {
  /// The action whose first keyword is `word`: a `switch`, since this runs for every step.
  static func action(startingWith word: String) -> ActionKind? {
    switch word {
    case "email": return .email
    case "sms": return .sms
    case "whatsapp": return .whatsapp
    case "call": return .call
    case "letter": return .letter
    case "notify": return .notify
    case "task": return .task
    case "fee": return .fee
    case "interest": return .interest
    case "discount": return .discount
    case "offer": return .offer
    case "suspend": return .suspend
    case "refer": return .referToAgency
    case "legal": return .legal
    case "write": return .writeOff
    default: return nil
    }
  }

  /// The keywords an action's first one must be followed by (`to agency` after `refer`).
  static func keywordsAfterTheFirst(of action: ActionKind) -> [String] {
    switch action {
    case .referToAgency: return ["to", "agency"]
    case .writeOff: return ["off"]
    default: return []
    }
  }
}

extension String {
  /// `[A-Za-z0-9_.%-]+`: a word that may stand as an argument without quotes.
  var isBareArgument: Bool {
    !isEmpty
      && utf8.allSatisfy { byte in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "%"),
          UInt8(ascii: "-"):
          return true
        default:
          return false
        }
      }
  }

  /// `[a-z][a-z0-9_-]*`: a host-defined channel name.
  var isChannelName: Bool {
    guard let first = utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else { return false }
    return utf8.allSatisfy { byte in
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
  }
}
