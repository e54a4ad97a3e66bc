import Foundation

/// Resolves names and checks types in condition syntax, producing a typed ``Expression``.
struct TypeChecker {
  private(set) var diagnostics: [Diagnostic] = []

  /// A checked operand: its expression and type, or an untyped number waiting for the other side.
  private enum Operand {
    case typed(Expression, ValueType)
    case number(String, SourceRange)
  }

  /// Checks a condition: a boolean expression.
  mutating func checkCondition(_ syntax: ExpressionSyntax) -> Condition? {
    guard let operand = check(syntax) else { return nil }
    switch operand {
    case .typed(let expression, .boolean):
      return Condition(expression)
    case .typed(_, let type):
      fail(
        .notACondition, "a condition must be true or false, but this is \(type.phrase)", syntax.range,
        help: hint(for: type))
    case .number:
      fail(
        .notACondition, "a condition must be true or false, but this is a number", syntax.range,
        help: hint(for: .money))
    }
    return nil
  }

  private func hint(for type: ValueType) -> String {
    switch type {
    case .money: return "compare it, e.g. `balance >= 500.00`"
    case .integer: return "compare it, e.g. `days-overdue > 30`"
    case .text: return "compare it, e.g. `customer.segment == \"smb\"`"
    case .boolean: return "write a comparison"
    }
  }

  private mutating func fail(_ code: DiagnosticCode, _ message: String, _ range: SourceRange, help: String? = nil) {
    diagnostics.append(.error(code, message, at: range, help: help))
  }

  private mutating func check(_ syntax: ExpressionSyntax) -> Operand? {
    switch syntax {
    case .name(let name, let range):
      guard let field = Field(rawValue: name) else {
        let suggestion = Habits.field(for: name) ?? Suggestions.closest(to: name, among: Field.names)
        let help =
          suggestion.map { "did you mean `\($0)`?" }
          ?? "the fields are " + Field.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
          + ", and `tagged \"x\"`"
        fail(.unknownName, "unknown name `\(name)`", range, help: help)
        return nil
      }
      return .typed(.field(field), field.type)
    case .number(let text, let range):
      return .number(text, range)
    case .money(let text, let code, let range):
      guard let literal = moneyLiteral(text, code, range) else { return nil }
      return .typed(.literal(literal), .money)
    case .string(let value, _):
      return .typed(.literal(.text(value)), .text)
    case .boolean(let value, _):
      return .typed(.literal(.boolean(value)), .boolean)
    case .tagged(let tag, _):
      return .typed(.tagged(tag), .boolean)
    case .parenthesized(let inner, _):
      return check(inner)
    case .not(let inner, _):
      guard let operand = checkBoolean(inner, "`not`") else { return nil }
      return .typed(.not(operand), .boolean)
    case .and(let a, let b), .or(let a, let b):
      let word: String
      if case .and = syntax { word = "`and`" } else { word = "`or`" }
      let left = checkBoolean(a, word)
      let right = checkBoolean(b, word)
      guard let left, let right else { return nil }
      if case .and = syntax { return .typed(.and(left, right), .boolean) }
      return .typed(.or(left, right), .boolean)
    case .comparison(let a, let op, let b, let opRange):
      return checkComparison(a, op, b, opRange)
    case .membership(let a, let list, let listRange):
      return checkMembership(a, list, listRange)
    }
  }

  private mutating func checkBoolean(_ syntax: ExpressionSyntax, _ context: String) -> Expression? {
    guard let operand = check(syntax) else { return nil }
    if case .typed(let expression, .boolean) = operand { return expression }
    let type: String
    if case .typed(_, let other) = operand { type = other.phrase } else { type = "a number" }
    fail(
      .typeMismatch, "\(context) needs true or false, but this is \(type)", syntax.range,
      help: "write a comparison here")
    return nil
  }

  private mutating func moneyLiteral(_ text: String, _ code: String, _ range: SourceRange) -> Literal? {
    guard let currency = Currency(code) else {
      fail(
        .unknownCurrency, "`\(code)` is not a currency code", range,
        help: Suggestions.closest(to: code, among: Currency.allCodes).map { "did you mean `\($0)`?" }
          ?? "use an ISO-4217 code such as `BRL`")
      return nil
    }
    guard let decimal = try? ExactDecimal(parsing: text) else {
      fail(.badNumber, "`\(SafeText.excerpt(text))` is too large", range, help: "amounts are limited to 18 digits")
      return nil
    }
    guard decimal.scale <= currency.minorUnits else {
      let thousands = text.replacingOccurrences(of: ".", with: "")
      fail(
        .tooManyDecimals, "`\(text)` has more decimals than \(code) allows", range,
        help: Habits.looksLikeThousands(text)
          ? "the point is a decimal point: for \(thousands), write `\(thousands).00 \(code)`"
          : "\(code) has \(currency.minorUnits) decimal\(currency.minorUnits == 1 ? "" : "s")")
      return nil
    }
    return .money(decimal, currency)
  }

  /// Types a literal number against the type of the other side.
  private mutating func numberLiteral(_ text: String, _ range: SourceRange, as type: ValueType, other: String)
    -> Literal?
  {
    switch type {
    case .money:
      guard let decimal = try? ExactDecimal(parsing: text) else {
        fail(.badNumber, "`\(SafeText.excerpt(text))` is too large", range, help: "amounts are limited to 18 digits")
        return nil
      }
      return .amount(decimal)
    case .integer:
      guard !text.contains(".") else {
        fail(
          .typeMismatch,
          "`\(other)` is a whole number\(other.hasPrefix("account.") && !other.hasSuffix("days-overdue") ? "" : " of days"), "
            + "but `\(SafeText.excerpt(text))` is not", range,
          help: "write a whole number such as `30`")
        return nil
      }
      // A whole number: too large for `Int`, or past the bound.
      guard let value = Int(text), value.magnitude <= Bounds.conditionDays else {
        fail(
          .outOfRange, "`\(SafeText.excerpt(text))` is out of range", range,
          help: "compare `\(other)` with a whole number from -\(Bounds.conditionDays) to \(Bounds.conditionDays)")
        return nil
      }
      return .integer(value)
    case .text:
      fail(.typeMismatch, "`\(other)` is text, but `\(text)` is a number", range, help: "quote it: `\"\(text)\"`")
      return nil
    case .boolean:
      fail(
        .typeMismatch, "`\(other)` is true or false, but `\(text)` is a number", range,
        help: "write `true` or `false`")
      return nil
    }
  }

  /// The word and its range when `field` is a text field and `value` a bare word that names no
  /// field: text without its quotes.
  private static func unquotedText(_ field: ExpressionSyntax, _ value: ExpressionSyntax) -> (String, SourceRange)? {
    guard case .name(let word, let range) = value, case .name(let fieldName, _) = field,
      Field(rawValue: fieldName)?.type == .text, Field(rawValue: word) == nil, Habits.field(for: word) == nil
    else { return nil }
    return (word, range)
  }

  private mutating func checkComparison(
    _ a: ExpressionSyntax, _ op: ComparisonOperator, _ b: ExpressionSyntax, _ opRange: SourceRange
  ) -> Operand? {
    // `customer.segment == smb`: a bare word compared with text is text that lacks its quotes.
    if let (word, range) = Self.unquotedText(a, b) ?? Self.unquotedText(b, a) {
      fail(.unknownName, "unknown name `\(word)`", range, help: "to compare with text, quote it: `\"\(word)\"`")
      return nil
    }
    guard let left = check(a), let right = check(b) else { return nil }
    let leftExpression: Expression
    let rightExpression: Expression
    let type: ValueType
    switch (left, right) {
    case (.number, .number):
      fail(
        .constantComparison, "this compares two numbers, so it never changes", opRange,
        help: "compare a field with a value, e.g. `balance >= 500.00`")
      return nil
    case (.typed(let l, let t), .number(let text, let range)):
      guard let literal = numberLiteral(text, range, as: t, other: ExpressionPrinter.print(l)) else { return nil }
      (leftExpression, rightExpression, type) = (l, .literal(literal), t)
    case (.number(let text, let range), .typed(let r, let t)):
      guard let literal = numberLiteral(text, range, as: t, other: ExpressionPrinter.print(r)) else { return nil }
      (leftExpression, rightExpression, type) = (.literal(literal), r, t)
    case (.typed(let l, let lt), .typed(let r, let rt)):
      guard lt == rt else {
        fail(
          .typeMismatch,
          "cannot compare `\(ExpressionPrinter.print(l))` (\(lt.phrase)) with `\(ExpressionPrinter.print(r))` (\(rt.phrase))",
          a.range.extended(to: b.range), help: mismatchHelp(lt, rt))
        return nil
      }
      (leftExpression, rightExpression, type) = (l, r, lt)
    }
    if let problem = Self.accountComparisonProblem(leftExpression, rightExpression) {
      fail(
        .typeMismatch, problem, a.range.extended(to: b.range),
        help: "compare an account field with a value, e.g. `account.overdue-balance >= 1000.00` or "
          + "`account.overdue-invoices > 2`; an amount may also compare with `amount` (`account.balance > amount`)")
      return nil
    }
    if op.isOrdering, type == .text || type == .boolean {
      fail(
        .typeMismatch, "`\(op.rawValue)` cannot order \(type.phrase)", opRange,
        help: "compare \(type.phrase) with `==`, `!=` or `in [...]`")
      return nil
    }
    return .typed(.comparison(leftExpression, op, rightExpression), .boolean)
  }

  /// Why a comparison of an account field is not allowed, or `nil`: an account field compares
  /// with a literal, the same field, or (an amount) the invoice's `amount` — the values the
  /// engine can find the next day of exactly.
  private static func accountComparisonProblem(_ a: Expression, _ b: Expression) -> String? {
    func accountField(_ e: Expression) -> Field? {
      if case .field(let field) = e, field.isAccountField { return field }
      return nil
    }
    guard let field = accountField(a) ?? accountField(b) else { return nil }
    let other = accountField(a) == nil ? a : b
    switch other {
    case .literal, .field(.amount): return nil
    case .field(let otherField) where otherField == field: return nil
    default:
      return "`\(field.rawValue)` compares with a value, not with `\(ExpressionPrinter.print(other))`"
    }
  }

  private func mismatchHelp(_ left: ValueType, _ right: ValueType) -> String {
    if left == .text || right == .text { return "text compares with quoted text, e.g. `customer.kind == \"company\"`" }
    return "compare amounts with amounts and day counts with whole numbers"
  }

  private mutating func checkMembership(_ a: ExpressionSyntax, _ list: [ExpressionSyntax], _ listRange: SourceRange)
    -> Operand?
  {
    guard let left = check(a) else { return nil }
    guard case .typed(let subject, let type) = left else {
      fail(.typeMismatch, "`in` needs a field on its left", a.range, help: "e.g. `customer.segment in [\"smb\"]`")
      return nil
    }
    guard !list.isEmpty else {
      fail(
        .emptyList, "the list is empty, so this is never true", listRange, help: "add values, or remove the condition"
      )
      return nil
    }
    var literals: [Literal] = []
    for element in list {
      switch check(element) {
      case .number(let text, let range)?:
        guard let literal = numberLiteral(text, range, as: type, other: ExpressionPrinter.print(subject)) else {
          return nil
        }
        literals.append(literal)
      case .typed(.literal(let literal), let elementType)? where elementType == type:
        literals.append(literal)
      case .typed(_, let elementType)?:
        fail(
          .typeMismatch,
          "the list holds \(elementType.phrase), but `\(ExpressionPrinter.print(subject))` is \(type.phrase)",
          element.range, help: "list values of the same type as the left side, written literally")
        return nil
      case nil:
        return nil
      }
    }
    return .typed(.membership(subject, literals), .boolean)
  }
}
