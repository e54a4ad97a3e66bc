/// Parses an expression from the current position of a line to the next `as`, `when`,
/// `unless` or the end of the line.
///
/// ```
/// or         := and ("or" and)*
/// and        := not ("and" not)*
/// not        := "not" not | comparison
/// comparison := primary (("==" | "!=" | "<" | "<=" | ">" | ">=") primary | "in" list)?
/// primary    := "(" or ")" | number [currency] | string | "true" | "false"
///             | "tagged" (string | word) | name
/// list       := "[" [primary ("," primary)*] "]"
/// ```
struct ExpressionParser {
  var cursor: TokenCursor
  private var depth = 0

  init(cursor: TokenCursor) {
    self.cursor = cursor
  }

  mutating func parseExpression() throws(Parser.LineError) -> ExpressionSyntax {
    guard let first = cursor.peek(), !isTerminator(first) else {
      throw cursor.error(.missingCondition, "expected a condition", help: "e.g. `balance >= 500.00`")
    }
    return try parseOr()
  }

  private func isTerminator(_ token: Token) -> Bool {
    token.kind == .word && TokenCursor.isReserved(token.text)
  }

  private mutating func parseOr() throws(Parser.LineError) -> ExpressionSyntax {
    var left = try parseAnd()
    while let token = cursor.peek(), token.isWord("or") {
      cursor.advance()
      left = .or(left, try parseAnd())
    }
    // `e`, `ou`: Portuguese for `and`, `or`, where only an operator can stand.
    if let token = cursor.peek(), token.kind == .word, let meant = Habits.operatorWord(for: token.text),
      meant != "not"
    {
      throw Parser.LineError(
        diagnostic: .error(
          .unknownOperator, "`\(token.text)` is not an operator", at: token.range, help: "write `\(meant)`"))
    }
    return left
  }

  private mutating func parseAnd() throws(Parser.LineError) -> ExpressionSyntax {
    var left = try parseNot()
    while let token = cursor.peek(), token.isWord("and") {
      cursor.advance()
      left = .and(left, try parseNot())
    }
    return left
  }

  private mutating func parseNot() throws(Parser.LineError) -> ExpressionSyntax {
    if let token = cursor.peek(), token.isWord("not") {
      cursor.advance()
      try enter(token)
      defer { depth -= 1 }
      let operand = try parseNot()
      return .not(operand, token.range.extended(to: operand.range))
    }
    return try parseComparison()
  }

  private mutating func parseComparison() throws(Parser.LineError) -> ExpressionSyntax {
    let left = try parsePrimary()
    guard let token = cursor.peek() else { return left }
    if token.kind == .comparison {
      guard let op = ComparisonOperator(rawValue: token.text) else {
        throw Parser.LineError(
          diagnostic: .error(
            .singleEquals, "`=` is not a comparison", at: token.range, help: "to compare, write `==`"))
      }
      cursor.advance()
      let right = try parsePrimary()
      if let next = cursor.peek(), next.kind == .comparison {
        throw Parser.LineError(
          diagnostic: .error(
            .chainedComparison, "comparisons cannot be chained", at: next.range,
            help: "join two comparisons with `and`, e.g. `a >= 1 and a <= 9`"))
      }
      return .comparison(left, op, right, token.range)
    }
    if token.isWord("in") {
      cursor.advance()
      return try parseList(after: left)
    }
    return left
  }

  private mutating func parseList(after left: ExpressionSyntax) throws(Parser.LineError) -> ExpressionSyntax {
    guard let open = cursor.peek(), open.kind == .leftBracket else {
      throw cursor.error(.expectedList, "expected a list after `in`", help: "write `in [\"smb\", \"mid\"]`")
    }
    cursor.advance()
    try enter(open)
    defer { depth -= 1 }
    var elements: [ExpressionSyntax] = []
    while true {
      guard let token = cursor.peek() else {
        throw cursor.error(.unclosedList, "the list is not closed", help: "add `]`")
      }
      if token.kind == .rightBracket, elements.isEmpty {
        cursor.advance()
        return .membership(left, elements, open.range.extended(to: token.range))
      }
      elements.append(try parsePrimary())
      guard let separator = cursor.next() else {
        throw cursor.error(.unclosedList, "the list is not closed", help: "add `]`")
      }
      if separator.kind == .rightBracket {
        return .membership(left, elements, open.range.extended(to: separator.range))
      }
      guard separator.kind == .comma else {
        throw Parser.LineError(
          diagnostic: .error(
            .expectedComma, "expected `,` or `]` in the list", at: separator.range, help: "separate items with `,`"))
      }
      if elements.count >= Bounds.listItems {
        throw Parser.LineError(
          diagnostic: .error(
            .listTooLong, "the list has more than \(Bounds.listItems) items", at: separator.range,
            help: "use a tag instead"))
      }
    }
  }

  private mutating func parsePrimary() throws(Parser.LineError) -> ExpressionSyntax {
    guard let token = cursor.peek(), !isTerminator(token) else {
      throw cursor.error(
        .missingOperand, "expected a value or a field", help: "e.g. `balance`, `500.00` or `\"smb\"`")
    }
    cursor.advance()
    switch token.kind {
    case .string:
      try Parser.checkName(token, "the string")
      return .string(token.value, token.range)
    case .leftParen:
      try enter(token)
      defer { depth -= 1 }
      let inner = try parseOr()
      guard let close = cursor.next(), close.kind == .rightParen else {
        throw Parser.LineError(
          diagnostic: .error(.unclosedParen, "this `(` is not closed", at: token.range, help: "add `)`"))
      }
      return .parenthesized(inner, token.range.extended(to: close.range))
    case .word:
      return try parseWord(token)
    default:
      throw Parser.LineError(
        diagnostic: .error(
          .unexpectedToken, "unexpected `\(token.text)`", at: token.range, help: "expected a value or a field"))
    }
  }

  private mutating func parseWord(_ token: Token) throws(Parser.LineError) -> ExpressionSyntax {
    switch token.text {
    case "true": return .boolean(true, token.range)
    case "false": return .boolean(false, token.range)
    case "tagged":
      guard let tag = cursor.peek(), tag.kind == .string || (tag.kind == .word && !isTerminator(tag)) else {
        throw cursor.error(.missingTag, "`tagged` needs a tag", help: "write `tagged \"vip\"`")
      }
      cursor.advance()
      try Parser.checkName(tag, "the tag")
      return .tagged(tag.value, token.range.extended(to: tag.range))
    case "and", "or", "in":
      throw Parser.LineError(
        diagnostic: .error(.missingOperand, "expected a value before `\(token.text)`", at: token.range))
    default:
      break
    }
    if token.text.isNumberLiteral {
      if let next = cursor.peek(), next.kind == .word, next.text.count == 3,
        next.text.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) })
      {
        cursor.advance()
        return .money(token.text, currency: next.text, token.range.extended(to: next.range))
      }
      // (`and`, which often follows a number, is not looked up.)
      if let next = cursor.peek(), next.kind == .word, next.text.utf8.count == 3, next.text != "and",
        Currency(next.text.uppercased()) != nil
      {
        throw Parser.LineError(
          diagnostic: .error(
            .lowerCaseCurrency, "currency codes are upper-case", at: next.range,
            help: "write `\(token.text) \(next.text.uppercased())`"))
      }
      return .number(token.text, token.range)
    }
    if Habits.operatorWord(for: token.text) == "not" {
      throw Parser.LineError(
        diagnostic: .error(
          .unknownOperator, "`\(token.text)` is not an operator", at: token.range, help: "write `not`"))
    }
    if let first = token.text.utf8.first,
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: "-")
    {
      // `1.00BRL`: an amount and its currency without the space between them.
      let amount = String(token.text.dropLast(3))
      let code = String(token.text.suffix(3))
      let help =
        amount.isNumberLiteral && Currency(code.uppercased()) != nil
        ? "write `\(amount) \(code.uppercased())`" : "write numbers like `500` or `500.00`"
      throw Parser.LineError(
        diagnostic: .error(.badNumber, "`\(token.text)` is not a number", at: token.range, help: help))
    }
    try Parser.checkName(token, "the name")
    return .name(token.text, token.range)
  }

  private mutating func enter(_ token: Token) throws(Parser.LineError) {
    depth += 1
    if depth > Parser.maximumExpressionDepth {
      throw Parser.LineError(
        diagnostic: .error(
          .tooDeep, "the condition is nested more than \(Parser.maximumExpressionDepth) levels deep", at: token.range,
          help: "simplify it"))
    }
  }
}

extension String {
  /// `-?[0-9]+(\.[0-9]+)?`
  var isNumberLiteral: Bool {
    var bytes = Substring(self).utf8[...]
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
    guard let integer = parts.first, !integer.isEmpty else { return false }
    let isDigits = { (part: Substring.UTF8View.SubSequence) in
      part.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
    return isDigits(integer) && (parts.count == 1 || (!parts[1].isEmpty && isDigits(parts[1])))
  }
}
