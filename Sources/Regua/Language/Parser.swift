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
  }

  /// Parses every line, in time proportional to their number and length.
  ///
  /// Recovery is by line: a line that does not parse becomes an error node where it is, and the
  /// lines after it are read as if it had parsed. A declaration whose header is broken still
  /// opens its block (the body's errors are reported; the block is never compiled), and a step or
  /// a test line written at column 0 inside a block is reported and read as part of it, so no
  /// mistake hides the ones after it.
  ///
  /// The open declaration is kept in its own variable and its items are appended in place: a
  /// copy of it held anywhere else (say, in an enum's payload) would make every append copy the
  /// whole item list, which is quadratic in the number of lines.
  mutating func parse(_ lines: [TokenLine]) -> RuleFileSyntax {
    var file = RuleFileSyntax()
    var owner = Owner.none
    var cadence: CadenceSyntax?
    var test: TestSyntax?
    var reportedOrphanBody = false
    var counts = BodyCounts()
    var pending: [TriviaPiece] = []
    func close() {
      if let cadence { file.declarations.append(.cadence(cadence)) }
      if let test { file.declarations.append(.test(test)) }
      cadence = nil
      test = nil
      counts.closeCadence()
    }
    func report(_ error: LineError, on line: TokenLine) {
      if !quietLines.contains(line.number) { diagnostics.append(error.diagnostic) }
    }
    var index = 0
    while index < lines.count {
      let line = lines[index]
      index += 1
      if line.isTrivia {
        pending.append(line.comment.map(TriviaPiece.comment) ?? .blankLine)
        continue
      }
      var trivia = Trivia(leading: pending, trailing: line.comment)
      pending = []
      var role = owner
      if !line.isIndented {
        switch declarationRole(of: line, open: owner) {
        case .header(let kind):
          close()
          do throws(LineError) {
            if kind == .test {
              // Past the most tests, the rest are skipped, bodies and all.
              guard try counts.countTest(line) else {
                owner = .none
                reportedOrphanBody = true
                continue
              }
              var header = try parseTestHeader(line)
              header.trivia = trivia
              test = header
              owner = .test
            } else {
              var header = try parseDeclaration(line)
              header.trivia = trivia
              cadence = header
              owner = .cadence
            }
          } catch {
            report(error, on: line)
            trivia.trailing = nil
            if kind == .test {
              test = TestSyntax(
                name: "", range: line.range, items: [], hasErrors: true, trivia: trivia,
                brokenHeader: Parser.code(of: line))
              owner = .test
            } else {
              cadence = CadenceSyntax(
                name: "", nameRange: line.range, version: nil, range: line.range, items: [], trivia: trivia,
                brokenHeader: Parser.code(of: line))
              owner = .cadence
            }
          }
          continue
        case .unindented(let kind):
          let declaration = kind == .test ? "test" : "cadence"
          report(
            LineError(
              diagnostic: .error(
                .unindentedLine, "`\(line.tokens[0].text)` must be indented under a `\(declaration)` declaration",
                at: line.tokens[0].range, help: "indent the line by two spaces")), on: line)
          role = kind
        case .stray:
          role = .none
        }
      }
      switch role {
      case .cadence:
        do throws(LineError) {
          // A line the lexer reported is an error node, even if its first tokens would parse.
          if !line.failed, let parsed = try parseBodyLine(line) {
            guard try counts.count(BodyCounts.Counted(parsed), on: line) else { continue }
            cadence?.items.append(CadenceItemSyntax(parsed, trivia: trivia))
            continue
          }
        } catch {
          report(error, on: line)
        }
        trivia.trailing = nil
        cadence?.items.append(CadenceItemSyntax(.error(Parser.errorLine(line)), trivia: trivia))
      case .test:
        do throws(LineError) {
          // Past the most test lines, the rest are skipped, unread.
          guard try counts.countTestLines(1, at: line) else {
            literalLines.insert(line.number)
            test?.hasErrors = true
            continue
          }
          // A line the lexer reported is an error node, as in a cadence.
          if !line.failed {
            let (item, consumed) = try parseTestLine(line, following: lines[index...])
            for literal in lines[index..<(index + consumed)] { literalLines.insert(literal.number) }
            index += consumed
            guard try counts.countTestLines(consumed, at: line) else {
              test?.hasErrors = true
              continue
            }
            test?.items.append(TestItemSyntax(item, range: line.range, trivia: trivia))
            continue
          }
        } catch {
          report(error, on: line)
        }
        trivia.trailing = nil
        test?.hasErrors = true
        test?.items.append(TestItemSyntax(.error(Parser.errorLine(line)), range: line.range, trivia: trivia))
      case .none:
        if !reportedOrphanBody, line.isIndented {
          reportedOrphanBody = true
          report(
            LineError(
              diagnostic: .error(
                .orphanLine, "this line is indented but belongs to no declaration", at: line.range,
                help: "start the file with a declaration such as `cadence \"b2b-standard\"`")), on: line)
        }
        trivia.trailing = nil
        file.declarations.append(.error(Parser.errorLine(line), trivia))
      }
    }
    close()
    file.endTrivia = pending
    return file
  }

  /// What a line at column 0 is.
  private enum DeclarationRole {
    /// The header of a new declaration (perhaps a broken one).
    case header(Owner)
    /// A line of the open declaration's body that is not indented.
    case unindented(Owner)
    /// A body line with no declaration to belong to (reported as it is parsed).
    case stray
  }

  /// Decides what a line at column 0 is: `cadence` and `test` start declarations; a step or a
  /// setting inside an open cadence, or a test line inside an open test, is an unindented body
  /// line; any other word is a broken header, of the declaration it resembles.
  private mutating func declarationRole(of line: TokenLine, open owner: Owner) -> DeclarationRole {
    guard let first = line.tokens.first, first.kind == .word else { return .header(.cadence) }
    if first.text == "cadence" { return .header(.cadence) }
    if first.text == "test" { return .header(.test) }
    let isCadenceLine = Parser.bodyKeywords.contains(first.text) || OffsetSyntax.looksLikeOffset(first.text)
    if isCadenceLine && owner == .cadence { return .unindented(.cadence) }
    if Parser.testKeywords.contains(first.text) && owner == .test { return .unindented(.test) }
    if isCadenceLine {
      if !quietLines.contains(line.number) {
        diagnostics.append(
          .error(
            .unindentedLine, "`\(first.text)` must be indented under a `cadence` declaration", at: first.range,
            help: owner == .test
              ? "move the line into its cadence, indented by two spaces: here it follows a `test`"
              : "indent the line by two spaces"))
      }
      return .stray
    }
    return .header(Suggestions.closest(to: first.text, among: ["cadence", "test"]) == "test" ? .test : .cadence)
  }

  /// Whether the tokens after the cursor's hold a comparison or a field: a condition, not more
  /// arguments.
  static func conditionFollows(_ cursor: TokenCursor, in line: TokenLine) -> Bool {
    line.tokens[(cursor.index + 1)...].contains { token in
      token.kind == .comparison || (token.kind == .word && (token.text == "tagged" || token.text == "not"))
    }
  }

  /// The name a header meant when it is several bare words (`test sem aspas`): the words from
  /// `first` to the end of the line (a trailing comment aside) and their range, or `nil` when
  /// something else follows `first`.
  static func unquotedName(after first: Token, in line: TokenLine) -> (name: String, range: SourceRange)? {
    guard let index = line.tokens.firstIndex(where: { $0.range == first.range }), index + 1 < line.tokens.count
    else { return nil }
    let words = line.tokens[index...]
    guard words.allSatisfy({ $0.kind == .word }), let last = words.last else { return nil }
    return (words.map(\.text).joined(separator: " "), last.range)
  }

  /// A line's code as written: its text without indentation.
  static func code(of line: TokenLine) -> String {
    String(line.text.drop { $0 == " " || $0 == "\t" })
  }

  /// The error node of a line that did not parse.
  static func errorLine(_ line: TokenLine) -> ErrorLineSyntax {
    ErrorLineSyntax(text: code(of: line), indent: line.indent, range: line.range)
  }

  // MARK: Declarations

  private func parseDeclaration(_ line: TokenLine) throws(LineError) -> CadenceSyntax {
    var cursor = TokenCursor(line)
    let keyword = try cursor.expectWord("a declaration such as `cadence \"b2b-standard\"`")
    guard keyword.text == "cadence" else {
      if Parser.bodyKeywords.contains(keyword.text) || OffsetSyntax.looksLikeOffset(keyword.text) {
        throw LineError(
          diagnostic: .error(
            .unindentedLine, "`\(keyword.text)` must be indented under a `cadence` declaration", at: keyword.range,
            help: "indent the line by two spaces"))
      }
      let suggestion = Suggestions.closest(to: keyword.text, among: ["cadence", "test"])
      throw LineError(
        diagnostic: .error(
          .unknownDeclaration, "unknown declaration `\(keyword.text)`", at: keyword.range,
          help: suggestion.map { "did you mean `\($0)`?" }
            ?? "a rule file declares `cadence \"name\"` and `test \"name\"` blocks"))
    }
    guard let nameToken = cursor.next(), nameToken.kind == .string || nameToken.kind == .word else {
      throw cursor.error(.missingName, "`cadence` needs a name", help: "write `cadence \"b2b-standard\"`")
    }
    guard !nameToken.value.isEmpty else {
      throw LineError(
        diagnostic: .error(
          .missingName, "the cadence's name is empty", at: nameToken.range,
          help: "give it a name such as `\"b2b-standard\"`"))
    }
    try Parser.checkName(nameToken, "the cadence's name")
    var version: (value: Int, range: SourceRange)?
    if let word = cursor.peek(), word.isWord("version") {
      cursor.advance()
      version = try cursor.expectInteger("a version number, e.g. `version 3`")
    } else if let word = cursor.peek(), word.kind == .word,
      Habits.folded(word.text) == "versao" || Suggestions.closest(to: word.text, among: ["version"]) != nil
    {
      let number = cursor.peek(1).map(\.text) ?? "1"
      throw LineError(
        diagnostic: .error(
          .unexpectedToken, "unexpected `\(word.text)` after the cadence's name", at: word.range,
          help: "did you mean `version`? write `cadence \(SyntaxPrinter.quoted(nameToken.value)) version \(number)`"))
    } else if nameToken.kind == .word, let rest = Parser.unquotedName(after: nameToken, in: line) {
      throw LineError(
        diagnostic: .error(
          .unquotedName, "a name of several words must be quoted", at: nameToken.range.extended(to: rest.range),
          help: "write `cadence \(SyntaxPrinter.quoted(rest.name))`"))
    }
    try cursor.expectEnd("after the cadence's header")
    return CadenceSyntax(
      name: nameToken.value, nameRange: nameToken.range, version: version?.value, versionRange: version?.range,
      range: line.range, items: [])
  }

  static let bodyKeywords = ["timezone", "calendar", "catch", "stop", "pause", "limit"]

  private func parseBodyLine(_ line: TokenLine) throws(LineError) -> CadenceItemSyntax.Kind? {
    var cursor = TokenCursor(line)
    guard let first = cursor.peek() else { return nil }
    guard first.kind == .word else {
      throw cursor.error(
        .expectedStep, "expected a step or a setting", help: "a step starts with an offset such as `D+3`")
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
      let (days, daysRange) = try cursor.expectInteger("a number of days, e.g. `catch up 3 days`")
      try cursor.expectKeyword(
        "days", "write `catch up \(days) \(days == 1 ? "day" : "days")`", alternative: "day")
      try cursor.expectEnd("after `catch up \(days) days`")
      return .catchUp(days, line.range, numberRange: daysRange)
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
      let suggestion =
        Habits.setting(for: first.text)
        ?? Suggestions.closest(to: first.text, among: Parser.bodyKeywords + ["catch up"])
      // The line with the setting's word replaced, when the rest is there to keep.
      let rewritten = suggestion.map { word in
        ([word] + line.tokens.dropFirst().map { Habits.rewritten($0.text) }).joined(separator: " ")
      }
      throw LineError(
        diagnostic: .error(
          .expectedStep, "unknown setting `\(first.text)`", at: first.range,
          help: suggestion.flatMap { word in rewritten.map { "did you mean `\(word)`? write `\($0)`" } }
            ?? "a step starts with an offset such as `D+3`, `D0` or `I+14`"))
    }
  }

  private func parseLimit(_ cursor: inout TokenCursor, _ line: TokenLine) throws(LineError) -> LimitSyntax {
    cursor.advance()
    guard let channel = cursor.next(), channel.kind == .word else {
      throw cursor.error(
        .expectedChannel, "`limit` needs a channel or `any`", help: "write `limit call 1 per 7 days`")
    }
    try Parser.checkName(channel, "the channel")
    let (count, countRange) = try cursor.expectInteger("how many contacts, e.g. `limit call 1 per 7 days`")
    let channelName = Habits.action(for: channel.text).flatMap { $0.contains(" ") ? nil : $0 } ?? channel.text
    try cursor.expectKeyword("per", "write `limit \(channelName) \(count) per 7 days`")
    let (days, daysRange) = try cursor.expectInteger("a number of days, e.g. `per 7 days`")
    try cursor.expectKeyword("days", "write `per \(days) \(days == 1 ? "day" : "days")`", alternative: "day")
    try cursor.expectEnd("after the limit")
    return LimitSyntax(
      channel: channel.text, channelRange: channel.range, count: count, days: days,
      countRange: countRange, daysRange: daysRange, range: line.range)
  }

  // MARK: Steps

  private func parseStep(_ cursor: inout TokenCursor, _ line: TokenLine) throws(LineError) -> StepSyntax {
    let offsetToken = try cursor.expectWord("an offset")
    let offset = try OffsetSyntax.parse(offsetToken)
    guard let actionToken = cursor.next() else {
      throw cursor.error(
        .missingAction, "the step has no action", help: "add one, e.g. `\(offsetToken.text) email reminder`")
    }
    guard actionToken.kind == .word, let action = Parser.action(startingWith: actionToken.text) else {
      if actionToken.kind == .word, Habits.isDaysWord(actionToken.text) {
        let rest = line.tokens[(cursor.index)...].map(\.text)
        throw LineError(
          diagnostic: .error(
            .daysAfterOffset, "`\(actionToken.text)` after the offset", at: actionToken.range,
            help: "remove it: `\(offsetToken.text)` already counts days"
              + (rest.isEmpty ? "" : "; write `\(([offsetToken.text] + rest).joined(separator: " "))`")))
      }
      let portuguese = Habits.action(for: actionToken.value)
      let suggestion = portuguese ?? Suggestions.closest(to: actionToken.value, among: ActionKind.firstKeywords)
      throw LineError(
        diagnostic: .error(
          .unknownAction, "unknown action `\(actionToken.value)`", at: actionToken.range,
          help: suggestion.map {
            "did you mean `\($0)`?" + (portuguese == nil ? "" : " (actions are written in English)")
          }
            ?? "the actions are "
            + ActionKind.allCases.map { "`\($0.keywords.joined(separator: " "))`" }.joined(separator: ", ")))
    }
    var actionRange = actionToken.range
    for keyword in Parser.keywordsAfterTheFirst(of: action) {
      let whole = action.keywords.joined(separator: " ")
      guard let token = cursor.peek(), token.isWord(keyword) else {
        throw cursor.error(.incompleteAction, "expected `\(whole)`", help: "write `\(whole)`")
      }
      cursor.advance()
      actionRange = actionRange.extended(to: token.range)
    }
    var arguments: [ArgumentSyntax] = []
    if action == .notify {
      guard let channel = cursor.peek(), channel.kind == .word, !TokenCursor.isReserved(channel.text),
        channel.text.isChannelName
      else {
        if let channel = cursor.peek(), channel.kind == .word, channel.text.lowercased().isChannelName {
          throw LineError(
            diagnostic: .error(
              .badChannel, "channel names are lower-case", at: channel.range,
              help: "write `notify \(channel.text.lowercased())`"))
        }
        throw cursor.error(.missingChannel, "`notify` needs a channel", help: "write `notify slack \"template\"`")
      }
      try Parser.checkName(channel, "the channel")
      arguments.append(ArgumentSyntax(channel.text, range: channel.range, isQuoted: false))
      cursor.advance()
    }
    while let token = cursor.peek(), !(token.kind == .word && TokenCursor.isReserved(token.text)) {
      switch token.kind {
      case .string:
        arguments.append(ArgumentSyntax(token.value, range: token.range, isQuoted: true))
      case .word where token.text.isBareArgument:
        // `quando balance > 10`: Portuguese for `when`, where a condition follows.
        if Habits.mayBeOptionWord(token.text), let meant = Habits.keyword(for: token.text),
          meant == "when" || meant == "unless", Parser.conditionFollows(cursor, in: line)
        {
          throw LineError(
            diagnostic: .error(
              .unknownOption, "`\(token.text)` is not a step option", at: token.range,
              help: "write `\(meant)`: the step options are `when`, `unless` and `as`"))
        }
        arguments.append(ArgumentSyntax(token.text, range: token.range, isQuoted: false))
      default:
        let help =
          token.kind == .comparison
          ? "a condition starts with `when`, e.g. `when balance >= 500`" : "quote the argument: `\"\(token.value)\"`"
        throw LineError(
          diagnostic: .error(
            .unexpectedToken, "unexpected `\(token.text)` in the arguments of `\(action)`", at: token.range,
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
              .duplicateOption, "the step has two `\(option.text)` conditions", at: option.range,
              help: "combine them into one with `and`"))
        }
        var expressionParser = ExpressionParser(cursor: cursor)
        let expression = try expressionParser.parseExpression()
        cursor = expressionParser.cursor
        if option.text == "when" { step.when = expression } else { step.unless = expression }
      case "as":
        if step.explicitID != nil {
          throw LineError(
            diagnostic: .error(.duplicateOption, "the step has two ids", at: option.range, help: "keep one `as`"))
        }
        guard let id = cursor.next(), id.kind == .word || id.kind == .string else {
          throw cursor.error(.missingId, "`as` needs a step id", help: "write `as d+14-first-call`")
        }
        try Parser.checkName(id, "the step id")
        step.explicitID = ArgumentSyntax(id.value, range: id.range, isQuoted: id.kind == .string)
      default:
        throw LineError(
          diagnostic: .error(
            .unexpectedToken, "unexpected `\(option.text)` after the step", at: option.range,
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
