/// How a condition was decided on one day: every sub-expression with its truth, and every
/// comparison with the values its operands had, as the engine saw them.
///
/// Short-circuit honest: the right side of an `and` whose left side is false, or of an `or` whose
/// left side is true, is not evaluated, and its trace says so (``value`` is `nil`, with no
/// operands and no children). Build one with ``Condition/trace(_:)``.
///
/// ```swift
/// let trace = condition.trace(values)
/// print(trace.line)   // balance 320.00 >= 500.00 → false
/// ```
public struct ConditionTrace: Sendable, Hashable {
  /// The sub-expression traced.
  public var expression: Expression
  /// Its truth, or `nil` when it was not evaluated (short-circuited).
  public var value: Bool?
  /// For a comparison or an `in`: its operands, left to right, with their values (the list of an
  /// `in` is not repeated here; it is in ``expression``).
  public var operands: [TracedOperand]
  /// The traces of the sub-conditions: both sides of `and` and `or`, the operand of `not`, and
  /// any boolean sub-expression a comparison compares.
  public var children: [ConditionTrace]
  /// Why a comparison is false whatever the values, such as an amount in another currency.
  public var note: String?

  /// Creates a trace.
  public init(
    expression: Expression, value: Bool?, operands: [TracedOperand] = [], children: [ConditionTrace] = [],
    note: String? = nil
  ) {
    self.expression = expression
    self.value = value
    self.operands = operands
    self.children = children
    self.note = note
  }

  /// Whether the sub-expression was evaluated.
  public var isEvaluated: Bool { value != nil }

  /// Every note of the evaluated sub-expressions, outermost first, each once.
  public var notes: [String] {
    var found: [String] = []
    func visit(_ trace: ConditionTrace) {
      guard trace.isEvaluated else { return }
      if let note = trace.note, !found.contains(note) { found.append(note) }
      trace.children.forEach(visit)
    }
    visit(self)
    return found
  }

  /// The sub-expression with the values it saw and its truth, on one line:
  /// `balance 320.00 >= 500.00 → false`, `days-overdue 12 >= 10 → true`,
  /// `tagged "vip" → false`, `customer.segment "smb" in ["enterprise"] → false`; an `and`, `or`
  /// or `not` as written (`balance >= 500.00 and tagged "vip" → false`), its parts in
  /// ``children``; `(not evaluated)` for a short-circuited one.
  ///
  /// Amounts are written exactly, with their currency when the comparison names one. Input
  /// text is escaped with ``SafeText/escaped(_:)``.
  public var line: String {
    let text: String
    switch expression {
    case .comparison(_, let op, _) where operands.count == 2:
      let showCurrency = operands.contains { $0.value.namesCurrency }
      text = operands[0].text(currency: showCurrency) + " \(op.rawValue) " + operands[1].text(currency: showCurrency)
    case .membership(_, let list) where operands.count == 1:
      let showCurrency = operands[0].value.namesCurrency || list.contains { TracedValue.literal($0).namesCurrency }
      text =
        operands[0].text(currency: showCurrency) + " in [" + list.map(\.description).joined(separator: ", ") + "]"
    default:
      text = ExpressionPrinter.print(expression)
    }
    let outcome = value.map { $0 ? "→ true" : "→ false" } ?? "(not evaluated)"
    return SafeText.escaped(text + " " + outcome)
  }
}

/// One operand of a traced comparison: the field it reads, if any, and its value.
public struct TracedOperand: Sendable, Hashable {
  /// The field read, or `nil` for a literal or a sub-condition.
  public var field: Field?
  /// The value the engine compared.
  public var value: TracedValue

  /// Creates an operand.
  public init(field: Field?, value: TracedValue) {
    self.field = field
    self.value = value
  }

  /// `balance 320.00`, `500.00`, `customer.kind "person"`.
  func text(currency: Bool) -> String {
    let value = value.text(currency: currency)
    return field.map { "\($0.rawValue) \(value)" } ?? value
  }
}

/// A value a condition compares: a field's value on the day, or a literal as written.
public enum TracedValue: Sendable, Hashable {
  /// `true` or `false`.
  case boolean(Bool)
  /// A whole number (`days-overdue`).
  case integer(Int)
  /// An amount of money (`balance`, `amount`).
  case money(Money)
  /// Text (`customer.segment`).
  case text(String)
  /// A literal of the condition.
  case literal(Literal)

  /// Whether the value is a literal written with its currency (`500.00 EUR`).
  var namesCurrency: Bool {
    if case .literal(.money) = self { return true }
    return false
  }

  /// The value as a person reads it; money with its currency only when `currency`.
  func text(currency: Bool) -> String {
    switch self {
    case .boolean(let value): return value ? "true" : "false"
    case .integer(let value): return String(value)
    case .money(let money): return currency ? money.description : money.amountString
    case .text(let text): return text.quotedForRules
    case .literal(let literal): return literal.description
    }
  }
}
