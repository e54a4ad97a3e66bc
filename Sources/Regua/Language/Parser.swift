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
  var literalLines: Set<Int> = []
  /// What has been counted so far against the bounds of a file and of its open cadence.
  var counts = BodyCounts()

  /// Reports a line's error, unless the lexer already reported the line.
  mutating func report(_ error: LineError, on line: TokenLine) {
    if !quietLines.contains(line.number) { diagnostics.append(error.diagnostic) }
  }

  /// Parses every line, in time proportional to their number and length.
  ///
  /// Each line at column 0 that starts a declaration opens it, with the parser of its kind
  /// (``declarationKinds``), and every line after it up to the next declaration goes to that
  /// parser. Recovery is by line: a line that does not parse becomes an error node where it is,
  /// and the lines after it are read as if it had parsed. A declaration whose header is broken
  /// still opens its block (the body's errors are reported; the block is never compiled), and a
  /// body line written at column 0 inside a block is reported and read as part of it, so no
  /// mistake hides the ones after it.
  mutating func parse(_ lines: [TokenLine]) -> RuleFileSyntax {
    var file = RuleFileSyntax()
    let kinds = Parser.declarationKinds.map { $0.init() }
    var open: (any DeclarationParser)?
    var reportedOrphanBody = false
    var pending: [TriviaPiece] = []
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
      var owner = open
      if !line.isIndented {
        switch declarationRole(of: line, open: open, kinds: kinds) {
        case .header(let kind):
          if let closed = open?.close() { file.declarations.append(closed) }
          open = kind
          do throws(LineError) {
            if try !kind.open(line, trivia: trivia, in: &self) {
              open = nil
              reportedOrphanBody = true
            }
          } catch {
            report(error, on: line)
            kind.openBroken(line, trivia: trivia)
          }
          continue
        case .unknown(let kind, let keyword):
          if let closed = open?.close() { file.declarations.append(closed) }
          open = kind
          let suggestion = Suggestions.closest(to: keyword.text, among: Parser.declarationKeywords)
          report(
            LineError(
              diagnostic: .error(
                .unknownDeclaration, "unknown declaration `\(keyword.text)`", at: keyword.range,
                help: suggestion.map { "did you mean `\($0)`?" }
                  ?? "a rule file declares "
                  + Parser.declarationKeywords.map { "`\($0) \"name\"`" }.dropLast().joined(separator: ", ")
                  + " and `\(Parser.declarationKeywords.last ?? "cadence") \"name\"` blocks")),
            on: line)
          kind.openBroken(line, trivia: trivia)
          continue
        case .unindented(let kind):
          report(
            LineError(
              diagnostic: .error(
                .unindentedLine,
                "`\(line.tokens[0].text)` must be indented under a `\(type(of: kind).keyword)` declaration",
                at: line.tokens[0].range, help: "indent the line by two spaces")), on: line)
        case .stray:
          owner = nil
        }
      }
      if let owner {
        index += owner.read(line, trivia: trivia, following: lines[index...], in: &self)
        continue
      }
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
    if let closed = open?.close() { file.declarations.append(closed) }
    file.endTrivia = pending
    return file
  }

  /// What a line at column 0 is.
  private enum DeclarationRole {
    /// The header of a new declaration (perhaps a broken one), read by its kind's parser.
    case header(any DeclarationParser)
    /// A word no declaration starts with: a broken header of the kind it resembles most.
    case unknown(any DeclarationParser, Token)
    /// A line of the open declaration's body that is not indented.
    case unindented(any DeclarationParser)
    /// A body line with no declaration to belong to (reported here).
    case stray
  }

  /// Decides what a line at column 0 is: a declaration's keyword starts one; a body line of the
  /// open declaration's kind is an unindented body line; a cadence's body line elsewhere is a
  /// stray; any other word is a broken header, of the declaration it resembles.
  private mutating func declarationRole(
    of line: TokenLine, open: (any DeclarationParser)?, kinds: [any DeclarationParser]
  ) -> DeclarationRole {
    guard let first = line.tokens.first, first.kind == .word else { return .header(kinds[0]) }
    if let kind = kinds.first(where: { type(of: $0).keyword == first.text }), type(of: kind).isHeader(line, after: open)
    {
      return .header(kind)
    }
    if let open, type(of: open).startsBodyLine(first.text) { return .unindented(open) }
    if let stray = kinds.first(where: { type(of: $0).reportsStrayBodyLines && type(of: $0).startsBodyLine(first.text) })
    {
      let keyword = type(of: stray).keyword
      if !quietLines.contains(line.number) {
        diagnostics.append(
          .error(
            .unindentedLine, "`\(first.text)` must be indented under a `\(keyword)` declaration", at: first.range,
            help: open.map {
              "move the line into its \(keyword), indented by two spaces: here it follows a `\(type(of: $0).keyword)`"
            } ?? "indent the line by two spaces"))
      }
      return .stray
    }
    let closest = Suggestions.closest(to: first.text, among: Parser.declarationKeywords)
    return .unknown(kinds.first { type(of: $0).keyword == closest } ?? kinds[0], first)
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

  /// Reads a declaration header's keyword and name: `cadence "b2b-standard"`, `calendar "BR-SP"`.
  /// The line starts with the keyword (``Parser/parse(_:)`` decides), or with no word at all.
  ///
  /// - Parameters:
  ///   - keyword: The declaration's keyword, `cadence`.
  ///   - example: A name to suggest, `b2b-standard`.
  ///   - header: The whole header to suggest, `cadence "b2b-standard"`.
  static func declarationName(
    _ cursor: inout TokenCursor, keyword: String, example: String, header: String
  ) throws(LineError) -> Token {
    _ = try cursor.expectWord("a declaration such as `\(header)`")
    guard let nameToken = cursor.next(), nameToken.kind == .string || nameToken.kind == .word else {
      throw cursor.error(.missingName, "`\(keyword)` needs a name", help: "write `\(header)`")
    }
    guard !nameToken.value.isEmpty else {
      throw LineError(
        diagnostic: .error(
          .missingName, "the \(keyword)'s name is empty", at: nameToken.range,
          help: "give it a name such as `\"\(example)\"`"))
    }
    try Parser.checkName(nameToken, "the \(keyword)'s name")
    return nameToken
  }

  func parseDeclaration(_ line: TokenLine) throws(LineError) -> CadenceSyntax {
    var cursor = TokenCursor(line)
    let nameToken = try Parser.declarationName(
      &cursor, keyword: "cadence", example: "b2b-standard", header: "cadence \"b2b-standard\"")
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

  static let bodyKeywords = [
    "timezone", "calendar", "holiday", "workday", "catch", "stop", "pause", "limit", "window", "cap", "group",
    "after", "include",
  ]

  func parseBodyLine(_ line: TokenLine) throws(LineError) -> CadenceItemSyntax.Kind? {
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
    case "group":
      cursor.advance()
      try cursor.expectKeyword("by", "write `group by invoice`")
      try cursor.expectKeyword(
        "invoice", "write `group by invoice`: contacts merge per customer unless grouped by invoice")
      try cursor.expectEnd("after `group by invoice`")
      return .groupByInvoice(line.range)
    case "include":
      cursor.advance()
      let name = try cursor.expectValue("a pack's name, e.g. `include \"us-reg-f\"`")
      try Parser.checkName(name, "the pack's name")
      try cursor.expectEnd("after the pack's name")
      return .include(name.value, nameRange: name.range, range: line.range)
    case "after":
      cursor.advance()
      try cursor.expectKeyword("conversation", "write `after conversation wait 7 days`")
      try cursor.expectKeyword("wait", "write `after conversation wait 7 days`")
      let (days, daysRange) = try cursor.expectInteger("a number of days, e.g. `after conversation wait 7 days`")
      try cursor.expectKeyword(
        "days", "write `after conversation wait \(days) \(days == 1 ? "day" : "days")`", alternative: "day")
      var channel: String?
      var channelRange = line.range
      if let word = cursor.peek(), word.isWord("for") {
        cursor.advance()
        let name = try cursor.expectWord("a channel, e.g. `after conversation wait 7 days for call`")
        guard name.text.isChannelName else {
          throw LineError(
            diagnostic: .error(
              .badChannel, "`\(name.text)` is not a channel name", at: name.range,
              help: "write a channel such as `call`, in lower case"))
        }
        channel = name.text
        channelRange = name.range
      }
      try cursor.expectEnd("after `after conversation wait \(days) days`")
      return .conversationWait(
        ConversationWaitSyntax(
          days: days, daysRange: daysRange, channel: channel, channelRange: channelRange, range: line.range))
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
    case "window":
      return .window(try parseWindow(&cursor, line))
    case "cap":
      cursor.advance()
      guard let kind = cursor.peek(), kind.kind == .word, kind.text == "fee" || kind.text == "interest" else {
        // `cap multa 2%`, `cap juros 1%`: the Portuguese words for what is capped.
        let meant = ["multa": "cap fee 2%", "juros": "cap interest 1% per month"][cursor.peek()?.text ?? ""]
        throw cursor.error(
          .badCharge, "`cap` caps `fee` or `interest`",
          help: meant.map { "write `\($0)`" } ?? "write `cap fee 2%` or `cap interest 1% per month`")
      }
      cursor.advance()
      var words: [ArgumentSyntax] = []
      while let token = cursor.next() {
        guard token.kind == .word || token.kind == .string else {
          throw LineError(
            diagnostic: .error(
              .badCharge, "unexpected `\(token.text)` in a cap", at: token.range,
              help: kind.text == "fee" ? "write `cap fee 2%`" : "write `cap interest 1% per month`"))
        }
        words.append(ArgumentSyntax(token.value, range: token.range, isQuoted: token.kind == .string))
      }
      return .cap(CapSyntax(kind: kind.text, kindRange: kind.range, words: words, range: line.range))
    case "holiday":
      cursor.advance()
      let (date, dateRange) = try parseDay(&cursor, example: "holiday 2026-11-20 \"Consciência Negra\"")
      guard let name = cursor.next(), name.kind == .string || name.kind == .word, !name.value.isEmpty else {
        throw cursor.error(.missingName, "`holiday` needs a name", help: "write `holiday \(date) \"name\"`")
      }
      try Parser.checkName(name, "the holiday's name")
      try cursor.expectEnd("after the holiday's name")
      return .holiday(HolidaySyntax(date: date, dateRange: dateRange, name: name.value, range: line.range))
    case "workday":
      cursor.advance()
      let (date, dateRange) = try parseDay(&cursor, example: "workday 2026-06-06")
      try cursor.expectEnd("after the date")
      return .workday(date, dateRange: dateRange, range: line.range)
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

  /// A calendar day, `YYYY-MM-DD`, for `holiday` and `workday`.
  private func parseDay(_ cursor: inout TokenCursor, example: String) throws(LineError) -> (CivilDate, SourceRange) {
    guard let token = cursor.next(), token.kind == .word else {
      throw cursor.error(.expectedDate, "expected a date", help: "write `\(example)`")
    }
    return (try Parser.civilDate(token, help: "write the day as `YYYY-MM-DD`, e.g. `\(example)`"), token.range)
  }

  /// The date a `YYYY-MM-DD` word names, or a `bad-date` error at it with `help`.
  static func civilDate(_ token: Token, help: String) throws(LineError) -> CivilDate {
    do throws(CivilDateError) {
      return try CivilDate(parsing: token.text)
    } catch {
      let message =
        switch error {
        case .noSuchDay: error.description
        default: "`\(SafeText.excerpt(token.text))` is not a date"
        }
      throw LineError(diagnostic: .error(.badDate, message, at: token.range, help: help))
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
    var offset = try OffsetSyntax.parse(offsetToken)
    if let word = cursor.peek(), word.isWord("business") {
      cursor.advance()
      guard let unit = cursor.next(), unit.isWord("days") || unit.isWord("day") else {
        throw cursor.error(
          .expectedKeyword, "expected `business days`",
          help: "write `\(offsetToken.text) business days` followed by the action")
      }
      offset.unit = .businessDays
      offset.range = offset.range.extended(to: unit.range)
    }
    guard let actionToken = cursor.next() else {
      throw cursor.error(
        .missingAction, "the step has no action", help: "add one, e.g. `\(offsetToken.text) email reminder`")
    }
    guard actionToken.kind == .word, let action = Parser.action(startingWith: actionToken.text) else {
      if actionToken.kind == .word, Habits.isDaysWord(actionToken.text),
        let next = cursor.peek(), next.kind == .word, Habits.isBusinessWord(next.text)
      {
        // `D+7 dias úteis sms x`: business days, in Portuguese.
        let rest = line.tokens[(cursor.index + 1)...].map(\.text)
        throw LineError(
          diagnostic: .error(
            .daysAfterOffset, "`\(actionToken.text) \(next.text)` after the offset",
            at: actionToken.range.extended(to: next.range),
            help:
              Habits.businessDaysHelp(offset: offsetToken.text, rest: rest)))
      }
      if actionToken.kind == .word, Habits.isDaysWord(actionToken.text) {
        let rest = line.tokens[(cursor.index)...].map(\.text)
        throw LineError(
          diagnostic: .error(
            .daysAfterOffset, "`\(actionToken.text)` after the offset", at: actionToken.range,
            help: "remove it: `\(offsetToken.text)` already counts days"
              + (rest.isEmpty ? "" : "; write `\(([offsetToken.text] + rest).joined(separator: " "))`")))
      }
      let portuguese = Habits.action(for: actionToken.value)
      if let portuguese, let kind = ActionKind.startingWith(portuguese), kind.isCharge {
        // `multa`, `juros`, `desconto`: the whole typed line, which checks clean.
        let rest = line.tokens[(cursor.index)...].map(\.text)
        throw LineError(
          diagnostic: .error(
            .unknownAction, "unknown action `\(actionToken.value)`", at: actionToken.range,
            help: "write `\(([offsetToken.text] + Habits.typedCharge(kind, rest)).joined(separator: " "))` "
              + "(actions are written in English)"))
      }
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
    while let token = cursor.peek(), !(token.kind == .word && TokenCursor.isReserved(token.text)), !cursor.isAtAnyDay,
      !cursor.isAtFallback
    {
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
      case "any" where option.kind == .word:
        guard let day = cursor.next(), day.isWord("day") else {
          throw LineError(
            diagnostic: .error(
              .unexpectedToken, "unexpected `any` after the step", at: option.range,
              help: "write `any day` to keep the step on its day when that is not a business day"))
        }
        if step.anyDay != nil {
          throw LineError(
            diagnostic: .error(.duplicateOption, "the step has `any day` twice", at: option.range, help: "keep one"))
        }
        step.anyDay = option.range.extended(to: day.range)
      case "fallback" where option.kind == .word:
        if !step.fallbacks.isEmpty {
          throw LineError(
            diagnostic: .error(
              .duplicateOption, "the step has two `fallback` options", at: option.range,
              help: "list the channels in one: `fallback whatsapp, email`"))
        }
        step.fallbacks = try Parser.fallbackChannels(&cursor, after: option)
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
            help:
              "the step options are `when <condition>`, `unless <condition>`, `any day`, `fallback <channel>` and "
              + "`as <id>`"))
      }
    }
    return step
  }
}

extension Parser {
  /// The channels after `fallback`: one (`email`, `notify push`), or several in brackets
  /// (`[whatsapp, email]`).
  static func fallbackChannels(_ cursor: inout TokenCursor, after option: Token) throws(LineError) -> [ArgumentSyntax] {
    let listed = cursor.peek()?.kind == .leftBracket
    if listed { cursor.advance() }
    var channels: [ArgumentSyntax] = []
    while true {
      guard let word = cursor.next(), word.kind == .word else {
        throw cursor.error(
          .missingChannel, "`fallback` needs a channel",
          help: "write `fallback email`, `fallback notify push` for a host channel, or `fallback [whatsapp, email]`")
      }
      var channel = ArgumentSyntax(word.text, range: word.range, isQuoted: false)
      if word.text == "notify" {
        guard let name = cursor.next(), name.kind == .word, !TokenCursor.isReserved(name.text), name.text.isChannelName
        else {
          throw cursor.error(
            .missingChannel, "`fallback notify` needs a host channel", help: "write `fallback notify push`")
        }
        try Parser.checkName(name, "the channel")
        channel = ArgumentSyntax(name.text, range: word.range.extended(to: name.range), isQuoted: false)
      } else if Channel(builtIn: word.text) == nil {
        throw LineError(
          diagnostic: .error(
            .badChannel, "`\(word.text)` is not a channel", at: word.range,
            help: "fall back on `email`, `sms`, `whatsapp`, `call`, `letter`, or `notify NAME` for a host channel; "
              + "a template argument spelled `fallback` is quoted: `\"fallback\"`"))
      }
      channels.append(channel)
      guard listed else { return channels }
      guard let next = cursor.next(), next.kind == .comma || next.kind == .rightBracket else {
        throw cursor.error(
          .unexpectedToken, "expected `,` or `]` in the `fallback` list", help: "write `fallback [whatsapp, email]`")
      }
      if next.kind == .rightBracket { return channels }
    }
  }

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
  /// `[A-Za-z0-9_.%+-]+`: a word that may stand as an argument without quotes (`2%`, `D+10`).
  var isBareArgument: Bool {
    !isEmpty
      && utf8.allSatisfy { byte in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "%"),
          UInt8(ascii: "-"), UInt8(ascii: "+"):
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
